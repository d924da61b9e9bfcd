"""`chengnuo inspect PATH`: what one file holds, read and parsed, changing nothing.

The same reading serves `chengnuo add`, so what inspect prints is what add registers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.formats import format_of
from chengnuo.ingest.detect import DetectedDocument, Detection, Places, detect
from chengnuo.project import Project
from chengnuo.reference import Reference, normalise_name
from chengnuo.registry import KINDS, Document, latest_year
from chengnuo.text.extract import Extracted, extract

LINE_MEANING = {
    "txt": "line n of the file",
    "md": "line n of the file",
    "docx": "the n-th paragraph line of the document body",
    "html": "the n-th line of the page's article text",
    "pdf": "the n-th line of the text layer, without page numbers and running headers",
}


@dataclass
class Inspection:
    path: str  # as shown to the user
    sha256: str
    text: Extracted
    detection: Detection
    records: dict | None = None  # the records stage's output for the main document
    warnings: list[BuildWarning] = field(default_factory=list)

    @property
    def main(self):
        return self.detection.main

    def as_json(self) -> dict:
        main = self.main
        records = self.records or {"sections": [], "commitments": [], "assignments": []}
        labels = {c["commitment_id"]: c["label"] for c in records["commitments"]}
        parties: dict[str, list[dict]] = {}
        for assignment in records["assignments"]:
            parties.setdefault(assignment["commitment_id"], []).append(
                {"role": assignment["role"], "name": normalise_name(assignment["raw"])})
        return {
            "path": self.path,
            "format": self.text.format,
            "encoding": self.text.encoding,
            "sha256": self.sha256,
            "line_count": len(self.text.lines),
            "line_meaning": LINE_MEANING[self.text.format],
            "kind": main.kind,
            "title": main.title_zh,
            "year": main.year,
            "jurisdiction": main.jurisdiction_id,
            "publisher": self.detection.publisher_zh,
            "doc_number": main.doc_number,
            "issued_date": main.issued_date.isoformat() if main.issued_date else None,
            "line_start": main.line_start,
            "line_end": main.line_end,
            "documents": [{"kind": d.kind, "title": d.title_zh, "line_start": d.line_start,
                           "line_end": d.line_end} for d in self.detection.documents],
            "counts": {"sections": len(records["sections"]),
                       "commitments": len(records["commitments"]),
                       "assignments": len(records["assignments"]),
                       "warnings": len(self.warnings)},
            "commitments": [{"label": c["label"], "kind": c["kind"],
                             "parent": labels.get(c["parent_id"]), "text_zh": c["text_zh"],
                             "assignments": parties.get(c["commitment_id"], [])}
                            for c in records["commitments"]],
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
        }


def document_id(document: DetectedDocument) -> str:
    """The id a detected document is registered under: liaocheng-2024-work-report."""
    return f"{document.jurisdiction_id}-{document.year or 0}-{document.kind.replace('_', '-')}"


def inspect_file(file: Path, shown_as: str, *, jurisdiction: str | None = None,
                 year: int | None = None, kind: str | None = None,
                 today: date | None = None) -> Inspection:
    """Read, detect and parse `file`; the given values override what is detected."""
    from chengnuo.records.stage import PARSERS, parse_document

    if not file.is_file():
        raise ChengnuoError("no such file", path=shown_as, hint="check the path")
    data = file.read_bytes()
    text = extract(data, shown_as, format_of(file))
    places = Places()
    if jurisdiction is not None and jurisdiction not in places.by_id:
        raise ChengnuoError(f"unknown jurisdiction '{jurisdiction}'", path=shown_as,
                            hint="one of " + ", ".join(sorted(places.by_id)))
    if kind is not None and kind not in KINDS:
        raise ChengnuoError(f"unknown kind '{kind}'", path=shown_as, hint="one of " + ", ".join(KINDS))
    detection = detect(text.lines, places)
    main = detection.main
    for document in detection.documents:
        document.jurisdiction_id = jurisdiction or document.jurisdiction_id
        document.year = year or document.year
    main.kind = kind or main.kind
    inspection = Inspection(shown_as, hashlib.sha256(data).hexdigest(), text, detection)
    warn = inspection.warnings.append
    today = today or date.today()
    if main.kind is None:
        warn(BuildWarning(shown_as, main.line_start, "cannot tell the document kind from its title "
                          "or shape: give --kind task_plan or --kind work_report"))
    if main.year is None:
        warn(BuildWarning(shown_as, main.line_start, "no year (YYYY年) in the title or first lines: "
                          "give --year"))
    elif main.year > latest_year(today):
        warn(BuildWarning(shown_as, main.line_start, f"year {main.year} is in the future (today is "
                          f"{today.isoformat()}): check the title, or give --year"))
    if main.jurisdiction_id is None:
        unknown = detection.unknown_places
        what = (f"'{unknown[0]}' is not a known jurisdiction" if unknown
                else "no known jurisdiction is named in the title or letterhead")
        warn(BuildWarning(shown_as, main.line_start, f"{what}: add it to metadata/jurisdictions.yaml "
                          "or give --jurisdiction"))
    if main.kind in PARSERS and main.jurisdiction_id is not None:
        document = Document(
            document_id=document_id(main),
            source_id="inspected", kind=main.kind, jurisdiction_id=main.jurisdiction_id,
            year=main.year or 0, title_zh=main.title_zh, title_en="", doc_number=main.doc_number,
            issued_date=main.issued_date, is_partial=False, line_start=main.line_start,
            line_end=main.line_end)
        records = parse_document(Project(file.parent), document, text.lines, shown_as, Reference.load())
        inspection.records = records
        inspection.warnings += [BuildWarning(**w) for w in records["warnings"]]
        if not records["commitments"]:
            raise ChengnuoError(f"no numbered item found in lines {main.line_start}-{main.line_end}",
                                path=shown_as, line=main.line_start,
                                hint=f"is this really a {main.kind}? give --kind, or check the file")
    inspection.warnings.sort()
    return inspection


def render(inspection: Inspection, verbose: bool = False) -> str:
    """The inspection as text for a person: what was found, then every commitment and warning."""
    found = inspection.as_json()
    out = [f"{found['path']}: {found['format']}, {found['encoding']}, {found['line_count']} lines "
           f"(line n = {found['line_meaning']})"]
    for document in found["documents"]:
        out.append(f"  lines {document['line_start']}-{document['line_end']}: "
                   f"{document['kind'] or '?'}  {document['title']}")
    out.append(f"kind {found['kind'] or '?'} · year {found['year'] or '?'} · jurisdiction "
               f"{found['jurisdiction'] or '?'} · publisher {found['publisher'] or '?'}"
               + (f" · {found['doc_number']}" if found["doc_number"] else "")
               + (f" · issued {found['issued_date']}" if found["issued_date"] else ""))
    counts = found["counts"]
    out.append(f"{counts['sections']} sections, {counts['commitments']} commitments, "
               f"{counts['assignments']} assignments, {counts['warnings']} warnings")
    for commitment in found["commitments"]:
        text = commitment["text_zh"]
        out.append(f"  {commitment['label']} [{commitment['kind']}] "
                   + (text if verbose or len(text) <= 60 else text[:60] + "…"))
        if commitment["assignments"]:
            out.append("      " + "; ".join(f"{a['role']} {a['name']}" for a in commitment["assignments"]))
    for warning in inspection.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out)
