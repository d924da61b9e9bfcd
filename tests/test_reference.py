"""Reference data (jurisdictions, units, people) and the name resolver."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.reference import (
    LEVELS,
    SLUG,
    UNIT_TYPES,
    Person,
    Reference,
    Unit,
    normalise_name,
)
from chengnuo.project import METADATA_DIR

REPORTS = Path(__file__).resolve().parents[1] / "reports"
PLANS = [
    ("liaocheng-2023-task-plan.txt", "liaocheng", 159),  # 157 tasks with a bracket + 5(1), 5(2)
    ("dongchangfu-2024-task-plan.md", "dongchangfu", 120),
]
COUNTIES = ["dongchangfu", "chiping", "linqing", "guanxian", "shenxian", "yanggu", "donge", "gaotang"]


@pytest.fixture(scope="module")
def ref() -> Reference:
    return Reference.load()


# --------------------------------------------------------------------------- ids and links

def test_every_id_is_a_unique_slug(ref):
    ids = [*ref.jurisdictions, *ref.units, *ref.people]
    assert all(SLUG.fullmatch(i) for i in ids), [i for i in ids if not SLUG.fullmatch(i)]
    assert len(ref.jurisdictions) == 21 and len(set(ref.units)) == len(ref.units)


def test_the_twelve_jurisdictions_of_the_readme(ref):
    twelve = {"liaocheng", *COUNTIES, "liaocheng-etdz", "liaocheng-hitech", "jiangbei-resort"}
    assert twelve <= set(ref.jurisdictions)
    assert ref.jurisdictions["linqing"].name_en == "Linqing City"
    assert ref.jurisdictions["linqing"].level == "county_city"
    assert ref.jurisdictions["guanxian"].name_en == "Guan County"
    assert ref.jurisdictions["dongchangfu-houying"].parent_id == "dongchangfu"


def test_every_referenced_id_exists(ref):
    for j in ref.jurisdictions.values():
        assert j.level in LEVELS
        assert j.parent_id is None or j.parent_id in ref.jurisdictions
    for u in ref.units.values():
        assert u.unit_type in UNIT_TYPES
        assert u.jurisdiction_id in ref.jurisdictions and u.alias_scope in ref.jurisdictions
        assert set(u.covers) <= set(ref.jurisdictions)
        assert u.unit_id.startswith(u.jurisdiction_id + "-")
    for p in ref.people.values():
        assert p.jurisdiction_id in ref.jurisdictions


def _subtree(ref: Reference, root: str) -> set[str]:
    return {j for j in ref.jurisdictions if root in ref.chain(j)}


def test_every_alias_resolves_to_exactly_its_unit_in_every_jurisdiction(ref):
    for jid in ref.jurisdictions:
        for unit in ref.units.values():
            for name in (unit.name_zh, *unit.aliases):
                assert ref.resolve_unit(name, jid) is unit, (name, jid)
            in_scope = jid in _subtree(ref, unit.alias_scope)
            for name in unit.local_aliases:
                assert (ref.resolve_unit(name, jid) is unit) == in_scope, (name, jid)


def test_collectives_cover_the_named_jurisdictions(ref):
    assert list(ref.units["liaocheng-all-county-governments"].covers) == COUNTIES
    assert set(ref.units["liaocheng-zone-committees"].covers) == {
        "liaocheng-etdz", "liaocheng-hitech", "jiangbei-resort"}
    for unit_id in ("liaocheng-county-governments-along-route", "liaocheng-county-governments-along-river",
                    "liaocheng-county-governments-concerned"):
        assert ref.units[unit_id].unit_type == "collective" and ref.units[unit_id].covers == ()
    governments = {u.jurisdiction_id for u in ref.units.values() if u.unit_type == "government"}
    assert set(COUNTIES) | {"liaocheng"} <= governments


# --------------------------------------------------------------------------- resolving spellings

@pytest.mark.parametrize(("raw", "jurisdiction", "expected"), [
    # one body, two spellings
    ("市发展改革委", "liaocheng", "liaocheng-development-reform-commission"),
    ("市发展和改革委员会", "liaocheng", "liaocheng-development-reform-commission"),
    ("区发展和改革局", "dongchangfu", "dongchangfu-development-reform-bureau"),
    ("区发展和改革委员会", "dongchangfu", "dongchangfu-development-reform-bureau"),
    ("区市场监管局", "dongchangfu", "dongchangfu-market-regulation-administration"),
    ("区市场监督管理局", "dongchangfu", "dongchangfu-market-regulation-administration"),
    ("区体育发展中心", "dongchangfu", "dongchangfu-sports-development-centre"),
    ("区体育事业发展中心", "dongchangfu", "dongchangfu-sports-development-centre"),
    ("市安全生产委会成员单位", "liaocheng", "liaocheng-work-safety-committee-members"),
    ("市安全生产委员会成员单位", "liaocheng", "liaocheng-work-safety-committee-members"),
    ("市农业农村局（市乡村振兴局）", "liaocheng", "liaocheng-agriculture-rural-affairs-bureau"),
    ("市农业农村局", "liaocheng", "liaocheng-agriculture-rural-affairs-bureau"),
    ("市住房城乡建设局", "liaocheng", "liaocheng-housing-urban-rural-development-bureau"),
    ("市住房和城乡建设局", "liaocheng", "liaocheng-housing-urban-rural-development-bureau"),
    # the two halves of 市关工委等与此项目标有关的市政府组成部门
    ("市关工委", "liaocheng", "liaocheng-next-generation-committee"),
    ("与此项目标有关的市政府组成部门", "liaocheng", "liaocheng-departments-concerned"),
    # collectives
    ("各县〔市、区〕人民政府", "liaocheng", "liaocheng-all-county-governments"),
    ("各县（市、区）人民政府", "liaocheng", "liaocheng-all-county-governments"),
    ("各县(市、区)人民政府", "liaocheng", "liaocheng-all-county-governments"),
    ("市属开发区管委会", "liaocheng", "liaocheng-zone-committees"),
    ("沿线县〔市、区〕人民政府", "liaocheng", "liaocheng-county-governments-along-route"),
    ("沿岸县〔市、区〕人民政府", "liaocheng", "liaocheng-county-governments-along-river"),
    ("有关县〔市、区〕人民政府", "liaocheng", "liaocheng-county-governments-concerned"),
    ("市政府各部门", "liaocheng", "liaocheng-government-departments"),
    ("各镇政府(街道办事处)", "dongchangfu", "dongchangfu-town-governments"),
    ("各镇政府（街道办事处）", "dongchangfu", "dongchangfu-town-governments"),
    ("区政府各部门(单位)", "dongchangfu", "dongchangfu-government-departments"),
    ("区政府各部门（单位）", "dongchangfu", "dongchangfu-government-departments"),
    ("城区街道办事处", "dongchangfu", "dongchangfu-urban-subdistrict-offices"),
    # the district's own zone
    ("开发区管委会", "dongchangfu", "dongchangfu-jiaming-edz-committee"),
    ("嘉明经济开发区管委会", "dongchangfu", "dongchangfu-jiaming-edz-committee"),
    # towns: full and bare forms of task 117
    ("侯营镇政府", "dongchangfu", "dongchangfu-houying-government"),
    ("侯营", "dongchangfu", "dongchangfu-houying-government"),
    ("广平", "dongchangfu", "dongchangfu-guangping-government"),
    ("沙镇", "dongchangfu", "dongchangfu-shazhen-government"),
    ("梁水镇", "dongchangfu", "dongchangfu-liangshuizhen-government"),
    ("道口铺", "dongchangfu", "dongchangfu-daokoupu-office"),
    ("道口铺等5个镇政府（街道办事处）", "dongchangfu", "dongchangfu-daokoupu-office"),
    ("新区街道办事处", "dongchangfu", "dongchangfu-xinqu-office"),
    # extraction defects
    ("区\n\n商务和投资促进局", "dongchangfu", "dongchangfu-commerce-investment-promotion-bureau"),
    ("区行政审批服务\n\n\n\n局", "dongchangfu", "dongchangfu-administrative-approval-bureau"),
    ("区地\n\n方金融监督管理局", "dongchangfu", "dongchangfu-local-financial-regulation-bureau"),
    ("区人民医院)", "dongchangfu", "dongchangfu-peoples-hospital"),
    ("开发区管委会] ]", "dongchangfu", "dongchangfu-jiaming-edz-committee"),
    ("市商务投资促进局等", "liaocheng", "liaocheng-commerce-investment-promotion-bureau"),
    ("\u3000市财政局 ", "liaocheng", "liaocheng-finance-bureau"),
    ("**市财政局**", "liaocheng", "liaocheng-finance-bureau"),
    # governments and zone committees named in the city plan
    ("东昌府区人民政府", "liaocheng", "dongchangfu-government"),
    ("茌平区人民政府", "liaocheng", "chiping-government"),
    ("冠县人民政府", "liaocheng", "guanxian-government"),
    ("聊城高新技术产业开发区管委会", "liaocheng", "liaocheng-hitech-committee"),
    ("聊城江北水城旅游度假区管委会", "liaocheng", "jiangbei-resort-committee"),
    # relative names in a district document: 区… is the district, 市… its city
    ("区财政局", "dongchangfu", "dongchangfu-finance-bureau"),
    ("市财政局", "dongchangfu", "liaocheng-finance-bureau"),
    ("市财政局", "dongchangfu-houying", "liaocheng-finance-bureau"),
    ("聊城海关", "dongchangfu", "liaocheng-customs"),
])
def test_resolve_unit(ref, raw, jurisdiction, expected):
    unit = ref.resolve_unit(raw, jurisdiction)
    assert unit is not None and unit.unit_id == expected


@pytest.mark.parametrize(("raw", "jurisdiction"), [
    ("区财政局", "liaocheng"),        # a city document has no 区财政局 of its own
    ("区财政局", "chiping"),          # 茌平区's finance bureau is not in the reference
    ("开发区管委会", "liaocheng"),     # ambiguous between the three city zones
    ("市关工委等与此项目标有关的市政府组成部门", "liaocheng"),  # the parser splits this
    ("", "liaocheng"),
    ("等", "liaocheng"),
    ("刘文强", "liaocheng"),          # a person, not a unit
])
def test_resolve_unit_gives_none_for_unknown_or_ambiguous_names(ref, raw, jurisdiction):
    assert ref.resolve_unit(raw, jurisdiction) is None


def test_resolve_unit_rejects_an_unknown_document_jurisdiction(ref):
    with pytest.raises(ChengnuoError, match="unknown jurisdiction"):
        ref.resolve_unit("市财政局", "no-such-place")


def test_a_place_of_the_gazetteer_has_its_chain_but_not_this_projects_units(ref):
    """A report from elsewhere (济南) is read: its relative names resolve to nothing, not to Liaocheng's."""
    assert ref.chain("jinan") == ["jinan", "shandong"]
    assert ref.resolve_unit("市财政局", "jinan") is None


