"""Link each commitment of a task plan to the report paragraphs it was copied from,
and list where the two texts differ in a word or a number.

A task-division plan restates the year's work report sentence by sentence, so
a plan task and its source paragraph share most of their wording. Where they
differ in a few characters (the newspaper's OCR reads 耿店 as 歇店, or a figure
was changed), a journalist wants both texts and both lines: those are the
`discrepancies`. Longer differences are rewording (the plan adds or leaves out
a phrase) and are not listed.

How (the methodology page repeats this; keep the two in step):

1. Each commitment text is cut into clauses at 。！？ and ；, not inside quotes
   (chengnuo.zh.text). A clause is matched to the paragraph holding the
   largest share of its character pairs (bigrams); Chinese has no spaces, and bigrams tolerate exactly the small
   edits we are looking for. A clause counts when at least MIN_SHARE of its
   bigrams are in that paragraph and it is at least MIN_CLAUSE characters
   long (short clauses such as 安全生产。 match anywhere).
   A clause that matches no paragraph (the report split the sentence between
   its text and an attachment list) is cut at its commas, and each phrase of
   at least MIN_CLAUSE characters is matched alone, needing MIN_PHRASE_SHARE.
2. A commitment is linked to every paragraph one of its clauses matched; the
   link's `similarity` is the share of those clauses' bigrams found there.
3. Each matched clause is aligned with its paragraph (difflib). A replaced run
   of at most MAX_CHANGE characters on either side that holds a Chinese
   character or a digit (MAX_NUMBER when both sides are figures with at most
   one unit character, 18687户 / 9323套), or a dropped or added run of digits,
   is a discrepancy; runs that differ only in punctuation or spacing are not.
   A change at the start of a clause is rewording (the plan's lead-in joins the
   report's text there); at its end only a changed figure counts.
   Both texts are shown with up to CONTEXT characters around the change,
   without crossing punctuation, so 耿 / 歇 reads 耿店经验 / 歇店经验.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from chengnuo.zh.text import bigrams, comparable, sentence_spans

MIN_SHARE = 0.6
# A phrase (a clause cut at its commas) is shorter, so it must match more closely.
MIN_PHRASE_SHARE = 0.8
MIN_CLAUSE = 8
MAX_CHANGE = 4
MAX_NUMBER = 10
CONTEXT = 3
# Equal runs shorter than this between two changes are part of one change
# (18687户 / 9323套 shares a stray 8 and 3 that mean nothing).
_GLUE = 3

_MEANINGFUL = re.compile(r"[\u4e00-\u9fff0-9]")
_DIGIT = re.compile(r"[0-9]")
_NUMBER = re.compile(r"[0-9.．%万亿千百十]")
_PUNCTUATION = set("，。、；：！？“”‘’（）《》〔〕【】—…·,.;:!?()\"'")
# A figure with at most one unit character: 18687户, 9323套, 2.76万.
_NUMBERISH = re.compile(r"[0-9.%万亿千百十]+[\u4e00-\u9fff]?")
_LABEL = re.compile(r"^[0-9]+[.．、]")  # an attachment item's printed number


@dataclass(frozen=True)
class Link:
    commitment_id: str
    paragraph_id: str
    similarity: float


@dataclass(frozen=True)
class Difference:
    commitment_id: str
    paragraph_id: str
    plan_text: str
    report_text: str
    differs_in: str  # number | word


def compared_text(text: str) -> str:
    """Text as a plan and a report are compared: the comparable form (PM₁₀ is PM10,
    no spaces or `**`, punctuation full-width as the newspaper's half-width is
    not) without a leading item number."""
    return _LABEL.sub("", comparable(text))


def bigram_set(text: str) -> set[str]:
    return set(bigrams(text))


def clauses(text: str) -> list[str]:
    """The commitment's clauses, in order, each in compared form."""
    return [c for c in (compared_text(text[start:end])
                        for start, end in sentence_spans(text, clauses=True))
            if len(c) >= MIN_CLAUSE]


def phrases(clause: str) -> list[str]:
    """A clause cut at its commas, each phrase long enough to match on its own."""
    return [p for p in re.split(r"(?<=[，：])", clause) if len(p) >= MIN_CLAUSE]


def best_paragraph(clause: str, index: list[tuple[dict, set[str]]],
                   minimum: float = MIN_SHARE) -> tuple[dict, float] | None:
    """The paragraph holding the largest share of the clause's bigrams, if large enough.

    On a tie the paragraph that is more nearly all clause wins (聊城市科学绿化实施方案
    is in both 聊城城市科学绿化实施方案 and itself), then the earlier one, so the
    result never depends on set order."""
    own = bigram_set(clause)
    best, best_key = None, (0.0, 0.0)
    for paragraph, grams in index:
        common = len(own & grams)
        key = (common / len(own), common / len(grams) if grams else 0.0)
        if key > best_key:
            best, best_key = paragraph, key
    return (best, best_key[0]) if best is not None and best_key[0] >= minimum else None


