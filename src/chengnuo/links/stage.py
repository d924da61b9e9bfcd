"""The links stage: task-plan commitments → the work-report paragraphs they came from.

read:  the registry (which plan goes with which report: same jurisdiction and
       year), build/records/ (commitments and paragraphs), the decoded lines of
       both sources (text stage), to give each difference its line
work:  match.link_commitment for every commitment of every plan with a report
write: build/links/links.json and build/links/discrepancies.json (the rows of
       the `links` and `discrepancies` tables)
"""

from __future__ import annotations

from chengnuo.links.match import Difference, bigram_set, compared_text, link_commitment
from chengnuo.project import Project
from chengnuo.registry import Document, Registry, load_registry
from chengnuo.stage import Progress, StageReport, no_progress, read_outputs, write_outputs
from chengnuo.text.stage import source_lines

# The review part reports last year's results; a plan restates this year's work.
_SOURCE_PARTS = ("plan", "self_building", "attachment", "other")


def plan_report_pairs(registry: Registry) -> list[tuple[Document, Document]]:
    """Each task plan with the work report of its jurisdiction and year."""
    reports = {(d.jurisdiction_id, d.year): d for d in registry.documents
               if d.kind == "work_report"}
    return [(d, reports[(d.jurisdiction_id, d.year)]) for d in registry.documents
            if d.kind == "task_plan" and (d.jurisdiction_id, d.year) in reports]


def find_line(snippet: str, lines: list[str], first: int, last: int) -> int:
    """The first line in first..last whose text holds the snippet (compared as
    match.compared_text does); `first` when the snippet straddles a line break."""
    for number in range(first, last + 1):
        if snippet in compared_text(lines[number - 1]):
            return number
    return first


def link_pair(plan: dict, report: dict, plan_lines: list[str],
              report_lines: list[str]) -> tuple[list[dict], list[dict]]:
    """Rows of `links` and `discrepancies` between one plan's and one report's records."""
    paragraphs = [p for p in report["paragraphs"] if p["part_kind"] in _SOURCE_PARTS]
    index = [(p, bigram_set(compared_text(p["text_zh"]))) for p in paragraphs]
    by_id = {p["paragraph_id"]: p for p in paragraphs}
    links, discrepancies = [], []
    for commitment in plan["commitments"]:
        found, differences = link_commitment(commitment, index)
        # Kept as an exact decimal string, like the figures of the targets stage:
        # a float 1.0 would print as 1.0 in CSV but 1 in a spreadsheet.
        links += [{"commitment_id": link.commitment_id, "paragraph_id": link.paragraph_id,
                   "similarity": f"{link.similarity:.3f}".rstrip("0").rstrip(".")}
                  for link in found]
        discrepancies += [_row(n, d, commitment, by_id[d.paragraph_id], plan_lines, report_lines)
                          for n, d in enumerate(differences, start=1)]
    return links, discrepancies


def _row(n: int, difference: Difference, commitment: dict, paragraph: dict,
         plan_lines: list[str], report_lines: list[str]) -> dict:
    return {
        "discrepancy_id": f"{difference.commitment_id}-d{n}",
        "commitment_id": difference.commitment_id,
        "paragraph_id": difference.paragraph_id,
        "plan_text": difference.plan_text,
        "report_text": difference.report_text,
        "differs_in": difference.differs_in,
        "plan_line": find_line(difference.plan_text, plan_lines, commitment["line_start"],
                               commitment["line_end"]),
        "report_line": find_line(difference.report_text, report_lines, paragraph["line_start"],
                                 paragraph["line_end"]),
    }


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    registry = load_registry(project)
    records = read_outputs(project, "records")
    links, discrepancies = [], []
    for plan, report in plan_report_pairs(registry):
        if plan.document_id not in records or report.document_id not in records:
            continue  # a document whose parser is not there yet: nothing to link
        progress(f"{plan.document_id} ↔ {report.document_id}")
        found = link_pair(records[plan.document_id], records[report.document_id],
                          source_lines(project, plan.source_id, registry=registry),
                          source_lines(project, report.source_id, registry=registry))
        links += found[0]
        discrepancies += found[1]
    write_outputs(project, "links", {"links": links, "discrepancies": discrepancies})
    return StageReport("links", counts={
        "links": len(links), "commitments linked": len({row["commitment_id"] for row in links}),
        "discrepancies": len(discrepancies)})
