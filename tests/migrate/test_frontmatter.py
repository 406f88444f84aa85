"""Tests of front matter splitting: fixture files in ``fixtures/frontmatter`` plus API checks."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinxcontrib_matome.migrate.errors import MigrationError
from sphinxcontrib_matome.migrate.frontmatter import FrontMatter, split_front_matter
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
