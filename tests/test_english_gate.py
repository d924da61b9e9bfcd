"""The build's English coverage gate on the real corpus: every document is held to
100% unless the registry marks its English pending (metadata/i18n.yaml)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from chengnuo.datapackage.read import read_rows
from chengnuo.i18n.apply import apply_translations, check_coverage
from chengnuo.i18n.store import settings
from chengnuo.project import Project
from chengnuo.registry import load_registry
from tests.conftest import MAIN, REPO, copy_project, copy_site_inputs

CHENGNUO = Path(sys.executable).with_name("chengnuo")
PLAN = "liaocheng-2023-task-plan"
# The entry taken out of the copy's store: task 2 of the 2023 city plan.
ENTRY = ("- id: liaocheng-2023-task-plan-2\n  zh_sha256: d9d15bef785f\n"
         "  zh: 一般公共预算收入增长6%以上。\n"
         "  en: General public budget revenue to grow by at least 6%.\n")
HINT = ("(`chengnuo i18n todo TABLE DOCUMENT` lists what to translate; the threshold is "
        "required_coverage_percent in src/chengnuo/metadata/i18n.yaml; a document marked "
        "`english: pending` in reports/registry.yaml is not held to it)")


def chengnuo(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHENGNUO), "--project", str(project.root), *args],
                          capture_output=True, text=True, check=False)


def mark_pending(project: Project, document_id: str) -> None:
    """Add `english: pending` to a document of the copy's registry, after its line_end."""
    text = project.registry_path.read_text(encoding="utf-8")
    start = text.index(f"      - document_id: {document_id}\n")
    end = text.index("\n", text.index("        line_end: ", start)) + 1
    project.registry_path.write_text(text[:end] + "        english: pending\n" + text[end:],
                                     encoding="utf-8")


def without_entry(tmp_path: Path) -> Project:
    project = copy_project(tmp_path)
    path = project.translations_dir / f"commitments/{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    assert ENTRY in text
    path.write_text(text.replace(ENTRY, ""), encoding="utf-8")
    return project


def test_the_committed_package_passes_the_gate_with_every_document_held():
    assert settings().required_coverage_percent == 100.0
    assert load_registry(MAIN).english_pending == frozenset()
    applied = apply_translations(read_rows(MAIN.datapackage_dir), MAIN.translations_dir,
                                 MAIN.root, pending=load_registry(MAIN).english_pending)
    check_coverage(applied.coverage)
    assert {name: (c.held_percent, c.pending) for name, c in applied.coverage.items()
            if name in settings().gated_tables} == {
        name: (100.0, 0) for name in settings().gated_tables}


@pytest.mark.slow
def test_one_missing_translation_fails_the_build_in_one_line(tmp_path):
    project = without_entry(tmp_path)
    result = chengnuo(project, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: the English edition is incomplete: commitments 99.8% (1 missing, 0 stale; short: "
        f"{PLAN} 1); 100% is required {HINT}")
    assert not project.datapackage_dir.exists()  # nothing published


@pytest.mark.slow
def test_the_same_copy_with_its_document_pending_builds_and_marks_the_page(tmp_path):
    project = without_entry(tmp_path)
    copy_site_inputs(project.root)  # so that the build makes the site too
    mark_pending(project, PLAN)
    result = chengnuo(project, "build")
    assert result.returncode == 0, result.stderr
    with (project.datapackage_dir / "data/commitments.csv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["commitment_id"] == f"{PLAN}-2")
    assert (row["text_en"], row["translation_status"]) == ("", "missing")
    status = chengnuo(project, "i18n", "status")
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    # Counted in the coverage, not held by the gate: 180 rows of the plan are pending.
    assert next(line for line in lines if line.startswith("commitments")).split() == [
        "commitments", "585", "584", "0", "1", "99.8%", "180", "ok"]
    assert lines[-1] == f"english pending (reports/registry.yaml): {PLAN}"
    # The English page of that commitment, as mkdocs rendered it, marks it; the Chinese
    # page and the page of its translated neighbour do not.
    site = project.root / "build/site"
    page = (site / f"en/commitments/{PLAN}-2/index.html").read_text(encoding="utf-8")
    assert ('<p><span class="cn-pending">translation pending</span> '
            '<span lang="zh">一般公共预算收入增长6%以上。</span></p>') in page
    assert "cn-pending" not in (site / f"commitments/{PLAN}-2/index.html").read_text(encoding="utf-8")
    neighbour = (site / f"en/commitments/{PLAN}-1/index.html").read_text(encoding="utf-8")
    assert "Gross regional product to grow by at least" in neighbour
    assert "cn-pending" not in neighbour


@pytest.mark.slow
def test_a_new_plan_is_published_pending_and_held_once_its_marker_is_removed(tmp_path):
    """What `chengnuo add` produces for next year's plan (the 2023 plan relabelled 2025,
    with one department renamed so that the metadata does not list it), untranslated."""
    project = copy_project(tmp_path, with_package=True)
    text = (REPO / "reports" / f"{PLAN}.txt").read_text(encoding="utf-8")
    new_file = tmp_path / "plan-2025.txt"
    new_file.write_text(text.replace("2023年", "2025年").replace("市财政局", "市财政服务中心"),
                        encoding="utf-8")
    added = chengnuo(project, "add", str(new_file))
    assert added.returncode == 0, added.stderr
    registry = load_registry(project)
    assert registry.english_pending == {"liaocheng-2025-task-plan", "liaocheng-2025-task-plan-notice"}
    units = next(line for line in chengnuo(project, "i18n", "status").stdout.splitlines()
                 if line.startswith("units"))
    assert units.split() == ["units", "187", "186", "0", "1", "99.4%", "1", "ok"]
    # Translated (as far as the gate goes) or not, removing the marker holds it at 100%.
    project.registry_path.write_text(project.registry_path.read_text(encoding="utf-8").replace(
        "        english: pending\n", ""), encoding="utf-8")
    result = chengnuo(project, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: the English edition is incomplete: commitments 76.4% (180 missing, 0 stale; short: "
        "liaocheng-2025-task-plan 180), sections 84.2% (46 missing, 0 stale; short: "
        "liaocheng-2025-task-plan 46), targets 80.6% (123 missing, 0 stale; short: "
        "liaocheng-2025-task-plan 123), units 99.4% (1 missing, 0 stale; short: "
        f"liaocheng-2025-task-plan 1); 100% is required {HINT}")
