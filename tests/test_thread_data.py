"""Data-driven threads: ``matome-thread`` with a JSON, YAML or CSV ``source``.

``tests/roots/test-thread-data`` holds one thread four ways (``data/comments.{json,yaml,csv}``
and hand-written quotes): all must give the same HTML. ``bad.md`` (left out of the clean build)
reads files with bad records: every problem is reported once, at the record's line, naming it.
"""

from __future__ import annotations

import re
import shutil
import warnings
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_matome import thread_data

with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401

ROOT = Path(__file__).parent / "roots" / "test-thread-data"
DATA = ROOT / "data"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build(tmp_path_factory, **confoverrides) -> tuple[Path, str, object]:
    srcdir = tmp_path_factory.mktemp("thread-data") / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=StringIO(), warning=StringIO(), confoverrides=confoverrides
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), ANSI.sub("", app.warning.getvalue()), app.env


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return build(tmp_path_factory)


def thread_html(outdir: Path, page: str) -> str:
    soup = BeautifulSoup((outdir / f"{page}.html").read_text(encoding="utf8"), "html.parser")
    return soup.select_one("div.matome-thread").prettify()


def test_clean_build(clean) -> None:
    assert clean[1] == ""


@pytest.mark.parametrize("page", ["json", "yaml", "csv", "rst"])
def test_same_as_hand_written(clean, page: str) -> None:
    outdir = clean[0]
    assert thread_html(outdir, page) == thread_html(outdir, "handwritten")


def test_records_become_posts(clean) -> None:
    soup = BeautifulSoup((clean[0] / "json.html").read_text(encoding="utf8"), "html.parser")
    items = soup.select("li.matome-thread__item")
    # c3 answers c1 and c4 answers c3: shown under them, numbers in the file's order.
    assert [(item["value"], item.get("data-parent")) for item in items] == [
        ("1", None),
        ("3", "1"),
        ("4", "3"),
        ("2", None),
    ]
    assert [a["href"] for a in soup.select("a.matome-reply")] == ["#comment-1", "#comment-3"]


def test_data_file_is_a_dependency(clean) -> None:
    env = clean[2]
    for page, name in (
        ("json", "comments.json"),
        ("yaml", "comments.yaml"),
        ("rst", "comments.csv"),
    ):
        assert any(str(path).endswith(f"data/{name}") for path in env.dependencies[page]), page


def test_bad_records(tmp_path_factory) -> None:
    _, warned, _ = build(tmp_path_factory, exclude_patterns=["_build"])
    found = [
        (Path(source).name, int(line), kind, message)
        for source, line, message, kind in re.findall(
            r"^(\S+?):(\d+): WARNING: (.*) \[(matome\.\w+)\]$", warned, re.M
        )
    ]
    expected = sorted(
        [
            (
                "bad.json",
                3,
                "matome.data",
                "bad.json record 2: expected a record of fields, not text; s",
            ),
            (
                "bad.json",
                4,
                "matome.data",
                "bad.json record 3 (id 'b3'): unknown field 'colour' ignored (",
            ),
            (
                "bad.json",
                4,
                "matome.color",
                "bad.json record 3 (id 'b3'): invalid color 'blurple': expect",
            ),
            (
                "bad.json",
                5,
                "matome.user",
                "bad.json record 4 (id 'b4'): quote has no user-name; showing",
            ),
            (
                "bad.json",
                5,
                "matome.date",
                "bad.json record 4 (id 'b4'): cannot read 'yesterday' as a da",
            ),
            (
                "bad.json",
                6,
                "matome.data",
                "bad.json record 5 (id 'b5'): field 'body' must be text, not ",
            ),
            (
                "bad.json",
                6,
                "matome.data",
                "bad.json record 5 (id 'b5'): parent 'b99' is not in this thr",
            ),
            (
                "bad.json",
                7,
                "matome.data",
                "bad.json record 6 (id 'b1'): duplicate id 'b1' (first in rec",
            ),
            (
                "bad.csv",
                2,
                "matome.date",
                "bad.csv record 1 (id 'x1'): cannot read '2025-13-01' as a da",
            ),
            (
                "bad.csv",
                3,
                "matome.data",
                "bad.csv record 2 (id 'x2'): unknown field '(cells beyond the ",
            ),
            (
                "bad.csv",
                3,
                "matome.user",
                "bad.csv record 2 (id 'x2'): quote has no user-name; showing m",
            ),
            (
                "broken.json",
                1,
                "matome.data",
                "broken.json: invalid JSON: Expecting property name enclosed ",
            ),
            (
                "broken.yaml",
                2,
                "matome.data",
                "broken.yaml: invalid YAML: expected ',' or ']', but got '<str",
            ),
            (
                "bad.md",
                19,
                "matome.data",
                "notes.txt: unknown data format '.txt'; use .json, .yaml or .c",
            ),
            (
                "bad.md",
                23,
                "matome.data",
                "cannot read missing.json: No such file or directory; the thre",
            ),
        ]
    )
    found.sort()
    assert [item[:3] for item in found] == [item[:3] for item in expected]
    for (*_, message), (*_, prefix) in zip(found, expected, strict=True):
        assert message.startswith(prefix.rstrip())


def test_bad_records_keep_the_good_ones(tmp_path_factory) -> None:
    outdir, _, _ = build(tmp_path_factory, exclude_patterns=["_build"])
    soup = BeautifulSoup((outdir / "bad.html").read_text(encoding="utf8"), "html.parser")
    users = [
        u.get_text() for u in soup.select("div.matome-thread")[0].select(".matome-quote__user")
    ]
    # The string record is skipped; the others are shown with safe fallbacks.
    assert users == ["ok_user", "colorful", "名無しさん", "orphan", "twin"]


# --- the reader itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("comments.json", [2, 9, 10, 18]),
        ("comments.yaml", [1, 9, 13, 19]),
        ("comments.csv", [2, 5, 6, 7]),
    ],
)
def test_load_finds_each_record_line(name: str, lines: list[int]) -> None:
    records, problems = thread_data.load(DATA / name)
    assert problems == []
    assert [record.line for record in records] == lines
    assert [record.id for record in records] == ["c1", "c2", "c3", "c4"]
    assert records[0].values["body"] == "今夜は流星群らしい。\n\nWho is watching?"
    assert records[2].values["parent"] == "c1"


def test_yaml_values_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("- id: 007\n  user: no\n  body: 1.50\n", encoding="utf8")
    records, _ = thread_data.load(path)
    assert records[0].values == {"id": "007", "user": "no", "body": "1.50"}


def test_json_numbers_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        '[{"id": 7, "userName": "a", "createdAt": "2025-01-01", "reply-to": 3}]', encoding="utf-8"
    )
    records, problems = thread_data.load(path)
    assert problems == []
    assert records[0].values == {"id": "7", "user": "a", "time": "2025-01-01", "parent": "3"}


def test_json_must_be_a_list(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"comments": []}', encoding="utf-8")
    with pytest.raises(thread_data.DataError, match="expected a JSON array of records"):
        thread_data.load(path)
