"""What every stage shares: its report, and writing its output folder whole.

A stage reads the previous stage's output, works, and writes its own folder.
The folder is written beside the old one and swapped in at the end, so a
build stopped at any moment leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

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
    old = target.parent / f".{target.name}.old"
    # A run killed between the two renames below left the previous output in
    # `old`: put it back before anything else, and drop abandoned staging folders.
    if old.exists() and not target.exists():
        os.replace(old, target)
    for abandoned in target.parent.glob(f".{target.name}.new-*"):
        shutil.rmtree(abandoned, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the output is meant to be read by all
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
