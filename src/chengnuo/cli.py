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
    from chengnuo.downloads import stage as downloads_stage
    from chengnuo.links import stage as links_stage
    from chengnuo.mentions import stage as mentions_stage
    from chengnuo.outcomes import stage as outcomes_stage
    from chengnuo.records import stage as records_stage
    from chengnuo.site import stage as site_stage
    from chengnuo.targets import stage as targets_stage
    from chengnuo.text import stage as text_stage
    from chengnuo.topics import stage as topics_stage
    return {"text": text_stage.run, "records": records_stage.run,
            "targets": targets_stage.run, "outcomes": outcomes_stage.run,
            "topics": topics_stage.run, "mentions": mentions_stage.run, "links": links_stage.run,
            "datapackage": datapackage_stage.run, "downloads": downloads_stage.run,
            "site": site_stage.run}


# What `chengnuo build` runs, in order; `chengnuo add` runs the same after registering.
BUILD_STAGES = ["text", "records", "targets", "outcomes", "topics", "mentions", "links",
                "datapackage", "downloads"]


def _run_stages(project: Project, names: list[str], where: list[str]) -> list[StageReport]:
    reports = []
    stages = _stages()
    for name in names:
        where[0] = name
        started = time.perf_counter()
        click.echo(f"{name} …", err=True)
        report = stages[name](project, progress=_progress)
        click.echo(f"  done in {time.perf_counter() - started:.1f} s", err=True)
        reports.append(report)
    return reports


def _guarded(ctx: click.Context, work: Callable[[list[str]], object], what: str) -> object:
    """Run `work`; input errors become one line and exit 1, anything else one line and exit 2."""
    where = [what]
    try:
        return work(where)
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - the user gets one line, the developer --debug
        if ctx.obj["debug"]:
            traceback.print_exc()
        detail = " ".join(str(error).split())
        click.echo(f"internal error in {where[0]}: {type(error).__name__}: {detail} "
                   "(rerun with --debug for the traceback, and please report it)", err=True)
        sys.exit(2)


def _run(ctx: click.Context, names: list[str]) -> None:
    project: Project = ctx.obj["project"]
    reports = _guarded(ctx, lambda where: _run_stages(project, names, where), "start-up")
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
def targets(ctx: click.Context) -> None:
    """Find the figures every commitment promises into build/targets/ (needs `records`)."""
    _run(ctx, ["targets"])


@main.command()
@click.pass_context
def outcomes(ctx: click.Context) -> None:
    """Match each target to the next year's review into build/outcomes/ (needs `targets`)."""
    _run(ctx, ["outcomes"])


@main.command()
@click.pass_context
def topics(ctx: click.Context) -> None:
    """Give every commitment one topic of metadata/topics.yaml into build/topics/
    (needs `records`)."""
    _run(ctx, ["topics"])


@main.command()
@click.pass_context
def mentions(ctx: click.Context) -> None:
    """Find the counties and zones each commitment names or involves into
    build/mentions/ (needs `records`)."""
    _run(ctx, ["mentions"])


@main.command()
@click.pass_context
def links(ctx: click.Context) -> None:
    """Link each task-plan commitment to the work-report paragraphs it came from, and
    list where they differ, into build/links/ (needs `records`)."""
    _run(ctx, ["links"])


@main.command()
@click.pass_context
def datapackage(ctx: click.Context) -> None:
    """Write and validate datapackage/ from build/ (needs `records`, `targets`, `outcomes`,
    `topics`, `mentions`, `links`)."""
    _run(ctx, ["datapackage"])


@main.command()
@click.pass_context
def downloads(ctx: click.Context) -> None:
    """Write build/downloads/ and the downloads pages from datapackage/ (needs `datapackage`)."""
    _run(ctx, ["downloads"])


@main.command()
@click.pass_context
def site(ctx: click.Context) -> None:
    """Write the pages into docs/ and build the zh and en site into build/site/ (needs `datapackage`)."""
    _run(ctx, ["site"])


@main.command()
@click.pass_context
def build(ctx: click.Context) -> None:
    """Run every stage in order: text, records, targets, outcomes, topics, mentions, links,
    datapackage, downloads, and site if the project has mkdocs.yml."""
    project: Project = ctx.obj["project"]
    # A project without a site configuration (a data-only copy) still builds its package.
    site = ["site"] if (project.root / "mkdocs.yml").is_file() else []
    _run(ctx, [*BUILD_STAGES, *site])


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print what was found as JSON on stdout.")
@click.option("--jurisdiction", help="The place, when the title names none: an id (liaocheng), a "
              "Chinese name (保定市) or a 6-digit adcode (130600).")
