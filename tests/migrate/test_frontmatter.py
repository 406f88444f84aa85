"""Tests of front matter splitting: fixture files in ``fixtures/frontmatter`` plus API checks."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinxcontrib_matome.migrate.errors import MigrationError
from sphinxcontrib_matome.migrate.frontmatter import (
    MAX_ALIAS_COPIES,
    MAX_DEPTH,
    FrontMatter,
    split_front_matter,
)
from sphinxcontrib_matome.migrate.lexer import Shortcode, lex

FIXTURES = Path(__file__).parent / "fixtures" / "frontmatter"

# --------------------------------------------------------------------------------------------
# Fixture files
# --------------------------------------------------------------------------------------------


@dataclass
class Case:
    title: str
    source: str
    expected: list[str]


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[nrt\\])")
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}


def unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match[1]
        return _SIMPLE_ESCAPES.get(code) or chr(int(code[1:], 16))

    return _ESCAPE.sub(one, text)


def load_cases(path: Path) -> list[pytest.ParameterSet]:
    """Cases of a fixture file: ``=== title``, input lines, ``--- result``, expected lines."""
    cases: list[tuple[int, Case, list[str], list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("=== "):
            cases.append((number, Case(line[4:], "", []), [], []))
        elif not cases:
            continue  # the explanation at the top of the file
        elif line == "--- result" and not cases[-1][3]:
            cases[-1][3].append(line)
        elif cases[-1][3]:
            cases[-1][1].expected.append(line)
        else:
            cases[-1][2].append(line)
    params = []
    for number, case, source_lines, marker in cases:
        assert marker, f"{path.name}:{number}: no '--- result' line"
        source = "\n".join(source_lines)
        case.source = unescape(source) if case.title.endswith(" [escaped]") else source
        while case.expected and not case.expected[-1].strip():
            case.expected.pop()
        params.append(pytest.param(case, id=f"{path.stem}:{number}:{case.title}"))
    return params


def _tagged(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"time": value.isoformat()}
    raise TypeError(f"unexpected value {value!r}")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_tagged)


def render(front: FrontMatter) -> list[str]:
    return [
        "format " + (front.format or '""'),
        f"data {_json(front.data)}",
        f"raw {_json(front.raw)}",
        f"body {_json(front.body)}",
        f"body_line {front.body_line}",
        f"body_col {front.body_col}",
    ]


def run_case(case: Case) -> list[str]:
    try:
        front = split_front_matter(case.source)
    except MigrationError as error:
        return [f"error {error.line}:{error.col} {error.code}: {error.message}"]
    # The body is the rest of the original file from body_offset, with LF line endings.
    assert case.source[front.body_offset :].replace("\r\n", "\n") == front.body
    assert_closed_types(front.data)
    return render(front)


ALL_CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in load_cases(path)]


@pytest.mark.parametrize("case", ALL_CASES)
def test_fixture(case: Case) -> None:
    assert run_case(case) == case.expected


def test_fixture_files_are_found() -> None:
    assert len(ALL_CASES) > 40


# --------------------------------------------------------------------------------------------
# API
# --------------------------------------------------------------------------------------------

_SCALARS = (str, bool, int, float, dt.date, dt.time, type(None))


def assert_closed_types(value: object) -> None:
    """Decoded values are scalars of the documented types, lists and str-keyed dicts."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str
            assert_closed_types(item)
    elif isinstance(value, list):
        for item in value:
            assert_closed_types(item)
    else:
        assert isinstance(value, _SCALARS), type(value)


def test_body_offset_counts_the_byte_order_mark_and_carriage_returns() -> None:
    text = "\ufeff+++\r\ntitle = 'x'\r\n+++\r\nBody\r\n"
    front = split_front_matter(text)
    assert front.body_offset == 24
    assert text[front.body_offset :] == "Body\r\n"
    assert (front.body_line, front.body_col) == (4, 1)


def test_errors_name_the_path() -> None:
    with pytest.raises(MigrationError) as caught:
        split_front_matter("+++\na = \n+++\n", path="content/posts/x/index.md")
    assert str(caught.value) == (
        "content/posts/x/index.md:2:5: invalid TOML front matter: Invalid value"
    )


def test_lexer_positions_are_file_positions() -> None:
    text = "+++\r\ntitle = 'x'\r\n+++\r\n\r\nline {{< p a=1 >}}\r\n"
    front = split_front_matter(text, path="a.md")
    calls = [
        token
        for token in lex(front.body, path="a.md", first_line=front.body_line)
        if isinstance(token, Shortcode)
    ]
    assert [(call.line, call.col) for call in calls] == [(5, 6)]
    with pytest.raises(MigrationError) as caught:
        lex(front.body + '{{< q "\n" >}}', path="a.md", first_line=front.body_line)
    assert (caught.value.line, caught.value.col) == (6, 7)


def test_body_col_locates_a_body_after_the_closing_delimiter() -> None:
    front = split_front_matter("+++\n+++ {{< p >}}")
    (_, call) = lex(front.body, first_line=front.body_line, first_col=front.body_col)
    assert isinstance(call, Shortcode)
    assert (call.line, call.col) == (2, 5)


def test_result_is_immutable() -> None:
    front = split_front_matter("---\na: 1\n---\n")
    with pytest.raises(AttributeError):
        front.body = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Limits for hostile front matter
# --------------------------------------------------------------------------------------------


def _error(text: str) -> MigrationError:
    with pytest.raises(MigrationError) as caught:
        split_front_matter(text, path="p.md")
    return caught.value


