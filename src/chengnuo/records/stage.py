"""The records stage: registered documents → sections, commitments and assignments.

read:  the registry and the decoded lines of each source (text stage)
work:  the parser for the document's kind (task plans, work reports, table
       attachments), then canonical people, units and jurisdictions
write: build/records/<document_id>.json, one file per parsed document: sections,
       commitments, assignments, paragraphs (work reports), allocations (tables)
"""

from __future__ import annotations

import dataclasses

from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.project import Project
from chengnuo.records.allocations import allocation_rows, parse_allocation_table
from chengnuo.records.parties import Unlisted, resolve_assignments
from chengnuo.records.task_plan import parse_task_plan
from chengnuo.records.work_report import parse_work_report
from chengnuo.reference import Reference
from chengnuo.registry import Document, load_registry
from chengnuo.stage import Progress, StageReport, no_progress, write_outputs
from chengnuo.text.stage import source_lines

# The longest text a record may hold. Far beyond any real commitment or paragraph, and
# no more than an XLSX cell holds (downloads.xlsx.CELL_TEXT_MAX), so that a parse gone
# wrong is named here, at the report's line, not in a generated CSV line later.
MAX_TEXT = 32_767

# Document kinds that hold commitments or tables, and the parser for each.
PARSERS = {"task_plan": parse_task_plan, "work_report": parse_work_report,
           "attachment": parse_allocation_table}


def parse_document(project: Project, document: Document, lines: list[str], path: str,
                   reference: Reference) -> dict:
    """The records of one document as plain data, ready for JSON."""
    parsed = PARSERS[document.kind](
        document.document_id, path, lines[document.line_start - 1:document.line_end],
        document.line_start)
    warnings = list(parsed.warnings)
    unlisted = Unlisted()
    assignments = []
    for item in parsed.commitments:
        assignments += resolve_assignments(
            item.commitment_id, item.parties, document.jurisdiction_id, reference, unlisted,
            path, item.line_end, warnings)
    sections = [{"section_id": s.section_id, "document_id": document.document_id,
                 "parent_id": s.parent_id, "level": s.level, "label": s.label,
                 "title_zh": s.title_zh, "line": s.line}
                for s in parsed.sections]
    commitments = [{"commitment_id": c.commitment_id, "document_id": document.document_id,
                    "label": c.label, "parent_id": c.parent_id, "seq": c.seq, "kind": c.kind,
                    "section_id": c.section_id, "text_zh": c.text_zh, "source_text": c.source_text,
                    "line_start": c.line_start, "line_end": c.line_end}
                   for c in parsed.commitments]
    paragraphs = [{"paragraph_id": p.paragraph_id, "document_id": document.document_id,
                   "section_id": p.section_id, "part_kind": p.part, "seq": p.seq,
                   "text_zh": p.text_zh, "source_text": p.source_text,
                   "line_start": p.line_start, "line_end": p.line_end}
                  for p in parsed.paragraphs]
    allocations = allocation_rows(document.document_id, document.jurisdiction_id,
                                  parsed.allocations, reference, path, warnings)
    return {
        "document_id": document.document_id,
        "sections": sections,
        "commitments": commitments,
        "paragraphs": paragraphs,
        "allocations": allocations,
        "assignments": [dataclasses.asdict(a) for a in assignments],
        "unlisted_units": [unlisted.units[k] for k in sorted(unlisted.units)],
        "unlisted_people": [unlisted.people[k] for k in sorted(unlisted.people)],
        "warnings": [dataclasses.asdict(w) for w in sorted(set(warnings))],
    }


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    registry = load_registry(project)
    reference = Reference.load()
    report = StageReport("records")
    documents = [d for d in registry.documents if d.kind in PARSERS]
    records = []
    for number, document in enumerate(documents, start=1):
        source = registry.source(document.source_id)
        path = f"reports/{source.path}"
        progress(f"[{number}/{len(documents)}] {document.document_id}")
        records.append(parse_document(project, document, source_lines(project, source.source_id),
                                      path, reference))
        if document.kind in ("task_plan", "work_report") and not records[-1]["commitments"]:
            # A plan without tasks, or a report without targets or statements, is the wrong
            # file or the wrong range, never a real document: say what was recognised.
            found = records[-1]
            raise ChengnuoError(f"document '{document.document_id}' has no commitment in lines "
                                f"{document.line_start}-{document.line_end} (recognised "
                                f"{len(found['sections'])} sections, {len(found['paragraphs'])} "
                                f"paragraphs; not recognised: "
                                + ("numbered tasks)" if document.kind == "task_plan" else
                                   "a target list, a plan part or an attachment list)"), path=path,
                                line=document.line_start,
                                hint="check the file, and its line_start, line_end and kind "
                                     "in reports/registry.yaml")
        _check_lengths(records[-1], path)
    if not records:
        raise ChengnuoError("no document to parse", path=project.relative(project.registry_path),
                            hint="register a task_plan document")
    write_outputs(project, "records", {record["document_id"]: record for record in records})
    report.counts = {
        "documents": len(records),
        "commitments": sum(len(r["commitments"]) for r in records),
        "paragraphs": sum(len(r["paragraphs"]) for r in records),
        "allocations": sum(len(r["allocations"]) for r in records),
        "assignments": sum(len(r["assignments"]) for r in records),
    }
    report.warnings = [BuildWarning(**w) for r in records for w in r["warnings"]]
    return report


def _check_lengths(record: dict, path: str) -> None:
    """A commitment or paragraph longer than a spreadsheet cell is a parse gone wrong (items
    not split), and would fail the XLSX download: say so here, naming the report's line."""
    for table in ("commitments", "paragraphs"):
        for row in record[table]:
            if len(row["text_zh"]) > MAX_TEXT:
                raise ChengnuoError(f"a text of {len(row['text_zh']):,} characters starts here, more "
                                    f"than the {MAX_TEXT:,} a spreadsheet cell holds", path=path,
                                    line=row["line_start"],
                                    hint="check that its numbered items are each on their own line")

