"""The `chengnuo` command: one subcommand per stage, and `build` for all of them.

Every stage can run alone (it reads the previous stage's output from disk).
Errors in the input reach the user as one line and a non-zero exit, never as
a traceback; `--debug` shows the traceback of an unexpected failure.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from typing import Callable

import click

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.stage import StageReport


def _progress(message: str) -> None:
    click.echo(f"  {message}", err=True)


def _stages() -> dict[str, Callable[..., StageReport]]:
    # Imported here so `chengnuo --help` stays fast and one broken stage
    # cannot stop the others from being listed.
    from chengnuo.datapackage import stage as datapackage_stage
    from chengnuo.records import stage as records_stage
    from chengnuo.site import stage as site_stage
    from chengnuo.text import stage as text_stage
    return {"text": text_stage.run, "records": records_stage.run,
            "datapackage": datapackage_stage.run, "site": site_stage.run}


def _run(ctx: click.Context, names: list[str]) -> None:
    project: Project = ctx.obj["project"]
    reports = []
    name = "start-up"
    try:
        stages = _stages()
        for name in names:
            started = time.perf_counter()
            click.echo(f"{name} …", err=True)
            report = stages[name](project, progress=_progress)
            click.echo(f"  done in {time.perf_counter() - started:.1f} s", err=True)
            reports.append(report)
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - the user gets one line, the developer --debug
        if ctx.obj["debug"]:
            traceback.print_exc()
        click.echo(f"internal error in {name}: {type(error).__name__}: {error} "
                   "(rerun with --debug for the traceback, and please report it)", err=True)
        sys.exit(2)
    _print_summary(reports, ctx.obj["verbose"])


def _print_summary(reports: list[StageReport], verbose: bool) -> None:
    warnings = sorted({w for r in reports for w in r.warnings})
    for warning in warnings if verbose else warnings[:20]:
        click.echo(f"warning: {warning}")
    if len(warnings) > 20 and not verbose:
        click.echo(f"… and {len(warnings) - 20} more warnings (use --verbose to see all)")
    click.echo("summary: " + "; ".join(r.summary() for r in reports))


@click.group()
@click.option("--project", "root", type=click.Path(file_okay=False, path_type=Path),
              help="Project folder (default: the one holding the working folder).")
@click.option("--verbose", is_flag=True, help="Print every warning.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected failure.")
@click.pass_context
def main(ctx: click.Context, root: Path | None, verbose: bool, debug: bool) -> None:
    """Turn government work reports and task plans into open data and a site."""
    ctx.obj = {"project": Project(root.resolve()) if root else Project.find(),
               "verbose": verbose, "debug": debug}


@main.command()
@click.pass_context
def text(ctx: click.Context) -> None:
    """Check every registered source's sha256 and decode it into build/text/."""
    _run(ctx, ["text"])


@main.command()
@click.pass_context
def records(ctx: click.Context) -> None:
    """Parse every registered document into build/records/ (needs `text`)."""
    _run(ctx, ["records"])


@main.command()
@click.pass_context
def datapackage(ctx: click.Context) -> None:
    """Write and validate datapackage/ from build/records/ (needs `records`)."""
    _run(ctx, ["datapackage"])


@main.command()
@click.pass_context
def site(ctx: click.Context) -> None:
    """Write the pages into docs/ and build the zh and en site into build/site/ (needs `datapackage`)."""
    _run(ctx, ["site"])


@main.command()
@click.pass_context
def build(ctx: click.Context) -> None:
    """Run every stage in order: text, records, datapackage, and site if the project has mkdocs.yml."""
    project: Project = ctx.obj["project"]
    # A project without a site configuration (a data-only copy) still builds its package.
    site = ["site"] if (project.root / "mkdocs.yml").is_file() else []
    _run(ctx, ["text", "records", "datapackage", *site])
