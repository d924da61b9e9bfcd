"""A build killed at any moment loses nothing, and two builds give the same bytes.

These tests run the real `chengnuo` command in a subprocess, as a maintainer or
CI would, and kill it with SIGKILL (no clean-up code of ours can run).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_project

CHENGNUO = str(Path(sys.executable).parent / "chengnuo")


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def start_build(root: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([CHENGNUO, "--project", str(root), "build"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, **env})


def kill_when_staging(process: subprocess.Popen, parent: Path, name: str, timeout: float = 300):
    """SIGKILL the build once the stage's staging folder holds a file; the files seen then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        for staging in parent.glob(f".{name}.new-*"):
            written = [p for p in staging.rglob("*") if p.is_file()]
            if written:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return written
        time.sleep(0.002)
    process.kill()
    out, err = process.communicate()
    pytest.fail(f"the build ended before its {name} stage was caught writing: {err.decode()[-500:]}")


def test_a_build_killed_while_writing_the_package_leaves_the_previous_one(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    before = folder_bytes(root / "datapackage")
    process = start_build(root)
    written = kill_when_staging(process, root, "datapackage")
    assert process.returncode == -signal.SIGKILL
    assert written  # the kill really came while the new package was half written
    assert list(root.glob(".datapackage.new-*"))  # and left its staging folder behind
    assert folder_bytes(root / "datapackage") == before
    # The next build clears the abandoned folder and writes the package again.
    result = subprocess.run([CHENGNUO, "--project", str(root), "build"], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert not list(root.glob(".datapackage.*"))
    assert folder_bytes(root / "datapackage") == folder_bytes(REPO / "datapackage")


def test_two_builds_give_byte_identical_packages(tmp_path):
    """Different folders, hash seeds, time zones and clocks: the same bytes."""
    first = copy_project(tmp_path / "first").root
    second = copy_project(tmp_path / "a" / "second").root
    runs = [(first, {"PYTHONHASHSEED": "1", "TZ": "UTC"}),
            (second, {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai", "SOURCE_DATE_EPOCH": "1700000000"})]
    for root, env in runs:
        result = subprocess.run([CHENGNUO, "--project", str(root), "build"], capture_output=True,
                                env={**os.environ, **env}, cwd=root)
        assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert folder_bytes(first / "datapackage") == folder_bytes(second / "datapackage")
    assert folder_bytes(first / "datapackage") == folder_bytes(REPO / "datapackage")
