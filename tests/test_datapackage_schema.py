"""The data package contract: metadata, descriptor, CSV bytes, validation, atomic writes.

`pytest --update-golden` rewrites tests/golden/datapackage.json after an intended
change; then review the diff.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from chengnuo.datapackage import (
    build_descriptor,
    validate_package,
    write_package,
)
from chengnuo.datapackage import write as write_module
from chengnuo.schema import FIELDS_PATH, TABLES_PATH, load_metadata
from chengnuo.datapackage.write import natural_key
from chengnuo.errors import ChengnuoError

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

FIELDS = yaml.safe_load(FIELDS_PATH.read_text(encoding="utf-8"))["fields"]
TABLES = yaml.safe_load(TABLES_PATH.read_text(encoding="utf-8"))["tables"]

# The milestone's contract with the site and with users: these tables, these columns.
EXPECTED_COLUMNS = {
    "jurisdictions": ["jurisdiction_id", "name_zh", "name_en", "level", "parent_id"],
    "sources": ["source_id", "path", "sha256", "format", "encoding", "publisher_zh",
                "publisher_en", "published_date", "url"],
    "documents": ["document_id", "source_id", "jurisdiction_id", "kind", "year", "title_zh",
                  "title_en", "doc_number", "issued_date", "is_partial", "line_start", "line_end"],
    "sections": ["section_id", "document_id", "parent_id", "level", "label", "title_zh",
                 "title_en", "translation_status", "line"],
    "commitments": ["commitment_id", "document_id", "label", "parent_id", "seq", "kind",
                    "section_id", "topic_id", "text_zh", "text_en", "translation_status", "source_text",
                    "line_start", "line_end"],
    "assignments": ["commitment_id", "role", "position", "person_id", "unit_id", "raw"],
    "units": ["unit_id", "jurisdiction_id", "name_zh", "name_en", "unit_type", "aliases"],
    "people": ["person_id", "name_zh", "name_en", "jurisdiction_id"],
    "paragraphs": ["paragraph_id", "document_id", "section_id", "part_kind", "seq", "text_zh",
                   "text_en", "translation_status", "source_text", "line_start", "line_end"],
    "targets": ["target_id", "commitment_id", "indicator_zh", "indicator_en", "value", "value_max",
                "unit", "base_unit", "scale", "modifier", "metric", "direction", "span",
                "span_start", "span_end", "due_year"],
    "results": ["result_id", "document_id", "paragraph_id", "indicator_zh", "value", "value_max",
                "unit", "base_unit", "scale", "modifier", "metric", "direction", "span",
                "span_start", "span_end", "reported_year", "period", "text_zh", "text_en",
                "translation_status", "line"],
    "allocations": ["document_id", "jurisdiction_id", "category", "value", "unit", "line"],
    "topics": ["topic_id", "name_zh", "name_en", "description_zh", "description_en"],
    "mentions": ["commitment_id", "jurisdiction_id", "how", "named_as"],
    "outcomes": ["target_id", "commitment_id", "status", "method", "confidence", "reported_value",
                 "reported_unit", "result_id", "evidence_document_id", "evidence_line",
                 "evidence_text", "evidence_en", "note"],
    "indicators": ["indicator_id", "name_zh", "name_en", "metric", "unit"],
    "indicator_series": ["indicator_id", "jurisdiction_id", "period_year", "unit", "target_value",
                         "target_value_max", "target_modifier", "target_id", "reported_value",
                         "reported_modifier", "result_id", "status"],
    "links": ["commitment_id", "paragraph_id", "similarity"],
    "discrepancies": ["discrepancy_id", "commitment_id", "paragraph_id", "differs_in", "plan_text",
                      "report_text", "plan_line", "report_line"],
}

DOC = "liaocheng-2023-task-plan"
SHA = "6fce2215634b29417239e2a9049bac7a9de4148058e4f1fb4cf2f145df628c21"


def sample_tables() -> dict[str, list[dict]]:
    """A tiny but complete package; rows are deliberately out of order."""
    return {
        "jurisdictions": [
            {"jurisdiction_id": "dongchangfu", "name_zh": "东昌府区", "name_en": "Dongchangfu District",
             "level": "district", "parent_id": "liaocheng"},
            {"jurisdiction_id": "liaocheng", "name_zh": "聊城市", "name_en": "Liaocheng",
             "level": "city", "parent_id": None},
        ],
        "sources": [
            {"source_id": DOC, "path": f"reports/{DOC}.txt", "sha256": SHA, "format": "txt",
             "encoding": "utf-8", "publisher_zh": "聊城市人民政府",
             "publisher_en": "Liaocheng Municipal People's Government",
             "published_date": dt.date(2023, 1, 11), "url": None},
        ],
        "documents": [
            {"document_id": DOC, "source_id": DOC, "jurisdiction_id": "liaocheng", "kind": "task_plan",
             "year": 2023, "title_zh": "2023年市政府工作报告重点工作任务责任分工方案",
             "title_en": "Division of responsibilities for the key tasks of the 2023 government work report",
             "doc_number": None, "issued_date": dt.date(2023, 1, 11), "is_partial": False,
             "line_start": 1, "line_end": 400},
        ],
        "sections": [
            {"section_id": f"{DOC}-s1-1", "document_id": DOC, "parent_id": f"{DOC}-s1", "level": 2,
             "label": "(一)", "title_zh": "扩大有效投资", "title_en": None, "translation_status": "missing",
             "line": 22},
            {"section_id": f"{DOC}-s1", "document_id": DOC, "parent_id": None, "level": 1,
             "label": "一", "title_zh": "全力稳住经济大盘", "title_en": "Stabilise the economy",
             "translation_status": "current", "line": 20},
        ],
        "commitments": [
            {"commitment_id": f"{DOC}-5-1", "document_id": DOC, "label": "5(1)",
             "parent_id": f"{DOC}-5", "seq": 6, "kind": "task", "section_id": f"{DOC}-s1-1",
             "topic_id": "investment", "text_zh": "推进重点项目建设。", "text_en": None,
             "translation_status": "missing",
             # Verbatim, with the leading ASCII space and full-width digit of the original.
             "source_text": " (１）推进重点项目建设。", "line_start": 31, "line_end": 31},
            {"commitment_id": f"{DOC}-5", "document_id": DOC, "label": "5", "parent_id": None,
             "seq": 5, "kind": "task", "section_id": f"{DOC}-s1-1", "topic_id": "investment",
             "text_zh": "扩大有效投资，实施“项目深化年”活动。",
             "text_en": 'Expand effective investment; run the "year of project deepening".',
             "translation_status": "current",
             "source_text": "5.扩大有效投资，实施“项目深化年”活动。\n（牵头领导：张三；牵头单位：市发展改革委）",
             "line_start": 29, "line_end": 30},
        ],
        "assignments": [
            {"commitment_id": f"{DOC}-5", "role": "lead_unit", "position": 1, "person_id": None,
             "unit_id": "liaocheng-fgw", "raw": "市发展改革委"},
            {"commitment_id": f"{DOC}-5-1", "role": "lead_unit", "position": 1, "person_id": None,
             "unit_id": "liaocheng-fgw", "raw": "市发展改革委"},
            {"commitment_id": f"{DOC}-5", "role": "lead_leader", "position": 1,
             "person_id": "zhang-san", "unit_id": None, "raw": "张三"},
        ],
        "units": [
            {"unit_id": "liaocheng-fgw", "jurisdiction_id": "liaocheng",
             "name_zh": "聊城市发展和改革委员会", "name_en": "Liaocheng Development and Reform Commission",
             "unit_type": "department", "aliases": "市发展改革委|市发改委"},
            {"unit_id": "liaocheng-government", "jurisdiction_id": "liaocheng",
             "name_zh": "聊城市人民政府", "name_en": "Liaocheng Municipal People's Government",
             "unit_type": "government", "aliases": None},
        ],
        "people": [
            {"person_id": "zhang-san", "name_zh": "张三", "name_en": "Zhang San",
             "jurisdiction_id": "liaocheng"},
        ],
        "topics": [
            {"topic_id": "investment", "name_zh": "投资、招商与重大项目",
             "name_en": "Investment, investment promotion and major projects",
             "description_zh": "固定资产投资、重点项目建设、招商引资。",
             "description_en": "Fixed-asset investment, key projects, attracting investors."},
        ],
        "mentions": [
            {"commitment_id": f"{DOC}-5-1", "jurisdiction_id": "dongchangfu", "how": "named",
             "named_as": "东昌府区"},
            {"commitment_id": f"{DOC}-5", "jurisdiction_id": "dongchangfu", "how": "all_counties",
             "named_as": "各县〔市、区〕人民政府"},
            {"commitment_id": f"{DOC}-5", "jurisdiction_id": "dongchangfu", "how": "named",
             "named_as": "东昌府|侯营"},
        ],
        "links": [
            {"commitment_id": f"{DOC}-5", "paragraph_id": f"{DOC}-p2", "similarity": Decimal("0.957")},
        ],
        "discrepancies": [
            {"discrepancy_id": f"{DOC}-5-d1", "commitment_id": f"{DOC}-5",
             "paragraph_id": f"{DOC}-p2", "differs_in": "word", "plan_text": "耿店经验",
             "report_text": "歇店经验", "plan_line": 29, "report_line": 33},
        ],
        "paragraphs": [
            {"paragraph_id": f"{DOC}-p2", "document_id": DOC, "section_id": f"{DOC}-s1-1",
             "part_kind": "plan", "seq": 2, "text_zh": "千方百计促消费。出台“双十条”。",
             "text_en": "Do everything possible to boost consumption. Issue the \"double ten\" measures.",
             "translation_status": "current", "source_text": "**千方百计促消费。**出台“双\n\n十条”。", "line_start": 33,
             "line_end": 35},
            {"paragraph_id": f"{DOC}-p10", "document_id": DOC, "section_id": None,
             "part_kind": "attachment", "seq": 10, "text_zh": "1.新增城镇就业4万人以上；",
             "text_en": None, "translation_status": "missing", "source_text": "1. 新增城镇就业 4 万人以上；", "line_start": 223, "line_end": 223},
        ],
        "allocations": [
            {"document_id": DOC, "jurisdiction_id": "liaocheng", "category": "rural",
             "value": 24000, "unit": "个", "line": 347},
            {"document_id": DOC, "jurisdiction_id": "dongchangfu", "category": "total",
             "value": 3310, "unit": "个", "line": 336},
            {"document_id": DOC, "jurisdiction_id": "liaocheng", "category": "total",
             "value": 27600, "unit": "个", "line": 347},
        ],
        "targets": [
            {"target_id": f"{DOC}-5-q2", "commitment_id": f"{DOC}-5", "indicator_zh": None,
             "indicator_en": None, "value": Decimal("10"), "value_max": Decimal("15"), "unit": "个",
             "base_unit": "个", "scale": 1, "modifier": "exact", "metric": "count",
             "direction": "none", "span": "10—15个", "span_start": 20, "span_end": 26,
             "due_year": 2023},
            {"target_id": f"{DOC}-5-q1", "commitment_id": f"{DOC}-5", "indicator_zh": "固定资产投资",
             "indicator_en": "fixed-asset investment", "value": Decimal("5.5"), "value_max": None,
             "unit": "%", "base_unit": "%", "scale": 1, "modifier": "at_least",
             "metric": "growth_rate", "direction": "up", "span": "5.5%以上", "span_start": 8,
             "span_end": 14, "due_year": 2023},
        ],
        "results": [
            {"result_id": f"{DOC}-p2-r1", "document_id": DOC, "paragraph_id": f"{DOC}-p2",
             "indicator_zh": "发放消费券", "value": Decimal("3400"), "value_max": None,
             "unit": "万元", "base_unit": "元", "scale": 10000, "modifier": "exact",
             "metric": "level", "direction": "none", "span": "3400 万元", "span_start": 5,
             "span_end": 12, "reported_year": 2022, "period": "year", "text_zh": "发放消费券3400万元。",
             "text_en": None, "translation_status": "missing", "line": 34},
        ],
        "outcomes": [
            {"target_id": f"{DOC}-5-q1", "commitment_id": f"{DOC}-5", "status": "not_met",
             "method": "reviewed", "confidence": Decimal("1"), "reported_value": Decimal("3"),
             "reported_unit": "%", "result_id": None, "evidence_document_id": DOC,
             "evidence_line": 34, "evidence_text": "固定资产投资增长3%。", "evidence_en": None,
             "note": "低于5.5%以上"},
            {"target_id": f"{DOC}-5-q2", "commitment_id": f"{DOC}-5", "status": "no_evidence",
             "method": "auto", "confidence": None, "reported_value": None, "reported_unit": None,
             "result_id": None, "evidence_document_id": None, "evidence_line": None,
             "evidence_text": None, "evidence_en": None, "note": None},
        ],
        "indicators": [
            {"indicator_id": "gdp", "name_zh": "地区生产总值增速", "name_en": "GDP growth",
             "metric": "growth_rate", "unit": "%"},
        ],
        "indicator_series": [
            {"indicator_id": "gdp", "jurisdiction_id": "liaocheng", "period_year": 2023, "unit": "%",
             "target_value": Decimal("5.5"), "target_value_max": None, "target_modifier": "at_least",
             "target_id": f"{DOC}-5-q1", "reported_value": None, "reported_modifier": None,
             "result_id": None, "status": "not_met"},
        ],
    }


EXPECTED_CSV = {
    "jurisdictions": (
        "jurisdiction_id,name_zh,name_en,level,parent_id\n"
        "liaocheng,聊城市,Liaocheng,city,\n"
        "dongchangfu,东昌府区,Dongchangfu District,district,liaocheng\n"
    ),
    "sources": (
        "source_id,path,sha256,format,encoding,publisher_zh,publisher_en,published_date,url\n"
        f"{DOC},reports/{DOC}.txt,{SHA},txt,utf-8,聊城市人民政府,"
        "Liaocheng Municipal People's Government,2023-01-11,\n"
    ),
    "documents": (
        "document_id,source_id,jurisdiction_id,kind,year,title_zh,title_en,doc_number,"
        "issued_date,is_partial,line_start,line_end\n"
        f"{DOC},{DOC},liaocheng,task_plan,2023,2023年市政府工作报告重点工作任务责任分工方案,"
        "Division of responsibilities for the key tasks of the 2023 government work report,,"
        "2023-01-11,false,1,400\n"
    ),
    "sections": (
        "section_id,document_id,parent_id,level,label,title_zh,title_en,translation_status,line\n"
        f"{DOC}-s1,{DOC},,1,一,全力稳住经济大盘,Stabilise the economy,current,20\n"
        f"{DOC}-s1-1,{DOC},{DOC}-s1,2,(一),扩大有效投资,,missing,22\n"
    ),
    "commitments": (
        "commitment_id,document_id,label,parent_id,seq,kind,section_id,topic_id,text_zh,text_en,"
        "translation_status,source_text,line_start,line_end\n"
        f"{DOC}-5,{DOC},5,,5,task,{DOC}-s1-1,investment,扩大有效投资，实施“项目深化年”活动。,"
        '"Expand effective investment; run the ""year of project deepening"".",current,'
        '"5.扩大有效投资，实施“项目深化年”活动。\n（牵头领导：张三；牵头单位：市发展改革委）",29,30\n'
        f"{DOC}-5-1,{DOC},5(1),{DOC}-5,6,task,{DOC}-s1-1,investment,推进重点项目建设。,,missing,"
        " (１）推进重点项目建设。,31,31\n"
    ),
    "assignments": (
        "commitment_id,role,position,person_id,unit_id,raw\n"
        f"{DOC}-5,lead_leader,1,zhang-san,,张三\n"
        f"{DOC}-5,lead_unit,1,,liaocheng-fgw,市发展改革委\n"
        f"{DOC}-5-1,lead_unit,1,,liaocheng-fgw,市发展改革委\n"
    ),
    "units": (
        "unit_id,jurisdiction_id,name_zh,name_en,unit_type,aliases\n"
        "liaocheng-government,liaocheng,聊城市人民政府,Liaocheng Municipal People's Government,"
        "government,\n"
        "liaocheng-fgw,liaocheng,聊城市发展和改革委员会,Liaocheng Development and Reform Commission,"
        "department,市发展改革委|市发改委\n"
    ),
    "people": (
        "person_id,name_zh,name_en,jurisdiction_id\n"
        "zhang-san,张三,Zhang San,liaocheng\n"
    ),
    "topics": (
        "topic_id,name_zh,name_en,description_zh,description_en\n"
        'investment,投资、招商与重大项目,"Investment, investment promotion and major projects",'
        '固定资产投资、重点项目建设、招商引资。,"Fixed-asset investment, key projects, '
        'attracting investors."\n'
    ),
    # Natural commitment order (5 before 5-1), then `how` in its listed order.
    "mentions": (
        "commitment_id,jurisdiction_id,how,named_as\n"
        f"{DOC}-5,dongchangfu,named,东昌府|侯营\n"
        f"{DOC}-5,dongchangfu,all_counties,各县〔市、区〕人民政府\n"
        f"{DOC}-5-1,dongchangfu,named,东昌府区\n"
    ),
    "links": (
        "commitment_id,paragraph_id,similarity\n"
        f"{DOC}-5,{DOC}-p2,0.957\n"
    ),
    "discrepancies": (
        "discrepancy_id,commitment_id,paragraph_id,differs_in,plan_text,report_text,plan_line,"
        "report_line\n"
        f"{DOC}-5-d1,{DOC}-5,{DOC}-p2,word,耿店经验,歇店经验,29,33\n"
    ),
    "paragraphs": (
        "paragraph_id,document_id,section_id,part_kind,seq,text_zh,text_en,translation_status,"
        "source_text,line_start,line_end\n"
        f"{DOC}-p2,{DOC},{DOC}-s1-1,plan,2,千方百计促消费。出台“双十条”。,"
        '"Do everything possible to boost consumption. Issue the ""double ten"" measures.",current,'
        '"**千方百计促消费。**出台“双\n\n十条”。",33,35\n'
        f"{DOC}-p10,{DOC},,attachment,10,1.新增城镇就业4万人以上；,,missing,"
        "1. 新增城镇就业 4 万人以上；,223,223\n"
    ),
    "allocations": (
        "document_id,jurisdiction_id,category,value,unit,line\n"
        f"{DOC},dongchangfu,total,3310,个,336\n"
        f"{DOC},liaocheng,total,27600,个,347\n"
        f"{DOC},liaocheng,rural,24000,个,347\n"
    ),
    "targets": (
        "target_id,commitment_id,indicator_zh,indicator_en,value,value_max,unit,base_unit,scale,"
        "modifier,metric,direction,span,span_start,span_end,due_year\n"
        f"{DOC}-5-q1,{DOC}-5,固定资产投资,fixed-asset investment,5.5,,%,%,1,at_least,growth_rate,up,"
        "5.5%以上,8,14,2023\n"
        f"{DOC}-5-q2,{DOC}-5,,,10,15,个,个,1,exact,count,none,10—15个,20,26,2023\n"
    ),
    "results": (
        "result_id,document_id,paragraph_id,indicator_zh,value,value_max,unit,base_unit,scale,"
        "modifier,metric,direction,span,span_start,span_end,reported_year,period,text_zh,text_en,"
        "translation_status,line\n"
        f"{DOC}-p2-r1,{DOC},{DOC}-p2,发放消费券,3400,,万元,元,10000,exact,level,none,3400 万元,5,12,"
        "2022,year,"
        "发放消费券3400万元。,,missing,34\n"
    ),
    "outcomes": (
        "target_id,commitment_id,status,method,confidence,reported_value,reported_unit,result_id,"
        "evidence_document_id,evidence_line,evidence_text,evidence_en,note\n"
        f"{DOC}-5-q1,{DOC}-5,not_met,reviewed,1,3,%,,{DOC},34,固定资产投资增长3%。,,低于5.5%以上\n"
        f"{DOC}-5-q2,{DOC}-5,no_evidence,auto,,,,,,,,,\n"
    ),
    "indicators": (
        "indicator_id,name_zh,name_en,metric,unit\n"
        "gdp,地区生产总值增速,GDP growth,growth_rate,%\n"
    ),
    "indicator_series": (
        "indicator_id,jurisdiction_id,period_year,unit,target_value,target_value_max,target_modifier,"
        "target_id,reported_value,reported_modifier,result_id,status\n"
        f"gdp,liaocheng,2023,%,5.5,,at_least,{DOC}-5-q1,,,,not_met\n"
    ),
}


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    out = tmp_path / "datapackage"
    write_package(sample_tables(), out)
    return out


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- metadata ---------------------------------------------------------------


def test_tables_have_exactly_the_milestone_columns():
    assert {name: spec["columns"] for name, spec in TABLES.items()} == EXPECTED_COLUMNS


def test_every_column_is_defined_and_every_definition_is_used():
    used = set()
    for table, spec in TABLES.items():
        for column in spec["columns"]:
            key = f"{table}.{column}" if f"{table}.{column}" in FIELDS else column
            assert key in FIELDS, f"{table}.{column} has no definition in fields.yaml"
            used.add(key)
    assert sorted(set(FIELDS) - used) == []


def test_no_field_is_defined_twice():
    # A per-table definition exists only where the column means something else in
    # another table; it never shadows a shared one.
    for key in FIELDS:
        table, _, column = key.partition(".")
        if column:
            assert column not in FIELDS, f"{column} is defined both shared and as {key}"
            assert table in TABLES and column in TABLES[table]["columns"]


def test_every_field_has_both_descriptions_and_a_known_type():
    for name, definition in FIELDS.items():
        assert definition["type"] in {"string", "integer", "number", "boolean", "date"}, name
        for language in ("zh", "en"):
            assert definition[f"description_{language}"].strip(), f"{name} lacks description_{language}"
        for value, labels in definition.get("values", {}).items():
            assert labels["zh"].strip() and labels["en"].strip(), f"{name}={value} lacks a label"


def test_examples_satisfy_their_own_constraints():
    for name, definition in FIELDS.items():
        if "example" not in definition:
            continue
        example, constraints = definition["example"], definition.get("constraints", {})
        if "pattern" in constraints:
            assert re.fullmatch(constraints["pattern"], str(example)), name
        if "values" in definition:
            assert example in definition["values"], name


def test_single_column_keys_are_unique_and_required():
    meta = load_metadata()
    for table in meta.tables.values():
        for column in table.primary_key:
            assert table.field(column).required, f"{table.name}.{column}"
        if len(table.primary_key) == 1:
            assert table.field(table.primary_key[0]).constraints.get("unique"), table.name


def test_id_columns_are_slugs():
    for name, definition in FIELDS.items():
        if name.endswith("_id"):
            assert definition["constraints"]["pattern"] == SLUG.pattern, name


def test_commitment_labels_are_ascii_numbers_with_optional_sub_item():
    pattern = load_metadata().tables["commitments"].field("label").constraints["pattern"]
    for good in ("49", "5(1)", "158"):
        assert re.fullmatch(pattern, good)
    for bad in ("5（1）", "５", "5(1)(2)", "一", ""):
        assert not re.fullmatch(pattern, bad)


def test_a_column_without_definition_is_reported(tmp_path: Path):
    tables = copy.deepcopy(yaml.safe_load(TABLES_PATH.read_text(encoding="utf-8")))
    tables["tables"]["people"]["columns"].append("birthday")
    tables_path = tmp_path / "tables.yaml"
    tables_path.write_text(yaml.safe_dump(tables, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChengnuoError, match="'people': column 'birthday' is not defined"):
        load_metadata(FIELDS_PATH, tables_path)


def test_a_folded_line_break_inside_chinese_text_is_reported(tmp_path: Path):
    fields = copy.deepcopy(FIELDS)
    fields["raw"]["description_zh"] = "责任方名称 在原文中的写法"
    fields_path = tmp_path / "fields.yaml"
    fields_path.write_text(yaml.safe_dump({"fields": fields}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChengnuoError, match="space inside Chinese text"):
        load_metadata(fields_path, TABLES_PATH)


# ---- writing ----------------------------------------------------------------


def test_descriptor_matches_golden_file(package_dir: Path, golden):
    written = (package_dir / "datapackage.json").read_text(encoding="utf-8")
    golden("datapackage.json", written)
    assert json.loads(written) == build_descriptor(sample_tables()["sources"])


def test_csv_text_is_exactly_as_stated(package_dir: Path):
    written = {path.stem: path.read_bytes() for path in (package_dir / "data").glob("*.csv")}
    assert written == {name: text.encode("utf-8") for name, text in EXPECTED_CSV.items()}


def test_package_holds_only_the_descriptor_and_the_tables(package_dir: Path):
    assert sorted(all_bytes(package_dir)) == ["data/" + name + ".csv" for name in sorted(EXPECTED_CSV)] + [
        "datapackage.json"]
    assert not list(package_dir.parent.glob(".datapackage.*")), "staging or backup folder left behind"


def test_descriptor_has_no_timestamps_and_names_publishers(package_dir: Path):
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert "created" not in descriptor
    assert descriptor["sources"] == [{"title": "聊城市人民政府 (Liaocheng Municipal People's Government)"}]
    assert [r["name"] for r in descriptor["resources"]] == list(EXPECTED_COLUMNS)


def test_writing_twice_gives_identical_bytes_whatever_the_input_order(tmp_path: Path):
    first, second = tmp_path / "one", tmp_path / "two"
    write_package(sample_tables(), first)
    reversed_tables = {name: rows[::-1] for name, rows in sample_tables().items()}
    write_package(reversed_tables, second)
    assert all_bytes(first) == all_bytes(second)
    write_package(sample_tables(), first)  # over an existing package
    assert all_bytes(first) == all_bytes(second)


@pytest.mark.parametrize("value, cell", [
    (None, ""), ("", ""),
    ("a,b", '"a,b"'), ('say "hi"', '"say ""hi"""'), ("line\nbreak", '"line\nbreak"'),
    ("carriage\rreturn", '"carriage\rreturn"'), (" leading space", " leading space"),
])
def test_cells_are_written_plainly_and_quoted_only_when_needed(tmp_path: Path, value, cell):
    tables = sample_tables()
    tables["people"][0]["name_en"] = value
    write_package(tables, tmp_path / "p")
    text = (tmp_path / "p" / "data" / "people.csv").read_bytes().decode("utf-8")
    assert text == f"person_id,name_zh,name_en,jurisdiction_id\nzhang-san,张三,{cell},liaocheng\n"


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("column, value, cell", [
    ("is_partial", True, "true"), ("is_partial", False, "false"), ("is_partial", "TRUE", "true"),
    ("line_end", 7, "7"), ("line_end", "7", "7"),
    ("issued_date", dt.date(2024, 2, 5), "2024-02-05"), ("issued_date", "2024-02-05", "2024-02-05"),
    ("doc_number", None, ""),
])
def test_values_are_written_by_their_field_type(tmp_path: Path, column, value, cell):
    tables = sample_tables()
    tables["documents"][0][column] = value
    write_package(tables, tmp_path / "p")
    rows = csv_rows(tmp_path / "p" / "data" / "documents.csv")
    assert rows[1][rows[0].index(column)] == cell


