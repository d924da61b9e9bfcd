"""The work-report parser on the three real reports: golden files, counts, and the defects
the reports README lists, each checked on the real excerpt that shows it."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from chengnuo.records.report_lists import split_indicators, verbatim
from chengnuo.records.report_text import clean_text, ends_sentence, is_page_furniture
from chengnuo.records.work_report import parse_work_report
from chengnuo.zh.text import sentences

REPORTS = {
    "liaocheng-2024-work-report": ("reports/liaocheng-2024-work-report.txt", 3, 314),
    "liaocheng-2023-work-report": ("reports/liaocheng-2023-work-report-newspaper.txt", 3, 188),
    "liaocheng-2022-work-report": ("reports/liaocheng-gazette-2022-02.txt", 59, 275),
}


def records_of(corpus, document_id: str) -> dict:
    return json.loads((corpus.stage_dir("records") / f"{document_id}.json").read_text(encoding="utf-8"))


def render(records: dict) -> str:
    """A report's records as text that reads well in a diff: the golden file format."""
    doc = records["document_id"]
    short = lambda i: i[len(doc) + 1:] if i and i.startswith(doc + "-") else i  # noqa: E731
    kinds = Counter(c["kind"] for c in records["commitments"])
    out = [f"# {doc}: {len(records['sections'])} sections, {len(records['paragraphs'])} paragraphs, "
           f"{len(records['commitments'])} commitments "
           f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
           f"{len(records['assignments'])} assignments", "", "## sections"]
    for s in records["sections"]:
        out.append(f"{'  ' * (s['level'] - 1)}{short(s['section_id'])}  {s['label'] or '-'}  "
                   f"L{s['line']}  {s['title_zh']}")
    out += ["", "## paragraphs"]
    for p in records["paragraphs"]:
        out.append(f"{short(p['paragraph_id'])}  [{p['part_kind']}]  "
                   f"section={short(p['section_id'])}  L{p['line_start']}-{p['line_end']}")
        out.append(f"    {p['text_zh']}")
    out += ["", "## commitments"]
    by_commitment: dict[str, list[dict]] = {}
    for a in records["assignments"]:
        by_commitment.setdefault(a["commitment_id"], []).append(a)
    for c in records["commitments"]:
        out.append(f"{c['seq']}. {c['label']}  [{c['kind']}]  section={short(c['section_id'])}  "
                   f"L{c['line_start']}-{c['line_end']}  id={short(c['commitment_id'])}")
        out.append(f"    {c['text_zh']}")
        for a in by_commitment.get(c["commitment_id"], []):
            out.append(f"    {a['role']} {a['position']}: {a['raw']} = unit {a['unit_id']}")
    out += ["", "## warnings"] + [f"{w['path']}:{w['line']}: {w['message']}" for w in records["warnings"]]
    return "\n".join(out) + "\n"


def parse_excerpt(lines: list[str], first_line: int = 1, document_id: str = "doc"):
    return parse_work_report(document_id, "reports/x.txt", lines, first_line)


@pytest.mark.parametrize("document_id", REPORTS)
def test_golden_records(corpus, golden, document_id):
    golden(f"records/{document_id}.txt", render(records_of(corpus, document_id)))


@pytest.mark.parametrize("document_id, parts, sections, paragraphs, kinds", [
    ("liaocheng-2024-work-report", {"other": 5, "review": 31, "plan": 46, "self_building": 7,
                                    "attachment": 54}, 73, 143,
     {"expected_target": 10, "livelihood_project": 30, "policy": 24, "statement": 42}),
    # The newspaper starts inside part 三 and prints no expected targets.
    ("liaocheng-2023-work-report", {"other": 2, "plan": 34, "self_building": 7,
                                    "attachment": 76}, 35, 119,
     {"livelihood_project": 29, "policy": 31, "action_plan": 16, "statement": 23}),
    ("liaocheng-2022-work-report", {"other": 8, "review": 19, "plan": 51, "self_building": 3},
     53, 81, {"expected_target": 8, "livelihood_project": 30, "statement": 42}),
])
def test_counts_per_report(corpus, document_id, parts, sections, paragraphs, kinds):
    records = records_of(corpus, document_id)
    assert Counter(p["part_kind"] for p in records["paragraphs"]) == parts
    assert len(records["sections"]) == sections
    assert len(records["paragraphs"]) == paragraphs
    assert Counter(c["kind"] for c in records["commitments"]) == kinds


