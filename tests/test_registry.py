"""reports/registry.yaml: the real registry, and one exact message per kind of mistake."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.registry import KINDS, load_registry
from chengnuo.text.verify import verify_files
from tests.conftest import MAIN

REG = "reports/registry.yaml"



def edit(project: Project, old: str, new: str) -> str:
    """Replace the first `old` in the copied registry; returns the new registry text."""
    text = project.registry_path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    project.registry_path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    """1-based line of the n-th occurrence of `snippet` in `text`."""
    at = -1
    for _ in range(occurrence):
        at = text.index(snippet, at + 1)
    return text.count("\n", 0, at) + 1


def message(call) -> str:
    with pytest.raises(ChengnuoError) as caught:
        call()
    text = str(caught.value)
    assert "\n" not in text
    return text


# --- the real registry -------------------------------------------------------------------

def test_real_registry_loads_and_every_file_matches():
    registry = load_registry(MAIN)
    decoded = verify_files(MAIN, registry)  # sha256, encoding and ranges, or it raises
    assert [s.source_id for s in registry.sources] == [
        "liaocheng-2023-task-plan", "dongchangfu-2024-task-plan", "liaocheng-2024-work-report",
        "liaocheng-2023-work-report-newspaper", "liaocheng-gazette-2022-02"]
    for source in registry.sources:
        data = (MAIN.reports_dir / source.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source.sha256
        lines = decoded[source.source_id].lines
        spans = sorted((d.line_start, d.line_end) for d in source.documents)
        for start, end in spans:
            assert 1 <= start <= end <= len(lines)
        for (_, end), (next_start, _) in zip(spans, spans[1:]):
            assert end < next_start


def test_every_registered_file_is_in_reports_and_every_file_is_registered():
    registry = load_registry(MAIN)
    # Besides the sources: the registry, and the maintainers' verdicts on outcomes.
    on_disk = sorted(p.name for p in MAIN.reports_dir.iterdir()
                     if p.name not in ("registry.yaml", "outcome-reviews.yaml"))
    assert sorted(s.path for s in registry.sources) == on_disk


def test_registry_header_documents_every_kind():
    header = MAIN.registry_path.read_text(encoding="utf-8").split("\nsources:")[0]
    for kind in KINDS:
        assert f"#                   {kind}" in header or f"#   kind            {kind}" in header


DOCUMENTS = [
    # document_id, kind, line_start, line_end, first line, last line (both as in the file)
    ("liaocheng-2023-task-plan-notice", "notice", 1, 13, "聊城市人民政府", "（此件公开发布）\u3000\u3000"),
    ("liaocheng-2023-task-plan", "task_plan", 15, 223, "2023年市政府工作报告重点工作任务",
     "\u3000\u3000158.坚持政府“过紧日子”，强化财政预算约束，压一般、保重点，把有限的资金用到发展紧要处、"
     "民生急需时。（牵头领导：刘文强；牵头单位：市财政局；责任单位：市政府各部门，各县〔市、区〕人民政府、"
     "市属开发区管委会）"),
    ("dongchangfu-2024-task-plan-notice", "notice", 3, 17, "# 聊城市东昌府区人民政府文件", "（此件公开发布）"),
    ("dongchangfu-2024-task-plan", "task_plan", 19, 381, "# 2024 年区政府工作报告重点工作 任务责任分工方案",
     None),
    ("liaocheng-2024-work-report", "work_report", 3, 314, "政府工作报告", "(市供销合作社)"),
    ("liaocheng-2023-work-report", "work_report", 3, 188, "风劲帆满图新志 砥砺前行正当时", None),
    ("liaocheng-2022-work-report", "work_report", 59, 275, "政府工作报告", None),
    ("liaocheng-2022-public-welfare-jobs-notice", "notice", 277, 327, "聊城市人民政府办公室",
     "2022 年 2 月 12 日"),
    ("liaocheng-2022-public-welfare-jobs-attachment-1", "attachment", 329, 347, "附件 1",
     "合 计\t27600\t3600\t24000"),
    ("liaocheng-2022-public-welfare-jobs-attachment-2", "attachment", 349, 365, "城乡公益性岗位设置范围",
     "- (五) 社会治理类，主要从事社区网格员、基层调解员等方面的工作。"),
    ("liaocheng-2022-personnel-notice-7", "personnel_notice", 367, 415,
     "聊城市人民政府 关于任免徐韶华等工作人员职务的通知", "2022年2月13日"),
    ("liaocheng-2022-personnel-notice-8", "personnel_notice", 417, 429,
     "聊城市人民政府 关于任命陈波职务的通知", "2022年2月25日"),
    ("liaocheng-2022-02-chronicle", "chronicle", 431, 481,
     "（上接第22页）在主席台前排就座。李长萍、张百顺、王彤宇、秦存华、陈秀兴、于海波、姜传政、柳庆发、刘昌松在主席台前排就座。",
     "21日，中国共产党聊城市第十四次代表大会胜利闭幕。孙爱军同志主持大会并(下转第21页)"),
]


@pytest.mark.parametrize("document_id, kind, line_start, line_end, first, last", DOCUMENTS,
                         ids=[row[0] for row in DOCUMENTS])
def test_real_document_ranges(document_id, kind, line_start, line_end, first, last):
    registry = load_registry(MAIN)
    document = registry.document(document_id)
    lines = verify_files(MAIN, registry)[document.source_id].lines
    assert (document.kind, document.line_start, document.line_end) == (kind, line_start, line_end)
    assert lines[line_start - 1] == first
    if last is not None:
        assert lines[line_end - 1] == last


def test_all_documents_are_registered():
    assert sorted(d.document_id for d in load_registry(MAIN).documents) == sorted(r[0] for r in DOCUMENTS)


def test_task_plans_never_show_their_notice_paragraphs():
    registry = load_registry(MAIN)
    for plan_id in ("liaocheng-2023-task-plan", "dongchangfu-2024-task-plan"):
        plan = registry.document(plan_id)
        lines = verify_files(MAIN, registry)[plan.source_id].lines[plan.line_start - 1:plan.line_end]
        assert not any("此件公开发布" in line or "印发给你们" in line for line in lines)
        assert not any(line.lstrip("\u3000 ").startswith("一、提高政治站位") for line in lines)


def test_plans_carry_the_number_of_the_notice_that_issued_them():
    registry = load_registry(MAIN)
    assert registry.document("dongchangfu-2024-task-plan").doc_number == "东昌政发〔2024〕1号"
    assert registry.document("dongchangfu-2024-task-plan-notice").doc_number == "东昌政发〔2024〕1号"
    assert registry.document("liaocheng-2023-work-report").is_partial is True
    assert [d.document_id for d in registry.documents if d.is_partial] == ["liaocheng-2023-work-report"]


def test_unknown_ids_are_one_line_errors():
    registry = load_registry(MAIN)
    assert message(lambda: registry.source("nope")) == f"{REG}: no source with source_id 'nope'"
    assert message(lambda: registry.document("nope")) == f"{REG}: no document with document_id 'nope'"


# --- mistakes in the registry itself -----------------------------------------------------

@pytest.mark.parametrize("old, new, anchor, expected", [
    ("        doc_number: 聊政任〔2022〕8号\n", "", "document_id: liaocheng-2022-personnel-notice-8",
     "a document entry is missing key 'doc_number'"),
    ("    url: null\n", "    url: null\n    licence: unknown\n", "licence: unknown",
     "unknown key 'licence' in a source entry (allowed keys: source_id, path, sha256, format, "
     "encoding, publisher_zh, publisher_en, published_date, url, documents)"),
    ("document_id: liaocheng-2022-02-chronicle", "document_id: Liaocheng_Chronicle",
     "Liaocheng_Chronicle",
     "document_id 'Liaocheng_Chronicle' is not a lowercase ASCII slug (use lowercase a-z, 0-9 "
     "and single hyphens, e.g. liaocheng-2023-task-plan)"),
    ("kind: chronicle", "kind: diary", "kind: diary",
     "kind 'diary' is not one of: work_report, task_plan, notice, attachment, personnel_notice, "
     "chronicle"),
    ("        line_end: 223\n", "        line_end: 223\n        english: later\n", "english: later",
     "english 'later' is not one of: required, pending"),
    ("line_start: 417", "line_start: 410", "document_id: liaocheng-2022-personnel-notice-8",
     "document 'liaocheng-2022-personnel-notice-8' (lines 410-429) overlaps document "
     "'liaocheng-2022-personnel-notice-7' (lines 367-415) in the same source"),
    ("line_end: 13", "line_end: 0", "line_end: 0", "line_end 0 is before line_start 1"),
], ids=["missing key", "unknown key", "bad slug", "unknown kind", "bad english value",
        "overlapping ranges", "range that ends before it starts"])
def test_a_mistake_in_an_entry_is_named_at_its_line(project, old, new, anchor, expected):
    text = edit(project, old, new)
    assert message(lambda: load_registry(project)) == f"{REG}:{line_of(text, anchor)}: {expected}"


@pytest.mark.parametrize("bad", ["2022-02-30", "2022/02/12", "12 February 2022"])
def test_bad_date(project, bad):
    text = edit(project, "issued_date: 2022-02-12", f"issued_date: {bad}")
    assert message(lambda: load_registry(project)) == (
        f"{REG}:{line_of(text, bad)}: issued_date '{bad}' is not an ISO date (YYYY-MM-DD)")


def test_english_is_required_unless_a_document_says_pending(project):
    assert load_registry(MAIN).english_pending == frozenset()  # the bundled corpus: all held
    edit(project, "        line_end: 223\n", "        line_end: 223\n        english: pending\n")
    registry = load_registry(project)
    assert registry.english_pending == frozenset({"liaocheng-2023-task-plan"})
    assert registry.document("liaocheng-2023-task-plan-notice").english == "required"


def test_registry_header_documents_the_optional_english_key():
    header = MAIN.registry_path.read_text(encoding="utf-8").split("\nsources:")[0]
    assert "#   english         optional: `pending` while" in header


def test_duplicate_document_id(project):
    text = edit(project, "document_id: liaocheng-2022-personnel-notice-8",
                "document_id: liaocheng-2022-personnel-notice-7")
    first = line_of(text, "document_id: liaocheng-2022-personnel-notice-7")
    second = line_of(text, "document_id: liaocheng-2022-personnel-notice-7", 2)
    assert message(lambda: load_registry(project)) == (
        f"{REG}:{second}: duplicate document_id 'liaocheng-2022-personnel-notice-7' "
        f"(first used at line {first})")


def test_duplicate_path(project):
    text = edit(project, "path: liaocheng-2024-work-report.txt", "path: liaocheng-2023-task-plan.txt")
    first = line_of(text, "- source_id: liaocheng-2023-task-plan")
    second = line_of(text, "- source_id: liaocheng-2024-work-report")
    assert message(lambda: load_registry(project)) == (
        f"{REG}:{second}: duplicate path 'liaocheng-2023-task-plan.txt' (first used at line {first})")


def test_year_too_far_in_the_future(project):
    text = edit(project, "year: 2024", "year: 2026")
    assert message(lambda: load_registry(project, today=date(2024, 6, 1))) == (
        f"{REG}:{line_of(text, 'year: 2026')}: year 2026 is too far in the future (today is "
        "2024-06-01; the latest possible year is 2025)")
    edit(project, "year: 2026", "year: 2025")
    load_registry(project, today=date(2024, 6, 1))  # next year's plan is fine


def test_date_in_the_future(project):
    text = project.registry_path.read_text(encoding="utf-8")
    assert message(lambda: load_registry(project, today=date(2024, 1, 31))) == (
        f"{REG}:{line_of(text, 'published_date: 2024-02-05')}: published_date 2024-02-05 is in the "
        "future (today is 2024-01-31)")


def test_not_yaml(project):
    edit(project, "sources:\n", "sources: [\n")
    assert message(lambda: load_registry(project)).startswith(f"{REG}:")


# --- the registry against the files ------------------------------------------------------

def test_changed_file_gives_both_hashes_and_the_fix(project):
    file = project.reports_dir / "liaocheng-2024-work-report.txt"
    old = hashlib.sha256(file.read_bytes()).hexdigest()
    file.write_bytes(file.read_bytes() + b"\n")
    new = hashlib.sha256(file.read_bytes()).hexdigest()
    text = project.registry_path.read_text(encoding="utf-8")
    assert message(lambda: verify_files(project, load_registry(project))) == (
        f"{REG}:{line_of(text, old)}: reports/liaocheng-2024-work-report.txt has changed: its sha256 "
        f"is {new}, the registry records {old} (if the change is intended, re-register the file "
        f"with sha256: {new}; otherwise restore the original)")


def test_missing_file(project):
    (project.reports_dir / "liaocheng-2024-work-report.txt").unlink()
    text = project.registry_path.read_text(encoding="utf-8")
    assert message(lambda: verify_files(project, load_registry(project))) == (
        f"{REG}:{line_of(text, '- source_id: liaocheng-2024-work-report')}: source file "
        "reports/liaocheng-2024-work-report.txt does not exist (restore it, or remove its entry)")


@pytest.mark.parametrize("old, new, anchor, expected", [
    ("line_end: 481", "line_end: 482", "document_id: liaocheng-2022-02-chronicle",
     "document 'liaocheng-2022-02-chronicle' ends at line 482, but "
     "reports/liaocheng-gazette-2022-02.txt has only 481 lines"),
    ("line_start: 15", "line_start: 14", "document_id: liaocheng-2023-task-plan\n",
     "document 'liaocheng-2023-task-plan' starts on a blank line "
     "(reports/liaocheng-2023-task-plan.txt line 14) (start and end each document on a "
     "non-blank line)"),
    ("encoding: utf-8", "encoding: gb18030", "- source_id: liaocheng-2023-task-plan",
     "reports/liaocheng-2023-task-plan.txt decodes as utf-8, but the registry records encoding "
     "gb18030 (set encoding: utf-8)"),
], ids=["range beyond the end of the file", "range starting on a blank line",
        "encoding that does not match the detector"])
def test_an_entry_that_does_not_fit_its_file_is_named_at_its_line(project, old, new, anchor,
                                                                  expected):
    text = edit(project, old, new)
    assert message(lambda: verify_files(project, load_registry(project))) == (
        f"{REG}:{line_of(text, anchor)}: {expected}")


def test_missing_registry(tmp_path):
    assert message(lambda: load_registry(Project(tmp_path))) == (
        f"{REG}: the registry does not exist (describe each file in reports/ there)")
