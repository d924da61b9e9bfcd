"""The schema: fields.yaml and tables.yaml read into checked, resolved table specifications.

Ground floor: every stage reads its fields, tables and enums (`allowed_values`)
from here, and this module imports no stage. The data package's descriptor,
writer and validator, the downloads and the site all work from these objects, so a mistake in the YAML is caught here once, with the
file and the offending name in the message.

It also types values by their field (`cast`, `typed_row`, and back to text with
`cell_text`): the one place where a row gets every column of its table and each
value its Python type (Decimal for a number, never float), both when the
package is written and when it is read.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR

FIELDS_PATH = METADATA_DIR / "fields.yaml"
TABLES_PATH = METADATA_DIR / "tables.yaml"

FIELD_TYPES = ("string", "integer", "number", "boolean", "date")
CONSTRAINT_NAMES = ("required", "unique", "pattern", "minimum", "maximum")
VALUE_LABEL_KEYS = ({"zh", "en"}, {"zh", "en", "short_zh", "short_en"})
FIELD_KEYS = {"type", "constraints", "values", "format", "unit",
              "description_zh", "description_en", "example"}
TABLE_KEYS = {"title_zh", "title_en", "description_zh", "description_en", "columns",
              "constraints", "primary_key", "foreign_keys", "exactly_one_of", "row_order"}
TABLE_REQUIRED_KEYS = TABLE_KEYS - {"constraints", "exactly_one_of"}

# A YAML folded scalar (>-) turns a line break into a space, which is wrong
# between two Chinese characters; Chinese text is written on one line instead.
_SPACE_IN_CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] +"
                               r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class FieldSpec:
    """One column as it appears in one table (table constraints already merged)."""

    name: str
    definition: str  # the fields.yaml key it came from: `label` or `sections.level`
    type: str
    constraints: dict[str, Any]
    description_zh: str
    description_en: str
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # value -> {zh, en, short_zh?, short_en?}
    format: str | None = None
    unit: str | None = None
    example: Any = None

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    table_column: str


@dataclass(frozen=True)
class TableHead:
    """What describes a table: its name, titles, descriptions, columns and keys. The same in
    the metadata (TableSpec) and in the published descriptor (chengnuo.datapackage.read.Table),
    which is written from it."""

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    fields: tuple[Any, ...]  # FieldSpec here; chengnuo.datapackage.read.Field in the reader
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class TableSpec(TableHead):
    row_order: tuple[str, ...]
    exactly_one_of: tuple[str, ...] = ()

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Metadata:
    package: dict[str, Any]
    tables: dict[str, TableSpec]  # in tables.yaml order, which is the resource order
    field_definitions: dict[str, dict[str, Any]]


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ChengnuoError(f"cannot read metadata: {error}", path=path) from error
    if not isinstance(data, dict):
        raise ChengnuoError("metadata file must hold a mapping", path=path)
    return data


def _check_chinese(text: str, where: str, path: Path) -> None:
    match = _SPACE_IN_CHINESE.search(text)
    if match:
        raise ChengnuoError(f"{where}: space inside Chinese text at {match.group()!r} "
                            "(write Chinese text on one line, not folded with >-)", path=path)


def _check_definition(key: str, definition: Any, path: Path) -> None:
    def fail(problem: str) -> ChengnuoError:
        return ChengnuoError(f"field {key!r}: {problem}", path=path)

    if not isinstance(definition, dict):
        raise fail("definition must be a mapping")
    unknown = set(definition) - FIELD_KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    if definition.get("type") not in FIELD_TYPES:
        raise fail(f"type must be one of {', '.join(FIELD_TYPES)}")
    for language in ("zh", "en"):
        if not str(definition.get(f"description_{language}") or "").strip():
            raise fail(f"description_{language} is missing")
    _check_chinese(definition["description_zh"], f"field {key!r}", path)
    constraints = definition.get("constraints") or {}
    unknown = set(constraints) - set(CONSTRAINT_NAMES)
    if unknown:
        raise fail(f"unknown constraints {sorted(unknown)} (enums go under `values`)")
    for value, labels in (definition.get("values") or {}).items():
        # zh/en describe the value for the data dictionary; the optional
        # short_zh/short_en are the site's label for it, in a table cell.
        if not isinstance(labels, dict) or set(labels) not in VALUE_LABEL_KEYS:
            raise fail(f"value {value!r} needs exactly a zh and an en label "
                       "(and may have both short_zh and short_en)")
        for name in ("zh", "short_zh"):
            if name in labels:
                _check_chinese(labels[name], f"field {key!r} value {value!r}", path)


def _resolve_definition(definitions: dict[str, Any], table: str, column: str, path: Path) -> str:
    """The fields.yaml key for `column` in `table`: qualified first, then shared."""
    for key in (f"{table}.{column}", column):
        if key in definitions:
            return key
    raise ChengnuoError(f"table {table!r}: column {column!r} is not defined in fields.yaml",
                        path=path)


def _build_table(name: str, raw: Any, definitions: dict[str, Any], path: Path) -> TableSpec:
    def fail(problem: str) -> ChengnuoError:
        return ChengnuoError(f"table {name!r}: {problem}", path=path)

    if not isinstance(raw, dict):
        raise fail("must be a mapping")
    if set(raw) - TABLE_KEYS:
        raise fail(f"unknown keys {sorted(set(raw) - TABLE_KEYS)}")
    if TABLE_REQUIRED_KEYS - set(raw):
        raise fail(f"missing keys {sorted(TABLE_REQUIRED_KEYS - set(raw))}")
    for key in ("title_zh", "description_zh"):
        _check_chinese(raw[key], f"table {name!r} {key}", path)
    columns = list(raw["columns"])
    if len(set(columns)) != len(columns):
        raise fail("a column is listed twice")
    overrides = raw.get("constraints") or {}
    for column, extra in overrides.items():
        if column not in columns:
            raise fail(f"constraints given for {column!r}, which is not a column")
        if set(extra) - set(CONSTRAINT_NAMES):
            raise fail(f"unknown constraints for {column!r}: {sorted(set(extra) - set(CONSTRAINT_NAMES))}")

    fields = []
    for column in columns:
        key = _resolve_definition(definitions, name, column, path)
        definition = definitions[key]
        constraints = {**(definition.get("constraints") or {}), **overrides.get(column, {})}
        fields.append(FieldSpec(
            name=column, definition=key, type=definition["type"], constraints=constraints,
            description_zh=definition["description_zh"].strip(),
            description_en=definition["description_en"].strip(),
            values=dict(definition.get("values") or {}), format=definition.get("format"),
            unit=definition.get("unit"), example=definition.get("example"),
        ))

    foreign_keys = []
    for column, target in (raw["foreign_keys"] or {}).items():
        if column not in columns:
            raise fail(f"foreign key on {column!r}, which is not a column")
        target_table, _, target_column = str(target).partition(".")
        if not target_column:
            raise fail(f"foreign key {column!r} must point to table.column, not {target!r}")
        foreign_keys.append(ForeignKey(column, target_table, target_column))

    for key in ("primary_key", "row_order", "exactly_one_of"):
        missing = [c for c in raw.get(key) or () if c not in columns]
        if missing:
            raise fail(f"{key} names unknown columns {missing}")
    if not raw["primary_key"]:
        raise fail("primary_key is empty")

    return TableSpec(
        name=name, title_zh=raw["title_zh"], title_en=raw["title_en"],
        description_zh=raw["description_zh"].strip(), description_en=raw["description_en"].strip(),
        fields=tuple(fields), primary_key=tuple(raw["primary_key"]),
        foreign_keys=tuple(foreign_keys), row_order=tuple(raw["row_order"]),
        exactly_one_of=tuple(raw.get("exactly_one_of") or ()),
    )


def _check_references(tables: dict[str, TableSpec], path: Path) -> None:
    for table in tables.values():
        for key in table.foreign_keys:
            target = tables.get(key.table)
            if target is None or key.table_column not in target.columns:
                raise ChengnuoError(
                    f"table {table.name!r}: foreign key {key.column!r} points to "
                    f"{key.table}.{key.table_column}, which does not exist", path=path)
            # A reference must hit one row, or the check proves nothing.
            if (key.table_column,) != target.primary_key:
                raise ChengnuoError(
                    f"table {table.name!r}: foreign key {key.column!r} must point to the "
                    f"primary key of {key.table!r}", path=path)


def load_metadata(fields_path: Path = FIELDS_PATH, tables_path: Path = TABLES_PATH) -> Metadata:
    """Read and check both metadata files; every table column gets its definition."""
    definitions = _load_yaml(fields_path).get("fields") or {}
    for key, definition in definitions.items():
        _check_definition(key, definition, fields_path)
        shared = key.partition(".")[2]
        if shared and shared in definitions:
            raise ChengnuoError(f"field {shared!r} is defined both shared and as {key!r}",
                                path=fields_path)
    raw = _load_yaml(tables_path)
    for key in ("title_zh", "description_zh"):
        _check_chinese(str((raw.get("package") or {}).get(key, "")), f"package {key}", tables_path)
    tables = {name: _build_table(name, spec, definitions, tables_path)
              for name, spec in (raw.get("tables") or {}).items()}
    _check_references(tables, tables_path)
    used = {f.definition for t in tables.values() for f in t.fields}
    unused = sorted(set(definitions) - used)
    if unused:
        raise ChengnuoError(f"fields defined but used by no table: {', '.join(unused)}",
                            path=fields_path)
    return Metadata(package=dict(raw.get("package") or {}), tables=tables,
                    field_definitions=definitions)


@functools.cache
def metadata() -> Metadata:
    """The project's metadata, read once per process."""
    return load_metadata()


