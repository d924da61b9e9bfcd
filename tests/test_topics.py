"""Topics: the taxonomy file, the assignment rules, and every real commitment's topic."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.stage import read_output, read_outputs
from chengnuo.topics import stage as topics_stage
from chengnuo.topics.assign import assign_topic
from chengnuo.topics.taxonomy import TOPICS_PATH, bundled_taxonomy, load_topics

CHENGNUO = Path(sys.executable).with_name("chengnuo")
TAXONOMY = bundled_taxonomy()
RULE = re.compile(r"(override|section|keyword):\S+|default")


@pytest.fixture(scope="module")
def assigned(corpus) -> dict[str, dict]:
    topics_stage.run(corpus)
    rows = read_output(corpus, "topics", "commitment_topics")
    return {row["commitment_id"]: row for row in rows}


@pytest.fixture(scope="module")
def commitments(corpus) -> list[dict]:
    return [c for record in read_outputs(corpus, "records").values()
            for c in record["commitments"]]


# --------------------------------------------------------------------------- the taxonomy

def test_the_taxonomy_has_twelve_to_sixteen_bilingual_topics():
    assert 12 <= len(TAXONOMY.topics) <= 16
    for topic in TAXONOMY.topics:
        assert re.search(r"[\u4e00-\u9fff]", topic.name_zh + topic.description_zh), topic
        assert re.fullmatch(r"[A-Za-z ,'\-]+", topic.name_en), topic.name_en
        assert topic.keywords and topic.section_keywords, topic.topic_id


def test_topics_table_rows_follow_the_taxonomy():
    rows = TAXONOMY.rows()
    assert [r["topic_id"] for r in rows] == list(TAXONOMY.ids)
    assert rows[0] == {"topic_id": "economy", "name_zh": "经济运行与财政",
                       "name_en": "Economy and public finance",
                       "description_zh": "地区生产总值、财政收入、物价和居民收入等总体经济指标，经济运行调度和经济普查。",
                       "description_en": "Headline economic indicators (GDP, budget revenue, "
                                         "consumer prices, household income), monitoring of the "
                                         "economy, and the economic census."}


# --------------------------------------------------------------------------- every commitment

def test_every_commitment_has_exactly_one_known_topic(assigned, commitments):
    assert sorted(assigned) == sorted(c["commitment_id"] for c in commitments)
    assert {row["topic_id"] for row in assigned.values()} <= set(TAXONOMY.ids)
    assert all(RULE.fullmatch(row["rule"]) for row in assigned.values())


def test_no_topic_is_empty(assigned):
    used = Counter(row["topic_id"] for row in assigned.values())
    assert [t for t in TAXONOMY.ids if not used[t]] == []


def test_assignment_of_every_commitment_matches_golden(assigned, commitments, golden):
    lines = [f"{c['commitment_id']}\t{assigned[c['commitment_id']]['topic_id']}\t"
             f"{assigned[c['commitment_id']]['rule']}\t{c['text_zh'][:30]}" for c in commitments]
    golden("topics/commitment_topics.tsv", "\n".join(lines) + "\n")


@pytest.mark.parametrize("commitment_id, topic_id, rule", [
    # The heading decides: 新改建农村公路 sits under 富民兴农 (agriculture).
    ("liaocheng-2023-task-plan-49", "agriculture", "section:富民兴农"),
    # The heading decides even against the text: housing under 织密社会保障“安全网”.
    ("liaocheng-2023-task-plan-102", "social-security", "section:社会保障"),
    # An override beats the heading: the economic census under 筑牢平安建设“防护墙”.
    ("liaocheng-2023-task-plan-116", "economy", "override:经济普查"),
    ("dongchangfu-2024-task-plan-37", "economy", "override:经济普查"),
    # A heading without a keyword passes to the text: 牵紧公共服务“幸福线”.
    ("liaocheng-2023-task-plan-106", "health", "keyword:疫情"),
    ("liaocheng-2023-task-plan-109", "culture-tourism-sport", "keyword:全民健身"),
    # Broad headings (main targets, livelihood lists, policy lists): item by item.
    ("dongchangfu-2024-task-plan-1", "economy", "keyword:地区生产总值"),
    ("dongchangfu-2024-task-plan-3", "investment", "keyword:固定资产投资"),
    ("liaocheng-2023-task-plan-5-1", "public-safety", "keyword:安全生产"),
    ("liaocheng-2023-task-plan-118", "education", "keyword:幼儿园"),
    ("liaocheng-2023-task-plan-125", "infrastructure", "keyword:公交"),
    ("liaocheng-2023-task-plan-132-2", "services", "keyword:物流"),
    ("dongchangfu-2024-task-plan-115", "agriculture", "keyword:农村公路"),
    ("dongchangfu-2024-task-plan-119", "government", "keyword:法律顾问"),
    # Work-report lists (from the reports' own attachments and paragraphs).
    ("liaocheng-2024-work-report-livelihood-5", "social-security", "keyword:医保支付"),
    ("liaocheng-2024-work-report-livelihood-7", "education", "keyword:办学"),
    ("liaocheng-2022-work-report-livelihood-7", "public-safety", "keyword:安防"),
    ("liaocheng-2024-work-report-target-9", "agriculture", "keyword:粮食"),
    ("liaocheng-2024-work-report-policy-15", "infrastructure", "keyword:节水"),
    # Deepest heading first: （一）全方位优化教育体系 under an innovation chapter.
    ("liaocheng-2023-task-plan-21", "education", "section:教育"),
    ("liaocheng-2023-task-plan-24", "innovation", "section:人才"),
])
def test_real_commitments_get_the_expected_topic(assigned, commitment_id, topic_id, rule):
    assert (assigned[commitment_id]["topic_id"], assigned[commitment_id]["rule"]) == (topic_id, rule)


# --------------------------------------------------------------------------- the rules

@pytest.mark.parametrize("text, titles, expected", [
    # The longest word wins where words overlap: 农村公路 is not also 公路.
    ("新改建农村公路500公里。", [], ("agriculture", "keyword:农村公路")),
    ("加快雄商高铁全线建设。", [], ("infrastructure", "keyword:高铁")),
    # 高校毕业生 is employment, not also 高校 (education).
    ("着力扩大高校毕业生就业。", [], ("social-security", "keyword:高校毕业生")),
    # Neutral words: 聊城市 holds no urban keyword 城市.
    ("聊城市", [], ("economy", "default")),
    ("提升城市功能。", [], ("urban", "keyword:城市")),
    # Full-width digits and spaces are normalised before matching.
    ("推进５Ｇ 网络覆盖。", [], ("industry", "keyword:5G")),
    # Headings: the deepest with a keyword decides; a broad one hands over to the text.
    ("完成任务。", ["（一）全方位优化教育体系", "三、聚焦创新驱动"], ("education", "section:教育")),
    ("完成任务。", ["（一）无关标题", "三、聚焦创新驱动"], ("innovation", "section:创新驱动")),
    ("新建幼儿园11所。", ["十、2023年重点民生事项"], ("education", "keyword:幼儿园")),
    ("新建幼儿园11所。", ["（二）民生", "十、现代服务业"], ("education", "keyword:幼儿园")),
    ("**新建幼儿园11所。**", [], ("education", "keyword:幼儿园")),
    # Ties: equal scores go to the topic whose word comes first.
    ("扩大消费，繁荣文化。", [], ("services", "keyword:消费")),
    ("繁荣文化，扩大消费。", [], ("culture-tourism-sport", "keyword:文化")),
    # A heavier word outweighs an earlier light one.
    ("扩大消费，发展旅游。", [], ("culture-tourism-sport", "keyword:旅游")),
])
def test_assign_topic_rules(text, titles, expected):
    assert assign_topic(text, titles) == expected


@given(st.text(max_size=60), st.lists(st.text(max_size=20), max_size=3))
def test_any_text_gets_one_known_topic_and_a_rule(text, titles):
    topic_id, rule = assign_topic(text, titles)
    assert topic_id in TAXONOMY.ids and RULE.fullmatch(rule)
    assert assign_topic(text, titles) == (topic_id, rule)


# --------------------------------------------------------------------------- bad input

def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = TOPICS_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "topics.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, message, marker", [
    ("    name_en: Education\n", "", "missing field 'name_en'", "topic_id: education"),
    ("      - {幼儿园: 3}\n", "      - {幼儿园: 3}\n      - 公路\n",
     "'公路' of 'education' already belongs to 'infrastructure'", "topic_id: education"),
    ("      - {幼儿园: 3}\n", "      - {幼儿园: 0}\n",
     "keyword '幼儿园' needs a whole-number weight of at least 1", "{幼儿园: 0}"),
    ("      - {幼儿园: 3}\n", "      - {幼儿园: 3}\n      - ５Ｇ校园\n",
     "keywords: '５Ｇ校园' is not in normalised form '5G校园'", "{教育: 2}"),
    ("  - topic_id: education", "  - topic_id: Education",
     "topic_id 'Education' is not a lowercase ASCII slug", "topic_id: Education"),
    ("default_topic: economy", "default_topic: economics",
     "default_topic 'economics' is not a topic", "default_topic: economics"),
    ("\ntopics:\n", "\nsubjects: []\ntopics:\n", "unknown key 'subjects'", "subjects: []"),
])
def test_a_bad_taxonomy_is_one_line_naming_file_and_line(tmp_path, old, new, message, marker):
    path = _broken(tmp_path, old, new)
    with pytest.raises(ChengnuoError) as error:
        load_topics(path)
    assert str(error.value).startswith(f"{path}:{error.value.line}: {message}")
    assert marker in path.read_text(encoding="utf-8").splitlines()[error.value.line - 1]


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text("default_topic: economy\ntopics: [\n", encoding="utf-8")
    with pytest.raises(ChengnuoError, match=r"topics\.yaml:3: not valid YAML"):
        load_topics(path)


def test_the_stage_alone_without_records_says_what_to_run(tmp_path):
    result = subprocess.run([str(CHENGNUO), "--project", str(tmp_path), "topics"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: build/records: the records stage's output is missing "
        "(run `chengnuo records` first)")


def test_the_datapackage_stage_refuses_topics_older_than_the_records(corpus, tmp_path):
    from chengnuo.datapackage.stage import gather_tables
    from chengnuo.reference import Reference
    from chengnuo.registry import load_registry
    records = list(read_outputs(corpus, "records").values())
    with pytest.raises(ChengnuoError, match=r"has no topic .*\(run `chengnuo topics` again\)"):
        gather_tables(load_registry(corpus), Reference.load(), records,
                      topics=TAXONOMY.rows(), topic_of={}, mentions=[])


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_methodology_page_lists_every_topic(language):
    page = (Path(__file__).resolve().parents[1] / "docs" / language / "methodology-topics.md"
            ).read_text(encoding="utf-8")
    for topic in TAXONOMY.topics:
        assert f"`{topic.topic_id}`" in page
        assert (topic.name_zh if language == "zh" else topic.name_en) in page
    assert len(re.findall(r"^\| `[a-z-]+` \|", page, flags=re.M)) == len(TAXONOMY.topics)
