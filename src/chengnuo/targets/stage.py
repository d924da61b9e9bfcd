"""The targets stage: parsed commitments → one row per quantity each one promises.

read:  build/records/<document_id>.json (records stage), the registry (document years)
work:  chengnuo.quantities on each commitment's text; the year each figure is due
write: build/targets/targets.json
"""

from __future__ import annotations

import json
import re
from typing import Any

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.quantities import Quantity, find_quantities
from chengnuo.records.stage import read_records, write_json
from chengnuo.registry import load_registry
from chengnuo.stage import Progress, StageReport, no_progress, replaced_folder

# A figure promised for a later year: 到2025年, 2025年前, 2022-2025年累计.
_DUE_YEAR = re.compile(r"(?:到|至)(20\d\d)年|(20\d\d)年(?:底|前|末)|20\d\d\s*[-—–至]\s*(20\d\d)年")
_SENTENCE_END = re.compile(r"[。；;！？]")


def target_rows(commitment: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The targets of one commitment, numbered in order of appearance."""
    text = commitment["text_zh"]
    return [{
        "target_id": f"{commitment['commitment_id']}-q{number}",
        "commitment_id": commitment["commitment_id"],
        **quantity_columns(q),
        "indicator_en": None,
        "due_year": due_year(text, q, year),
    } for number, q in enumerate(find_quantities(text), start=1)]


def quantity_columns(q: Quantity) -> dict[str, Any]:
    """The columns every table of figures shares; numbers as exact decimal strings."""
    return {"indicator_zh": q.indicator_zh or None, "value": _decimal(q.value),
            "value_max": _decimal(q.value_max), "unit": q.unit, "modifier": q.modifier,
            "metric": q.metric, "span": q.span}


def due_year(text: str, quantity: Quantity, year: int) -> int:
    """The year a figure is promised for: the document's, unless its sentence names a later one.

    Only a year written before the figure in the same sentence counts, so that
    `力争到2025年，…比重达到35%左右` is due in 2025 and the figures after the next
    full stop are due in the document's year again.
    """
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, quantity.start):
        sentence_start = match.end()
    due = year
    for match in _DUE_YEAR.finditer(text, sentence_start, quantity.start):
        due = max(due, int(next(g for g in match.groups() if g)))
    return due


def _decimal(value: Any) -> str | None:
    return None if value is None else format(value, "f")


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    years = {d.document_id: d.year for d in load_registry(project).documents}
    rows = []
    for record in read_records(project):
        progress(record["document_id"])
        for commitment in record["commitments"]:
            rows += target_rows(commitment, years[commitment["document_id"]])
    with replaced_folder(project.build_dir / "targets") as folder:
        write_json(folder / "targets.json", rows)
    return StageReport("targets", counts={
        "targets": len(rows), "commitments with targets": len({r["commitment_id"] for r in rows})})


def read_targets(project: Project) -> list[dict[str, Any]]:
    """The targets stage's output; the next stages' input."""
    path = project.build_dir / "targets" / "targets.json"
    if not path.is_file():
        raise ChengnuoError("no targets", path=project.relative(path),
                            hint="run `chengnuo targets` first")
    return json.loads(path.read_text(encoding="utf-8"))
