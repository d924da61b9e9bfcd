"""Per-county allocation tables, such as the public-welfare jobs of 聊政办字〔2022〕4号 附件1.

read:    the lines of one registered attachment; a table is the run of
         tab-separated lines, as the gazette's text extraction left it:

             县（市、区）	城乡公益性岗位开发计划数量（单位：个）
             	总数	城镇	乡村
             东昌府区	3310	760	2550
             …
             合 计	27600	3600	24000

produce: one row per (area, category) in long form, the 合计 row included as the
         row of the issuing government; every column is checked against the
         合计 row and every row's 总数 against its parts, and a mismatch is a
         warning naming the file and line (the figures stay as printed)

An attachment without tab-separated lines (a prose list) gives no rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chengnuo.errors import BuildWarning
from chengnuo.records.task_plan import ParsedPlan
from chengnuo.reference import Reference
from chengnuo.schema import allowed_values

# Column heading → category; the order of CATEGORIES is the order of the data package.
CATEGORIES = allowed_values("allocations", "category")
_CATEGORY_WORDS = {"总数": "total", "合计": "total", "总计": "total", "小计": "total",
                   "城镇": "urban", "乡村": "rural", "农村": "rural"}
_TOTAL_ROW = ("合计", "总计")
_UNIT = re.compile(r"单位\s*[：:]\s*(?P<unit>[^）)\s]+)")
_NUMBER = re.compile(r"[0-9][0-9,，]*")


@dataclass(frozen=True)
class Cell:
    """One figure of the table, before its area is matched to a jurisdiction."""

    line: int
    area: str  # as printed, spaces removed: 冠县, 开发区, 合计
    category: str
    value: int
    unit: str

    @property
    def is_total(self) -> bool:
        return self.area in _TOTAL_ROW


def parse_allocation_table(document_id: str, path: str, lines: list[str],
                           first_line: int) -> ParsedPlan:
    """The cells of the tab-separated table in `lines` (line `first_line` first), checked."""
    warnings: list[BuildWarning] = []
    rows = [(first_line + i, [c.strip() for c in line.split("\t")])
            for i, line in enumerate(lines) if "\t" in line]
    parsed = ParsedPlan(document_id, [], [], warnings)
    if not rows:
        return parsed
    unit = next((m["unit"] for _, cells in rows for c in cells if (m := _UNIT.search(c))), "")
    header = next(((n, cells) for n, cells in rows
                   if sum(c in _CATEGORY_WORDS for c in cells) >= 2), None)
    if header is None:
        warnings.append(BuildWarning(path, rows[0][0], "a table without 总数/城镇/乡村 columns"))
        return parsed
    if not unit:
        warnings.append(BuildWarning(path, header[0], "the table states no unit (单位：…)"))
    columns = {i: _CATEGORY_WORDS[c] for i, c in enumerate(header[1]) if c in _CATEGORY_WORDS}
    for number, cells in rows:
        if number <= header[0]:
            continue
        area = re.sub(r"\s+", "", cells[0])
        if not area:
            warnings.append(BuildWarning(path, number, "a table row without an area name"))
            continue
        for index, category in columns.items():
            text = cells[index] if index < len(cells) else ""
            if not _NUMBER.fullmatch(text):
                warnings.append(BuildWarning(path, number, f"{area}: {category} is not a number: "
                                                           f"{text!r}"))
                continue
            parsed.allocations.append(Cell(number, area, category,
                                           int(re.sub(r"[,，]", "", text)), unit))
    check_sums(parsed.allocations, path, warnings)
    return parsed


def check_sums(cells: list[Cell], path: str, warnings: list[BuildWarning]) -> None:
    """Each column against the 合计 row, and each row's total against its parts."""
    totals = [c for c in cells if c.is_total]
    areas = [c for c in cells if not c.is_total]
    if not totals:
        if cells:
            warnings.append(BuildWarning(path, cells[-1].line, "the table has no 合计 row to "
                                                               "check its columns against"))
        return
    for category in CATEGORIES:
        stated = [c for c in totals if c.category == category]
        column = [c.value for c in areas if c.category == category]
        if stated and column and sum(column) != stated[0].value:
            warnings.append(BuildWarning(path, stated[0].line, (
                f"the {category} column adds up to {sum(column)}, but the 合计 row says "
                f"{stated[0].value}")))
    by_line: dict[int, dict[str, int]] = {}
    for c in cells:
        by_line.setdefault(c.line, {})[c.category] = c.value
    for line, values in sorted(by_line.items()):
        if set(CATEGORIES) <= set(values) and values["urban"] + values["rural"] != values["total"]:
            warnings.append(BuildWarning(path, line, (
                f"urban {values['urban']} + rural {values['rural']} is not the total "
                f"{values['total']}")))


def allocation_rows(document_id: str, jurisdiction_id: str, cells: list[Cell],
                    reference: Reference, path: str, warnings: list[BuildWarning]) -> list[dict]:
    """Rows of the allocations table: each area matched to one of the government's areas."""
    names = {}
    for j in reference.jurisdictions.values():
        if j.parent_id == jurisdiction_id:
            for name in (j.name_zh, *j.short_names):
                names[name] = j.jurisdiction_id
    rows, unknown, seen = [], set(), set()
    for cell in cells:
        area_id = jurisdiction_id if cell.is_total else names.get(cell.area)
        if area_id is None:
            if cell.area not in unknown:
                warnings.append(BuildWarning(path, cell.line, f"unknown area {cell.area!r}: add it "
                                                              "to metadata/jurisdictions.yaml"))
                unknown.add(cell.area)
            continue
        if (area_id, cell.category) in seen:
            warnings.append(BuildWarning(path, cell.line, f"{cell.area}: a second {cell.category} "
                                                          "figure for the same area is left out"))
            continue
        seen.add((area_id, cell.category))
        rows.append({"document_id": document_id, "jurisdiction_id": area_id,
                     "category": cell.category, "value": cell.value, "unit": cell.unit,
                     "line": cell.line})
    return rows
