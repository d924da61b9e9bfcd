"""`chengnuo inspect` on every real report of the development corpus, with no option given.

The corpus (shared/corpus beside the repository; see its README.md) holds 43 work
reports from 17 provinces, 保定市 and 高阳县, as third parties collected them: with
crawler headers, page furniture, copies pasted twice and digests. Every file must
give its place, year, kind and a clean title from its own words, and the targets
and results it states.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from chengnuo import gazetteer
from chengnuo.ingest.inspect import inspect_file
from tests.conftest import REPO


def corpus_dir() -> Path | None:
    """shared/corpus beside the repository (as CI lays it out), else /work/shared/corpus."""
    for folder in (Path(REPO).resolve().parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (folder / "sources.csv").is_file():
            return folder
    return None


CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="the development corpus (shared/corpus "
                                "beside the repository, or /work/shared/corpus) is not there")
SOURCES = list(csv.DictReader((CORPUS / "sources.csv").open(encoding="utf-8"))) if CORPUS else []

# Files whose name (and sources.csv row) gives the wrong year: the text says otherwise.
TRUE_YEAR = {
    # 二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上: the report for 2019.
    "hebei-baoding-gaoyang/hebei-2018-work-report.txt": 2019,
}
# What no title may hold: a web page's frame or a crawler's keys.
FURNITURE = re.compile(r"下载|打印|字号|分享|首页|标题[：:]|来源|正文[：:]|URL|摄")
# Parts of reports that the file does not hold: no figure of the year before to read.
NO_REVIEW = {
    # The copy starts with this year's plan (——奋力推动…): the review part is not in the file.
    "hebei-baoding-gaoyang/baoding-2024-work-report.txt",
}


@lru_cache(maxsize=None)
def inspected(file: str):
    return inspect_file(CORPUS / file, file).as_json()


def ids(rows):
    return [row["file"] for row in rows]


def test_the_corpus_is_all_there():
    assert len(SOURCES) == 43


@pytest.mark.parametrize("row", SOURCES, ids=ids(SOURCES))
def test_place_year_and_kind_come_from_the_text(row):
    found = inspected(row["file"])
    place = gazetteer.load().find(row["jurisdiction_zh"])
    assert found["jurisdiction"] == {"id": place.jurisdiction_id, "name_zh": place.name_zh,
                                     "name_en": place.name_en, "adcode": place.adcode,
                                     "level": place.level}
    assert found["year"] == TRUE_YEAR.get(row["file"], int(row["year"]))
    assert found["kind"] == row["kind"] == "work_report"


@pytest.mark.parametrize("row", SOURCES, ids=ids(SOURCES))
def test_the_title_is_the_reports_own(row):
    title = inspected(row["file"])["title"]
    assert "工作报告" in title and not FURNITURE.search(title), title
    text = (CORPUS / row["file"]).read_text(encoding="utf-8")
    body = text.split("正文：", 1)[-1]
    printed = [re.sub(r"\s+", "", line) for line in body.splitlines()]
    if row["title"] in printed:
        # The title sources.csv gives is printed in the report: it is the title (with its subtitle).
        assert title.startswith(row["title"]), (title, row["title"])


@pytest.mark.parametrize("row", SOURCES, ids=ids(SOURCES))
def test_every_report_gives_targets_and_results(row):
    found = inspected(row["file"])
    targets = [t for c in found["commitments"] for t in c["targets"]]
    assert targets, "every report of the corpus states targets"
    assert all(t["value"] and t["unit"] is not None for t in targets)
    if row["file"] not in NO_REVIEW:
        assert found["results"], "the review part's figures"
    assert all(r["reported_year"] == found["year"] - 1 for r in found["results"])


@pytest.mark.parametrize("row", SOURCES, ids=ids(SOURCES))
def test_growth_targets_of_the_year_are_read_as_a_list(row):
    """The first expected target of every report that lists them is its GDP (经济增长) target;
    hebei 2011 lists the five-year plan's goals, where it is a level (突破30000亿元)."""
    found = inspected(row["file"])
    listed = [c for c in found["commitments"] if c["kind"] == "expected_target" and c["targets"]]
    if not listed:
        pytest.skip("the report prints no list of expected targets with figures")
    first = listed[0]["targets"][0]
    assert re.fullmatch(r"\S*生产总值|经济", first["indicator_zh"] or ""), listed[0]["text_zh"]
    assert (first["unit"], first["metric"]) in (("%", "growth_rate"), ("亿元", "level"))


