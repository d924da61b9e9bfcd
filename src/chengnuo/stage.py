"""What every stage shares: its report, and reading and writing stage outputs.

A stage reads the output of the stages it needs (`read_output`, `read_outputs`),
works, and writes its own folder (`write_outputs`): build/<stage>/<table>.json,
one file per table (or per document). The folder is written beside the old one
and swapped in at the end, so a build stopped at any moment leaves the previous
output intact.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from chengnuo import atomic
from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.project import Project

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


def write_outputs(project: Project, stage: str, tables: Mapping[str, Any], *,
                  texts: Mapping[str, str] | None = None) -> Path:
    """Write every table of a stage as <table>.json (and `texts` as <name>.txt), all at once.

    The stage's folder is replaced whole: a table the stage no longer writes
    does not linger from an earlier run.
    """
    with replaced_folder(project.stage_dir(stage)) as folder:
        for name, data in tables.items():
            write_json(folder / f"{name}.json", data)
        for name, text in (texts or {}).items():
            # bytes: text mode would translate line ends, and the lines are counted exactly
            (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    return project.stage_dir(stage)


def read_output(project: Project, stage: str, table: str) -> Any:
    """One table of a stage's output, as the stage wrote it."""
    path = project.stage_dir(stage) / f"{table}.json"
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        raise missing_output(project, stage, path) from None


def read_outputs(project: Project, stage: str) -> dict[str, Any]:
    """Every table of a stage's output by name, in name order (the records stage
    writes one per document, named by its document_id)."""
    files = sorted(project.stage_dir(stage).glob("*.json"))
    if not files:
        raise missing_output(project, stage, project.stage_dir(stage))
    return {file.stem: json.loads(file.read_bytes()) for file in files}


def missing_output(project: Project, stage: str, path: Path) -> ChengnuoError:
    """The one error for a stage's output that is not there."""
    return ChengnuoError(f"the {stage} stage's output is missing", path=project.relative(path),
                         hint=f"run `chengnuo {stage}` first")


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def decimal_text(value: Any) -> str | None:
    """A number as the stages keep it in their JSON: an exact decimal string (None stays None)."""
    return None if value is None else format(Decimal(value), "f")