def test_collective_leaders_are_units_never_people(ref):
    for raw, jid, expected in [("市长及各位副市长", "liaocheng", "liaocheng-mayor-and-vice-mayors"),
                               ("区政府全体班子成员", "dongchangfu", "dongchangfu-government-leadership")]:
        leader = ref.resolve_leader(raw, jid)
        assert isinstance(leader, Unit) and leader.unit_id == expected
        assert leader.unit_type == "collective_leadership"
        assert ref.resolve_person(raw) is None
    assert isinstance(ref.resolve_leader("刘文强", "liaocheng"), Person)
    assert ref.resolve_leader("市财政局", "liaocheng") is None  # a department does not lead


# --------------------------------------------------------------------------- people

PEOPLE = [  # checked by hand, character by character
    ("刘文强", "Liu Wenqiang"), ("王刚", "Wang Gang"), ("张建军", "Zhang Jianjun"),
    ("柳庆发", "Liu Qingfa"), ("王峰", "Wang Feng"), ("马卫红", "Ma Weihong"),
    ("陈波", "Chen Bo"), ("李强", "Li Qiang"), ("谢兆村", "Xie Zhaocun"),
    ("陈广友", "Chen Guangyou"), ("张妍", "Zhang Yan"), ("靳广力", "Jin Guangli"),
    ("赵亚秋", "Zhao Yaqiu"), ("胡瑞恒", "Hu Ruiheng"), ("王冻", "Wang Dong"),
    ("王金楼", "Wang Jinlou"), ("苏文萍", "Su Wenping"), ("庞庆法", "Pang Qingfa"),
]