def link_commitment(commitment: dict, index: list[tuple[dict, set[str]]]
                    ) -> tuple[list[Link], list[Difference]]:
    """The links and differences of one commitment, paragraphs in reading order."""
    matched: dict[str, list[str]] = {}
    by_id = {}
    for clause in clauses(commitment["text_zh"]):
        found = best_paragraph(clause, index)
        # A long sentence the report split between two paragraphs (or between the
        # text and an attachment list) matches neither whole: try its phrases.
        parts = [(clause, found)] if found else [
            (part, best_paragraph(part, index, MIN_PHRASE_SHARE)) for part in phrases(clause)]
        for part, hit in parts:
            if hit is not None:
                matched.setdefault(hit[0]["paragraph_id"], []).append(part)
                by_id[hit[0]["paragraph_id"]] = hit[0]
    links, differences = [], []
    for paragraph_id, own in sorted(matched.items(), key=lambda kv: by_id[kv[0]]["seq"]):
        report = compared_text(by_id[paragraph_id]["text_zh"])
        grams = bigram_set(report)
        own_grams = [g for clause in own for g in bigram_set(clause)]
        share = sum(g in grams for g in own_grams) / len(own_grams)
        links.append(Link(commitment["commitment_id"], paragraph_id, round(share, 3)))
        for clause in own:
            for plan_text, report_text, kind in changes(clause, report):
                differences.append(Difference(commitment["commitment_id"], paragraph_id,
                                              plan_text, report_text, kind))
    return links, differences


def changes(clause: str, report: str) -> list[tuple[str, str, str]]:
    """(plan words, report words, number|word) for each small change between a
    clause and the stretch of the report paragraph it came from, with context."""
    whole = difflib.SequenceMatcher(None, clause, report, autojunk=False)
    blocks = [b for b in whole.get_matching_blocks() if b.size >= 4]
    if not blocks:
        return []
    start, end = blocks[0].b - blocks[0].a, blocks[-1].b + blocks[-1].size
    start = max(start, 0)
    end = min(end + (len(clause) - blocks[-1].a - blocks[-1].size), len(report))
    window = report[start:end]
    ops = [op for op in difflib.SequenceMatcher(None, clause, window, autojunk=False)
           .get_opcodes()]
    found = []
    for i1, i2, j1, j2 in _merged(ops):
        plan_part, report_part = clause[i1:i2], window[j1:j2]
        if not _is_discrepancy(plan_part, report_part):
            continue
        # A change at the start of the clause is where the plan's wording joins
        # the report's: rewording (启动三年攻坚 / 制造业三年攻坚). At the end only a
        # figure counts, and only where the report's clause ends there too.
        if i1 == 0 or j1 == 0:
            continue
        if i2 == len(clause) or j2 == len(window):
            after = report[start + j2:start + j2 + 1]
            if not (_NUMBERISH.fullmatch(plan_part) and _NUMBERISH.fullmatch(report_part)
                    and (not after or after in _PUNCTUATION)):
                continue
        found.append((_with_context(clause, i1, i2), _with_context(window, j1, j2),
                      "number" if _DIGIT.search(plan_part + report_part) else "word"))
    return found


def _merged(ops) -> list[tuple[int, int, int, int]]:
    """Non-equal runs, with runs separated by a short equal stretch joined."""
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if runs and i1 - runs[-1][1] < _GLUE and j1 - runs[-1][3] < _GLUE:
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    return [tuple(run) for run in runs]


def _is_discrepancy(plan_part: str, report_part: str) -> bool:
    figures = bool(_NUMBERISH.fullmatch(plan_part) and _NUMBERISH.fullmatch(report_part))
    limit = MAX_NUMBER if figures else MAX_CHANGE
    if len(plan_part) > limit or len(report_part) > limit:
        return False  # rewording, not a misread word or a changed figure
    if plan_part and report_part:
        return bool(_MEANINGFUL.search(plan_part) or _MEANINGFUL.search(report_part))
    # Something dropped or added: it matters when it is part of a number (1000 / 100).
    return bool(_DIGIT.search(plan_part + report_part)) and all(
        _NUMBER.match(c) for c in plan_part + report_part)


def _with_context(text: str, i1: int, i2: int) -> str:
    """text[i1:i2] with whole numbers around it, then up to CONTEXT more characters
    on each side, never across punctuation."""
    def extend(step: int, at: int) -> int:
        count, number = 0, True
        while 0 <= at < len(text) and text[at] not in _PUNCTUATION:
            number = number and bool(_NUMBER.match(text[at]))
            if not number and count >= CONTEXT:
                break
            count, at = count + 1, at + step
        return count
    return text[i1 - extend(-1, i1 - 1):i2 + extend(1, i2)]
