"""The assignment bracket: every bracket shape and list defect found in the two plans."""

import pytest
from hypothesis import given, strategies as st

from chengnuo.records.brackets import find_assignment_bracket, split_names


@pytest.mark.parametrize("text, parties", [
    # liaocheng-2023-task-plan.txt task 1: （…）, three roles, a collective in 〔市、区〕.
    ("地区生产总值增长5.5%以上。（牵头领导：刘文强；牵头单位：市发展改革委；责任单位：与此项目标有关的"
     "市政府组成部门，各县〔市、区〕人民政府、市属开发区管委会）",
     [("lead_leader", "刘文强"), ("lead_unit", "市发展改革委"),
      ("responsible_unit", "与此项目标有关的市政府组成部门"),
      ("responsible_unit", "各县〔市、区〕人民政府"), ("responsible_unit", "市属开发区管委会")]),
    # task 132: a policy with its lead unit only.
    ("关于新能源产业高质量发展的意见（牵头单位：市发展改革委）", [("lead_unit", "市发展改革委")]),
    # task 117: a collective leader and `等与此项目标有关的…` after a unit.
    ("着力做好社会科学等工作。（牵头领导：市长及各位副市长；责任单位：市关工委等与此项目标有关的市政府组成部门）",
     [("lead_leader", "市长及各位副市长"), ("responsible_unit", "市关工委"),
      ("responsible_unit", "与此项目标有关的市政府组成部门")]),
    # task 79: `；` typed where `，` was meant continues the list.
    ("（牵头领导：张建军；牵头单位：市生态环境局；责任单位：市科技局；各县〔市、区〕人民政府）",
     [("lead_leader", "张建军"), ("lead_unit", "市生态环境局"),
      ("responsible_unit", "市科技局"), ("responsible_unit", "各县〔市、区〕人民政府")]),
    # dongchangfu task 24: 〔 closed by ], a unit cut by a page break (blank lines between).
    ("降低楼宇空置率。〔牵头领导：陈广友、张妍；牵头单位：区\n\n商务和投资促进局、区发展和改革委员会；"
     "责任单位：区政府各部门（单位），各镇政府（街道办事处）、开发区管委会]",
     [("lead_leader", "陈广友"), ("lead_leader", "张妍"), ("lead_unit", "区商务和投资促进局"),
      ("lead_unit", "区发展和改革委员会"), ("responsible_unit", "区政府各部门（单位）"),
      ("responsible_unit", "各镇政府（街道办事处）"), ("responsible_unit", "开发区管委会")]),
    # dongchangfu task 117: a counted list of town governments.
    ("〔牵头领导：胡瑞恒；牵头单位：区农业农村局；责任单位：侯营、广平、沙镇、梁水镇、道口铺等5个镇政府（街道办事处）〕",
     [("lead_leader", "胡瑞恒"), ("lead_unit", "区农业农村局"), ("responsible_unit", "侯营"),
      ("responsible_unit", "广平"), ("responsible_unit", "沙镇"), ("responsible_unit", "梁水镇"),
      ("responsible_unit", "道口铺")]),
    # dongchangfu task 90: a stray `)` before the closer.
    ("〔牵头领导：赵亚秋；牵头单位：区卫生健康局；责任单位：区人民医院)〕",
     [("lead_leader", "赵亚秋"), ("lead_unit", "区卫生健康局"), ("responsible_unit", "区人民医院")]),
    # dongchangfu task 28: the closer typed twice.
    ("〔牵头单位：区发展和改革局；责任单位：各镇政府(街道办事处)、开发区管委会] ]",
     [("lead_unit", "区发展和改革局"), ("responsible_unit", "各镇政府(街道办事处)"),
      ("responsible_unit", "开发区管委会")]),
    # half-width brackets and colon, and 配合单位 as a synonym of 责任单位.
    ("(牵头单位:市财政局;配合单位:市税务局,市审计局)",
     [("lead_unit", "市财政局"), ("responsible_unit", "市税务局"), ("responsible_unit", "市审计局")]),
])
def test_bracket_parties(text, parties):
    bracket = find_assignment_bracket(text)
    assert bracket is not None and bracket.closed and not bracket.problems
    assert list(bracket.parties) == parties


def test_text_before_the_bracket_is_the_commitment():
    text = "新增省级质量品牌企业15家。（牵头领导：张建军；牵头单位：市市场监管局）"
    assert text[:find_assignment_bracket(text).start] == "新增省级质量品牌企业15家。"


def test_unclosed_bracket_is_a_problem_not_a_crash():
    bracket = find_assignment_bracket("任务。（牵头领导：刘文强；牵头单位：市财政局")
    assert not bracket.closed
    assert bracket.problems == ("the assignment bracket is not closed",)
    assert list(bracket.parties) == [("lead_leader", "刘文强"), ("lead_unit", "市财政局")]


def test_no_bracket():
    assert find_assignment_bracket("各类约束性指标全面完成省定目标。") is None


def test_split_names_respects_nested_brackets_and_quotes():
    assert split_names("各县〔市、区〕人民政府、区政府各部门（单位）、“一、二”小组，甲") == [
        "各县〔市、区〕人民政府", "区政府各部门（单位）", "“一、二”小组", "甲"]


@given(st.text())
def test_any_text_gives_a_bracket_or_none(text):
    bracket = find_assignment_bracket(text)
    if bracket is not None:
        assert 0 <= bracket.start < len(text)
        assert all(role in ("lead_leader", "lead_unit", "responsible_unit") for role, _ in bracket.parties)
        assert all(name and not any(ch.isspace() for ch in name) for _, name in bracket.parties)
