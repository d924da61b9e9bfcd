"""The processes a test run starts, read from /proc: none may outlive the test that started it.

Linux only, as the project's CI is. The test process makes itself a "child subreaper"
(prctl PR_SET_CHILD_SUBREAPER): a process whose parent dies is handed to the test
process instead of to init, so every process the suite started, however deep, stays
a descendant of pytest and can be found, reaped or reported at the end.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
PR_SET_CHILD_SUBREAPER = 36  # <linux/prctl.h>


@dataclass(frozen=True)
class Process:
    pid: int
    ppid: int
    pgid: int
    sid: int
    state: str
    args: str

    @property
    def zombie(self) -> bool:
        return self.state in ("Z", "X")

    def __str__(self) -> str:
        return f"pid {self.pid} (pgid {self.pgid}, sid {self.sid}): {self.args}"


def become_subreaper() -> bool:
    """Adopt the orphans of this process's descendants. False where the kernel cannot."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _read(pid: str) -> Process | None:
    try:
        stat = (PROC / pid / "stat").read_text()
        args = (PROC / pid / "cmdline").read_bytes()
    except OSError:  # it ended while we looked
        return None
    # The command name in parentheses may itself hold spaces and parentheses.
    fields = stat[stat.rindex(")") + 2:].split()
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    return Process(pid=int(pid), ppid=int(fields[1]), pgid=int(fields[2]), sid=int(fields[3]),
                   state=fields[0], args=args.replace(b"\0", b" ").decode(errors="replace").strip()
                   or f"[{name}]")


def processes() -> list[Process]:
    return [p for p in map(_read, (e.name for e in PROC.iterdir() if e.name.isdigit())) if p]


def reap_zombie_children() -> None:
    """Collect the exit status of dead children, adopted orphans included.

    Only zombies are waited for, so a live child that a `subprocess.Popen` still owns
    keeps its status for that owner.
    """
    me = os.getpid()
    for process in processes():
        if process.ppid == me and process.zombie:
            try:
                os.waitpid(process.pid, os.WNOHANG)
            except ChildProcessError:
                pass


def descendants(pid: int | None = None) -> list[Process]:
    """The live processes below `pid` (this process by default), at any depth."""
    root = os.getpid() if pid is None else pid
    everyone = processes()
    children: dict[int, list[Process]] = {}
    for process in everyone:
        children.setdefault(process.ppid, []).append(process)
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child.pid)
    return [p for p in found if not p.zombie]


def in_group(group: int) -> list[Process]:
    """The live processes of process group or session `group`."""
    return [p for p in processes() if group in (p.pgid, p.sid) and not p.zombie]


def wait_until_gone(find, timeout: float = 10.0) -> list[Process]:
    """Poll `find()` until it lists nothing or `timeout` seconds pass; what is left."""
    deadline = time.monotonic() + timeout
    while True:
        reap_zombie_children()
        left = find()
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


def kill_group(process) -> list[Process]:
    """SIGKILL the whole process group a `Popen(..., start_new_session=True)` leads.

    Returns the processes of its group or session still alive after a bounded wait
    (an empty list, unless something escaped the kill).
    """
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group had ended already
        pass
    process.wait()
    return wait_until_gone(lambda: in_group(process.pid))


def end(leftovers: list[Process]) -> None:
    """SIGKILL processes the suite started and left behind, by their id."""
    for process in leftovers:
        try:
            os.kill(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    wait_until_gone(lambda: [p for p in map(_read, (str(q.pid) for q in leftovers))
                             if p and not p.zombie], timeout=5)
