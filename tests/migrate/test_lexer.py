"""Tests of the Hugo shortcode lexer: fixture files in ``fixtures/lexer`` plus API checks."""

from __future__ import annotations

import json
import os
import pickle
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from sphinxcontrib_matome.migrate import lexer
from sphinxcontrib_matome.migrate.errors import LineIndex, MigrationError, position
from sphinxcontrib_matome.migrate.frontmatter import split_front_matter
from sphinxcontrib_matome.migrate.lexer import (
    Literal,
    Node,
    Shortcode,
    Text,
    build_tree,
    iter_shortcodes,
    lex,
    param_offsets,
    parse,
    typed_value,
)

FIXTURES = Path(__file__).parent / "fixtures" / "lexer"

# --------------------------------------------------------------------------------------------
# Fixture files
# --------------------------------------------------------------------------------------------


@dataclass
class Case:
    title: str
    source: str
    kind: str
    args: str
    expected: list[str]


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[nrtvf\\])")
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "v": "\v", "f": "\f", "\\": "\\"}


def unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match[1]
        return _SIMPLE_ESCAPES.get(code) or chr(int(code[1:], 16))

    return _ESCAPE.sub(one, text)


def load_cases(path: Path) -> list[pytest.ParameterSet]:
    """Cases of a fixture file: ``=== title``, input lines, ``--- kind args``, expected lines."""
    cases: list[tuple[int, Case, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("=== "):
            case = Case(line[4:], "", "", "", [])
            current = []
            cases.append((number, case, current))
        elif current is None:
            continue  # the explanation at the top of the file
        elif not cases[-1][1].kind and line.startswith("--- "):
            case = cases[-1][1]
            case.kind, _, case.args = line[4:].partition(" ")
        elif not cases[-1][1].kind:
            current.append(line)
        else:
            cases[-1][1].expected.append(line)
    params = []
    for number, case, source_lines in cases:
        source = "\n".join(source_lines)
        if case.title.endswith(" [escaped]"):
            source = unescape(source)
        case.source = source
        while case.expected and not case.expected[-1].strip():
            case.expected.pop()
        assert case.kind in ("tokens", "tree"), f"{path.name}:{number}: unknown kind {case.kind!r}"
        params.append(pytest.param(case, id=f"{path.stem}:{number}:{case.title}"))
    return params


def _visible(dumped: str) -> str:
    """Invisible characters (and non-ASCII spaces) of a JSON text written as \\uHHHH."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in dumped)


def _show(text: str) -> str:
    return _visible(json.dumps(text, ensure_ascii=False))


def _params(node: Shortcode) -> str:
    value = list(node.params) if isinstance(node.params, tuple) else node.params
    return _visible(json.dumps(value, ensure_ascii=False))


def render(nodes: list[Node], source: str, depth: int = 0) -> list[str]:
    lines: list[str] = []
    pad = "  " * depth
    for node in nodes:
        if isinstance(node, Text):
            assert source[node.start : node.end] == node.text
            lines.append(f"{pad}text {_show(node.text)}")
        elif isinstance(node, Literal):
            lines.append(f"{pad}literal {_show(node.text)} @{node.line}:{node.col}")
        else:
            delim = "%" if node.markdown else "<"
            if node.closing:
                head = f"close {delim} {node.name}"
            else:
                kind = "pair" if node.paired else "self" if node.self_closing else "sc"
                head = f"{kind} {delim} {node.name} {_params(node)}"
            head += f" @{node.line}:{node.col}"
            if node.inline:
                head += " inline"
            if node.indent:
                head += f" indent={_show(node.indent)}"
            if node.paired:
                assert node.inner_start is not None and node.inner_end is not None
                assert node.close_start is not None
                line, col = position(source, node.close_start)
                inner = source[node.inner_start : node.inner_end]
                head += f" inner={_show(inner)} close@{line}:{col}"
            lines.append(pad + head)
            if node.inner is not None:
                lines.extend(render(node.inner, source, depth + 1))
    return lines


def run_case(case: Case, *, fast: bool = True) -> list[str]:
    try:
        if case.kind == "tokens":
            nodes = lexer._Lexer(case.source, None, 1, 1, fast=fast).run()
        else:
            rules = dict(item.split("=") for item in case.args.split())
            declared = {name: value == "true" for name, value in rules.items()}
            tokens = lexer._Lexer(case.source, None, 1, 1, fast=fast).run()
            nodes = build_tree(tokens, paired=declared.get)
    except MigrationError as error:
        return [f"error {error.line}:{error.col} {error.code}: {error.message}"]
    return render(nodes, case.source)


ALL_CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in load_cases(path)]


@pytest.mark.parametrize("case", ALL_CASES)
def test_fixture(case: Case) -> None:
    assert run_case(case) == case.expected


@pytest.mark.parametrize("case", ALL_CASES)
def test_fixture_without_fast_path(case: Case) -> None:
    """The one-step pattern for common calls gives exactly what the state machine gives."""
    assert run_case(case, fast=False) == case.expected


def test_fixture_files_are_found() -> None:
    assert len(ALL_CASES) > 100


# --------------------------------------------------------------------------------------------
# API
# --------------------------------------------------------------------------------------------


def test_positions_honour_first_line_and_first_col() -> None:
    text = 'ab {{< p a="1" >}}\n  {{< q >}}'
    first, call, between = lex(text, first_line=10, first_col=5)[:3]
    assert (first.line, first.col) == (10, 5)
    assert isinstance(call, Shortcode)
    assert (call.line, call.col) == (10, 8)
    assert isinstance(between, Text)
    assert (between.line, between.col) == (10, 23)
    last = lex(text, first_line=10, first_col=5)[-1]
    assert (last.line, last.col) == (11, 3)


def test_errors_carry_the_path_and_file_position() -> None:
    with pytest.raises(MigrationError) as caught:
        lex('x\n{{< p a="b\n" >}}', path="posts/a/index.md", first_line=7)
    error = caught.value
    assert (error.path, error.line, error.col, error.code) == (
        "posts/a/index.md",
        8,
        9,
        "newline-in-string",
    )
    assert str(error).startswith("posts/a/index.md:8:9: unterminated quoted string")


def test_offsets_and_raw_text() -> None:
    text = 'a{{< p x="1" y=`2` >}}b'
    _, call, _ = lex(text)
    assert isinstance(call, Shortcode)
    assert text[call.start : call.end] == '{{< p x="1" y=`2` >}}'
    assert [text[offset] for offset in param_offsets(text, call)] == ['"', "`"]
    assert call.outer_end == call.end


def test_param_offsets_of_every_kind_of_value() -> None:
    text = 'x\n{{< p a="1" b= `2` c=3 d=\\"4\\" >}}{{< q "x" y >}}{{< d >}}i{{< /d >}}'
    tree = parse(text)
    p, q, d = (node for node in tree if isinstance(node, Shortcode))
    assert [text[offset : offset + 3] for offset in param_offsets(text, p)] == [
        '"1"',
        "`2`",
        "3 d",
        '\\"4',
    ]
    assert [text[offset] for offset in param_offsets(text, q)] == ['"', "y"]
    assert param_offsets(text, d) == ()


def test_paired_spans() -> None:
    text = "{{< d >}}in{{< /d >}}after"
    pair, after = parse(text)
    assert isinstance(pair, Shortcode) and isinstance(after, Text)
    assert pair.paired
    assert text[pair.inner_start : pair.inner_end] == "in"
    assert text[pair.close_start : pair.close_end] == "{{< /d >}}"
    assert pair.outer_end == len("{{< d >}}in{{< /d >}}")
    assert after.text == "after"


def test_get_follows_hugo() -> None:
    named, positional = lex('{{< p a="1" >}}{{< q "x" 2 >}}')
    assert isinstance(named, Shortcode) and isinstance(positional, Shortcode)
    assert named.get("a") == "1"
    assert named.get("missing") is None
    assert named.get(0) is None
    assert positional.get(1) == 2
    assert positional.get(2, "none") == "none"
    assert positional.get("a") is None


def test_paired_rule_is_asked_once_per_name() -> None:
    asked: list[str] = []

    def rule(name: str) -> bool | None:
        asked.append(name)
        return None

    parse("{{< d >}}{{< d >}}{{< /d >}}{{< /d >}}{{< q >}}", paired=rule)
    assert asked == ["d", "q"]


def test_iter_shortcodes_descends_into_pairs() -> None:
    tree = parse("{{< a >}}{{< b >}}{{< c >}}{{< /b >}}{{< /a >}}{{< d >}}")
    assert [node.name for node in iter_shortcodes(tree)] == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("false", False),
        ("TRUE", "TRUE"),
        ("0", 0),
        ("-12", -12),
        ("+7", 7),
        ("9223372036854775808", "9223372036854775808"),
        ("-9223372036854775808", -9223372036854775808),
        ("3.25", 3.25),
        ("-.5", -0.5),
        ("5.", "5."),
        ("1e3", "1e3"),
        ("٣", "٣"),
        ("1" * 400 + ".5", "1" * 400 + ".5"),
        ("", ""),
    ],
)
def test_typed_value(raw: str, expected: object) -> None:
    value = typed_value(raw)
    assert value == expected
    assert type(value) is type(expected)


def test_large_post_is_linear() -> None:
    quote = (
        '{{<matomeQuote body="本文' + "あ" * 300 + '" userName="u" createdAt="t" color="">}}\n\n'
    )
    text = quote * 2000
    tokens = lex(text)
    calls = [token for token in tokens if isinstance(token, Shortcode)]
    assert len(calls) == 2000
    assert calls[-1].line == 1 + 2 * 1999


# --------------------------------------------------------------------------------------------
# The fast path against the state machine, on generated calls
# --------------------------------------------------------------------------------------------

_PIECES = [
    " ",
    "\n",
    "\t",
    "a",
    "b1",
    "-x",
    "x.y",
    "日本",
    "=",
    '"v"',
    '"v w"',
    '"a\\"b"',
    '"c\\d"',
    "`r`",
    "`r\ns`",
    "1",
    "2.5",
    "true",
    "/",
    "\\",
    '"',
    "{{<",
    ">}}",
    "%}}",
    "*/",
    "/*",
    "'",
    ".inline ",
]


_NAMED = [
    ' a="v"',
    ' b="x y"',
    '\nc="日本"',
    ' d="q\\"r"',
    ' e="s\\t"',
    " f=1",
    " g=`r`",
    ' "pos"',
    ' h = "x"',
    ' i="line\nbreak"',
    'j="touch"',
    ' k.l="m"',
    ' -m="n"',
    ' ΣΦ="u"',
    ' o=""',
    ' a="again"',
    ' p="{{< q >}}"',
]


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        opener = rng.choice(["{{<", "{{%", "{{< ", "{{% ", "{{</*", "{{<  ", "{{<\n"])
        name = rng.choice(["p", "matomeQuote", "ns/x", "d", "a-b", "ΣΦ", "", "p.inline", "1x"])
        closer = rng.choice([">}}", "%}}", " >}}", " />}}", "*/>}}", "", "\n>}}"])
        if rng.random() < 0.5:
            body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
        else:
            # Mostly well-formed calls, so that the one-step pattern is exercised often.
            body = "".join(rng.choice(_NAMED) for _ in range(rng.randint(0, 5)))
            if rng.random() < 0.8:
                closer = rng.choice(["", " ", "\n"]) + ("%}}" if "%" in opener else ">}}")
        texts.append(f"x {opener}{name}{body}{closer} y {{{{< q >}}}}")
    return texts


def _outcome(text: str, *, fast: bool) -> object:
    try:
        return lexer._Lexer(text, None, 1, 1, fast=fast).run()
    except MigrationError as error:
        return (error.line, error.col, error.code, error.message)


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_matches_state_machine_on_generated_calls(seed: int) -> None:
    for text in _generated(seed, 500):
        assert _outcome(text, fast=True) == _outcome(text, fast=False), text


_QUOTE_VALUES = ["", "v", "日本語 text", "{{< q >}}", "a`b", "#38d3d3", "2025/09/27 15:01:17"]
_ODD_VALUES = ['q\\"r', "line\nbreak", "x\\y"]  # outside the one-step shape


def _quote_calls(seed: int, count: int) -> list[str]:
    """``matomeQuote`` calls near the archive's shape, which the lexer reads in one step."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        names = ["body", "userName", "createdAt", "color"]
        if rng.random() < 0.2:
            rng.shuffle(names)
        if rng.random() < 0.2:
            names = names[: rng.randint(0, 4)]
        if rng.random() < 0.1:
            names.insert(rng.randint(0, len(names)), rng.choice(["extra", "body"]))
        params = "".join(
            f"{rng.choice([' ', '  ', chr(10), chr(9), ' ' + chr(13) + chr(10)])}{name}="
            f'"{rng.choice(_QUOTE_VALUES if rng.random() < 0.9 else _ODD_VALUES)}"'
            for name in names
        )
        opener = rng.choice(["{{<", "{{<", "{{< ", "{{<\n", "{{%"])
        closer = rng.choice([">}}", ">}}", " >}}", "\n>}}", "%}}", " />}}"])
        name = rng.choice(["matomeQuote", "matomeQuote", "matomequote", "matomeQuoteX"])
        texts.append(f"x {opener}{name}{params}{closer} y {{{{< q >}}}}")
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_one_step_quote_calls_match_state_machine(seed: int) -> None:
    texts = _quote_calls(seed, 500)
    for text in texts:
        assert _outcome(text, fast=True) == _outcome(text, fast=False), text
    # The archive's shape was generated often enough to test its own path.
    one_step = [t for t in texts if (m := lexer._SCAN.search(t)) and m.start(1) >= 0]
    assert len(one_step) >= 25


# --------------------------------------------------------------------------------------------
# Tree building against a straightforward reference, on generated tag sequences
# --------------------------------------------------------------------------------------------


def _reference_tree(tokens: list[Node], rules: dict[str, bool | None]) -> object:
    """The obvious (quadratic) pairing: each level keeps its own child list and an unpaired
    opener is spliced into its parent with its children.  Errors become (code, line, col)."""
    root: list[Node] = []
    stack: list[tuple[Shortcode, list[Node]]] = []
    current = root
    for token in tokens:
        if not isinstance(token, Shortcode):
            current.append(token)
        elif token.closing:
            depth = len(stack) - 1
            while depth >= 0 and stack[depth][0].name != token.name:
                depth -= 1
            if depth < 0:
                code = "unexpected-close" if rules.get(token.name) is False else "unmatched-close"
                return (code, token.line, token.col)
            while len(stack) - 1 > depth:
                opener, children = stack.pop()
                if rules.get(opener.name) is True:
                    return ("mismatched-close", token.line, token.col)
                stack[-1][1].extend([opener, *children])
            opener, children = stack.pop()
            current = stack[-1][1] if stack else root
            current.append(
                replace(
                    opener,
                    inner=children,
                    inner_start=opener.end,
                    inner_end=token.start,
                    close_start=token.start,
                    close_end=token.end,
                )
            )
        elif token.self_closing:
            if rules.get(token.name) is False:
                return ("unexpected-close", token.line, token.col)
            current.append(token)
        elif rules.get(token.name) is False:
            current.append(token)
        else:
            stack.append((token, []))
            current = stack[-1][1]
    for opener, _ in stack:
        if rules.get(opener.name) is True:
            return ("unclosed-shortcode", opener.line, opener.col)
    while stack:
        opener, children = stack.pop()
        (stack[-1][1] if stack else root).extend([opener, *children])
    return root


@pytest.mark.parametrize("seed", range(4))
def test_build_tree_matches_the_reference_on_generated_tags(seed: int) -> None:
    rng = random.Random(seed)
    tags = ["{{< a >}}", "{{< /a >}}", "{{< b />}}", "{{< b >}}", "{{< /b >}}", "{{< c >}}"]
    tags += ["{{< /c >}}", "{{% d %}}", "{{% /d %}}", "x", "\n", "{{</* a */>}}"]
    for _ in range(1500):
        text = "".join(rng.choice(tags) for _ in range(rng.randint(0, 14)))
        rules = {name: rng.choice([True, False, None]) for name in "abcd"}
        tokens = lex(text)
        try:
            tree: object = build_tree(tokens, paired=rules.get)
        except MigrationError as error:
            tree = (error.code, error.line, error.col)
        assert tree == _reference_tree(tokens, rules), (text, rules)


def test_unclosed_tags_of_unknown_pairing_stay_flat() -> None:
    """Each unclosed tag is a sibling (their time is compared in test_boundaries.py's fuzz
    mode: no timed tests in the default run)."""
    tokens = lex("{{< a >}}") * 50_000
    tree = build_tree(tokens, paired={}.get)
    assert len(tree) == 50_000


# --------------------------------------------------------------------------------------------
# Errors and positions
# --------------------------------------------------------------------------------------------


def test_migration_error_str_leaves_out_missing_parts() -> None:
    assert str(MigrationError("m", path="p", line=3, col=4)) == "p:3:4: m"
    assert str(MigrationError("m", path="p", line=3)) == "p:3: m"
    assert str(MigrationError("m", line=3, col=4)) == "3:4: m"
    assert str(MigrationError("m", path="p")) == "p: m"
    assert str(MigrationError("m")) == "m"
    assert MigrationError("m").code == "error"


def test_migration_error_survives_pickling() -> None:
    error = MigrationError("bad", path="p.md", line=2, col=5, code="unterminated-string")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.path, copy.line, copy.col, copy.code) == (
        "bad",
        "p.md",
        2,
        5,
        "unterminated-string",
    )
    assert str(copy) == str(error)


def test_with_path() -> None:
    error = MigrationError("bad", line=2, col=5, code="x").with_path("a.md")
    assert str(error) == "a.md:2:5: bad"
    assert error.code == "x"


def test_line_index() -> None:
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    assert [index.position(offset) for offset in range(len(text) + 1)] == [
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 1),
        (2, 2),
        (2, 3),
        (3, 1),
        (4, 1),
        (4, 2),
        (4, 3),
    ]
    assert index.line_count == 4
    assert index.line_start(3) == 6
    shifted = LineIndex(text, first_line=5, first_col=10)
    assert shifted.position(1) == (5, 11)
    assert shifted.position(4) == (6, 2)
    assert position(text, 4, first_line=5, first_col=10) == (6, 2)
    assert position(text, 1, first_line=5, first_col=10) == (5, 11)
    with pytest.raises(ValueError):
        index.position(-1)


