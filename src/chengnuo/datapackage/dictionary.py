"""The data dictionary as Markdown, from the same metadata as datapackage.json.

One page per language; each lists every table with its fields, and gives both
descriptions of each field so a reader can check a translation against the
original wording.
"""

from __future__ import annotations

from chengnuo.datapackage.metadata import FieldSpec, Metadata, TableSpec, metadata
from chengnuo.datapackage.schema import resource_path

_WORDS = {
    "zh": {
        "heading": "数据字典",
        "intro": "数据包中每张表的每一列。空单元格表示没有值。",
        "file": "文件",
        "primary_key": "主键",
        "foreign_keys": "外键",
        "row_order": "行的排序",
        "exactly_one_of": "每行有且只有一列有值",
        "columns": ["字段", "类型", "约束", "单位", "中文说明", "英文说明"],
        "required": "必填",
        "unique": "唯一",
        "pattern": "正则",
        "minimum": "最小值",
        "maximum": "最大值",
        "values": "取值",
        "format": "格式",
        "separator": "；",
        "colon": "：",
        "comma": "、",
        "open": "（",
        "close": "）",
    },
    "en": {
        "heading": "Data dictionary",
        "intro": "Every column of every table in the data package. An empty cell means no value.",
        "file": "File",
        "primary_key": "Primary key",
        "foreign_keys": "Foreign keys",
        "row_order": "Rows sorted by",
        "exactly_one_of": "Exactly one of these is set in each row",
        "columns": ["Field", "Type", "Constraints", "Unit", "Description (zh)", "Description (en)"],
        "required": "required",
        "unique": "unique",
        "pattern": "pattern",
        "minimum": "minimum",
        "maximum": "maximum",
        "values": "one of",
        "format": "format",
        "separator": "; ",
        "colon": ": ",
        "comma": ", ",
        "open": " (",
        "close": ")",
    },
}


def render_dictionary_zh(meta: Metadata | None = None) -> str:
    """The data dictionary page in Chinese (Markdown)."""
    return _render(meta or metadata(), "zh")


def render_dictionary_en(meta: Metadata | None = None) -> str:
    """The data dictionary page in English (Markdown)."""
    return _render(meta or metadata(), "en")


def _cell(text: str) -> str:
    # A pipe would end the Markdown table cell; a line break would end the row.
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{text}`"


def _constraints(field: FieldSpec, language: str) -> str:
    words = _WORDS[language]
    parts = [words[name] for name in ("required", "unique") if field.constraints.get(name)]
    for name in ("minimum", "maximum"):
        if name in field.constraints:
            parts.append(f"{words[name]} {field.constraints[name]}")
    if "pattern" in field.constraints:
        parts.append(f"{words['pattern']} {_code(field.constraints['pattern'])}")
    if field.format:
        parts.append(f"{words['format']} {field.format}")
    if field.values:
        labelled = [f"{_code(value)}{words['open']}{labels[language]}{words['close']}"
                    for value, labels in field.values.items()]
        parts.append(words["values"] + words["colon"] + words["comma"].join(labelled))
    return words["separator"].join(parts)


def _table_section(table: TableSpec, language: str) -> list[str]:
    words = _WORDS[language]
    title, other = ((table.title_zh, table.title_en) if language == "zh"
                    else (table.title_en, table.title_zh))
    description = table.description_zh if language == "zh" else table.description_en
    lines = [f"## {title} · {other} (`{table.name}`)", "", description, ""]
    colon, comma = words["colon"], words["comma"]
    lines.append(f"- {words['file']}{colon}{_code(resource_path(table.name))}")
    lines.append(f"- {words['primary_key']}{colon}" + comma.join(map(_code, table.primary_key)))
    if table.foreign_keys:
        references = [f"{_code(k.column)} → {_code(f'{k.table}.{k.table_column}')}"
                      for k in table.foreign_keys]
        lines.append(f"- {words['foreign_keys']}{colon}" + comma.join(references))
    if table.exactly_one_of:
        lines.append(f"- {words['exactly_one_of']}{colon}"
                     + comma.join(map(_code, table.exactly_one_of)))
    lines.append(f"- {words['row_order']}{colon}" + comma.join(map(_code, table.row_order)))
    lines.append("")
    header = words["columns"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for field in table.fields:
        cells = [_code(field.name), field.type, _constraints(field, language), field.unit or "",
                 field.description_zh, field.description_en]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    return lines


def _render(meta: Metadata, language: str) -> str:
    words = _WORDS[language]
    lines = [f"# {words['heading']}", "", words["intro"], ""]
    for table in meta.tables.values():
        lines.extend(_table_section(table, language))
    return "\n".join(lines).rstrip("\n") + "\n"
