"""Real Sphinx builds of the quote directive: HTML markup, options and snapshots.

Builds pass ``freshenv=True``: the tests of one root share its doctree directory, and a reused
environment would skip reading and so hide the warnings the directive emits. The option tests
read one shared build of ``tests/roots/test-options`` (``shared_result``), which sphinx.testing
builds once per module and restores, with its warnings, for each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

#: One build of the options root, shared by the tests that only read its HTML.
OPTIONS = (
    pytest.mark.sphinx("html", testroot="options", freshenv=True),
    pytest.mark.test_params(shared_result="test_build-options"),
)


def options_build(test: Callable[..., None]) -> Callable[..., None]:
    """Build the options root once per module and let ``test`` read it."""
    for mark in OPTIONS:
        test = mark(test)
    return test


def warnings_of(warning: StringIO) -> str:
    """The warning stream without the terminal colors Sphinx adds."""
    return ANSI_ESCAPE.sub("", warning.getvalue())


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text(encoding="utf8"), "html.parser")


def quote_by_id(soup: BeautifulSoup, quote_id: str) -> Tag:
    quote = soup.select_one(f"figure.matome-quote#{quote_id}")
    assert quote is not None, f"no quote #{quote_id}"
    return quote


def style_properties(quote: Tag) -> dict[str, str]:
    """The custom properties of a quote's ``style`` attribute ({} when there is none)."""
    declarations = [item for item in quote.get("style", "").split(";") if item.strip()]
    pairs = [declaration.split(":", 1) for declaration in declarations]
    return {name.strip(): value.strip() for name, value in pairs}


@pytest.mark.sphinx("html", testroot="quote", freshenv=True)
def test_html_markup(app, warning):
    app.build()
    assert warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    quotes = soup.select("figure.matome-quote")
    assert len(quotes) == 3
    first = quotes[0]
    assert first["id"] == "alice-quote"
    assert "--matome-color: #ff5c5c" in first["style"]
    assert first.select_one(".matome-quote__user").get_text() == "alice_b"
    time = first.select_one("time.matome-quote__time")
    assert time["datetime"] == "2025-03-08T01:52:37"
    assert time.get_text() == "2025-03-08 01:52"
    body = first.select_one("blockquote.matome-quote__body")
    assert body["cite"] == "https://news.ycombinator.com/item?id=1"
    assert len(body.find_all("br")) == 2
    assert "matome-quote--right" in quotes[1]["class"]
    assert "matome-quote--empty" in quotes[2]["class"]
    assert quotes[2].select_one("blockquote") is None


# --- snapshots --------------------------------------------------------------------------------


def fragment(app, docname: str) -> str:
    """The prettified quotes of a page, with build paths replaced so snapshots are portable."""
    html = "\n".join(quote.prettify() for quote in page(app, docname).select("figure.matome-quote"))
    for path, placeholder in ((app.outdir, "<outdir>"), (app.srcdir, "<srcdir>")):
        html = html.replace(path.as_posix(), placeholder)
    return html


@pytest.mark.parametrize("docname", ["index", "rst"])
@pytest.mark.sphinx("html", testroot="quote", freshenv=True)
def test_html_snapshot_quote_root(app, warning, file_regression, docname: str) -> None:
    app.build()
    assert warnings_of(warning) == ""
    file_regression.check(fragment(app, docname), basename=f"quote-{docname}", extension=".html")


# Colors and dates have exact tests of their own below; these pages hold the other options.
@pytest.mark.parametrize("docname", ["options", "rst"])
@options_build
def test_html_snapshot_options_root(app, warning, file_regression, docname: str) -> None:
    app.build()
    assert warnings_of(warning) == ""
    file_regression.check(fragment(app, docname), basename=f"options-{docname}", extension=".html")


# --- options ----------------------------------------------------------------------------------


def palette_css(accent: str, on_accent: str, background: str, background_dark: str) -> dict:
    return {
        "--matome-color": accent,
        "--matome-on-color": on_accent,
        "--matome-bg": background,
        "--matome-bg-dark": background_dark,
    }


