"""Fuzzing the directive's option parsing and its HTML, in reST and in MyST.

Any option values and body give a quote whose stored fields are validated (color token, http(s)
url, avatar without a dangerous scheme, class names, align) and whose HTML has no element,
attribute or style that could run code or restyle the page. Values written the way the migrator
writes them (``yaml_string``) read back exactly through MyST.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docutils import nodes
from hypothesis import given
from hypothesis import strategies as st
from security_support import PAYLOADS, fuzz_settings, tick
from sphinx.testing.restructuredtext import parse as parse_rst
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import _parse_str_to_doctree

from sphinxcontrib_matome import fields
from sphinxcontrib_matome.migrate.convert import fence_for, yaml_string
from sphinxcontrib_matome.nodes import matome_quote

OPTIONS = ("user-name", "created-at", "color", "avatar", "url", "align", "class", "name", "body")

_PIECES = [
    "<",
    ">",
    '"',
    "'",
    "&",
    ";",
    ":",
    "#",
    "/",
    "\\",
    "{",
    "}",
    "(",
    ")",
    "`",
    "*",
    "_",
    "|",
    " ",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "https://",
    "http://e.org/",
    "//",
    "../",
    "url(",
    "expression(",
    "var(--x)",
    "red",
    "#fff",
    "38d3d3",
    "primary",
    "left",
    "right",
    "2025-02-05T15:50:09",
    "2025/09/27 15:01:17",
    "+09:00",
    "Z",
    "名無し",
    "\u202e",
    "\u200b",
    "\x00",
    "\t",
    "\x85",
    "\u2028",
    "onerror=",
    "<script>",
    "</figure>",
    "%",
    "$",
    "\\input",
    "{raw}`<b>`",
    "<br>",
    "-",
    ".",
    "x",
    "1",
]
_VALUE = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
    st.text(max_size=30),
    st.sampled_from([p.value for p in PAYLOADS if len(p.value) < 1000]),
)
_OPTIONS = st.dictionaries(st.sampled_from(OPTIONS), _VALUE, max_size=len(OPTIONS))
_BODY = st.lists(_VALUE, max_size=4)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    src = tmp_path_factory.mktemp("directive-fuzz")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib_matome']\n", encoding="utf-8"
    )
    (src / "index.rst").write_text("Fuzz\n====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    app.build()
    # Thousands of parses: keep Sphinx's records away from pytest's log capture (slow).
    sphinx_logger = logging.getLogger("sphinx")
    propagate, sphinx_logger.propagate = sphinx_logger.propagate, False
    try:
        yield app
    finally:
        sphinx_logger.propagate = propagate
        app.cleanup()


def _parse_myst(app, text: str) -> nodes.document:
    from myst_parser.parsers.sphinx_ import MystParser

    parser = MystParser()
    parser._config = app.config
    parser._env = app.env
    app.env.current_document.docname = "index"
    try:
        return _parse_str_to_doctree(
            text,
            filename=Path(app.srcdir) / "index.md",
            default_settings={
                "env": app.env,
                "input_encoding": "utf-8",
                "output_encoding": "unicode",
                "traceback": True,
            },
            env=app.env,
            parser=parser,
            transforms=app.registry.get_transforms(),
        )
    finally:
        app.env.current_document.docname = ""


# --- what the HTML of a quote may contain ---------------------------------------------------------

_FORBIDDEN_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "svg",
        "math",
        "template",
        "noscript",
        "audio",
        "video",
        "source",
        "portal",
        "dialog",
    }
)
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "cite",
        "action",
        "formaction",
        "srcset",
        "poster",
        "data",
        "xlink:href",
        "background",
    }
)
_DANGEROUS_URL = re.compile(r"(?:javascript|vbscript|data|file):", re.IGNORECASE)
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_STYLE_VALUE = r"(?:#[0-9a-f]{6}|var\(--sd-color-[a-z]+, #[0-9a-f]{6}\))"
_STYLE = re.compile(rf"--matome-[a-z-]+: {_STYLE_VALUE}(?:; --matome-[a-z-]+: {_STYLE_VALUE})*")
_CLASS = re.compile(r"[a-z0-9][a-z0-9_-]*")


class _Audit(HTMLParser):
    """Everything in a fragment that could run code, load something or restyle the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.figures = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "figure":
            self.figures += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            elif name == "style" and not (tag == "figure" and _STYLE.fullmatch(value)):
                self.problems.append(f"<{tag} style={value!r}>")
            elif name in _URL_ATTRIBUTES and _DANGEROUS_URL.match(_URL_IGNORED.sub("", value)):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name == "class" and not all(_CLASS.fullmatch(c) for c in value.split()):
                self.problems.append(f"<{tag} class={value!r}>")

    handle_startendtag = handle_starttag


