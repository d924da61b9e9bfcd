"""Failures of the machine, not of chengnuo: said in one line, with what to do.

A full disk, a read-only folder or a missing package in .venv are not bugs to
report; the CLI names them as ordinary errors (exit 1) instead of "internal error".
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

_BY_ERRNO = {
    errno.ENOSPC: ("no space left on the device", "free some space, then run the command again"),
    errno.EDQUOT: ("the disk quota is exceeded", "free some space, then run the command again"),
    errno.EROFS: ("the file system is read-only", "run chengnuo in a writable copy of the project"),
    errno.EACCES: ("permission denied", "check the owner and permissions of the project folder"),
    errno.EPERM: ("operation not permitted", "check the owner and permissions of the project folder"),
    errno.ENAMETOOLONG: ("a file name is too long", "use shorter names"),
}


def ordinary_failure(error: BaseException, root: Path | None = None,
                     stage: str | None = None) -> str | None:
    """The one-line message for an environment failure, or None for a real bug.

    A file inside the project `root` is named relative to it, as every message does;
    when the error names no file, the `stage` that met it is named instead.
    """
    if isinstance(error, OSError) and error.errno in _BY_ERRNO:
        what, hint = _BY_ERRNO[error.errno]
        if error.filename:
            return f"{_shown(error.filename, root)}: {what} ({hint})"
        return f"{what}{f' in the {stage} stage' if stage else ''} ({hint})"
    if isinstance(error, sqlite3.OperationalError) and "disk is full" in str(error):
        what, hint = _BY_ERRNO[errno.ENOSPC]
        return f"{what} while writing the SQLite database ({hint})"
    if isinstance(error, ModuleNotFoundError) and error.name:
        return (f"the Python package '{error.name}' is missing from the environment "
                "(run `make build` to reinstall it)")
    if isinstance(error, MemoryError):
        return "out of memory (an input may be far larger than expected; check the last file named above)"
    return None


def _shown(filename, root: Path | None) -> str:
    name = os.fsdecode(filename)
    if root is not None and Path(name).is_relative_to(root):
        name = str(Path(name).relative_to(root))
    # A message stays one readable line, even for a 10,000-character name.
    return name if len(name) <= 200 else name[:120] + "…" + name[-60:]
