"""What became of each target: the next year's review part, matched automatically.

A target of year N is looked for among the results the report of N+1 gives
for year N, in the same jurisdiction. A result is comparable when it names the
same indicator (chengnuo.outcomes.indicators.similarity), in the same base unit
after magnitudes (万, 亿), as the same kind of figure (a growth rate is not a
share) and in the same direction (下降 is not 增长).

A wrong `met` is worse than no answer, so every doubt gives a weaker status:
two equally good results that disagree, a result that only bounds the figure
from the wrong side (超过 when the target needs more), a target due in a later
year. `reported` means the review speaks of the indicator without a number
that settles it; `no_evidence` that it does not speak of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from chengnuo.schema import allowed_values
from chengnuo.outcomes.indicators import core, similarity
from chengnuo.zh.text import sentences

STATUSES = allowed_values("outcomes", "status")
# Below this, two phrases are not taken to name the same indicator.
SAME_INDICATOR = 0.75
# A review sentence that holds this many characters of a target's core speaks of it.
_MENTION_CHARS = 4
# Indicators where less is better: a figure above the target misses it.
_CEILING = re.compile(r"居民消费价格|涨幅|能耗|排放|浓度|事故|死亡")


@dataclass(frozen=True)
class Figure:
    """A target or a result, reduced to what comparing needs.

    Base unit, scale and direction are those the quantity parser found where the
    figure is written (targets.columns.quantity_columns), never worked out again here.
    """

    row: dict[str, Any]
    base: str          # base unit: 人 for 万人
    low: Decimal       # value in the base unit
    high: Decimal | None
    direction: str     # up, down or none (not a change)

    @classmethod
    def of(cls, row: dict[str, Any]) -> "Figure":
        scale = row["scale"]
        high = Decimal(row["value_max"]) * scale if row.get("value_max") else None
        return cls(row, row["base_unit"], Decimal(row["value"]) * scale, high, row["direction"])


def comparable(target: Figure, result: Figure) -> bool:
    t, r = target.row, result.row
    if target.base != result.base or target.direction != result.direction:
        return False
    if target.base in ("%", "百分点") and t["metric"] != r["metric"]:
        return False
    return similarity(t["indicator_zh"], r["indicator_zh"]) >= SAME_INDICATOR


def verdict(target: Figure, result: Figure) -> str | None:
    """met, not_met, or None when the result's figure does not settle the target."""
    t_mod, r_mod = target.row["modifier"], result.row["modifier"]
    goal, got = target.low, result.low
    # What the result says for sure: at least `got` (exact, 以上, 超, 余) or about `got`.
    if r_mod == "at_most":
        return None  # 不到/以内: only an upper bound, rarely comparable
    ceiling = t_mod == "at_most" or bool(_CEILING.search(target.row["indicator_zh"] or ""))
    if ceiling:
        limit = target.high if target.high is not None else goal
        if r_mod in ("exceed", "at_least"):
            return "not_met" if got >= limit else None
        if t_mod == "about":
            return "met" if got <= limit * Decimal("1.05") else "not_met"
        return "met" if got <= limit else "not_met"
    lower_bound_only = r_mod in ("exceed", "at_least")
    if t_mod == "exceed":
        if got > goal or (got == goal and lower_bound_only):
            return "met"
        return None if lower_bound_only else "not_met"
    if t_mod == "about":
        if got >= goal * Decimal("0.95"):
            return "met"
        return None if lower_bound_only or got >= goal * Decimal("0.9") else "not_met"
    # at_least and exact: the planned amount is a floor (doing more meets it).
    if got >= goal:
        return "met"
    return None if lower_bound_only else "not_met"


def match_target(target: Figure, due_now: bool, results: list[Figure],
                 sentences: list[dict[str, Any]]) -> dict[str, Any]:
    """The automatic outcome of one target against one review's results and sentences."""
    candidates = [r for r in results if comparable(target, r)]
    if candidates:
        scored = sorted(((similarity(target.row["indicator_zh"], r.row["indicator_zh"]), -i, r)
                         for i, r in enumerate(candidates)), key=lambda s: (s[0], s[1]), reverse=True)
        best_score, _, best = scored[0]
        verdicts = {verdict(target, r) for score, _, r in scored if score >= best_score - 0.05}
        status = verdicts.pop() if len(verdicts) == 1 else None
        if status is None or not due_now:
            return _row("reported", best, round(best_score * 0.8, 2))
        return _row(status, best, round(best_score, 2))
    # The review names the indicator with another kind of figure, or only in words.
    named = [r for r in results
             if similarity(target.row["indicator_zh"], r.row["indicator_zh"]) >= SAME_INDICATOR]
    if named:
        return _row("reported", named[0], 0.5, with_value=False)
    mention = _mentioned(target.row["indicator_zh"], sentences)
    if mention:
        return {"status": "reported", "confidence": Decimal("0.4"), "result_id": None,
                "reported_value": None, "reported_unit": None,
                "evidence_document_id": mention["document_id"], "evidence_line": mention["line"],
                "evidence_text": mention["text_zh"]}
    return {"status": "no_evidence", "confidence": None, "result_id": None, "reported_value": None,
            "reported_unit": None, "evidence_document_id": None, "evidence_line": None,
            "evidence_text": None}


def _row(status: str, result: Figure, confidence: float, with_value: bool = True) -> dict[str, Any]:
    r = result.row
    return {"status": status, "confidence": Decimal(str(confidence)), "result_id": r["result_id"],
            "reported_value": r["value"] if with_value else None,
            "reported_unit": r["unit"] if with_value else None,
            "evidence_document_id": r["document_id"], "evidence_line": r["line"],
            "evidence_text": r["text_zh"]}


def _mentioned(indicator: str | None, sentences: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first review sentence holding a long enough run of the indicator's core."""
    key = core(indicator)
    if len(key) < _MENTION_CHARS:
        return None
    size = max(_MENTION_CHARS, (len(key) * 3 + 3) // 4)
    pieces = {key[i:i + size] for i in range(len(key) - size + 1)}
    for sentence in sentences:
        if any(piece in sentence["text_zh"] for piece in pieces):
            return sentence
    return None


def review_sentences(paragraph: dict[str, Any], line_of) -> list[dict[str, Any]]:
    """The sentences of a review paragraph, each with its line, for evidence in words."""
    return [{"document_id": paragraph["document_id"], "text_zh": sentence,
             "line": line_of(start, sentence[:6])}
            for start, _, sentence in sentences(paragraph["text_zh"], clauses=True)]
