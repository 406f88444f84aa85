"""Hugo shortcode lexer and tree builder.

A port of the rules of Hugo's page lexer (``parser/pageparser``, v0.142) and of the way
``hugolib`` assembles its items into shortcodes, written for the migrator:

* Only ``{{<`` and ``{{%`` open a shortcode.  They are found everywhere in the content,
  including Markdown code fences and code spans, exactly as Hugo does it (shortcodes are
  expanded before Markdown is parsed).  ``{{`` followed by anything else is text.
* ``{{</* … */>}}`` and ``{{%/* … */%}}`` are comment escapes: Hugo prints them as
  ``{{< … >}}`` / ``{{% … %}}``, keeping the inner spacing (:class:`Literal`).
* A name starts with a letter, digit or ``_`` and continues with letters, digits, ``_``, ``-``
  and ``/`` (namespaces).  ``name.inline`` marks an inline shortcode.
* Closing tags are ``{{< /name >}}`` with any spacing; ``{{< name />}}`` self-closes.  A tag
  opened with ``{{<`` must end with ``>}}`` and one opened with ``{{%`` with ``%}}``.
* Parameters are either all named (``key=value``) or all positional.  A ``"…"`` value cannot
  contain a newline and its only escape is ``\\"``; when a value contains ``\\"`` *every*
  backslash in it is dropped, otherwise backslashes are kept verbatim.  A backtick string
  spans lines and has no escapes.  An unquoted value runs to the next whitespace (so
  ``limit=2>}}`` swallows the delimiter, as in Hugo).  Unquoted ``true``/``false``, integers
  and decimals are typed (bool, int, float); quoted values are always ``str``.

Deliberate differences from Hugo 0.142, all in corners where Hugo fails, drops input or
mis-pairs tags:

* errors here: a value without a name (``{{< x ="v" >}}``, dropped by Hugo) and crossed
  closing tags of calls that must be paired (``{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}``,
  which Hugo pairs by position);
* accepted here, as newer Hugo releases do: ``\\v``/``\\f`` between the elements of a tag, a
  closing tag whose ``>}}`` is on the next line, and a non-ASCII space inside an unquoted value
  (0.142 ends the value there and then rejects the space).

Tags are found with one compiled pattern that also reads the common shape of a call (named,
double-quoted values without backslashes) in a single step; every other tag is walked element
by element by a port of Hugo's state machine, and quoted values are skipped with a pattern
search.  Both paths give identical tokens (the tests check it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from typing import TypeAlias

from .errors import LineIndex, MigrationError

__all__ = [
    "Literal",
    "Node",
    "Shortcode",
    "Text",
    "build_tree",
    "iter_shortcodes",
    "lex",
    "param_offsets",
    "parse",
    "typed_value",
]


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Plain content between tags, ``text[start:end]``; *line*/*col* locate its start."""

    start: int
    end: int
    text: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Literal:
    """A comment escape such as ``{{</* x */>}}``; *text* is what Hugo prints (``{{< x >}}``)."""

    start: int
    end: int
    text: str
    line: int
    col: int
    markdown: bool


