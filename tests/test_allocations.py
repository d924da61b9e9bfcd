"""The public-welfare jobs allocation table of the 2022 gazette, in long form and checked."""

from __future__ import annotations

import functools
import json

import pytest
from hypothesis import given, settings, strategies as st

from chengnuo.records.allocations import allocation_rows, parse_allocation_table
from chengnuo.reference import Reference
from tests.conftest import REPO

DOC = "liaocheng-2022-public-welfare-jobs-attachment-1"
GAZETTE = "reports/liaocheng-gazette-2022-02.txt"
LINES = (REPO / GAZETTE).read_text(encoding="utf-8").split("\n")
TABLE = LINES[328:347]  # lines 329-347: 附件 1, the title and the table

# The table as printed (lines 336-347): area, total, urban, rural.
PRINTED = [
    ("dongchangfu", 336, 3310, 760, 2550), ("chiping", 337, 2400, 300, 2100),
    ("linqing", 338, 3740, 640, 3100), ("guanxian", 339, 3500, 400, 3100),
    ("shenxian", 340, 5340, 340, 5000), ("yanggu", 341, 3720, 320, 3400),
    ("donge", 342, 1710, 210, 1500), ("gaotang", 343, 2010, 310, 1700),
    ("liaocheng-etdz", 344, 570, 170, 400), ("liaocheng-hitech", 345, 680, 80, 600),
    ("jiangbei-resort", 346, 620, 70, 550), ("liaocheng", 347, 27600, 3600, 24000),
]


@functools.lru_cache(maxsize=1)
def reference() -> Reference:
    return Reference.load()


def rows_of(lines: list[str], warnings: list | None = None) -> list[dict]:
    parsed = parse_allocation_table(DOC, GAZETTE, lines, 329)
    out = [] if warnings is None else warnings
    out += parsed.warnings
    return allocation_rows(DOC, "liaocheng", parsed.allocations, reference(), GAZETTE, out)


def test_the_table_in_long_form(corpus):
    records = json.loads((corpus.stage_dir("records") / f"{DOC}.json").read_text(encoding="utf-8"))
    assert records["allocations"] == [
        {"document_id": DOC, "jurisdiction_id": area, "category": category, "value": value,
         "unit": "个", "line": line}
        for area, line, *values in PRINTED
        for category, value in zip(("total", "urban", "rural"), values)]
    assert records["warnings"] == []


def test_the_city_total_is_the_2022_livelihood_project(corpus):
    """The report's 全市新开发城乡公益性岗位2.76万个 is the table's 合计 of 27600."""
    report = json.loads((corpus.stage_dir("records") / "liaocheng-2022-work-report.json").read_text("utf-8"))
    project = next(c for c in report["commitments"] if c["kind"] == "livelihood_project")
    assert project["text_zh"] == "全市新开发城乡公益性岗位2.76万个"
    assert ("liaocheng", 27600) in [(r["jurisdiction_id"], r["value"]) for r in rows_of(TABLE)
                                    if r["category"] == "total"]


@pytest.mark.parametrize("line, old, new, message", [
    # A column that no longer adds up to the 合计 row (莘县's rural jobs misprinted).
    (340, "5000", "5900", "reports/liaocheng-gazette-2022-02.txt:347: the rural column adds up to "
                          "24900, but the 合计 row says 24000"),
    # A row whose 总数 is not 城镇 + 乡村.
    (336, "3310", "3301", "reports/liaocheng-gazette-2022-02.txt:336: urban 760 + rural 2550 is "
                          "not the total 3301"),
    (345, "高新区", "新城区", "reports/liaocheng-gazette-2022-02.txt:345: unknown area '新城区': add it "
                           "to metadata/jurisdictions.yaml"),
    (338, "640", "6百4", "reports/liaocheng-gazette-2022-02.txt:338: 临清市: urban is not a number: "
                       "'6百4'"),
    (347, "合 计", "总  数", "reports/liaocheng-gazette-2022-02.txt:347: the table has no 合计 row to "
                          "check its columns against"),
])
def test_a_mismatch_is_a_warning_naming_file_and_line(line, old, new, message):
    lines = list(TABLE)
    lines[line - 329] = lines[line - 329].replace(old, new, 1)
    warnings: list = []
    rows_of(lines, warnings)
    assert message in [str(w) for w in warnings]


def test_an_attachment_without_a_table_gives_no_rows():
    scope = LINES[348:365]  # attachment 2: the scope of the jobs, in prose
    parsed = parse_allocation_table("doc", GAZETTE, scope, 349)
    assert (parsed.allocations, parsed.warnings) == ([], [])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 18), st.integers(0, 3),
                          st.sampled_from(["", "1", "x", "合 计", "\t", "总数", "城镇", "12,000", " "])),
                max_size=12))
def test_fuzzed_tables_never_raise(edits):
    lines = list(TABLE)
    for row, column, text in edits:
        cells = lines[row].split("\t")
        cells[column % len(cells)] = text
        lines[row] = "\t".join(cells)
    warnings: list = []
    rows = rows_of(lines, warnings)
    keys = [(r["jurisdiction_id"], r["category"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(329 <= r["line"] <= 347 and r["value"] >= 0 for r in rows)
    assert all(329 <= w.line <= 347 and "\n" not in w.message for w in warnings)
