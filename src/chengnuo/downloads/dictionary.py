"""The data dictionary, the project's only one, read from a package's datapackage.json.

The descriptor is generated from metadata/fields.yaml and tables.yaml, so the
dictionary says what they say; reading it from the package rather than the
metadata makes it document exactly the package the downloads carry (whatever
tables it lists). Every table: title in both languages, description, file, keys;
every field: type, constraints (with allowed values), unit, and both
descriptions, so a reader can check a translation against the original.
"""

from __future__ import annotations

from chengnuo.downloads.escape import code, md
from chengnuo.datapackage.read import Field, Package, Table

WORDS = {
    "zh": {"heading": "数据字典", "intro": "数据包中每张表的每一列，取自 datapackage.json。空单元格表示没有值。",
           "file": "文件", "primary_key": "主键", "foreign_keys": "外键",
           "columns": ["字段", "类型", "约束", "单位", "中文说明", "英文说明"],
           "required": "必填", "unique": "唯一", "pattern": "正则", "minimum": "最小值",
           "maximum": "最大值", "enum": "取值", "format": "格式",
           "separator": "；", "colon": "：", "comma": "、"},
    "en": {"heading": "Data dictionary",
           "intro": "Every column of every table in the data package, from datapackage.json. "
                    "An empty cell means no value.",
           "file": "File", "primary_key": "Primary key",
           "foreign_keys": "Foreign keys",
           "columns": ["Field", "Type", "Constraints", "Unit", "Description (zh)",
                       "Description (en)"],
           "required": "required", "unique": "unique", "pattern": "pattern",
           "minimum": "minimum", "maximum": "maximum", "enum": "one of", "format": "format",
           "separator": "; ", "colon": ": ", "comma": ", "},
}


def _constraints(field: Field, language: str) -> str:
    words = WORDS[language]
    constraints = field.constraints
    parts = [words[name] for name in ("required", "unique") if constraints.get(name)]
    for name in ("minimum", "maximum"):
        if name in constraints:
            parts.append(f"{words[name]} {code(constraints[name])}")
    if "pattern" in constraints:
        parts.append(f"{words['pattern']} {code(constraints['pattern'])}")
    if field.format:
        parts.append(f"{words['format']} {code(field.format)}")
    if constraints.get("enum"):
        parts.append(words["enum"] + words["colon"]
                     + words["comma"].join(code(v) for v in constraints["enum"]))
    return words["separator"].join(parts)


def _table(table: Table, language: str) -> list[str]:
    words = WORDS[language]
    title, other = ((table.title_zh, table.title_en) if language == "zh"
                    else (table.title_en, table.title_zh))
    description = table.description_zh if language == "zh" else table.description_en
    colon, comma = words["colon"], words["comma"]
    lines = [f"## {md(title)} · {md(other)} ({code(table.name)})", ""]
    if description:
        lines += [md(description), ""]
    lines.append(f"- {words['file']}{colon}{code(table.path)}")
    lines.append(f"- {words['primary_key']}{colon}" + comma.join(map(code, table.primary_key)))
    if table.foreign_keys:
        lines.append(f"- {words['foreign_keys']}{colon}" + comma.join(
            f"{code(k.column)} → {code(f'{k.table}.{k.table_column}')}"
            for k in table.foreign_keys))
    lines += ["", "| " + " | ".join(words["columns"]) + " |", "|---|---|---|---|---|---|"]
    for field in table.fields:
        cells = [code(field.name), md(field.type), _constraints(field, language),
                 md(field.unit or ""), md(field.description_zh),
                 md(field.description_en)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def render_dictionary(package: Package, language: str) -> str:
    """The dictionary as Markdown, headed `# 数据字典` / `# Data dictionary`."""
    words = WORDS[language]
    lines = [f"# {words['heading']}", "", words["intro"], ""]
    for table in package.tables.values():
        lines += _table(table, language)
    return "\n".join(lines).rstrip("\n") + "\n"
