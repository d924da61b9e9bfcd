"""The columns every table of figures shares (targets, results)."""

from __future__ import annotations

from typing import Any

from chengnuo.quantities import Quantity
from chengnuo.stage import decimal_text


def quantity_columns(q: Quantity) -> dict[str, Any]:
    """What the quantity parser knows of a figure, carried as it is so that no later
    stage works it out again: indicator, value, unit with its base unit and scale,
    modifier, metric, direction, and the span with its offsets in the text it was
    read from. Numbers as exact decimal strings."""
    return {"indicator_zh": q.indicator_zh or None, "value": decimal_text(q.value),
            "value_max": decimal_text(q.value_max), "unit": q.unit, "base_unit": q.base_unit,
            "scale": q.scale, "modifier": q.modifier, "metric": q.metric,
            "direction": q.direction, "span": q.span, "span_start": q.start, "span_end": q.end}
