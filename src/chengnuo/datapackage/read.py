"""Read the published data package (datapackage.json + CSV) into typed tables.

The one reader of the package: the site, the downloads, `chengnuo diff` and
`chengnuo i18n` all read it here, as published rather than from the metadata,
so whatever tables datapackage.json lists are what they get, in its resource
order. Each cell is typed by its field in the descriptor, the way the writer
typed it (chengnuo.schema.cast): a number is a Decimal with the CSV's own
digits, never a float; integers, booleans and dates are int, bool and date;
an empty cell is None.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from chengnuo.errors import ChengnuoError
# A table's head says the same in the metadata and in the descriptor written from it.
from chengnuo.schema import ForeignKey, TableHead, cast

Value = str | int | Decimal | bool | dt.date | None


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description_en: str
    description_zh: str
    constraints: dict[str, Any]
    unit: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class Table(TableHead):  # the head as datapackage.json has it; its fields are Field
    path: str  # the CSV inside the package, e.g. data/commitments.csv
    rows: tuple[dict[str, Value], ...]
    cells: tuple[tuple[str, ...], ...]  # the same rows as the CSV's text, for text formats
    lines: tuple[int, ...] = ()  # the CSV line each row starts on, for messages

    def text_rows(self) -> list[dict[str, str]]:
        """The rows as the CSV's text, column by column."""
        return [dict(zip(self.columns, cells)) for cells in self.cells]


@dataclass(frozen=True)
class Package:
    folder: Path
    descriptor: dict[str, Any]
    tables: dict[str, Table]  # in datapackage.json's resource order

    @property
    def name(self) -> str:
        return str(self.descriptor["name"])

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version") or "")

    def files(self) -> list[str]:
        """The package's own files, relative to its folder: the descriptor, then each CSV."""
        return ["datapackage.json", *(t.path for t in self.tables.values())]


def read_package(folder: Path) -> Package:
    """The package in `folder`; a missing or malformed file is a ChengnuoError naming it."""
    path = folder / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ChengnuoError("no data package here", path=path,
                            hint="run `chengnuo datapackage` first") from None
    except (OSError, ValueError) as error:
        raise ChengnuoError(f"cannot read the package descriptor: {error}", path=path) from None
    tables = {}
    for resource in descriptor.get("resources") or []:
        table = _read_table(folder, resource)
        tables[table.name] = table
    if not tables:
        raise ChengnuoError("the package lists no tables", path=path)
    return Package(folder=folder, descriptor=descriptor, tables=tables)


def read_rows(folder: Path) -> dict[str, list[dict[str, Value]]]:
    """Every table of the package in `folder` as its typed rows, in resource order."""
    return {name: list(table.rows) for name, table in read_package(folder).tables.items()}


def _read_table(folder: Path, resource: dict[str, Any]) -> Table:
    schema = resource.get("schema") or {}
    fields = tuple(Field(name=f["name"], type=f.get("type", "string"),
                         description_en=f.get("description", ""),
                         description_zh=f.get("description_zh", ""),
                         constraints=dict(f.get("constraints") or {}), unit=f.get("unit"),
                         format=f.get("format"))
                   for f in schema.get("fields") or [])
    primary_key = schema.get("primaryKey") or []
    foreign_keys = tuple(
        ForeignKey(key["fields"][0] if isinstance(key["fields"], list) else key["fields"],
                   key["reference"]["resource"] or resource["name"],
                   (key["reference"]["fields"][0] if isinstance(key["reference"]["fields"], list)
                    else key["reference"]["fields"]))
        for key in schema.get("foreignKeys") or [])
    path = str(resource["path"])
    cells = _read_cells(folder / path, fields)
    missing = schema.get("missingValues", [""])
    rows = tuple({f.name: _typed(cell, f, missing, folder / path, line)
                  for f, cell in zip(fields, row)} for line, row in cells)
    return Table(
        name=resource["name"], path=path, title_en=resource.get("title", resource["name"]),
        title_zh=resource.get("title_zh", ""), description_en=resource.get("description", ""),
        description_zh=resource.get("description_zh", ""), fields=fields,
        primary_key=tuple([primary_key] if isinstance(primary_key, str) else primary_key),
        foreign_keys=foreign_keys, rows=rows, cells=tuple(row for _, row in cells),
        lines=tuple(line for line, _ in cells))


def _read_cells(path: Path, fields: tuple[Field, ...]) -> list[tuple[int, tuple[str, ...]]]:
    """(first line, cells) of every row of the CSV at `path`, checked against the fields."""
    names = [f.name for f in fields]
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            if header != names:
                raise ChengnuoError(f"the header {header} does not match the descriptor's "
                                    f"fields {names}", path=path, line=1)
            rows = []
            end = reader.line_num
            for cells in reader:
                # A quoted cell can span lines: the row starts after the previous one ends.
                start, end = end + 1, reader.line_num
                if len(cells) != len(fields):
                    raise ChengnuoError(f"{len(cells)} cells, expected {len(fields)}",
                                        path=path, line=start)
                rows.append((start, tuple(cells)))
    except (OSError, UnicodeDecodeError) as error:
        raise ChengnuoError(f"cannot read the table: {error}", path=path) from None
    return rows


def _typed(cell: str, field: Field, missing: list[str], path: Path, line: int) -> Value:
    if cell in missing:
        return None
    try:
        return cast(field.type, cell)
    except ValueError as error:
        raise ChengnuoError(f"column {field.name!r} {error}", path=path, line=line) from None
