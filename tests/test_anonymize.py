"""Anonymity (``matome_anonymize``): no real name in any output file of any builder.

``tests/roots/test-anonymize`` quotes five real-looking names (one in the registry with a
display name and an avatar, one with an avatar option and a URL that contains the name) in a
thread with JSON-LD, ``op`` and replies. Each builder's whole output tree is searched for every
name, in both modes; the doctrees (``.doctrees``, outside the output) are not output.
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

from sphinxcontrib_matome import anonymize

with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401

ROOT = Path(__file__).parent / "roots" / "test-anonymize"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SALT = "test-salt-do-not-reuse"
#: Every real name in the root, and pieces of them distinctive enough to find.
REAL_NAMES = ["takahashi", "Yamamoto", "suzuki", "Suzuki Real Name", "watanabe"]
BUILDERS = ["html", "singlehtml", "text", "latex", "gettext", "xml", "man"]


def build(tmp_path: Path, builder: str, mode: str) -> tuple[Path, str]:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=tmp_path / "build",  # doctrees outside the output tree
        status=StringIO(),
        warning=StringIO(),
        confoverrides={"matome_anonymize": mode},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), ANSI.sub("", app.warning.getvalue())


def leaks(outdir: Path) -> list[str]:
    """``file: name`` for each real name found in any file of the output tree."""
    found = []
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes().lower()
        for name in REAL_NAMES:
            if name.lower().encode("utf8") in data or name.lower().encode("utf-16-le") in data:
                found.append(f"{path.relative_to(outdir)}: {name}")
        if "takahashi" in path.name.lower():
            found.append(f"{path.relative_to(outdir)}: file name")
    return found


@pytest.mark.parametrize("mode", ["nanashi", "id"])
@pytest.mark.parametrize("builder", BUILDERS)
def test_no_real_name_in_any_output(tmp_path: Path, builder: str, mode: str) -> None:
    outdir, warned = build(tmp_path, builder, mode)
    # The only warning: the URL that contains a name is left out (and says so).
    assert re.findall(r"WARNING: (.*) \[", warned) == [
        "url names the user; left out under matome_anonymize"
    ]
    assert leaks(outdir) == []
    assert any(outdir.rglob("*"))


def test_nanashi_in_html(tmp_path: Path) -> None:
    outdir, _ = build(tmp_path, "html", "nanashi")
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    users = [user.get_text() for user in soup.select(".matome-quote__user")]
    assert users == ["名無しさん"] * 4
    # No avatar, no initials: a picture says who speaks. The role stays.
    assert soup.select(".matome-quote__avatar") == []
    assert [role.get_text() for role in soup.select(".matome-quote__role")] == ["OP"]
    # html_copy_source is turned off: the sources hold the names.
    assert not [path for path in outdir.glob("_sources/**/*") if path.is_file()]


def test_ids_in_html_and_search_index(tmp_path: Path) -> None:
    outdir, _ = build(tmp_path, "html", "id")
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    takahashi = "ID:" + anonymize.user_id("takahashi_real", SALT)
    users = [user.get_text() for user in soup.select("#anon .matome-quote__user")]
    assert users == [
        takahashi,
        "ID:" + anonymize.user_id("Yamamoto Real", SALT),
        "ID:" + anonymize.user_id("suzuki_real", SALT),
        takahashi,
    ]
    other = BeautifulSoup((outdir / "rst.html").read_text(encoding="utf8"), "html.parser")
    assert other.select_one(".matome-quote__user").get_text() == takahashi  # the same ID
    # ``op`` is matched without keeping the name: the OP's posts are on the right.
    sides = ["right" if "matome-quote--right" in f["class"] else "left" for f in soup("figure")]
    assert sides == ["right", "left", "left", "right"]
    # The first URL named the user and is gone; the other is kept.
    assert [a["href"] for a in soup.select("figcaption a.reference.external")] == [
        "https://example.com/c/2"
    ]
    # JSON-LD carries the IDs too.
    script = soup.select_one("#anon script[type='application/ld+json']").string
    assert takahashi in script and "takahashi" not in script.lower().replace(takahashi.lower(), "")


def test_user_id() -> None:
    first = anonymize.user_id("fenomas", "salt")
    assert re.fullmatch(r"[A-Za-z0-9+/]{8}", first)
    assert anonymize.user_id("fenomas", "salt") == first  # stable
    assert anonymize.user_id("fenomas", "other salt") != first  # salted
    assert anonymize.user_id("fenomax", "salt") != first
    assert anonymize.display_name("fenomas", "", "名無しさん", "s") == "fenomas"
    assert anonymize.display_name("fenomas", "nanashi", "名無しさん", "s") == "名無しさん"
    assert anonymize.display_name("fenomas", "id", "名無しさん", "salt") == f"ID:{first}"


@pytest.mark.parametrize(
    ("value", "mode"),
    [(False, ""), (None, ""), ("", ""), (True, "nanashi"), ("nanashi", "nanashi"), ("ID", "id")],
)
def test_mode(value, mode: str) -> None:
    assert anonymize.mode(value) == mode


def test_bad_mode_fails_closed(tmp_path: Path) -> None:
    outdir, warned = build(tmp_path, "text", "hide-them")
    assert "matome_anonymize must be False, 'nanashi' or 'id', not 'hide-them'" in warned
    assert leaks(outdir) == []


def test_the_search_finds_names_when_not_anonymized(tmp_path: Path) -> None:
    """The leak search itself works: without anonymity every name is found."""
    outdir, _ = build(tmp_path, "html", False)
    found = {line.split(": ", 1)[1] for line in leaks(outdir)}
    assert found == {*REAL_NAMES, "file name"}
