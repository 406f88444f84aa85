"""Fuzzing the shortcode lexer and tree builder: any text gives tokens that tile it exactly, or a
``MigrationError`` located at a real file:line:col — never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from security_support import fuzz_settings, tick

from sphinxcontrib_matome.migrate import lexer
from sphinxcontrib_matome.migrate.convert import PAIRED
from sphinxcontrib_matome.migrate.errors import MigrationError, position

PATH = "content/posts/fuzz/index.md"

#: Pieces of the shortcode grammar, its escapes and its error corners.
FRAGMENTS = [
    "{{<",
    "{{%",
    ">}}",
    "%}}",
    "{{</*",
    "*/>}}",
    "{{%/*",
    "*/%}}",
    "{{",
    "}}",
    "{",
    "}",
    "/",
    "/>}}",
    " /",
    "*/",
    "/*",
    "<",
    ">",
    "%",
    "=",
    " = ",
    '"',
    '\\"',
    "\\",
    "`",
    "'",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\v",
    "\f",
    "\u3000",
    "\u00a0",
    "\u2028",
    "matomeQuote",
    "details",
    "list",
    "ref",
    "x",
    "a-b",
    "ns/name",
    "x.inline",
    "_",
    "9",
    "名前",
    "é",
    "body=",
    "userName=",
    'body="',
    'userName="u"',
    'color="#fff"',
    "summary=",
    "true",
    "false",
    "42",
    "-1.5",
    "1e9",
    "0x1F",
    "\x00",
    "\ufeff",
    "\ud7ff",
    "🙂",
    "{{< details >}}",
    "{{< /details >}}",
    '{{<matomeQuote body="b">}}',
    "{{< /matomeQuote >}}",
    "{{< x />}}",
    "{{% x %}}",
    "{{< x.inline >}}",
    "{{< /x.inline >}}",
    "{{< a >}}",
    "{{< /a >}}",
    "{{< b >}}",
    "{{< /b >}}",
]

_fragment_soup = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40
).map("".join)
SOURCES = st.one_of(_fragment_soup, st.text(max_size=200))
FIRST_LINE = st.integers(min_value=1, max_value=5000)
FIRST_COL = st.integers(min_value=1, max_value=200)


def _check_error(error: MigrationError, text: str, first_line: int, first_col: int) -> None:
    assert isinstance(error, MigrationError)
    assert error.path == PATH
    assert error.line is not None and error.col is not None, repr(error)
    last_line = first_line + text.count("\n")
    assert first_line <= error.line <= last_line, repr(error)
    assert error.col >= 1, repr(error)
    assert str(error).startswith(f"{PATH}:{error.line}:{error.col}: ")
    assert error.code and error.message


def _check_tokens(tokens: list[lexer.Node], text: str, first_line: int, first_col: int) -> None:
    at = 0
    for token in tokens:
        assert token.start == at, (token, at)
        assert token.end > token.start
        line, col = position(text, token.start, first_line=first_line, first_col=first_col)
        assert (token.line, token.col) == (line, col), token
        at = token.end
    assert at == len(text)


@given(SOURCES, FIRST_LINE, FIRST_COL)
@fuzz_settings(default=600, fuzz=30_000)
def test_lex_tiles_the_text_or_raises_a_located_error(
    text: str, first_line: int, first_col: int
) -> None:
    tick("lexer: lex + tree")
    try:
        tokens = lexer.lex(text, path=PATH, first_line=first_line, first_col=first_col)
    except MigrationError as error:
        _check_error(error, text, first_line, first_col)
        return
    _check_tokens(tokens, text, first_line, first_col)
    for rule in (None, PAIRED.get):
        try:
            tree = lexer.build_tree(tokens, path=PATH, paired=rule)
        except MigrationError as error:
            _check_error(error, text, first_line, first_col)
            continue
        calls = list(lexer.iter_shortcodes(tree))
        assert len(calls) <= len(tokens)
        for call in calls:
            if call.paired:
                assert call.end <= call.inner_start <= call.inner_end == call.close_start
                assert call.close_start < call.close_end <= len(text)


def _outcome(text: str, fast: bool) -> object:
    try:
        return lexer._Lexer(text, PATH, 1, 1, fast=fast).run()
    except MigrationError as error:
        return (error.line, error.col, error.code, error.message)


@given(SOURCES)
@fuzz_settings(default=300, fuzz=10_000)
def test_fast_path_and_state_machine_agree(text: str) -> None:
    tick("lexer: fast path = state machine")
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
@fuzz_settings(default=200, fuzz=5_000)
def test_param_offsets_point_at_the_values(text: str) -> None:
    tick("lexer: parameter offsets")
    try:
        tokens = lexer.lex(text, path=PATH)
    except MigrationError:
        return
    for token in tokens:
        if type(token) is lexer.Shortcode and not token.closing:
            offsets = lexer.param_offsets(text, token)
            assert len(offsets) == len(token.params)
            assert all(token.start < offset < token.end for offset in offsets)
