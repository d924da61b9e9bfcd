"""The task-plan parser on the two real plans: golden files, every listed defect, fuzzing."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from chengnuo.records.task_plan import parse_task_plan
from tests.fuzz import mutate_lines

PLANS = {"liaocheng-2023-task-plan": "reports/liaocheng-2023-task-plan.txt",
         "dongchangfu-2024-task-plan": "reports/dongchangfu-2024-task-plan.md"}


def records_of(corpus, document_id: str) -> dict:
    return json.loads((corpus.stage_dir("records") / f"{document_id}.json").read_text(encoding="utf-8"))


def commitment(records: dict, label: str) -> dict:
    return next(c for c in records["commitments"] if c["label"] == label)


def parties(records: dict, label: str) -> list[tuple[str, str, str]]:
    """(role, name as written, canonical id) of one commitment, in bracket order."""
    cid = commitment(records, label)["commitment_id"]
    return [(a["role"], a["raw"], a["person_id"] or a["unit_id"])
            for a in records["assignments"] if a["commitment_id"] == cid]


def render(records: dict) -> str:
    """A plan's records as text that reads well in a diff: the golden file format."""
    doc = records["document_id"]
    short = lambda i: i[len(doc) + 1:] if i and i.startswith(doc + "-") else i  # noqa: E731
    tops = [c for c in records["commitments"] if c["parent_id"] is None]
    out = [f"# {doc}: {len(records['sections'])} sections, {len(tops)} tasks, "
           f"{len(records['commitments'])} commitments, {len(records['assignments'])} assignments", "",
           "## sections"]
    for s in records["sections"]:
        out.append(f"{'  ' * (s['level'] - 1)}{short(s['section_id'])}  {s['label']}  "
                   f"L{s['line']}  {s['title_zh']}")
    out += ["", "## commitments"]
    by_commitment: dict[str, list[dict]] = {}
    for a in records["assignments"]:
        by_commitment.setdefault(a["commitment_id"], []).append(a)
    for c in records["commitments"]:
        parent = f"  parent={short(c['parent_id'])}" if c["parent_id"] else ""
        out.append(f"{c['label']}  [{c['kind']}]  section={short(c['section_id'])}{parent}  "
                   f"L{c['line_start']}-{c['line_end']}  id={short(c['commitment_id'])}")
        out.append(f"    {c['text_zh']}")
        for a in by_commitment.get(c["commitment_id"], []):
            target = f"person {a['person_id']}" if a["person_id"] else f"unit {a['unit_id']}"
            out.append(f"    {a['role']} {a['position']}: {a['raw']} = {target}")
    out += ["", "## warnings"] + [f"{w['path']}:{w['line']}: {w['message']}" for w in records["warnings"]]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("document_id", PLANS)
def test_golden_records(corpus, golden, document_id):
    golden(f"records/{document_id}.txt", render(records_of(corpus, document_id)))


@pytest.mark.parametrize("document_id, tasks, last_line", [
    ("liaocheng-2023-task-plan", 158, 223),
    ("dongchangfu-2024-task-plan", 120, 381),
])
def test_every_task_is_found_in_order(corpus, document_id, tasks, last_line):
    records = records_of(corpus, document_id)
    labels = [c["label"] for c in records["commitments"] if c["parent_id"] is None]
    assert labels == [str(n) for n in range(1, tasks + 1)]
    assert records["commitments"][-1]["line_end"] == last_line
    assert records["warnings"] == []
    assert records["unlisted_units"] == [] and records["unlisted_people"] == []


@pytest.mark.parametrize("document_id", PLANS)
def test_source_text_is_the_verbatim_lines(corpus, document_id):
    lines = (corpus.root / PLANS[document_id]).read_text(encoding="utf-8").split("\n")
    for c in records_of(corpus, document_id)["commitments"]:
        assert c["source_text"] == "\n".join(lines[c["line_start"] - 1:c["line_end"]])


@pytest.mark.parametrize("document_id", PLANS)
def test_nothing_is_lost_between_source_and_record(corpus, document_id):
    """Every character of a task's source lines is in its text or one of its assignments."""
    records = records_of(corpus, document_id)
    for c in records["commitments"]:
        if c["parent_id"] and c["kind"] == "policy":
            continue  # a policy child repeats one title of its parent's line
        kept = re.sub(r"\s|[#*]", "", c["text_zh"] + "".join(
            a["raw"] for a in records["assignments"] if a["commitment_id"] == c["commitment_id"]))
        source = re.sub(r"\s|[#*]", "", c["source_text"])
        source = re.sub(r"^[(（]?[0-9０-９]+[.．）)]", "", source)  # the label
        # What the source has beyond the kept text: brackets, role labels and separators only.
        remainder = source
        for ch in kept:
            remainder = remainder.replace(ch, "", 1)
        assert re.fullmatch(r"[（）()〔〕\[\]牵头领导单位责任配合：:；;、，,。等0-9个镇政府街道办事处]*",
                            remainder), (c["label"], remainder)


