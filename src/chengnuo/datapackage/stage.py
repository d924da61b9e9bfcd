"""The datapackage stage: registry, reference data and parsed records → datapackage/.

read:  reports/registry.yaml, metadata/{jurisdictions,units,people}.yaml, build/records/,
       build/targets/, build/outcomes/, build/topics/, build/mentions/, build/links/,
       translations/
work:  gather the rows of every table; fill in the current English translations
       (chengnuo.i18n) and check their coverage against metadata/i18n.yaml
write: datapackage/, validated in its staging folder before it replaces the old one
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from chengnuo.schema import metadata
from chengnuo.datapackage.figures import figure_tables
from chengnuo.datapackage.validate import validate_package
from chengnuo.datapackage.write import write_package
from chengnuo.errors import ChengnuoError
from chengnuo.i18n.apply import apply_translations, check_coverage
from chengnuo.project import Project
from chengnuo.reference import Reference
from chengnuo.registry import Registry, load_registry
from chengnuo.stage import Progress, StageReport, no_progress, read_output, read_outputs


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    registry = load_registry(project)
    records = list(read_outputs(project, "records").values())
    topic_of = {row["commitment_id"]: row["topic_id"]
                for row in read_output(project, "topics", "commitment_topics")}
    tables = gather_tables(registry, Reference.load(), records,
                           topics=read_output(project, "topics", "topics"), topic_of=topic_of,
                           mentions=read_output(project, "mentions", "mentions"))
    tables.update(read_outputs(project, "links"))  # links, discrepancies
    tables.update(figure_tables(project))  # build/targets, build/outcomes
    translated = apply_translations(tables, project.translations_dir, project.root,
                                    {name: t.columns for name, t in metadata().tables.items()},
                                    pending=registry.english_pending)
    check_coverage(translated.coverage)
    progress(f"writing and validating {project.relative(project.datapackage_dir)}/")
    write_package(tables, project.datapackage_dir, check=validate_package)
    # Counted in the order tables.yaml declares the tables, as the package lists them.
    return StageReport("datapackage", counts={name: len(tables[name]) for name in metadata().tables
                                              if name in tables},
                       warnings=translated.warnings)


def gather_tables(registry: Registry, reference: Reference, records: list[dict[str, Any]], *,
                  topics: list[dict[str, Any]] = (), topic_of: dict[str, str] | None = None,
                  mentions: list[dict[str, Any]] = ()) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table; the writer checks their columns and sorts them.

    `topic_of` (commitment_id → topic_id, from the topics stage) fills the
    commitments' topic_id; without it the column stays empty.
    """
    return {
        "jurisdictions": [
            {"jurisdiction_id": j.jurisdiction_id, "name_zh": j.name_zh, "name_en": j.name_en,
             "level": j.level, "parent_id": j.parent_id}
            for j in reference.jurisdictions.values()
        ],
        "sources": [
            {"source_id": s.source_id, "path": str(PurePosixPath("reports", s.path)),
             "sha256": s.sha256, "format": s.format, "encoding": s.encoding,
             "publisher_zh": s.publisher_zh, "publisher_en": s.publisher_en,
             "published_date": s.published_date, "url": s.url}
            for s in registry.sources
        ],
        "documents": [
            {"document_id": d.document_id, "source_id": d.source_id,
             "jurisdiction_id": d.jurisdiction_id, "kind": d.kind, "year": d.year,
             "title_zh": d.title_zh, "title_en": d.title_en, "doc_number": d.doc_number,
             "issued_date": d.issued_date, "is_partial": d.is_partial,
             "line_start": d.line_start, "line_end": d.line_end}
            for d in registry.documents
        ],
        "sections": [row for record in records for row in record["sections"]],
        "commitments": _with_topics([row for record in records for row in record["commitments"]],
                                    topic_of),
        "assignments": [row for record in records for row in record["assignments"]],
        "paragraphs": [row for record in records for row in record.get("paragraphs", [])],
        "allocations": [row for record in records for row in record.get("allocations", [])],
        "units": _units(reference, records),
        "people": _people(reference, records),
        "topics": list(topics),
        "mentions": list(mentions),
    }


def _with_topics(commitments: list[dict[str, Any]],
                 topic_of: dict[str, str] | None) -> list[dict[str, Any]]:
    if topic_of is None:
        return commitments
    stale = [c["commitment_id"] for c in commitments if c["commitment_id"] not in topic_of]
    if stale:
        # The records changed after the topics stage ran: its mapping is out of date.
        raise ChengnuoError(f"commitment {stale[0]} has no topic ({len(stale)} in all)",
                            path="build/topics/commitment_topics.json",
                            hint="run `chengnuo topics` again")
    return [{**c, "topic_id": topic_of[c["commitment_id"]]} for c in commitments]


def _units(reference: Reference, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = {u.unit_id: {"unit_id": u.unit_id, "jurisdiction_id": u.jurisdiction_id,
                        "name_zh": u.name_zh, "name_en": u.name_en, "unit_type": u.unit_type,
                        # dict.fromkeys: drop repeated spellings, keep their order
                        "aliases": "|".join(dict.fromkeys(u.spellings)) or None}
            for u in reference.units.values()}
    # Names the reference list does not know yet still get a row, so that their
    # assignments keep a valid foreign key; type and English name stay empty.
    for record in records:
        for unit in record.get("unlisted_units", []):
            rows.setdefault(unit["unit_id"], {
                "unit_id": unit["unit_id"], "jurisdiction_id": unit["jurisdiction_id"],
                "name_zh": unit["name_zh"], "name_en": None, "unit_type": None, "aliases": None})
    return list(rows.values())


def _people(reference: Reference, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = {p.person_id: {"person_id": p.person_id, "name_zh": p.name_zh, "name_en": p.name_en,
                          "jurisdiction_id": p.jurisdiction_id}
            for p in reference.people.values()}
    for record in records:
        for person in record.get("unlisted_people", []):
            rows.setdefault(person["person_id"], {
                "person_id": person["person_id"], "name_zh": person["name_zh"], "name_en": None,
                "jurisdiction_id": person["jurisdiction_id"]})
    return list(rows.values())
