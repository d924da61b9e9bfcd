"""The stage graph (chengnuo.pipeline): declared once, in an order that respects it,
with the README's table in step, and a stage run alone asking for what it needs."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chengnuo.errors import ChengnuoError
from chengnuo.pipeline import BY_NAME, STAGES, upstream
from chengnuo.project import Project
from tests.conftest import REPO

CHENGNUO = Path(sys.executable).with_name("chengnuo")


def readme_pipeline_rows() -> list[tuple[str, str]]:
    """(stage, what it reads) for each row of the README's pipeline table."""
    section = REPO.joinpath("README.md").read_text(encoding="utf-8").split("## The pipeline")[1]
    section = section.split("\n## ")[0]
    return [(name, reads.strip()) for name, reads in
            re.findall(r"^\| `chengnuo (\w+)` \|([^|]*)\|", section, flags=re.M)]


def test_the_readme_lists_the_stages_of_the_graph_in_build_order():
    assert [name for name, _ in readme_pipeline_rows()] == [s.name for s in STAGES] + ["build"]


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)
def test_the_readme_says_each_stage_reads_the_output_of_what_it_needs(stage):
    reads = dict(readme_pipeline_rows())[stage.name]
    for need in stage.needs:
        folder = Project(Path(".")).stage_dir(need).as_posix() + "/"
        assert f"`{folder}`" in reads or f"(`chengnuo {need}`)" in reads, (stage.name, need)


def test_every_stage_needs_only_stages_that_run_before_it():
    for position, stage in enumerate(STAGES):
        assert set(stage.needs) <= {s.name for s in STAGES[:position]}, stage.name


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)
def test_every_stage_is_a_module_with_a_run_function(stage):
    module = importlib.import_module(f"chengnuo.{stage.name}.stage")
    assert list(inspect.signature(module.run).parameters)[:2] == ["project", "progress"]


def test_upstream_is_every_stage_needed_directly_or_not_in_build_order():
    assert [s.name for s in upstream("outcomes")] == ["text", "records", "targets"]
    assert [s.name for s in upstream("datapackage")] == [
        "text", "records", "targets", "outcomes", "topics", "mentions", "links"]
    assert [s.name for s in upstream("site")] == [s.name for s in STAGES if s.name != "site"]
    assert upstream("text") == []


def test_a_stage_run_alone_names_the_first_missing_stage_to_run(tmp_path):
    with pytest.raises(ChengnuoError) as error:
        BY_NAME["outcomes"].run(Project(tmp_path))
    assert str(error.value) == (
        "build/records: the records stage's output is missing (run `chengnuo records` first)")
    (tmp_path / "build" / "records").mkdir(parents=True)
    with pytest.raises(ChengnuoError) as error:
        BY_NAME["outcomes"].run(Project(tmp_path))
    assert str(error.value) == (
        "build/targets: the targets stage's output is missing (run `chengnuo targets` first)")


def test_the_command_line_says_so_in_one_line(tmp_path):
    result = subprocess.run([str(CHENGNUO), "--project", str(tmp_path), "datapackage"],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, (
        "error: build/records: the records stage's output is missing "
        "(run `chengnuo records` first)"))


def test_each_stage_command_says_what_it_needs():
    result = subprocess.run([str(CHENGNUO), "outcomes", "--help"], capture_output=True,
                            text=True, check=True)
    assert " ".join(result.stdout.split()) == (
        "Usage: chengnuo outcomes [OPTIONS] Match each target to the next year's review into "
        "build/outcomes/ (needs `records`, `targets`). Options: --help Show this message and exit.")
