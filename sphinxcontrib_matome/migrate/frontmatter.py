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

Front matter is untrusted, so a few limits keep reading it fast and its result safe for the
recursive code that writes and re-reads it.  Each is a located error (``frontmatter-limit``):
values nested more than :data:`MAX_DEPTH` lists/mappings deep, YAML aliases that copy more than
:data:`MAX_ALIAS_COPIES` values in all (a "billion laughs" document: ten aliases to ten aliases
to … grow the data tenfold per line), and integers too long for Python to print (over 4,300
digits by default).  An impossible YAML date such as ``2025-13-45`` is a syntax error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from typing import Literal

import yaml

from .errors import MigrationError, line_start, position

__all__ = [
    "MAX_ALIAS_COPIES",
    "MAX_DEPTH",
    "FrontMatter",
    "FrontMatterFormat",
    "split_front_matter",
]

FrontMatterFormat = Literal["toml", "yaml", "json", ""]

_LEADING = frozenset(" \t\r\n\ufeff")
_TOML_POSITION = re.compile(
    r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S
)
_TOML_AT_END = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)$", re.S)

#: Most lists/mappings nested in one another (the front matter itself is the first).  Real
#: front matter needs four or five; the parsers, :func:`_normalise_mapping`, the writer of the
#: migrated page and MyST reading it back all recurse once or twice per level.
MAX_DEPTH = 100
#: Most values that YAML aliases may copy into one front matter, summed over every use of an
#: alias (``<<: *defaults`` with five keys copies eleven).
MAX_ALIAS_COPIES = 10_000


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
    try:
        data = decode(raw, path, first_line, first_col, where(content_end))
    except RecursionError:
        # tomllib and json recurse once or more per level and have no depth limit of their
        # own: nesting of a few hundred levels exhausts the stack before MAX_DEPTH is checked.
        raise _too_deep(path, first_line, first_col) from None
    body_line, body_col = position(source, body_start)
    body_offset = line_start(text, body_line) + body_col - 1
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
    except ValueError:
        # Every other ValueError of tomllib comes from int() on a decimal integer longer than
        # Python converts (sys.get_int_max_str_digits()); tomllib does not say where it is.
        raise _huge_integer(path, first_line, first_col) from None
    return _normalise_mapping(data, path, first_line, first_col)


class _Refused(yaml.MarkedYAMLError):
    """A YAML document refused by one of the limits rather than for its syntax."""

    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(problem=message, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with Hugo's rule against repeated keys and limits for hostile input.

    The composer (which builds the node graph, sharing one node among all uses of an anchor)
    counts how deep collections nest and how many values aliases copy; the constructor turns
    the Python errors of impossible dates and over-long integers into located YAML errors.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._copied = 0
        # Values in each composed collection once its aliases are expanded.  An alias returns
        # the node it names, so its size is known when it is used; a collection still being
        # composed (an alias inside its own anchor) counts as 1 and is reported as a value that
        # refers to itself when normalised.
        self._sizes: dict[yaml.Node, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            node = super().compose_node(parent, index)
            # PyYAML shares the node, but the decoded data (and the migrated page) hold a copy
            # per use: without a budget, ten aliases to ten aliases to … grow tenfold per line.
            self._copied += self._sizes.get(node, 1)
            if self._copied > MAX_ALIAS_COPIES:
                raise _Refused(
                    f"YAML aliases copy more than {MAX_ALIAS_COPIES:,} values into the front "
                    f"matter (at '*{event.anchor}'); write the values out instead",
                    event.start_mark,
                )
            return node
        if not isinstance(event, yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise _Refused(
                f"front matter values are nested more than {MAX_DEPTH} levels deep",
                event.start_mark,
            )
        self._depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        sizes = self._sizes
        if isinstance(node, yaml.MappingNode):
            size = 1 + sum(sizes.get(k, 1) + sizes.get(v, 1) for k, v in node.value)
        else:
            size = 1 + sum(sizes.get(item, 1) for item in node.value)
        sizes[node] = size
        return node

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # a decimal integer longer than int() converts
            value = None
        if value is None or not _printable(value):
            raise _Refused(_HUGE_INTEGER.format(_max_digits()), node.start_mark)
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> dt.date | dt.datetime:
        match = self.timestamp_regexp.match(node.value)
        reason = ""
        # The pattern allows two-digit offset hours and minutes; datetime.timezone does not.
        if (
            match is not None
            and match["tz_hour"]
            and int(match["tz_hour"]) * 60 + int(match["tz_minute"] or 0) >= 24 * 60
        ):
            reason = "its time zone offset is not under 24 hours"
        if not reason:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as error:  # "month must be in 1..12", "day is out of range …"
                reason = str(error)
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid date '{node.value}': {reason}", node.start_mark
        )


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
# The safe loader registered its own functions for these tags; point them at the overrides.
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _decode_yaml(
    raw: str, path: str | None, first_line: int, first_col: int, end: tuple[int, int]
) -> dict[str, object]:
    try:
        data = yaml.load(raw, Loader=_Loader)
    except _Refused as error:
        assert error.problem_mark is not None and error.problem is not None
        mark = error.problem_mark
        line, col = _locate(first_line, first_col, mark.line + 1, mark.column + 1)
        raise MigrationError(
            error.problem, path=path, line=line, col=col, code="frontmatter-limit"
        ) from None
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
    except ValueError:
        # The only other ValueError of json.loads: int() on an integer longer than Python
        # converts (sys.get_int_max_str_digits()); json does not say where it is.
        raise _huge_integer(path, first_line, first_col) from None
    return _normalise_mapping(data, path, first_line, first_col)


# --------------------------------------------------------------------------------------------
# Value normalisation
# --------------------------------------------------------------------------------------------


_HUGE_INTEGER = "an integer in the front matter has more than {:,} digits"


def _max_digits() -> int:
    """Python's limit on decimal digits converted to or from ``int`` (0: none)."""
    return sys.get_int_max_str_digits()


def _printable(value: int) -> bool:
    """Whether ``str(value)`` works: Python refuses integers of more than 4,300 digits.

    Hexadecimal, octal and binary integers are converted without that limit, so such a value
    can be read and then fail wherever the page is written.
    """
    limit = _max_digits()
    if not limit or value.bit_length() <= 3 * limit:  # 2**3 < 10: at most *limit* digits
        return True
    try:
        str(value)
    except ValueError:
        return False
    return True


def _huge_integer(path: str | None, line: int, col: int) -> MigrationError:
    return MigrationError(
        _HUGE_INTEGER.format(_max_digits()), path=path, line=line, col=col, code="frontmatter-limit"
    )


def _too_deep(path: str | None, line: int, col: int) -> MigrationError:
    return MigrationError(
        f"front matter values are nested more than {MAX_DEPTH} levels deep",
        path=path,
        line=line,
        col=col,
        code="frontmatter-limit",
    )


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
        if type(item) is int and not _printable(item):
            raise _huge_integer(path, first_line, first_col)
        if item is None or isinstance(item, str | bool | int | float | dt.date | dt.time):
            return item
        if isinstance(item, bytes):
            return item.decode("utf-8", "replace")
        if isinstance(item, dict | list | tuple | set):
            marker = id(item)
            if marker in active:
                raise fail("front matter contains a value that refers to itself")
            if len(active) >= MAX_DEPTH:  # *active* holds the collections enclosing *item*
                raise _too_deep(path, first_line, first_col)
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
