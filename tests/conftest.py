"""Shared fixtures (the real corpus built once per test session, golden files) and the
rules of the two test lanes.

`make test-fast` (`pytest -m "not slow"`) runs every test that needs no full build and
no browser; `make test` runs all. A test that uses the `built` or `browser` fixture is
marked slow here; one that starts a build or a browser some other way must say
`@pytest.mark.slow`, and a test that forgets fails (see `pytest_runtest_call`). After
the run, no process the suite started may still be alive (`pytest_sessionfinish`).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from chengnuo.cli import main
from chengnuo.pipeline import upstream
from chengnuo.project import Project
from tests import processes

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
    result = CliRunner().invoke(main, ["--project", str(root), "build"], catch_exceptions=False)
    if result.exit_code == 0:
        _started("runs a whole `chengnuo build` in the test process")
    return result


def package_bytes(root: Path) -> dict[str, bytes]:
    """Every file of the published package, to show that a failed build left it alone."""
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "datapackage").rglob("*")) if p.is_file()}


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output (then review the diff).")


# ---- Hypothesis: random locally, the same examples on every CI run ------------------

# `dev` is Hypothesis's own default: new random examples on each run, failures kept in
# .hypothesis/ and replayed first. `ci` draws the same examples on every run, so a
# red CI build is a real regression and can be reproduced, never a lucky draw; and
# no timing rule (deadline, too_slow) can fail a test on a loaded machine. A test's own
# @settings (max_examples of the fuzz tests, scripts/fuzz's budget) still wins over
# the profile for what it sets. Both are stated in full over Hypothesis's "default"
# profile, since Hypothesis itself loads a CI profile of its own when CI is set.
settings.register_profile("dev", parent=settings.get_profile("default"))
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True,
                          max_examples=100, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
# `quick` is the fast lane's (make test-fast): the same properties over 20 examples
# each, for feedback in under a minute; `make test` and CI draw the full count.
settings.register_profile("quick", parent=settings.get_profile("dev"), max_examples=20)
HYPOTHESIS_PROFILE = "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false") else "dev"
settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_report_header(config):
    profile = config.getoption("hypothesis_profile", None) or HYPOTHESIS_PROFILE
    return f"hypothesis profile: {profile} (ci where the environment sets CI, else dev)"


# ---- the two lanes: a test that builds or opens a browser is marked slow ------------

# Fixtures that need a full `chengnuo build` or a real Chromium. A test that uses one of
# them, directly or through another fixture, is slow.
SLOW_FIXTURES = frozenset({"built", "browser"})
# Commands of `chengnuo` that run the pipeline (up to the package and beyond).
BUILDING_COMMANDS = frozenset({"build", "site", "add"})
BROWSERS = frozenset({"chromium", "chrome", "node"})  # Playwright's driver is node

_current: list = [None]  # the test item being set up, run or torn down
_starts: dict[str, list[str]] = {}  # test id -> what it started that makes it slow
_SUBREAPER = pytest.StashKey[bool]()
_LEFT_BEHIND = pytest.StashKey[list]()


def _started(what: str) -> None:
    item = _current[0]
    if item is not None and what not in _starts.setdefault(item.nodeid, []):
        _starts[item.nodeid].append(what)


def _watch_processes(event: str, args: tuple) -> None:
    """An audit hook: note each process a test starts that belongs in the slow lane."""
    if event == "os.fork":
        _started("forks the test process (the site stage's MkDocs workers do)")
    elif event == "subprocess.Popen":
        argv = args[1] if isinstance(args[1], (list, tuple)) else [args[1]]
        words = [os.fsdecode(a) if isinstance(a, (bytes, os.PathLike)) else str(a) for a in argv]
        program = Path(os.fsdecode(args[0]) if args[0] else words[0]).name
        if program == "chengnuo" and BUILDING_COMMANDS.intersection(words) \
                and "--help" not in words:
            _started(f"runs `chengnuo {next(w for w in words if w in BUILDING_COMMANDS)}`")
        elif program in BROWSERS or "playwright" in " ".join(words[:2]):
            _started(f"starts a browser ({program})")


sys.addaudithook(_watch_processes)


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the main pytest process, not an xdist worker
        config.stash[_SUBREAPER] = processes.become_subreaper()


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _current[0] = item
    try:
        return (yield)
    finally:
        _current[0] = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test of the fast lane that started a build or a browser (in set-up or run)."""
    result = yield
    started = _starts.pop(item.nodeid, [])
    if started and item.get_closest_marker("slow") is None:
        pytest.fail(f"this test {' and '.join(started)}, so it belongs in the slow lane: "
                    "mark it @pytest.mark.slow (`make test-fast` must stay under a minute)",
                    pytrace=False)
    return result


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """Fail the run if a process it started is still alive, then end that process.

    The pytest process adopted every orphan (see tests/processes.py), so whatever a
    test started and did not end is among its descendants. This runs after the other
    session-finish hooks (session fixtures torn down, xdist's workers stopped) and
    before the terminal summary.
    """
    result = yield
    if not hasattr(session.config, "workerinput"):
        left = processes.wait_until_gone(processes.descendants, timeout=10)
        if left:
            session.config.stash[_LEFT_BEHIND] = left
            processes.end(left)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
    return result


def pytest_terminal_summary(terminalreporter, config):
    left = config.stash.get(_LEFT_BEHIND, [])
    if left:
        terminalreporter.section("processes left running", red=True)
        terminalreporter.write_line(f"{len(left)} processes started by the tests were still "
                                    "alive after the run (now ended):")
        for process in left:
            terminalreporter.write_line(f"  {process}")
    if not config.stash.get(_SUBREAPER, True):
        terminalreporter.write_line("warning: this kernel cannot make pytest a child "
                                    "subreaper; processes orphaned by the tests were not checked")


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


@pytest.fixture
def corpus_copy(corpus, tmp_path) -> Project:
    """A writable copy of `corpus`, inputs and stage outputs: for a test that changes an
    input and reruns one stage, without running the stages before it once more."""
    shutil.copytree(corpus.root, tmp_path, dirs_exist_ok=True)
    return Project(tmp_path)


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
