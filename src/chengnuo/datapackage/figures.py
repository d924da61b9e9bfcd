"""The tables of figures (targets, results, outcomes, series) as the datapackage stage gathers them.

The stages keep numbers as exact decimal strings in their JSON; the data
package's writer types them by their fields (chengnuo.schema.typed_row).
"""

from __future__ import annotations

from typing import Any

from chengnuo.project import Project
from chengnuo.stage import read_outputs


def figure_tables(project: Project) -> dict[str, list[dict[str, Any]]]:
    """The tables of build/targets and build/outcomes, ready for the data package."""
    return {**read_outputs(project, "targets"), **read_outputs(project, "outcomes")}
