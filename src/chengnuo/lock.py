"""One command at a time per project: `build/.lock`, holding the PID of its holder.

Two builds in one checkout would delete each other's staging folders. The lock
is a POSIX record lock (fcntl.lockf): the kernel drops it when its process
ends, however it ends, and worker processes forked by a stage do not inherit
it. A second command refuses at once, naming the holder (it does not wait:
a build takes minutes, and a silent wait looks like a hang).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from chengnuo.errors import ChengnuoError

LOCK_FILE = ".lock"


@contextlib.contextmanager
def project_lock(build_dir: Path, shown: str = "build/.lock") -> Iterator[None]:
    build_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(build_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise ChengnuoError(f"another chengnuo command (pid {holder}) is working on this project",
                                path=shown, hint="wait for it to finish, or stop it") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(descriptor, 0)
    finally:
        os.close(descriptor)  # closing releases the lock
