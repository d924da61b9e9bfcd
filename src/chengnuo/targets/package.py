"""The tables of figures (targets, results, outcomes, series) as the datapackage stage gathers them.

The stages keep numbers as exact decimal strings in their JSON; the data
package's writer types them by their fields (chengnuo.schema.typed_row).
"""

from __future__ import annotations

from typing import Any

from chengnuo.outcomes.stage import TABLES as OUTCOME_TABLES
from chengnuo.outcomes.stage import read_outcomes
from chengnuo.project import Project
from chengnuo.targets.stage import read_targets


def figure_tables(project: Project) -> dict[str, list[dict[str, Any]]]:
    """The tables of build/targets and build/outcomes, ready for the data package."""
    tables = {name: read_targets(project, name) for name in ("targets", "results")}
    tables.update({name: read_outcomes(project, name) for name in OUTCOME_TABLES})
    return tables
