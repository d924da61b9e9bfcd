"""The stage graph, declared once: every stage in build order, with the stages it needs.

A stage needs another when it reads that stage's output (build/<stage>/, or
datapackage/ for the published package). `chengnuo build` and `chengnuo add`,
the tests and scripts/bench all take the stages from here, and a test checks
that the README's pipeline table lists the same stages in the same order.

Every stage is the module chengnuo.<name>.stage with a `run(project, progress)`;
it is imported only when the stage runs, so `chengnuo --help` stays fast and
one broken stage cannot stop the others from being listed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from chengnuo.project import Project
from chengnuo.stage import Progress, StageReport, missing_output, no_progress


@dataclass(frozen=True)
class Stage:
    name: str
    does: str  # for `chengnuo <name> --help`, which adds what it needs
    needs: tuple[str, ...] = ()

    def run(self, project: Project, progress: Progress = no_progress) -> StageReport:
        """Run the stage, once the output of every stage it needs is there."""
        for need in self.needs:
            if not project.stage_dir(need).is_dir():
                raise missing_output(project, need, project.stage_dir(need))
        module = importlib.import_module(f"chengnuo.{self.name}.stage")
        return module.run(project, progress)


STAGES = (
    Stage("text", "Check every registered source's sha256 and decode it into build/text/"),
    Stage("records", "Parse every registered document into build/records/", ("text",)),
    Stage("targets", "Find the figures every commitment promises, and every review reports, "
          "into build/targets/", ("records",)),
    Stage("outcomes", "Match each target to the next year's review into build/outcomes/",
          ("records", "targets")),
    Stage("topics", "Give every commitment one topic of metadata/topics.yaml into "
          "build/topics/", ("records",)),
    Stage("mentions", "Find the counties and zones each commitment names or involves into "
          "build/mentions/", ("records",)),
    Stage("links", "Link each task-plan commitment to the work-report paragraphs it came from, "
          "and list where they differ, into build/links/", ("records", "text")),
    Stage("datapackage", "Write and validate datapackage/ from build/",
          ("records", "targets", "outcomes", "topics", "mentions", "links")),
    Stage("downloads", "Write build/downloads/ and the downloads pages from datapackage/",
          ("datapackage",)),
    # The site publishes the downloads and their page (build/downloads/pages/);
    # the document pages show the lines of build/text.
    Stage("site", "Build the zh and en site into build/site/ (mkdocs --strict, with the "
          "chengnuo plugin generating the pages)", ("datapackage", "downloads", "text")),
)
BY_NAME = {stage.name: stage for stage in STAGES}


def upstream(name: str) -> list[Stage]:
    """Every stage whose output `name` reads, directly or through another, in build order."""
    wanted, todo = set(), list(BY_NAME[name].needs)
    while todo:
        need = todo.pop()
        if need not in wanted:
            wanted.add(need)
            todo += BY_NAME[need].needs
    return [stage for stage in STAGES if stage.name in wanted]