@click.option("--year", type=int, help="The year the document plans, when its title gives none.")
@click.option("--kind", help="Document kind (task_plan, work_report…), when the title does not tell.")
@click.pass_context
def inspect(ctx: click.Context, path: Path, as_json: bool, jurisdiction: str | None,
            year: int | None, kind: str | None) -> None:
    """Read one file and print what it holds; changes nothing. A file that yields no
    commitment is an error (exit 1) saying what was and was not recognised.

    With --json: kind, title, year, jurisdiction {id, name_zh, name_en, adcode, level},
    every commitment with its assignments and targets {indicator_zh, value, value_max,
    unit, modifier, metric}, and for a work report its results {indicator_zh, value,
    value_max, unit, period, reported_year, line}."""
    import json

    from chengnuo.ingest.inspect import inspect_file, render

    found = _guarded(ctx, lambda where: inspect_file(
        path, str(path), jurisdiction=jurisdiction, year=year, kind=kind), "inspect")
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(render(found, ctx.obj["verbose"]))


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as a JSON list on stdout.")
def figures(text: str, as_json: bool) -> None:
    """Print the figures of any Chinese sentence (TEXT, or - for standard input), one per
    line: indicator, value (and value_max), unit, modifier, metric, the shape of the
    targets that `inspect --json` gives."""
    import json

    from chengnuo.ingest.inspect import figures_in

    found = figures_in(sys.stdin.read() if text == "-" else text)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for figure in found:
        value = figure["value"] + (f"–{figure['value_max']}" if figure["value_max"] else "")
        click.echo(f"{figure['indicator_zh'] or '?'}: {value} {figure['unit'] or ''} "
                   f"[{figure['modifier'] or '-'}, {figure['metric'] or '-'}]")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--jurisdiction", help="The place, instead of the one the title names: an id, a Chinese "
              "name or a 6-digit adcode.")
@click.option("--year", type=int, help="The year the document plans, instead of the title's.")
@click.option("--kind", help="Document kind (task_plan, work_report…), instead of the detected one.")
@click.pass_context
def add(ctx: click.Context, path: Path, jurisdiction: str | None, year: int | None,
        kind: str | None) -> None:
    """Copy a new report into reports/, register it, rebuild, and print what changed."""
    from chengnuo.ingest.add import add_file
    from chengnuo.ingest.diff import render

    project: Project = ctx.obj["project"]
    added = _guarded(ctx, lambda where: add_file(
        project, path, str(path), lambda: _run_stages(project, BUILD_STAGES, where),
        jurisdiction=jurisdiction, year=year, kind=kind), "add")
    found = added.inspection.main
    click.echo(f"added {added.path} as source {added.source_id}: {found.kind}, {found.year}, "
               f"{found.jurisdiction_id}, lines {found.line_start}-{found.line_end}")
    click.echo("review its entry at the end of reports/registry.yaml (title_en, publisher_en)")
    _print_summary(added.reports, ctx.obj["verbose"])
    click.echo("changes against the previous package:")
    click.echo(render(added.diffs, ctx.obj["verbose"]))
    own = [w for r in added.reports for w in r.warnings if w.path == added.path]
    click.echo(f"{len(own)} warnings in {added.path}" + (":" if own else ""))
    for warning in own:
        click.echo(f"  {warning}")


@main.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path) -> None:
    """Compare two data packages (folders holding datapackage.json) table by table."""
    from chengnuo.ingest.diff import diff_packages, read_package, render

    diffs = _guarded(ctx, lambda where: diff_packages(read_package(old), read_package(new)), "diff")
    click.echo(render(diffs, ctx.obj["verbose"]))


@main.group()
def i18n() -> None:
    """The English edition: coverage, what is left to translate, and the checks."""


def _i18n_call(ctx: click.Context, work: Callable[[Project], str]) -> None:
    try:
        click.echo(work(ctx.obj["project"]), nl=False)
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)


@i18n.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """Print translation coverage per table, the gate, and which documents are pending
    (reads datapackage/, translations/ and reports/registry.yaml)."""
    from chengnuo.i18n import commands
    _i18n_call(ctx, lambda project: commands.status(project) + "\n")


@i18n.command()
@click.argument("table")
@click.argument("document")
@click.pass_context
def todo(ctx: click.Context, table: str, document: str) -> None:
    """Print a YAML skeleton of the TABLE rows of DOCUMENT still missing or stale."""
    from chengnuo.i18n import commands
    _i18n_call(ctx, lambda project: commands.todo(project, table, document))


@i18n.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the numbers and glossary terms of every translation; exit 1 on a problem."""
    from chengnuo.i18n import commands
    try:
        text, count = commands.check(ctx.obj["project"])
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(text, nl=False)
    sys.exit(1 if count else 0)
