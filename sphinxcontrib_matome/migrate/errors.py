"""Located, user-facing errors of the migrator, and offset → (line, column) conversion.

Every problem found in the Hugo input is raised as a :class:`MigrationError` that carries the
file, the 1-based line and the 1-based column (counted in characters, not bytes) of the
offending character, plus a short machine-readable ``code`` for reports.

Positions are computed cheaply: :class:`LineIndex` precomputes the offsets of the line starts
once and answers each query with a binary search, so locating thousands of tokens in a 90 KB
post never re-counts lines from the start of the text.
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["LineIndex", "MigrationError", "position"]


class MigrationError(Exception):
    """A user-facing problem in the Hugo input, located as path:line:col."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        code: str = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.code = code

    @property
    def location(self) -> str:
        """``path:line:col`` with the missing parts left out (``""`` when nothing is known)."""
        parts: list[str] = []
        if self.path:
            parts.append(self.path)
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message

    def __repr__(self) -> str:
        return (
            f"MigrationError({self.message!r}, path={self.path!r}, line={self.line!r}, "
            f"col={self.col!r}, code={self.code!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are not restored by the default exception pickling; errors
        # must survive the trip back from worker processes.
        return (_rebuild, (self.message, self.path, self.line, self.col, self.code))

    def with_path(self, path: str | None) -> MigrationError:
        """A copy of this error located in *path* (used when the lexer ran without a path)."""
        return MigrationError(self.message, path=path, line=self.line, col=self.col, code=self.code)


def _rebuild(
    message: str, path: str | None, line: int | None, col: int | None, code: str
) -> MigrationError:
    return MigrationError(message, path=path, line=line, col=col, code=code)


class LineIndex:
    """Maps character offsets of one text to 1-based (line, column) pairs.

    *first_line* and *first_col* give the position of ``text[0]`` in the file the text came
    from (for a post body that starts below its front matter).  Only the first line of the
    text is shifted by *first_col*.
    """

    __slots__ = ("_first_col", "_first_line", "_starts")

    def __init__(self, text: str, *, first_line: int = 1, first_col: int = 1) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self._first_line = first_line
        self._first_col = first_col

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, col) of ``text[offset]``; an offset at the end of the text is allowed."""
        if offset < 0:
            raise ValueError(f"negative offset {offset}")
        k = bisect_right(self._starts, offset) - 1
        col = offset - self._starts[k] + 1
        if k == 0:
            col += self._first_col - 1
        return self._first_line + k, col

    def line_start(self, line: int) -> int:
        """Offset of the first character of *line* (a line number of the file)."""
        return self._starts[line - self._first_line]


def line_start(text: str, line: int) -> int:
    """Offset of the first character of *line* (1-based) of *text*; for a line near the top,
    such as the end of a front matter, without indexing the whole page."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def position(text: str, offset: int, *, first_line: int = 1, first_col: int = 1) -> tuple[int, int]:
    """One-off (line, col) of ``text[offset]``; build a :class:`LineIndex` for many queries."""
    line = first_line + text.count("\n", 0, offset)
    last_newline = text.rfind("\n", 0, offset)
    if last_newline < 0:
        return line, offset + first_col
    return line, offset - last_newline
