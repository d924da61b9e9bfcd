"""Validate a written data package: frictionless first, then the rules it cannot express."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from chengnuo.schema import metadata
from chengnuo.datapackage.descriptor import resource_path

if TYPE_CHECKING:
    from frictionless import Error


def validate_package(path: Path | str) -> list[str]:
    """Every problem in the package at `path` (folder or datapackage.json), one line each.

    An empty list means the package is valid: the descriptor, types,
    constraints, primary keys and foreign keys (frictionless), and the
    exactly-one-of rules declared in tables.yaml (checked here).
    """
    path = Path(path)
    descriptor = path / "datapackage.json" if path.is_dir() else path
    if not descriptor.is_file():
        return [f"{descriptor}: no datapackage.json here"]
    problems = _frictionless_problems(descriptor)
    problems.extend(_exactly_one_of_problems(descriptor.parent))
    return problems


def _frictionless_problems(descriptor: Path) -> list[str]:
    # Imported here: it takes most of a second, and the package's readers (the
    # site, the downloads, `chengnuo diff`) import chengnuo.datapackage without it.
    from frictionless import FrictionlessException, Package

    try:
        package = Package(str(descriptor))
        # Foreign keys need every table loaded in one process, so no parallel run.
        report = package.validate(parallel=False)
    except FrictionlessException as error:
        return [f"{descriptor.name}: {error.error.title}: {error.error.message}"]
    problems = [f"{descriptor.name}: {error.title}: {error.message}" for error in report.errors]
    for task in report.tasks:
        problems.extend(_describe(task.name, error) for error in task.errors)
    return problems


def _describe(table: str, error: Error) -> str:
    """`<table> row N field "x" value "v": <Error title>: <what is wrong>`, on one line."""
    where = [table]
    row_number = getattr(error, "row_number", None)
    if row_number:
        where.append(f"row {row_number}")
    field_name = getattr(error, "field_name", None)
    if field_name:
        where.append(f'field "{field_name}"')
    cell = getattr(error, "cell", None)
    if cell is not None and field_name:
        where.append(f'value "{cell}"')
    note = error.note or error.message
    # Data Package v1 names a table's reference to itself "", which reads as a
    # missing name; say which table it is.
    note = note.replace('lookup table ""', f'lookup table "{table}"')
    text = f"{' '.join(where)}: {error.title}: {note}"
    return " ".join(text.split())  # notes can quote cells that span lines


def _exactly_one_of_problems(folder: Path) -> list[str]:
    """Rows that set none or several of a table's `exactly_one_of` columns."""
    problems = []
    for table in metadata().tables.values():
        if not table.exactly_one_of:
            continue
        csv_path = folder / resource_path(table.name)
        if not csv_path.is_file():
            continue  # frictionless has already reported the missing file
        with open(csv_path, encoding="utf-8", newline="") as handle:
            # Row numbers count the header as row 1, as frictionless does.
            for row_number, row in enumerate(csv.DictReader(handle), start=2):
                filled = [c for c in table.exactly_one_of if row.get(c)]
                if len(filled) != 1:
                    columns = " and ".join(table.exactly_one_of)
                    found = ", ".join(filled) if filled else "neither"
                    problems.append(f"{table.name} row {row_number}: exactly one of {columns} "
                                    f"must be set, found {found}")
    return problems
