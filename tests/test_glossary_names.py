"""The English of names: people against a hand-checked list, places and bodies by rule."""

from __future__ import annotations

import re

import pytest

from chengnuo.reference import Reference

REFERENCE = Reference.load()

# Checked by hand, character by character, for the reading a name takes: 柳 liǔ
# (not 刘 liú), 靳 jìn, 冻 dòng, 庞 páng, 曾 zēng as a surname (not céng),
# 长 cháng in 李长萍, 广 guǎng, 恒 héng. Names beyond the people table are the
# officials the bundled reports name (mayors, vice-mayors, the appointment
# notice and the chronicle), so a later people table can be checked too.
HAND_CHECKED = {
    "刘文强": "Liu Wenqiang", "王刚": "Wang Gang", "张建军": "Zhang Jianjun",
    "柳庆发": "Liu Qingfa", "王峰": "Wang Feng", "马卫红": "Ma Weihong", "陈波": "Chen Bo",
    "李强": "Li Qiang", "谢兆村": "Xie Zhaocun", "陈广友": "Chen Guangyou", "张妍": "Zhang Yan",
    "靳广力": "Jin Guangli", "赵亚秋": "Zhao Yaqiu", "胡瑞恒": "Hu Ruiheng", "王冻": "Wang Dong",
    "王金楼": "Wang Jinlou", "苏文萍": "Su Wenping", "庞庆法": "Pang Qingfa",
    "张百顺": "Zhang Baishun", "李长萍": "Li Changping", "孙爱军": "Sun Aijun",
    "陈秀兴": "Chen Xiuxing", "刘培国": "Liu Peiguo", "贾鹏柱": "Jia Pengzhu",
    "田中俊": "Tian Zhongjun", "郭建民": "Guo Jianmin", "张旋宇": "Zhang Xuanyu",
    "刘昌松": "Liu Changsong", "曾晓黎": "Zeng Xiaoli", "关延平": "Guan Yanping",
    "王心富": "Wang Xinfu", "徐韶华": "Xu Shaohua",
}

# Surnames whose reading differs from the character's common one.
POLYPHONIC_SURNAMES = {"单": "Shan", "仇": "Qiu", "解": "Xie", "曾": "Zeng", "区": "Ou",
                       "查": "Zha", "朴": "Piao", "盖": "Ge", "缪": "Miao", "乐": "Yue",
                       "覃": "Qin", "繁": "Po", "员": "Yun", "召": "Shao", "黑": "He",
                       "种": "Chong", "尉迟": "Yuchi", "万俟": "Moqi", "长孙": "Zhangsun"}

_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo"
    r"|ui|un|ue|a|o|e|i|u|v)")


def syllables(word: str) -> bool:
    """Whether a lower-case pinyin word splits into valid syllables (backtracking)."""
    if not word:
        return True
    return any(syllables(word[m.end():]) for m in _prefixes(word))


def _prefixes(word: str):
    for end in range(len(word), 0, -1):
        match = _SYLLABLE.fullmatch(word[:end])
        if match:
            yield match


@pytest.mark.parametrize("person", list(REFERENCE.people.values()), ids=lambda p: p.person_id)
def test_every_person_is_on_the_hand_checked_list(person):
    assert person.name_zh in HAND_CHECKED, (
        f"{person.name_zh} is not on the hand-checked list: check the reading of each "
        "character and add it to HAND_CHECKED")
    assert person.name_en == HAND_CHECKED[person.name_zh]


@pytest.mark.parametrize("name_zh, name_en", sorted(HAND_CHECKED.items()))
def test_names_are_surname_first_pinyin_capitalised(name_zh, name_en):
    surname, given = name_en.split(" ")
    assert surname == surname.capitalize() and given == given.capitalize()
    assert syllables(surname.lower()) and syllables(given.lower())
    for chars, reading in POLYPHONIC_SURNAMES.items():
        if name_zh.startswith(chars):
            assert surname == reading


def test_the_person_id_is_the_pinyin_of_the_name():
    for person in REFERENCE.people.values():
        assert person.person_id.split("-")[:2] == person.name_en.lower().split(" ")


@pytest.mark.parametrize("word, valid", [("zhang", True), ("guangyou", True), ("xian", True),
                                         ("zhnag", False), ("qv", True), ("bx", False)])
def test_the_syllable_splitter(word, valid):
    assert syllables(word) is valid


LEVEL_WORD = {"city": "City", "district": "District", "county_city": "City", "county": "County",
              "town": "Town", "subdistrict": "Subdistrict"}


@pytest.mark.parametrize("place", list(REFERENCE.jurisdictions.values()),
                         ids=lambda j: j.jurisdiction_id)
def test_a_place_name_says_its_level(place):
    if place.level == "zone":
        assert place.name_en.endswith(("Zone", "Resort"))
    else:
        assert place.name_en.endswith(" " + LEVEL_WORD[place.level])


_AMERICAN = re.compile(r"(?i)\b(center|organization|defense|program|mobilization|civilized|"
                       r"(?!citizen|size|prize|seize)\w+iz(e|es|ed|ing|ation)s?)\b")


def all_english_names() -> list[str]:
    return ([u.name_en for u in REFERENCE.units.values()]
            + [j.name_en for j in REFERENCE.jurisdictions.values()])


def test_names_use_british_spelling_like_the_translations():
    assert [n for n in all_english_names() if _AMERICAN.search(n)] == []


@pytest.mark.parametrize("unit", [u for u in REFERENCE.units.values()
                                  if u.unit_type != "state_enterprise"], ids=lambda u: u.unit_id)
def test_a_body_is_named_with_its_place(unit):
    place = REFERENCE.jurisdictions[unit.jurisdiction_id]
    assert place.name_en.split(" ")[0] in unit.name_en


def test_topic_names_are_complete_and_british_where_topics_exist():
    from chengnuo.project import METADATA_DIR
    import yaml
    path = METADATA_DIR / "topics.yaml"
    if not path.exists():
        pytest.skip("no topics.yaml yet")
    topics = yaml.safe_load(path.read_text(encoding="utf-8"))["topics"]
    assert all(t.get("name_en") and t.get("description_en") for t in topics)
    assert [t["name_en"] for t in topics if _AMERICAN.search(t["name_en"])] == []