# Each defect named in reports/README.md, checked on the real lines.
def test_sub_items_with_full_width_digit_and_mixed_brackets(corpus):
    records = records_of(corpus, "liaocheng-2023-task-plan")
    parent = commitment(records, "5")
    assert parent["text_zh"] == "各类约束性指标全面完成省定目标。"
    assert parties(records, "5") == []
    for label, text in (("5(1)", "安全生产。"), ("5(2)", "节能减排。")):
        child = commitment(records, label)
        assert (child["parent_id"], child["text_zh"], child["kind"]) == (
            parent["commitment_id"], text, "expected_target")
    assert parties(records, "5(1)")[:3] == [
        ("lead_leader", "刘文强", "liu-wenqiang"), ("lead_leader", "张建军", "zhang-jianjun"),
        ("lead_unit", "市应急局", "liaocheng-emergency-management-bureau")]


@pytest.mark.parametrize("label", ["117", "152", "153", "155", "156"])
def test_collective_leader_is_never_a_person(corpus, label):
    records = records_of(corpus, "liaocheng-2023-task-plan")
    leaders = [p for p in parties(records, label) if p[0] == "lead_leader"]
    assert leaders == [("lead_leader", "市长及各位副市长", "liaocheng-mayor-and-vice-mayors")]


@pytest.mark.parametrize("label", [str(n) for n in range(132, 148)])
def test_policy_items_have_only_a_lead_unit(corpus, label):
    records = records_of(corpus, "liaocheng-2023-task-plan")
    roles = {role for role, _, _ in parties(records, label)}
    assert roles == {"lead_unit"}
    assert commitment(records, label)["kind"] == "policy"


def test_policy_item_with_several_policies_has_one_child_each(corpus):
    records = records_of(corpus, "liaocheng-2023-task-plan")
    children = [c["text_zh"] for c in records["commitments"]
                if c["parent_id"] == commitment(records, "134")["commitment_id"]]
    assert children == [
        "关于钢管产业高质量发展的意见", "关于有色金属深加工产业高质量发展的意见",
        "关于绿色化工产业高质量发展的意见", "关于新一代信息技术产业高质量发展的意见",
        "聊城化工产业园、茌平化工产业园扩区行动方案", "关于深化改革创新促进数字经济高质量发展的实施方案",
        "制造业数字化转型实施方案", "工业领域碳达峰实施方案"]
    assert [c["label"] for c in records["commitments"] if c["parent_id"] and c["label"].startswith("136(")] == [
        "136(1)", "136(2)"]


def test_line_starting_with_an_ascii_space(corpus):
    c = commitment(records_of(corpus, "liaocheng-2023-task-plan"), "68")
    assert c["line_start"] == 115 and c["text_zh"].startswith("支持东昌府区建设现代服务业为主")


def test_county_list_in_tortoise_brackets_is_one_collective(corpus):
    assert ("responsible_unit", "各县〔市、区〕人民政府", "liaocheng-all-county-governments") in parties(
        records_of(corpus, "liaocheng-2023-task-plan"), "1")


@pytest.mark.parametrize("label, line_start, line_end, lead_units", [
    ("24", 95, 97, ["dongchangfu-commerce-investment-promotion-bureau", "dongchangfu-development-reform-bureau"]),
    ("27", 107, 111, ["dongchangfu-development-reform-bureau"]),
    ("35", 131, 133, ["dongchangfu-natural-resources-planning-branch", "dongchangfu-industry-information-technology-bureau",
                      "dongchangfu-jiaming-edz-committee"]),
])
def test_brackets_broken_across_page_breaks(corpus, label, line_start, line_end, lead_units):
    records = records_of(corpus, "dongchangfu-2024-task-plan")
    c = commitment(records, label)
    assert (c["line_start"], c["line_end"]) == (line_start, line_end)
    assert "牵头" not in c["text_zh"] and not c["text_zh"].endswith(("〔", "]"))
    assert [uid for role, _, uid in parties(records, label) if role == "lead_unit"] == lead_units


def test_unit_name_cut_by_a_page_break_is_joined(corpus):
    assert ("lead_unit", "区商务和投资促进局", "dongchangfu-commerce-investment-promotion-bureau") in parties(
        records_of(corpus, "dongchangfu-2024-task-plan"), "24")


def test_two_spellings_of_one_department_are_one_unit(corpus):
    records = records_of(corpus, "dongchangfu-2024-task-plan")
    spellings = {raw: uid for a in records["assignments"] for raw, uid in [(a["raw"], a["unit_id"])]
                 if raw in ("区发展和改革局", "区发展和改革委员会")}
    assert set(spellings) == {"区发展和改革局", "区发展和改革委员会"}
    assert len(set(spellings.values())) == 1