@pytest.mark.parametrize("document_id", REPORTS)
def test_paragraph_source_text_is_verbatim_and_cleans_to_text_zh(corpus, document_id):
    path, first, last = REPORTS[document_id]
    lines = (corpus.root / path).read_text(encoding="utf-8").split("\n")
    for p in records_of(corpus, document_id)["paragraphs"]:
        assert first <= p["line_start"] <= p["line_end"] <= last
        original = "\n".join(lines[p["line_start"] - 1:p["line_end"]])
        assert p["source_text"] in original, p["paragraph_id"]
        assert "**" not in p["text_zh"] and "\n" not in p["text_zh"]
        assert clean_text(p["source_text"].replace("\n", "")) == p["text_zh"], p["paragraph_id"]


def test_expected_targets_are_complete_for_the_city(corpus):
    """2022 and 2024 from the reports; 2023 from the plan (the newspaper starts after them)."""
    def targets(document_id):
        return [c["text_zh"] for c in records_of(corpus, document_id)["commitments"]
                if c["kind"] == "expected_target"]
    assert targets("liaocheng-2024-work-report") == [
        "地区生产总值增长5.5%以上", "一般公共预算收入增长5.5%", "固定资产投资增长7%",
        "服务业增加值增长6%", "社会消费品零售总额增长6%", "外贸外资促稳提质",
        "居民人均可支配收入增长6%", "居民消费价格涨幅控制在3%左右", "粮食产量稳定在110亿斤以上",
        "各类约束性指标全面完成省定目标"]
    assert targets("liaocheng-2022-work-report") == [
        "生产总值增长6%左右", "一般公共预算收入增长5.5%左右", "社会消费品零售总额增长7%以上",
        "外贸进出口固稳提质", "实际使用外资稳定增长", "居民人均可支配收入增长7%以上",
        "居民消费价格涨幅3%左右", "各类约束性指标全面完成省定目标"]
    assert targets("liaocheng-2023-work-report") == []
    # The 2023 plan prints them as tasks 1-5, three indicators to a task in 3 and 4.
    plan = "".join(targets("liaocheng-2023-task-plan"))
    for indicator in ("地区生产总值增长5.5%以上", "一般公共预算收入增长6%以上", "固定资产投资增长10%以上",
                      "居民人均可支配收入增长6%以上", "居民消费价格涨幅控制在3%以内",
                      "社会消费品零售总额增长6%以上", "外贸进出口增长8%以上", "实际使用外资增长12%以上",
                      "各类约束性指标全面完成省定目标"):
        assert indicator in plan


# ---- the defects of the reports README, on the real excerpts ---------------------------

@pytest.mark.parametrize("lines, text", [
    # 2024 line 19-21: a sentence cut by a page break, a blank line between the halves.
    (["一、2023年工作回顾", "", "——经济发展取得新成效。一般公共预算收入完成244.6亿元、增长6.1%，主要指标增速高于全",
      "", "省平均水平，综合实力进一步提升。"],
     "——经济发展取得新成效。一般公共预算收入完成244.6亿元、增长6.1%，主要指标增速高于全省平均水平，"
     "综合实力进一步提升。"),
    # 2024 line 37-39: the cut falls after a closing quote, which does not end a sentence.
    (["一、2023年工作回顾", "高新技术产业产值占比达到 58.8%。启动“青年兴聊”", "", "工程，引进青年人才 2.6 万人。"],
     "高新技术产业产值占比达到58.8%。启动“青年兴聊”工程，引进青年人才2.6万人。"),
    # 2024 line 151-153: `！”` of a brand name; the next line is no new paragraph.
    (["二、2024 年主要目标任务", "壮大现代农业。做优“聊·胜一筹！”", "", "“聊城新三宝”品牌，新增市级以上农业龙头企业 30 家以上。"],
     "壮大现代农业。做优“聊·胜一筹！”“聊城新三宝”品牌，新增市级以上农业龙头企业30家以上。"),
    # 2023 newspaper line 61-63, half-width punctuation.
    (["四、切实加强政府自身建设", "强化重大项目支撑。坚持龙头带动、全域统筹,推动黄河、运河文化融合,实", "",
      "现“两国”同步建设、“两带”融合发展。"],
     "强化重大项目支撑。坚持龙头带动、全域统筹，推动黄河、运河文化融合，实现“两国”同步建设、“两带”融合发展。"),
])
def test_page_breaks_are_joined(lines, text):
    parsed = parse_excerpt(lines)
    assert [p.text_zh for p in parsed.paragraphs] == [text]
    assert parsed.paragraphs[0].line_end == len(lines)