@pytest.mark.parametrize("value, cell", [
    (Decimal("5.50"), "5.50"), ("5.50", "5.50"), (5, "5"), ("-0.25", "-0.25"),
])
def test_numbers_are_written_with_their_own_digits(tmp_path: Path, value, cell):
    tables = sample_tables()
    tables["targets"][0]["value"] = value
    write_package(tables, tmp_path / "p")
    rows = csv_rows(tmp_path / "p" / "data" / "targets.csv")
    target = next(row for row in rows if row[0] == tables["targets"][0]["target_id"])
    assert target[rows[0].index("value")] == cell


def test_rows_sort_by_sequence_and_natural_id_order_not_by_text(tmp_path: Path):
    tables = sample_tables()
    template = tables["commitments"][1]
    tables["commitments"] = [
        {**template, "commitment_id": f"{DOC}-{n}", "label": str(n), "seq": n}
        for n in (10, 2, 1)
    ]
    tables["assignments"] = [
        {"commitment_id": f"{DOC}-{n}", "role": role, "position": position, "person_id": None,
         "unit_id": "liaocheng-fgw", "raw": "市发展改革委"}
        for n, role, position in [(10, "lead_unit", 1), (2, "responsible_unit", 10),
                                  (2, "responsible_unit", 2), (2, "lead_unit", 1)]
    ]
    write_package(tables, tmp_path / "p")
    data = tmp_path / "p" / "data"
    commitment_labels = [line.split(",")[2] for line in
                         (data / "commitments.csv").read_text(encoding="utf-8").splitlines()[1:]
                         if line.startswith(DOC)]
    assert commitment_labels == ["1", "2", "10"]
    assignment_keys = [tuple(line.split(",")[:3]) for line in
                       (data / "assignments.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert assignment_keys == [(f"{DOC}-2", "lead_unit", "1"), (f"{DOC}-2", "responsible_unit", "2"),
                               (f"{DOC}-2", "responsible_unit", "10"), (f"{DOC}-10", "lead_unit", "1")]


def test_natural_key_orders_embedded_numbers():
    ids = ["plan-10", "plan-2", "plan-1-1", "plan-1", "plan-01"]
    assert sorted(ids, key=natural_key) == ["plan-01", "plan-1", "plan-1-1", "plan-2", "plan-10"]


# ---- failed writes ----------------------------------------------------------


@pytest.mark.parametrize("break_rows, message", [
    (lambda t: t["people"][0].update(birthday="1970-01-01"),
     "table 'people' row 1 (person_id=zhang-san): unexpected column(s) birthday"),
    (lambda t: t.pop("units"), "missing table(s) units"),
    (lambda t: t.update(notes=[]), "unexpected table(s) notes"),
    (lambda t: t["people"][0].update(name_en=["Zhang", "San"]),
     "table 'people' row 1 (person_id=zhang-san): column 'name_en' must be a string, "
     "got list ['Zhang', 'San']"),
    (lambda t: t["documents"][0].update(year="twenty"), "column 'year' must be an integer, got 'twenty'"),
    (lambda t: t["links"][0].update(similarity=0.957), "column 'similarity' must be a number, "
     "got float 0.957"),
])
def test_a_bad_write_fails_clearly_and_leaves_the_previous_package(package_dir: Path, break_rows, message):
    before = all_bytes(package_dir)
    tables = sample_tables()
    tables["people"][0]["name_en"] = "changed"  # would show if anything were written
    break_rows(tables)
    with pytest.raises(ChengnuoError) as error:
        write_package(tables, package_dir)
    assert message in str(error.value)
    assert all_bytes(package_dir) == before
    assert not list(package_dir.parent.glob(".datapackage.*"))


def test_a_write_interrupted_midway_leaves_the_previous_package(package_dir: Path, monkeypatch):
    before = all_bytes(package_dir)
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 3:  # a few files are already on disk
            raise KeyboardInterrupt

    monkeypatch.setattr(write_module.os, "fsync", failing_fsync)
    tables = sample_tables()
    tables["people"][0]["name_en"] = "changed"
    with pytest.raises(KeyboardInterrupt):
        write_package(tables, package_dir)
    assert all_bytes(package_dir) == before
    assert not list(package_dir.parent.glob(".datapackage.*"))


def test_an_invalid_package_never_replaces_the_previous_one(package_dir: Path):
    before = all_bytes(package_dir)
    tables = sample_tables()
    tables["units"][0]["jurisdiction_id"] = "nowhere"
    with pytest.raises(ChengnuoError) as error:
        write_package(tables, package_dir, check=validate_package)
    assert "the new data package is not valid, so the previous one is kept: units row 3: " \
           'ForeignKey Error: for "jurisdiction_id": values "nowhere" not found' in str(error.value)
    assert all_bytes(package_dir) == before
    assert not list(package_dir.parent.glob(".datapackage.*"))


# ---- validation -------------------------------------------------------------


def test_written_package_passes_validate_package(package_dir: Path):
    assert validate_package(package_dir) == []
    assert validate_package(package_dir / "datapackage.json") == []


def test_written_package_passes_the_stock_frictionless_cli(package_dir: Path):
    result = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(package_dir / "datapackage.json")],
                            capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert report["valid"] and report["warnings"] == []
    assert sorted(task["name"] for task in report["tasks"]) == sorted(EXPECTED_COLUMNS)


