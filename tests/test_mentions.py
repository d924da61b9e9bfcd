"""Mentions: which counties and zones each commitment names, makes responsible or covers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.mentions import stage as mentions_stage
from chengnuo.mentions.find import MENTIONS_PATH, load_finder, place_form
from chengnuo.reference import Reference
from chengnuo.stage import read_output

REF = Reference.load()
FINDER = load_finder(REF)
CITY = REF.chain("liaocheng")
DISTRICT = REF.chain("dongchangfu")
COUNTIES = ["dongchangfu", "chiping", "linqing", "guanxian", "shenxian", "yanggu", "donge", "gaotang"]
ZONES = ["liaocheng-etdz", "liaocheng-hitech", "jiangbei-resort"]


@pytest.fixture(scope="module")
def mentions(corpus) -> list[dict]:
    mentions_stage.run(corpus)
    return read_output(corpus, "mentions", "mentions")


def of(mentions: list[dict], commitment_id: str, how: str) -> dict[str, str]:
    return {m["jurisdiction_id"]: m["named_as"] for m in mentions
            if m["commitment_id"] == commitment_id and m["how"] == how}


# --------------------------------------------------------------------------- in a text

@pytest.mark.parametrize("text, chain, expected", [
    # Real excerpts of the 2023 city plan.
    ("加快临清市、冠县等内陆港建设", CITY,
     [("named", "linqing", "临清市"), ("named", "guanxian", "冠县")]),
    ("加快聊城、茌平化工产业园扩区", CITY, [("named", "chiping", "茌平")]),
    ("提升东昌府区首位度", CITY, [("named", "dongchangfu", "东昌府区")]),
    # The zone is named in full; 国家级高新区 is a kind of zone, not this one.
    ("支持聊城高新技术产业开发区创建国家级高新区", CITY,
     [("named", "liaocheng-hitech", "聊城高新技术产业开发区")]),
    # 开发区 alone is a common noun.
    ("深化开发区体制机制创新，将各类开发区（园区）作为主战场", CITY, []),
    ("启动东昌湖南岸文化项目", CITY, []),
    ("聊城市", CITY, []),
    # Short forms of the zones.
    ("市经开区、高新区、度假区", CITY, [("named", "liaocheng-etdz", "市经开区"),
                                ("named", "liaocheng-hitech", "高新区"),
                                ("named", "jiangbei-resort", "度假区")]),
    # Collectives in the text, whatever brackets the print uses.
    ("支持各县（市、区）集中打造", CITY, [("all_counties", j, "各县（市、区）") for j in COUNTIES]),
    ("支持各县〔市、区〕集中打造", CITY, [("all_counties", j, "各县（市、区）") for j in COUNTIES]),
    ("支持各县(市、区)集中打造", CITY, [("all_counties", j, "各县（市、区）") for j in COUNTIES]),
    ("支持各县（市区）聚焦2—3个主导产业", CITY, [("all_counties", j, "各县（市区）") for j in COUNTIES]),
    ("更多县（市、区）进入全省县域经济先进行列", CITY, []),
    ("市属开发区", CITY, [("all_counties", j, "市属开发区") for j in ZONES]),
    # Towns of 东昌府区 count for the district (real excerpt of the 2024 district plan).
    ("加快堂邑、侯营2个省市级乡村振兴示范片区", DISTRICT,
     [("named", "dongchangfu", "堂邑"), ("named", "dongchangfu", "侯营")]),
    ("梁水镇镇、道口铺街道", DISTRICT,
     [("named", "dongchangfu", "梁水镇镇"), ("named", "dongchangfu", "道口铺街道")]),
    # PDF extraction spaces inside a name.
    ("茌 平区", CITY, [("named", "chiping", "茌平区")]),
])
def test_places_named_in_a_text(text, chain, expected):
    assert FINDER.find(text, chain) == expected


@given(st.sampled_from([(j.jurisdiction_id, n) for j in REF.jurisdictions.values()
                        if j.level != "city" for n in (j.name_zh, *j.short_names)
                        if n != "开发区"]),
       st.text(alphabet="0123456789，。、的和建设推进", max_size=12),
       st.text(alphabet="0123456789，。、的和建设推进", max_size=12))
def test_a_name_between_any_words_is_found(place, before, after):
    jurisdiction_id, name = place
    expected = jurisdiction_id if REF.jurisdictions[jurisdiction_id].parent_id == "liaocheng" \
        else REF.jurisdictions[jurisdiction_id].parent_id
    found = FINDER.find(before + name + after, CITY)
    assert ("named", expected, place_form(name)) in found


@given(st.text(max_size=80))
def test_any_text_gives_known_places_below_the_city(text):
    for how, jurisdiction_id, word in FINDER.find(text, CITY):
        assert how in ("named", "all_counties") and word
        assert REF.jurisdictions[jurisdiction_id].parent_id == "liaocheng"


# --------------------------------------------------------------------------- the corpus

def test_mentions_of_the_bundled_plans_match_golden(mentions, golden):
    lines = [f"{m['commitment_id']}\t{m['how']}\t{m['jurisdiction_id']}\t{m['named_as']}"
             for m in mentions]
    golden("mentions/mentions.tsv", "\n".join(lines) + "\n")


def test_counts_per_way(mentions):
    assert Counter(m["how"] for m in mentions) == {"named": 56, "responsible": 96,
                                                   "all_counties": 1415}


@pytest.mark.parametrize("commitment_id, how, expected", [
    ("liaocheng-2023-task-plan-13", "named", {"linqing": "临清市", "guanxian": "冠县"}),
    ("liaocheng-2023-task-plan-19", "named", {"liaocheng-hitech": "聊城高新技术产业开发区"}),
    ("liaocheng-2023-task-plan-19", "responsible", {
        "liaocheng-hitech": "聊城高新技术产业开发区管委会",
        "liaocheng-etdz": "聊城经济技术开发区管委会", "chiping": "茌平区人民政府"}),
    ("liaocheng-2023-task-plan-27", "named",
     {"donge": "东阿", "linqing": "临清", "gaotang": "高唐", "yanggu": "阳谷"}),
    ("liaocheng-2023-task-plan-71", "named", {}),
    ("liaocheng-2023-task-plan-95", "responsible", {
        "dongchangfu": "东昌府区人民政府", "jiangbei-resort": "聊城江北水城旅游度假区管委会"}),
    # Text and responsible collective together: one row per county, both spellings.
    ("liaocheng-2023-task-plan-67", "all_counties",
     {**{j: "各县（市、区）|各县〔市、区〕人民政府" for j in COUNTIES},
      **{j: "市属开发区管委会" for j in ZONES}}),
    # A collective without a named set (沿线县〔市、区〕人民政府) covers no county.
    ("liaocheng-2023-task-plan-28", "all_counties", {j: "市属开发区管委会" for j in ZONES}),
    ("liaocheng-2023-task-plan-28", "responsible", {}),
    ("dongchangfu-2024-task-plan-54", "named", {"dongchangfu": "堂邑|侯营|道口铺|闫寺"}),
    ("dongchangfu-2024-task-plan-117", "named",
     {"dongchangfu": "东昌府区|侯营镇|广平镇|沙镇镇|梁水镇镇|道口铺街道"}),
    ("dongchangfu-2024-task-plan-117", "responsible", {"dongchangfu": "侯营|广平|沙镇|梁水镇|道口铺"}),
    # The district's own departments do not name a place; its zone's committee does.
    ("dongchangfu-2024-task-plan-1", "responsible", {"dongchangfu": "开发区管委会"}),
    ("dongchangfu-2024-task-plan-83", "responsible", {}),
])
def test_real_commitments(mentions, commitment_id, how, expected):
    assert of(mentions, commitment_id, how) == expected


def test_every_commitment_with_the_county_collective_covers_all_eight(corpus, mentions):
    record = read_output(corpus, "records", "liaocheng-2023-task-plan")
    with_collective = {a["commitment_id"] for a in record["assignments"]
                       if a["unit_id"] == "liaocheng-all-county-governments"}
    assert len(with_collective) == 125
    for commitment_id in with_collective:
        assert set(of(mentions, commitment_id, "all_counties")) >= set(COUNTIES)


def test_no_mention_of_the_city_itself(mentions):
    assert all(REF.jurisdictions[m["jurisdiction_id"]].parent_id == "liaocheng" for m in mentions)


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("old, new, message, line", [
    ("  市属开发区: liaocheng-zone-committees", "  市属开发区: liaocheng-government-departments",
     "collective_phrases: 'liaocheng-government-departments' is not a collective with `covers`",
     "collective_phrases:"),
    ("unused_short_names: [开发区]", "unused_short_names: [经开]",
     "unused_short_names: must list short names from jurisdictions.yaml", "unused_short_names:"),
    ("generic_phrases:", "generic_words:", "expected exactly the keys unused_short_names, "
     "generic_phrases, collective_phrases", None),
])
def test_bad_rules_are_one_line_naming_file_and_line(tmp_path: Path, old, new, message, line):
    text = MENTIONS_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mentions.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ChengnuoError) as error:
        load_finder(REF, path)
    assert str(error.value) == f"{path}:{error.value.line}: {message}"
    if line:
        assert path.read_text(encoding="utf-8").splitlines()[error.value.line - 1].startswith(line)
