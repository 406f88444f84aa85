"""MyST and reST parity: the same quotes written three ways give the same doctree and HTML.

``tests/roots/test-parity`` holds five quotes covering every option, written in reST
(``rst.rst``), in MyST backtick fences (``backtick.md``) and in MyST colon fences
(``colon.md``). Only the ``:name:`` differs (labels are project-wide, so each page prefixes
its own), and is normalised away before comparing.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from sphinxcontrib_matome.nodes import matome_quote

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
PAGES = ("rst", "backtick", "colon")
QUOTES_PER_PAGE = 5


def warnings_of(warning: StringIO) -> str:
    """The warning stream without the terminal colors Sphinx adds."""
    return ANSI_ESCAPE.sub("", warning.getvalue())


def without_page_prefix(text: str, docname: str) -> str:
    """Replace the page's own label prefix (``rst-alice`` → ``PAGE-alice``)."""
    return re.sub(rf"\b{docname}-", "PAGE-", text)


def quote_pseudo_xml(app, docname: str) -> list[str]:
    """The pseudo-XML of each quote of a page, without source and line information."""
    doctree = app.env.get_doctree(docname)
    quotes = []
    for quote in doctree.findall(matome_quote):
        copy = quote.deepcopy()
        for element in copy.findall(nodes.Element):
            # Sources and lines differ between files by nature; everything else must not.
            element.source = element.line = None
            for attribute in ("source", "line"):
                element.attributes.pop(attribute, None)
        quotes.append(without_page_prefix(copy.pformat(), docname))
    return quotes


def quote_html(app, docname: str) -> list[str]:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf8")
    soup = BeautifulSoup(html, "html.parser")
    return [
        without_page_prefix(str(quote), docname) for quote in soup.select("figure.matome-quote")
    ]


@pytest.mark.sphinx("html", testroot="parity", freshenv=True)
def test_doctrees_are_the_same(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    doctrees = {docname: quote_pseudo_xml(app, docname) for docname in PAGES}
    assert len(doctrees["rst"]) == QUOTES_PER_PAGE
    assert doctrees["backtick"] == doctrees["rst"]
    assert doctrees["colon"] == doctrees["rst"]
    # The comparison must cover the options, not just empty shells.
    first = doctrees["rst"][0]
    assert 'ids="PAGE-alice"' in first
    assert 'url="https://news.ycombinator.com/item?id=1"' in first
    assert "<emphasis>" in first


@pytest.mark.sphinx("html", testroot="parity", freshenv=True)
def test_html_is_the_same(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    fragments = {docname: quote_html(app, docname) for docname in PAGES}
    assert len(fragments["rst"]) == QUOTES_PER_PAGE
    assert fragments["backtick"] == fragments["rst"]
    assert fragments["colon"] == fragments["rst"]
    assert fragments["rst"][1] == (
        '<figure class="matome-quote extra-one extra-two matome-quote--right '
        'matome-quote--colored" id="id1" style="--matome-color: #38d3d3; '
        '--matome-on-color: #000000; --matome-bg: #ebfbfb; --matome-bg-dark: #1f3d3f">\n'
        '<figcaption class="matome-quote__meta"><span class="matome-quote__user">bob</span> '
        '<time class="matome-quote__time" datetime="2025-09-27T15:01:17">2025-09-27 15:01</time> '
        "</figcaption>\n"
        '<blockquote class="matome-quote__body">\n'
        "<p>A one-line <strong>body</strong> option.</p>\n"
        "</blockquote>\n"
        "</figure>"
    )
