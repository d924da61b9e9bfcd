"""What `chengnuo i18n status|todo|check` do, on the written data package and the store.

They read the Chinese from datapackage/ (the published data, written by the
last build) and the translations as they are now on disk, so a translator sees
the effect of an edit without rebuilding.
"""

from __future__ import annotations

from chengnuo.datapackage.read import read_rows
from chengnuo.errors import ChengnuoError
from chengnuo.i18n.apply import Applied, apply_translations, format_status
from chengnuo.i18n.glossary import Glossary
from chengnuo.i18n.numbers import format_en, zh_numbers
from chengnuo.i18n.store import settings, skeleton
from chengnuo.project import Project
from chengnuo.registry import load_registry


def applied(project: Project, pending: frozenset[str] = frozenset()) -> Applied:
    return apply_translations(read_rows(project.datapackage_dir),
                              project.translations_dir, project.root, pending=pending)


def status(project: Project) -> str:
    # Which documents are pending is read from the registry as it is now, like the store.
    pending = load_registry(project).english_pending
    return format_status(applied(project, pending).coverage, pending=pending)


def todo(project: Project, table: str, document: str) -> str:
    """A YAML skeleton of every row of `table` in `document` still missing or stale."""
    conf = settings()
    if table not in conf.translated:
        raise ChengnuoError(f"no translated table {table!r}",
                            hint="one of " + ", ".join(conf.translated))
    tables = read_rows(project.datapackage_dir)
    if table not in tables:
        raise ChengnuoError(f"table {table!r} is not in the data package yet",
                            path=project.relative(project.datapackage_dir))
    result = apply_translations(tables, project.translations_dir, project.root)
    spec = conf.translated[table]
    from chengnuo.i18n.apply import located_rows  # the same matching the build uses
    documents = {loc.document for loc in located_rows(tables, spec)}
    if document not in documents:
        raise ChengnuoError(f"no {table} row in document {document!r}",
                            hint="documents with rows: " + ", ".join(sorted(d for d in documents if d)))
    wanted = {id(loc.row): loc for loc in located_rows(tables, spec) if loc.document == document}
    rows = [(wanted[id(row)].record_id, row[spec.zh], entry if status == "stale" else None)
            for name, row, entry, status in result.matches
            if name == table and id(row) in wanted and status != "current"]
    glossary = Glossary.load(project.translations_dir)
    return skeleton(rows, lambda zh: hints(zh, glossary))


def hints(zh: str, glossary: Glossary) -> list[str]:
    """What the checks will expect of the English of `zh`, as comment lines for the translator."""
    lines = []
    numbers = [f"{n.text} → {format_en(n.value)}" for n in zh_numbers(zh)
               if format_en(n.value) != n.text]
    if numbers:
        lines.append("numbers: " + "; ".join(numbers))
    terms = [f"{t.zh} → {t.en[0]}" for t in dict.fromkeys(glossary.found(zh))]
    if terms:
        lines.append("terms: " + "; ".join(terms))
    return lines


def check(project: Project) -> tuple[str, int]:
    """The problems of every current translation, one per line, and how many there are."""
    from chengnuo.i18n.checks import check_store
    problems = check_store(project, read_rows(project.datapackage_dir))
    lines = [str(p) for p in problems]
    lines.append(f"{len(problems)} problem(s) in the translations" if problems
                 else "every current translation passes the number and glossary checks")
    return "\n".join(lines) + "\n", len(problems)
