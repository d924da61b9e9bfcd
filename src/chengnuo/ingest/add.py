"""`chengnuo add PATH`: copy a new report into reports/, register it, rebuild, show the change.

The registry entry is appended as text, so the maintainer's comments and layout
in reports/registry.yaml stay as they are.  The copy, the new registry and the
rebuild are made in a staging copy of the project; only when every stage has
succeeded are they swapped in together (chengnuo.transaction), so a failed,
interrupted or killed add changes nothing, or its change is finished by the
next command.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import yaml

from chengnuo import atomic, transaction
from chengnuo.errors import ChengnuoError
from chengnuo.formats import FORMATS
from chengnuo.ingest.detect import DetectedDocument, Places
from chengnuo.ingest.diff import TableDiff, diff_packages, package_tables
from chengnuo.ingest.inspect import Inspection, document_id, inspect_file
from chengnuo.project import Project
from chengnuo.registry import PENDING, latest_year, load_registry
from chengnuo.stage import StageReport


@dataclass
class Added:
    source_id: str
    path: str  # reports/<file>
    inspection: Inspection
    reports: list[StageReport]
    diffs: list[TableDiff]


def add_file(project: Project, file: Path, shown_as: str, run_build: Callable[[Project], list[StageReport]],
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
    if main.year > latest_year(today):
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
    if target.is_symlink():
        raise ChengnuoError(f"{project.relative(target)} is a symbolic link", path=where,
                            hint="remove it: add writes only plain files inside reports/")
    if target.exists():
        raise ChengnuoError(f"{project.relative(target)} already exists", path=where,
                            hint="remove it, or register it by hand in reports/registry.yaml")

    registry_text = project.registry_path.read_text(encoding="utf-8")
    entry = registry_entry(inspection, source_id, target.name, today)
    folder = transaction.staging_folder(project.build_dir, f"`chengnuo add` of reports/{target.name}")
    try:
        # Everything happens in a staging copy of the project; the project itself
        # changes only in `commit`, all at once (see chengnuo.transaction).
        staged = Project(folder / "project")
        _stage_inputs(project, staged)
        atomic.copy_file(file, staged.reports_dir / target.name)
        atomic.write_text(staged.registry_path, registry_text.rstrip("\n") + "\n\n" + entry)
        reports = run_build(staged)
        diffs = diff_packages(package_tables(project.datapackage_dir),
                              package_tables(staged.datapackage_dir))
        if project.registry_path.read_text(encoding="utf-8") != registry_text:
            raise ChengnuoError("the registry was changed while the report was being added",
                                path=project.relative(project.registry_path),
                                hint="run chengnuo add again")
        atomic.kill_point("add-before-commit")
        transaction.commit(project.root, folder, _moves(staged, project, target.name))
    except ChengnuoError as error:
        transaction.abandon(folder)
        if error.path and not error.path.startswith(("reports/", shown_as)):
            # An output of the staged rebuild: it was never put in place, so say so.
            raise ChengnuoError(error.message, path=error.path, line=error.line, hint="; ".join(
                filter(None, (error.hint, "found while rebuilding with the new report, whose "
                              "copy, entry and rebuild were all dropped")))) from None
        raise
    except BaseException:
        transaction.abandon(folder)
        raise
    return Added(source_id, f"reports/{target.name}", inspection, reports, diffs)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)  # the inputs are only read: a link costs nothing
    except OSError:
        shutil.copy2(source, target)


def _stage_inputs(project: Project, staged: Project) -> None:
    """What the build stages read, beside the outputs they write: reports/, translations/, CHANGELOG.md."""
    shutil.copytree(project.reports_dir, staged.reports_dir, symlinks=True,
                    copy_function=_link_or_copy)
    if project.translations_dir.is_dir():
        shutil.copytree(project.translations_dir, staged.translations_dir, symlinks=True,
                        copy_function=_link_or_copy)
    changelog = project.root / "CHANGELOG.md"
    if changelog.is_file():
        _link_or_copy(str(changelog), str(staged.root / "CHANGELOG.md"))


def _moves(staged: Project, project: Project, file_name: str) -> list[tuple[Path, Path]]:
    """Each output of the staged build and where it goes; the registry last, as the mark of done."""
    moves = [(folder, project.build_dir / folder.name) for folder in sorted(staged.build_dir.iterdir())
             if folder.is_dir() and not folder.name.startswith(".")]
    moves.append((staged.datapackage_dir, project.datapackage_dir))
    moves.append((staged.reports_dir / file_name, project.reports_dir / file_name))
    moves.append((staged.registry_path, project.registry_path))
    return moves


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