@pytest.mark.parametrize("line, paragraphs, lead_ins", [
    # 2024 line 33: two bold lead-ins inside one line start two paragraphs.
    ("全市社会消费品零售总额增长 8%。**多措并举保主体。**实施民营经济高质量发展“十大专项行动”。",
     ["全市社会消费品零售总额增长8%。", "多措并举保主体。实施民营经济高质量发展“十大专项行动”。"],
     ["多措并举保主体"]),
    # 2024 line 39: the full stop after the closing `**`.
    ("智力支撑更加有力。**深化转型赋能**。实施工业技改项目 795 个，技改投资增长 10%。",
     ["智力支撑更加有力。", "深化转型赋能。实施工业技改项目795个，技改投资增长10%。"], ["深化转型赋能"]),
    # 2024 line 81: bold followed by a comma is emphasis, not a lead-in.
    ("重点做到“五个更加突出”：**更加突出积极进取**，正确处理稳和进的关系。",
     ["重点做到“五个更加突出”：更加突出积极进取，正确处理稳和进的关系。"], []),
])
def test_bold_marks(line, paragraphs, lead_ins):
    parsed = parse_excerpt(["一、2023年工作回顾", line])
    assert [p.text_zh for p in parsed.paragraphs] == paragraphs
    assert [s.title_zh for s in parsed.sections if s.level == 3] == lead_ins


def test_bold_split_by_a_page_break_is_dropped():
    # 2024 line 71-73: `**坚持以习近平新**` / `时代中国特色…`
    parsed = parse_excerpt(["二、2024 年主要目标任务", "做好今年政府工作的总体要求是：**坚持以习近平新**", "",
                            "时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神 and 习近平总书记对山东工作的重要指示要求。"])
    assert [p.text_zh for p in parsed.paragraphs] == [
        "做好今年政府工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻落实党的二十大精神 and 习近平总书记对山东工作的重要指示要求。"]


def test_continued_from_page_4_starts_mid_way():
    # 2023 newspaper lines 3-15.
    parsed = parse_excerpt(["风劲帆满图新志 砥砺前行正当时", "", "政府工作报告", "",
                            "(上接4版)整合市县文旅、水务等资源,壮大国企规模实力。", "",
                            "(五)聚焦富民兴农,坚定不移建设农业强市。坚持农业农村优先发展。", "",
                            "四、切实加强政府自身建设"], first_line=3)
    first = parsed.paragraphs[2]
    assert (first.text_zh, first.part, first.line_start) == ("整合市县文旅、水务等资源，壮大国企规模实力。", "plan", 7)
    assert parsed.paragraphs[2].source_text == "整合市县文旅、水务等资源,壮大国企规模实力。"
    assert [(s.label, s.title_zh) for s in parsed.sections][0] == ("（五）", "聚焦富民兴农，坚定不移建设农业强市")


@pytest.mark.parametrize("raw, clean", [
    ("地区生产总值增长 5.5% 以上", "地区生产总值增长5.5%以上"),  # 2024 line 75
    ("600 余项改革成果走在全国全省前列，100 余项省级以上改革试点", "600余项改革成果走在全国全省前列，100余项省级以上改革试点"),
    ("全面贯彻落实党的二十大精神 and 习近平总书记", "全面贯彻落实党的二十大精神 and 习近平总书记"),
    ("支持各县(市、区)集中打造2—3个百亿级主导产业集群", "支持各县（市、区）集中打造2—3个百亿级主导产业集群"),
    ("各位代表,县城强,则聊城强。", "各位代表，县城强，则聊城强。"),
    ("“四减四增”三年行动(2021—2023):调整产业结构", "“四减四增”三年行动（2021—2023）：调整产业结构"),
])
def test_spaces_and_half_width_punctuation(raw, clean):
    assert clean_text(raw) == clean


