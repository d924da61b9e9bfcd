"""`chengnuo inspect PATH`: what one file holds, read and parsed, changing nothing.

The same reading serves `chengnuo add`, so what inspect prints is what add registers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chengnuo import gazetteer
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
    targets: list[dict] = field(default_factory=list)  # the targets stage's rows for them
    results: list[dict] = field(default_factory=list)
    warnings: list[BuildWarning] = field(default_factory=list)

    @property
    def main(self):
        return self.detection.main

    def as_json(self) -> dict:
        main = self.main
        records = self.records or {"sections": [], "commitments": [], "assignments": []}
        labels = {c["commitment_id"]: c["label"] for c in records["commitments"]}
        parties: dict[str, list[dict]] = {}
        targets: dict[str, list[dict]] = {}
        for target in self.targets:
            targets.setdefault(target["commitment_id"], []).append(target)
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
            "jurisdiction": jurisdiction_json(main.jurisdiction_id),
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
                             "assignments": parties.get(c["commitment_id"], []),
                             "targets": [figure_json(t) for t in targets.get(c["commitment_id"], [])]}
                            for c in records["commitments"]],
            **({"results": [figure_json(r, RESULT_KEYS) for r in self.results]}
               if main.kind == "work_report" else {}),
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
        }


def document_id(document: DetectedDocument) -> str:
    """The id a detected document is registered under: liaocheng-2024-work-report."""
    return f"{document.jurisdiction_id}-{document.year or 0}-{document.kind.replace('_', '-')}"


TARGET_KEYS = ("indicator_zh", "value", "value_max", "unit", "modifier", "metric")
RESULT_KEYS = ("indicator_zh", "value", "value_max", "unit", "period", "reported_year", "line")


def figure_json(row: dict, keys: tuple[str, ...] = TARGET_KEYS) -> dict:
    """The public read-out of a target or result row: the columns a reader checks."""
    return {key: row.get(key) for key in keys}


def jurisdiction_json(jurisdiction_id: str | None) -> dict | None:
    """{id, name_zh, name_en, adcode, level}; adcode None for a project's local addition."""
    if jurisdiction_id is None:
        return None
    place = gazetteer.load().get(jurisdiction_id)
    own = Places().by_id.get(jurisdiction_id)
    found = own or place
    return {"id": jurisdiction_id, "name_zh": found.name_zh, "name_en": found.name_en,
            "adcode": place.adcode if place and place.name_zh == found.name_zh else None,
            "level": found.level}


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
    if jurisdiction is not None:
        jurisdiction = resolve_jurisdiction(jurisdiction, places)
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
    for line, message in detection.notes:
        warn(BuildWarning(shown_as, line, message))
    if main.jurisdiction_id is None and detection.ambiguous:
        mention = detection.ambiguous[0]
        raise ChengnuoError(f"'{mention.name}' may be " + gazetteer.load().describe(mention.places),
                            path=shown_as, line=main.line_start,
                            hint="give --jurisdiction with the id or the adcode")
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
    if main.kind not in PARSERS or main.jurisdiction_id is None:
        raise ChengnuoError(_not_recognised(main, detection), path=shown_as, line=main.line_start,
                            hint="give --kind, --year or --jurisdiction for what is not recognised")
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
            raise ChengnuoError(_no_commitments(main, records), path=shown_as, line=main.line_start,
                                hint=f"is this really a {main.kind}? give --kind, or check the file")
        inspection.targets, inspection.results = figures_of(records, main.year or 0)
    inspection.warnings.sort()
    return inspection


def resolve_jurisdiction(given: str, places: Places) -> str:
    """The id of the place a user names by id, Chinese name or adcode: the project's own
    places (zones and towns included) first, then the national gazetteer."""
    key = given.strip()
    if key in places.by_id:
        return key
    own = [j for j in places.all if key in (j.name_zh, *j.short_names)]
    if len(own) == 1:
        return own[0].jurisdiction_id
    return gazetteer.load().resolve(key).jurisdiction_id


