"""Work reports as other places print them: each rule on several real excerpts of
shared/corpus (shortened), never tuned to one document."""

from __future__ import annotations

import pytest

from chengnuo.records.work_report import parse_work_report
from chengnuo.targets.results import review_periods
from chengnuo.records.stage import parse_document  # noqa: F401  (the shape inspect reads)


def parsed(text: str):
    return parse_work_report("x-2026-work-report", "x.txt", text.splitlines(), 1)


def records(text: str) -> dict:
    report = parsed(text)
    return {"sections": [{"section_id": s.section_id, "parent_id": s.parent_id, "title_zh": s.title_zh}
                         for s in report.sections],
            "paragraphs": [{"paragraph_id": p.paragraph_id, "section_id": p.section_id,
                            "part_kind": p.part, "text_zh": p.text_zh} for p in report.paragraphs]}


OPENING = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"


@pytest.mark.parametrize("review, plan", [
    ("2022年政府工作回顾", "2023年主要工作"),                      # baoding 2023 (a digest)
    ("“十四五”时期经济社会发展回顾", "“十五五”时期主要目标任务"),  # baoding 2026
    ("“十四五”时期发展成就和2025年工作回顾", "“十五五”时期主要目标和2026年重点工作"),  # neimenggu
])
def test_part_headings_without_numbers(review, plan):
    report = parsed(OPENING + review + "\n过去一年，生产总值增长6%。\n" + plan
                    + "\n主要预期目标是：生产总值增长6%左右。\n")
    assert [(s.level, s.title_zh, s.kind) for s in report.sections if s.level == 1] == [
        (1, review, "review"), (1, plan, "plan")]
    assert [p.part for p in report.paragraphs][-2:] == ["review", "plan"]


@pytest.mark.parametrize("heading", [
    "一、“十一五”时期经济社会发展取得重大成就",      # hebei 2011
    "一、一年接着一年干，新福建建设持续取得新进展",  # fujian 2026
    "一、过去五年工作回顾",                          # hebei 2023
])
def test_a_review_part_titled_by_what_was_achieved(heading):
    report = parsed(OPENING + heading + "\n过去一年，生产总值增长6%。\n")
    assert report.sections[0].kind == "review"


@pytest.mark.parametrize("intro, targets", [
    ("全市经济社会发展的主要目标是：生产总值增长8%以上，一般公共预算收入增长8%以上。",  # baoding 2022
     ["生产总值增长8%以上", "一般公共预算收入增长8%以上"]),
    ("经济社会发展的主要目标是：生产总值增长7%左右，地方一般公共预算收入增长7%。",  # hebei 2017
     ["生产总值增长7%左右", "地方一般公共预算收入增长7%"]),
    ("我们初步确定了今年全县经济社会发展主要预期目标：全县地区生产总值增长8%；规模以上工业增加值增长8.5%。",  # gaoyang 2019
     ["全县地区生产总值增长8%", "规模以上工业增加值增长8.5%"]),
    # the list runs over two sentences, then speaks about itself (hebei 2012)
    ("今年经济社会发展的主要预期目标是：全省生产总值增长9%左右。全部财政收入增长13.5%，"
     "其中地方一般预算收入增长14.5%。上述目标，是综合分析有利因素和不利因素确定的，增长9%左右。",
     ["全省生产总值增长9%左右", "全部财政收入增长13.5%", "其中地方一般预算收入增长14.5%"]),
])
def test_target_lists_as_they_are_introduced(intro, targets):
    report = parsed(OPENING + "二、2026年工作安排\n" + intro + "\n")
    assert [c.text_zh for c in report.commitments if c.kind == "expected_target"] == targets


def test_the_years_list_wins_over_the_terms_goals_in_words():
    """hebei 2026 and guangdong 2026: “十五五” goals first, then the year's 预期目标."""
    report = parsed(OPENING + "二、“十五五”时期的主要目标任务\n"
                    "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，高质量发展取得显著成效。\n"
                    "三、2026年工作安排\n主要预期目标是：地区生产总值增长5%以上，一般公共预算收入增长2%左右。\n")
    assert [c.text_zh for c in report.commitments if c.kind == "expected_target"] == [
        "地区生产总值增长5%以上", "一般公共预算收入增长2%左右"]


