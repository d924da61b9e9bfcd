"""Bad input reaches the user as one clear line and leaves the published package alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from chengnuo.cli import main
from chengnuo.project import Project
from tests.conftest import REPO, copy_project, reregister

PLAN = "liaocheng-2023-task-plan.txt"
ONE_LINE_ERROR = re.compile(r"error: (reports/[^:\n]+:\d+: )?[^\n]+\n")


def build(root: Path):
    return CliRunner().invoke(main, ["--project", str(root), "build"], catch_exceptions=False)


def package_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "datapackage").rglob("*")) if p.is_file()}


def test_a_changed_report_stops_the_build(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    (root / "reports" / PLAN).write_bytes((REPO / "reports" / PLAN).read_bytes() + b"\n")
    before = package_bytes(root)
    result = build(root)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert ONE_LINE_ERROR.fullmatch(result.stderr.splitlines(True)[-1])
    assert "sha256" in result.stderr and PLAN in result.stderr
    assert package_bytes(root) == before


@pytest.mark.parametrize("data, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02\xff" * 100, "binary"),
    ("一、主要预期目标\n1.任务。（牵头单位：市财政局）\n".encode("utf-8") + b"\xff\xfe\xfa bad\n",
     f"{PLAN}:3: not valid UTF-8 text"),
])
def test_unreadable_report_is_one_line_and_nothing_is_lost(tmp_path, data, message):
    root = copy_project(tmp_path, with_package=True).root
    reregister(Project(root), PLAN, data)
    before = package_bytes(root)
    result = build(root)
    assert result.exit_code == 1
    last = result.stderr.splitlines(True)[-1]
    assert ONE_LINE_ERROR.fullmatch(last) and message in last and "Traceback" not in result.output
    assert package_bytes(root) == before


def test_a_plan_in_gb18030_gives_the_same_package(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    text = (REPO / "reports" / PLAN).read_text(encoding="utf-8")
    reregister(Project(root), PLAN, text.replace("\n", "\r\n").encode("gb18030"))
    registry = root / "reports" / "registry.yaml"
    lines = registry.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == f"path: {PLAN}")
    enc = next(i for i in range(at, at + 6) if lines[i].strip().startswith("encoding:"))
    lines[enc] = lines[enc].replace("utf-8", "gb18030")
    registry.write_text("\n".join(lines), encoding="utf-8")
    result = build(root)
    assert result.exit_code == 0, result.output
    fresh = package_bytes(root)
    # Only the sources table (sha256, encoding) may differ from the committed package.
    committed = package_bytes(copy_project(tmp_path / "committed", with_package=True).root)
    assert {k for k in fresh if fresh[k] != committed.get(k)} == {"datapackage/data/sources.csv"}


MUTATION = st.tuples(st.sampled_from(["delete", "insert", "truncate"]), st.integers(0, 10**9),
                     st.binary(min_size=1, max_size=4))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_plan_never_gives_a_traceback(tmp_path_factory, mutations):
    root = copy_project(tmp_path_factory.mktemp("fuzz"), with_package=True).root
    data = bytearray((REPO / "reports" / PLAN).read_bytes())
    for op, at, chunk in mutations:
        i = at % (len(data) + 1)
        if op == "delete":
            del data[i:i + len(chunk) * 40]
        elif op == "insert":
            data[i:i] = chunk
        else:
            del data[i:]
    reregister(Project(root), PLAN, bytes(data))
    before = package_bytes(root)
    result = build(root)
    assert "Traceback" not in result.output and "internal error" not in result.output
    if result.exit_code == 0:
        assert result.stdout.splitlines()[-1].startswith("summary: ")
    else:
        assert result.exit_code == 1
        assert ONE_LINE_ERROR.fullmatch(result.stderr.splitlines(True)[-1]), result.stderr
        assert package_bytes(root) == before
