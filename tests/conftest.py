"""Shared fixtures: the real corpus built once per test session, and golden files."""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chengnuo.cli import main
from chengnuo.pipeline import upstream
from chengnuo.project import Project

REPO = Path(__file__).resolve().parents[1]
MAIN = Project(REPO)
GOLDEN = Path(__file__).parent / "golden"
# The last line of a failed build: one error, naming the file and line when there is one.
ONE_LINE_ERROR = re.compile(r"error: (reports/[^:\n]+:\d+: )?[^\n]+\n")


def copy_project(root: Path, *, with_package: bool = False) -> Project:
    """A writable copy of the project's reports/, translations/ (and datapackage/).

    The originals stay untouched.
    """
    shutil.copytree(REPO / "reports", root / "reports", dirs_exist_ok=True)
    shutil.copytree(REPO / "translations", root / "translations", dirs_exist_ok=True)
    if with_package:
        shutil.copytree(REPO / "datapackage", root / "datapackage", dirs_exist_ok=True)
    return Project(root)


def copy_site_inputs(root: Path) -> None:
    """What the site stage needs besides the data: configs, hand-written pages, theme, plotly.js.

    The configs name the theme and hooks by their path in the repository, so
    src/ and node_modules/ are linked rather than copied.
    """
    for config in REPO.glob("mkdocs*.yml"):
        shutil.copyfile(config, root / config.name)
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    for name in ("src", "node_modules"):
        if not (root / name).exists():
            (root / name).symlink_to(REPO / name, target_is_directory=True)


def build_project(root: Path) -> subprocess.CompletedProcess:
    """`chengnuo build` on a copy of the project's inputs in `root`."""
    copy_project(root)
    copy_site_inputs(root)
    return subprocess.run([str(Path(sys.executable).with_name("chengnuo")), "--project", str(root),
                           "build"], capture_output=True, text=True, check=False)


def reregister(project: Project, file_name: str, data: bytes) -> None:
    """Replace a source file and record its new sha256, as a maintainer would."""
    file = project.reports_dir / file_name
    old = hashlib.sha256(file.read_bytes()).hexdigest()
    file.write_bytes(data)
    registry = project.registry_path.read_text(encoding="utf-8")
    project.registry_path.write_text(registry.replace(old, hashlib.sha256(data).hexdigest()),
                                     encoding="utf-8")


def build(root: Path):
    """`chengnuo build` in this process, so a traceback would reach the test's output."""
    return CliRunner().invoke(main, ["--project", str(root), "build"], catch_exceptions=False)


def package_bytes(root: Path) -> dict[str, bytes]:
    """Every file of the published package, to show that a failed build left it alone."""
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "datapackage").rglob("*")) if p.is_file()}


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output (then review the diff).")


def run_stages_before_the_package(project: Project) -> None:
    """Every stage the datapackage stage needs (chengnuo.pipeline), in build order."""
    for stage in upstream("datapackage"):
        stage.run(project)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Project:
    """A copy of the project whose stages up to the data package ran on the bundled reports."""
    project = copy_project(tmp_path_factory.mktemp("corpus"))
    run_stages_before_the_package(project)
    return project


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A project folder after a full `chengnuo build`: package, site and the build log."""
    root = tmp_path_factory.mktemp("project")
    result = build_project(root)
    assert result.returncode == 0, result.stderr[-3000:]
    root.joinpath("build.log").write_text(result.stdout)
    return root


@pytest.fixture
def project(tmp_path) -> Project:
    """A writable copy of the project's reports/."""
    return copy_project(tmp_path)


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
