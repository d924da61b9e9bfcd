"""`chengnuo add PATH`: copy a new report into reports/, register it, rebuild, show the change.

The registry entry is appended as text, so the maintainer's comments and layout
in reports/registry.yaml stay as they are.  If the rebuild fails, the copy and
the entry are taken back and the previous data package is left as it was (each
stage swaps its output in whole), so a failed add changes nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.ingest.detect import DetectedDocument, Places
from chengnuo.ingest.diff import TableDiff, diff_packages, read_package
from chengnuo.ingest.inspect import Inspection, inspect_file
from chengnuo.project import Project
from chengnuo.registry import PENDING, load_registry
from chengnuo.stage import StageReport
from chengnuo.text.extract import FORMATS


@dataclass
class Added:
    source_id: str
    path: str  # reports/<file>
    inspection: Inspection
    reports: list[StageReport]
    diffs: list[TableDiff]


def document_id(document: DetectedDocument) -> str:
    return f"{document.jurisdiction_id}-{document.year}-{document.kind.replace('_', '-')}"


def add_file(project: Project, file: Path, shown_as: str, run_build: Callable[[], list[StageReport]],
             *, jurisdiction: str | None = None, year: int | None = None, kind: str | None = None,
             today: date | None = None) -> Added:
    today = today or date.today()
    inspection = inspect_file(file, shown_as, jurisdiction=jurisdiction, year=year, kind=kind,
                              today=today)
    main = inspection.main
    where = shown_as
    if main.kind is None:
        raise ChengnuoError("cannot tell the document kind from its title or shape", path=where,
                            line=main.line_start, hint="give --kind task_plan or --kind work_report")
    if main.year is None:
        raise ChengnuoError("no year (YYYY年) in the title or first lines", path=where,
                            line=main.line_start, hint="give --year")
    if main.year > today.year + 1:
        raise ChengnuoError(f"year {main.year} is in the future (today is {today.isoformat()})",
                            path=where, line=main.line_start, hint="check the title, or give --year")
    if main.jurisdiction_id is None:
        unknown = inspection.detection.unknown_places
        raise ChengnuoError((f"'{unknown[0]}' is not a known jurisdiction" if unknown else
                             "no known jurisdiction is named in the title or letterhead"),
                            path=where, line=main.line_start,
                            hint="add it to src/chengnuo/metadata/jurisdictions.yaml, or give --jurisdiction")
    if main.jurisdiction_id not in Places().by_id:
        place = inspection.as_json()["jurisdiction"]
        raise ChengnuoError(f"{place['name_zh']} ({main.jurisdiction_id}, adcode {place['adcode']}) is "
                            "not a jurisdiction of this project", path=where, line=main.line_start,
                            hint="add it to src/chengnuo/metadata/jurisdictions.yaml, or give --jurisdiction")
    registry = load_registry(project, today=today)
    for source in registry.sources:
        if source.sha256 == inspection.sha256:
            raise ChengnuoError(f"this file is already registered as source '{source.source_id}' "
                                f"(reports/{source.path})", path=where,
                                hint="nothing to do; to replace that file, remove its entry first")
    source_id = document_id(main)
    taken = {d.document_id: d for d in registry.documents}
    # The main document first: that is the one the maintainer is adding twice.
    for document in sorted(inspection.detection.documents, key=lambda d: d is not main):
        wanted = source_id + ("-notice" if document.kind == "notice" else "")
        if wanted in taken:
            other = taken[wanted]
            raise ChengnuoError(
                f"a {other.kind} of {other.jurisdiction_id} for {other.year} is already registered: "
                f"document '{wanted}' of source '{other.source_id}'", path=where,
                hint="to replace it, remove that source's entry and file from reports/ first")
    target = project.reports_dir / (source_id + FORMATS[inspection.text.format][0])
    if target.exists():
        raise ChengnuoError(f"{project.relative(target)} already exists", path=where,
                            hint="remove it, or register it by hand in reports/registry.yaml")

    registry_text = project.registry_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="chengnuo-add-") as scratch:
        before = Path(scratch) / "before"
        if project.datapackage_dir.exists():
            shutil.copytree(project.datapackage_dir, before)
        shutil.copyfile(file, target)
        try:
            project.registry_path.write_text(
                registry_text.rstrip("\n") + "\n\n" + registry_entry(inspection, source_id, target.name,
                                                                     today), encoding="utf-8")
            reports = run_build()
        except BaseException:
            project.registry_path.write_text(registry_text, encoding="utf-8")
            target.unlink(missing_ok=True)
            raise
        diffs = diff_packages(read_package(before), read_package(project.datapackage_dir))
    return Added(source_id, f"reports/{target.name}", inspection, reports, diffs)


def _scalar(value) -> str:
    """A YAML scalar that reads back as `value`: plain when that is safe, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def english_names(jurisdiction_id: str) -> tuple[str, str]:
    """(the government in English, the adjective for its report), composed from its English name."""
    place = Places().by_id[jurisdiction_id]
    if place.level == "city":
        name = place.name_en.removesuffix(" City")
        return f"{name} Municipal People's Government", f"{name} Municipal"
    return f"People's Government of {place.name_en}", place.name_en


def title_en(document: DetectedDocument, plan_title: str) -> str:
    _, adjective = english_names(document.jurisdiction_id)
    if document.kind == "task_plan":
        return (f"Division of Responsibilities for the Key Tasks of the {document.year} "
                f"{adjective} Government Work Report")
    if document.kind == "work_report":
        return f"{adjective} Government Work Report {document.year}"
    if document.kind == "notice":
        return f"Notice on Issuing the {plan_title}"
    return f"{document.kind.replace('_', ' ').capitalize()}, {adjective}, {document.year}"


def registry_entry(inspection: Inspection, source_id: str, file_name: str, today: date) -> str:
    detection = inspection.detection
    main = detection.main
    publisher_en = english_names(main.jurisdiction_id)[0] if detection.publisher_zh else None
    main_title_en = title_en(main, "")
    lines = [
        f"  - source_id: {source_id}",
        f"    path: {file_name}",
        f"    sha256: {inspection.sha256}",
        f"    format: {inspection.text.format}",
        f"    encoding: {inspection.text.encoding}",
        f"    publisher_zh: {_scalar(detection.publisher_zh)}",
        f"    publisher_en: {_scalar(publisher_en)}",
        f"    published_date: {_scalar(main.issued_date)}",
        "    url: null",
        f"    # Added by `chengnuo add` on {today.isoformat()} with the values it detected;",
        "    # title_en and publisher_en are composed, not translated: review them.",
        "    documents:",
    ]
    for document in detection.documents:
        suffix = "-notice" if document.kind == "notice" else ""
        lines += [
            f"      - document_id: {source_id}{suffix}",
            f"        kind: {document.kind}",
            f"        jurisdiction_id: {document.jurisdiction_id}",
            f"        year: {document.year}",
            f"        title_zh: {_scalar(document.title_zh)}",
            f"        title_en: {_scalar(title_en(document, main_title_en))}",
            f"        doc_number: {_scalar(document.doc_number)}",
            f"        issued_date: {_scalar(document.issued_date)}",
            "        is_partial: false",
            f"        line_start: {document.line_start}",
            f"        line_end: {document.line_end}",
            # Published before its English exists; the maintainer removes the marker
            # once `chengnuo i18n todo` has nothing left for it (maintainer guide).
            f"        english: {PENDING}",
        ]
    return "\n".join(lines) + "\n"
