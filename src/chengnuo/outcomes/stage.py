"""The outcomes stage: each target of year N against the review of year N in the report of N+1.

read:  build/records/ (commitments, review paragraphs), build/targets/ (targets, results),
       the registry (years, jurisdictions), reports/outcome-reviews.yaml (maintainers' verdicts)
work:  chengnuo.outcomes.match for every target whose year the corpus reviews, then the
       verdicts; the headline indicator series
write: build/outcomes/{outcomes,indicator_series,indicators}.json
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chengnuo.outcomes.match import STATUSES, Figure, match_target, review_sentences
from chengnuo.outcomes.reviews import REVIEWS_FILE, apply_reviews, load_reviews
from chengnuo.outcomes.series import indicator_rows, series_rows
from chengnuo.project import Project
from chengnuo.records.lines import line_finder
from chengnuo.registry import load_registry
from chengnuo.stage import (Progress, StageReport, decimal_text, no_progress, read_output,
                            read_outputs, write_outputs)


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    documents = {d.document_id: d for d in load_registry(project).documents}
    records = list(read_outputs(project, "records").values())
    targets = read_output(project, "targets", "targets")
    results = read_output(project, "targets", "results")
    commitments = {c["commitment_id"]: c for r in records for c in r["commitments"]}
    progress(f"{len(targets)} targets, {len(results)} results")

    # The results and review sentences about each (jurisdiction, year).
    reviewed: dict[tuple[str, int], dict[str, list]] = {}
    for result in results:
        if result["period"] == "year":
            key = (documents[result["document_id"]].jurisdiction_id, result["reported_year"])
            reviewed.setdefault(key, {"results": [], "sentences": []})["results"].append(
                Figure.of(result))
    for record in records:
        for paragraph in record.get("paragraphs", []):
            document = documents[paragraph["document_id"]]
            key = (document.jurisdiction_id, document.year - 1)
            if paragraph["part_kind"] == "review" and key in reviewed:
                reviewed[key]["sentences"] += review_sentences(paragraph, line_finder(paragraph))

    outcomes: dict[str, dict[str, Any]] = {}
    for target in targets:
        commitment = commitments[target["commitment_id"]]
        document = documents[commitment["document_id"]]
        review = reviewed.get((document.jurisdiction_id, document.year))
        if review is None:
            continue  # the corpus holds no review of this document's year
        found = match_target(Figure.of(target),
                             target["due_year"] == document.year, review["results"],
                             review["sentences"])
        outcomes[target["target_id"]] = {
            "target_id": target["target_id"], "commitment_id": target["commitment_id"],
            "method": "auto", "note": None, **found}

    shown = project.relative(project.reports_dir / REVIEWS_FILE)
    warnings = apply_reviews(outcomes, {r["result_id"]: r for r in results},
                             load_reviews(project.reports_dir / REVIEWS_FILE, shown), shown)

    context = {t["target_id"]: {"jurisdiction_id": documents[commitments[t["commitment_id"]][
        "document_id"]].jurisdiction_id, "kind": commitments[t["commitment_id"]]["kind"]}
        for t in targets}
    context.update({r["result_id"]: {"jurisdiction_id": documents[r["document_id"]].jurisdiction_id}
                    for r in results})
    series = series_rows(targets, results, context,
                         {k: v["status"] for k, v in outcomes.items()})
    rows = [_texts(row) for row in outcomes.values()]
    write_outputs(project, "outcomes", {"outcomes": rows, "indicator_series": series,
                                        "indicators": indicator_rows()})
    counts = {"outcomes": len(rows)}
    for status in STATUSES:
        counts[status] = sum(r["status"] == status for r in rows)
    counts["reviewed"] = sum(r["method"] == "reviewed" for r in rows)
    counts["series rows"] = len(series)
    return StageReport("outcomes", counts=counts, warnings=warnings)


def _texts(row: dict[str, Any]) -> dict[str, Any]:
    """Numbers as exact decimal strings for the JSON file."""
    return {key: decimal_text(value) if isinstance(value, Decimal) else value
            for key, value in row.items()}
