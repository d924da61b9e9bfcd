"""Write the tables as a Frictionless data package: data/<table>.csv + datapackage.json.

The package folder is committed and reviewed in diffs, so the output is
byte-stable: rows in a declared order, one CSV style (UTF-8 without BOM, LF,
quotes only where needed), and a descriptor without timestamps.

A package is replaced whole (chengnuo.stage.replaced_folder): everything is
written into a staging folder beside the target, optionally checked there, and
only then swapped in, so a run that fails or is killed leaves the previous
package in place.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from chengnuo.schema import FieldSpec, TableSpec, cell_text, metadata, typed_row
from chengnuo.datapackage.descriptor import build_descriptor, resource_path
from chengnuo.errors import ChengnuoError
from chengnuo.stage import replaced_folder

Row = Mapping[str, Any]
PackageCheck = Callable[[Path], list[str]]
# How many problems a failed check quotes; the rest are counted.
_PROBLEMS_SHOWN = 5

# Python's csv module leaves a lone "\r" unquoted when the line terminator is
# "\n", which splits the row for most readers; so quoting is done here.
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_DIGIT_RUNS = re.compile(r"([0-9]+)")


def write_package(tables: Mapping[str, Sequence[Row]], out_dir: Path,
                  check: PackageCheck | None = None) -> Path:
    """Write every table of the package into `out_dir`, replacing what was there.

    `tables` maps each table name of tables.yaml to its rows; each row is a
    mapping of some of that table's columns (chengnuo.schema.typed_row: a
    missing column is empty, each value is typed by its field). Raises
    ChengnuoError, before anything is written, when a table is missing or
    unexpected, a column unexpected, or a value does not fit its field. `check` (e.g. validate_package) runs on the new
    package before it replaces the old one; if it returns problems, the old
    package stays and ChengnuoError quotes them. Returns the datapackage.json path.
    """
    meta = metadata()
    _check_table_names(tables, meta.tables)
    files = {resource_path(name): render_csv(spec, tables[name])
             for name, spec in meta.tables.items()}
    descriptor = build_descriptor(tables["sources"], meta)
    files["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    out_dir = Path(out_dir)
    with replaced_folder(out_dir) as staging:
        for relative, text in sorted(files.items()):
            _write_durably(staging / relative, text)
        problems = check(staging) if check else []
        if problems:
            shown = "; ".join(problems[:_PROBLEMS_SHOWN])
            more = len(problems) - _PROBLEMS_SHOWN
            raise ChengnuoError(
                f"the new data package is not valid, so the previous one is kept: {shown}"
                + (f" (and {more} more)" if more > 0 else ""), path=out_dir)
    return out_dir / "datapackage.json"


def _write_durably(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())  # on disk before the rename makes it live


def render_csv(table: TableSpec, rows: Sequence[Row]) -> str:
    """The CSV text of one table: header, then rows sorted by the table's row order."""
    lines = [_csv_line(table.columns)]
    cells = [_row_cells(table, number, row) for number, row in enumerate(rows, start=1)]
    cells.sort(key=_row_sort_key(table))
    lines.extend(_csv_line(row) for row in cells)
    return "".join(lines)


def _check_table_names(tables: Mapping[str, Any], specs: Mapping[str, TableSpec]) -> None:
    unexpected = sorted(set(tables) - set(specs))
    missing = [name for name in specs if name not in tables]
    if unexpected or missing:
        problems = []
        if missing:
            problems.append(f"missing table(s) {', '.join(missing)}")
        if unexpected:
            problems.append(f"unexpected table(s) {', '.join(unexpected)}")
        raise ChengnuoError("cannot write the data package: " + "; ".join(problems),
                            hint="the tables are listed in src/chengnuo/metadata/tables.yaml")


def _row_cells(table: TableSpec, number: int, row: Row) -> tuple[str, ...]:
    """The row's cells as CSV text, in column order, once the schema has typed it."""
    typed = typed_row(table, row, number)
    return tuple(cell_text(typed[name]) for name in table.columns)


def _csv_line(cells: Sequence[str]) -> str:
    quoted = ('"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell
              for cell in cells)
    return ",".join(quoted) + "\n"


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key putting `item-2` before `item-10`; the text itself breaks ties (`01` vs `1`)."""
    parts = _DIGIT_RUNS.split(text)
    # split() alternates text and digit runs starting with text, so the tuples
    # of two keys always compare str with str and int with int.
    return (tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), text)


def _cell_sort_key(field: FieldSpec) -> Callable[[str], tuple[Any, ...]]:
    values = list(field.values)

    def key(text: str) -> tuple[Any, ...]:
        if text == "":
            return (0,)  # empty cells first: a top-level row before its children
        if values:
            return (1, values.index(text) if text in values else len(values), natural_key(text))
        if field.type in ("integer", "number"):
            return (1, Decimal(text))  # written from a typed value, so it reads back
        return (1, natural_key(text))

    return key


def _row_sort_key(table: TableSpec) -> Callable[[tuple[str, ...]], tuple[Any, ...]]:
    # The primary key ends the order, so rows that tie on row_order still come
    # out the same way whatever order the records stage produced them in.
    order = list(table.row_order) + [c for c in table.primary_key if c not in table.row_order]
    positions = [table.columns.index(c) for c in order]
    keys = [_cell_sort_key(table.field(c)) for c in order]

    def key(cells: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(k(cells[i]) for k, i in zip(keys, positions))

    return key
