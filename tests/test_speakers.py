"""The speaker registry (``matome_speakers``), initials avatars and ``matome_color_by_user``.

``tests/roots/test-speakers``: ``a`` quotes alice_w (registered with color, role and avatar),
``b`` bob_k (registered with a display name, color and side, no avatar), ``c`` nobody, ``d``
and ``e`` carol_m (not registered). The incremental test edits ``conf.py`` between builds of
one project and asks Sphinx's environment which pages it read again.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_matome import speakers
from sphinxcontrib_matome.config import CONFIG_VALUES

ROOT = Path(__file__).parent / "roots" / "test-speakers"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
PALETTE = next(value.default for value in CONFIG_VALUES if value.name == "matome_user_palette")


def build(srcdir: Path, builder: str = "html", **confoverrides) -> tuple[SphinxTestApp, list]:
    """Build (incrementally when ``srcdir`` was built before); the app and the docs read."""
    app = SphinxTestApp(
        builder, srcdir=srcdir, status=StringIO(), warning=StringIO(), confoverrides=confoverrides
    )
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    return app, sorted(read)


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf8"), "html.parser")


@pytest.fixture
def srcdir(tmp_path: Path) -> Path:
    shutil.copytree(ROOT, tmp_path / "src")
    return tmp_path / "src"


# --- pure functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("fenomas", "FE"),
        ("Alice Walker", "AW"),
        ("sakura_ink", "SI"),
        ("camelCase", "CC"),
        ("山田さん", "山"),
        ("x", "X"),
        ("  ", "?"),
        ("名無し 太郎", "名太"),
    ],
)
def test_initials(name: str, letters: str) -> None:
    assert speakers.initials(name) == letters


def test_color_for_user_is_stable() -> None:
    # Fixed values: the same user gets the same color in every build and every process.
    assert speakers.color_for_user("carol_m", PALETTE) == "#ff9800"
    assert speakers.color_for_user("hoshi_miru", PALETTE) == "#ff5c5c"
    assert speakers.color_for_user("anyone", ()) == ""
    colors = {speakers.color_for_user(f"user{i}", PALETTE) for i in range(200)}
    assert colors == set(PALETTE)


def test_entry_problems() -> None:
    assert speakers.entry_problems("ok", {"color": "red", "role": "OP"}) == []
    assert speakers.entry_problems("x", "red") == ["matome_speakers['x'] must be a dict, not str"]
    problems = speakers.entry_problems("x", {"colour": "red", "color": "nope", "align": "up"})
    assert [problem.split(":")[1].split()[0] for problem in problems] == [
        "unknown",
        "invalid",
        "align",
    ]


def test_entry_digest() -> None:
    assert speakers.entry_digest(None) == "-"
    assert speakers.entry_digest({"a": "1", "b": "2"}) == speakers.entry_digest(
        {"b": "2", "a": "1"}
    )
    assert speakers.entry_digest({"a": "1"}) != speakers.entry_digest({"a": "2"})


# --- builds -----------------------------------------------------------------------------------


def test_registry_applied(srcdir: Path) -> None:
    app, _ = build(srcdir)
    assert ANSI.sub("", app.warning.getvalue()) == ""
    first, second = page(app, "a").select("figure.matome-quote")
    assert first["style"].startswith("--matome-color: #e91e63;")
    assert first.select_one(".matome-quote__role").get_text() == "OP"
    assert first.select_one("img.matome-quote__avatar")["src"] == "_images/alice.png"
    # Options of the quote win over the registry.
    assert second["style"].startswith("--matome-color: #45d325;")
    bob = page(app, "b").select_one("figure.matome-quote")
    assert bob.select_one(".matome-quote__user").get_text() == "Bob K."
    assert "matome-quote--right" in bob["class"]
    initials = bob.select_one(".matome-quote__avatar--initials")
    assert (initials.get_text(), initials["aria-hidden"]) == ("BK", "true")
    carol = page(app, "d").select_one("figure.matome-quote")
    assert carol["class"] == ["matome-quote", "matome-quote--left"]
    assert carol.select_one(".matome-quote__avatar, .matome-quote__role") is None


def test_registry_in_text_and_latex(srcdir: Path) -> None:
    app, _ = build(srcdir, "text")
    assert "   alice_w [OP] (2025-07-01 10:00):" in (app.outdir / "a.txt").read_text("utf8")
    assert "   Bob K.:" in (app.outdir / "b.txt").read_text("utf8")  # no "BK" in plain text
    app, _ = build(srcdir, "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf8")
    assert r"{alice\_w\matomerole{OP}}" in tex
    assert r"[matome right,matome initials={BK},unbreakable]{38D3D3}" in tex


def test_color_by_user(srcdir: Path) -> None:
    app, _ = build(srcdir, matome_color_by_user=True)
    assert ANSI.sub("", app.warning.getvalue()) == ""
    expected = f"--matome-color: {speakers.color_for_user('carol_m', PALETTE)};"
    for name in ("d", "e"):  # the same color on every page
        assert page(app, name).select_one("figure.matome-quote")["style"].startswith(expected)
    # A registry color still wins over the palette.
    assert page(app, "b").select_one("figure")["style"].startswith("--matome-color: #38d3d3;")


def test_bad_registry_entries_are_reported(srcdir: Path) -> None:
    app, _ = build(
        srcdir,
        matome_speakers={
            "alice_w": {"avatar": "_static/nope.png", "colour": "red"},
            "bob_k": {"color": "blurple"},
        },
    )
    warned = ANSI.sub("", app.warning.getvalue())
    assert "matome_speakers['alice_w']: unknown key 'colour' ignored" in warned
    assert "matome_speakers['alice_w']: avatar '_static/nope.png' not found" in warned
    assert "matome_speakers['bob_k']: invalid color 'blurple'" in warned
    assert warned.count("[matome.speaker]") == 3
    alice = page(app, "a").select_one("figure")
    assert alice.select_one(".matome-quote__avatar--initials").get_text() == "AW"
    assert page(app, "b").select_one("figure").get("style") is None


def _write_registry(srcdir: Path, registry: dict) -> None:
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf8")
    text = text[: text.index("matome_speakers = ")]  # the registry is conf.py's last statement
    text += f"matome_speakers = {registry!r}\n"
    conf.write_text(text, encoding="utf8")


def test_registry_edit_rebuilds_only_dependent_pages(srcdir: Path) -> None:
    registry = {
        "alice_w": {"color": "#e91e63", "role": "OP", "avatar": "_static/alice.png"},
        "bob_k": {"display": "Bob K.", "color": "#38d3d3", "align": "right"},
    }
    app, read = build(srcdir)
    assert read == ["a", "b", "c", "d", "e", "index"]
    app, read = build(srcdir)
    assert read == []  # nothing changed

    registry["alice_w"]["color"] = "#3f51b5"
    _write_registry(srcdir, registry)
    app, read = build(srcdir)
    assert read == ["a"]
    assert page(app, "a").select_one("figure")["style"].startswith("--matome-color: #3f51b5;")
    # What Sphinx keeps: each page's speakers with a digest of the entry it was read with.
    assert app.env.matome_speaker_uses["a"] == {
        "alice_w": speakers.entry_digest(registry["alice_w"])
    }

    registry["carol_m"] = {"role": "mod"}  # a speaker who was not registered before
    _write_registry(srcdir, registry)
    app, read = build(srcdir)
    assert read == ["d", "e"]
    assert page(app, "e").select_one(".matome-quote__role").get_text() == "mod"

    del registry["bob_k"]
    _write_registry(srcdir, registry)
    app, read = build(srcdir)
    assert read == ["b"]
    assert page(app, "b").select_one(".matome-quote__user").get_text() == "bob_k"


def test_parallel_read_merges_the_records(srcdir: Path) -> None:
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), parallel=2)
    try:
        app.build()
    finally:
        app.cleanup()
    assert sorted(app.env.matome_speaker_uses) == ["a", "b", "d", "e"]
    assert set(app.env.matome_speaker_uses["d"]) == {"carol_m"}
