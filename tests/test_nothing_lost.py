"""A build killed at any moment loses nothing, and two builds give the same bytes.

These tests run the real `chengnuo` command in a subprocess, as a maintainer or
CI would, and kill it with SIGKILL (no clean-up code of ours can run).  Before the
killed build an input changes, so the new output differs from the old one: a
stage that wrote in place would leave a mix of both, and the test would see it.

A killed command is killed as a terminal's Ctrl-C or a CI timeout kills it: the
whole process group, its MkDocs workers included; and no process of it may survive.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_project
from tests.processes import descendants, in_group, kill_group, wait_until_gone

CHENGNUO = str(Path(sys.executable).parent / "chengnuo")
# Every test here builds the whole project, several times.
pytestmark = pytest.mark.slow

ENV = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHENGNUO, "--project", str(root), "build"], capture_output=True,
                          env={**ENV, **env}, cwd=root)


def edit_an_input(root: Path) -> None:
    """Change one English title in the registry: the package's documents table changes."""
    registry = root / "reports" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    assert "        title_en: Government Work Report\n" in text
    registry.write_text(text.replace("        title_en: Government Work Report\n",
                                     "        title_en: Government Work Report (newspaper print)\n", 1),
                        encoding="utf-8")


def start(root: Path, command: str, env: dict[str, str]) -> subprocess.Popen:
    """`chengnuo <command>` as the leader of a process group of its own, to be killed whole."""
    return subprocess.Popen([CHENGNUO, "--project", str(root), command], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, start_new_session=True)


def kill_when_staging(root: Path, target: Path, timeout: float = 300) -> list[Path]:
    """Start a build; SIGKILL it once the staging folder of `target` holds a file."""
    process = start(root, "build", env=ENV)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        for staging in target.parent.glob(f".{target.name}.new-*"):
            written = [p for p in staging.rglob("*") if p.is_file()]
            if written:
                assert kill_group(process) == []
                assert process.returncode == -signal.SIGKILL
                return written
        time.sleep(0.002)
    assert kill_group(process) == []
    _, err = process.communicate()
    pytest.fail(f"the build ended before {target.name} was caught half written: {err.decode()[-500:]}")


@pytest.mark.parametrize("output", ["datapackage", "build/downloads"])
def test_a_build_killed_while_writing_a_stage_leaves_its_previous_output(tmp_path, output):
    root = copy_project(tmp_path).root
    assert build(root).returncode == 0
    target = root / output
    before = folder_bytes(target)
    edit_an_input(root)
    written = kill_when_staging(root, target)
    assert written  # the kill came while the new output was half written
    assert list(target.parent.glob(f".{target.name}.new-*"))  # and left its staging folder behind
    assert folder_bytes(target) == before
    # The next build clears the abandoned folder and writes the new output whole.
    result = build(root)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert not list(target.parent.glob(f".{target.name}.*"))
    after = folder_bytes(target)
    assert after != before and after.keys() == before.keys()


def test_two_builds_give_byte_identical_packages_and_downloads(tmp_path):
    """Different folders, hash seeds and time zones: the same bytes, and the committed package."""
    first = copy_project(tmp_path / "first").root
    second = copy_project(tmp_path / "a" / "second").root
    for root, env in ((first, {"PYTHONHASHSEED": "1", "TZ": "UTC"}),
                      (second, {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai"})):
        result = build(root, **env)
        assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert folder_bytes(first / "datapackage") == folder_bytes(second / "datapackage")
    assert folder_bytes(first / "datapackage") == folder_bytes(REPO / "datapackage")
    downloads = folder_bytes(first / "build" / "downloads")
    assert downloads and downloads == folder_bytes(second / "build" / "downloads")


@pytest.mark.skipif(not (REPO / "mkdocs.yml").is_file(), reason="the project has no site configuration")
def test_the_site_is_identical_and_survives_a_killed_site_stage(tmp_path):
    """Two full builds give the same site (SOURCE_DATE_EPOCH fixes mkdocs' dates); a site
    stage killed while mkdocs writes leaves the previous site."""
    from tests.conftest import copy_site_inputs

    roots = []
    for name, env in (("first", {"PYTHONHASHSEED": "1", "TZ": "UTC"}),
                      ("second", {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai"})):
        root = copy_project(tmp_path / name).root
        copy_site_inputs(root)
        result = build(root, SOURCE_DATE_EPOCH="1700000000", **env)
        assert result.returncode == 0, result.stderr.decode()[-2000:]
        roots.append(root)
    site = folder_bytes(roots[0] / "build" / "site")
    assert site and site == folder_bytes(roots[1] / "build" / "site")

    root, target = roots[1], roots[1] / "build" / "site"
    documents = root / "datapackage" / "data" / "documents.csv"
    text = documents.read_text(encoding="utf-8")
    documents.write_text(text.replace("2023年市政府工作报告重点工作任务责任分工方案",
                                      "2023年市政府工作报告重点工作任务分工方案", 1), encoding="utf-8")
    process = start(root, "site", env={**ENV, "SOURCE_DATE_EPOCH": "1700000000"})
    deadline = time.monotonic() + 300
    caught = []
    while not caught and time.monotonic() < deadline and process.poll() is None:
        caught = [p for staging in target.parent.glob(".site.new-*") for p in staging.rglob("*.html")]
        time.sleep(0.002)
    # The stage and its two MkDocs workers (forked, so in its group): none survives.
    assert kill_group(process) == []
    assert caught, "the site stage ended before mkdocs was caught writing"
    assert folder_bytes(target) == site


def test_a_site_stage_killed_alone_takes_its_build_workers_with_it(built, tmp_path):
    """A kill of `chengnuo site` itself, not of its process group (a supervisor that
    knows one PID), left its two MkDocs workers running for minutes and holding the
    caller's pipes (red team, finding 7): they now end with their parent."""
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    process = start(root, "site", env=ENV)
    deadline = time.monotonic() + 120
    workers = []
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers = descendants(process.pid)
        time.sleep(0.01)
    assert len(workers) == 2, f"the site stage did not start its two build workers: {workers}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert wait_until_gone(lambda: in_group(process.pid)) == []
