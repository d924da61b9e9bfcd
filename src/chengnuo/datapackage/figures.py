"""The tables of figures (targets, results, outcomes, series) as the datapackage stage gathers them.

The stages keep numbers as exact decimal strings in their JSON; the data
package writes them as CSV numbers, so they become Decimals here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chengnuo.project import Project
from chengnuo.stage import read_output

# Columns holding a number kept as a decimal string by the stages.
NUMBER_COLUMNS = ("value", "value_max", "reported_value", "reported_value_max",
                  "target_value", "target_value_max", "confidence")


def figure_tables(project: Project) -> dict[str, list[dict[str, Any]]]:
    """The tables of build/targets and build/outcomes, ready for the data package."""
    tables = {name: read_output(project, "targets", name) for name in ("targets", "results")}
    tables.update({name: read_output(project, "outcomes", name)
                   for name in ("outcomes", "indicator_series", "indicators")})
    return {name: [_numbers(row) for row in rows] for name, rows in tables.items()}


def _numbers(row: dict[str, Any]) -> dict[str, Any]:
    return {key: Decimal(value) if key in NUMBER_COLUMNS and value is not None else value
            for key, value in row.items()}
