"""What every stage shares: its report, and writing its output folder whole.

A stage reads the previous stage's output, works, and writes its own folder.
The folder is written beside the old one and swapped in at the end, so a
build stopped at any moment leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from chengnuo import atomic
from chengnuo.errors import BuildWarning

Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    """The default progress callback: stages are quiet unless the CLI listens."""


@dataclass
class StageReport:
    stage: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[BuildWarning] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{value} {name}" for name, value in self.counts.items())
        return f"{self.stage}: {counts}, {len(self.warnings)} warnings"


@contextlib.contextmanager
def replaced_folder(target: Path) -> Iterator[Path]:
    """A fresh folder to fill; on success it replaces `target` whole.

    On any error the new folder is removed and `target` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # A run killed between the two renames of a swap (only where the system cannot
    # exchange folders in one step) left the previous output aside: put it back
    # before anything else, and drop abandoned staging folders.
    atomic.restore_aside(target)
    shutil.rmtree(target.parent / f".{target.name}.old", ignore_errors=True)
    for abandoned in target.parent.glob(f".{target.name}.new-*"):
        shutil.rmtree(abandoned, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the output is meant to be read by all
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Exchanged in one step: `target` is never missing, even for an instant.
    atomic.swap_in(staging, target)
    atomic.kill_point(f"folder-swapped:{target.name}")
    shutil.rmtree(staging, ignore_errors=True)
