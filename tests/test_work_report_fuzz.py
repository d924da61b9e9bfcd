"""Fuzzing the work-report parser: mutated real reports never give a traceback.

In process, every paragraph and commitment still points at lines of the input
and keeps its verbatim text; through the CLI, a mutated report either builds or
stops with one line naming the file, and the published package stays as it was.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from chengnuo.records.work_report import parse_work_report
from tests.conftest import REPO
from tests.fuzz import build_fuzz, check_damaged_build, mutate_lines

REPORT = "liaocheng-2024-work-report.txt"
LINES = (REPO / "reports" / REPORT).read_text(encoding="utf-8").split("\n")
NEWSPAPER = (REPO / "reports" / "liaocheng-2023-work-report-newspaper.txt"
             ).read_text(encoding="utf-8").split("\n")
# What the extractions are made of: markup, brackets, numbering, page furniture.
PIECES = ["**", "。", "，", "；", "：", "”", "“", "（", "）", "(", ")", "(上接4版)", "(下转第21页)",
          "一、", "（一）", "1.", "附件", "附件 1", "- 3 -", "公报", "\n", " ", "！”", "——",
          "主要预期目标是：", "（市发展改革委）", "民生实事", "等。"]
MUTATIONS = st.lists(st.tuples(st.sampled_from(["delete", "insert", "cut", "blank", "swap"]),
                               st.integers(0, 10**6), st.sampled_from(PIECES)), max_size=10)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from([(LINES, 3), (NEWSPAPER, 3)]), MUTATIONS, st.integers(0, 2**32))
def test_parser_survives_mutated_reports(source, mutations, seed):
    original, first = source
    lines = mutate_lines(original[first - 1:], mutations, seed, width=10, split=True)
    parsed = parse_work_report("doc", "report.txt", lines, first)
    last = first + len(lines) - 1
    for p in parsed.paragraphs:
        assert first <= p.line_start <= p.line_end <= last
        assert p.source_text in "\n".join(lines[p.line_start - first:p.line_end - first + 1])
        assert "**" not in p.text_zh and "\n" not in p.text_zh
        assert re.fullmatch(r"doc-p[0-9]+", p.paragraph_id)
    ids = [c.commitment_id for c in parsed.commitments]
    assert len(ids) == len(set(ids))
    for c in parsed.commitments:
        assert first <= c.line_start <= c.line_end <= last
        assert re.fullmatch(r"[0-9]+", c.label) and c.text_zh and c.source_text
    sections = [s.section_id for s in parsed.sections]
    assert len(sections) == len(set(sections))
    for w in parsed.warnings:
        assert w.path == "report.txt" and first <= w.line <= last and "\n" not in w.message


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES + list("各位代表年增长亿元")), max_size=12)
                .map("".join), max_size=30))
def test_parser_survives_text_made_of_report_pieces(lines):
    parsed = parse_work_report("doc", "report.txt", lines, 1)
    for p in parsed.paragraphs:
        assert 1 <= p.line_start <= p.line_end <= max(len(lines), 1)


@build_fuzz(max_examples=8)
def test_mutated_report_never_gives_a_traceback(tmp_path_factory, mutations):
    check_damaged_build(tmp_path_factory, REPORT, mutations)
