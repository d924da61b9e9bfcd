"""Shared fixtures: the real corpus built once per test session, and golden files."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from chengnuo.project import Project

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output (then review the diff).")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Project:
    """A copy of the project whose text and records stages ran on the bundled reports."""
    from chengnuo.records import stage as records_stage
    from chengnuo.text import stage as text_stage

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "reports", root / "reports")
    project = Project(root)
    text_stage.run(project)
    records_stage.run(project)
    return project


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/<name>; `--update-golden` rewrites it instead."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8") if path.exists() else ""
        if actual != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                f"golden/{name}", "actual", n=1))
            pytest.fail(f"{name} differs from its golden file (rerun with --update-golden "
                        f"if the change is intended):\n{diff[:6000]}")
    return check