def test_every_person_has_the_hand_checked_pinyin(ref):
    assert sorted((p.name_zh, p.name_en) for p in ref.people.values()) == sorted(PEOPLE)


@pytest.mark.parametrize(("name_zh", "name_en"), PEOPLE)
def test_person_id_is_the_pinyin_slug(ref, name_zh, name_en):
    person = ref.resolve_person(name_zh)
    assert person is not None and person.name_en == name_en
    assert person.person_id == name_en.lower().replace(" ", "-")


# --------------------------------------------------------------------------- the real corpus

_INNER = r"[^（）〔〕()\[\]]"
_BRACKET = re.compile(r"[（〔(\[]((?:牵头领导|牵头单位)：(?:" + _INNER + r"|[（〔(]" + _INNER + r"*[）〕)])*)[）〕\])]")
_ROLE = re.compile(r"(牵头领导|牵头单位|责任单位)：")
_NAME = re.compile(r"(?:[^、，,；;（〔(]|[（〔(][^）〕)]*[）〕)])+")


def _assignment_names(text: str) -> tuple[int, list[tuple[str, str]]]:
    """(number of brackets, [(role, name)]) — independent of the lead's parser."""
    flat = re.sub(r"\s+", "", text)  # joins names broken across lines and pages
    brackets = _BRACKET.findall(flat)
    names = []
    for body in brackets:
        parts = _ROLE.split(body)[1:]  # a ； inside a role (task 79) only separates names
        for role, value in zip(parts[::2], parts[1::2]):
            for name in _NAME.findall(value):
                for piece in re.split(r"等(?=与此项目标)", name):
                    names.append((role, piece))
    return len(brackets), names