def table_specs() -> dict[str, TableSpec]:
    return metadata().tables


def allowed_values(table: str, column: str) -> tuple[str, ...]:
    """The enum of a column, in its listed order: the one list every stage checks against."""
    return tuple(metadata().tables[table].field(column).values)


# ---- values typed by their field ----------------------------------------------

# Frictionless' default spellings of true and false; the writer uses the first.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def cast(field_type: str, value: Any) -> Any:
    """`value` as a field of `field_type` holds it: str, int, Decimal, bool or date; None if empty.

    `value` is text (a CSV cell, a stage's exact decimal string) or already of
    the type. A number is a Decimal and never a float, whose binary value has
    lost the figure's own digits; a float is refused. Raises ValueError.
    """
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if field_type == "string" and isinstance(value, str):
        return value
    if field_type in ("integer", "number") and isinstance(value, int) \
            and not isinstance(value, bool):  # True is an int to Python, not to a reader
        return value if field_type == "integer" else Decimal(value)
    if field_type == "integer" and isinstance(value, str) and _INTEGER.fullmatch(value):
        return int(value)
    if field_type == "number" and isinstance(value, Decimal) and value.is_finite():
        return value
    if field_type == "number" and isinstance(value, str) and _NUMBER.fullmatch(value):
        return Decimal(value)
    if field_type == "boolean" and isinstance(value, bool):
        return value
    if field_type == "boolean" and isinstance(value, str) and value in TRUE_VALUES + FALSE_VALUES:
        return value in TRUE_VALUES
    if field_type == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if field_type == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    got = repr(value) if isinstance(value, str) else f"{type(value).__name__} {value!r}"
    raise ValueError(f"must be {'an' if field_type[0] in 'aeiou' else 'a'} {field_type}, got {got}")


