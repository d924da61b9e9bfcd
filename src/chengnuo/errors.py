"""Errors that reach the user as one line, never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ChengnuoError(Exception):
    """A problem with the input that the user can fix.

    The CLI prints `str(error)` and exits non-zero; nothing else is shown.
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None,
                 hint: str | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        fix = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{fix}"


@dataclass(frozen=True, order=True)
class BuildWarning:
    """A problem the build can live with; reported in the run summary."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