@pytest.mark.parametrize(("filename", "jurisdiction", "brackets"), PLANS)
def test_every_assignment_name_in_the_plans_resolves(ref, filename, jurisdiction, brackets):
    count, names = _assignment_names((REPORTS / filename).read_text(encoding="utf-8"))
    assert count == brackets
    unresolved = set()
    for role, name in names:
        if role == "牵头领导":
            found = ref.resolve_leader(name, jurisdiction)
        else:
            found = ref.resolve_unit(name, jurisdiction)
            if found is not None and found.unit_type == "collective_leadership":
                found = None
        if found is None:
            unresolved.add(f"{role} {name}")
    assert not unresolved, sorted(unresolved)


# --------------------------------------------------------------------------- normalise_name

@pytest.mark.parametrize(("raw", "expected"), [
    ("区\n商务和投资促进局", "区商务和投资促进局"),
    ("区人民医院)", "区人民医院"),
    ("开发区管委会] ]", "开发区管委会"),
    ("各镇政府(街道办事处)", "各镇政府（街道办事处）"),
    ("市商务投资促进局等", "市商务投资促进局"),
    ("**区财政局**", "区财政局"),
    ("\u3000市财政局\u00a0", "市财政局"),
    ("市农业农村局（市乡村振兴局）", "市农业农村局（市乡村振兴局）"),
    ("各县〔市、区〕人民政府", "各县〔市、区〕人民政府"),
    ("", ""),
])
def test_normalise_name(raw, expected):
    assert normalise_name(raw) == expected


_AWKWARD = st.text(alphabet=st.sampled_from(list("（）()〔〕[]【】等*区市局 \u3000\n\u200b")))


@given(st.one_of(st.text(), _AWKWARD))
def test_normalise_name_is_idempotent_and_total(raw):
    once = normalise_name(raw)
    assert normalise_name(once) == once


@given(raw=st.one_of(st.text(), _AWKWARD))
def test_resolving_arbitrary_text_never_raises(ref, raw):
    ref.resolve_unit(raw, "dongchangfu")
    ref.resolve_leader(raw, "liaocheng")


# --------------------------------------------------------------------------- errors in the YAML

@pytest.fixture()
def metadata(tmp_path) -> Path:
    for name in ("jurisdictions.yaml", "units.yaml", "people.yaml"):
        shutil.copy(METADATA_DIR / name, tmp_path / name)
    return tmp_path


def _append(path: Path, text: str) -> int:
    """Append an entry; return the line it starts on."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + "\n" + text, encoding="utf-8")
    return before.count("\n") + 2


@pytest.mark.parametrize(("filename", "entry", "message"), [
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: department, aliases: [聊城海关]}\n", "also names 'liaocheng-customs'"),
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: department, local_aliases: [市财政局]}\n", "also names 'liaocheng-finance-bureau'"),
    ("units.yaml", "- {unit_id: jinan-x, jurisdiction_id: jinan, name_zh: 甲, name_en: X,"
                   " unit_type: department}\n", "unknown jurisdiction_id 'jinan'"),
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: bureau}\n", "unknown unit_type 'bureau'"),
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: '甲 (乙)', name_en: X,"
                   " unit_type: department}\n", "not in normalised form"),
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: department, covers: [chiping]}\n", "only a collective has covers"),
    ("units.yaml", "- {unit_id: Liaocheng_X, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: department}\n", "not a lowercase ASCII slug"),
    ("units.yaml", "- {unit_id: liaocheng-x, jurisdiction_id: liaocheng, name_zh: 甲, name_en: X,"
                   " unit_type: department, alias: [乙]}\n", "unknown field 'alias'"),
    ("people.yaml", "- {person_id: liu-wenqiang, name_zh: 刘文, name_en: Liu Wen,"
                    " jurisdiction_id: liaocheng}\n", "already used at line"),
    ("people.yaml", "- {person_id: wang-x, name_zh: 王某, jurisdiction_id: liaocheng}\n",
     "missing field 'name_en'"),
    ("jurisdictions.yaml", "- {jurisdiction_id: jinan, name_zh: 济南市, name_en: Jinan City, level: city,"
                           " parent_id: shandong}\n", "unknown parent_id 'shandong'"),
])
def test_errors_name_the_file_and_line(metadata, filename, entry, message):
    line = _append(metadata / filename, entry)
    with pytest.raises(ChengnuoError) as caught:
        Reference.load(metadata)
    assert str(caught.value).startswith(f"{metadata / filename}:{line}: ")
    assert message in str(caught.value)


def test_invalid_yaml_is_reported_with_its_line(metadata):
    line = _append(metadata / "units.yaml", "- unit_id: [unclosed\n")
    with pytest.raises(ChengnuoError, match=r"units\.yaml:\d+: not valid YAML") as caught:
        Reference.load(metadata)
    assert caught.value.line in (line, line + 1)
