"""Quantities: exact readings of real excerpts, what is not a quantity, and round trips."""

from decimal import Decimal

import pytest
from hypothesis import assume, given, strategies as st

from chengnuo.quantities import (COUNT_UNITS, DIRECTIONS, METRICS, MODIFIERS, find_quantities,
                                 format_quantity)
from chengnuo.zh.numerals import format_numeral, split_unit


def reading(text):
    return [(q.span, str(q.value), None if q.value_max is None else str(q.value_max), q.unit,
             q.modifier, q.metric, q.indicator_zh) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # liaocheng-2023-task-plan.txt:19
    ("1.地区生产总值增长5.5%以上。",
     [("5.5%以上", "5.5", None, "%", "at_least", "growth_rate", "地区生产总值")]),
    # liaocheng-2023-task-plan.txt:21: three targets in one task, the CPI a ceiling
    ("3.固定资产投资增长10%以上，居民人均可支配收入增长6%以上，居民消费价格涨幅控制在3%以内。",
     [("10%以上", "10", None, "%", "at_least", "growth_rate", "固定资产投资"),
      ("6%以上", "6", None, "%", "at_least", "growth_rate", "居民人均可支配收入"),
      ("控制在3%以内", "3", None, "%", "at_most", "growth_rate", "居民消费价格涨幅")]),
    # liaocheng-2024-work-report.txt:75: PDF spaces; 控制在 … 左右 is still a ceiling
    ("居民消费价格涨幅控制在 3% 左右，粮食产量稳定在 110 亿斤以上，",
     [("控制在 3% 左右", "3", None, "%", "at_most", "growth_rate", "居民消费价格涨幅"),
      ("110 亿斤以上", "110", None, "亿斤", "at_least", "level", "粮食产量")]),
    # liaocheng-2024-work-report.txt:19: the growth rate takes the indicator of the figure before
    ("预计全市生产总值超过2900亿元、增长6%，高于预期目标；",
     [("超过2900亿元", "2900", None, "亿元", "at_least", "level", "生产总值"),
      ("6%", "6", None, "%", "exact", "growth_rate", "生产总值")]),
    # liaocheng-2023-task-plan.txt:52: a magnitude with a decimal
    ("引进省级以上高层次人才15人、海外人才100人、高校毕业生3万人。大力培育“水城工匠”，新增技能人才1.2万人以上。",
     [("15人", "15", None, "人", "exact", "count", "引进省级以上高层次人才"),
      ("100人", "100", None, "人", "exact", "count", "海外人才"),
      ("3万人", "3", None, "万人", "exact", "count", "高校毕业生"),
      ("1.2万人以上", "1.2", None, "万人", "at_least", "count", "新增技能人才")]),
    # liaocheng-2023-task-plan.txt:213: a range with an em dash
    ("力争3年内新增国际友城10—15个。",
     [("10—15个", "10", "15", "个", "exact", "count", "新增国际友城")]),
    # liaocheng-2023-task-plan.txt:64: a product
    ("推动祥光2×66万千瓦热电联产项目复工。",
     [("2×66万千瓦", "132", None, "万千瓦", "exact", "level", "推动祥光热电联产项目复工")]),
    # liaocheng-2024-work-report.txt:31+33 joined: 余/多 mean more than the figure
    ("1000 多个省市县重点项目完成投资 1050 亿元，发行专项债券 157.2 亿元，",
     [("1000 多个", "1000", None, "个", "exceed", "count", "省市县重点项目完成投资"),
      ("1050 亿元", "1050", None, "亿元", "exact", "level", "省市县重点项目完成投资"),
      ("157.2 亿元", "157.2", None, "亿元", "exact", "level", "发行专项债券")]),
    # liaocheng-2024-work-report.txt:45: Chinese numerals with a magnitude, 超 and 突破
    ("规上农产品加工业营收突破千亿。粮食总产预计超 116 亿斤，",
     [("突破千亿", "1000", None, "亿", "exceed", "level", "规上农产品加工业营收"),
      ("超 116 亿斤", "116", None, "亿斤", "exceed", "level", "粮食总产")]),
    # liaocheng-2024-work-report.txt:41: a Chinese digit before a strong unit
    ("乖宝、金帝两家企业成功登陆 A 股市场。",
     [("两家", "2", None, "家", "exact", "count", "金帝企业成功登陆A股市场")]),
    # liaocheng-2024-work-report.txt:25 and :45: shares and percentage points
    ("民生支出占比达到 77%，农村人均可支配收入增幅高于城镇 2 个百分点。",
     [("77%", "77", None, "%", "exact", "share", "民生支出占比"),
      ("2 个百分点", "2", None, "百分点", "exact", "growth_rate", "农村人均可支配收入增幅高于城镇")]),
    # liaocheng-2024-work-report.txt:119: ranges with a hyphen, 过 as “more than”
    ("每个县（市、区）力争引进 1-2 个过 50 亿元项目",
     [("1-2 个", "1", "2", "个", "exact", "count", "引进"),
      ("过 50 亿元", "50", None, "亿元", "exceed", "level", "项目")]),
    # liaocheng-gazette-2022-02.txt:289: 约 before the figure, full-width digits
    ("每年分别安排乡村公益性岗位约２.４万个、城镇公益性岗位约0.36万个",
     [("约２.４万个", "2.4", None, "万个", "about", "count", "安排乡村公益性岗位"),
      ("约0.36万个", "0.36", None, "万个", "about", "count", "城镇公益性岗位")]),
    # a range of percentages and a thousands separator
    ("规上工业增加值增速保持在6%-6.5%，完成投资1,050亿元",
     [("6%-6.5%", "6", "6.5", "%", "exact", "growth_rate", "规上工业增加值"),
      ("1,050亿元", "1050", None, "亿元", "exact", "level", "完成投资")]),
    # liaocheng-2024-work-report.txt:224: 提高到 reaches a share, it is not a growth rate
    ("住院报销比例由70%提高到75%", [("70%", "70", None, "%", "exact", "share", "住院报销比例"),
                                   ("75%", "75", None, "%", "exact", "share", "住院报销比例")]),
    # liaocheng-2024-work-report.txt:175: a ceiling on days
    ("重污染天气控制在6天以内。", [("控制在6天以内", "6", None, "天", "at_most", "level", "重污染天气")]),
])
def test_real_excerpts(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize("text", [
    "2023年是全面贯彻党的二十大精神开局之年",          # years and ordinals
    "聊政办字〔2022〕4号",                              # a document number
    "实施“369”项目攻坚机制，深入落实市委“6293”工作思路",  # numbered slogans
    "实施“十四五”规划，实现“二十一连丰”",
    "千方百计促消费，惠及千家万户",                     # idioms
    "构建“一张网”，提供“一条龙”服务，高效办成一件事",
    "牢牢把握市委“五个更加注重”工作要求",
    "PM2.5浓度下降，推进5G网络全覆盖",
    "千人口托位数居全省首位，每万人拥有",
    "2022-2025年累计引进，电话: 0635-8288953",
    "深刻汲取“5.1”事故教训，居全省第3位",
    "支持各县（市、区）打造百亿级产业集群",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_offsets_cut_the_span_out_of_the_text():
    text = "新增高新技术企业 200 余家、省级以上创新平台 25 家，"
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.span
    assert [q.span for q in find_quantities(text)] == ["200 余家", "25 家"]


def test_direction_is_read_at_each_figure_s_own_place():
    text = "单位能耗下降5%，工业产值增长5%"
    assert [(q.span, q.start, q.end, q.unit, q.base_unit, q.scale, q.metric, q.direction, q.indicator_zh)
            for q in find_quantities(text)] == [
        ("5%", 6, 8, "%", "%", 1, "growth_rate", "down", "单位能耗"),
        ("5%", 15, 17, "%", "%", 1, "growth_rate", "up", "工业产值")]


def test_the_third_2_wan_mu_of_dongchangfu_task_116_is_a_rise():
    # dongchangfu-2024-task-plan.md, task 116: the same span three times; only the third follows 提升.
    text = ("东昌府区2万亩高标准农田建设项目。建设规模2万亩，新修混凝土路15公里、桥15座、涵40座、"
            "渠道清淤20公里、渠道衬砌2公里、提水泵站40座、节水管道10000米、变压器6座、高低压线路8000米、"
            "白蜡8000株、喷灌200亩、虫情墒情监测系统1套，耕地质量提升2万亩。")
    mu = [q for q in find_quantities(text) if q.span == "2万亩"]
    assert [(q.start, q.base_unit, q.scale, q.direction) for q in mu] == [
        (4, "亩", 10000, "none"), (21, "亩", 10000, "none"), (131, "亩", 10000, "up")]
    assert all(text[q.start:q.end] == q.span for q in mu)


@pytest.mark.parametrize("text, direction", [
    ("地区生产总值增长5.5%以上", "up"), ("PM2.5浓度下降5%", "down"), ("居民消费价格涨幅控制在3%以内", "up"),
    ("提高到75%", "up"), ("压减至50家", "none"), ("削减煤炭消费10万吨", "down"), ("削减全市煤炭消费总量10万吨", "none"),
    ("新增就业4.5万人", "none"), ("增长，完成5%", "none"),
])
def test_direction(text, direction):
    [q] = find_quantities(text)
    assert q.direction == direction


def test_base_value_compares_magnitudes():
    [small, large] = find_quantities("完成棚改9323套，完成棚改1.2万套")
    assert (small.base_unit, large.base_unit) == ("套", "套")
    assert small.base_value < large.base_value == Decimal("12000.0")


_UNITS = ["%", "万人", "亿元", "亿斤", "公里", "万千瓦", "万平方米", "亩", "个", "家", "所", "处",
          "座", "条", "辆", "套", "户", "张", "场", "人次", "万个", "百分点", "千瓦"]
_VALUES = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2,
                      allow_nan=False, allow_infinity=False)


@given(value=_VALUES, unit=st.sampled_from(_UNITS), modifier=st.sampled_from(MODIFIERS),
       ranged=st.booleans(), lead=st.sampled_from(["新增农村公路", "", "，完成", "增长"]))
def test_format_then_find_round_trip(value, unit, modifier, ranged, lead):
    value_max = value + 1 if ranged else None
    written = format_quantity(value, unit, modifier, value_max)
    [q] = find_quantities(lead + written + "。")
    assert (q.value, q.value_max, q.unit, q.modifier, q.span) == (value, value_max, unit, modifier,
                                                                  written)
    assert q.metric in METRICS
    assert q.metric == "count" if q.base_unit in COUNT_UNITS else q.metric != "count"


@given(value=st.integers(min_value=2, max_value=10**8 - 1),
       unit=st.sampled_from(["家", "万人", "亿元", "公里"]), modifier=st.sampled_from(MODIFIERS))
def test_chinese_numerals_round_trip(value, unit, modifier):
    # A lone 十, 百 or 千 is read as part of a word (十大行动, 千企技改), never as a figure.
    assume(len(format_numeral(value)) > 1)
    written = format_quantity(value, unit, modifier, chinese=True)
    [q] = find_quantities("新增" + written + "。")
    assert (q.value, q.unit, q.modifier) == (value, unit, modifier)


@given(st.text(alphabet="0123456789.,%—-万亿个家人元以上左右超过突破约控制在 增长新增，。“”两三十百千", max_size=40))
def test_any_text_gives_well_formed_quantities(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.span and q.span == q.span.strip()
        assert q.modifier in MODIFIERS and q.metric in METRICS and q.direction in DIRECTIONS
        assert q.value > 0 and (q.value_max is None or q.value_max > q.value)


@given(st.text())
def test_any_unicode_text_is_read_without_error(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.span


@given(value=_VALUES, unit=st.sampled_from(_UNITS))
def test_split_unit_agrees_with_the_extractor(value, unit):
    [q] = find_quantities("新增" + format_quantity(value, unit) + "。")
    assert split_unit(q.unit) == (q.scale, q.base_unit)
