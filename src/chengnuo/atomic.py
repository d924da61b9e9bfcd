"""Writing files and swapping folders so that a kill at any instant leaves old or new.

A file is written beside its target, flushed to disk and renamed over it: readers
see the whole old file or the whole new one, never a truncated one. A folder is
swapped with its replacement in one system call where Linux offers it
(renameat2 RENAME_EXCHANGE), so there is never a moment without the folder.

`kill_point` is the fault-injection hook of tests/test_faults.py: with
CHENGNUO_TEST_KILL_AT naming a point, the process kills itself there (SIGKILL,
so no clean-up of ours runs), as a power cut or an OOM kill would; or sends
itself CHENGNUO_TEST_SIGNAL (SIGINT: Ctrl-C).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import signal
import tempfile
from pathlib import Path

KILL_AT_ENV = "CHENGNUO_TEST_KILL_AT"
SIGNAL_ENV = "CHENGNUO_TEST_SIGNAL"  # e.g. SIGINT, for Ctrl-C instead of a kill


def kill_point(name: str) -> None:
    """Die here, at once, when the test hook names this point."""
    if os.environ.get(KILL_AT_ENV) == name:
        os.kill(os.getpid(), getattr(signal, os.environ.get(SIGNAL_ENV, "SIGKILL")))


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (the folder entry itself is flushed)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # some file systems do not open folders; the rename is still atomic
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _temporary_beside(path: Path) -> tuple[int, Path]:
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return descriptor, Path(name)


def write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace `path` with `data`: a temporary file beside it, fsync'd, then renamed over it."""
    descriptor, temporary = _temporary_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as out:
            half = len(data) // 3
            out.write(data[:half])
            out.flush()
            kill_point("atomic-write")  # a third written: where an in-place write lost the registry
            out.write(data[half:])
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` the same way: a full, flushed copy appears, or nothing."""
    descriptor, temporary = _temporary_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as out, open(source, "rb") as data:
            shutil.copyfileobj(data, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2_function = _renameat2()


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the system cannot."""
    if _renameat2_function is None:
        return False
    if _renameat2_function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                           _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_in(new: Path, target: Path) -> None:
    """Put `new` at `target`; the previous `target`, if any, ends up at `new`.

    Files are renamed over their target (atomic by itself); the previous
    file is gone. Folders are exchanged in one step, so `target` never
    disappears; where the system cannot exchange, `target` is renamed aside
    first, and `restore_aside` puts it back should the process die between.
    """
    if new.is_dir() and not new.is_symlink() and target.is_dir() and not target.is_symlink():
        if exchange(new, target):
            return
        aside = _aside(target)
        shutil.rmtree(aside, ignore_errors=True)
        os.replace(target, aside)
        kill_point("between-renames")
        os.replace(new, target)
        os.replace(aside, new)
        return
    if new.is_dir() and (target.is_symlink() or target.is_file()):
        target.unlink()  # a stray file or link where the folder belongs
    os.replace(new, target)


def _aside(target: Path) -> Path:
    return target.parent / f".{target.name}.old"


def restore_aside(target: Path) -> bool:
    """Undo a swap cut between its two renames (see `swap_in`); True if there was one."""
    aside = _aside(target)
    if aside.exists() and not target.exists():
        os.replace(aside, target)
        return True
    return False
