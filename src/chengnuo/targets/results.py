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


def result_rows(paragraph: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The results of one review paragraph of a report for `year` (it reports on year - 1)."""
    text = paragraph["text_zh"]
    period = "five_years" if _FIVE_YEARS.search(text) else "year"
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
