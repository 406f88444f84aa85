"""Front matter of a Hugo content file, split and decoded the way Hugo's page lexer does it.

Hugo skips leading blank space (and a UTF-8 BOM), then the first character decides:

* ``+++`` opens TOML and ``---`` opens YAML; the block ends at the next line that *starts*
  with the same three characters (anything after them on that line belongs to the body).
  A lone ``+`` or ``-`` that does not start the delimiter is an error, as in Hugo.
* ``{`` opens a JSON object that ends at its matching brace.
* ``#+`` would be Org-mode front matter, which the migrator does not support (an error).
* Anything else means the file has no front matter.

CRLF line endings are accepted and normalised to LF in :attr:`FrontMatter.body`; line numbers
are unchanged by that, so errors and :attr:`FrontMatter.body_line` match the original file.

Decoded values keep their natural Python types and never anything else, so later code can
rely on this closed set:

``str``, ``bool``, ``int``, ``float``, ``None`` (YAML ``null``),
:class:`datetime.datetime` (aware when the source has an offset, naive otherwise),
:class:`datetime.date`, :class:`datetime.time` (TOML local time),
``list`` of these and ``dict[str, …]`` of these.

Quoted strings stay strings (``date = "2025-02-05"`` is a ``str``); unquoted TOML/YAML dates
become date/datetime objects and are kept for the caller to format.  Mapping keys are always
``str`` (YAML's ``1: x`` gives ``"1"``, ``true: x`` gives ``"true"``), YAML sets and ordered
maps become lists, and ``!!binary`` becomes text.  YAML is read with PyYAML's safe loader
(YAML 1.1, like the yaml.v2 library Hugo 0.142 uses: ``yes``/``no``/``on``/``off`` are
booleans there too); a key repeated in one mapping is an error, as in Hugo.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Literal

import yaml

from .errors import LineIndex, MigrationError, position

__all__ = ["FrontMatter", "FrontMatterFormat", "split_front_matter"]

FrontMatterFormat = Literal["toml", "yaml", "json", ""]

_LEADING = frozenset(" \t\r\n\ufeff")
_TOML_POSITION = re.compile(
    r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S
)
_TOML_AT_END = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)$", re.S)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A content file split into its decoded front matter and its body.

    *body* is the rest of the file with CRLF normalised to LF.  *body_line*/*body_col* give
    the position of ``body[0]`` in the original file (pass them to the lexer as
    ``first_line``/``first_col``); the body normally starts at column 1 of the line after the
    closing delimiter.  *body_offset* is the index of ``body[0]`` in the original text as
    given (BOM and CR characters included).  *raw* is the front matter source without its
    delimiters (LF line endings) and *format* is ``""`` when the file has none.
    """

    data: dict[str, object]
    format: FrontMatterFormat
    body: str
    body_offset: int
    body_line: int
    body_col: int = 1
    raw: str = ""


