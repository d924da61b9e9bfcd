"""The downloads stage on the committed package: every format read back with its real reader."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from frictionless import Package

from chengnuo.downloads import stage as downloads_stage
from chengnuo.errors import ChengnuoError
from chengnuo.project import downloads_page
from tests.conftest import REPO
from tests.downloads_fixtures import built_copy

DESCRIPTOR = json.loads((REPO / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
NAME = DESCRIPTOR["name"]
TABLES = [r["name"] for r in DESCRIPTOR["resources"]]


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def csv_rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return built_copy(tmp_path_factory.mktemp("downloads")).stage_dir("downloads")


def test_every_table_of_the_package_is_in_every_format(downloads):
    names = set(files_of(downloads))
    for table in TABLES:
        assert {f"csv/{table}.csv", f"json/{table}.json"} <= names
    assert {f"{NAME}.zip", f"{NAME}.xlsx", f"{NAME}.db", "datasette-metadata.json",
            "SHA256SUMS"} <= names


def test_the_zip_holds_exactly_the_package_files(downloads):
    with zipfile.ZipFile(downloads / f"{NAME}.zip") as archive:
        assert archive.namelist() == ["datapackage.json", *(f"data/{t}.csv" for t in TABLES)]
        for info in archive.infolist():
            assert archive.read(info) == (REPO / "datapackage" / info.filename).read_bytes()
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644


def test_frictionless_validates_the_zip(downloads):
    report = Package(str(downloads / f"{NAME}.zip")).validate(parallel=False)
    assert report.valid, report.flatten(["type", "note"])[:5]


def test_per_table_csv_files_are_the_package_rows_made_safe_for_spreadsheets(downloads):
    """Offered on their own, they are opened in spreadsheets: a BOM, and text starting like a
    formula gets an apostrophe; every other cell is the package's (the zip keeps the exact files)."""
    for resource in DESCRIPTOR["resources"]:
        data = (downloads / "csv" / f"{resource['name']}.csv").read_bytes()
        assert data.startswith("\ufeff".encode())
        text = {f["name"] for f in resource["schema"]["fields"] if f["type"] == "string"}
        got = csv_rows_of(data.decode("utf-8-sig"))
        raw = csv_rows(REPO / "datapackage" / resource["path"])
        assert got[0] == raw[0]
        assert got[1:] == [["'" + cell if column in text and cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                            else cell for column, cell in zip(raw[0], row)] for row in raw[1:]]


def _as_csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def test_the_xlsx_has_one_sheet_per_table_equal_to_its_csv(downloads):
    workbook = openpyxl.load_workbook(downloads / f"{NAME}.xlsx")
    assert workbook.sheetnames == TABLES
    for table in TABLES:
        expected = csv_rows(REPO / "datapackage" / "data" / f"{table}.csv")
        sheet = workbook[table]
        actual = [[_as_csv_text(v) for v in row]
                  for row in sheet.iter_rows(max_col=len(expected[0]), values_only=True)]
        assert actual == expected, table


def test_xlsx_cells_are_typed_by_the_schema(downloads):
    workbook = openpyxl.load_workbook(downloads / f"{NAME}.xlsx")
    documents = workbook["documents"]
    header = [c.value for c in documents[1]]
    second = {name: cell for name, cell in zip(header, documents[2])}
    assert isinstance(second["year"].value, int)
    assert isinstance(second["is_partial"].value, bool)
    assert isinstance(second["line_start"].value, int)
    issued = [row[header.index("issued_date")] for row in documents.iter_rows(min_row=2)]
    dated = [c for c in issued if c.value is not None]
    assert dated and all(isinstance(c.value, dt.datetime) and c.number_format == "yyyy-mm-dd"
                         for c in dated)


def test_json_holds_the_typed_rows_of_each_table(downloads):
    for resource in DESCRIPTOR["resources"]:
        rows = json.loads((downloads / "json" / f"{resource['name']}.json").read_text("utf-8"))
        expected = csv_rows(REPO / "datapackage" / resource["path"])
        assert [list(r) for r in rows[:1]] in ([], [expected[0]])
        assert len(rows) == len(expected) - 1
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        for row, cells in zip(rows, expected[1:]):
            for (name, value), cell in zip(row.items(), cells):
                if cell == "":
                    assert value is None
                elif types[name] == "integer":
                    assert value == int(cell) and isinstance(value, int)
                elif types[name] == "number":
                    assert value == float(cell) and isinstance(value, float)
                elif types[name] == "boolean":
                    assert value is (cell == "true")
                else:
                    assert value == cell


