"""Cleaning extracted text: exact cases from the corpus, and properties for any text."""

import re

import pytest
from hypothesis import given, strategies as st

from chengnuo.records.textclean import clean_inline, strip_markup


@pytest.mark.parametrize("raw, expected", [
    # dongchangfu-2024-task-plan.md: PDF extraction puts spaces around numbers.
    ("地区生产总值增长 5.5% 以上。", "地区生产总值增长5.5%以上。"),
    ("推进工业园区、重点企业 5G 网络全覆盖", "推进工业园区、重点企业5G网络全覆盖"),
    ("# 2024 年区政府工作报告重点工作 任务责任分工方案", "# 2024年区政府工作报告重点工作任务责任分工方案"),
    # liaocheng-2024-work-report.txt: an English word inside Chinese keeps its own spaces.
    ("**千方百计促消费。**", "千方百计促消费。"),
    ("Latin  words stay apart", "Latin words stay apart"),
])
def test_clean_inline(raw, expected):
    assert clean_inline(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("#### **四、聚焦扩大投资、要素保障，在重大项目建设上凝心聚力求突破**",
     "四、聚焦扩大投资、要素保障，在重大项目建设上凝心聚力求突破"),
    ("##### **（一）持续扩大有效投资**", "（一）持续扩大有效投资"),
    ("[bookmark: _GoBack]各县（市、区）人民政府，市属开发区管委会，", "各县（市、区）人民政府，市属开发区管委会，"),
    ("\u3000\u3000一、主要预期目标", "一、主要预期目标"),
    (" \u3000\u300068.支持东昌府区", "68.支持东昌府区"),
])
def test_strip_markup(raw, expected):
    assert strip_markup(raw) == expected


_CJK_NEIGHBOUR_SPACE = re.compile(r"\s(?=[\u4e00-\u9fff，。、；：（）])|(?<=[\u4e00-\u9fff，。、；：（）])\s")


@given(st.text())
def test_clean_inline_is_idempotent_and_leaves_no_space_beside_chinese(text):
    once = clean_inline(text)
    assert clean_inline(once) == once
    assert not _CJK_NEIGHBOUR_SPACE.search(once)
    assert once == once.strip()


@given(st.text(alphabet=st.characters(categories=["Lo", "Nd", "Po", "Ps", "Pe", "Zs"],
                                      exclude_characters="*[")))
def test_clean_inline_keeps_every_character_but_spaces(text):
    assert [ch for ch in clean_inline(text) if not ch.isspace()] == [ch for ch in text if not ch.isspace()]


