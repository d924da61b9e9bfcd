"""The columns every table of figures shares (targets, results)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chengnuo.quantities import Quantity


def quantity_columns(q: Quantity) -> dict[str, Any]:
    """Indicator, value, unit, modifier, metric and span; numbers as exact decimal strings."""
    return {"indicator_zh": q.indicator_zh or None, "value": decimal_text(q.value),
            "value_max": decimal_text(q.value_max), "unit": q.unit, "modifier": q.modifier,
            "metric": q.metric, "span": q.span}


def decimal_text(value: Any) -> str | None:
    return None if value is None else format(Decimal(value), "f")