@options_build
def test_colors(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "colors")
    actual = {quote["id"]: style_properties(quote) for quote in soup.select("figure")}
    pink = palette_css("#ff00aa", "#000000", "#ffe6f6", "#431737")
    teal = palette_css("#38d3d3", "#000000", "#ebfbfb", "#1f3d3f")

    def semantic(name: str, fallback: str, *tints: str) -> dict:
        return palette_css(f"var(--sd-color-{name}, {fallback})", *tints)

    assert actual == {
        # #rgb and rrggbb, with or without "#", any case: lowercase #rrggbb.
        "color-hex3": pink,
        "color-hex6": teal,
        "color-bare3": pink,
        "color-bare6": teal,
        "color-named": palette_css("#663399", "#ffffff", "#f0ebf5", "#282034"),
        # sphinx-design names follow the theme's variable, the default as the fallback.
        "color-primary": semantic("primary", "#0071bc", "#ffffff", "#e6f1f8", "#152b3a"),
        "color-secondary": semantic("secondary", "#6c757d", "#ffffff", "#f0f1f2", "#292c2f"),
        "color-success": semantic("success", "#28a745", "#000000", "#eaf6ec", "#1d3525"),
        "color-info": semantic("info", "#17a2b8", "#000000", "#e8f6f8", "#19343a"),
        "color-warning": semantic("warning", "#f0b37e", "#000000", "#fef7f2", "#41372f"),
        "color-danger": semantic("danger", "#dc3545", "#000000", "#fcebec", "#3d2025"),
        "color-light": semantic("light", "#f8f9fa", "#000000", "#fefefe", "#424446"),
        "color-muted": semantic("muted", "#6c757d", "#ffffff", "#f0f1f2", "#292c2f"),
        "color-dark": semantic("dark", "#212529", "#ffffff", "#e9e9ea", "#1b1e20"),
        # No color, or an empty one: no custom property at all, so the theme's neutral applies.
        "color-empty": {},
        "color-none": {},
    }
    colored = {quote["id"] for quote in soup.select("figure.matome-quote--colored")}
    assert colored == {name for name, style in actual.items() if style}
    assert soup.select_one("#color-empty").get("style") is None


@options_build
def test_dates(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "dates")
    actual = {
        quote["id"]: (time.get("datetime"), time.get_text())
        for quote in soup.select("figure")
        for time in quote.select("time.matome-quote__time")
    }
    assert actual == {
        "date-archive-iso": ("2025-03-08T01:52:37", "2025-03-08 01:52"),
        "date-archive-slash": ("2025-09-27T15:01:17", "2025-09-27 15:01"),
        "date-slash-minutes": ("2025-09-27T15:01:00", "2025-09-27 15:01"),
        # Date-only: no invented midnight, in the attribute or the text.
        "date-only": ("2025-03-08", "2025-03-08"),
        "date-slash-only": ("2025-03-08", "2025-03-08"),
        # Offsets are kept for machines; the text shows the time as written.
        "date-offset": ("2025-03-08T01:52:37+09:00", "2025-03-08 01:52"),
        "date-zulu": ("2025-03-08T01:52:37+00:00", "2025-03-08 01:52"),
        "date-fraction": ("2025-03-08T01:52:37.250000-05:00", "2025-03-08 01:52"),
        "date-space": ("2025-03-08T01:52:37", "2025-03-08 01:52"),
    }


@pytest.mark.sphinx(
    "html",
    testroot="options",
    freshenv=True,
    confoverrides={
        "matome_date_format": "%d.%m.%Y, %H:%M:%S",
        "matome_date_only_format": "%d.%m.%Y",
    },
)
def test_custom_date_format(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "dates")
    time = quote_by_id(soup, "date-archive-slash").select_one("time")
    assert (time["datetime"], time.get_text()) == ("2025-09-27T15:01:17", "27.09.2025, 15:01:17")
    time = quote_by_id(soup, "date-only").select_one("time")
    assert (time["datetime"], time.get_text()) == ("2025-03-08", "08.03.2025")