@pytest.mark.parametrize("glossary", [
    "附件2\n名词解释\n1.“四上”企业：\n现阶段统计工作实践中对达到一定规模的法人单位的统称。\n",  # guangdong
    "名词解释\n[1]“三步走”战略目标：第一步，到2025年，突出“新颜值”。\n",                   # baoding 2022
    "附件\n《政府工作报告》有关内容名词注释\n1.“2030启航计划”：面向2030年及长远发展。\n",      # jiangxi
])
def test_a_glossary_is_an_attachment_not_commitments(glossary):
    report = parsed(OPENING + "二、2026年工作安排\n主要预期目标是：生产总值增长6%左右。\n" + glossary)
    assert [c.kind for c in report.commitments] == ["expected_target"]
    assert report.sections[-1].level == 1 and "名词" in report.sections[-1].title_zh
    assert not report.warnings


def test_an_attachment_numbered_like_parts_is_a_list():
    """guangdong 2026: 附件1 2026年省十件民生实事, items 一、… each with a paragraph of figures."""
    report = parsed(OPENING + "二、2026年工作安排\n主要预期目标是：生产总值增长6%左右。\n附件1\n"
                    "2026年省十件民生实事\n一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴标准。\n"
                    "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上。\n"
                    "二、加快建立长期护理保险制度和提升养老服务供给水平。\n")
    assert [(c.kind, c.label, c.text_zh) for c in report.commitments][1:] == [
        ("livelihood_project", "1", "提高低保、特困人员、孤儿基本生活与残疾人两项补贴标准。"
         "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上"),
        ("livelihood_project", "2", "加快建立长期护理保险制度和提升养老服务供给水平")]


@pytest.mark.parametrize("review, periods", [
    # a part titled by the term (hebei 2023)
    ("一、过去五年工作回顾\n过去的五年，全省生产总值年均增长5.5%。\n（一）经济实力跃上新台阶。生产总值突破4万亿元。\n",
     ["five_years", "five_years"]),
    # ——这五年 paragraphs of a digest (baoding 2026)
    ("“十四五”时期经济社会发展回顾\n这五年，我们全力推动高质量发展，经济实力迈上新台阶。\n"
     "这五年，我们坚持创新驱动，研发投入强度提高到2.5%。\n", ["five_years", "five_years"]),
    # a year's review, then the term's opener and what follows it (anhui 2026)
    ("一、2025年工作和“十四五”发展回顾\n过去一年，生产总值增长5.5%。\n五年来，我们坚持稳中求进。\n"
     "全省生产总值连跨两个万亿元台阶。\n", ["year", "five_years", "five_years"]),
    # ——这五年 paragraphs, then the last year (neimenggu 2026)
    ("“十四五”时期发展成就和2025年工作回顾\n“十四五”时期内蒙古发展历程极不平凡。\n"
     "——这五年综合经济实力大幅提升。地区生产总值迈上2.6万亿元台阶。\n"
     "刚刚过去的2025年，全区生产总值增长5.3%。\n", ["five_years", "five_years", "year"]),
])
def test_five_year_reviews(review, periods):
    record = records(OPENING + review)
    found = review_periods(record)
    assert [found[p["paragraph_id"]] for p in record["paragraphs"] if p["part_kind"] == "review"] \
        == periods


@pytest.mark.parametrize("intro, first", [
    ("主要预期目标是：地区生产总值增长4.5%，在实际工作中努力争取更好结果；一般公共预算收入增长2%。",  # tianjin
     "地区生产总值增长4.5%，在实际工作中努力争取更好结果"),
    ("主要预期目标是：经济增长5.5%左右，在实际工作中努力争取更好结果；城镇调查失业率5.5%左右。",  # hubei
     "经济增长5.5%左右，在实际工作中努力争取更好结果"),
])
def test_a_proviso_stays_with_its_target(intro, first):
    report = parsed(OPENING + "二、2026年工作安排\n" + intro + "\n")
    targets = [c.text_zh for c in report.commitments if c.kind == "expected_target"]
    assert targets[0] == first and len(targets) == 2


def test_numbered_chapters_under_an_unnumbered_part_keep_its_kind():
    """neimenggu 2026: “十五五”时期主要目标和2026年重点工作, then 一、把铸牢… 二、深化落实…"""
    report = parsed(OPENING + "“十四五”时期发展成就和2025年工作回顾\n过去一年，生产总值增长5%。\n"
                    "“十五五”时期主要目标和2026年重点工作\n主要预期目标是：地区生产总值增长5%左右。\n"
                    "一、把铸牢中华民族共同体意识作为民族地区各项工作的主线\n新建学校20所。\n"
                    "二、深化落实习近平总书记和党中央赋予的五大任务\n新增装机1000万千瓦。\n")
    assert [(s.section_id[-2:], s.label, s.kind) for s in report.sections if s.level == 1] == [
        ("h1", None, "review"), ("h2", None, "plan"), ("s1", "一", "plan"), ("s2", "二", "plan")]
    assert not report.warnings
    assert [c.kind for c in report.commitments] == ["expected_target", "statement", "statement"]