def test_sha256sums_checks_every_other_file(downloads):
    listed = [line.split("  ", 1)[1] for line in
              (downloads / "SHA256SUMS").read_text().splitlines()]
    # The downloads page lists the files; it is the site's page, not a download.
    pages = {downloads_page(language) for language in ("zh", "en")}
    assert listed == sorted(set(files_of(downloads)) - {"SHA256SUMS"} - pages)
    result = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=downloads,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_give_byte_identical_files(downloads, tmp_path):
    # Zip stores times to 2 s: wait past that, so a leaked clock would show.
    time.sleep(2.1)
    again = built_copy(tmp_path).stage_dir("downloads")
    first, second = files_of(downloads), files_of(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_source_date_epoch_stamps_the_zip_and_the_workbook(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    downloads = built_copy(tmp_path).stage_dir("downloads")
    for name in (f"{NAME}.zip", f"{NAME}.xlsx"):
        with zipfile.ZipFile(downloads / name) as archive:
            assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    properties = openpyxl.load_workbook(downloads / f"{NAME}.xlsx").properties
    assert properties.created == properties.modified == dt.datetime(2023, 11, 14, 22, 13, 20)


def test_a_bad_source_date_epoch_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ChengnuoError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        built_copy(tmp_path)


def test_the_datasette_metadata_describes_every_table_and_column(downloads):
    metadata = json.loads((downloads / "datasette-metadata.json").read_text("utf-8"))
    tables = metadata["databases"][NAME]["tables"]
    for resource in DESCRIPTOR["resources"]:
        described = tables[resource["name"]]
        assert resource["description"] in described["description"]
        assert resource["description_zh"] in described["description"]
        for field in resource["schema"]["fields"]:
            assert described["columns"][field["name"]] == \
                f"{field['description']} / {field['description_zh']}"
    assert tables["commitments"]["fts_table"] == "commitments_fts"
    assert metadata["license"] == "CC-BY-4.0"


def test_without_a_package_the_stage_says_so_in_one_line(tmp_path):
    from tests.conftest import copy_project
    with pytest.raises(ChengnuoError) as error:
        downloads_stage.run(copy_project(tmp_path))
    assert str(error.value) == (f"{tmp_path}/datapackage/datapackage.json: no data package "
                                "here (run `chengnuo datapackage` first)")


def test_a_table_that_does_not_match_its_schema_names_file_and_line(tmp_path):
    shutil.copytree(REPO / "datapackage", tmp_path / "datapackage")
    people = tmp_path / "datapackage" / "data" / "people.csv"
    people.write_text(people.read_text("utf-8") + "too,many,cells,here,now\n", encoding="utf-8")
    from chengnuo.datapackage.read import read_package
    lines = len(people.read_text("utf-8").splitlines())
    with pytest.raises(ChengnuoError, match=rf"people.csv:{lines}: 5 cells, expected 4"):
        read_package(tmp_path / "datapackage")


def test_the_cli_runs_the_stage_alone(tmp_path):
    shutil.copytree(REPO / "datapackage", tmp_path / "datapackage")
    shutil.copytree(REPO / "reports", tmp_path / "reports")
    result = subprocess.run([str(Path(sys.executable).with_name("chengnuo")), "--project",
                             str(tmp_path), "downloads"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    sums = (tmp_path / "build" / "downloads" / "SHA256SUMS").read_text()
    files = len(sums.splitlines()) + 1  # and SHA256SUMS itself
    assert result.stdout.splitlines()[-1] == (
        f"summary: downloads: {len(TABLES)} tables, {files} files, 0 warnings")
    for page in ("build/downloads/pages/zh.md", "build/downloads/pages/en.md"):
        text = (tmp_path / page).read_text("utf-8")
        digest = hashlib.sha256((tmp_path / "build/downloads/SHA256SUMS").read_bytes()).hexdigest()
        assert sums.split()[0] in text and digest in text
