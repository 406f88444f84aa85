"""Located messages of a migration run, collected for the terminal and the JSON report."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from .errors import MigrationError

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Message:
    level: Level
    code: str
    message: str
    path: str = ""
    line: int | None = None
    col: int | None = None

    @property
    def location(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {key: value for key, value in asdict(self).items() if value is not None}

    @classmethod
    def from_error(cls, error: MigrationError, path: str = "") -> Message:
        return cls("error", error.code, error.message, error.path or path, error.line, error.col)