@pytest.mark.parametrize("file, copy_line", [
    ("hebei-baoding-gaoyang/hebei-2010-work-report.txt", 280),
    ("hebei-baoding-gaoyang/hebei-2018-work-report.txt", 246),
    ("hebei-baoding-gaoyang/hebei-2021-work-report.txt", 245),
    ("hebei-baoding-gaoyang/hebei-2023-work-report.txt", 238),
    ("hebei-baoding-gaoyang/hebei-2024-work-report.txt", 215),
    ("hebei-baoding-gaoyang/hebei-2025-work-report.txt", 189),
])
def test_a_report_printed_twice_is_read_once(file, copy_line):
    found = inspected(file)
    assert [w["line"] for w in found["warnings"] if "printed twice" in w["message"]] == [copy_line]
    assert found["line_end"] < copy_line
    expected = [c["text_zh"] for c in found["commitments"] if c["kind"] == "expected_target"]
    assert expected and len(expected) == len(set(expected))


@pytest.mark.parametrize("file", ["hebei-baoding-gaoyang/hebei-2026-work-report.txt",
                                  "hebei-baoding-gaoyang/baoding-2026-work-report.txt"])
def test_a_digest_says_so(file):
    assert any("digest" in w["message"] for w in inspected(file)["warnings"])


@pytest.mark.parametrize("file, five_year_share", [
    # 一、过去五年工作回顾: the whole review is of the term.
    ("hebei-baoding-gaoyang/hebei-2023-work-report.txt", 1.0),
    # “十四五”时期经济社会发展回顾 / 这五年，…: a digest of the term's review.
    ("hebei-baoding-gaoyang/baoding-2026-work-report.txt", 1.0),
])
def test_a_new_terms_review_is_of_five_years(file, five_year_share):
    results = inspected(file)["results"]
    assert sum(r["period"] == "five_years" for r in results) / len(results) >= five_year_share


def test_a_one_year_review_is_of_one_year():
    results = inspected("provinces-2026/guangdong-2026-work-report.txt")["results"]
    assert results[0]["period"] == "year"


# Expected-target lists checked by hand against the report's 主要预期目标 sentence
# (every clause, figure, unit and modifier): tests/golden/corpus/<name>.tsv.
HAND_CHECKED = ["provinces-2026/tianjin-2026-work-report.txt",
                "provinces-2026/guangdong-2026-work-report.txt",
                "provinces-2026/hubei-2026-work-report.txt",
                "provinces-2026/hebei-2026-work-report.txt",
                "hebei-baoding-gaoyang/baoding-2023-work-report.txt",
                "hebei-baoding-gaoyang/gaoyang-2019-work-report.txt"]


@pytest.mark.parametrize("file", HAND_CHECKED)
def test_expected_targets_checked_by_hand(file, golden):
    rows = ["text_zh\tindicator_zh\tvalue\tvalue_max\tunit\tmodifier\tmetric"]
    for commitment in inspected(file)["commitments"]:
        if commitment["kind"] != "expected_target":
            continue
        for target in commitment["targets"] or [{}]:
            rows.append("\t".join([commitment["text_zh"], *(str(target.get(k) or "") for k in (
                "indicator_zh", "value", "value_max", "unit", "modifier", "metric"))]))
    golden(f"corpus/{Path(file).stem}.tsv", "\n".join(rows) + "\n")


def test_a_file_that_stops_mid_sentence_says_so():
    """hebei 2013 ends with 今后五年的奋斗目标是，: one web page of several."""
    warnings = inspected("hebei-baoding-gaoyang/hebei-2013-work-report.txt")["warnings"]
    assert any("stops mid-sentence" in w["message"] and w["line"] == 51 for w in warnings)
