"""Several outputs replaced together: all of them, or none (`chengnuo add`).

The new outputs are prepared in `build/.transaction/` (a staging copy of the
project). Committing writes a journal there, atomically, listing each move
(new → target) and the identity (device, inode) of each new item; only then
are the items swapped in, one by one. The journal is the commit point:

- killed before it exists: nothing in the project has changed; the next
  command removes the staging folder (undo);
- killed after: the next command finishes the moves (redo). A move is done
  when its target already has the new item's identity, so redoing is safe.

Either way the next command says what it did.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

from chengnuo import atomic

FOLDER = ".transaction"
JOURNAL = "journal.json"
INTENT = "intent.txt"


def staging_folder(build_dir: Path, what: str) -> Path:
    """An empty staging folder for a transaction described by `what` (e.g. "add of x.txt")."""
    folder = build_dir / FOLDER
    if (folder / JOURNAL).exists():  # the CLI finishes it first (chengnuo.cli._exclusive)
        raise RuntimeError(f"{folder} holds a committed transaction: finish it with recover()")
    _remove(folder)
    folder.mkdir(parents=True)
    (folder / INTENT).write_text(what, encoding="utf-8")
    return folder


def _identity(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_dev, status.st_ino]


def commit(root: Path, folder: Path, moves: list[tuple[Path, Path]]) -> None:
    """Swap every `new` (inside `folder`) in at its `target` (inside `root`), as one step."""
    what = (folder / INTENT).read_text(encoding="utf-8")
    journal = {"what": what, "moves": [
        {"new": str(new.relative_to(root)), "target": str(target.relative_to(root)),
         "identity": _identity(new)} for new, target in moves]}
    os.sync()  # the new outputs reach the disk before the journal that points at them
    # Ctrl-C waits the few milliseconds of the moves, rather than leave them for the next command.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        atomic.write_text(folder / JOURNAL, json.dumps(journal, ensure_ascii=False, indent=1))
        atomic.kill_point("transaction-committed")
        _finish(root, folder, journal)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _finish(root: Path, folder: Path, journal: dict) -> None:
    for number, move in enumerate(journal["moves"], 1):
        new, target = root / move["new"], root / move["target"]
        if target.exists() and _identity(target) == move["identity"]:
            continue  # moved before the interruption
        if not new.exists() and not new.is_symlink():
            continue  # nothing to move (cannot happen unless someone removed it)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.restore_aside(target)
        atomic.swap_in(new, target)
        atomic.kill_point(f"transaction-move-{number}")
    atomic.fsync_folder(root)
    _remove(folder)


def _remove(folder: Path) -> None:
    """Remove a staging folder in one step first (renamed aside), so that a kill while
    it is being deleted cannot leave a part of it that reads as another transaction."""
    done = folder.with_name(f"{FOLDER}.done")
    shutil.rmtree(done, ignore_errors=True)
    if folder.exists():
        os.replace(folder, done)
    shutil.rmtree(done, ignore_errors=True)


def abandon(folder: Path) -> None:
    """Drop a transaction that was never committed (its staging copy only).

    A committed one is kept whatever happened since: the next command finishes it.
    """
    if (folder / JOURNAL).exists():
        return
    _remove(folder)


def recover(build_dir: Path) -> str | None:
    """Finish or undo a transaction an earlier command left half done; say which, or None."""
    folder = build_dir / FOLDER
    if not folder.exists():
        shutil.rmtree(folder.with_name(f"{FOLDER}.done"), ignore_errors=True)
        return None
    root = build_dir.parent
    try:
        what = (folder / INTENT).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        what = "change"
    try:
        journal = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        abandon(folder)
        return f"an interrupted {what} was undone: it had not changed anything yet"
    _finish(root, folder, journal)
    return f"an interrupted {what} was finished: its {len(journal['moves'])} outputs are now in place"
