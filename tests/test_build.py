"""The whole pipeline as a maintainer runs it: `chengnuo build` on a copy of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chengnuo.pipeline import STAGES
from tests.conftest import REPO, build_project

CHENGNUO = Path(sys.executable).with_name("chengnuo")


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_ends_with_a_summary(built):
    assert built.joinpath("build.log").read_text().splitlines()[-1] == (
        "summary: text: 5 sources, 13 documents, 1624 lines, 0 warnings; "
        "records: 7 documents, 585 commitments, 343 paragraphs, 36 allocations, "
        "1725 assignments, 3 warnings; "
        "targets: 517 targets, 307 commitments with targets, 238 results, 0 warnings; "
        "outcomes: 207 outcomes, 44 met, 2 not_met, 17 reported, 144 no_evidence, 63 reviewed, "
        "35 series rows, 0 warnings; "
        "topics: 16 topics, 585 commitments, 0 warnings; "
        "mentions: 1567 mentions, 56 named, 96 responsible, 1415 all_counties, 0 warnings; "
        "links: 166 links, 146 commitments linked, 46 discrepancies, 0 warnings; "
        "datapackage: 21 jurisdictions, 5 sources, 13 documents, 246 sections, 585 commitments, "
        "1725 assignments, 186 units, 18 people, 343 paragraphs, 517 targets, 238 results, "
        "36 allocations, 16 topics, 1567 mentions, 207 outcomes, 8 indicators, "
        "35 indicator_series, 166 links, 46 discrepancies, 0 warnings; "
        "downloads: 19 tables, 70 files, 0 warnings; "
        "site: 729 zh pages, 729 en pages, 0 warnings")


def test_committed_datapackage_equals_a_fresh_build(built):
    assert files_of(REPO / "datapackage") == files_of(built / "datapackage"), (
        "datapackage/ is out of date: run `make build` and commit the result")


def test_two_builds_give_byte_identical_packages(built, tmp_path):
    assert build_project(tmp_path).returncode == 0
    assert files_of(tmp_path / "datapackage") == files_of(built / "datapackage")


def test_the_stock_frictionless_cli_validates_the_committed_package():
    result = subprocess.run([str(Path(sys.executable).with_name("frictionless")), "validate",
                             str(REPO / "datapackage" / "datapackage.json")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("command", [stage.name for stage in STAGES] + ["build"])
def test_every_stage_has_help(command):
    result = subprocess.run([str(CHENGNUO), command, "--help"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.startswith(f"Usage: chengnuo {command} [OPTIONS]")
