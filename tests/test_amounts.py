"""Figures written for a reader (chengnuo.i18n.amounts): real figures of the data,
every unit the data and the parser use, and round trips through the number readers."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.i18n.amounts import amount, english_unit, reader_units
from chengnuo.i18n.numbers import en_numbers
from chengnuo.quantities import _UNIT_SPELLINGS, find_quantities
from chengnuo.zh.numerals import MAGNITUDES, split_unit
from tests.conftest import MAIN

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
# Where the data keep a unit: table → column.
UNIT_COLUMNS = {"targets": "unit", "results": "unit", "outcomes": "reported_unit",
                "indicator_series": "unit", "allocations": "unit"}


def data_units() -> list[str]:
    units = set()
    for table, column in UNIT_COLUMNS.items():
        with (MAIN.datapackage_dir / "data" / f"{table}.csv").open(encoding="utf-8") as handle:
            units |= {row[column] for row in csv.DictReader(handle) if row[column]}
    return sorted(units)


# Every unit a figure can carry: what the data hold, and what the parser could
# write for a new report (each base unit, bare and with each magnitude).
PARSER_UNITS = sorted({base for base in _UNIT_SPELLINGS.values()}
                      | {m + base for base in _UNIT_SPELLINGS.values() if base not in ("%", "百分点")
                         for m in MAGNITUDES} | set(MAGNITUDES))
ALL_UNITS = sorted(set(data_units()) | set(PARSER_UNITS))


def test_the_data_hold_units_of_every_kind():
    # The lists below are only as good as the data they are read from.
    assert {"%", "百分点", "万亩", "亿元", "亿", "个", "万个", "分钟"} <= set(data_units())


@pytest.mark.parametrize("value, unit, value_max, zh, en", [
    # dongchangfu-2024-task-plan-116-q1: 高标准农田建设项目2万亩 (the CSV's 2)
    (Decimal("2"), "万亩", None, "2万亩", "20,000 mu"),
    # liaocheng-2023-task-plan-43-q1 outcome: 营收突破千亿, a magnitude with no unit
    (Decimal("1000"), "亿", None, "1000亿", "100 billion"),
    # liaocheng-2023-task-plan-25-q2 outcome: 完成投资1050亿元
    (Decimal("1050"), "亿元", None, "1050亿元", "105 billion yuan"),
    # liaocheng-2024-work-report-p7-r2: 一般公共预算收入完成244.6亿元
    (Decimal("244.6"), "亿元", None, "244.6亿元", "24.46 billion yuan"),
    # liaocheng-2023-task-plan-1-q1: 地区生产总值增长5.5%以上
    (Decimal("5.5"), "%", None, "5.5%", "5.5%"),
    # liaocheng-2022-work-report-p7-r3: 高于全省2.1个百分点
    (Decimal("2.1"), "百分点", None, "2.1百分点", "2.1 percentage points"),
    # liaocheng-2022-work-report-p13-r2: 城镇新增就业4.5万人
    (Decimal("4.5"), "万人", None, "4.5万人", "45,000 people"),
    # dongchangfu-2024-task-plan-116: 新修混凝土路15公里, 桥15座, 节水管道10000米
    (Decimal("15"), "公里", None, "15公里", "15 km"),
    (Decimal("15"), "座", None, "15座", "15"),
    (Decimal("10000"), "米", None, "10000米", "10,000 m"),
    # liaocheng-2024-work-report-p23-r2: 粮食总产预计超116亿斤
    (Decimal("116"), "亿斤", None, "116亿斤", "11.6 billion jin"),
    # liaocheng-2022-work-report-p19-r6: 落后燃煤发电机组207.6万千瓦
    (Decimal("207.6"), "万千瓦", None, "207.6万千瓦", "2.076 million kW"),
    # liaocheng-2022-work-report-p18-r6: 倍差缩小到1.8倍
    (Decimal("1.8"), "倍", None, "1.8倍", "1.8 times"),
    # liaocheng-2022-work-report-p11-r7: 15分钟生活圈
    (Decimal("15"), "分钟", None, "15分钟", "15 minutes"),
    # dongchangfu-2024-task-plan-116: 虫情墒情监测系统1套 (a classifier: no "1 set")
    (Decimal("1"), "套", None, "1套", "1"),
    # a range, as value and value_max: 10—15个
    (Decimal("10"), "个", Decimal("15"), "10–15个", "10–15"),
    (Decimal("5"), "%", Decimal("6"), "5–6%", "5–6%"),
    # exactly one takes the singular where English has one
    (1, "人", None, "1人", "1 person"),
    (Decimal("1"), "平方公里", None, "1平方公里", "1 square kilometre"),
    # the 2022 public-welfare jobs: 3310个
    (Decimal("3310"), "个", None, "3310个", "3,310"),
])
def test_real_figures(value, unit, value_max, zh, en):
    assert amount(value, unit, "zh", value_max) == zh
    assert amount(value, unit, "en", value_max) == en


@pytest.mark.parametrize("unit", ALL_UNITS)
def test_every_unit_has_english_without_chinese(unit):
    assert not CJK.search(amount(Decimal("12.5"), unit, "en"))


def test_a_unit_the_glossary_does_not_know_is_an_error():
    with pytest.raises(ChengnuoError, match="unit '公升' has no English"):
        english_unit("公升")


def test_each_unit_is_defined_once_and_classifiers_have_no_english():
    units = reader_units()
    assert units["亩"].en == "mu" and units["万亩"].factor == 10**4
    assert units["个"].en == "" and units["家"].en == ""


values = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)


@given(value=values, unit=st.sampled_from(ALL_UNITS))
def test_english_reads_back_as_the_value_times_the_magnitude(value, unit):
    text = amount(value, unit, "en")
    assert [v for _, v in en_numbers(text)] == [(value * split_unit(unit)[0]).normalize()], text


@given(low=values, high=values, unit=st.sampled_from(ALL_UNITS))
def test_a_range_reads_back_as_both_values(low, high, unit):
    scale = split_unit(unit)[0]
    text = amount(low, unit, "en", high)
    assert [v for _, v in en_numbers(text)] == [(low * scale).normalize(), (high * scale).normalize()]


@given(value=values, unit=st.sampled_from(ALL_UNITS))
def test_chinese_is_the_exact_figure_and_the_unit_as_written(value, unit):
    text = amount(value, unit, "zh")
    assert text.endswith(unit) and not text[: -len(unit)].endswith(".0")
    assert Decimal(text[: -len(unit)]) == value


@given(value=values.filter(lambda v: v > 0), unit=st.sampled_from(sorted(set(data_units()) - {"亿"})))
def test_the_parser_reads_the_chinese_back(value, unit):
    # What a Chinese page prints is a figure the report could have written.
    found = find_quantities(amount(value, unit, "zh"))
    assert [(q.value, q.unit) for q in found] == [(value.normalize(), unit)]


# ---- on the site ------------------------------------------------------------------------

ZH_SPAN = re.compile(r'<span lang="zh">[^<]*</span>')


@pytest.fixture(scope="module")
def commitment_pages_by_lang():
    from chengnuo.site.commitment_pages import commitment_pages
    from chengnuo.site.data import SiteData
    data = SiteData.load(MAIN.datapackage_dir)
    return {lang: commitment_pages(data, lang) for lang in ("zh", "en")}


def figure_sections(page: str) -> list[str]:
    """The targets table and the outcome list of a page (English or Chinese headings)."""
    sections = page.split("\n## ")[1:]
    return [s for s in sections if s.startswith(("Targets", "Outcome", "量化目标", "完成情况"))]


def test_english_targets_and_outcomes_hold_no_chinese_outside_lang_zh(commitment_pages_by_lang):
    checked, leaks = 0, []
    for path, page in commitment_pages_by_lang["en"].items():
        for section in figure_sections(page):
            checked += 1
            rest = ZH_SPAN.sub("", section)
            if CJK.search(rest):
                leaks.append(f"{path}: {CJK.search(rest).group()} in {rest[:200]!r}")
    assert checked >= 300 and leaks == []


# ---- short labels of allowed values, and mistakes in the metadata ------------------------

@pytest.mark.parametrize("table, column, value, zh, en", [
    ("targets", "modifier", "at_least", "不少于", "at least"),
    ("targets", "modifier", "exact", "确数", "exactly"),
    ("targets", "metric", "count", "个数", "count"),
    ("outcomes", "status", "no_evidence", "未见报告", "no evidence"),
    ("outcomes", "method", "reviewed", "人工核对", "checked by hand"),
    # a value without a short label keeps its only one
    ("outcomes", "method", "auto", "自动匹配", "automatic match"),
])
def test_the_site_names_allowed_values_by_their_short_label(table, column, value, zh, en):
    from chengnuo.site.labels import value_label
    assert (value_label(table, column, value, "zh"), value_label(table, column, value, "en")) == (zh, en)


def test_a_short_label_in_one_language_only_is_reported(tmp_path: Path):
    from chengnuo.schema import FIELDS_PATH, TABLES_PATH, load_metadata
    fields = FIELDS_PATH.read_text(encoding="utf-8").replace(
        'short_zh: 不少于, short_en: at least}', 'short_zh: 不少于}')
    (tmp_path / "fields.yaml").write_text(fields, encoding="utf-8")
    with pytest.raises(ChengnuoError, match="field 'modifier': value 'at_least' needs exactly a zh "
                                            r"and an en label \(and may have both short_zh and short_en\)"):
        load_metadata(tmp_path / "fields.yaml", TABLES_PATH)


@pytest.mark.parametrize("extra, problem", [
    ("reader_units:\n  - {zh: 亩, en: mu}\n  - {zh: 亩, en: acres}\n", "reader_units entry 2: 亩 is defined twice"),
    ("reader_units:\n  - {zh: 亩}\n", "reader_units entry 1: `en` must be a non-empty text"),
    ("classifiers: [个]\nreader_units:\n  - {zh: 个, en: pieces}\n", "classifiers: 个 is defined twice"),
])
def test_a_glossary_mistake_is_one_line_naming_the_file(tmp_path: Path, extra, problem):
    path = tmp_path / "glossary.yaml"
    path.write_text("measures:\n  - {zh: 万亩, en: [mu], factor: 10000}\n" + extra, encoding="utf-8")
    with pytest.raises(ChengnuoError) as error:
        reader_units(path)
    assert str(error.value) == f"{path}: {problem}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_figure_on_the_site_ends_in_point_zero(commitment_pages_by_lang, lang):
    # Table rows and outcome lines; the quoted evidence is the report's own text.
    point_zero = re.compile(r"[0-9](?:\.|&#46;)0(?![0-9])")
    lines = [line for page in commitment_pages_by_lang[lang].values() for section in figure_sections(page)
             for line in section.splitlines() if line.startswith(("| ", "- "))]
    assert len(lines) > 700 and [line for line in lines if point_zero.search(line)] == []


def test_each_outcome_is_its_own_list_item_once_rendered(commitment_pages_by_lang):
    import markdown

    from chengnuo.site.data import SiteData
    data = SiteData.load(MAIN.datapackage_dir)
    several = [cid for cid, rows in data.outcomes.items() if len(rows) > 1]
    assert len(several) > 20
    for commitment_id in several:
        page = commitment_pages_by_lang["en"][f"commitments/{commitment_id}.md"]
        outcome = next(s for s in figure_sections(page) if s.startswith("Outcome"))
        html = markdown.markdown(outcome.split("\n", 1)[1])
        assert html.count("<li>") == len(data.outcomes[commitment_id]), commitment_id