def _not_recognised(main, detection: Detection) -> str:
    """What was and was not recognised in a document that cannot be parsed."""
    found = [f"lines {main.line_start}-{main.line_end}", f"title {main.title_zh!r}"]
    missing = []
    for what, value in (("kind", main.kind), ("year", main.year),
                        ("jurisdiction", main.jurisdiction_id)):
        (found.append(f"{what} {value}") if value else missing.append(what))
    if main.kind is not None and main.kind not in ("task_plan", "work_report", "attachment"):
        missing.append(f"commitments (a {main.kind} holds none)")
    unknown = detection.unknown_places
    return ("no commitments read: recognised " + ", ".join(found) + "; not recognised: "
            + ", ".join(missing) + (f" ('{unknown[0]}' is not a known place)" if unknown else ""))


def _no_commitments(main, records: dict) -> str:
    sections = records["sections"]
    parts = [s for s in sections if s["level"] == 1]
    return (f"no commitments read in lines {main.line_start}-{main.line_end} of this {main.kind}: "
            f"recognised {len(parts)} parts, {len(sections)} sections, "
            f"{len(records.get('paragraphs', []))} paragraphs; not recognised: "
            + ("numbered tasks" if main.kind == "task_plan" else
               "a target list (主要预期目标…), a plan part or an attachment list"))


def figures_of(records: dict, year: int) -> tuple[list[dict], list[dict]]:
    """The targets of each commitment and the results of a report's review part, as the
    targets stage computes them."""
    from chengnuo.targets.results import result_rows, review_periods
    from chengnuo.targets.stage import target_rows

    targets = [row for c in records["commitments"] for row in target_rows(c, year)]
    periods = review_periods(records)
    results = [row for p in records.get("paragraphs", []) if p["part_kind"] == "review"
               for row in result_rows(p, year, periods[p["paragraph_id"]])]
    return targets, results


def figures_in(text: str) -> list[dict]:
    """The figures of any text, in the shape of `inspect --json`'s targets."""
    from chengnuo.quantities import find_quantities
    from chengnuo.targets.columns import quantity_columns

    return [figure_json(quantity_columns(q)) for q in find_quantities(text)]


def render(inspection: Inspection, verbose: bool = False) -> str:
    """The inspection as text for a person: what was found, then every commitment and warning."""
    found = inspection.as_json()
    out = [f"{found['path']}: {found['format']}, {found['encoding']}, {found['line_count']} lines "
           f"(line n = {found['line_meaning']})"]
    for document in found["documents"]:
        out.append(f"  lines {document['line_start']}-{document['line_end']}: "
                   f"{document['kind'] or '?'}  {document['title']}")
    out.append(f"kind {found['kind'] or '?'} · year {found['year'] or '?'} · jurisdiction "
               f"{found['jurisdiction']['id'] if found['jurisdiction'] else '?'} · publisher {found['publisher'] or '?'}"
               + (f" · {found['doc_number']}" if found["doc_number"] else "")
               + (f" · issued {found['issued_date']}" if found["issued_date"] else ""))
    counts = found["counts"]
    out.append(f"{counts['sections']} sections, {counts['commitments']} commitments, "
               f"{counts['assignments']} assignments, {counts['warnings']} warnings")
    out.append(f"{len(inspection.targets)} targets"
               + (f", {len(inspection.results)} results" if found["kind"] == "work_report" else ""))
    for commitment in found["commitments"]:
        text = commitment["text_zh"]
        out.append(f"  {commitment['label']} [{commitment['kind']}] "
                   + (text if verbose or len(text) <= 60 else text[:60] + "…"))
        if commitment["assignments"]:
            out.append("      " + "; ".join(f"{a['role']} {a['name']}" for a in commitment["assignments"]))
    for warning in inspection.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out)
