"""The downloads stage: the data package in every format a reader may want.

read:  datapackage/ (datapackage.json and the CSV of every table it lists), CHANGELOG.md
work:  zip, XLSX, SQLite (+ datasette metadata), CSV and JSON per table, CSV
       extracts per topic and per area, SHA256SUMS
write: build/downloads/ (replaced whole): the files, and the page that lists
       every file with its size and checksum, per language, for the site

Layout of build/downloads/ (`<name>` is the package name, chengnuo-liaocheng):

    <name>.zip  <name>.xlsx  <name>.db  datasette-metadata.json  SHA256SUMS
    csv/<table>.csv  json/<table>.json
    extracts/topics/<topic_id>.csv  extracts/counties/<jurisdiction_id>.csv
    pages/zh.md  pages/en.md    the downloads page (the site publishes it as
                                downloads.md; it is not itself a download)

Zip and XLSX carry a fixed timestamp (SOURCE_DATE_EPOCH, else 1980-01-01), so
the same package gives the same bytes on the same machine (zlib and SQLite
versions can still differ between machines).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from chengnuo.downloads.archive import build_timestamp, package_zip
from chengnuo.downloads.datasette import datasette_metadata
from chengnuo.downloads.extracts import (county_extracts, spreadsheet_csv, table_json,
                                         topic_extracts)
from chengnuo.datapackage.read import Package, read_package
from chengnuo.downloads.escape import md
from chengnuo.downloads.page import FileEntry, render_page
from chengnuo.downloads.sqlite import write_database
from chengnuo.downloads.xlsx import workbook_bytes
from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.project import Project, downloads_page
from chengnuo.stage import Progress, StageReport, no_progress, replaced_folder

CHECKSUMS = "SHA256SUMS"
LANGUAGES = ("zh", "en")


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    package = read_package(project.datapackage_dir)
    when = build_timestamp()
    warnings: list[BuildWarning] = []
    changelog = _read_changelog(project)
    with replaced_folder(project.stage_dir("downloads")) as folder:
        entries = write_downloads(package, folder, when, progress, warnings)
        # Written beside the files and swapped in with them: a page never lists
        # files of another run.
        for language in LANGUAGES:
            page = folder / downloads_page(language)
            progress(f"writing the downloads page ({language})")
            page.parent.mkdir(exist_ok=True)
            page.write_text(render_page(package, entries, language, changelog), encoding="utf-8")
    # Counts, not bytes: sizes differ between machines (zlib and SQLite versions).
    return StageReport("downloads", counts={"tables": len(package.tables), "files": len(entries)},
                       warnings=warnings)


def write_downloads(package: Package, folder: Path, when: dt.datetime,
                    progress: Progress = no_progress,
                    warnings: list[BuildWarning] | None = None) -> list[FileEntry]:
    """Write every download into `folder`; the entries describe them, checksums last."""
    described: list[tuple[str, str, str, str]] = []  # path, group, zh, en

    def put(path: str, data: bytes | str, group: str, zh: str, en: str) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        described.append((path, group, zh, en))

    name = package.name
    progress(f"zip, XLSX and SQLite of {len(package.tables)} tables")
    put(f"{name}.zip", package_zip(package.folder, package.files(), when), "package",
        "数据包（datapackage.json 和每张表的 CSV），可用 frictionless 校验",
        "The data package (datapackage.json and every table as CSV), ready for frictionless")
    put(f"{name}.xlsx", workbook_bytes(package, when, warnings), "package",
        "Excel 工作簿，每张表一个工作表", "Excel workbook, one sheet per table")
    write_database(package, folder / f"{name}.db")
    described.append((f"{name}.db", "package",
                      "SQLite 数据库，含外键和中文全文检索",
                      "SQLite database with foreign keys and full-text search that works for Chinese"))
    put("datasette-metadata.json",
        json.dumps(datasette_metadata(package, name), ensure_ascii=False, indent=2) + "\n",
        "package", "datasette 的元数据（表和字段说明）",
        "datasette metadata (table and column descriptions)")
    for table in package.tables.values():
        rows = len(table.rows)
        title_zh = md(table.title_zh or table.name)
        title_en = md(table.title_en or table.name)
        # For spreadsheets, like the extracts; the zip above holds the exact CSV files.
        put(f"csv/{table.name}.csv", spreadsheet_csv(table), "tables",
            f"{title_zh}（{rows} 行），CSV", f"{title_en} ({rows} rows), CSV")
        put(f"json/{table.name}.json", table_json(table), "tables",
            f"{title_zh}（{rows} 行），JSON", f"{title_en} ({rows} rows), JSON")
    for extract in topic_extracts(package) + county_extracts(package):
        put(extract.path, extract.text, extract.group,
            f"{md(extract.name_zh)}（{extract.rows} 项承诺）",
            f"{md(extract.name_en)} ({extract.rows} commitments)")
    entries = [FileEntry(path, group, zh, en, (folder / path).stat().st_size,
                         sha256_file(folder / path))
               for path, group, zh, en in described]
    # Sorted by path so that `sha256sum -c` and diffs read in a stable order.
    sums = "".join(f"{e.sha256}  {e.path}\n" for e in sorted(entries, key=lambda e: e.path))
    (folder / CHECKSUMS).write_text(sums, encoding="utf-8")
    entries.append(FileEntry(CHECKSUMS, "package", "以上所有文件的 SHA-256 校验和",
                             "SHA-256 checksums of all the files above",
                             (folder / CHECKSUMS).stat().st_size, sha256_file(folder / CHECKSUMS)))
    return entries


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_changelog(project: Project) -> str:
    path = project.root / "CHANGELOG.md"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        raise ChengnuoError(f"cannot read the changelog: {error}", path=path) from None