def _nested(fmt: str, depth: int) -> str:
    """Front matter whose innermost list is *depth* collections deep (the mapping is one)."""
    value = "[" * (depth - 1) + "]" * (depth - 1)
    return {
        "json": '{"a": ' + value + "}\n",
        "yaml": "---\na: " + value + "\n---\n",
        "toml": "+++\na = " + value + "\n+++\n",
    }[fmt]


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_nesting_up_to_the_limit_is_read(fmt: str) -> None:
    value = split_front_matter(_nested(fmt, MAX_DEPTH)).data["a"]
    for _ in range(MAX_DEPTH - 2):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == []


@pytest.mark.parametrize(
    ("fmt", "where"), [("json", (1, 1)), ("yaml", (2, MAX_DEPTH + 3)), ("toml", (2, 1))]
)
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 400, 5000])
def test_deeper_nesting_is_a_located_error(fmt: str, where: tuple[int, int], depth: int) -> None:
    error = _error(_nested(fmt, depth))
    assert (error.line, error.col, error.code) == (*where, "frontmatter-limit")
    assert error.message == f"front matter values are nested more than {MAX_DEPTH} levels deep"


def test_deep_tables_and_aliases_count_as_nesting() -> None:
    assert _error("+++\n" + ".".join("k" * 150) + " = 1\n+++\n").code == "frontmatter-limit"
    # An alias adds the depth of what it names: each line below nests 60 levels more.
    lines = ["a0: &a0 " + "[" * 59 + "]" * 59]
    lines += [f"a{k}: &a{k} " + "[" * 59 + f"*a{k - 1}" + "]" * 59 for k in range(1, 4)]
    assert _error("---\n" + "\n".join(lines) + "\n---\n").code == "frontmatter-limit"


def _aliases(copies: int) -> str:
    """Front matter whose aliases copy exactly *copies* values (a 9-value list, 9 at a time)."""
    assert copies % 10 == 0
    items = ", ".join(["x"] * 9)
    uses = ", ".join(["*l"] * (copies // 10))
    return f"---\nl: &l [{items}]\nuses: [{uses}]\n---\n"


def test_aliases_may_copy_up_to_the_limit() -> None:
    data = split_front_matter(_aliases(MAX_ALIAS_COPIES)).data
    assert data["uses"] == [["x"] * 9] * (MAX_ALIAS_COPIES // 10)


def test_aliases_copying_more_are_refused_where_they_cross_the_limit() -> None:
    error = _error(_aliases(MAX_ALIAS_COPIES + 10))
    assert error.code == "frontmatter-limit"
    assert error.message == (
        f"YAML aliases copy more than {MAX_ALIAS_COPIES:,} values into the front matter "
        "(at '*l'); write the values out instead"
    )
    # The last alias of the list, 1,001 uses of "*l" (4 characters each) after "uses: [".
    assert (error.line, error.col) == (3, 8 + 4 * (MAX_ALIAS_COPIES // 10))


def test_merged_aliases_count_as_copies() -> None:
    levels = ["l0: &l0 {a: 1, b: 2}"]
    levels += [f"l{k}: &l{k} {{<<: [{', '.join([f'*l{k - 1}'] * 10)}]}}" for k in range(1, 8)]
    error = _error("---\n" + "\n".join(levels) + "\n---\n")
    assert (error.line, error.code) == (6, "frontmatter-limit")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("---\na: 0x" + "f" * 4000 + "\n---\n", (2, 4)),  # read without Python's digit limit
        ("---\na: 1" + ":59" * 3000 + "\n---\n", (2, 4)),  # base 60
        ("---\na: " + "9" * 4301 + "\n---\n", (2, 4)),
        ("+++\na = 0x" + "f" * 4000 + "\n+++\n", (2, 1)),
        ("+++\na = " + "9" * 4301 + "\n+++\n", (2, 1)),
        ('{"a": ' + "9" * 4301 + "}\n", (1, 1)),
    ],
)
def test_integers_too_long_to_print_are_refused(text: str, where: tuple[int, int]) -> None:
    error = _error(text)
    assert (error.line, error.col, error.code) == (*where, "frontmatter-limit")
    assert error.message == "an integer in the front matter has more than 4,300 digits"


def test_long_integers_that_print_are_read() -> None:
    assert split_front_matter("---\na: " + "9" * 4300 + "\n---\n").data["a"] == 10**4300 - 1
    assert split_front_matter("+++\na = 0x" + "f" * 1000 + "\n+++\n").data["a"] == 16**1000 - 1


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-13-45", "month must be in 1..12"),
        ("2025-02-30", "day is out of range for month"),
        ("2025-02-03T24:00:00", "hour must be in 0..23"),
        ("2001-12-14t21:59:43.10-99:99", "its time zone offset is not under 24 hours"),
        ("2001-12-14 21:59:43.10 +24", "its time zone offset is not under 24 hours"),
    ],
)
def test_impossible_yaml_dates_are_located_errors(value: str, reason: str) -> None:
    error = _error(f"---\ntitle: t\ndate: {value}\n---\n")
    assert (error.line, error.col, error.code) == (3, 7, "frontmatter-syntax")
    assert error.message == f"invalid YAML front matter: invalid date '{value}': {reason}"


def test_yaml_dates_and_offsets_in_range_are_read() -> None:
    data = split_front_matter("---\na: 2001-12-14 21:59:43.10 -23:59\nb: 2024-02-29\n---\n").data
    offset = dt.timezone(-dt.timedelta(hours=23, minutes=59))
    assert data["a"] == dt.datetime(2001, 12, 14, 21, 59, 43, 100000, tzinfo=offset)
    assert data["b"] == dt.date(2024, 2, 29)