def cell_text(value: Any) -> str:
    """A value typed by `cast` as the package's CSV holds it: `cast` reads it back."""
    if value is None:
        return ""
    # bool before int: True is an int to Python but `true` to a CSV reader.
    if isinstance(value, bool):
        return TRUE_VALUES[0] if value else FALSE_VALUES[0]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def typed_row(table: TableSpec, row: Mapping[str, Any], number: int) -> dict[str, Any]:
    """Row `number` of `table` with every column, in column order, each value cast by its field.

    A column the row lacks is null: a stage gives only the columns it knows, and
    the ones later stages fill (a topic, an English text) stay empty until then.
    A column the table does not have, or a value its type cannot hold, is a
    ChengnuoError naming the table, the row, the column and the value.
    """
    where = f"table {table.name!r} row {number}"
    if not isinstance(row, Mapping):
        raise ChengnuoError(f"{where}: a row must be a mapping of column to value, "
                            f"not {type(row).__name__}")
    key = ", ".join(f"{c}={row[c]}" for c in table.primary_key if c in row)
    where += f" ({key})" if key else ""
    unexpected = sorted(str(c) for c in row if c not in table.columns)
    if unexpected:
        raise ChengnuoError(f"{where}: unexpected column(s) {', '.join(unexpected)}",
                            hint=f"a {table.name} row has: {', '.join(table.columns)}")
    typed = {}
    for spec in table.fields:
        try:
            typed[spec.name] = cast(spec.type, row.get(spec.name))
        except ValueError as error:
            raise ChengnuoError(f"{where}: column {spec.name!r} {error}") from None
    return typed