@dataclass(frozen=True, slots=True)
class Shortcode:
    """One shortcode tag or, after :func:`parse`, a paired call with its inner content.

    *params* is a ``dict`` (named, in source order; a repeated key keeps its first position and
    its last value, as in Hugo) or a ``tuple`` (positional).  A call without parameters has
    ``params == {}`` and ``positional`` False.  Values are ``str``, ``bool``, ``int`` or
    ``float``.  :func:`param_offsets` locates each value in the source when a complaint about
    one needs a position.

    *indent* is the indentation Hugo records for the call: the spaces/tabs that precede it on
    its line (or the whole whitespace-only text since the previous tag).  Hugo re-applies it to
    every line of a multi-line output.

    For a paired call built by :func:`parse`, *inner* holds the child nodes, ``text[inner_start:
    inner_end]`` is the raw inner text and ``close_start``/``close_end`` span the closing tag;
    *end* stays the end of the opening tag.
    """

    name: str
    params: dict[str, object] | tuple[object, ...]
    positional: bool
    markdown: bool
    closing: bool
    self_closing: bool
    start: int
    end: int
    line: int
    col: int
    inline: bool = False
    indent: str = ""
    inner: list[Node] | None = None
    inner_start: int | None = None
    inner_end: int | None = None
    close_start: int | None = None
    close_end: int | None = None

    @property
    def paired(self) -> bool:
        """True for a call that :func:`parse` matched with its closing tag."""
        return self.inner is not None

    @property
    def outer_end(self) -> int:
        """End of the whole call: the end of the closing tag when paired."""
        return self.close_end if self.close_end is not None else self.end

    def get(self, key: str | int, default: object = None) -> object:
        """Hugo's ``.Get``: a name for named calls, an index for positional ones."""
        params = self.params
        if isinstance(params, tuple):
            if isinstance(key, int) and 0 <= key < len(params):
                return params[key]
            return default
        return params.get(key, default) if isinstance(key, str) else default


Node: TypeAlias = Text | Literal | Shortcode
PairedRule: TypeAlias = Callable[[str], bool | None]


# The generated ``__init__`` of a frozen dataclass pays one ``object.__setattr__`` call per
# field.  The lexer creates a token for every call and every text run (about 280,000 over the
# archive), so its hot loop fills the slots through their descriptors instead; the classes stay
# frozen for everyone else.
_new = object.__new__
_TEXT_SLOTS = tuple(Text.__dict__[f.name].__set__ for f in fields(Text))
_CALL_SLOTS = tuple(Shortcode.__dict__[f.name].__set__ for f in fields(Shortcode))


def _text(start: int, end: int, text: str, line: int, col: int) -> Text:
    node = _new(Text)
    set_start, set_end, set_text, set_line, set_col = _TEXT_SLOTS
    set_start(node, start)
    set_end(node, end)
    set_text(node, text)
    set_line(node, line)
    set_col(node, col)
    return node


def _named_call(
    name: str,
    params: dict[str, object],
    markdown: bool,
    start: int,
    end: int,
    line: int,
    col: int,
    indent: str,
) -> Shortcode:
    """``Shortcode(name, params, False, markdown, False, False, start, end, line, col, False,
    indent)``, built quickly."""
    node = _new(Shortcode)
    (
        set_name,
        set_params,
        set_positional,
        set_markdown,
        set_closing,
        set_self_closing,
        set_start,
        set_end,
        set_line,
        set_col,
        set_inline,
        set_indent,
        set_inner,
        set_inner_start,
        set_inner_end,
        set_close_start,
        set_close_end,
    ) = _CALL_SLOTS
    set_name(node, name)
    set_params(node, params)
    set_positional(node, False)
    set_markdown(node, markdown)
    set_closing(node, False)
    set_self_closing(node, False)
    set_start(node, start)
    set_end(node, end)
    set_line(node, line)
    set_col(node, col)
    set_inline(node, False)
    set_indent(node, indent)
    set_inner(node, None)
    set_inner_start(node, None)
    set_inner_end(node, None)
    set_close_start(node, None)
    set_close_end(node, None)
    return node


# --------------------------------------------------------------------------------------------
# Character classes (Go's unicode semantics where Hugo relies on them)
# --------------------------------------------------------------------------------------------

