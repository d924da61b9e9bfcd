"""The targets stage on the bundled corpus: every figure of every commitment, checked by a golden file."""


import pytest

from chengnuo.quantities import DIRECTIONS, METRICS, MODIFIERS, find_quantities
from chengnuo.targets import stage as targets_stage
from chengnuo.stage import read_output, read_outputs
from chengnuo.targets.stage import due_year
from chengnuo.zh.numerals import split_unit


@pytest.fixture(scope="module")
def targets(corpus):
    targets_stage.run(corpus)
    return read_output(corpus, "targets", "targets")


@pytest.fixture(scope="module")
def commitments(corpus):
    return {c["commitment_id"]: c for record in read_outputs(corpus, "records").values()
            for c in record["commitments"]}


@pytest.fixture(scope="module")
def results(targets, corpus):
    return read_output(corpus, "targets", "results")


def render(rows, columns):
    lines = ["\t".join(columns)]
    for row in rows:
        lines.append("\t".join(str(row[k]) if row[k] is not None else "" for k in columns))
    return "\n".join(lines) + "\n"


def test_every_target_of_the_corpus(targets, golden):
    golden("targets/targets.tsv", render(targets, (
        "target_id", "span", "value", "value_max", "unit", "modifier", "metric", "due_year",
        "indicator_zh")))


def test_every_reported_result_of_the_corpus(results, golden):
    golden("targets/results.tsv", render(results, (
        "result_id", "line", "span", "value", "value_max", "unit", "modifier", "metric",
        "reported_year", "period", "indicator_zh", "text_zh")))


@pytest.mark.parametrize("span, line, sentence", [
    # liaocheng-2024-work-report.txt:19: a figure on the first line of a paragraph cut by a page break
    ("244.6亿元", 19,
     "一般公共预算收入完成244.6亿元、增长6.1%，主要指标增速高于全省平均水平，综合实力进一步提升。"),
    # liaocheng-2024-work-report.txt:31-33: `1050` ends line 31, `亿元` begins line 33
    ("1050亿元", 31,
     "实施“369”项目攻坚机制，1000多个省市县重点项目完成投资1050亿元，发行专项债券157.2亿元，"
     "固定资产投资增长7%以上。"),
    # liaocheng-2024-work-report.txt:53
    ("4.6万人", 53, "城镇新增就业4.6万人，发放创业担保贷款15.7亿元。"),
])
def test_results_keep_their_sentence_and_line(results, span, line, sentence):
    [row] = [r for r in results if r["document_id"] == "liaocheng-2024-work-report" and r["span"] == span]
    assert (row["line"], row["text_zh"]) == (line, sentence)
    assert row["result_id"].startswith(row["paragraph_id"] + "-r")


def test_results_report_on_the_year_before_the_report(results):
    assert {(r["document_id"], r["reported_year"]) for r in results} == {
        ("liaocheng-2022-work-report", 2021), ("liaocheng-2024-work-report", 2023)}
    five_years = {r["line"] for r in results if r["period"] == "five_years"}
    # liaocheng-gazette-2022-02.txt:117-125: the paragraphs that begin 五年来
    assert five_years == {117, 119, 121, 123, 125}


def test_each_span_is_cut_out_of_its_commitment_text_by_its_offsets(targets, commitments):
    for t in targets:
        text = commitments[t["commitment_id"]]["text_zh"]
        assert text[t["span_start"]:t["span_end"]] == t["span"], t["target_id"]
        assert t["modifier"] in MODIFIERS and t["metric"] in METRICS and t["direction"] in DIRECTIONS
        scale, base = split_unit(t["unit"])
        assert (t["scale"], t["base_unit"]) == (scale, base or "元")  # 突破千亿: a sum of money


def test_each_result_is_cut_out_of_its_paragraph_by_its_offsets(results, corpus):
    paragraphs = {p["paragraph_id"]: p["text_zh"]
                  for record in read_outputs(corpus, "records").values()
                  for p in record.get("paragraphs", [])}
    for r in results:
        assert paragraphs[r["paragraph_id"]][r["span_start"]:r["span_end"]] == r["span"], r["result_id"]
        assert r["span"] in r["text_zh"]


def test_a_target_carries_the_direction_of_its_own_place(targets):
    # dongchangfu-2024-task-plan.md task 116 writes 2万亩 three times; the third follows 提升.
    mu = [(t["target_id"], t["span_start"], t["direction"], t["base_unit"], t["scale"]) for t in targets
          if t["commitment_id"] == "dongchangfu-2024-task-plan-116" and t["span"] == "2万亩"]
    assert mu == [("dongchangfu-2024-task-plan-116-q1", 4, "none", "亩", 10000),
                  ("dongchangfu-2024-task-plan-116-q2", 21, "none", "亩", 10000),
                  ("dongchangfu-2024-task-plan-116-q15", 131, "up", "亩", 10000)]


def test_the_expected_targets_of_the_2023_city_plan(targets):
    by_id = {t["target_id"]: t for t in targets}
    # liaocheng-2023-task-plan.txt:21
    assert {k: by_id["liaocheng-2023-task-plan-3-q3"][k]
            for k in ("indicator_zh", "value", "unit", "modifier", "metric")} == {
        "indicator_zh": "居民消费价格涨幅", "value": "3", "unit": "%", "modifier": "at_most",
        "metric": "growth_rate"}
    expected = ["地区生产总值", "一般公共预算收入", "固定资产投资", "居民人均可支配收入",
                "居民消费价格涨幅", "社会消费品零售总额", "外贸进出口", "实际使用外资"]
    found = [t["indicator_zh"] for t in targets
             if t["commitment_id"] in {f"liaocheng-2023-task-plan-{n}" for n in (1, 2, 3, 4)}]
    assert found == expected


@pytest.mark.parametrize("text, year, expected", [
    # liaocheng-2023-task-plan.txt:33 (task 6): a later year before the figure, same sentence
    ("规上工业增加值增长8%以上。力争到2025年，制造业增加值占GDP比重达到35%左右。", 2023, [2023, 2025]),
    # liaocheng-2023-task-plan.txt:76 (task 39): a multi-year total
    ("落地过亿元项目230个以上。2022-2025年累计引进投资亿元以上项目800个", 2023, [2023, 2025]),
    # liaocheng-2023-work-report-newspaper.txt (action plan 5): within three years
    ("3年内累计引进投资亿元以上项目800个，到位资金2000亿元。新建道路23条", 2023, [2025, 2025, 2023]),
    # a year after the figure does not move it
    ("新改建农村公路500公里，2025年前全部完成。", 2023, [2023]),
])
def test_due_year(text, year, expected):

    assert [due_year(text, q, year) for q in find_quantities(text)] == expected