def audit_html(fragment: str) -> list[str]:
    audit = _Audit()
    audit.feed(fragment)
    audit.close()
    return audit.problems


def _check_quotes(app, doctree: nodes.document) -> list[matome_quote]:
    quotes = list(doctree.findall(matome_quote))
    for quote in quotes:
        color = quote.get("color", "")
        if color:
            assert fields.parse_color(color) is not None
            assert re.fullmatch(r"[a-z]+|#[0-9a-f]{6}", color), color
        url = quote.get("url", "")
        assert not url or re.fullmatch(r"https?://[^\s\"'<>\\]+", url, re.IGNORECASE), url
        avatar = quote.get("avatar", "")
        assert not _DANGEROUS_URL.match(_URL_IGNORED.sub("", avatar)), avatar
        assert quote.get("align") in ("left", "right")
        assert all(_CLASS.fullmatch(c) for c in quote["classes"]), quote["classes"]
        assert not list(quote.findall(nodes.raw))
        fragment = app.builder.render_partial(quote)["fragment"]
        assert audit_html(fragment) == [], fragment
    return quotes


def _rst(options: dict[str, str], body: list[str]) -> str:
    lines = [".. matome-quote::"]
    for name, value in options.items():
        lines.append(f"   :{name}: {' '.join(value.splitlines())}".rstrip())
    lines.append("")
    for line in body:
        lines += ["   " + part for part in line.splitlines() or [""]]
    return "Title\n=====\n\n" + "\n".join(lines) + "\n\nAfter the quote.\n"


def _myst(options: dict[str, str], body: list[str]) -> str:
    content = "\n".join(body)
    fence = fence_for(content)
    lines = [f"{fence}{{matome-quote}}"]
    lines += [f":{name}: {yaml_string(value)}" for name, value in options.items()]
    lines += ["", content, fence]
    return "# Title\n\n" + "\n".join(lines) + "\n\nAfter the quote.\n"


@given(_OPTIONS, _BODY)
@fuzz_settings(default=40, fuzz=4_000)
def test_rst_quotes_are_validated_and_inert(app, options: dict[str, str], body: list[str]) -> None:
    tick("directive: reST options and body")
    _check_quotes(app, parse_rst(app, _rst(options, body)))


@given(_OPTIONS, _BODY)
@fuzz_settings(default=40, fuzz=4_000)
def test_myst_quotes_are_validated_and_inert(app, options: dict[str, str], body: list[str]) -> None:
    tick("directive: MyST options and body")
    quotes = _check_quotes(app, _parse_myst(app, _myst(options, body)))
    assert len(quotes) == 1
    user = fields.drop_control_chars(options.get("user-name", ""))[0].strip(" \t\n\r\f\v")
    if user:
        # The migrator's encoding of a value reads back exactly.
        assert quotes[0]["user"] == user


@given(_VALUE)
@fuzz_settings(default=300, fuzz=10_000)
def test_field_parsers_raise_only_value_error(value: str) -> None:
    tick("fields: color and timestamp")
    for parse in (fields.parse_color, fields.parse_timestamp):
        try:
            parsed = parse(value)
        except ValueError:
            continue
        if isinstance(parsed, fields.Color):
            assert re.fullmatch(r"#[0-9a-f]{6}", parsed.hex)
            assert re.fullmatch(r"[a-z]*", parsed.semantic)
            css = fields.palette(parsed).css(parsed.css_value)
            assert _STYLE.fullmatch(css), css
        elif isinstance(parsed, fields.Timestamp):
            assert "<" not in parsed.iso and '"' not in parsed.iso
