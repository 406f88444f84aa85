"""Data-driven threads: ``matome-thread`` with ``:source: comments.json`` (or YAML, or CSV).

A source file is a list of records (JSON: an array of objects; YAML: a sequence of mappings;
CSV: a header row and one row per record), each with the fields::

    id      the record's key for ``parent`` (default: its position, 1, 2, …)
    parent  the id of the record it answers (a ``reply-to``)
    user    the speaker (``user-name``)
    time    ``created-at``
    color, avatar, url, name, align, class   as the quote options
    body    the words, in the markup of the page (MyST on a Markdown page, reST on a reST page)

Every record goes through the ``matome-quote`` directive itself, so it renders exactly as a
hand-written quote, registry, anonymity and warnings included. Messages name the file, the
line of the record and the record (``comments.json:14: record 3 (id 'c3'): …``); the file is
a dependency of the page, so editing it rebuilds the page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from docutils.statemachine import StringList
from sphinx.util import logging

from .directive import MatomeQuote
from .warnings_ import MatomeWarning, warn

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: Record field → the quote option it fills (``body`` is the content, ``id`` the key).
FIELDS = {
    "id": "",
    "parent": "reply-to",
    "user": "user-name",
    "time": "created-at",
    "color": "color",
    "avatar": "avatar",
    "url": "url",
    "name": "name",
    "align": "align",
    "class": "class",
    "body": "",
}
#: The quote's own spellings, accepted too.
ALIASES = {
    "user-name": "user",
    "userName": "user",
    "created-at": "time",
    "createdAt": "time",
    "reply-to": "parent",
}
FORMATS = {".json": "JSON", ".yaml": "YAML", ".yml": "YAML", ".csv": "CSV"}


class DataError(ValueError):
    """The file cannot be read as a list of records at all (``line`` where known)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Record:
    index: int  # 1-based position in the file
    line: int | None  # first line of the record in the file, when known
    values: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.values.get("id", "") or str(self.index)

    def label(self, filename: str) -> str:
        given = self.values.get("id")
        return f"{filename} record {self.index}" + (f" (id {given!r})" if given else "")


# --- reading (pure) ---------------------------------------------------------------------------


def load(path: Path) -> tuple[list[Record], list[tuple[int | None, str]]]:
    """Records of a data file and the problems found in them, as ``(line, message)``."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataError(
            f"{path.name}: unknown data format {suffix or '(none)'!r}; use .json, .yaml or .csv"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DataError(f"cannot read {path.name}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{path.name} is not UTF-8 text: {error.reason}") from None
    if suffix == ".json":
        raw = _json(text, path.name)
    elif suffix == ".csv":
        raw = _csv(text, path.name)
    else:
        raw = _yaml(text, path.name)
    records: list[Record] = []
    problems: list[tuple[int | None, str]] = []
    seen: dict[str, int] = {}
    for index, (line, value) in enumerate(raw, start=1):
        record = Record(index, line)
        if not isinstance(value, dict):
            problems.append(
                (
                    line,
                    f"{path.name} record {index}: expected a record of fields, "
                    f"not {_kind(value)}; skipped",
                )
            )
            continue
        for key, item in value.items():
            name = ALIASES.get(str(key), str(key))
            if key == "__line__":
                continue
            if name not in FIELDS:
                problems.append(
                    (
                        line,
                        f"{record.label(path.name)}: unknown field {key!r} ignored "
                        f"(known: {', '.join(FIELDS)})",
                    )
                )
                continue
            if item is None or item == "":
                continue
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                problems.append(
                    (
                        line,
                        f"{record.label(path.name)}: field {key!r} must be text, "
                        f"not {_kind(item)}; ignored",
                    )
                )
                continue
            record.values[name] = str(item)
        records.append(record)
        if "id" in record.values:
            if record.id in seen:
                problems.append(
                    (
                        line,
                        f"{record.label(path.name)}: duplicate id {record.id!r} (first in "
                        f"record {seen[record.id]}); replies go to the first",
                    )
                )
            else:
                seen[record.id] = index
    return records, problems


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _json(text: str, filename: str) -> list[tuple[int | None, Any]]:
    """The elements of a top-level JSON array, each with its first line."""
    decoder = json.JSONDecoder()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(f"{filename}: invalid JSON: {error.msg}", error.lineno) from None
    if not isinstance(data, list):
        raise DataError(f"{filename}: expected a JSON array of records, not {_kind(data)}")
    # Decode again element by element, only to learn where each record starts.
    found: list[tuple[int | None, Any]] = []
    position = _skip(text, text.index("[") + 1)
    while position < len(text) and text[position] != "]":
        value, end = decoder.raw_decode(text, position)
        found.append((text.count("\n", 0, position) + 1, value))
        position = _skip(text, end)
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
    return found


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


class _LineLoader(yaml.BaseLoader):
    """Every scalar as text (no 1.1 surprises such as ``no`` → False); mappings get their line."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _yaml(text: str, filename: str) -> list[tuple[int | None, Any]]:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # BaseLoader builds no objects
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{filename}: invalid YAML: {problem}", line) from None
    if not isinstance(data, list):
        raise DataError(f"{filename}: expected a YAML list of records, not {_kind(data)}")
    return [(item.get("__line__") if isinstance(item, dict) else None, item) for item in data]