def replace_in_csv(package: Path, table: str, old: str, new: str) -> None:
    path = package / "data" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("table, old, new, expected", [
    ("units", "liaocheng-fgw,liaocheng,", "liaocheng-fgw,nowhere,",
     ['units row 3: ForeignKey Error: for "jurisdiction_id": values "nowhere" not found']),
    ("jurisdictions", "district,liaocheng", "district,nowhere",
     ['jurisdictions row 3: ForeignKey Error: for "parent_id": values "nowhere" not found in the '
      'lookup table "jurisdictions" as "jurisdiction_id"']),
    ("jurisdictions", "district", "planet",
     ['jurisdictions row 3 field "level" value "planet": Constraint Error: constraint "enum"']),
    # A single-column key is also declared unique, so frictionless reports it twice.
    ("people", "zhang-san,张三,Zhang San,liaocheng\n",
     "zhang-san,张三,Zhang San,liaocheng\nzhang-san,张三,Zhang San,liaocheng\n",
     ['people row 3 field "person_id" value "zhang-san": Unique Error: the same as in the row at position 2',
      "people row 3: PrimaryKey Error: the same as in the row at position 2"]),
    ("assignments", f"{DOC}-5,lead_unit,1,", f"{DOC}-5,lead_leader,1,",
     ["assignments row 3: PrimaryKey Error: the same as in the row at position 2"]),
    ("commitments", f"{DOC}-5-1,{DOC},5(1),", f"{DOC}-5-1,{DOC},5（1）,",
     ['commitments row 3 field "label" value "5（1）": Constraint Error: constraint "pattern"']),
    ("assignments", f"{DOC}-5,lead_leader,1,zhang-san,,", f"{DOC}-5,lead_leader,1,zhang-san,liaocheng-fgw,",
     ["assignments row 2: exactly one of person_id and unit_id must be set, found person_id, unit_id"]),
    ("assignments", f"{DOC}-5,lead_leader,1,zhang-san,,", f"{DOC}-5,lead_leader,1,,,",
     ["assignments row 2: exactly one of person_id and unit_id must be set, found neither"]),
])
def test_a_broken_package_fails_naming_table_and_problem(package_dir: Path, table, old, new, expected):
    replace_in_csv(package_dir, table, old, new)
    problems = validate_package(package_dir)
    assert len(problems) == len(expected), problems
    for problem, start in zip(problems, expected):
        assert problem.startswith(start), problem


@pytest.mark.parametrize("table, old, new", [
    ("units", "liaocheng-fgw,liaocheng,", "liaocheng-fgw,nowhere,"),
    ("jurisdictions", "district", "planet"),
    ("people", "zhang-san,张三,Zhang San,liaocheng\n",
     "zhang-san,张三,Zhang San,liaocheng\nzhang-san,张三,Zhang San,liaocheng\n"),
])
def test_the_stock_cli_rejects_a_broken_package_too(package_dir: Path, table, old, new):
    replace_in_csv(package_dir, table, old, new)
    result = subprocess.run([str(FRICTIONLESS), "validate", str(package_dir / "datapackage.json")],
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0


def test_a_missing_package_is_one_problem(tmp_path: Path):
    assert validate_package(tmp_path) == [f"{tmp_path / 'datapackage.json'}: no datapackage.json here"]


def test_frictionless_executable_exists():
    # Guards the CLI tests against a silently missing tool.
    assert FRICTIONLESS.is_file() and shutil.which(str(FRICTIONLESS))
