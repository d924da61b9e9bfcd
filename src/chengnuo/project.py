"""Where a project's inputs and outputs live.

Every stage takes a `Project`, so tests can run any stage on a copy of the
project in a temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

METADATA_DIR = Path(__file__).parent / "metadata"
# build/downloads/ holds the files readers download and, in this folder, the page
# that lists them in each language; the site publishes the page as downloads.md,
# never as a download.
DOWNLOADS_PAGES = "pages"


def downloads_page(lang: str) -> str:
    """The downloads page of `lang`, relative to build/downloads/."""
    return f"{DOWNLOADS_PAGES}/{lang}.md"


class Under:
    """A folder or file of the project, its root joined with `parts`, read like a property."""

    def __init__(self, *parts: str) -> None:
        self.parts = parts

    def __get__(self, project: "Project | None", owner: type | None = None):
        return self if project is None else project.root.joinpath(*self.parts)


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        """The project holding `start` (default: $CHENGNUO_ROOT or the working folder)."""
        here = Path(start or os.environ.get("CHENGNUO_ROOT") or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "reports" / "registry.yaml").is_file():
                return cls(folder)
        return cls(here)

    reports_dir = Under("reports")
    registry_path = Under("reports", "registry.yaml")
    build_dir = Under("build")
    datapackage_dir = Under("datapackage")
    docs_dir = Under("docs")
    translations_dir = Under("translations")

    def stage_dir(self, stage: str) -> Path:
        """The folder a stage writes whole: build/<stage>, and datapackage/ for the
        published package (committed, so it sits outside build/)."""
        return self.datapackage_dir if stage == "datapackage" else self.build_dir / stage

    def relative(self, path: Path) -> str:
        """A path as the user sees it in messages: relative to the project when inside it."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
