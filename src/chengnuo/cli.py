"""The `chengnuo` command: one subcommand per stage of chengnuo.pipeline, and `build`.

Every stage can run alone: it reads the output of the stages it needs from disk,
and says which to run first when one is missing.
Errors in the input reach the user as one line and a non-zero exit, never as
a traceback; `--debug` shows the traceback of an unexpected failure.
"""

from __future__ import annotations

import contextlib
import sys
import time
import traceback
from pathlib import Path
from typing import Callable

import click

from chengnuo.errors import ChengnuoError
from chengnuo.pipeline import STAGES, Stage
from chengnuo.project import Project
from chengnuo.stage import StageReport


def _progress(message: str) -> None:
    click.echo(f"  {message}", err=True)


# A plausible year of a report: refused at once, rather than blamed on a registry line later.
YEARS = click.IntRange(1949, 2100)


def _run_stages(project: Project, stages: list[Stage], where: list[str]) -> list[StageReport]:
    reports = []
    for stage in stages:
        where[0] = stage.name
        started = time.perf_counter()
        click.echo(f"{stage.name} …", err=True)
        reports.append(stage.run(project, progress=_progress))
        click.echo(f"  done in {time.perf_counter() - started:.1f} s", err=True)
    return reports


def _build_stages(project: Project, *, site: bool) -> list[Stage]:
    """Every stage, in order; the site only when asked for and the project has mkdocs.yml
    (a data-only copy still builds its package)."""
    site = site and (project.root / "mkdocs.yml").is_file()
    return [stage for stage in STAGES if site or stage.name != "site"]


def _guarded(ctx: click.Context, work: Callable[[list[str]], object], what: str) -> object:
    """Run `work`; input errors become one line and exit 1, anything else one line and exit 2."""
    where = [what]
    try:
        return work(where)
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - the user gets one line, the developer --debug
        from chengnuo.failures import ordinary_failure
        # A full disk or a read-only folder is not a bug: one line, exit 1.
        if ordinary := ordinary_failure(error, ctx.obj["project"].root, where[0]):
            click.echo(f"error: {ordinary}", err=True)
            sys.exit(1)
        if ctx.obj["debug"]:
            traceback.print_exc()
        detail = " ".join(str(error).split())
        click.echo(f"internal error in {where[0]}: {type(error).__name__}: {detail} "
                   "(rerun with --debug for the traceback, and please report it)", err=True)
        sys.exit(2)


@contextlib.contextmanager
def _exclusive(project: Project):
    """One command at a time per project (build/.lock); first finish or undo what a
    killed command left half done (chengnuo.transaction), and say so."""
    from chengnuo import lock, transaction
    with lock.project_lock(project.build_dir, project.relative(project.build_dir / lock.LOCK_FILE)):
        said = transaction.recover(project.build_dir)
        if said:
            click.echo(f"note: {said}", err=True)
        yield


def _run(ctx: click.Context, stages: list[Stage]) -> None:
    project: Project = ctx.obj["project"]

    def work(where: list[str]) -> list[StageReport]:
        with _exclusive(project):
            return _run_stages(project, stages, where)
    reports = _guarded(ctx, work, "start-up")
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


def _stage_command(stage: Stage) -> click.Command:
    needs = ", ".join(f"`{need}`" for need in stage.needs)

    @click.pass_context
    def run_alone(ctx: click.Context) -> None:
        _run(ctx, [stage])

    return click.Command(stage.name, callback=run_alone,
                         help=stage.does + (f" (needs {needs})." if needs else "."))


for _stage in STAGES:
    main.add_command(_stage_command(_stage))


@main.command()
@click.pass_context
def build(ctx: click.Context) -> None:
    """Run every stage in build order (`site` only if the project has mkdocs.yml)."""
    _run(ctx, _build_stages(ctx.obj["project"], site=True))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print what was found as JSON on stdout.")
@click.option("--jurisdiction", help="The place, when the title names none: an id (liaocheng), a "
              "Chinese name (保定市) or a 6-digit adcode (130600).")
@click.option("--year", type=YEARS, help="The year the document plans, when its title gives none.")
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
@click.option("--year", type=YEARS, help="The year the document plans, instead of the title's.")
@click.option("--kind", help="Document kind (task_plan, work_report…), instead of the detected one.")
@click.pass_context
def add(ctx: click.Context, path: Path, jurisdiction: str | None, year: int | None,
        kind: str | None) -> None:
    """Copy a new report into reports/, register it, rebuild, and print what changed."""
    from chengnuo.ingest.add import add_file
    from chengnuo.ingest.diff import render

    project: Project = ctx.obj["project"]

    def work(where: list[str]):
        with _exclusive(project):
            return add_file(project, path, str(path),
                            lambda staged: _run_stages(staged, _build_stages(staged, site=False),
                                                       where),
                            jurisdiction=jurisdiction, year=year, kind=kind)
    added = _guarded(ctx, work, "add")
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
    from chengnuo.ingest.diff import diff_packages, package_tables, render

    for folder in (old, new):
        if not folder.exists():  # a mistyped path is not an empty package
            click.echo(f"error: {folder}: no such folder (give a folder that holds datapackage.json)",
                       err=True)
            sys.exit(1)
    diffs = _guarded(ctx, lambda where: diff_packages(package_tables(old), package_tables(new)), "diff")
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
    from chengnuo import i18n_commands as commands
    _i18n_call(ctx, lambda project: commands.status(project) + "\n")


@i18n.command()
@click.argument("table")
@click.argument("document")
@click.pass_context
def todo(ctx: click.Context, table: str, document: str) -> None:
    """Print a YAML skeleton of the TABLE rows of DOCUMENT still missing or stale."""
    from chengnuo import i18n_commands as commands
    _i18n_call(ctx, lambda project: commands.todo(project, table, document))


@i18n.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the numbers and glossary terms of every translation; exit 1 on a problem."""
    from chengnuo import i18n_commands as commands
    try:
        text, count = commands.check(ctx.obj["project"])
    except ChengnuoError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(text, nl=False)
    sys.exit(1 if count else 0)
