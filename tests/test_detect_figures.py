"""Figures as reports from other places write them: excerpts of the development corpus
(/work/shared/corpus), each rule checked on several real sentences."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chengnuo.cli import main
from chengnuo.ingest.inspect import figures_in


def figures(text: str) -> list[tuple]:
    return [(f["indicator_zh"], f["value"], f["unit"], f["modifier"], f["metric"])
            for f in figures_in(text)]


@pytest.mark.parametrize("text, expected", [
    # the issue's example, and the corpus' own
    ("城镇、农村居民人均可支配收入分别增长6%和7%",
     [("城镇居民人均可支配收入", "6", "%", "exact", "growth_rate"),
      ("农村居民人均可支配收入", "7", "%", "exact", "growth_rate")]),
    ("城镇、乡村居民人均可支配收入分别达到3.4万元、1.7万元",
     [("城镇居民人均可支配收入", "3.4", "万元", "exact", "level"),
      ("乡村居民人均可支配收入", "1.7", "万元", "exact", "level")]),
    ("装备制造业、高新技术产业增加值占规上工业的比重分别达到45.4%、47.8%",
     [("装备制造业", "45.4", "%", "exact", "share"),
      ("高新技术产业增加值占规上工业的比重", "47.8", "%", "exact", "share")]),
    # 城乡 names two places at once (gaoyang 2019)
    ("城乡居民人均可支配收入分别增长8.5%和10%",
     [("城镇居民人均可支配收入", "8.5", "%", "exact", "growth_rate"),
      ("农村居民人均可支配收入", "10", "%", "exact", "growth_rate")]),
    ("亩均税收、亩均投资强度分别提高55%和44%",
     [("亩均税收", "55", "%", "exact", "growth_rate"),
      ("亩均投资强度", "44", "%", "exact", "growth_rate")]),
])
def test_a_respectively_list_gives_one_indicator_per_figure(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("人口自然增长率控制在7.8‰以内", ("人口自然增长率", "7.8", "‰", "at_most", "level")),
    ("人口自然增长率6.5‰左右", ("人口自然增长率", "6.5", "‰", "about", "level")),
    ("实际利用外资1567万美元", ("实际利用外资", "1567", "万美元", "exact", "level")),
    ("空气质量优良天数比率96.1%，PM_2.5平均浓度25.9微克/立方米",
     ("空气质量优良天数比率", "96.1", "%", "exact", "share")),
    ("细颗粒物年平均浓度保持在20微克/立方米左右",
     ("细颗粒物年平均浓度", "20", "微克/立方米", "about", "level")),
    ("居民消费价格指数控制在103.5", ("居民消费价格指数", "103.5", "", "at_most", "level")),
    ("贫困人口减少60万", ("贫困人口", "60", "万人", "exact", "count")),
    ("农村贫困人口减少12.4万", ("农村贫困人口", "12.4", "万人", "exact", "count")),
])
def test_units_of_other_places(text, expected):
    assert figures(text)[0] == expected


def test_a_concentration_in_micrograms():
    assert figures("空气质量优良天数比率96.1%，PM_2.5平均浓度25.9微克/立方米")[1] == (
        "PM_2.5平均浓度", "25.9", "微克/立方米", "exact", "level")


@pytest.mark.parametrize("text, indicator", [
    ("地区生产总值比上年增长6%左右", "地区生产总值"),
    ("居民人均可支配收入实际增长6%", "居民人均可支配收入"),
    ("规模以上工业增加值比上年增长7%", "规模以上工业增加值"),
    ("年度目标完成率达到95%", "完成率"),
    ("粮食产量继续保持500亿斤以上", "粮食产量"),  # hubei 2026
])
def test_filler_words_are_never_the_indicator(text, indicator):
    assert figures(text)[0][0] == indicator


def test_figures_command_reads_an_argument_and_standard_input():
    runner = CliRunner()
    given = runner.invoke(main, ["figures", "--json", "贫困人口减少60万"])
    piped = runner.invoke(main, ["figures", "--json", "-"], input="贫困人口减少60万\n")
    assert given.exit_code == piped.exit_code == 0
    assert json.loads(given.stdout) == json.loads(piped.stdout) == [
        {"indicator_zh": "贫困人口", "value": "60", "value_max": None, "unit": "万人",
         "modifier": "exact", "metric": "count"}]
