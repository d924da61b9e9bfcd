"""Detection on the heads of real files from other places (excerpts of shared/corpus):
the title, year and place come from the report, never from a crawler or a page's frame."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from chengnuo.cli import main
from chengnuo.errors import ChengnuoError
from chengnuo.ingest.detect import detect
from chengnuo.ingest.inspect import resolve_jurisdiction
from chengnuo.ingest.detect import Places

BODY = "各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，全省生产总值增长5%。\n"


@pytest.mark.parametrize("head, title, year, place", [
    # a site's frame before the title (anhui 2026)
    ("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年安徽省政府工作报告\n"
     "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上\n来源：安徽日报\n时间：2026-02-11\n"
     "省人民政府省长 王清宪\n",
     "2026年安徽省政府工作报告——2026年2月5日在安徽省第十四届人民代表大会第四次会议上", 2026, "anhui"),
    # a crawler's header, then a subtitle with another dash (baoding 2021)
    ("标题：2021年保定市政府工作报告\n发文单位：保定市人民政府\n发文时间：未知\n"
     "来源URL：http://district.ce.cn/x.shtml\n\n正文：\n\n――2021年1月31日在保定市第十五届人民代表大会第六次会议上\n"
     "保定市人民政府市长 郭建英\n",
     "2021年保定市政府工作报告", 2021, "baoding"),
    # the title spaced out, the subtitle without its dash (gaoyang 2018)
    ("标题：高阳县2018年政府工作报告\n发文单位：高阳县人民政府\n来源URL：https://gaoyang.gov.cn/x\n\n正文：\n\n"
     "政 府 工 作 报 告\n2018年1月31日在高阳县第十七届人民代表大会第二次会议上\n高阳县人民政府县长 闫向阳\n",
     "政府工作报告——2018年1月31日在高阳县第十七届人民代表大会第二次会议上", 2018, "gaoyang"),
    # a file named 2018 that is the report delivered in January 2019 (hebei 2018)
    ("标题：2018年河北省政府工作报告\n发文单位：河北省人民政府\n来源URL：http://www.hebei.gov.cn/x\n\n正文：\n\n"
     "二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n河北省人民政府省长许勤\n"
     "许勤作政府工作报告。记者孟宇光摄\n",
     "2018年河北省政府工作报告", 2019, "hebei"),
    # a share button and a breadcrumb (shaanxi 2026)
    ("分享:\n陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n"
     "首页\n>\n政府信息公开\n",
     "陕西省2026年政府工作报告——2026年1月27日在陕西省第十四届人民代表大会第四次会议上", 2026, "shaanxi"),
    # no date at all: one more than the year the review looks back on (hebei 2017)
    ("标题：政府工作报告——在河北省第十二届人民代表大会第五次会议上\n发文单位：河北省人民政府\n"
     "来源URL：http://swj.hebei.gov.cn/x\n\n正文：\n\n",
     "政府工作报告——在河北省第十二届人民代表大会第五次会议上", None, "hebei"),
])
def test_the_head_of_a_collected_file(head, title, year, place):
    lines = (head + BODY).splitlines()
    found = detect(lines)
    assert (found.main.kind, found.main.title_zh, found.main.jurisdiction_id) == (
        "work_report", title, place)
    assert found.main.year == (year or 2026)  # 一、2025年工作回顾 → 2026


def test_a_name_of_two_places_is_told_apart_by_its_parent():
    lines = ["2024年长春市朝阳区政府工作报告", *BODY.splitlines()]
    assert detect(lines).main.jurisdiction_id == "chaoyang-changchun"


def test_a_name_of_two_places_alone_is_ambiguous():
    found = detect(["2024年朝阳区政府工作报告", *BODY.splitlines()])
    assert found.main.jurisdiction_id is None
    assert {p.jurisdiction_id for p in found.ambiguous[0].places} == {"chaoyang-beijing",
                                                                      "chaoyang-changchun"}


@pytest.mark.parametrize("title, kind", [
    ("2024年政府工作报告重点工作任务分工方案", "task_plan"),
    ("关于2024年省政府工作报告主要目标任务责任分解的通知", "task_plan"),
    ("2023年县政府工作报告重点工作任务分解表", "task_plan"),
    ("关于落实2024年政府工作报告重点工作任务分工的意见", "task_plan"),
    ("2024年区政府工作报告重点工作责任分解方案", "task_plan"),
    ("2026年湖北省政府工作报告", "work_report"),
])
def test_the_kind_from_titles_seen_in_the_wild(title, kind):
    assert detect([title, "1.推进重点工作。（牵头单位：省发展改革委）"]).main.kind == kind


@pytest.mark.parametrize("given, expected", [
    ("liaocheng", "liaocheng"), ("聊城市", "liaocheng"), ("371500", "liaocheng"),
    ("保定市", "baoding"), ("130600", "baoding"), ("高阳县", "gaoyang"),
    ("聊城经济技术开发区", "liaocheng-etdz"),  # a local addition of the project
])
def test_jurisdiction_by_id_name_or_adcode(given, expected):
    assert resolve_jurisdiction(given, Places()) == expected


@pytest.mark.parametrize("given, listed", [
    ("朝阳区", "chaoyang-beijing"), ("星海市", "no province, prefecture or county"),
])
def test_an_ambiguous_or_unknown_jurisdiction_lists_the_candidates(given, listed):
    with pytest.raises(ChengnuoError, match=listed):
        resolve_jurisdiction(given, Places())


def test_inspect_with_a_jurisdiction_given_as_an_adcode(tmp_path):
    file = tmp_path / "report.txt"
    file.write_text("政府工作报告\n" + BODY.replace("全省", "全县") + "二、2026年工作安排\n"
                    "主要预期目标是：全县生产总值增长6%左右，城乡居民收入增长6%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", "--json", "--jurisdiction", "130628", str(file)])
    assert result.exit_code == 0, result.output
    assert '"adcode": "130628"' in result.stdout and '"name_zh": "高阳县"' in result.stdout


def test_a_gazettes_table_of_contents_is_not_the_title():
    """The Liaocheng gazette lists ◎ 政府工作报告 in its 目录; the report starts at line 59."""
    from tests.conftest import REPO
    lines = (REPO / "reports" / "liaocheng-gazette-2022-02.txt").read_text(encoding="utf-8").splitlines()
    main = detect(lines).main
    assert (main.title_zh, main.line_start, main.year, main.jurisdiction_id) == (
        "政府工作报告——2022年2月24日在聊城市第十八届人民代表大会第一次会议上", 59, 2022, "liaocheng")


def test_a_newspaper_print_that_starts_mid_way_has_the_year_of_its_lists():
    """(上接4版)…: no subtitle, no review heading; 2023年重点民生事项清单 gives the year."""
    from tests.conftest import REPO
    path = REPO / "reports" / "liaocheng-2023-work-report-newspaper.txt"
    main = detect(path.read_text(encoding="utf-8").splitlines()).main
    assert (main.title_zh, main.year, main.jurisdiction_id) == ("政府工作报告", 2023, "liaocheng")
