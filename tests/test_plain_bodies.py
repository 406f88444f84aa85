"""A one-line body of plain text skips the nested Markdown parse: the doctree is the same.

Each body below is built twice, once as usual and once with ``PLAIN_BODIES`` off (every body
through MyST's parser), and every node of the two doctrees, with its attributes, source and
line, must be equal, and so must the HTML.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from sphinxcontrib_matome import directive

#: Bodies that take the short path: letters of any script, digits, spaces inside, ``,?!;/``.
PLAIN = [
    "plain words",
    "日本語の本文、句読点。「かぎ括弧」（全角括弧）！？",
    "mixed 日本語 and English, with commas; and a slash/or two?",
    "1 2 3 numbers 4",
    "emoji 🎉 and ＜全角＞ ｛括弧｝",
    "!!! three, not four",
    "one inner  double space",
]
#: Bodies that look like markup to MyST with some extension: they are parsed as before.
MARKUP = [
    "*emphasis* and _under_",
    "a [link](https://example.org) and <br> html",
    "1. a list",
    "- a bullet",
    "# a heading",
    "(c) and ... and -- replaced",
    "!!!! four bangs",
    "a,, b",
    "what????",
    "example.com linkified",
    "see www.example",
    "mail@example.org",
    "% a comment",
    "(target)=",
    "$x$ math",
    "{sub} substitution",
    "   indented",
    "trailing  ",
    "&amp; entity",
    "`code`",
    "~~strike~~",
    "a | table",
    "key: value",
    "'single' and \"double\" quotes",
    "back\\slash",
]


def _random_plain(rng: random.Random) -> str:
    alphabet = "あいうえお漢字カナabcXYZ0189 ,?!;/、。「」"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))).strip()
    return text.replace("!!!!", "!!!") or "x"


def _page(bodies: list[str]) -> str:
    parts = ["# Bodies\n"]
    for number, body in enumerate(bodies):
        if number % 3 == 0:  # the body option, as well as content
            parts.append(f"```{{matome-quote}}\n:user-name: u{number}\n:body: {body}\n```\n")
        else:
            parts.append(f"```{{matome-quote}}\n:user-name: u{number}\n\n{body}\n```\n")
        parts.append(f"Text after quote {number}.\n")
    parts.append("````{matome-quote}\n:user-name: multi\n\nline one\nline two\n````\n")
    return "\n".join(parts)


def _dump(node: nodes.Node) -> list[tuple]:
    """Every node in document order: its type, attributes, source, line and text."""
    rows = []
    for each in node.findall():
        attributes = dict(each.attributes) if isinstance(each, nodes.Element) else {}
        rawsource = getattr(each, "rawsource", None)
        text = str(each) if isinstance(each, nodes.Text) else None
        rows.append((type(each).__name__, attributes, each.source, each.line, rawsource, text))
    return rows


def _build(make_app, srcdir: Path, builddir: Path, plain: bool, monkeypatch) -> tuple:
    monkeypatch.setattr(directive, "PLAIN_BODIES", plain)
    app = make_app("html", srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    doctree = app.env.get_doctree("index")
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    # The page's content: the theme's own strings depend on the catalog an earlier build in
    # the same process left installed.
    html = str(BeautifulSoup(page, "html.parser").select_one("div.body"))
    warnings = app.warning.getvalue()
    app.cleanup()
    return _dump(doctree), html, warnings


def test_plain_bodies_are_recognised() -> None:
    assert not [body for body in PLAIN if directive._MARKUP.search(body)]
    assert [body for body in MARKUP if directive._MARKUP.search(body) is None] == []


@pytest.mark.parametrize("seed", [0, 1])
def test_plain_bodies_give_the_doctree_of_the_markdown_parser(
    make_app, tmp_path: Path, monkeypatch, seed: int
) -> None:
    rng = random.Random(seed)
    bodies = PLAIN + MARKUP + [_random_plain(rng) for _ in range(60)]
    rng.shuffle(bodies)
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib_matome"]\n'
        # Every extension that reads more into plain text, so the check covers them all.
        'myst_enable_extensions = ["replacements", "smartquotes", "linkify", "substitution",'
        ' "dollarmath", "strikethrough", "attrs_inline", "deflist", "fieldlist",'
        ' "colon_fence", "tasklist", "html_image"]\n',
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(_page(bodies), encoding="utf-8")
    short = _build(make_app, srcdir, tmp_path / "short", True, monkeypatch)
    parsed = _build(make_app, srcdir, tmp_path / "parsed", False, monkeypatch)
    assert short[0] == parsed[0]
    assert short[1] == parsed[1]
    assert short[2] == parsed[2]
    # The page has all its quotes, their bodies as text.
    assert short[1].count('class="matome-quote ') == len(bodies) + 1
