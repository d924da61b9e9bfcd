"""Links from the 2023 city plan to the 2023 work report, and where the two texts differ."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.links import stage as links_stage
from chengnuo.links.match import bigram_set, changes, clauses, compared_text
from chengnuo.registry import load_registry
from chengnuo.stage import read_output

PLAN = "liaocheng-2023-task-plan"
REPORT = "liaocheng-2023-work-report"


@pytest.fixture(scope="module")
def output(corpus) -> tuple[list[dict], list[dict]]:
    links_stage.run(corpus)
    return read_output(corpus, "links", "links"), read_output(corpus, "links", "discrepancies")


def task(n: str) -> str:
    return f"{PLAN}-{n}"


# --------------------------------------------------------------------------- the corpus

def test_links_and_discrepancies_match_golden(output, golden):
    links, discrepancies = output
    golden("links/links.tsv", "".join(
        f"{row['commitment_id']}\t{row['paragraph_id']}\t{row['similarity']}\n" for row in links))
    golden("links/discrepancies.tsv", "".join(
        f"{row['discrepancy_id']}\t{row['paragraph_id']}\t{row['differs_in']}\t"
        f"{row['plan_text']}\t{row['report_text']}\t{row['plan_line']}\t{row['report_line']}\n"
        for row in discrepancies))


def test_the_plan_pairs_with_the_report_of_its_year_and_place(corpus):
    pairs = [(p.document_id, r.document_id)
             for p, r in links_stage.plan_report_pairs(load_registry(corpus))]
    assert pairs == [(PLAN, REPORT)]  # no 2024 report of 东昌府区 is bundled


def test_counts(output):
    links, discrepancies = output
    assert (len(links), len({r["commitment_id"] for r in links}), len(discrepancies)) == (
        166, 146, 46)
    assert all(Decimal("0.6") <= Decimal(row["similarity"]) <= 1 for row in links)
    assert all(row["paragraph_id"].startswith(f"{REPORT}-p") for row in links)


@pytest.mark.parametrize("commitment_id, plan_text, report_text, plan_line, report_line", [
    # The newspaper's misreadings named in the corpus notes.
    (task(54), "耿店经验", "歇店经验", 95, 21),
    (task(98), "水浒宴", "水饺宴", 155, 65),
    (task(96), "两园", "两国", 152, 63),  # the paragraph starts on line 61
    (task(58), "支持茌平、东阿", "支持在东阿", 101, 27),
    (task(40), "太平洋岛", "大平洋岛", 77, 11),
])
def test_the_newspapers_misreadings_are_found(output, commitment_id, plan_text, report_text,
                                              plan_line, report_line):
    found = [(d["plan_text"], d["report_text"], d["plan_line"], d["report_line"], d["differs_in"])
             for d in output[1] if d["commitment_id"] == commitment_id]
    assert (plan_text, report_text, plan_line, report_line, "word") in found


@pytest.mark.parametrize("commitment_id, plan_text, report_text", [
    # The merged figure of the livelihood list: 18687户 in the plan, 9323套 in print.
    (task(122), "造户数18687户", "造户数9323套"),
    # The action-plan list gives the processing target as 100亿元, the plan 1000亿元.
    (task(43), "1000亿元", "100亿元"),
])
def test_changed_figures_are_found(output, commitment_id, plan_text, report_text):
    assert {(d["plan_text"], d["report_text"], d["differs_in"]) for d in output[1]
            if d["commitment_id"] == commitment_id} >= {(plan_text, report_text, "number")}


@pytest.mark.parametrize("label", ["1", "2", "3", "4", "5", "5-1", "7", "11", "13", "17", "31"])
def test_tasks_before_the_start_of_the_newspaper_print_have_no_paragraph(output, label):
    assert [row for row in output[0] if row["commitment_id"] == task(label)] == []


@pytest.mark.parametrize("label, paragraphs", [
    ("32", ["p3"]),  # the first task the print holds (国企)
    ("54", ["p10"]),
    ("118", ["p44", "p45", "p46", "p47"]),  # one task, four livelihood items
    ("122", ["p57", "p58"]),  # items 14 and 16: 15 is missing in print
    ("136-2", ["p87"]),  # not p81, 聊城城市科学绿化实施方案, which holds it too
    ("6", ["p104"]),  # the action-plan list restates the task
    ("158", ["p42"]),
])
def test_real_links(output, label, paragraphs):
    assert [row["paragraph_id"] for row in output[0] if row["commitment_id"] == task(label)] == [
        f"{REPORT}-{p}" for p in paragraphs]


def test_a_policy_missing_from_the_print_has_no_paragraph(output):
    # 聊城化工产业园、茌平化工产业园扩区行动方案: the print jumps from 5. to 7.
    assert [row for row in output[0] if row["commitment_id"] == task("134-5")] == []


# --------------------------------------------------------------------------- the rules

@pytest.mark.parametrize("plan, report, expected", [
    ("大力推广“耿店经验”，持续实施", "大力推广“歇店经验”,持续实施",
     [("耿店经验", "歇店经验", "word")]),
    # Half-width punctuation and spaces of the print are not differences.
    # (Clauses keep their closing 。 or ；, as clauses() cuts them.)
    ("完成175个老旧小区改造，改造户数18687户；", "14. 完成175个老旧小区改造,改造户数 18687户;", []),
    ("完成175个老旧小区改造，改造户数18687户；", "完成175个老旧小区改造,改造户数9323套;",
     [("造户数18687户", "造户数9323套", "number")]),
    # A figure that lost a digit.
    ("规上企业营收突破1000亿元。", "规上企业营收突破100亿元。", [("1000亿元", "100亿元", "number")]),
    # A different lead-in is rewording, not a misreading.
    ("启动三年攻坚突破行动，聚焦创新驱动", "制造业三年攻坚突破行动:聚焦创新驱动", []),
    # So is a long rewritten phrase.
    ("聚焦核心种源、农机装备等领域，支持重大创新平台建设", "聚焦核心种源、农机装备和智慧农业等领域，支持重大创新平台建设",
     []),
    ("强化颗粒物与臭氧协同治理，PM₁₀浓度下降", "强化颗粒物与臭氧协同治理，PM10浓度下降", []),
])
def test_changes(plan, report, expected):
    assert changes(compared_text(plan), compared_text(report)) == expected


def test_clauses_are_cut_at_full_stops_and_semicolons_and_short_ones_dropped():
    assert clauses("安全生产。新增城镇就业4.5万人；完成175个老旧小区改造。") == [
        "新增城镇就业4.5万人；", "完成175个老旧小区改造。"]


_HAN = st.lists(st.sampled_from("推进建设完善提升城市农村产业项目服务改革创新发展文化生态"),
                min_size=14, max_size=30, unique=True).map("".join)


@given(_HAN)
def test_a_text_equals_itself(text):
    assert changes(text, text) == []
    assert len(bigram_set(text) & bigram_set(text)) == len(text) - 1


@given(_HAN, st.integers(min_value=5, max_value=8), st.sampled_from("耿歇饺浒园国"))
def test_one_misread_character_is_one_word_difference(text, at, other):
    misread = text[:at] + other + text[at + 1:]
    found = changes(text, misread)
    assert len(found) == 1
    plan_text, report_text, kind = found[0]
    assert text[at] in plan_text and other in report_text and kind == "word"
    assert plan_text.replace(text[at], other, 1) == report_text


# --------------------------------------------------------------------------- bad input

def test_the_stage_output_is_the_same_twice(corpus, output):
    links_stage.run(corpus)
    assert (read_output(corpus, "links", "links"),
            read_output(corpus, "links", "discrepancies")) == output
