"""Build the Frictionless descriptor (datapackage.json) from the metadata files.

Bilingual text: the standard properties `title` and `description` hold English
(what generic Frictionless tools display); the Chinese text sits beside them in
the custom properties `title_zh` and `description_zh`. Frictionless keeps and
ignores unknown properties, so the package validates cleanly with the stock CLI.

The descriptor carries no timestamps and its keys are built in a fixed order,
so the same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import chengnuo
from chengnuo.schema import FieldSpec, Metadata, TableSpec, metadata

# Data Package v1 (frictionless 5's default): no "$schema", profiles by name.
PACKAGE_PROFILE = "tabular-data-package"
RESOURCE_PROFILE = "tabular-data-resource"

# Stated rather than left to defaults: the CSV dialect spec defaults to CRLF line
# ends, and we write LF.
CSV_DIALECT = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
}


def resource_path(table: str) -> str:
    return f"data/{table}.csv"


def field_descriptor(spec: FieldSpec) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"name": spec.name, "type": spec.type}
    if spec.format:
        descriptor["format"] = spec.format
    descriptor["description"] = spec.description_en
    descriptor["description_zh"] = spec.description_zh
    if spec.unit:
        descriptor["unit"] = spec.unit
    if spec.example is not None:
        descriptor["example"] = spec.example
    constraints = {name: spec.constraints[name] for name in
                   ("required", "unique", "pattern", "minimum", "maximum")
                   if name in spec.constraints}
    if spec.values:
        constraints["enum"] = list(spec.values)
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def resource_descriptor(table: TableSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [field_descriptor(f) for f in table.fields],
        # An empty cell is a missing value (None); nothing else is.
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [key.column],
                # Data Package v1 names the table itself with an empty string.
                "reference": {
                    "resource": "" if key.table == table.name else key.table,
                    "fields": [key.table_column],
                },
            }
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": resource_path(table.name),
        "profile": RESOURCE_PROFILE,
        "title": table.title_en,
        "title_zh": table.title_zh,
        "description": table.description_en,
        "description_zh": table.description_zh,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": dict(CSV_DIALECT),
        "schema": schema,
    }


def package_sources(source_rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """One entry per government that published an original file, from the sources table.

    Taken from the data rather than written in the metadata so that adding a
    county's reports cannot leave its government out of the credits.
    """
    publishers = {(row["publisher_zh"], row.get("publisher_en") or "")
                  for row in source_rows if row.get("publisher_zh")}
    return [{"title": f"{zh} ({en})" if en else zh} for zh, en in sorted(publishers)]


def build_descriptor(source_rows: Iterable[Mapping[str, Any]] = (),
                     meta: Metadata | None = None) -> dict[str, Any]:
    """The datapackage.json content for the given rows of the `sources` table."""
    meta = meta or metadata()
    package = meta.package
    descriptor: dict[str, Any] = {
        "profile": PACKAGE_PROFILE,
        "name": package["name"],
        "title": package["title_en"],
        "title_zh": package["title_zh"],
        "description": package["description_en"].strip(),
        "description_zh": package["description_zh"].strip(),
        "version": chengnuo.__version__,
        "keywords": list(package.get("keywords") or []),
        "licenses": [dict(licence) for licence in package.get("licenses") or []],
        "contributors": [dict(c) for c in package.get("contributors") or []],
    }
    sources = package_sources(source_rows)
    if sources:
        descriptor["sources"] = sources
    descriptor["resources"] = [resource_descriptor(t) for t in meta.tables.values()]
    return descriptor