def _csv(text: str, filename: str) -> list[tuple[int | None, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise DataError(f"{filename}: empty CSV; the first row names the fields")
    found: list[tuple[int | None, Any]] = []
    previous = 1  # the header row
    try:
        for row in reader:
            extra = row.pop(None, None)  # type: ignore[call-overload]
            if extra:
                row["(cells beyond the header)"] = extra
            found.append((previous + 1, {key.strip(): value for key, value in row.items()}))
            previous = reader.line_num
    except csv.Error as error:
        raise DataError(f"{filename}: invalid CSV: {error}", reader.line_num) from None
    return found


# --- quotes -----------------------------------------------------------------------------------


class _RecordQuote(MatomeQuote):
    """The quote directive run for a record: located at the record, messages naming it."""

    record_label = ""
    record_source = ""
    record_line: int | None = None

    def set_source_info(self, node: nodes.Node) -> None:
        node.source, node.line = self.record_source, self.record_line

    def get_location(self) -> str:
        return f"{self.record_source}:{self.record_line or 0}"

    def _warn(self, message: str, subtype: MatomeWarning, node: nodes.Node | None) -> None:
        where = node if node is not None and node.source else self.get_location()
        warn(logger, f"{self.record_label}: {message}", subtype, where)


def quotes(directive: SphinxDirective, source: str) -> list[nodes.Node]:
    """The quotes of a thread's ``source`` file, each made by the quote directive."""
    env = directive.env
    relative, absolute = env.relfn2path(source, env.docname)
    env.note_dependency(relative)
    path = Path(absolute)
    try:
        records, problems = load(path)
    except DataError as error:
        where = f"{path}:{error.line}" if error.line else directive.get_location()
        message = f"{error}; the thread shows no records from it"
        warn(logger, message, MatomeWarning.DATA, where)
        return []
    for line, message in problems:
        where = f"{path}:{line}" if line else directive.get_location()
        warn(logger, message, MatomeWarning.DATA, where)
    result: list[nodes.Node] = []
    for record in records:
        result.extend(_quote(directive, record, path))
    return result


def _quote(directive: SphinxDirective, record: Record, path: Path) -> list[nodes.Node]:
    values = record.values
    options = {option: values[name] for name, option in FIELDS.items() if option and name in values}
    line = record.line or 1
    body = values.get("body", "")
    lines = body.splitlines()
    content = StringList(lines, items=[(str(path), line + i) for i in range(len(lines))])
    quote = _RecordQuote(
        "matome-quote",
        [],
        options,
        content,
        directive.lineno,
        directive.content_offset,
        "",
        directive.state,
        directive.state_machine,
    )
    quote.record_label = record.label(path.name)
    quote.record_source = str(path)
    quote.record_line = record.line
    result = quote.run()
    for node in result:
        if node.tagname == "matome_quote":
            node["record_id"] = record.id
            node["record"] = quote.record_label
    return result
