"""The checks on every translation: numbers after unit conversion, and glossary terms."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.datapackage.read import read_rows
from chengnuo.i18n.checks import check_store, translation_problems
from chengnuo.i18n.glossary import (Glossary, Term, form_pattern, name_terms, normalise_en,
                                     read_measures, read_terms)
from chengnuo.i18n.numbers import en_numbers, format_en, number_problems, zh_numbers
from chengnuo.zh.numerals import MAGNITUDES, split_unit
from chengnuo.project import Project
from tests.conftest import REPO

CHENGNUO = Path(sys.executable).with_name("chengnuo")


# ---- numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("zh, value", [
    ("新增城镇就业4.5万人", Decimal("45000")),
    ("完成投资1050亿元", Decimal("105000000000")),
    ("1050 亿元", Decimal("105000000000")),  # the PDF's space between number and magnitude
    ("增长5.5%以上", Decimal("5.5")),
    ("２０２３年", Decimal("2023")),  # full-width digits
    ("3000万元", Decimal("30000000")),
    ("1.2万亿元", Decimal("1200000000000")),
    ("5千瓦", Decimal("5")),  # 千 before 瓦 is kilo-, not a magnitude
    ("18,687户", Decimal("18687")),
    ("完成疫苗接种1300余万剂次", Decimal("13000000")),  # 余 (more than) before the magnitude
])
def test_chinese_numbers_are_read_with_their_magnitude(zh, value):
    assert [n.value for n in zh_numbers(zh)] == [value]


@pytest.mark.parametrize("zh, en", [
    ("新增城镇就业4.5万人以上。", "Create at least 45,000 new urban jobs."),
    ("完成投资1050亿元。", "Complete investment of 105 billion yuan."),
    ("新增城镇就业4.5万人。", "45 thousand new urban jobs."),
    ("地区生产总值增长5.5%以上。", "GDP to grow by more than 5.5%."),
    ("新建学校3所。", "Build three new schools."),  # small numbers may be spelled out
    ("1月12日召开。", "Held on January 12."),
    ("实施十四五规划。", "Implement the 14th Five-Year Plan."),  # numeral in Chinese characters
    ("力促PM2.5下降。", "Strive to reduce PM2.5."),  # part of a name, on both sides
    ("力促PM_{2.5}、PM₁₀下降。", "Strive to reduce PM2.5 and PM10."),  # a PDF's subscript markup
    ("新增家庭医生签约服务人口17.8万人。", "Add 178,000 people covered by family doctor services."),
])
def test_a_faithful_translation_has_no_number_problem(zh, en):
    assert number_problems(zh, en) == []


@pytest.mark.parametrize("zh, en, problems", [
    ("新增城镇就业4.5万人。", "Create 4.5 new urban jobs.",
     ["4.5万 is missing: expected 45,000", "4.5 is not in the Chinese"]),
    ("完成投资1050亿元。", "Complete investment of 1,050 billion yuan.",
     ["1050亿 is missing: expected 105 billion", "1,050 billion is not in the Chinese"]),
    ("增长6%。", "Grow by 6% in 2024.", ["2024 is not in the Chinese"]),
    ("1月12日召开。", "Held on the 12th.", ["1月 is missing: expected 1 (or January)"]),
])
def test_a_wrong_number_is_named_with_what_was_expected(zh, en, problems):
    assert number_problems(zh, en) == problems


magnitudes = st.sampled_from(["", "万", "亿", "万亿"])
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)


@given(amounts, magnitudes)
def test_formatting_a_converted_quantity_reads_back_as_the_same_value(amount, magnitude):
    value = amount * MAGNITUDES.get(magnitude, 1)
    zh = f"投资{amount}{magnitude}元"
    en = f"invest {format_en(value)} yuan"
    assert [n.value for n in zh_numbers(zh)] == [value.normalize()]
    assert [v for _, v in en_numbers(en)] == [value.normalize()]
    assert number_problems(zh, en) == []


@given(amounts, magnitudes, st.integers(min_value=1, max_value=10**9))
def test_a_number_added_to_the_english_is_always_found(amount, magnitude, added):
    value = amount * MAGNITUDES.get(magnitude, 1)
    zh = f"投资{amount}{magnitude}元"
    en = f"invest {format_en(value)} yuan in {added:,} places"
    expected = [] if Decimal(added) == value else [f"{added:,} is not in the Chinese"]
    assert number_problems(zh, en) == expected


def test_every_measure_factor_is_its_magnitude():
    for measure in read_measures():
        assert measure.factor == split_unit(measure.zh)[0], measure.zh


# ---- glossary -------------------------------------------------------------------------

GLOSSARY = Glossary([Term("中小企业", ("small and medium-sized enterprises",), "t", not_in=("大中小企业",)),
                     Term("聊城大学", ("Liaocheng University",), "t"),
                     Term("聊城", ("Liaocheng",), "t"),
                     Term("开发区", ("development zones",), "t"),
                     Term("一刻钟", ("quarter-hour", "15-minute"), "t", numbers=(Decimal(15),))])


def test_the_longest_term_wins_and_not_in_words_are_not_the_term():
    assert [t.zh for t in GLOSSARY.found("聊城大学与聊城的大中小企业和中小企业")] == [
        "聊城大学", "聊城", "中小企业"]


@pytest.mark.parametrize("form, text, found", [
    ("development zones", "a development zone", True),
    ("industrial cluster", "two industrial clusters", True),
    ("city", "cities", True),
    ("mu", "municipal", False),
    ("mu", "3,500 mu of land", True),
    ("Dong'e County", "dong\u2019e county", True),
])
def test_a_form_matches_whole_words_singular_or_plural(form, text, found):
    assert bool(form_pattern(form).search(normalise_en(text))) is found


def test_a_term_rendered_otherwise_is_named_with_its_glossary_english():
    assert translation_problems("聊城大学建设一刻钟生活圈", "Liaocheng College builds 15-minute circles",
                                GLOSSARY) == ["聊城大学 must be rendered 'Liaocheng University' (t)"]


def test_a_chinese_term_has_one_english_across_the_glossary_files():
    # terms.yaml comes first and may override a short name kept for finding places.
    terms = [*read_terms(REPO / "translations" / "terms.yaml"), *name_terms()]
    by_zh: dict[str, list[Term]] = {}
    for term in terms:
        by_zh.setdefault(term.zh, []).append(term)
    conflicts = sorted(zh for zh, ts in by_zh.items()
                       if len(ts) > 1 and not set.intersection(*(set(t.en) for t in ts)))
    assert conflicts == ["开发区"]
    assert by_zh["开发区"][0].source == "terms.yaml"


# ---- every translation of the repository ------------------------------------------------

def translation_files() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "translations").glob("*/*.yaml"))


@pytest.fixture(scope="module")
def package_rows():
    return read_rows(REPO / "datapackage")


@pytest.fixture(scope="module")
def store_problems(package_rows) -> list:
    """The checks over the whole store, run once; each test below reports one file."""
    return check_store(Project(REPO), package_rows)


@pytest.mark.parametrize("file", translation_files())
def test_every_translation_passes_the_number_and_glossary_checks(file, store_problems):
    problems = [str(p) for p in store_problems if p.path == file]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_i18n_check_names_file_line_id_and_problem(tmp_path):
    (tmp_path / "translations" / "sections").mkdir(parents=True)
    (tmp_path / "translations" / "sections" / "liaocheng-2023-task-plan.yaml").write_text(
        "- id: liaocheng-2023-task-plan-s1\n  zh_sha256: 8555ac1485fd\n  en: Expected targets for 2023\n",
        encoding="utf-8")
    import shutil
    shutil.copytree(REPO / "datapackage", tmp_path / "datapackage")
    result = subprocess.run([str(CHENGNUO), "--project", str(tmp_path), "i18n", "check"],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (1, (
        "translations/sections/liaocheng-2023-task-plan.yaml:1: liaocheng-2023-task-plan-s1: "
        "2023 is not in the Chinese\n1 problem(s) in the translations\n"))


def registry_names() -> list[tuple[str, str, str]]:
    tables = read_rows(REPO / "datapackage")
    return ([(d["document_id"], d["title_zh"], d["title_en"]) for d in tables["documents"]]
            + [(s["source_id"], s["publisher_zh"], s["publisher_en"]) for s in tables["sources"]
               if s["publisher_zh"]])


@pytest.mark.parametrize("record_id, zh, en", registry_names(), ids=lambda v: str(v)[:40])
def test_registry_titles_and_publishers_follow_the_glossary(record_id, zh, en):
    glossary = Glossary.load(REPO / "translations")
    assert translation_problems(zh, en, glossary) == []
