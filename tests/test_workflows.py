"""The GitHub workflows: actionlint finds nothing, and pages.yml keeps its safety properties."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

ACTIONLINT = Path(sys.executable).with_name("actionlint")
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
# An exact release (v4.2.2) or a full commit id: never a moving tag like v4 or main.
PINNED = re.compile(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})")


def lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", "-oneline", str(path)],
                          capture_output=True, text=True, check=False, cwd=REPO)


def test_both_workflows_are_there():
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "pages.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow):
    result = lint(workflow)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_does_find_a_mistake(tmp_path):
    # The lint test above can fail: an unknown key and untrusted input in a script.
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: issues\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    timeout: 5\n"
                   "    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n")
    result = lint(bad)
    assert result.returncode == 1
    assert "timeout" in result.stdout and "github.event.issue.title" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_an_exact_version(workflow):
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8"))
    assert uses and [u for u in uses if not PINNED.fullmatch(u)] == []


@pytest.fixture(scope="module")
def pages() -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text("utf-8"))


def test_pages_asks_for_no_permission_it_does_not_need(pages):
    assert pages["permissions"] == {}
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pages_deploys_one_at_a_time_from_main(pages):
    # PyYAML reads the key `on` as True.
    assert pages[True]["push"] == {"branches": ["main"]}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert pages["jobs"]["deploy"]["needs"] == "build"


def test_pages_installs_tests_validates_builds_and_deploys_in_that_order(pages):
    steps = pages["jobs"]["build"]["steps"]
    text = [s.get("uses", "") + " " + s.get("run", "") for s in steps]

    def at(pattern: str) -> int:
        return next(i for i, t in enumerate(text) if re.search(pattern, t))

    python = steps[at("actions/setup-python")]["with"]
    assert python["cache"] == "pip" and python["cache-dependency-path"] == "requirements.lock"
    assert at("actions/setup-python") < at(r"bash \.ci/run") \
        < at(r"frictionless validate datapackage/datapackage\.json") < at("make build") \
        < at("actions/upload-pages-artifact")
    assert steps[at("actions/upload-pages-artifact")]["with"]["path"] == "build/site"
    build = steps[at("make build")]
    assert "SOURCE_DATE_EPOCH" in build["run"]
    assert set(build["env"]) == {"CHENGNUO_SITE_URL", "CHENGNUO_SITE_URL_EN"}
    # `make build` runs every stage, the site included: nothing builds it a second time.
    assert [t for t in text if re.search(r"chengnuo (site|build)|make build", t)] == [text[at("make build")]]
    assert "chengnuo site" not in build["run"]
    deploy = pages["jobs"]["deploy"]["steps"]
    assert [s["uses"].split("@")[0] for s in deploy] == ["actions/deploy-pages"]