def test_line_index_agrees_with_position() -> None:
    text = "一\n二三\r\n\n四五六\u2028七"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.position(offset) == position(text, offset)


# --------------------------------------------------------------------------------------------
# The real archive (opt-in)
# --------------------------------------------------------------------------------------------

CORPUS = Path(
    os.environ.get("MATOME_CORPUS", Path(__file__).parents[3] / "shared/corpus/kaigai-matome")
)


@pytest.mark.conformance
def test_corpus_lexes_without_errors() -> None:
    content = CORPUS / "content"
    if not content.is_dir():
        pytest.skip(f"no corpus at {content}")
    counts: dict[str, int] = {}
    paired = {"details": True, "matomeQuote": False, "ref": False, "list": False}
    files = sorted(content.rglob("index.md"))
    for path in files:
        front = split_front_matter(path.read_text(encoding="utf-8"), path=str(path))
        tree = parse(front.body, path=str(path), first_line=front.body_line, paired=paired.get)
        for call in iter_shortcodes(tree):
            key = call.name + ("+inner" if call.paired else "")
            counts[key] = counts.get(key, 0) + 1
    assert set(counts) <= {"matomeQuote", "details+inner", "ref", "list"}
    if len(files) == 1638:  # the public 2025_02–2025_09 subset
        assert counts == {
            "matomeQuote": 131_573,
            "details+inner": 3_638,
            "ref": 1_607,
            "list": 15,
        }
