"""`chengnuo inspect`, `chengnuo add` and `chengnuo diff` on the real reports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chengnuo.cli import main
from chengnuo.project import Project
from chengnuo.registry import load_registry
from tests import convert
from tests.conftest import REPO, copy_project

PLAN = "liaocheng-2023-task-plan.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def without_source(project: Project, source_id: str, file_name: str) -> str:
    """Take a source out of the registry and reports/, as before it was ever added."""
    text = project.registry_path.read_text(encoding="utf-8")
    start = text.index(f"  - source_id: {source_id}\n")
    end = text.index("  - source_id: ", start + 1)
    project.registry_path.write_text(text[:start] + text[end:], encoding="utf-8")
    (project.reports_dir / file_name).unlink()
    return text[start:end]


def rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_inspect_json_has_the_documented_shape():
    result = run("inspect", "--json", REPO / "reports" / "dongchangfu-2024-task-plan.md")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert {k: found[k] for k in ("format", "encoding", "kind", "title", "year", "jurisdiction",
                                  "publisher", "doc_number", "issued_date", "line_start", "line_end")} == {
        "format": "md", "encoding": "utf-8", "kind": "task_plan",
        "title": "2024年区政府工作报告重点工作任务责任分工方案", "year": 2024,
        "jurisdiction": {"id": "dongchangfu", "name_zh": "东昌府区", "name_en": "Dongchangfu District",
                         "adcode": "371502", "level": "district"},
        "publisher": "聊城市东昌府区人民政府",
        "doc_number": "东昌政发〔2024〕1号", "issued_date": "2024-02-05",
        "line_start": 19, "line_end": 381}
    assert found["counts"]["commitments"] == len(found["commitments"]) == 120
    assert found["commitments"][23] == {
        "label": "24", "kind": "task", "parent": None,
        "text_zh": found["commitments"][23]["text_zh"],
        "assignments": found["commitments"][23]["assignments"], "targets": []}
    # Task 24 has a unit name cut by a page break: 区 / 商务和投资促进局.
    assert {"role": "lead_unit", "name": "区商务和投资促进局"} in found["commitments"][23]["assignments"]
    assert all(set(w) == {"line", "message"} for w in found["warnings"])


def test_inspect_prints_what_it_found_and_changes_nothing(tmp_path):
    project = copy_project(tmp_path)
    before = {p: p.read_bytes() for p in project.reports_dir.iterdir()}
    result = run("--project", project.root, "inspect", project.reports_dir / PLAN)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        f"{project.reports_dir / PLAN}: txt, utf-8, 241 lines (line n = line n of the file)",
        "  lines 1-13: notice  聊城市人民政府关于印发2023年市政府工作报告重点工作任务责任分工方案的通知",
        "  lines 15-223: task_plan  2023年市政府工作报告重点工作任务责任分工方案",
        "kind task_plan · year 2023 · jurisdiction liaocheng · publisher 聊城市人民政府 · issued 2023-01-11",
        "46 sections, 180 commitments, 1023 assignments, 0 warnings",
    ]
    assert {p: p.read_bytes() for p in project.reports_dir.iterdir()} == before
    assert not (project.root / "build").exists()


@pytest.mark.slow
def test_add_registers_the_plan_as_the_maintainer_did(tmp_path):
    project = copy_project(tmp_path, with_package=True)
    original_entry = without_source(project, "liaocheng-2023-task-plan", PLAN)
    new_file = tmp_path / "download" / "2023年市政府工作报告重点工作任务责任分工方案.txt"
    new_file.parent.mkdir()
    shutil.copyfile(REPO / "reports" / PLAN, new_file)
    assert run("--project", project.root, "build").exit_code == 0  # the package before the plan
    result = run("--project", project.root, "add", new_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "added reports/liaocheng-2023-task-plan.txt as source liaocheng-2023-task-plan: "
        "task_plan, 2023, liaocheng, lines 15-223")
    entry = project.registry_path.read_text(encoding="utf-8").split("\n\n")[-1]
    # Every value the maintainer wrote by hand is found, except the English and the comments.
    wanted = [line for line in original_entry.splitlines()
              if line.strip() and not line.strip().startswith("#") and "_en:" not in line
              and not line.startswith(("          ", "        title_en"))]
    got = [line for line in entry.splitlines() if not line.strip().startswith("#")
           and "_en:" not in line]
    # …and the marker that publishes both documents before their English exists.
    assert [line for line in got if line != "        english: pending"] == wanted
    assert got.count("        english: pending") == 2
    assert load_registry(project).english_pending == {"liaocheng-2023-task-plan",
                                                      "liaocheng-2023-task-plan-notice"}
    # The data of the plan is what the committed package holds.
    for table in ("commitments", "assignments", "sections"):
        assert rows(project.datapackage_dir / "data" / f"{table}.csv") == rows(
            REPO / "datapackage" / "data" / f"{table}.csv"), table
    assert "changes against the previous package:" in result.stdout
    assert "documents: +2 added, -0 removed, ~0 changed" in result.stdout
    assert "  liaocheng-2023-task-plan: 180 added" in result.stdout
    assert result.stdout.splitlines()[-1] == "0 warnings in reports/liaocheng-2023-task-plan.txt"


@pytest.mark.slow
def test_add_a_pdf_gives_the_same_commitments(tmp_path):
    project = copy_project(tmp_path, with_package=True)
    without_source(project, "liaocheng-2023-task-plan", PLAN)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(convert.as_pdf((REPO / "reports" / PLAN).read_text(encoding="utf-8")))
    result = run("--project", project.root, "add", pdf)
    assert result.exit_code == 0, result.output
    assert (project.reports_dir / "liaocheng-2023-task-plan.pdf").read_bytes() == pdf.read_bytes()
    same = ("commitment_id", "document_id", "label", "parent_id", "seq", "kind", "section_id", "text_zh")
    fresh = rows(project.datapackage_dir / "data" / "commitments.csv")
    committed = rows(REPO / "datapackage" / "data" / "commitments.csv")
    assert [[r[k] for k in same] for r in fresh] == [[r[k] for k in same] for r in committed]
    assert rows(project.datapackage_dir / "data" / "assignments.csv") == rows(
        REPO / "datapackage" / "data" / "assignments.csv")
    source = next(r for r in rows(project.datapackage_dir / "data" / "sources.csv")
                  if r["source_id"] == "liaocheng-2023-task-plan")
    assert (source["format"], source["encoding"]) == ("pdf", "binary")
    line_map = json.loads((project.stage_dir("text") / "liaocheng-2023-task-plan.json").read_text())["line_map"]
    assert line_map[0] == "page 1, line 2"


def test_adding_a_registered_file_is_refused_and_changes_nothing(tmp_path):
    project = copy_project(tmp_path, with_package=True)
    registry = project.registry_path.read_bytes()
    result = run("--project", project.root, "add", REPO / "reports" / PLAN)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {REPO / 'reports' / PLAN}: this file is already registered as source "
        "'liaocheng-2023-task-plan' (reports/liaocheng-2023-task-plan.txt) (nothing to do; "
        "to replace that file, remove its entry first)\n")
    assert project.registry_path.read_bytes() == registry


def test_adding_the_same_document_again_in_another_encoding_is_refused(tmp_path):
    project = copy_project(tmp_path, with_package=True)
    copy = tmp_path / "plan-gbk.txt"
    copy.write_bytes(convert.as_encoding((REPO / "reports" / PLAN).read_text(encoding="utf-8"),
                                         "gbk-crlf"))
    result = run("--project", project.root, "add", copy)
    assert result.exit_code == 1
    assert ("a task_plan of liaocheng for 2023 is already registered: document "
            "'liaocheng-2023-task-plan' of source 'liaocheng-2023-task-plan'") in result.stderr
    assert sorted(p.name for p in project.reports_dir.iterdir()) == sorted(
        p.name for p in (REPO / "reports").iterdir())


def test_diff_of_a_package_with_itself_is_empty():
    result = run("diff", REPO / "datapackage", REPO / "datapackage")
    assert (result.exit_code, result.stdout) == (0, "no change\n")


def test_diff_names_added_removed_and_changed_rows(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(REPO / "datapackage", new)
    table = new / "data" / "commitments.csv"
    lines = table.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    assert header[:3] == ["commitment_id", "document_id", "label"]
    removed = lines.pop(5)
    first = next(i for i, line in enumerate(lines) if line.startswith("liaocheng-2023-task-plan-1,"))
    lines[first] = lines[first].replace("地区生产总值增长5.5%以上。", "地区生产总值增长6%以上。")
    table.write_text("\n".join(lines), encoding="utf-8")
    documents = new / "data" / "documents.csv"
    documents.write_text(documents.read_text(encoding="utf-8").replace(
        "2023年市政府工作报告重点工作任务责任分工方案", "2023年市政府工作报告重点工作任务分工方案"),
        encoding="utf-8")
    result = run("--verbose", "diff", REPO / "datapackage", new)
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    # The plan's title, and the notice's, which names the plan.
    assert out[0] == "documents: +0 added, -0 removed, ~2 changed"
    assert out[1].startswith("  ~ liaocheng-2023-task-plan  title_zh: '2023年市政府工作报告重点工作任务责任分工方案' → ")
    assert out[2].startswith("  ~ liaocheng-2023-task-plan-notice  title_zh: ")
    assert "commitments: +0 added, -1 removed, ~1 changed" in out
    assert f"  - {removed.split(',')[0]}  " in "\n".join(out)
    assert any(line.startswith("  ~ liaocheng-2023-task-plan-1  text_zh: '地区生产总值增长5.5%以上。' → "
                               "'地区生产总值增长6%以上。'") for line in out)


def test_diff_of_a_missing_folder_is_an_error_not_an_empty_package(tmp_path):
    """A mistyped path once read as a package with no rows: every row "removed", exit 0."""
    for args in ((tmp_path / "nothing", REPO / "datapackage"), (REPO / "datapackage", tmp_path / "nothing")):
        result = run("diff", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            1, "", f"error: {tmp_path / 'nothing'}: no such folder (give a folder that holds "
                   "datapackage.json)\n")


def test_diff_of_a_folder_that_is_not_a_package_is_one_line(tmp_path):
    result = run("diff", tmp_path, REPO / "datapackage")
    assert (result.exit_code, result.stderr) == (
        1, f"error: {tmp_path}: not a data package: it has no datapackage.json "
           "(give the folder that holds datapackage.json)\n")


@pytest.mark.slow
def test_adding_next_years_plan_only_adds_rows(tmp_path):
    """The use case: a new year's plan (here the 2023 plan relabelled 2025) as a .docx."""
    project = copy_project(tmp_path, with_package=True)
    text = (REPO / "reports" / PLAN).read_text(encoding="utf-8").replace("2023年", "2025年")
    new_file = tmp_path / "plan-2025.docx"
    new_file.write_bytes(convert.as_docx(text))
    result = run("--project", project.root, "add", new_file)
    assert result.exit_code == 0, result.output
    out = result.stdout.split("changes against the previous package:\n")[1].splitlines()
    counts = [line for line in out if not line.startswith(" ")][:-1]
    assert counts[:2] == ["documents: +2 added, -0 removed, ~0 changed",
                          "sources: +1 added, -0 removed, ~0 changed"]
    assert all(line.endswith(" added, -0 removed, ~0 changed") for line in counts), counts
    assert "commitments: +180 added, -0 removed, ~0 changed" in counts
    assert "  liaocheng-2025-task-plan: 180 added" in out
    assert "  + liaocheng-2025-task-plan  2025年市政府工作报告重点工作任务责任分工方案" in out
    assert out[-1] == "0 warnings in reports/liaocheng-2025-task-plan.docx"