@options_build
def test_avatar_local_is_copied_like_an_image(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    for docname, quote_id in (("options", "opt-local-avatar"), ("rst", "opt-rst")):
        avatar = quote_by_id(page(app, docname), quote_id).select_one("figcaption > img")
        # Decorative: the name next to it says who speaks, so the alt text is empty.
        assert avatar.attrs == {
            "src": "_images/avatar.png",
            "alt": "",
            "class": ["matome-quote__avatar"],
        }
    source = (app.srcdir / "avatar.png").read_bytes()
    assert (app.outdir / "_images" / "avatar.png").read_bytes() == source


@options_build
def test_avatar_url(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    quote = quote_by_id(page(app, "options"), "opt-remote-avatar")
    avatar = quote.select_one("figcaption > img.matome-quote__avatar")
    assert avatar["src"] == "https://example.com/avatars/bob.png"
    assert not (app.outdir / "_images" / "bob.png").exists()


@options_build
def test_align_and_class(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "options")
    classes = {quote["id"]: quote["class"] for quote in soup.select("figure")}
    assert classes == {
        "opt-local-avatar": ["matome-quote", "matome-quote--left"],
        "opt-remote-avatar": ["matome-quote", "matome-quote--right"],
        "opt-aliases": ["matome-quote", "highlight", "extra", "matome-quote--left"],
        "opt-empty": ["matome-quote", "matome-quote--left", "matome-quote--empty"],
        "opt-url-no-time": ["matome-quote", "matome-quote--left"],
    }


@options_build
def test_url_links_time_and_cites(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "options")
    quote = quote_by_id(soup, "opt-local-avatar")
    link = quote.select_one("figcaption a")
    assert link["href"] == "https://news.ycombinator.com/item?id=1"
    assert [child.name for child in link.children] == ["time"]
    assert quote.select_one("blockquote")["cite"] == "https://news.ycombinator.com/item?id=1"
    # Without a time there is nothing to link, but the body still cites its source.
    quote = quote_by_id(soup, "opt-url-no-time")
    assert quote.select_one("figcaption a") is None
    assert quote.select_one("blockquote")["cite"] == "https://example.com/thread"


@options_build
def test_aliases_and_markdown_body_option(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    quote = quote_by_id(page(app, "options"), "opt-aliases")
    assert quote.select_one(".matome-quote__user").get_text() == "carol"
    assert quote.select_one("time")["datetime"] == "2025-09-27T15:01:17"
    paragraph = quote.select_one("blockquote > p")
    assert str(paragraph) == "<p>One line with <strong>Markdown</strong><br/>and a break.</p>"


@options_build
def test_empty_body(app, warning) -> None:
    app.build()
    # An empty body is a valid quote (a reaction with no words): no warning.
    assert warnings_of(warning) == ""
    quote = quote_by_id(page(app, "options"), "opt-empty")
    assert "matome-quote--empty" in quote["class"]
    assert quote.select_one("blockquote") is None
    assert quote.select_one(".matome-quote__user").get_text() == "dave"
    time = quote.select_one("figcaption > time")
    assert (time["datetime"], time.get_text()) == ("2025-03-08T01:52:37", "2025-03-08 01:52")


@options_build
def test_name_ref_and_numref(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    links = [
        (link["href"], link.get_text())
        for link in page(app, "options").select("p a.reference.internal")
    ]
    # Quotes are numbered across the project: 16 on the colors page, 9 on the dates page.
    assert links == [
        ("#opt-local-avatar", "alice_b"),
        ("#opt-aliases", "a custom title"),
        ("#opt-remote-avatar", "Quote 27"),
    ]
    links = [
        (link["href"], link.get_text())
        for link in page(app, "rst").select("p a.reference.internal")
    ]
    assert links == [("#opt-rst", "frank"), ("#opt-rst", "Quote 31")]


@pytest.mark.sphinx("html", testroot="options", freshenv=True, confoverrides={"numfig_format": {}})
def test_numref_needs_no_numfig_format(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""


@pytest.mark.sphinx(
    "html", testroot="builders", freshenv=True, confoverrides={"matome_default_color": "Primary"}
)
def test_default_color(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    soup = page(app, "rst")
    # erin sets no color: the default applies. dave sets primary himself.
    for quote in soup.select("figure.matome-quote"):
        assert style_properties(quote)["--matome-color"] == "var(--sd-color-primary, #0071bc)"
    alice = quote_by_id(page(app, "index"), "alice-quote")
    assert style_properties(alice)["--matome-color"] == "#ff5c5c"


@pytest.mark.parametrize("shown", [False, True])
def test_remote_images_in_quotes_are_links_unless_allowed(tmp_path: Path, shown: bool) -> None:
    """A commenter's web image would be fetched by every reader: a link showing its alt text,
    unless ``matome_remote_images`` is on."""
    from sphinx.testing.util import SphinxTestApp

    (tmp_path / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinxcontrib_matome"]\nmatome_remote_images = {shown}\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text(
        "# Images\n\n```{matome-quote}\n:user-name: u\n\n"
        "See ![a cat](https://example.invalid/cat.png) here.\n\n"
        "![](HTTPS://example.invalid/dog.png)\n```\n",
        encoding="utf-8",
    )
    app = SphinxTestApp("html", srcdir=tmp_path, warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    quote = BeautifulSoup(
        (Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).select_one("figure.matome-quote")
    images = [img["src"] for img in quote.select("img")]
    links = {a.get_text(): a["href"] for a in quote.select("a.matome-quote__image-link")}
    if shown:
        assert images == ["https://example.invalid/cat.png", "HTTPS://example.invalid/dog.png"]
        assert links == {}
    else:
        assert images == []
        assert links == {
            "a cat": "https://example.invalid/cat.png",
            "HTTPS://example.invalid/dog.png": "HTTPS://example.invalid/dog.png",
        }
