"""Text that looks like a formula, and the extracts per topic and per area, on a hand-made package."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.downloads.archive import build_timestamp
from chengnuo.downloads.extracts import FORMULA_STARTS, csv_line, defused
from chengnuo.datapackage.read import read_package
from chengnuo.downloads.stage import write_downloads
from chengnuo.downloads.xlsx import workbook_bytes
from tests.downloads_fixtures import SMALL_TABLES, write_small_package

COMMITMENT_HEADER = [f["name"] for f in SMALL_TABLES["commitments"]["fields"]]


@pytest.fixture
def small(tmp_path) -> Path:
    package = read_package(write_small_package(tmp_path / "package"))
    out = tmp_path / "downloads"
    out.mkdir()
    write_downloads(package, out, build_timestamp())
    return out


def read_extract(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode()), "extracts start with a BOM for Excel"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_formula_text_is_a_string_cell_in_the_workbook(tmp_path):
    package = read_package(write_small_package(tmp_path / "package"))
    data = workbook_bytes(package, build_timestamp())
    sheet = openpyxl.load_workbook(io.BytesIO(data))["commitments"]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    formula = cells["c-2"][COMMITMENT_HEADER.index("text_zh")]
    assert formula.data_type == "s"
    assert formula.value == '=HYPERLINK("http://x","点击")'
    assert cells["c-2"][COMMITMENT_HEADER.index("text_en")].value == "+1 school"
    assert cells["c-3"][COMMITMENT_HEADER.index("text_en")].value == "@SUM(A1)"
    assert cells["c-1"][COMMITMENT_HEADER.index("value")].value == -5  # a number stays one
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n)
                                  for n in sheets), "no cell of the workbook is a formula"


def test_the_workbook_has_a_sheet_per_table_of_any_package(tmp_path):
    package = read_package(write_small_package(tmp_path / "package"))
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(package, build_timestamp())))
    assert workbook.sheetnames == list(SMALL_TABLES)


def test_one_extract_per_topic_with_its_commitments(small):
    assert sorted(p.name for p in (small / "extracts" / "topics").iterdir()) == [
        "education.csv", "empty-topic.csv", "transport.csv"]
    transport = read_extract(small / "extracts" / "topics" / "transport.csv")
    assert transport[0] == COMMITMENT_HEADER
    assert [row[0] for row in transport[1:]] == ["c-1", "c-3"]
    # Text that starts like a formula gets an apostrophe; numbers keep their sign.
    assert transport[1][COMMITMENT_HEADER.index("value")] == "-5"
    assert transport[2][COMMITMENT_HEADER.index("text_zh")] == "'-改造县政府办公楼"
    assert transport[2][COMMITMENT_HEADER.index("text_en")] == "'@SUM(A1)"
    education = read_extract(small / "extracts" / "topics" / "education.csv")
    assert education[1][COMMITMENT_HEADER.index("text_zh")] == "'=HYPERLINK(\"http://x\",\"点击\")"
    assert education[1][COMMITMENT_HEADER.index("text_en")] == "'+1 school"
    assert read_extract(small / "extracts" / "topics" / "empty-topic.csv") == [COMMITMENT_HEADER]


def test_one_extract_per_mentioned_area_with_how_it_is_named(small):
    assert sorted(p.name for p in (small / "extracts" / "counties").iterdir()) == [
        "guanxian.csv", "shenxian.csv"]
    guanxian = read_extract(small / "extracts" / "counties" / "guanxian.csv")
    assert guanxian[0] == [*COMMITMENT_HEADER, "how"]
    assert [(row[0], row[-1]) for row in guanxian[1:]] == [
        ("c-1", "named|responsible"), ("c-3", "all_counties")]
    shenxian = read_extract(small / "extracts" / "counties" / "shenxian.csv")
    assert [(row[0], row[-1]) for row in shenxian[1:]] == [("c-3", "all_counties")]


def test_no_extracts_without_topics_and_mentions(tmp_path):
    tables = {name: SMALL_TABLES[name] for name in ("jurisdictions", "commitments")}
    tables["commitments"] = {**tables["commitments"], "foreignKeys": []}
    package = read_package(write_small_package(tmp_path / "package", tables))
    out = tmp_path / "downloads"
    out.mkdir()
    entries = write_downloads(package, out, build_timestamp())
    assert not (out / "extracts").exists()
    assert {e.group for e in entries} == {"package", "tables"}


def test_an_id_that_cannot_name_a_file_stops_the_build(tmp_path):
    tables = {**SMALL_TABLES, "topics": {**SMALL_TABLES["topics"],
                                         "rows": [["../evil", "坏", "Bad"]]}}
    tables["commitments"] = {**tables["commitments"], "foreignKeys": []}
    package = read_package(write_small_package(tmp_path / "package", tables))
    (tmp_path / "out").mkdir()
    from chengnuo.errors import ChengnuoError
    with pytest.raises(ChengnuoError, match="topic_id '../evil' is not a lowercase ASCII slug"):
        write_downloads(package, tmp_path / "out", build_timestamp())


@given(st.text())
def test_defused_text_never_starts_like_a_formula_and_keeps_the_text(text):
    result = defused(text)
    assert not result.startswith(FORMULA_STARTS)
    assert result in (text, "'" + text)


# Two cells at least: a row of one empty cell is a blank line, which readers skip.
@given(st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs"])), min_size=2))
def test_csv_lines_read_back_as_the_same_cells(cells):
    assert list(csv.reader(io.StringIO(csv_line(cells), newline=""))) == [cells]


def test_a_control_character_is_left_out_of_the_workbook_with_a_warning(tmp_path):
    tables = {"jurisdictions": {**SMALL_TABLES["jurisdictions"],
                                "rows": [["liaocheng", "聊城\x01市", "Liao\ncheng"],
                                         ["guanxian", "冠\x1f县", "Guan"]]}}
    package = read_package(write_small_package(tmp_path / "package", tables))
    warnings = []
    data = workbook_bytes(package, build_timestamp(), warnings)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["jurisdictions"]
    assert [c.value for c in sheet["B"]][1:] == ["聊城市", "冠县"]
    assert [str(w) for w in warnings] == [
        "package/data/jurisdictions.csv:2: column 'name_zh': control characters left out of "
        "the XLSX cell (XML cannot hold them)",
        # The row before spans two lines (a quoted line break), so this one starts on line 4.
        "package/data/jurisdictions.csv:4: column 'name_zh': control characters left out of "
        "the XLSX cell (XML cannot hold them)"]