@pytest.mark.parametrize("label", ["100", "101", "102", "103"])
def test_task_number_without_space_after_the_dot(corpus, label):
    c = commitment(records_of(corpus, "dongchangfu-2024-task-plan"), label)
    assert not c["text_zh"][0].isdigit() and not c["text_zh"].startswith(".")


def test_headings_at_random_markdown_levels_get_clean_titles(corpus):
    sections = {s["section_id"]: s for s in records_of(corpus, "dongchangfu-2024-task-plan")["sections"]}
    s4 = sections["dongchangfu-2024-task-plan-s4"]
    assert (s4["level"], s4["label"], s4["title_zh"]) == (1, "四", "聚焦扩大投资、要素保障，在重大项目建设上凝心聚力求突破")
    s4_1 = sections["dongchangfu-2024-task-plan-s4-1"]
    assert (s4_1["level"], s4_1["label"], s4_1["title_zh"], s4_1["parent_id"]) == (
        2, "（一）", "持续扩大有效投资", s4["section_id"])
    # `## （二）加快现代文旅深度融合` is printed at section level but is a subsection of 三.
    assert sections["dongchangfu-2024-task-plan-s3-2"]["title_zh"] == "加快现代文旅深度融合"


def test_livelihood_projects_of_the_district(corpus):
    records = records_of(corpus, "dongchangfu-2024-task-plan")
    livelihood = [c["label"] for c in records["commitments"] if c["kind"] == "livelihood_project"]
    assert livelihood == [str(n) for n in range(111, 121)]


@pytest.mark.parametrize("document_id, kinds", [
    ("liaocheng-2023-task-plan", {"expected_target": 7, "task": 119, "livelihood_project": 14,
                                  "policy": 36, "action_plan": 4}),
    ("dongchangfu-2024-task-plan", {"expected_target": 5, "task": 105, "livelihood_project": 10}),
])
def test_kind_counts(corpus, document_id, kinds):
    counts: dict[str, int] = {}
    for c in records_of(corpus, document_id)["commitments"]:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    assert counts == kinds


# Warnings for broken numbering, on excerpts of the real plan.
def plan_lines(first: int, last: int) -> list[str]:
    from tests.conftest import REPO
    return (REPO / PLANS["liaocheng-2023-task-plan"]).read_text(encoding="utf-8").split("\n")[first - 1:last]


def test_repeated_and_missing_numbers_are_warned_with_their_line():
    lines = plan_lines(18, 22)  # 一、主要预期目标 and tasks 1–4
    lines[3] = lines[3].replace("3.", "2.", 1)  # line 21: task 3 printed as a second 2
    lines[4] = lines[4].replace("4.", "5.", 1)  # line 22: task 4 printed as 5
    parsed = parse_task_plan("doc", "plan.txt", lines, 18)
    assert [str(w) for w in parsed.warnings] == [
        "plan.txt:21: task 2 is numbered like an earlier one; its id is doc-2-r2"
        " (check the numbering against the original)",
        "plan.txt:22: task 5 follows task 2: numbers 3–4 are missing (a page break or the "
        "extraction may have dropped it: compare with the original)",
    ]
    assert [c.label for c in parsed.commitments] == ["1", "2", "2", "5"]


MUTATIONS = st.lists(st.tuples(st.sampled_from(["delete", "insert", "cut", "blank"]),
                               st.integers(0, 10**6), st.sampled_from(list("（）〔〕[]、；：\n 1.一")))
                     , max_size=8)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MUTATIONS, st.integers(0, 2**32))
def test_parser_survives_mutated_plans(mutations, seed):
    # An inserted line break stays inside its line: the parser must cope with that too.
    lines = mutate_lines(plan_lines(15, 60), mutations, seed, width=1, split=False)
    parsed = parse_task_plan("doc", "plan.txt", lines, 15)
    for c in parsed.commitments:
        assert 15 <= c.line_start <= c.line_end < 15 + len(lines)
        assert re.fullmatch(r"[0-9]+(\([0-9]+\))?", c.label)
    for w in parsed.warnings:
        assert w.path == "plan.txt" and 15 <= w.line < 15 + len(lines) and "\n" not in w.message


def test_counts_stated_by_the_covering_notice(corpus):
    """The notice (line 8) says: 158 tasks, 47 lead units (明确了牵头领导和47个牵头单位)."""
    notice = (corpus.root / PLANS["liaocheng-2023-task-plan"]).read_text(encoding="utf-8").split("\n")[7]
    assert "细化分解为158项" in notice and "47个牵头单位" in notice
    records = records_of(corpus, "liaocheng-2023-task-plan")
    assert sum(c["parent_id"] is None for c in records["commitments"]) == 158
    assert len({a["unit_id"] for a in records["assignments"] if a["role"] == "lead_unit"}) == 47
