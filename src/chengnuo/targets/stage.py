"""The targets stage: the figures each commitment promises, and each review reports.

read:  build/records/<document_id>.json (records stage), the registry (document years)
work:  chengnuo.quantities on each commitment's text (targets, with the year each
       figure is due) and on each paragraph of a report's review part (results)
write: build/targets/targets.json, build/targets/results.json
"""

from __future__ import annotations

import re
from typing import Any

from chengnuo.project import Project
from chengnuo.quantities import Quantity, find_quantities
from chengnuo.targets.columns import quantity_columns
from chengnuo.targets.results import result_rows, review_periods
from chengnuo.registry import load_registry
from chengnuo.stage import Progress, StageReport, no_progress, read_outputs, write_outputs
from chengnuo.zh.text import sentence_around

# A figure promised for a later year: 到2025年, 2025年前, 2022-2025年累计, 3年内.
_DUE_YEAR = re.compile(r"(?:到|至)(20\d\d)年|(20\d\d)年(?:底|前|末)|20\d\d\s*[-—–至]\s*(20\d\d)年")
_WITHIN_YEARS = re.compile(r"([2-9两三四五])年内")


def target_rows(commitment: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The targets of one commitment, numbered in order of appearance."""
    text = commitment["text_zh"]
    return [{
        "target_id": f"{commitment['commitment_id']}-q{number}",
        "commitment_id": commitment["commitment_id"],
        **quantity_columns(q),
        "due_year": due_year(text, q, year),
    } for number, q in enumerate(find_quantities(text), start=1)]


def due_year(text: str, quantity: Quantity, year: int) -> int:
    """The year a figure is promised for: the document's, unless its sentence names a later one.

    Only a year written before the figure in the same sentence counts, so that
    `力争到2025年，…比重达到35%左右` is due in 2025, `3年内累计引进…800个` in the
    document's year plus two, and the figures after the next full stop are due in
    the document's year again.
    """
    sentence_start, _ = sentence_around(text, quantity.start, quantity.end, clauses=True)
    due = year
    for match in _DUE_YEAR.finditer(text, sentence_start, quantity.start):
        due = max(due, int(next(g for g in match.groups() if g)))
    for match in _WITHIN_YEARS.finditer(text, sentence_start, quantity.start):
        # 3年内: this year and the two after it
        years = int(match.group(1)) if match.group(1).isdigit() else "  两三四五".index(match.group(1))
        due = max(due, year + years - 1)
    return due


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    years = {d.document_id: d.year for d in load_registry(project).documents}
    rows, results = [], []
    for record in read_outputs(project, "records").values():
        progress(record["document_id"])
        year = years[record["document_id"]]
        for commitment in record["commitments"]:
            rows += target_rows(commitment, years[commitment["document_id"]])
        periods = review_periods(record)
        for paragraph in record.get("paragraphs", []):
            if paragraph["part_kind"] == "review":
                results += result_rows(paragraph, year, periods[paragraph["paragraph_id"]])
    write_outputs(project, "targets", {"targets": rows, "results": results})
    return StageReport("targets", counts={
        "targets": len(rows), "commitments with targets": len({r["commitment_id"] for r in rows}),
        "results": len(results)})
