"""Packages for the downloads tests: the committed one, and small hand-made ones.

The hand-made package has the tables the committed one does not have yet
(topics, mentions) and the values the formats must survive: text that looks
like a formula, a negative number, a boolean, a date and an empty cell.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from chengnuo.project import Project
from tests.conftest import REPO, copy_project


def built_copy(root: Path) -> Project:
    """A copy of the project with the committed package and the changelog, downloads built."""
    from chengnuo.downloads import stage as downloads_stage

    project = copy_project(root, with_package=True)
    (root / "CHANGELOG.md").write_bytes((REPO / "CHANGELOG.md").read_bytes())
    downloads_stage.run(project)
    return project


def _field(name: str, type_: str = "string", **constraints) -> dict:
    field = {"name": name, "type": type_, "description": f"{name} in English",
             "description_zh": f"{name}的中文说明"}
    if constraints:
        field["constraints"] = constraints
    return field


SMALL_TABLES = {
    "jurisdictions": {
        "fields": [_field("jurisdiction_id", required=True), _field("name_zh"),
                   _field("name_en")],
        "primaryKey": ["jurisdiction_id"],
        "rows": [["liaocheng", "聊城市", "Liaocheng"], ["guanxian", "冠县", "Guan County"],
                 ["shenxian", "莘县", "Shen County"]],
    },
    "topics": {
        "fields": [_field("topic_id", required=True), _field("name_zh"), _field("name_en")],
        "primaryKey": ["topic_id"],
        "rows": [["transport", "交通", "Transport"], ["education", "<b>教育</b>", "Education & *schools*"],
                 ["empty-topic", "空", "Empty"]],
    },
    "commitments": {
        "fields": [_field("commitment_id", required=True), _field("topic_id"),
                   _field("seq", "integer"), _field("value", "number"),
                   _field("is_partial", "boolean"), _field("issued_date", "date"),
                   _field("text_zh"), _field("text_en")],
        "primaryKey": ["commitment_id"],
        "foreignKeys": [{"fields": ["topic_id"],
                         "reference": {"resource": "topics", "fields": ["topic_id"]}}],
        "rows": [
            ["c-1", "transport", "1", "-5", "true", "2023-01-11", "新建农村公路100公里。",
             "Build 100 km of rural roads."],
            ["c-2", "education", "2", "2.5", "false", "", "=HYPERLINK(\"http://x\",\"点击\")",
             "+1 school"],
            ["c-3", "transport", "3", "", "", "2024-02-05", "-改造县政府办公楼", "@SUM(A1)"],
            ["c-4", "", "10", "0.1", "true", "", "推进教育公平，建设公路。", ""],
        ],
    },
    "mentions": {
        "fields": [_field("commitment_id", required=True), _field("jurisdiction_id", required=True),
                   _field("how", required=True)],
        "primaryKey": ["commitment_id", "jurisdiction_id", "how"],
        "foreignKeys": [{"fields": ["commitment_id"],
                         "reference": {"resource": "commitments", "fields": ["commitment_id"]}},
                        {"fields": ["jurisdiction_id"],
                         "reference": {"resource": "jurisdictions", "fields": ["jurisdiction_id"]}}],
        "rows": [["c-1", "guanxian", "named"], ["c-1", "guanxian", "responsible"],
                 ["c-3", "guanxian", "all_counties"], ["c-3", "shenxian", "all_counties"]],
    },
}


def write_small_package(folder: Path, tables: dict | None = None) -> Path:
    """A valid little data package in `folder` (frictionless accepts it)."""
    tables = SMALL_TABLES if tables is None else tables
    resources = []
    for name, table in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([f["name"] for f in table["fields"]])
        writer.writerows(table["rows"])
        path = folder / "data" / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(buffer.getvalue(), encoding="utf-8")
        schema = {"fields": table["fields"], "missingValues": [""],
                  "primaryKey": table["primaryKey"]}
        if table.get("foreignKeys"):
            schema["foreignKeys"] = table["foreignKeys"]
        resources.append({"name": name, "path": f"data/{name}.csv", "profile": "tabular-data-resource",
                          "title": name.title(), "title_zh": f"{name}表",
                          "description": f"The {name}.", "description_zh": f"{name}表的说明。",
                          "format": "csv", "encoding": "utf-8", "schema": schema})
    descriptor = {"profile": "tabular-data-package", "name": "small-package",
                  "title": "A small package", "title_zh": "小数据包", "version": "9.9.9",
                  "licenses": [{"name": "CC-BY-4.0",
                                "path": "https://creativecommons.org/licenses/by/4.0/",
                                "title": "Creative Commons Attribution 4.0"}],
                  "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2),
                                             encoding="utf-8")
    return folder
