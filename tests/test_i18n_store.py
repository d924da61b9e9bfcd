"""The translation store: file format, current/stale/missing, coverage gate, todo and status."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from chengnuo.errors import ChengnuoError
from chengnuo.i18n.apply import Coverage, apply_translations, check_coverage
from chengnuo.i18n.store import read_file, settings, skeleton, zh_hash
from tests.conftest import REPO

CHENGNUO = Path(sys.executable).with_name("chengnuo")
GDP = "地区生产总值增长5.5%以上。"


def test_hash_is_the_first_12_hex_digits_of_sha256_of_the_utf8_text():
    # sha256("地区生产总值增长5.5%以上。") computed independently with sha256sum
    assert zh_hash(GDP) == "866b14bdd452"
    assert zh_hash("") == "e3b0c44298fc"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("- id: a\n  zh_sha256: 866b14bdd452\n", "x.yaml:1: missing key 'en'"),
    ("- id: a\n  zh_sha256: 866B14BDD452\n  en: x\n", "x.yaml:1: zh_sha256 '866B14BDD452' is not 12"),
    ("- id: a\n  zh_sha256: 866b14bdd452\n  en: x\n  colour: red\n", "x.yaml:1: unknown key 'colour'"),
    ("- id: a\n  zh_sha256: 866b14bdd452\n  en: 5\n", "x.yaml:1: 'en' must be text, not int"),
    ("- id: a\n  zh_sha256: 866b14bdd452\n  en: x\n- id: a\n  zh_sha256: 866b14bdd452\n  en: y\n",
     "x.yaml:4: id 'a' already has an entry at line 1"),
    ("- id: a\n  zh_sha256: aaaaaaaaaaaa\n  zh: 地区生产总值增长5.5%以上。\n  en: x\n",
     "x.yaml:1: id 'a': the zh given does not hash to its zh_sha256 (it hashes to 866b14bdd452)"),
    ("- id: a\n  en: [x\n", "x.yaml:3: not valid YAML: did not find expected"),
    ("id: a\n", "x.yaml:1: expected a list"),
])
def test_a_bad_translation_file_is_one_line_naming_file_and_line(tmp_path, text, message):
    path = write(tmp_path, "x.yaml", text)
    with pytest.raises(ChengnuoError) as error:
        read_file(path, "x.yaml")
    assert str(error.value).startswith(message)


def test_an_empty_en_is_an_unfilled_skeleton_not_an_error(tmp_path):
    path = write(tmp_path, "x.yaml", "- id: a\n  zh_sha256: 866b14bdd452\n  en: ''\n")
    assert read_file(path)[0].en is None


def test_skeleton_reads_back_as_entries_with_the_right_hash(tmp_path):
    text = skeleton([("c-1", GDP, None), ("c-2", "“两园”：引号和冒号", None)])
    entries = read_file(write(tmp_path, "x.yaml", text))
    assert [(e.id, e.zh, e.zh_sha256, e.en) for e in entries] == [
        ("c-1", GDP, "866b14bdd452", None), ("c-2", "“两园”：引号和冒号", zh_hash("“两园”：引号和冒号"), None)]


def tables() -> dict[str, list[dict]]:
    return {
        "commitments": [
            {"commitment_id": f"d-{n}", "document_id": "d", "text_zh": zh, "text_en": None}
            for n, zh in enumerate([GDP, "一般公共预算收入增长6%。", "新建学校3所。"], start=1)],
        "targets": [{"target_id": "d-1-t1", "commitment_id": "d-1", "indicator_zh": "地区生产总值",
                     "indicator_en": None}],
        "people": [{"person_id": "p", "name_en": "Chen Bo"}, {"person_id": "q", "name_en": None}],
    }


def test_current_english_is_applied_stale_and_missing_are_withheld(tmp_path):
    write(tmp_path, "commitments/d.yaml",
          f"- id: d-1\n  zh_sha256: {zh_hash(GDP)}\n  en: GDP to grow by more than 5.5%.\n"
          "- id: d-2\n  zh_sha256: aaaaaaaaaaaa\n  en: Old English.\n"
          "- id: gone\n  zh_sha256: aaaaaaaaaaaa\n  en: Dropped.\n")
    write(tmp_path, "targets/d.yaml",
          f"- id: d-1-t1\n  zh_sha256: {zh_hash('地区生产总值')}\n  en: GDP\n")
    data = tables()
    result = apply_translations(data, tmp_path)
    assert [(r["text_en"], r["translation_status"]) for r in data["commitments"]] == [
        ("GDP to grow by more than 5.5%.", "current"), (None, "stale"), (None, "missing")]
    assert data["targets"][0]["indicator_en"] == "GDP"  # file named by the commitment's document
    assert [str(w).split(": ", 1)[1] for w in sorted(result.warnings)] == [
        "stale translation of commitments d-2: the Chinese changed (now "
        f"{zh_hash('一般公共预算收入增长6%。')}); its English is not published",
        f"no commitments row 'gone' in document 'd' (renamed or dropped?); under {tmp_path}/commitments/"]
    assert {n: (c.rows, c.current, c.stale, c.missing) for n, c in result.coverage.items()} == {
        "commitments": (3, 1, 1, 1), "targets": (1, 1, 0, 0), "people": (2, 1, 0, 1)}


def test_evidence_that_is_a_results_sentence_takes_its_english_unless_it_has_its_own(tmp_path):
    jobs, aid = "城镇新增就业4.6万人。", "困难群体救助标准稳步提高。"
    write(tmp_path, "results/r.yaml",
          f"- id: r-1\n  zh_sha256: {zh_hash(jobs)}\n  en: 46,000 new urban jobs were created.\n"
          f"- id: r-2\n  zh_sha256: {zh_hash(aid)}\n  en: Result English.\n")
    write(tmp_path, "outcomes/d.yaml",
          f"- id: d-1-t2\n  zh_sha256: {zh_hash(aid)}\n  en: The outcome's own English.\n")
    data = {"commitments": [{"commitment_id": "d-1", "document_id": "d", "text_zh": GDP}],
            "results": [{"result_id": "r-1", "document_id": "r", "text_zh": jobs},
                        {"result_id": "r-2", "document_id": "r", "text_zh": aid}],
            "outcomes": [{"target_id": f"d-1-t{n}", "commitment_id": "d-1", "evidence_text": zh}
                         for n, zh in enumerate([jobs, aid, "没有译文的句子。"], start=1)]}
    result = apply_translations(data, tmp_path)
    assert [r["evidence_en"] for r in data["outcomes"]] == [
        "46,000 new urban jobs were created.", "The outcome's own English.", None]
    assert (result.coverage["outcomes"].current, result.coverage["outcomes"].missing) == (2, 1)
    assert result.warnings == []


def test_columns_a_table_does_not_have_are_not_added(tmp_path):
    data = tables()
    apply_translations(data, tmp_path, columns={"commitments": ("commitment_id", "text_zh")})
    assert data["commitments"][0] == {"commitment_id": "d-1", "document_id": "d", "text_zh": GDP,
                                      "text_en": None}


def coverage_of(table: str, *rows: tuple[str, str, int], pending=frozenset({"p"})) -> Coverage:
    """A Coverage counted from (status, document, how many rows)."""
    coverage = Coverage(table)
    for status, document, n in rows:
        for _ in range(n):
            coverage.count(status, {document}, pending)
    return coverage


def test_the_gate_holds_required_documents_and_names_the_setting_and_who_is_short():
    coverage = {"commitments": coverage_of("commitments", ("current", "a", 150), ("missing", "a", 144),
                                           ("stale", "a", 3), ("missing", "b", 3),
                                           ("missing", "p", 20)),
                "units": Coverage("units", rows=10, current=10),
                "documents": coverage_of("documents", ("missing", "a", 10))}  # not gated
    assert (coverage["commitments"].rows, coverage["commitments"].pending) == (320, 20)
    strict = replace(settings(), required_coverage_percent=100.0)
    with pytest.raises(ChengnuoError) as error:
        check_coverage(coverage, strict)
    assert str(error.value) == (
        "the English edition is incomplete: commitments 50.0% (147 missing, 3 stale; short: a 147, "
        "b 3); 100% is required (`chengnuo i18n todo TABLE DOCUMENT` lists what to translate; "
        "the threshold is required_coverage_percent in src/chengnuo/metadata/i18n.yaml; a document "
        "marked `english: pending` in reports/registry.yaml is not held to it)")
    check_coverage(coverage, replace(strict, required_coverage_percent=50.0))
    # The rows of a pending document alone never fail the gate, however many there are.
    check_coverage({"commitments": coverage_of("commitments", ("missing", "p", 500))}, strict)


def test_one_row_short_of_100_percent_never_reads_100():
    coverage = {"sections": coverage_of("sections", ("current", "a", 1999), ("missing", "a", 1))}
    with pytest.raises(ChengnuoError, match=r"^the English edition is incomplete: sections 99\.9% "):
        check_coverage(coverage, replace(settings(), required_coverage_percent=100.0))


def test_a_name_not_in_the_metadata_yet_is_held_unless_only_pending_documents_name_it(tmp_path):
    data = {
        "commitments": [{"commitment_id": "p-1", "document_id": "p", "text_zh": None},
                        {"commitment_id": "r-1", "document_id": "r", "text_zh": None}],
        "assignments": [{"commitment_id": "p-1", "unit_id": "unlisted-unit-a", "person_id": None},
                        {"commitment_id": "p-1", "unit_id": "unlisted-unit-b", "person_id": None},
                        {"commitment_id": "r-1", "unit_id": "unlisted-unit-b", "person_id": None},
                        {"commitment_id": "p-1", "unit_id": "liaocheng-listed", "person_id": None}],
        "units": [{"unit_id": "unlisted-unit-a", "name_en": None},
                  {"unit_id": "unlisted-unit-b", "name_en": None},
                  {"unit_id": "liaocheng-listed", "name_en": None}],
    }
    units = apply_translations(data, tmp_path, pending=frozenset({"p"})).coverage["units"]
    # a: only the pending p names it; b: the required r names it too; a listed name is
    # always held (the metadata lists require English, this one lost it).
    assert (units.rows, units.current, units.pending, units.held_missing) == (3, 0, 1, 2)
    assert dict(units.short) == {"r": 1, "the metadata lists": 1}


def test_the_build_writes_english_and_status_into_the_package(corpus):
    from chengnuo.datapackage import stage
    # Change one entry of the real store (the coverage gate needs all the others).
    path = corpus.translations_dir / "sections/liaocheng-2023-task-plan.yaml"
    original = path.read_text(encoding="utf-8")
    entry = (f"- id: liaocheng-2023-task-plan-s1\n  zh_sha256: {zh_hash('主要预期目标')}\n"
             "  zh: 主要预期目标\n  en: Main expected targets\n")
    assert entry in original
    path.write_text(original.replace(entry, entry.replace("en: Main", "en: The main")),
                    encoding="utf-8")
    try:
        stage.run(corpus)
    finally:
        path.write_text(original, encoding="utf-8")
    with (corpus.datapackage_dir / "data/sections.csv").open(encoding="utf-8") as handle:
        rows = {r["section_id"]: r for r in csv.DictReader(handle)}
    assert (rows["liaocheng-2023-task-plan-s1"]["title_en"],
            rows["liaocheng-2023-task-plan-s1"]["translation_status"]) == ("The main expected targets", "current")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHENGNUO), *args], capture_output=True, text=True, check=False)


@pytest.fixture
def untranslated(tmp_path) -> Path:
    """The committed data package with an empty translation store."""
    shutil.copytree(REPO / "datapackage", tmp_path / "datapackage")
    (tmp_path / "translations").mkdir()
    (tmp_path / "reports").mkdir()  # the registry says which documents are pending
    shutil.copyfile(REPO / "reports/registry.yaml", tmp_path / "reports/registry.yaml")
    return tmp_path


def test_todo_prints_a_skeleton_of_what_is_left(untranslated):
    write(untranslated, "translations/commitments/dongchangfu-2024-task-plan.yaml",
          "- id: dongchangfu-2024-task-plan-2\n  zh_sha256: aaaaaaaaaaaa\n  en: Old.\n")
    result = run_cli("--project", str(untranslated), "i18n", "todo", "commitments",
                     "dongchangfu-2024-task-plan")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"- id: dongchangfu-2024-task-plan-1\n  zh_sha256: 866b14bdd452\n  zh: {GDP}\n  en: ''\n"
        "# stale: the Chinese changed since this was translated as: Old.\n"
        "- id: dongchangfu-2024-task-plan-2\n")
    assert result.stdout.count("- id: ") == 120
    bad = run_cli("--project", str(untranslated), "i18n", "todo", "commitments", "nowhere")
    assert (bad.returncode, bad.stderr) == (1, (
        "error: no commitments row in document 'nowhere' (documents with rows: "
        "dongchangfu-2024-task-plan, liaocheng-2022-work-report, liaocheng-2023-task-plan, "
        "liaocheng-2023-work-report, liaocheng-2024-work-report)\n"))


def test_status_prints_coverage_per_table(untranslated):
    result = run_cli("--project", str(untranslated), "i18n", "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["table", "rows", "current", "stale", "missing", "coverage",
                                "pending", "gate"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:-2]}
    assert rows["commitments"] == ["585", "0", "0", "585", "0.0%", "0", "BELOW"]
    assert rows["paragraphs"] == ["343", "0", "0", "343", "0.0%", "0"]  # not gated
    assert rows["units"] == ["186", "186", "0", "0", "100.0%", "0", "ok"]
    assert lines[-2:] == [
        "required for gated tables: 100% (required_coverage_percent in "
        "src/chengnuo/metadata/i18n.yaml), except the rows of documents whose English is pending",
        "english pending (reports/registry.yaml): none"]


def test_todo_hints_say_what_the_checks_will_expect():
    from chengnuo.i18n_commands import hints
    from chengnuo.i18n.glossary import Glossary
    glossary = Glossary.load(REPO / "translations")
    assert hints("东昌府区新增就业4.5万人，完成投资1050亿元，增长5.5%。", glossary) == [
        "numbers: 4.5万 → 45,000; 1050亿 → 105 billion",
        "terms: 东昌府区 → Dongchangfu District; 万人 → people; 亿元 → yuan"]
    assert hints("增长5.5%", glossary) == []


def test_the_i18n_commands_have_help():
    result = run_cli("i18n", "--help")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines()
            if line.strip()] == ["check", "status", "todo"]
