"""Fuzzing the front-matter reader: any file gives decoded data of the documented types and a
body that is the rest of the file, or a ``MigrationError`` located at file:line:col.

Hostile inputs that once escaped as Python errors (deep nesting, impossible dates, huge
integers) or took exponential time (YAML aliases) are kept below as regression tests. The
migrator would survive a crash anyway: ``convert_page`` turns any unexpected exception into a
located error (see ``test_migrate_survives_front_matter_crashes``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from security_support import fuzz_settings, tick

from sphinxcontrib_matome.migrate.convert import ConvertOptions, convert_page
from sphinxcontrib_matome.migrate.errors import MigrationError
from sphinxcontrib_matome.migrate.frontmatter import split_front_matter
from sphinxcontrib_matome.migrate.site import SiteConfig

PATH = "content/posts/fuzz/index.md"

_SCALARS = [
    "x",
    "'x'",
    '"x"',
    '"\\u00e9"',
    "'''a\nb'''",
    "1",
    "-0",
    "1.5",
    "1e3",
    "inf",
    "nan",
    "true",
    "false",
    "yes",
    "no",
    "~",
    "null",
    "2025-02-05",
    "2025-02-05T15:50:09",
    "2025-02-05T15:50:09+09:00",
    "15:50:09",
    "[]",
    "{}",
    "[1, 'a']",
    "{a = 1}",
    "{a: 1}",
    "&a x",
    "*a",
    "!!str 1",
    "!!binary AAAA",
    "!!set {a}",
    "!!omap [a: 1]",
    "|\n  x",
    ">\n  x",
    '"\\ud800"',
    '"\\x41"',
    "0x1F",
    "0o17",
    "1_000",
    "'it''s'",
    '"a\\"b"',
    "`x`",
    "名前",
]
_KEYS = [
    "title",
    "date",
    "tags",
    "draft",
    "slug",
    "url",
    "aliases",
    "featureimage",
    "a",
    "a.b",
    '"q"',
    "1",
    "true",
    "<<",
    "? x",
    "- x",
    "[t]",
    "[[t]]",
    "名",
]
_LINE_ENDS = ["\n", "\r\n", "\r"]


@st.composite
def front_matter_files(draw: st.DrawFn) -> str:
    """Something that looks like a content file, in any of the four formats, often broken."""
    kind = draw(st.sampled_from(["+++", "---", "{", "#+", "", " \n", "\ufeff+++"]))
    end = draw(st.sampled_from(_LINE_ENDS))
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(_KEYS))
        value = draw(st.one_of(st.sampled_from(_SCALARS), st.text(max_size=8)))
        separator = draw(st.sampled_from([" = ", ": ", ":", "=", " ", '": ']))
        indent = draw(st.sampled_from(["", "", "  ", "\t"]))
        lines.append(f"{indent}{key}{separator}{value}")
    if kind == "{":
        inner = ",".join(
            f'"{draw(st.text(max_size=5))}": {v}'
            for v in draw(
                st.lists(
                    st.sampled_from(
                        ["1", '"x"', "[1]", "{}", "null", "1e999", '"\\u00e9"', "tru", "}", "{"]
                    ),
                    max_size=4,
                )
            )
        )
        head = "{" + inner + draw(st.sampled_from(["}", "", "}}", "\n}"]))
    else:
        closing = draw(st.sampled_from([kind.strip("\ufeff "), "", "+++", "---", "+++x", "-- "]))
        head = kind + end + end.join(lines) + end + closing
    body = draw(st.text(max_size=30))
    return head + draw(st.sampled_from([*_LINE_ENDS, ""])) + body


_ALLOWED = (str, bool, int, float, type(None), dt.datetime, dt.date, dt.time)


def _check_value(value: object) -> None:
    if isinstance(value, list):
        for item in value:
            _check_value(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            _check_value(item)
    else:
        assert isinstance(value, _ALLOWED), type(value)


def _check(text: str) -> None:
    try:
        front = split_front_matter(text, path=PATH)
    except MigrationError as error:
        assert error.path == PATH
        assert error.line is not None and error.col is not None, repr(error)
        assert 1 <= error.line <= text.count("\n") + text.count("\r") + 1, repr(error)
        assert error.col >= 1, repr(error)
        return
    _check_value(front.data)
    normal = text.replace("\r\n", "\n")
    assert normal.endswith(front.body)
    assert front.body_line >= 1 and front.body_col >= 1


@given(st.one_of(front_matter_files(), st.text(max_size=120)))
@fuzz_settings(default=600, fuzz=25_000)
def test_front_matter_decodes_or_raises_a_located_error(text: str) -> None:
    tick("front matter")
    _check(text)


# --- hostile front matter: a located error, never a Python exception ----------------------------

DEEP = 50_000

#: Inputs that raised RecursionError or ValueError out of the reader.
CRASHES = {
    "json-deep-nesting": '{"a": ' + "[" * DEEP + "]" * DEEP + "}\n",
    "yaml-deep-nesting": "---\na: " + "[" * 800 + "]" * 800 + "\n---\n",
    "toml-deep-nesting": "+++\na = " + "[" * 2000 + "]" * 2000 + "\n+++\n",
    "yaml-invalid-date": "---\ndate: 2025-13-45\n---\n",
    "yaml-invalid-offset": "---\ndate: 2001-12-14t21:59:43.10-99:99\n---\n",
    "json-huge-integer": '{"a": ' + "9" * 5000 + "}\n",
    "yaml-huge-integer": "---\na: " + "9" * 5000 + "\n---\n",
    "toml-huge-integer": "+++\na = " + "9" * 5000 + "\n+++\n",
}


#: (line, col, code, words of the message) expected for each input of CRASHES.  The parsers of
#: JSON and TOML do not say where they gave up, so those errors point at the front matter.
CRASH_ERRORS = {
    "json-deep-nesting": (1, 1, "frontmatter-limit", "nested more than 100 levels deep"),
    "yaml-deep-nesting": (2, 103, "frontmatter-limit", "nested more than 100 levels deep"),
    "toml-deep-nesting": (2, 1, "frontmatter-limit", "nested more than 100 levels deep"),
    "yaml-invalid-date": (2, 7, "frontmatter-syntax", "'2025-13-45': month must be in 1..12"),
    "yaml-invalid-offset": (2, 7, "frontmatter-syntax", "time zone offset is not under 24 hours"),
    "json-huge-integer": (1, 1, "frontmatter-limit", "integer"),
    "yaml-huge-integer": (2, 4, "frontmatter-limit", "integer"),
    "toml-huge-integer": (2, 1, "frontmatter-limit", "integer"),
}


@pytest.mark.parametrize("name", sorted(CRASHES))
def test_front_matter_crashes(name: str) -> None:
    _check(CRASHES[name])
    with pytest.raises(MigrationError) as caught:
        split_front_matter(CRASHES[name], path=PATH)
    line, col, code, words = CRASH_ERRORS[name]
    assert (caught.value.line, caught.value.col, caught.value.code) == (line, col, code)
    assert words in caught.value.message


@pytest.mark.parametrize("name", sorted(CRASHES))
def test_migrate_survives_front_matter_crashes(name: str, tmp_path: Path) -> None:
    """Whatever the reader does, ``convert_page`` reports the file instead of crashing."""
    content = tmp_path / "content"
    path = content / "posts" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text(CRASHES[name], encoding="utf-8")
    result = convert_page(path, SiteConfig(root=tmp_path), ConvertOptions())
    errors = [m for m in result.messages if m.level == "error"]
    assert result.myst is None and errors, result
    assert errors[0].path == str(path)


def _alias_bomb(depth: int) -> str:
    """``depth`` levels of ten aliases each: 10**depth strings from a few hundred bytes."""
    levels = ["l0: &l0 [x,x,x,x,x,x,x,x,x,x]"]
    for k in range(1, depth):
        levels.append(f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * 10) + "]")
    return "---\n" + "\n".join(levels) + "\n---\n"


def _seconds(text: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(MigrationError):
        split_front_matter(text, path=PATH)
    return time.perf_counter() - start


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    """Each level of a "billion laughs" multiplies the expanded data by ten for 60 bytes more."""
    small, large = _seconds(_alias_bomb(4)), _seconds(_alias_bomb(5))
    assert large < max(3 * small, 0.05), (small, large)
    with pytest.raises(MigrationError) as caught:
        split_front_matter(_alias_bomb(12), path=PATH)
    assert caught.value.code == "frontmatter-limit"
    assert "aliases copy more than 10,000 values" in caught.value.message
    assert (caught.value.line, caught.value.col) == (5, 38)  # the alias that crosses the limit


def test_lone_surrogate_in_front_matter_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """JSON and YAML escapes can make a lone surrogate, which no output file can hold."""
    content = tmp_path / "content"
    for name, text in {
        "json.md": '{"title": "\\ud800"}\n',
        "yaml.md": '---\ntitle: "\\ud800"\n---\n',
    }.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        result = convert_page(path, SiteConfig(root=tmp_path), ConvertOptions())
        assert result.myst is None, name
        assert [m.code for m in result.messages if m.level == "error"] == ["bad-unicode"], name
