"""Reported results: every figure in the review part of a work report.

A work report delivered in year Y reviews year Y-1 (一、2023年工作回顾); the
gazette's 2022 report also looks back over five years (五年来…). Each figure
of a review paragraph becomes one result, with the sentence that holds it and
the line of the original file it is printed on.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from chengnuo.quantities import Quantity, find_quantities
from chengnuo.records.textclean import clean_inline
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


def line_finder(paragraph: dict[str, Any]) -> Callable[[int, str], int]:
    """Maps an offset in the paragraph's text to the line of the original file it is on.

    `text_zh` is the paragraph's lines cleaned and joined; where it is not (a
    line of page furniture was dropped), the figure is looked up line by line,
    and failing that the paragraph's first line is given.
    """
    lines = [clean_inline(line) for line in paragraph["source_text"].split("\n")]
    first = paragraph["line_start"]
    if "".join(lines) == paragraph["text_zh"]:
        ends, total = [], 0
        for line in lines:
            total += len(line)
            ends.append(total)

        def by_offset(start: int, snippet: str) -> int:
            return first + next((i for i, end in enumerate(ends) if start < end), len(ends) - 1)
        return by_offset

    def by_search(start: int, snippet: str) -> int:
        snippet = clean_inline(snippet)
        return first + next((i for i, line in enumerate(lines) if snippet in line), 0)
    return by_search
