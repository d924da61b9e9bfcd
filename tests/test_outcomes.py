"""Outcomes: comparing a target with a reported result, the reviews file, and the corpus."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.outcomes import stage as outcomes_stage
from chengnuo.outcomes.indicators import headline, similarity
from chengnuo.outcomes.match import Figure, comparable, match_target, verdict
from chengnuo.outcomes.reviews import load_reviews
from chengnuo.quantities import find_quantities, format_quantity
from chengnuo.stage import read_output
from chengnuo.targets.columns import quantity_columns

REPO = Path(__file__).resolve().parent.parent
REVIEWS = REPO / "reports" / "outcome-reviews.yaml"


def figure(text: str, number: int = 0, **extra) -> Figure:
    q = find_quantities(text)[number]
    row = {**quantity_columns(q), "result_id": "r", "document_id": "d", "line": 1, "text_zh": text,
           **extra}
    return Figure.of(row)


@pytest.mark.parametrize("target, result, expected", [
    # liaocheng-2023-task-plan.txt:19 / liaocheng-2024-work-report.txt:19
    ("地区生产总值增长5.5%以上", "预计全市生产总值超过2900亿元、增长6%", "met"),
    # liaocheng-2023-task-plan.txt:22 / liaocheng-2024-work-report.txt:41: 5.3% does not meet 8%以上
    ("外贸进出口增长8%以上", "进出口总值增长5.3%", "not_met"),
    # the example: 4.6万人 meets 4.5万人以上
    ("城镇新增就业4.5万人以上", "城镇新增就业4.6万人", "met"),
    ("城镇新增就业4.5万人以上", "城镇新增就业4.4万人", "not_met"),
    # magnitudes: 1.2万个 meets 突破1万个, 9000个 does not
    ("基站总量突破1万个", "基站总量达到1.2万个", "met"),
    ("基站总量突破1万个", "基站总量9000个", "not_met"),
    # a ceiling: CPI kept within 3%
    ("居民消费价格涨幅控制在3%以内", "居民消费价格涨幅2.1%", "met"),
    ("居民消费价格涨幅控制在3%以内", "居民消费价格涨幅3.5%", "not_met"),
    # liaocheng-2024-work-report.txt:45: 超116亿斤 is more than 116, so it meets 110以上
    ("粮食总产110亿斤以上", "粮食总产预计超116亿斤", "met"),
    # 突破千亿 (a magnitude alone) meets 突破1000亿元
    ("规上农产品加工企业营收突破1000亿元", "规上农产品加工业营收突破千亿。", "met"),
    # liaocheng-2024-work-report.txt:33: 7%以上 only says "at least 7": it cannot settle 10%以上
    ("固定资产投资增长10%以上", "固定资产投资增长7%以上", None),
    # about: within 5% of the figure meets it
    ("生产总值增长6%左右", "生产总值增长5.8%", "met"),
    ("生产总值增长6%左右", "生产总值增长4.8%", "not_met"),
])
def test_verdict(target, result, expected):
    t, r = figure(target), figure(result, -1 if "增长" in result and "亿元" in result else 0)
    assert comparable(t, r)
    assert verdict(t, r) == expected


def test_a_figure_keeps_the_direction_read_at_its_own_place():
    # The same span twice: searching the text for it found the first, 下降, for both.
    text = "单位能耗下降5%，工业产值增长5%"
    energy, output = figure(text, 0), figure(text, 1)
    assert (energy.direction, output.direction) == ("down", "up")
    assert comparable(output, figure("工业产值增长6%"))
    assert not comparable(energy, figure("单位能耗增长1%"))


@pytest.mark.parametrize("target, result", [
    ("地区生产总值增长5.5%以上", "预计全市生产总值超过2900亿元"),   # a rate is not a level
    ("民生支出占比达到77%", "居民人均可支配收入增长6%"),             # another indicator
    ("PM2.5浓度下降5%", "PM2.5浓度增长3%"),                        # a fall is not a rise
    ("新建城市书房20个", "城市书房40家"),                           # another counter
    ("制造业增加值占GDP比重达到35%", "生产总值增长6%"),             # GDP share is not GDP
])
def test_not_comparable(target, result):
    assert not comparable(figure(target), figure(result))


def test_two_results_that_disagree_give_reported_not_a_verdict():
    target = figure("新增高新技术企业100家以上")
    high, low = figure("新增高新技术企业200家", result_id="a"), figure("新增高新技术企业80家", result_id="b")
    assert match_target(target, True, [high, low], [])["status"] == "reported"
    assert match_target(target, True, [high], [])["status"] == "met"
    # not due yet (a 2025 figure checked against 2023): progress, not a verdict
    assert match_target(target, False, [high], [])["status"] == "reported"


def test_evidence_in_words_only_and_no_evidence():
    target = figure("完成全市村庄供水管网升级改造2378个")
    sentence = {"document_id": "d", "line": 45, "text_zh": "全面完成村庄供水管网升级改造，新建农村公路528公里。"}
    found = match_target(target, True, [], [sentence])
    assert (found["status"], found["evidence_line"], found["reported_value"]) == ("reported", 45, None)
    assert match_target(target, True, [], [])["status"] == "no_evidence"


@pytest.mark.parametrize("a, b, same", [
    ("地区生产总值", "生产总值", True), ("规上工业增加值", "规模以上工业增加值", True),
    ("外贸进出口", "进出口总值", True), ("实际使用外资", "实际利用外资", True),
    ("新改建农村公路", "新建农村公路", True), ("实施制造业技改项目", "实施工业技改项目", True),
    ("居民人均可支配收入", "农村居民人均可支配收入", False), ("生产总值", "制造业增加值占GDP比重", False),
    ("争创省级乡村振兴齐鲁样板示范区", "打造乡村振兴示范区", False),
])
def test_same_indicator(a, b, same):
    assert (similarity(a, b) >= 0.75) is same


def test_headline_indicators():
    assert headline("居民消费价格涨幅").indicator_id == "cpi"
    assert headline("新增城镇就业").indicator_id == "urban-jobs"
    assert headline("居民人均可支配收入增速快于生产总值") is None


# ---- the reviews file ---------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ("reviews:\n  - target_id: t\n    auto: met\n    status: done\n",
     "reports/outcome-reviews.yaml:2: status 'done' is not one of met, not_met, reported, no_evidence"),
    ("reviews:\n  - target_id: t\n    status: met\n",
     "reports/outcome-reviews.yaml:2: review without auto"),
    ("reviews:\n  - target_id: t\n    auto: met\n    status: met\n    verdict: ok\n",
     "reports/outcome-reviews.yaml:2: unknown key(s) verdict"),
    ("reviews:\n  - target_id: t\n    auto: met\n    status: met\n"
     "  - target_id: t\n    auto: met\n    status: met\n",
     "reports/outcome-reviews.yaml:5: target t is reviewed twice"),
    ("reviews: [a: b\n", "reports/outcome-reviews.yaml:2: not valid YAML"),
])
def test_a_bad_review_is_one_line_naming_file_and_line(tmp_path, text, message):
    path = tmp_path / "outcome-reviews.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChengnuoError) as error:
        load_reviews(path, "reports/outcome-reviews.yaml")
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_a_review_of_an_unknown_target_is_not_applied_and_warned_about(corpus_copy):
    project = corpus_copy  # the stages before outcomes ran on the bundled reports
    (project.reports_dir / "outcome-reviews.yaml").write_text(
        "reviews:\n  - target_id: nowhere-1-q1\n    auto: met\n    status: met\n", encoding="utf-8")
    report = outcomes_stage.run(project)
    assert [str(w) for w in report.warnings] == [
        "reports/outcome-reviews.yaml:2: target nowhere-1-q1 has no outcome row; its review is not applied"]
    assert report.counts["reviewed"] == 0


def test_a_verdict_whose_automatic_match_changed_is_flagged(corpus_copy):
    project = corpus_copy  # the stages before outcomes ran on the bundled reports
    (project.reports_dir / "outcome-reviews.yaml").write_text(
        "reviews:\n  - target_id: liaocheng-2023-task-plan-1-q1\n    auto: no_evidence\n"
        "    status: met\n", encoding="utf-8")
    report = outcomes_stage.run(project)
    assert [str(w) for w in report.warnings] == [
        "reports/outcome-reviews.yaml:2: the automatic match of liaocheng-2023-task-plan-1-q1 is now "
        "met, not no_evidence as when it was reviewed: check the verdict again"]


# ---- the corpus ---------------------------------------------------------------


@pytest.fixture(scope="module")
def outcomes(corpus):
    return read_output(corpus, "outcomes", "outcomes")


def render(rows, columns):
    return "\n".join(["\t".join(columns)] + [
        "\t".join("" if row[c] is None else str(row[c]) for c in columns) for row in rows]) + "\n"


def test_every_outcome_of_the_corpus(outcomes, golden):
    golden("outcomes/outcomes.tsv", render(outcomes, (
        "target_id", "status", "method", "confidence", "reported_value", "reported_unit",
        "result_id", "evidence_line", "evidence_text", "note")))


def test_indicator_series(corpus, golden):
    golden("outcomes/indicator_series.tsv", render(read_output(corpus, "outcomes", "indicator_series"), (
        "indicator_id", "jurisdiction_id", "period_year", "unit", "target_value", "target_modifier",
        "reported_value", "reported_modifier", "status", "target_id", "result_id")))


def test_every_quantified_commitment_of_the_2023_city_plan_has_an_outcome(corpus, outcomes):
    targets = read_output(corpus, "targets", "targets")
    plan = {t["target_id"] for t in targets if t["commitment_id"].startswith("liaocheng-2023-task-plan-")}
    assert len(plan) > 100
    assert plan <= {o["target_id"] for o in outcomes}


def test_outcomes_only_for_years_the_corpus_reviews(outcomes):
    # The 2024 report reviews 2023; no report in the corpus reviews 2022 or 2024.
    assert {o["commitment_id"].rsplit("-", 1)[0].split("-")[1] for o in outcomes} == {"2023"}
    assert {o["evidence_document_id"] for o in outcomes} == {"liaocheng-2024-work-report", None}


def test_the_reviews_measure_the_precision_of_met_and_not_met():
    reviews = yaml.safe_load(REVIEWS.read_text(encoding="utf-8"))["reviews"]
    checked = [r for r in reviews if r["auto"] in ("met", "not_met")]
    confirmed = [r for r in checked if r["status"] == r["auto"]]
    assert (len(checked), len(confirmed)) == (37, 34)  # precision 91.9% on the first review
    assert len([r for r in reviews if r["auto"] != "no_evidence"]) >= 40


@given(goal=st.integers(min_value=1, max_value=5000), got=st.integers(min_value=1, max_value=5000),
       t_mod=st.sampled_from(["exact", "at_least", "exceed", "about", "at_most"]),
       r_mod=st.sampled_from(["", "以上", "余", "左右"]),
       unit=st.sampled_from(["家", "公里", "万人", "%"]))
def test_a_verdict_never_contradicts_the_numbers(goal, got, t_mod, r_mod, unit):
    target = figure("新增农业龙头企业" + format_quantity(goal, unit, t_mod))
    written = f"{got}{r_mod}{unit}" if r_mod == "余" and unit != "%" else f"{got}{unit}{r_mod}"
    result = figure("新增农业龙头企业" + written)
    found = verdict(target, result)
    if found == "met":
        # met: the result reaches the goal from the right side, or comes within 5% of an `about`
        if t_mod == "at_most":
            assert got <= goal and result.row["modifier"] not in ("exceed", "at_least")
        elif t_mod == "about":
            assert got >= goal * 0.95
        else:
            assert got >= goal
    if found == "not_met":
        # not_met only on a figure that is not a mere lower bound below the goal
        if t_mod == "at_most":
            assert got > goal or (got == goal and result.row["modifier"] in ("exceed", "at_least"))
        else:
            assert got <= goal and result.row["modifier"] in ("exact", "about")
