"""Bad input reaches the user as one clear line and leaves the published package alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from chengnuo.cli import main
from chengnuo.project import Project
from tests.conftest import ONE_LINE_ERROR, REPO, build, copy_project, package_bytes, reregister
from tests.fuzz import build_fuzz, check_damaged_build

PLAN = "liaocheng-2023-task-plan.txt"


def stopped_build(root: Path):
    """Build `root`, which must stop (exit 1) and leave the published package as it was."""
    before = package_bytes(root)
    result = build(root)
    assert result.exit_code == 1
    assert package_bytes(root) == before
    return result


def test_a_changed_report_stops_the_build(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    (root / "reports" / PLAN).write_bytes((REPO / "reports" / PLAN).read_bytes() + b"\n")
    result = stopped_build(root)
    assert "Traceback" not in result.output
    assert ONE_LINE_ERROR.fullmatch(result.stderr.splitlines(True)[-1])
    assert "sha256" in result.stderr and PLAN in result.stderr


@pytest.mark.parametrize("data, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02\xff" * 100, "binary"),
    ("一、主要预期目标\n1.任务。（牵头单位：市财政局）\n".encode("utf-8") + b"\xff\xfe\xfa bad\n",
     f"{PLAN}:3: not valid UTF-8 text"),
])
def test_unreadable_report_is_one_line_and_nothing_is_lost(tmp_path, data, message):
    root = copy_project(tmp_path, with_package=True).root
    reregister(Project(root), PLAN, data)
    result = stopped_build(root)
    last = result.stderr.splitlines(True)[-1]
    assert ONE_LINE_ERROR.fullmatch(last) and message in last and "Traceback" not in result.output


@pytest.mark.slow
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


@build_fuzz(max_examples=15)
def test_mutated_plan_never_gives_a_traceback(tmp_path_factory, mutations):
    check_damaged_build(tmp_path_factory, PLAN, mutations)


# The catalogue of bad input for a new file: what `chengnuo inspect` (and so `add`) says.
TITLE = "聊城市2023年市政府工作报告重点工作任务责任分工方案\n一、主要预期目标\n"
BRACKET = "（牵头领导：刘文强；牵头单位：市财政局）"
CHECK = " (check the numbering against the original)"
COMPARE = " (a line may be cut off or missing: compare with the original)"


def item(number: int, bracket: str = BRACKET) -> str:
    return f"{number}.推进第{number}项重点工作。{bracket}\n"


def inspect_cli(tmp_path: Path, name: str, data: bytes):
    file = tmp_path / name
    file.write_bytes(data)
    return CliRunner().invoke(main, ["inspect", str(file)], catch_exceptions=False), str(file)


@pytest.mark.parametrize("case, text, warning", [
    ("cut off mid-item", TITLE + item(1) + "2.推进第2项重点工作。（牵头领导：刘文强；牵头单位：市",
     "4: 2: the assignment bracket is not closed" + COMPARE),
    ("duplicate number", TITLE + item(1) + item(2) + item(2) + item(3),
     "5: task 2 is numbered like an earlier one; its id is liaocheng-2023-task-plan-2-r2" + CHECK),
    ("missing number", TITLE + item(1) + item(2) + item(4),
     "5: task 4 follows task 2: number 3 is missing (a page break or the extraction may have "
     "dropped it: compare with the original)"),
    ("unclosed bracket", TITLE + item(1, BRACKET[:-1]) + item(2),
     "3: 1: the assignment bracket is not closed" + COMPARE),
    ("unbalanced brackets", TITLE + item(1, "（牵头领导：刘文强；牵头单位：市财政局；责任单位：各县〔市、区人民政府）")
     + item(2), "3: 1: the assignment bracket is not closed" + COMPARE),
    ("unknown unit", TITLE + item(1, "（牵头领导：刘文强；牵头单位：市星际开发局）"),
     "3: unknown unit '市星际开发局': add to metadata/units.yaml"),
    ("a county of the national standard", TITLE.replace("聊城市2023年市政府", "2023年临沂市政府") + item(1),
     "3: unknown unit '市财政局': add to metadata/units.yaml"),
    ("year in the future", TITLE.replace("2023", "2099") + item(1),
     "1: year 2099 is in the future (today is "),
])
def test_a_new_file_the_result_can_live_with_gives_a_warning(tmp_path, case, text, warning):
    result, path = inspect_cli(tmp_path, "plan.txt", text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning: ")]
    assert any(line.startswith(f"warning: {path}:{warning}") for line in warnings), warnings


@pytest.mark.parametrize("case, name, data, message", [
    ("empty file", "plan.txt", b"", ": the file is empty (restore the original file)"),
    ("binary file", "plan.txt", b"\x00\x01\x02\xff" * 100,
     ":1: looks like a binary file, not text: "),
    ("undecodable bytes", "plan.txt", (TITLE + item(1)).encode("utf-8") + b"\xff\xfe\xfa\n",
     ":4: not valid UTF-8 text, although it is UTF-8 up to here: undecodable byte 0xff "
     "(read as utf-8) (save the file as UTF-8 text)"),
    ("a plan with no items", "plan.txt", (TITLE + "本方案暂无具体任务。\n").encode("utf-8"),
     ":1: no commitments read in lines 1-3 of this task_plan: recognised 1 parts, 1 sections, "
     "0 paragraphs; not recognised: numbered tasks (is this really a task_plan? give --kind, "
     "or check the file)"),
    ("a place that is nowhere", "plan.txt",
     (TITLE.replace("聊城市2023年市政府", "2023年星海市政府") + item(1)).encode("utf-8"),
     ":1: no commitments read: recognised lines 1-3, title '2023年星海市政府工作报告重点工作任务"
     "责任分工方案', kind task_plan, year 2023; not recognised: jurisdiction ('星海市' is not a "
     "known place) (give --kind, --year or --jurisdiction for what is not recognised)"),
    ("a name of two places", "plan.txt",
     (TITLE.replace("聊城市2023年市政府", "2023年朝阳区政府") + item(1)).encode("utf-8"),
     ":1: '朝阳区' may be 朝阳区 (北京市, 110105, id chaoyang-beijing); 朝阳区 (吉林省, 长春市, "
     "220104, id chaoyang-changchun) (give --jurisdiction with the id or the adcode)"),
    ("a PDF named .txt", "plan.txt", b"%PDF-1.4\n%...",
     ": the file is a PDF file, not txt (rename it to end in .pdf)"),
    ("a broken PDF", "plan.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n",
     ": cannot read this PDF ("),
    ("a broken docx", "plan.docx", b"PK\x03\x04 not really a zip",
     ": not a .docx file (a .docx is a zip archive) (save the document from Word as .docx, "
     "or as .txt)"),
    ("an old Word file", "plan.doc", b"\xd0\xcf\x11\xe0 old word",
     ": unsupported file type '.doc' (save it from Word as .docx)"),
    ("a page without an article", "page.html", "<html><nav>首页</nav><footer>版权所有</footer></html>".encode("utf-8"),
     ": the page holds no article text (save the page with its text (not only its frame), "
     "or copy the text into .txt)"),
])
def test_a_new_file_that_cannot_be_trusted_is_one_line_and_exit_1(tmp_path, case, name, data, message):
    result, path = inspect_cli(tmp_path, name, data)
    assert result.exit_code == 1 and result.stdout == ""
    assert ONE_LINE_ERROR.fullmatch(result.stderr.replace(path, "reports/x"))
    assert result.stderr.startswith(f"error: {path}{message}"), result.stderr


@pytest.mark.parametrize("case, text, message", [
    ("a county of no project", TITLE.replace("聊城市2023年市政府", "2023年临沂市政府") + item(1),
     ":1: 临沂市 (linyi, adcode 371300) is not a jurisdiction of this project (add it to "
     "src/chengnuo/metadata/jurisdictions.yaml, or give --jurisdiction)"),
    ("year in the future", TITLE.replace("2023", "2099") + item(1), ":1: year 2099 is in the future"),
])
def test_add_refuses_what_it_cannot_register(tmp_path, case, text, message):
    root = copy_project(tmp_path / "project").root
    registry = (root / "reports" / "registry.yaml").read_bytes()
    file = tmp_path / "plan.txt"
    file.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(root), "add", str(file)], catch_exceptions=False)
    assert result.exit_code == 1 and result.stderr.startswith(f"error: {file}{message}")
    assert len(result.stderr.splitlines()) == 1
    assert (root / "reports" / "registry.yaml").read_bytes() == registry
    assert not (root / "reports" / "liaocheng-2099-task-plan.txt").exists()


def test_a_registered_file_that_is_missing_stops_the_build(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    (root / "reports" / PLAN).unlink()
    result = stopped_build(root)
    assert result.stderr.splitlines()[-1] == (
        f"error: reports/registry.yaml:{_source_line(root, PLAN)}: source file reports/{PLAN} does "
        "not exist (restore it, or remove its entry)")


def test_a_registered_plan_without_tasks_stops_the_build(tmp_path):
    root = copy_project(tmp_path, with_package=True).root
    text = (REPO / "reports" / PLAN).read_text(encoding="utf-8").split("\n")
    # Keep the line count (the registry's ranges) but blank out every numbered task.
    text = [re.sub(r"^(\s*)(\d+)([.．])", r"\1第\2项\3", line) for line in text]
    reregister(Project(root), PLAN, "\n".join(text).encode("utf-8"))
    result = stopped_build(root)
    assert result.stderr.splitlines()[-1] == (
        f"error: reports/{PLAN}:15: document 'liaocheng-2023-task-plan' has no commitment in "
        "lines 15-223 (recognised 46 sections, 0 paragraphs; not recognised: numbered tasks) (check the file, and its line_start, line_end and kind in reports/registry.yaml)")


def _source_line(root: Path, file_name: str) -> int:
    lines = (root / "reports" / "registry.yaml").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if line.strip() == f"path: {file_name}") - 1
