"""Reported results: every figure in the review part of a work report.

A work report delivered in year Y reviews year Y-1 (一、2023年工作回顾); the
gazette's 2022 report also looks back over five years (五年来…). Each figure
of a review paragraph becomes one result, with the sentence that holds it and
the line of the original file it is printed on.
"""

from __future__ import annotations

import re
from typing import Any

from chengnuo.quantities import Quantity, find_quantities
from chengnuo.records.lines import line_finder
from chengnuo.targets.columns import quantity_columns
from chengnuo.zh.text import sentence_around

# A paragraph about the whole term of office rather than the last year.
_FIVE_YEARS = re.compile(r"五年来|回首五年|过去五年|五年历程")


# A new term's first report reviews the whole term: a part titled so (过去五年工作回顾,
# “十四五”时期经济社会发展回顾), or paragraphs that open with 五年来 / ——这五年 and those
# that follow them in the same section until one opens with the last year.
_FIVE_YEAR_PART = re.compile(r"五年|“十[一二三四五六七八九]五”时期(?!.*\d{4}年)")
_FIVE_YEAR_OPENER = re.compile(r"^(?:——)?(?:五年来|这五年|过去五年|回首五年|“十[一二三四五六七八九]五”(?:时期|以来))")
_YEAR_OPENER = re.compile(r"^(?:——)?(?:(?:刚刚)?过去的?(?:一年|\d{4}年)|一年来|去年|\d{4}年)")


def review_periods(record: dict[str, Any]) -> dict[str, str]:
    """`five_years` or `year` for each review paragraph of a report's records."""
    titles = {s["section_id"]: s for s in record.get("sections", [])}
    periods, section, five = {}, None, False
    for paragraph in record.get("paragraphs", []):
        if paragraph["part_kind"] != "review":
            continue
        text = paragraph["text_zh"]
        part = _part_title(titles, paragraph["section_id"])
        if paragraph["section_id"] != section:
            section, five = paragraph["section_id"], False
        if _FIVE_YEAR_OPENER.match(text):
            five = True
        elif _YEAR_OPENER.match(text):
            five = False
        whole = bool(part and _FIVE_YEAR_PART.search(part) and not re.search(r"\d{4}年", part))
        periods[paragraph["paragraph_id"]] = ("five_years" if whole or five or _FIVE_YEARS.search(text)
                                              else "year")
    return periods


def _part_title(sections: dict[str, dict], section_id: str | None) -> str:
    while section_id and sections.get(section_id, {}).get("parent_id"):
        section_id = sections[section_id]["parent_id"]
    return sections.get(section_id, {}).get("title_zh", "") if section_id else ""


def result_rows(paragraph: dict[str, Any], year: int, period: str | None = None) -> list[dict[str, Any]]:
    """The results of one review paragraph of a report for `year` (it reports on year - 1)."""
    text = paragraph["text_zh"]
    period = period or ("five_years" if _FIVE_YEARS.search(text) else "year")
    line_of = line_finder(paragraph)
    rows = []
    for number, q in enumerate(find_quantities(text), start=1):
        rows.append({
            "result_id": f"{paragraph['paragraph_id']}-r{number}",
            "document_id": paragraph["document_id"],
            "paragraph_id": paragraph["paragraph_id"],
            **quantity_columns(q),
            "reported_year": year - 1,
            "period": period,
            "text_zh": sentence(text, q),
            "line": line_of(q.start, q.span),
        })
    return rows


def sentence(text: str, quantity: Quantity) -> str:
    """The clause of `text` that holds the quantity, its closing mark included."""
    start, end = sentence_around(text, quantity.start, quantity.end, clauses=True)
    return text[start:end]
