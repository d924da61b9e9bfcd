"""The one reader of the published package (chengnuo.datapackage.read): typed rows, no float."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from chengnuo.datapackage.read import read_package, read_rows
from chengnuo.errors import ChengnuoError
from chengnuo.schema import cell_text

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "datapackage"
DESCRIPTOR = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
PYTHON_TYPES = {"string": str, "integer": int, "number": Decimal, "boolean": bool, "date": dt.date}


def values(data: object):
    """Every value inside `data`, however deeply it is nested in dicts, lists and tuples."""
    if isinstance(data, dict):
        for value in data.values():
            yield from values(value)
    elif isinstance(data, (list, tuple, set)):
        for value in data:
            yield from values(value)
    else:
        yield data


@pytest.fixture(scope="module")
def package():
    return read_package(PACKAGE)


def test_every_cell_has_the_python_type_of_its_field_and_none_is_a_float(package):
    assert list(package.tables) == [r["name"] for r in DESCRIPTOR["resources"]]
    for resource in DESCRIPTOR["resources"]:
        table = package.tables[resource["name"]]
        for field in resource["schema"]["fields"]:
            wanted = PYTHON_TYPES[field["type"]]
            cells = [row[field["name"]] for row in table.rows]
            assert all(v is None or (type(v) is wanted) for v in cells), (table.name, field["name"])
    assert not [v for v in values(read_rows(PACKAGE)) if isinstance(v, float)]


def test_a_number_keeps_the_digits_of_its_cell(package):
    checked = 0
    for resource in DESCRIPTOR["resources"]:
        with (PACKAGE / resource["path"]).open(encoding="utf-8", newline="") as handle:
            text_rows = list(csv.DictReader(handle))
        table = package.tables[resource["name"]]
        assert len(text_rows) == len(table.rows)
        for text, row in zip(text_rows, table.rows):
            assert {c: cell_text(v) for c, v in row.items()} == text
            checked += sum(isinstance(v, Decimal) for v in row.values())
    assert checked > 1000


def test_the_site_reads_no_float():
    from chengnuo.site.data import SiteData
    data = SiteData.load(PACKAGE)
    assert not [v for v in values(data.tables) if isinstance(v, float)]
    figures = [t["value"] for rows in data.targets.values() for t in rows]
    assert figures and all(isinstance(v, Decimal) for v in figures)


def test_a_cell_that_does_not_fit_its_field_names_file_line_and_column(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "datapackage")
    targets = tmp_path / "datapackage" / "data" / "targets.csv"
    with targets.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("value")] = "500.0.0"
    with targets.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(ChengnuoError) as error:
        read_package(tmp_path / "datapackage")
    assert str(error.value) == (f"{targets}:2: column 'value' must be a number, got '500.0.0'")
