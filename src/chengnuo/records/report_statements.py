"""Quantified statements: the sentences of a report's plan part that promise a number.

read:    the paragraphs `work_report` found in one report
produce: (paragraph, start, end, sentence) for every sentence of a `plan`
         paragraph in which `chengnuo.quantities` finds a figure with a unit,
         e.g. `新改建农村公路500公里。`; report_lists makes each a `statement`
         commitment

A sentence ends at `。！？` (chengnuo.zh.text.sentences): shorter pieces (`；`
clauses) would cut a figure from the action it belongs to, longer ones would
bundle unrelated promises. Sentences that other commitments already hold (the
expected-targets sentence, an inline livelihood list) are left to those.
"""

from __future__ import annotations

from typing import Iterator, Protocol, Sequence

from chengnuo.quantities import find_quantities
from chengnuo.zh.text import sentences


class ParagraphLike(Protocol):
    paragraph_id: str
    part: str

    @property
    def text_zh(self) -> str: ...


def quantified_sentences(paragraphs: Sequence[ParagraphLike],
                         claimed: dict[str, list[tuple[int, int]]]
                         ) -> Iterator[tuple[ParagraphLike, int, int, str]]:
    """Every sentence of the plan part that holds a quantity and no other commitment claims."""
    for paragraph in paragraphs:
        if paragraph.part != "plan":
            continue
        taken = claimed.get(paragraph.paragraph_id, [])
        for start, end, sentence in sentences(paragraph.text_zh):
            if any(s < end and start < e for s, e in taken):
                continue
            if find_quantities(sentence):
                yield paragraph, start, end, sentence