_QUOTED_STOP = re.compile(r'["\\\n]')
# Runs that may form a name / a parameter; non-ASCII runs are re-checked with _is_alnum.
_NAME_RUN = re.compile(r"[\w/-]*")
_PARAM_RUN = re.compile(r"[\w.-]*")
# An unquoted value ends at ASCII whitespace (a Unicode space is kept in the value; Hugo
# 0.142 would reject the call there, so this only accepts more input, never reads it
# differently).
_VALUE_END = re.compile(r"[ \t\n\r\v\f]")
# Skipped between the elements of a tag.
_TAG_SPACE = frozenset(" \t\n\r\v\f")
# Go's unicode.IsSpace: skipped after '=' before a value.
_GO_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The common shape of a call, lexed in one step: an ASCII name and only named, double-quoted
# values without backslashes or newlines, separated by whitespace.  Anything else (and every
# call this pattern rejects) takes the full state machine, which gives the same result for
# the calls matched here.
_FAST_BODY = (
    r"[ \t\r\n]*([A-Za-z0-9_][A-Za-z0-9_/-]*)"
    r'((?:[ \t\r\n]+[A-Za-z0-9_-][A-Za-z0-9_.-]*="[^"\\\n]*")*)[ \t\r\n]*'
)
# The archive's own call as it writes it, the four values in their usual order: read in the
# same step, without matching the parameters a second time.
_QUOTE_VALUE = r'[ \t\r\n]+{}="([^"\\\n]*)"'
_QUOTE_SHAPE = (
    r"[ \t\r\n]*matomeQuote"
    + "".join(_QUOTE_VALUE.format(name) for name in ("body", "userName", "createdAt", "color"))
    + r"[ \t\r\n]*"
)
# Finds the next tag. Groups 1-4 are set for a matomeQuote call of the usual shape (its
# values), groups 5-6 (``{{<``) or 7-8 (``{{%``) for any other call of the common shape.
_SCAN = re.compile(
    r"\{\{(?:<" + _QUOTE_SHAPE + r">\}\}|<" + _FAST_BODY + r">\}\}|%" + _FAST_BODY + r"%\}\}|[<%])"
)
_FAST_PARAM = re.compile(r'([A-Za-z0-9_-][A-Za-z0-9_.-]*)="([^"\\\n]*)"')
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?[0-9]*\.[0-9]+")
_INT_MIN = -(2**63)
_INT_MAX = 2**63 - 1


def _is_alnum(c: str) -> bool:
    """Go's ``isAlphaNumeric``: ``_``, a letter (category L) or a decimal digit (Nd)."""
    return c == "_" or c.isalpha() or c.isdecimal()


def _go_run_end(text: str, start: int, end: int, extra: str) -> int:
    """Cut a ``\\w`` run at its first character that Go would not accept."""
    run = text[start:end]
    if run.isascii():
        return end
    for k, c in enumerate(run):
        if not (_is_alnum(c) or c in extra):
            return start + k
    return end


def _rune(c: str) -> str:
    """Go's ``%#U`` rendering of a character: ``U+0025 '%'``."""
    code = f"U+{ord(c):04X}"
    return f"{code} '{c}'" if c.isprintable() else code