def split_front_matter(text: str, *, path: str | None = None) -> FrontMatter:
    """Split *text* (a whole content file) into front matter and body.

    Raises :class:`MigrationError` (located in the original file) for an invalid or
    unterminated block and for undecodable TOML, YAML or JSON.
    """
    source = text.replace("\r\n", "\n") if "\r" in text else text
    n = len(source)
    i = 0
    while i < n and source[i] in _LEADING:
        i += 1
    c = source[i] if i < n else ""

    def where(offset: int) -> tuple[int, int]:
        # Columns of the first line do not count a byte order mark, as editors show it.
        line, col = position(source, offset)
        if line == 1 and source.startswith("\ufeff") and offset > 0:
            col -= 1
        return line, col

    def fail(message: str, offset: int, code: str) -> MigrationError:
        line, col = where(offset)
        return MigrationError(message, path=path, line=line, col=col, code=code)

    if c == "+" or c == "-":
        delimiter = c * 3
        name = "TOML" if c == "+" else "YAML"
        if not source.startswith(delimiter, i):
            raise fail(f"invalid {name} delimiter", i, "frontmatter-delimiter")
        content_start, content_end, body_start = _delimited_block(source, i, delimiter)
        if content_end < 0:
            raise fail(
                f"EOF looking for end {name} front matter delimiter '{delimiter}'",
                i,
                "frontmatter-unterminated",
            )
        fmt: FrontMatterFormat = "toml" if c == "+" else "yaml"
    elif c == "{":
        content_start = i
        content_end = _json_object_end(source, i)
        if content_end < 0:
            raise fail("unexpected EOF parsing JSON front matter", i, "frontmatter-unterminated")
        body_start = _skip_line_end(source, content_end)
        fmt = "json"
    elif source.startswith("#+", i):
        raise fail(
            "Org-mode front matter ('#+') is not supported; convert it to TOML or YAML",
            i,
            "frontmatter-format",
        )
    else:
        start = 1 if source.startswith("\ufeff") else 0
        return FrontMatter({}, "", source[start:], start, 1, 1)

    raw = source[content_start:content_end]
    first_line, first_col = where(content_start)
    decode = {"toml": _decode_toml, "yaml": _decode_yaml, "json": _decode_json}[fmt]
    data = decode(raw, path, first_line, first_col, where(content_end))
    body_line, body_col = position(source, body_start)
    body_offset = LineIndex(text).line_start(body_line) + body_col - 1
    if body_line == 1 and source.startswith("\ufeff"):
        body_col -= 1
    return FrontMatter(
        data=data,
        format=fmt,
        body=source[body_start:],
        body_offset=body_offset,
        body_line=body_line,
        body_col=body_col,
        raw=raw,
    )


# --------------------------------------------------------------------------------------------
# Block boundaries
# --------------------------------------------------------------------------------------------


def _skip_line_end(source: str, p: int) -> int:
    """Hugo's ``consumeCRLF``: an optional CR, then an optional LF."""
    if source.startswith("\r", p):
        p += 1
    if source.startswith("\n", p):
        p += 1
    return p


def _delimited_block(source: str, i: int, delimiter: str) -> tuple[int, int, int]:
    """(content start, content end, body start) of a ``+++``/``---`` block; end -1 if open.

    The content runs from after the opening delimiter (and its line end) to the line end just
    before a line that starts with *delimiter*.  Text after the opening delimiter on its line
    belongs to the content; text after the closing one belongs to the body (Hugo's rules).
    """
    after = i + 3
    content_start = _skip_line_end(source, after)
    if content_start > after and source.startswith(delimiter, content_start):
        close = content_start
    else:
        pattern = re.compile(r"[\r\n]" + re.escape(delimiter))
        match = pattern.search(source, after)
        if match is None:
            return content_start, -1, -1
        close = match.start() + 1
    return content_start, close, _skip_line_end(source, close + 3)


def _json_object_end(source: str, i: int) -> int:
    """End (exclusive) of the JSON object starting at ``source[i] == "{"``; -1 at EOF."""
    n = len(source)
    level = 0
    in_quote = False
    p = i
    while p < n:
        c = source[p]
        if c == "\\":
            p += 2
            continue
        if c == '"':
            in_quote = not in_quote
        elif not in_quote:
            if c == "{":
                level += 1
            elif c == "}":
                level -= 1
                if level == 0:
                    return p + 1
        p += 1
    return -1


# --------------------------------------------------------------------------------------------
# Decoders
# --------------------------------------------------------------------------------------------


def _locate(first_line: int, first_col: int, line: int, col: int) -> tuple[int, int]:
    """A (line, col) inside the decoded block → a position in the file."""
    return first_line + line - 1, (col + first_col - 1 if line == 1 else col)


