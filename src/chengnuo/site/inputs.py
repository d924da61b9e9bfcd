"""What the site reads besides docs/, and the check that all of it is there.

Checked before any build (by `chengnuo site`, and by the plugin when MkDocs is
run by hand), so a missing input is one error that names the command making
it, not an `mkdocs build --strict` failure about a page or a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project, downloads_page
from chengnuo.site.labels import LANGS

PLOTLY = Path("node_modules/plotly.js-basic-dist-min/plotly-basic.min.js")


@dataclass(frozen=True)
class Input:
    path: Path
    what: str  # as the error names it
    stage: str | None  # the stage that writes it (None: not made by chengnuo)
    hint: str | None = None  # how to get it, when no stage makes it

    def missing(self, project: Project) -> ChengnuoError:
        hint = f"run `chengnuo {self.stage}` first" if self.stage else self.hint
        return ChengnuoError(f"{self.what} is missing", path=project.relative(self.path), hint=hint)


def site_inputs(project: Project) -> list[Input]:
    """Everything the site stage reads, in the order the stages make it."""
    return [
        *(Input(project.root / f"mkdocs.{lang}.yml", "the site configuration", None)
          for lang in LANGS),
        # Document pages show each source's decoded lines.
        Input(project.stage_dir("text"), "the decoded text of the documents", "text"),
        Input(project.datapackage_dir / "datapackage.json", "the data package", "datapackage"),
        # The downloads page lists build/downloads/ and is written with it.
        *(Input(project.stage_dir("downloads") / downloads_page(lang), f"the downloads page ({lang})",
                "downloads") for lang in LANGS),
        Input(project.root / PLOTLY, "the plotly.js bundle", None,
              hint="run `npm ci` in the project folder"),
    ]


def check_inputs(project: Project) -> None:
    for needed in site_inputs(project):
        if not needed.path.exists():
            raise needed.missing(project)
