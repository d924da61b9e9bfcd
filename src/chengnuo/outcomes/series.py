"""Indicator series: target and reported figure of each headline indicator, per area and year.

One row per (indicator, jurisdiction, year) for which the corpus holds a target
or a result, in the indicator's own unit (metadata/indicators.yaml), ready to
chart. Where several documents set a target for the same year, a work report's
expected target is taken before a task plan's and both before any other
commitment, so the series shows what the report itself promised.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chengnuo.outcomes.indicators import Indicator, headline_indicators
from chengnuo.stage import decimal_text
from chengnuo.zh.numerals import split_unit

_KIND_ORDER = {"expected_target": 0, "task": 1}


def series_rows(targets: list[dict[str, Any]], results: list[dict[str, Any]],
                context: dict[str, dict[str, Any]], statuses: dict[str, str]) -> list[dict[str, Any]]:
    """`context` gives each target and result its jurisdiction (and each target its kind)."""
    rows = []
    for indicator in headline_indicators():
        chosen_targets: dict[tuple[str, int], dict[str, Any]] = {}
        ranked = sorted((t for t in targets if _fits(indicator, t)),
                        key=lambda t: _KIND_ORDER.get(context[t["target_id"]]["kind"], 2))
        for target in ranked:
            key = (context[target["target_id"]]["jurisdiction_id"], target["due_year"])
            chosen_targets.setdefault(key, target)
        chosen_results: dict[tuple[str, int], dict[str, Any]] = {}
        for result in results:
            if result["period"] == "year" and _fits(indicator, result):
                key = (context[result["result_id"]]["jurisdiction_id"], result["reported_year"])
                chosen_results.setdefault(key, result)
        for jurisdiction_id, year in sorted(set(chosen_targets) | set(chosen_results)):
            target = chosen_targets.get((jurisdiction_id, year))
            result = chosen_results.get((jurisdiction_id, year))
            rows.append({
                "indicator_id": indicator.indicator_id, "jurisdiction_id": jurisdiction_id,
                "period_year": year, "unit": indicator.unit,
                "target_value": _in_unit(target, "value", indicator),
                "target_value_max": _in_unit(target, "value_max", indicator),
                "target_modifier": target["modifier"] if target else None,
                "target_id": target["target_id"] if target else None,
                "reported_value": _in_unit(result, "value", indicator),
                "reported_modifier": result["modifier"] if result else None,
                "result_id": result["result_id"] if result else None,
                "status": statuses.get(target["target_id"]) if target else None,
            })
    return rows


def indicator_rows() -> list[dict[str, Any]]:
    return [{"indicator_id": i.indicator_id, "name_zh": i.name_zh, "name_en": i.name_en,
             "metric": i.metric, "unit": i.unit} for i in headline_indicators()]


def _fits(indicator: Indicator, row: dict[str, Any]) -> bool:
    return (indicator.names(row["indicator_zh"]) and row["metric"] == indicator.metric
            and row["base_unit"] == split_unit(indicator.unit)[1])


def _in_unit(row: dict[str, Any] | None, column: str, indicator: Indicator) -> str | None:
    if row is None or row[column] is None:
        return None
    scale = Decimal(row["scale"]) / split_unit(indicator.unit)[0]
    return decimal_text((Decimal(row[column]) * scale).normalize())