def test_duplicated_7_and_missing_15_are_warned_and_kept(corpus):
    records = records_of(corpus, "liaocheng-2023-work-report")
    messages = [(w["line"], w["message"]) for w in records["warnings"]]
    assert messages == [(115, "附件1: item 16 follows item 14: number 15 is missing"),
                        (140, "附件2: item 7 follows item 5: number 6 is missing"),
                        (141, "附件2: item 7 is numbered like the item before it")]
    policies = {c["commitment_id"][len("liaocheng-2023-work-report-"):]: c["line_start"]
                for c in records["commitments"] if c["kind"] == "policy"}
    assert (policies["policy-7"], policies["policy-7-r2"]) == (140, 141)
    livelihood = [c["label"] for c in records["commitments"] if c["kind"] == "livelihood_project"]
    assert "15" not in livelihood and len(livelihood) == 29


def test_policy_lead_units_resolve_to_listed_units(corpus):
    for document_id in ("liaocheng-2024-work-report", "liaocheng-2023-work-report"):
        records = records_of(corpus, document_id)
        policies = [c for c in records["commitments"] if c["kind"] == "policy"]
        leads = [a for a in records["assignments"] if a["role"] == "lead_unit"]
        assert len(leads) == len(policies)
        assert records["unlisted_units"] == []
    leads = {a["commitment_id"]: (a["raw"], a["unit_id"])
             for a in records_of(corpus, "liaocheng-2024-work-report")["assignments"]}
    # 2024 policy 22: a bracket cut by a page break and closed half-width.
    assert leads["liaocheng-2024-work-report-policy-22"] == ("市市场监管局", "liaocheng-market-regulation-administration")


def test_the_2022_livelihood_paragraphs_split_on_semicolons(corpus):
    items = [c for c in records_of(corpus, "liaocheng-2022-work-report")["commitments"]
             if c["kind"] == "livelihood_project"]
    assert len(items) == 30
    assert (items[0]["text_zh"], items[0]["line_start"]) == ("全市新开发城乡公益性岗位2.76万个", 261)
    # Cut by a page break: 新通车桥梁 / 6座.
    assert (items[20]["text_zh"], items[20]["line_start"], items[20]["line_end"]) == (
        "新通车桥梁6座，新建过街天桥7座", 263, 265)
    assert items[20]["source_text"] == "新通车桥梁\n\n6座，新建过街天桥7座"
    assert items[-1]["text_zh"] == "改造居民小区生活垃圾分类设施1533个"


@pytest.mark.parametrize("text, ends", [
    ("综合实力进一步提升。", True), ("启动“青年兴聊”", False), ("打造“两河明珠”城市。", True),
    ("我们要……“两河明珠”。”", True), ("主要指标增速高于全", False), ("", False),
])
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize("document_id, line, text", [
    ("liaocheng-2024-work-report", 155,
     "加快布局5G网络、冷链物流等新型基础设施，新改建农村公路500公里，建设一批农村书屋、小广场等公共空间，"
     "提高群众生活品质。"),
    # The sentence runs on across the `！”` of a brand name and the page break after it.
    ("liaocheng-2024-work-report", 151,
     "推进农业“接二连三”，培育“三黑两白一黄”特色畜牧业，做优“聊·胜一筹！”“聊城新三宝”品牌，"
     "新增市级以上农业龙头企业30家以上、重点品牌标识80个以上，规上农产品加工业营收增长8%，"
     "加快“百亿粮仓”向“千亿厨房”转变。"),
    ("liaocheng-2023-work-report", 19, "统筹农村基础设施建设和“点菜单”式新建农村住房，新建农村公路500公里，"
     "提升农村塘堰蓄水生态功能，加强农村改厕后续管护，农村生活污水治理覆盖率达到50%以上。"),
    ("liaocheng-2022-work-report", 253, "坚持就业优先，城镇新增就业4万人以上，发放创业担保贷款10亿元以上。"),
])
def test_quantified_sentences_of_the_plan_part_are_statements(corpus, document_id, line, text):
    statements = [(c["line_start"], c["text_zh"]) for c in records_of(corpus, document_id)["commitments"]
                  if c["kind"] == "statement"]
    assert (line, text) in statements