def _decode_toml(
    raw: str, path: str | None, first_line: int, first_col: int, end: tuple[int, int]
) -> dict[str, object]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        text = str(error)
        match = _TOML_POSITION.match(text)
        if match:
            line, col = _locate(first_line, first_col, int(match["line"]), int(match["col"]))
            message = match["msg"]
        else:
            at_end = _TOML_AT_END.match(text)
            message = at_end["msg"] if at_end else text
            line, col = end
        raise MigrationError(
            f"invalid TOML front matter: {message}",
            path=path,
            line=line,
            col=col,
            code="frontmatter-syntax",
        ) from None
    return _normalise_mapping(data, path, first_line, first_col)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key repeated in one mapping (as Hugo does)."""


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key written twice in one mapping; *first* marks its first occurrence."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__(None, None, f'mapping key "{key}" already defined', again)
        self.key = key
        self.first = first


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping with ``str`` keys; a key written twice in it is an error (Hugo's rule)."""
    seen: dict[tuple[type, object], yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # keys merged in with '<<' may be overridden
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, list | dict | set):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                "found a key that is not a scalar",
                key_node.start_mark,
            )
        marker = (type(key), key)
        if marker in seen:
            raise _DuplicateKey(_key(key), seen[marker].start_mark, key_node.start_mark)
        seen[marker] = key_node
    loader.flatten_mapping(node)
    mapping: dict[str, object] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[_key(key)] = loader.construct_object(value_node, deep=deep)
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _decode_yaml(
    raw: str, path: str | None, first_line: int, first_col: int, end: tuple[int, int]
) -> dict[str, object]:
    try:
        data = yaml.load(raw, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if error.context_mark is not None and (mark is None or mark.index >= len(raw.rstrip())):
            # "… but got '<stream end>'": the opening construct is the useful place.
            mark = error.context_mark
        message = ": ".join(part for part in (error.context, error.problem) if part)
        if isinstance(error, _DuplicateKey):
            line, col = _locate(first_line, first_col, error.first.line + 1, error.first.column + 1)
            message += f" at line {line}, column {col}"
        if mark is not None:
            line, col = _locate(first_line, first_col, mark.line + 1, mark.column + 1)
        else:
            line, col = first_line, first_col
        raise MigrationError(
            f"invalid YAML front matter: {message or error}",
            path=path,
            line=line,
            col=col,
            code="frontmatter-syntax",
        ) from None
    except yaml.YAMLError as error:
        raise MigrationError(
            f"invalid YAML front matter: {error}",
            path=path,
            line=first_line,
            col=first_col,
            code="frontmatter-syntax",
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MigrationError(
            f"YAML front matter must be a mapping, not {_kind(data)}",
            path=path,
            line=first_line,
            col=first_col,
            code="frontmatter-syntax",
        )
    return _normalise_mapping(data, path, first_line, first_col)


def _decode_json(
    raw: str, path: str | None, first_line: int, first_col: int, end: tuple[int, int]
) -> dict[str, object]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        line, col = _locate(first_line, first_col, error.lineno, error.colno)
        raise MigrationError(
            f"invalid JSON front matter: {error.msg}",
            path=path,
            line=line,
            col=col,
            code="frontmatter-syntax",
        ) from None
    return _normalise_mapping(data, path, first_line, first_col)


# --------------------------------------------------------------------------------------------
# Value normalisation
# --------------------------------------------------------------------------------------------


def _kind(value: object) -> str:
    if isinstance(value, list | tuple | set):
        return "a list"
    return f"a {type(value).__name__}"


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, dt.date | dt.time):
        return key.isoformat()
    return str(key)


def _normalise_mapping(
    data: dict, path: str | None, first_line: int, first_col: int
) -> dict[str, object]:
    def fail(message: str) -> MigrationError:
        return MigrationError(
            message, path=path, line=first_line, col=first_col, code="frontmatter-syntax"
        )

    active: set[int] = set()

    def value(item: object) -> object:
        if item is None or isinstance(item, str | bool | int | float | dt.date | dt.time):
            return item
        if isinstance(item, bytes):
            return item.decode("utf-8", "replace")
        if isinstance(item, dict | list | tuple | set):
            marker = id(item)
            if marker in active:
                raise fail("front matter contains a value that refers to itself")
            active.add(marker)
            try:
                if isinstance(item, dict):
                    return {_key(k): value(v) for k, v in item.items()}
                if isinstance(item, set):
                    return [value(v) for v in sorted(item, key=repr)]
                return [value(v) for v in item]
            finally:
                active.discard(marker)
        raise fail(f"unsupported front matter value of type {type(item).__name__}")

    result = value(data)
    assert isinstance(result, dict)
    return result
