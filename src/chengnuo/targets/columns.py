"""The columns every table of figures shares (targets, results)."""

from __future__ import annotations

from typing import Any

from chengnuo.quantities import Quantity
from chengnuo.stage import decimal_text


def quantity_columns(q: Quantity) -> dict[str, Any]:
    """Indicator, value, unit, modifier, metric and span; numbers as exact decimal strings."""
    return {"indicator_zh": q.indicator_zh or None, "value": decimal_text(q.value),
            "value_max": decimal_text(q.value_max), "unit": q.unit, "modifier": q.modifier,
            "metric": q.metric, "span": q.span}