@pytest.mark.parametrize("document_id", REPORTS)
def test_statements_leave_targets_lists_and_other_parts_alone(corpus, document_id):
    records = records_of(corpus, document_id)
    part = {p["paragraph_id"]: p for p in records["paragraphs"]}
    held = [c for c in records["commitments"] if c["kind"] != "statement"]
    for c in records["commitments"]:
        if c["kind"] != "statement":
            continue
        assert not c["text_zh"].startswith(("经济社会发展主要预期目标", "2022年是")), c["text_zh"]
        owners = [p for p in part.values()
                  if p["line_start"] <= c["line_start"] and c["line_end"] <= p["line_end"]
                  and c["text_zh"] in p["text_zh"]]
        assert owners and all(p["part_kind"] == "plan" for p in owners), c["commitment_id"]
        assert not any(h["text_zh"] in c["text_zh"] and h["line_start"] == c["line_start"]
                       for h in held), c["commitment_id"]


@pytest.mark.parametrize("line, furniture", [
    ("聊城市人民政府公报", True),  # gazette lines 5 and 15: the running header
    ("2022年第2期", True),  # line 17
    ("(总第227期)", True),  # line 18
    ("第2期（总第227期）", True),  # line 11
    ("政府工作报告", False),  # 2024 line 3: the title, not furniture
    ("各位代表：", False),
    ("2022 年 2 月 12 日", False),  # gazette line 327: the notice's date
    ("附件 1", False),
])
def test_page_furniture(line, furniture):
    assert is_page_furniture(line) is furniture


def test_continued_markers_of_the_gazette_are_dropped():
    # Gazette line 431 opens a page with `（上接第22页）`; line 481 ends one with `(下转第21页)`.
    parsed = parse_excerpt(["一、2021年及五年工作回顾", "（上接第22页）在主席台前排就座。李长萍主持会议。", "",
                            "21日，中国共产党聊城市第十四次代表大会开幕(下转第21页)", "", "22日，闭幕。"])
    assert [p.text_zh for p in parsed.paragraphs] == [
        "在主席台前排就座。李长萍主持会议。", "21日，中国共产党聊城市第十四次代表大会开幕", "22日，闭幕。"]


@pytest.mark.parametrize("misreading", ["歇店经验", "水饺宴", "“两国”同步建设", "改造户数9323套",
                                        "“非粮化”“非粮化”"])
def test_ocr_misreadings_stay_as_printed(corpus, misreading):
    """The newspaper's words are evidence of what it printed: cleaning never corrects them."""
    records = records_of(corpus, "liaocheng-2023-work-report")
    assert any(misreading in p["text_zh"] for p in records["paragraphs"])


# Text as the extractions print it: Chinese, figures, spaces, bold marks, both punctuations.
EXTRACTED = st.lists(st.sampled_from(list("增长亿元万人公里聊城市“”（）()，,；;：:。 ") + ["**", " 5.5 ", "%", "12", "\n"]),
                     max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(EXTRACTED)
def test_verbatim_finds_the_original_of_any_cleaned_text(source):
    clean = clean_text(source.replace("\n", ""))
    found = verbatim(source, clean)
    if clean:
        assert found is not None and found in source
        assert clean_text(found.replace("\n", "")) == clean


@settings(max_examples=300, deadline=None)
@given(EXTRACTED)
def test_indicators_and_sentences_cover_their_text(text):
    for start, end, clause in split_indicators(text):
        assert text[start:end] == clause and clause.strip()
    pieces = list(sentences(text))
    assert all(text[start:end] == sentence for start, end, sentence in pieces)
    # Only blank stretches are left out.
    assert "".join("".join(s.split()) for _, _, s in pieces) == "".join(text.split())
