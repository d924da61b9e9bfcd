"""Quantified statements: the sentences of a report's plan part that promise a number.

read:    the paragraphs `work_report` found in one report
produce: (paragraph, start, end, sentence) for every sentence of a `plan`
         paragraph in which `chengnuo.quantities` finds a figure with a unit,
         e.g. `新改建农村公路500公里。`; report_lists makes each a `statement`
         commitment

A sentence ends at `。！？`: shorter pieces (`；` clauses) would cut a figure from
the action it belongs to, longer ones would bundle unrelated promises. Sentences
that other commitments already hold (the expected-targets sentence, an inline
livelihood list) are left to those.
"""

from __future__ import annotations

import re
from typing import Iterator, Protocol, Sequence

from chengnuo.quantities import find_quantities

# A closing quote or bracket right after the stop belongs to the sentence.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’）)]*|$)")
_STOPS = "。！？!?"
_OPEN, _CLOSE = "“‘（(《", "”’）)》"


class ParagraphLike(Protocol):
    paragraph_id: str
    part: str

    @property
    def text_zh(self) -> str: ...


def sentences(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`, stops included.

    A stop inside quotes or brackets does not end the sentence: `做优“聊·胜一筹！”
    “聊城新三宝”品牌` is one. Quotes that never close (an OCR slip) would swallow
    the rest of the paragraph, so then every stop counts.
    """
    cuts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in _STOPS and depth == 0 and (i + 1 == len(text) or text[i + 1] not in _STOPS):
            cuts.append((start, i + 1))
            start = i + 1
    if depth:
        cuts = [m.span() for m in _SENTENCE.finditer(text)]
    elif start < len(text):
        cuts.append((start, len(text)))
    for start, end in cuts:
        if text[start:end].strip():
            yield start, end, text[start:end]


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
