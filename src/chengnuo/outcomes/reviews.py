"""Maintainers' verdicts on outcomes (reports/outcome-reviews.yaml), applied by the build.

Each entry names a target, the status a person decided after reading both
texts, the result that is the evidence (if any), and `auto`: what the
automatic match said when the entry was written. An entry makes the outcome's
method `reviewed`. When the automatic match later changes, the build warns, so
the verdict is looked at again rather than silently kept or lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.outcomes.match import STATUSES

REVIEWS_FILE = "outcome-reviews.yaml"
_KEYS = {"target_id", "status", "auto", "result_id", "note"}


@dataclass(frozen=True)
class Review:
    target_id: str
    status: str
    auto: str
    result_id: str | None
    note: str | None
    line: int


def load_reviews(path: Path, shown: str) -> list[Review]:
    """The entries of the reviews file; a missing file means no reviews yet."""
    if not path.is_file():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise ChengnuoError(f"not valid YAML: {error.problem}", path=shown, line=line) from error
    if root is None:
        return []
    entries = _mapping(root, shown).get("reviews")
    if entries is None:
        return []
    if not isinstance(entries, yaml.SequenceNode):
        raise ChengnuoError("`reviews` must be a list", path=shown, line=entries.start_mark.line + 1)
    reviews, seen = [], set()
    for node in entries.value:
        fields = {key: value.value for key, value in _mapping(node, shown).items()}
        line = node.start_mark.line + 1
        unknown = sorted(set(fields) - _KEYS)
        if unknown:
            raise ChengnuoError(f"unknown key(s) {', '.join(unknown)}", path=shown, line=line,
                                hint=f"a review has {', '.join(sorted(_KEYS))}")
        for key in ("target_id", "status", "auto"):
            if not fields.get(key):
                raise ChengnuoError(f"review without {key}", path=shown, line=line)
        for key in ("status", "auto"):
            if fields[key] not in STATUSES:
                raise ChengnuoError(f"{key} {fields[key]!r} is not one of {', '.join(STATUSES)}",
                                    path=shown, line=line)
        if fields["target_id"] in seen:
            raise ChengnuoError(f"target {fields['target_id']} is reviewed twice", path=shown, line=line)
        seen.add(fields["target_id"])
        reviews.append(Review(fields["target_id"], fields["status"], fields["auto"],
                              fields.get("result_id") or None, fields.get("note") or None, line))
    return reviews


def _mapping(node: yaml.Node, shown: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise ChengnuoError("expected a mapping", path=shown, line=node.start_mark.line + 1)
    out = {}
    for key, value in node.value:
        if not isinstance(value, yaml.ScalarNode) and key.value != "reviews":
            raise ChengnuoError(f"`{key.value}` must be a single value", path=shown,
                                line=value.start_mark.line + 1)
        out[key.value] = value
    return out


def apply_reviews(outcomes: dict[str, dict[str, Any]], results: dict[str, dict[str, Any]],
                  reviews: list[Review], shown: str) -> list[BuildWarning]:
    """Put each verdict into its outcome row (in place); warnings for verdicts to look at again.

    A verdict whose target or result no longer exists is not applied and warned
    about, so that taking a document out of the corpus does not stop the build.
    """
    warnings = []
    for review in reviews:
        row = outcomes.get(review.target_id)
        if row is None:
            # A document taken out of the corpus, or renumbered: the verdict waits, visibly.
            warnings.append(BuildWarning(shown, review.line, (
                f"target {review.target_id} has no outcome row; its review is not applied")))
            continue
        if row["status"] != review.auto:
            warnings.append(BuildWarning(shown, review.line, (
                f"the automatic match of {review.target_id} is now {row['status']}, "
                f"not {review.auto} as when it was reviewed: check the verdict again")))
        if review.result_id:
            result = results.get(review.result_id)
            if result is None:
                warnings.append(BuildWarning(shown, review.line, (
                    f"unknown result {review.result_id}; the review of {review.target_id} "
                    "is not applied")))
                continue
            row.update(result_id=result["result_id"], evidence_document_id=result["document_id"],
                       evidence_line=result["line"], evidence_text=result["text_zh"],
                       reported_value=Decimal(result["value"]), reported_unit=result["unit"])
        elif review.status == "no_evidence":
            row.update(result_id=None, evidence_document_id=None, evidence_line=None,
                       evidence_text=None, reported_value=None, reported_unit=None)
        elif review.status != row["status"]:
            raise ChengnuoError(f"review of {review.target_id} changes the status to "
                                f"{review.status} but names no result_id as evidence",
                                path=shown, line=review.line)
        if review.status in ("reported", "no_evidence"):
            row.update(reported_value=None if review.status == "no_evidence" else row["reported_value"])
        row.update(status=review.status, method="reviewed", confidence=Decimal(1), note=review.note)
    return warnings