def _clip(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


def typed_value(raw: str) -> object:
    """Hugo's typing of an unquoted value: bool, int (64-bit), float, else the string."""
    if raw == "true":
        return True
    if raw == "false":
        return False
    if _INT.fullmatch(raw):
        number = int(raw)
        return number if _INT_MIN <= number <= _INT_MAX else raw
    if _FLOAT.fullmatch(raw):
        real = float(raw)
        return raw if math.isinf(real) else real
    return raw


def _indentation(chunk: str) -> str:
    """Hugo's indentation of a call from the text chunk just before it."""
    tail = chunk[chunk.rfind("\n") + 1 :]
    if tail and not tail.strip(" \t\r"):
        return tail
    return ""


# --------------------------------------------------------------------------------------------
# Lexer
# --------------------------------------------------------------------------------------------


class _Params:
    """Collects parameters the way Hugo's lexer and shortcode extractor together do."""

    __slots__ = ("kind", "named", "offsets", "pending", "positional", "state")

    def __init__(self) -> None:
        self.state = 0  # Hugo's paramElements: 0 none yet, 1 positional, 2 named
        self.kind = ""  # container chosen by the first stored parameter
        self.named: dict[str, object] = {}
        self.positional: list[object] = []
        self.offsets: list[int] = []
        # A parameter item not yet known to be a key or a positional value:
        # (text, typed value, offset).
        self.pending: tuple[str, object, int] | None = None


class _Lexer:
    __slots__ = (
        "_index",
        "fast",
        "first_col",
        "first_line",
        "inline_open",
        "line",
        "line_start",
        "n",
        "offsets",
        "path",
        "seen",
        "text",
    )

    def __init__(
        self, text: str, path: str | None, first_line: int, first_col: int, *, fast: bool = True
    ) -> None:
        self.text = text
        self.fast = fast  # False forces the full state machine (tests compare both paths)
        self.n = len(text)
        self.path = path
        self.first_line = first_line
        self.first_col = first_col
        self._index: LineIndex | None = None
        # Incremental position of the last located offset.
        self.line = first_line
        self.line_start = 0
        self.seen = 0
        self.inline_open: str | None = None
        # Offsets of the parameter values of the last tag lexed by tag().
        self.offsets: tuple[int, ...] = ()

    # -- positions ------------------------------------------------------------------------

    def where(self, offset: int) -> tuple[int, int]:
        """(line, col) of *offset*; offsets must be asked for in increasing order."""
        text = self.text
        newlines = text.count("\n", self.seen, offset)
        if newlines:
            self.line += newlines
            self.line_start = text.rfind("\n", self.seen, offset) + 1
        self.seen = offset
        col = offset - self.line_start + 1
        if self.line == self.first_line:
            col += self.first_col - 1
        return self.line, col

    def error(self, message: str, offset: int, code: str) -> MigrationError:
        if self._index is None:
            self._index = LineIndex(self.text, first_line=self.first_line, first_col=self.first_col)
        line, col = self._index.position(min(offset, self.n))
        return MigrationError(message, path=self.path, line=line, col=col, code=code)

    # -- main loop ------------------------------------------------------------------------

    def run(self) -> list[Node]:
        text = self.text
        n = self.n
        out: list[Node] = []
        append = out.append
        search = _SCAN.search
        findall = _FAST_PARAM.findall
        text_node = _text
        named_call = _named_call
        first_line = self.first_line
        shift = self.first_col - 1
        # Position of `seen`: its line and the offset where that line starts.
        line = first_line
        line_start = 0
        seen = 0
        pos = 0
        while pos < n:
            match = search(text, pos)
            if match is None:
                break
            i = match.start()
            indent = ""
            if i > pos:
                chunk = text[pos:i]
                newlines = text.count("\n", seen, pos)
                if newlines:
                    line += newlines
                    line_start = text.rfind("\n", seen, pos) + 1
                seen = pos
                col = pos - line_start + 1 + (shift if line == first_line else 0)
                append(text_node(pos, i, chunk, line, col))
                if chunk[-1] != "\n":
                    indent = _indentation(chunk)
            if match.lastindex and self.inline_open is None and self.fast:
                if match.start(1) >= 0:
                    name, markdown = "matomeQuote", False
                    body, user, created, color = match.group(1, 2, 3, 4)
                    named: dict[str, object] = {
                        "body": body,
                        "userName": user,
                        "createdAt": created,
                        "color": color,
                    }
                else:
                    k = 5 if match.start(5) >= 0 else 7
                    name, markdown = match[k], k == 7
                    named = dict(findall(text, match.start(k + 1), match.end(k + 1)))
                newlines = text.count("\n", seen, i)
                if newlines:
                    line += newlines
                    line_start = text.rfind("\n", seen, i) + 1
                seen = i
                pos = match.end()
                col = i - line_start + 1 + (shift if line == first_line else 0)
                append(named_call(name, named, markdown, i, pos, line, col, indent))
                continue
            self.line, self.line_start, self.seen = line, line_start, seen
            token, pos = self.tag(i, indent)
            line, line_start, seen = self.line, self.line_start, self.seen
            append(token)
        if pos < n:
            self.line, self.line_start, self.seen = line, line_start, seen
            line, col = self.where(pos)
            append(Text(pos, n, text[pos:], line, col))
        return out

    # -- one tag --------------------------------------------------------------------------

    def tag(self, i: int, indent: str) -> tuple[Node, int]:
        text = self.text
        n = self.n
        markdown = text[i + 2] == "%"
        right = "%}}" if markdown else ">}}"
        p = i + 3

        if self.inline_open is not None:
            self._check_inline_close(i)

        if text.startswith("/*", p):
            close = text.find("*/" + right, p)
            if close - p <= 1:
                raise self.error(
                    f"comment must be closed: no '*/{right}' after '{text[i : i + 3]}/*'",
                    i,
                    "unclosed-comment",
                )
            line, col = self.where(i)
            literal = text[i : i + 3] + text[p + 2 : close] + right
            return Literal(i, close + 5, literal, line, col, markdown), close + 5

        name: str | None = None
        inline = False
        closing = False
        self_closing = False
        params = _Params()

        while True:
            if text.startswith(right, p):
                p += 3
                break
            if p >= n:
                raise self.error(
                    f"unclosed shortcode action: no '{right}' before the end of the text",
                    i,
                    "unterminated-shortcode",
                )
            c = text[p]
            if c in _TAG_SPACE:
                p += 1
                continue
            if c == "=":
                if name is None:
                    raise self.error("shortcode has no name", i, "no-name")
                p += 1
                while p < n and text[p] in _GO_SPACE:
                    p += 1
                value_at = p
                value, p = self._value(p, right)
                self._attach_value(params, value, value_at)
                continue
            if c == "/":
                if name is None:
                    if closing:
                        raise self.error(
                            f"unrecognized character in shortcode action: {_rune(c)}",
                            p,
                            "unexpected-char",
                        )
                    closing = True
                    p += 1
                    continue
                p += 1
                while p < n and text[p] in _TAG_SPACE:
                    p += 1
                if not text.startswith(right, p):
                    if p >= n:
                        raise self.error(
                            f"unclosed shortcode action: no '{right}' before the end of the text",
                            i,
                            "unterminated-shortcode",
                        )
                    raise self.error(
                        f"unexpected {_rune(text[p])} after '/' in a self-closing shortcode "
                        f"(expected '{right}')",
                        p,
                        "unexpected-char",
                    )
                self_closing = True
                continue
            if c == "\\":
                p += 1
                nxt = text[p] if p < n else ""
                if nxt == "`":
                    raise self.error("unrecognized escape character", p - 1, "bad-escape")
                if nxt == '"':
                    if name is None:
                        raise self.error("shortcode has no name", i, "no-name")
                    p = self._quoted_param(params, p, allowed=False)
                # Hugo skips any other backslash between elements.
                continue
            if name is None:
                if _is_alnum(c):
                    name, inline, p = self._name(p)
                    if closing:
                        p = self._end_of_closing_tag(p, right, i)
                        break
                    continue
            elif c == '"' or c == "`":
                p = self._quoted_param(params, p, allowed=True)
                continue
            elif c == "-" or _is_alnum(c):
                p = self._param(params, p)
                continue
            if text.startswith(">}}" if markdown else "%}}", p):
                raise self.error(
                    f"mismatched delimiters: '{text[i : i + 3]}' must be closed by '{right}', "
                    f"found '{text[p : p + 3]}'",
                    p,
                    "mismatched-delimiter",
                )
            raise self.error(
                f"unrecognized character in shortcode action: {_rune(c)}. "
                "Note: Parameters with non-alphanumeric args must be quoted",
                p,
                "unexpected-char",
            )

        if name is None:
            raise self.error("shortcode has no name", i, "no-name")
        self._flush(params)
        if inline and not closing and not self_closing:
            self.inline_open = name
        elif closing and self.inline_open == name:
            self.inline_open = None
        line, col = self.where(i)
        if params.kind == "positional":
            values: dict[str, object] | tuple[object, ...] = tuple(params.positional)
        else:
            values = params.named
        token = Shortcode(
            name=name,
            params=values,
            positional=params.kind == "positional",
            markdown=markdown,
            closing=closing,
            self_closing=self_closing,
            start=i,
            end=p,
            line=line,
            col=col,
            inline=inline,
            indent=indent,
        )
        self.offsets = tuple(params.offsets)
        return token, p

    def _check_inline_close(self, i: int) -> None:
        """Inside an inline shortcode only its own closing tag may follow (Hugo's rule)."""
        text = self.text
        p = i + 3
        while p < self.n and text[p] in _GO_SPACE:
            p += 1
        if p < self.n and text[p] == "/":
            p += 1
            while p < self.n and text[p] in _GO_SPACE:
                p += 1
            if text.startswith(f"{self.inline_open} ", p):
                return
        raise self.error("inline shortcodes do not support nesting", i, "inline-nesting")

    def _name(self, p: int) -> tuple[str, bool, int]:
        text = self.text
        start = p
        end = _go_run_end(text, p, _NAME_RUN.match(text, p).end(), "/-")
        inline = False
        if end < self.n and text[end] == ".":
            if not text.startswith("inline ", end + 1):
                raise self.error(
                    "period in shortcode name only allowed for inline identifiers",
                    end,
                    "invalid-name",
                )
            inline = True
            end += len(".inline")
        return text[start:end], inline, end

    def _end_of_closing_tag(self, p: int, right: str, i: int) -> int:
        text = self.text
        while p < self.n and text[p] in _TAG_SPACE:
            p += 1
        if text.startswith(right, p):
            return p + 3
        if p >= self.n:
            raise self.error(
                f"unclosed shortcode action: no '{right}' before the end of the text",
                i,
                "unterminated-shortcode",
            )
        raise self.error(
            f"unclosed shortcode: unexpected {_rune(text[p])} in a closing tag "
            f"(expected '{right}')",
            p,
            "unexpected-char",
        )

    # -- parameters -----------------------------------------------------------------------

    def _param(self, params: _Params, p: int) -> int:
        """An unquoted parameter item: a key (followed by '=') or a positional value."""
        text = self.text
        end = _go_run_end(text, p, _PARAM_RUN.match(text, p).end(), ".-")
        word = text[p:end]
        next_eq = text.startswith("=", end)
        if params.state == 0:
            params.state = 2 if next_eq else 1
        elif next_eq and params.state == 1:
            raise self.error(
                f"got named parameter '{word}'. Cannot mix named and positional parameters",
                p,
                "mixed-params",
            )
        elif not next_eq and params.state == 2:
            raise self.error(
                f"got positional parameter '{word}'. Cannot mix named and positional parameters",
                p,
                "mixed-params",
            )
        self._flush(params)
        params.pending = (word, typed_value(word), p)
        return end

    def _quoted_param(self, params: _Params, p: int, *, allowed: bool) -> int:
        """A quoted or raw positional item (it becomes a key if a value follows)."""
        if params.state == 2:
            raise self.error(
                "got quoted positional parameter. Cannot mix named and positional parameters",
                p,
                "mixed-params",
            )
        params.state = 1
        if self.text[p] == "`":
            value, end = self._raw(p)
        else:
            value, end = self._quoted(p, allowed=allowed)
        self._flush(params)
        params.pending = (value, value, p)
        return end

    def _attach_value(self, params: _Params, value: object, offset: int) -> None:
        pending = params.pending
        if pending is None:
            raise self.error(
                "parameter value without a name (Hugo would silently ignore it)",
                offset,
                "orphan-value",
            )
        params.pending = None
        if params.kind == "positional":
            raise self.error(
                f"got named parameter '{pending[0]}'. Cannot mix named and positional parameters",
                pending[2],
                "mixed-params",
            )
        params.kind = "named"
        params.named[pending[0]] = value
        params.offsets.append(offset)

    def _flush(self, params: _Params) -> None:
        """Store a pending item as a positional parameter."""
        pending = params.pending
        if pending is None:
            return
        params.pending = None
        if params.kind == "named":
            raise self.error(
                f"got positional parameter '{_clip(pending[0])}'. "
                "Cannot mix named and positional parameters",
                pending[2],
                "mixed-params",
            )
        params.kind = "positional"
        params.positional.append(pending[1])
        params.offsets.append(pending[2])

    def _value(self, p: int, right: str) -> tuple[object, int]:
        """The value after '=': quoted, raw or unquoted (typed)."""
        text = self.text
        c = text[p] if p < self.n else ""
        if c == '"':
            return self._quoted(p, allowed=True)
        if c == "\\":
            return self._quoted(p, allowed=False)
        if c == "`":
            return self._raw(p)
        match = _VALUE_END.search(text, p)
        end = match.start() if match else self.n
        return typed_value(text[p:end]), end

    def _raw(self, p: int) -> tuple[str, int]:
        close = self.text.find("`", p + 1)
        if close < 0:
            raise self.error(
                "unterminated raw string in shortcode parameter-argument: "
                f"'{_clip(self.text[p + 1 :])}'",
                p,
                "unterminated-string",
            )
        return self.text[p + 1 : close], close + 1

    def _quoted(self, p: int, *, allowed: bool) -> tuple[str, int]:
        """A ``"…"`` value at *p* (``\\"…\\"`` when *allowed* is False)."""
        if not allowed:
            return self._quoted_escaped(p)
        text = self.text
        start = p + 1
        q = start
        escaped = False
        search = _QUOTED_STOP.search
        while True:
            match = search(text, q)
            if match is None:
                raise self.error(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{_clip(text[start:])}'",
                    p,
                    "unterminated-string",
                )
            j = match.start()
            c = text[j]
            if c == '"':
                value = text[start:j]
                return (value.replace("\\", "") if escaped else value), j + 1
            if c == "\n":
                raise self.error(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{_clip(text[start:j])}' (a \"…\" value cannot contain a newline; "
                    "a `…` value can)",
                    p,
                    "newline-in-string",
                )
            nxt = text[j + 1 : j + 2]
            if nxt == '"':
                escaped = True
                q = j + 2
            elif nxt == "`":
                raise self.error("unrecognized escape character", j, "bad-escape")
            else:
                q = j + 1

    def _quoted_escaped(self, p: int) -> tuple[str, int]:
        """A value written ``\\"…\\"`` (Hugo's legacy form): ``\\"`` or ``"`` ends it.

        Hugo runs its quoted-value state machine with escapes disabled here, so no backslash
        is removed and the first ``\\"`` or bare ``"`` after the opening quote closes the value.
        """
        text = self.text
        n = self.n
        q = p
        start = p
        opened = False
        while True:
            if q >= n:
                raise self.error(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{_clip(text[start:])}'",
                    p,
                    "unterminated-string",
                )
            r = text[q]
            if r == "\\":
                nxt = text[q + 1 : q + 2]
                if nxt == '"' and opened:
                    break
                if nxt == "`":
                    raise self.error("unrecognized escape character", q, "bad-escape")
            elif r == "\n":
                raise self.error(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{_clip(text[start:q])}' (a \"…\" value cannot contain a newline)",
                    p,
                    "newline-in-string",
                )
            elif r == '"':
                if opened:
                    break
                opened = True
                start = q + 1
            q += 1
        value = text[start:q]
        if text.startswith('\\"', q):
            q += 2
        else:
            q += 1
        return value, q


def lex(
    text: str, *, path: str | None = None, first_line: int = 1, first_col: int = 1
) -> list[Node]:
    """Split *text* (a post body) into :class:`Text`, :class:`Shortcode` and :class:`Literal`.

    Every tag is one token, closing tags included; nothing is paired yet (see :func:`parse`).
    *first_line*/*first_col* give the file position of ``text[0]`` so that tokens and errors
    are located in the original file.  Raises :class:`MigrationError` on the first problem.
    """
    return _Lexer(text, path, first_line, first_col).run()


# --------------------------------------------------------------------------------------------
# Tree
# --------------------------------------------------------------------------------------------


def build_tree(
    tokens: list[Node], *, path: str | None = None, paired: PairedRule | None = None
) -> list[Node]:
    """Pair opening and closing tags of a :func:`lex` result into nested :class:`Shortcode` s.

    ``paired(name)`` tells whether a shortcode takes inner content: True (it must be closed
    or self-closed), False (a closing tag or ``/>}}`` is an error, as in Hugo) or None
    (unknown: it is paired exactly when a matching closing tag follows).  Without *paired*
    every name is unknown.
    """
    decided: dict[str, bool | None] = {}

    def rule(name: str) -> bool | None:
        if paired is None:
            return None
        if name not in decided:
            decided[name] = paired(name)
        return decided[name]

    def fail(message: str, token: Node, code: str) -> MigrationError:
        return MigrationError(message, path=path, line=token.line, col=token.col, code=code)

    # One flat list holds the output of every open level: an opener is written in place when
    # it is pushed and its children follow it.  An opener that turns out to be unpaired (unknown
    # pairing, no closing tag) therefore needs no work at all: it and its children already sit
    # flat in the parent, which is where Hugo puts them.  Splicing each level's children into its
    # parent instead copies the deepest nodes once per enclosing level, quadratic time on a page
    # of thousands of unclosed tags.  Only a matched pair moves its children, once, into *inner*.
    out: list[Node] = []
    stack: list[tuple[Shortcode, int]] = []  # (opener, index of its first child in out)
    for token in tokens:
        if type(token) is not Shortcode:
            out.append(token)
            continue
        name = token.name
        if token.closing:
            depth = len(stack) - 1
            while depth >= 0 and stack[depth][0].name != name:
                depth -= 1
            if depth < 0:
                if rule(name) is False:
                    raise fail(
                        f"shortcode '{name}' does not take inner content (its template does "
                        "not use .Inner), yet a closing tag was provided",
                        token,
                        "unexpected-close",
                    )
                raise fail(
                    f"closing tag for shortcode '{name}' does not match any open shortcode",
                    token,
                    "unmatched-close",
                )
            # The levels opened inside the matched one stay open-ended: flat in place.
            for k in range(len(stack) - 1, depth, -1):
                opener = stack[k][0]
                if rule(opener.name) is True:
                    raise fail(
                        f"closing tag for shortcode '{name}' does not match the open shortcode "
                        f"'{opener.name}' (opened at line {opener.line}, column {opener.col})",
                        token,
                        "mismatched-close",
                    )
            opener, first = stack[depth]
            del stack[depth:]
            children = out[first:]
            del out[first - 1 :]  # the children and the opener written before them
            out.append(
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
            if rule(name) is False:
                raise fail(
                    f"shortcode '{name}' does not take inner content (its template does not "
                    "use .Inner), yet it is self-closed",
                    token,
                    "unexpected-close",
                )
            out.append(token)
        elif rule(name) is False:
            out.append(token)
        else:
            out.append(token)
            stack.append((token, len(out)))
    for opener, _ in stack:
        if rule(opener.name) is True:
            raise fail(
                f"shortcode '{opener.name}' must be closed or self-closed",
                opener,
                "unclosed-shortcode",
            )
    return out


def parse(
    text: str,
    *,
    path: str | None = None,
    first_line: int = 1,
    first_col: int = 1,
    paired: PairedRule | None = None,
) -> list[Node]:
    """:func:`lex` then :func:`build_tree`: the body as a tree of nodes."""
    tokens = lex(text, path=path, first_line=first_line, first_col=first_col)
    return build_tree(tokens, path=path, paired=paired)


def iter_shortcodes(nodes: list[Node]) -> Iterator[Shortcode]:
    """Every shortcode of a tree in document order, descending into inner content."""
    for node in nodes:
        if type(node) is Shortcode:
            yield node
            if node.inner is not None:
                yield from iter_shortcodes(node.inner)


def param_offsets(text: str, call: Shortcode) -> tuple[int, ...]:
    """Where each parameter value of *call* is written in *text*, in source order.

    An offset points at the opening quote of a quoted value and at the first character of an
    unquoted one.  *text* is the text that was lexed; meant for error messages, it lexes the
    tag again.
    """
    lexer = _Lexer(text, None, 1, 1, fast=False)
    lexer.seen = call.start
    lexer.tag(call.start, call.indent)
    return lexer.offsets
