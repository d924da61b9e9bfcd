"""Apply the translation store to the tables of the data package, and measure coverage.

read:  the rows of every table (in memory while the datapackage stage builds them,
       or as chengnuo.datapackage.read reads the package for `chengnuo i18n
       status`/`todo`/`check`, in chengnuo.i18n.commands)
work:  match each translated row to its entry by id and hash of the Chinese
write: the `…_en` column (current English only) and `translation_status`

Names (units, people, jurisdictions, topics) come with their English from the
glossary metadata; they are only counted here.

The coverage gate holds every row except those of documents whose English is
pending (reports/registry.yaml `english: pending`): those rows are counted, so
`chengnuo i18n status` shows what is left, but they do not fail the build.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.ids import UNLISTED_PREFIX
from chengnuo.i18n.store import Entry, Settings, Translated, load_table, settings, zh_hash

Rows = dict[str, list[dict[str, Any]]]
STATUS_COLUMN = "translation_status"
METADATA = "the metadata lists"  # who is short when a listed name lacks English


@dataclass
class Coverage:
    table: str
    rows: int = 0
    current: int = 0
    stale: int = 0
    pending: int = 0  # rows of documents whose English is pending (counted in `rows` too)
    # Held rows without current English: how many of each kind, and which documents they
    # belong to (METADATA for a listed name), so the gate can say who is short.
    held_missing: int = 0
    held_stale: int = 0
    short: Counter = field(default_factory=Counter)

    @property
    def missing(self) -> int:
        return self.rows - self.current - self.stale

    @property
    def percent(self) -> float:
        # An empty table has nothing left to translate.
        return 100.0 * self.current / self.rows if self.rows else 100.0

    @property
    def held_percent(self) -> float:
        """Coverage of the rows the gate holds: those of documents whose English is required."""
        held = self.rows - self.pending
        return 100.0 * (held - self.held_missing - self.held_stale) / held if held else 100.0

    def count(self, status: str, documents: set[str], pending: frozenset[str]) -> None:
        """Count one row of `documents` (empty: a name of the metadata lists)."""
        self.rows += 1
        self.current += status == "current"
        self.stale += status == "stale"
        held = [d for d in documents if d not in pending] if documents else [METADATA]
        if not held:
            self.pending += 1
        elif status != "current":
            self.held_missing += status == "missing"
            self.held_stale += status == "stale"
            self.short.update(held)


@dataclass
class Applied:
    coverage: dict[str, Coverage] = field(default_factory=dict)
    warnings: list[BuildWarning] = field(default_factory=list)
    # (table, row, entry or None, status) of every translated row, for todo and check
    matches: list[tuple[str, dict[str, Any], Entry | None, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Located:
    """A translated row with the id and translation file it belongs to."""

    table: Translated
    row: dict[str, Any]
    record_id: str
    document: str | None


def located_rows(tables: Rows, spec: Translated) -> Iterator[Located]:
    documents: dict[str, str] = {}
    if spec.via:
        column, table = spec.via
        key = settings().translated[table].id_columns[0]
        documents = {r[key]: r["document_id"] for r in tables.get(table, [])}
    for row in tables.get(spec.name, []):
        record_id = next((row[c] for c in spec.id_columns if row.get(c)), None)
        document = row.get(spec.document) if spec.document else documents.get(row.get(spec.via[0]))
        yield Located(spec, row, record_id, document)


def apply_translations(tables: Rows, translations_dir: Path, root: Path | None = None,
                       columns: dict[str, tuple[str, ...]] | None = None,
                       pending: frozenset[str] = frozenset()) -> Applied:
    """Fill the English of every translated table present in `tables`, in place.

    `columns` (table → its columns, from tables.yaml) says which tables carry
    the English column and `translation_status`; a column a table does not have
    is not added, so tables that other stages still develop are only counted.
    `pending`: the documents whose English is still to come (Registry.english_pending).
    """
    conf = settings()
    result = Applied()
    shown = str(translations_dir.relative_to(root)) if root else str(translations_dir)
    for spec in conf.translated.values():
        if spec.name not in tables:
            continue
        store = load_table(translations_dir, spec.name, root)
        used: set[tuple[str, str]] = set()
        coverage = result.coverage[spec.name] = Coverage(spec.name)
        have = set(columns[spec.name]) if columns and spec.name in columns else None
        same_text = {row[conf.translated[table].zh]: entry for table, row, entry, status
                     in result.matches if table == spec.same_text_as and status == "current"}
        for located in located_rows(tables, spec):
            row, zh = located.row, located.row.get(spec.zh)
            entry = store.get(located.document or "", {}).get(located.record_id or "")
            if entry is not None:
                used.add((located.document, entry.id))
            elif zh in same_text:
                entry = same_text[zh]
            if not zh:
                status = "current"  # nothing to translate
            elif entry is None or entry.en is None:
                status = "missing"
            elif entry.zh_sha256 != zh_hash(zh):
                status = "stale"
                result.warnings.append(BuildWarning(entry.path, entry.line, (
                    f"stale translation of {spec.name} {entry.id}: the Chinese changed "
                    f"(now {zh_hash(zh)}); its English is not published")))
            else:
                status = "current"
            if zh:
                # A row without a document (none is expected) is held and named as such.
                coverage.count(status, {located.document or "(no document)"}, pending)
            if have is None or spec.en in have:
                row[spec.en] = entry.en if status == "current" and zh else None
            if have is None or STATUS_COLUMN in have:
                row[STATUS_COLUMN] = status
            result.matches.append((spec.name, row, entry, status))
        for document, entries in store.items():
            for entry in entries.values():
                if (document, entry.id) not in used:
                    result.warnings.append(BuildWarning(entry.path, entry.line, (
                        f"no {spec.name} row {entry.id!r} in document {document!r} "
                        f"(renamed or dropped?); under {shown}/{spec.name}/")))
    for name, en_columns in conf.named.items():
        if name in tables:
            coverage = result.coverage[name] = Coverage(name)
            id_column = conf.unlisted.get(name)
            naming = _naming_documents(tables, id_column) if id_column else {}
            for row in tables[name]:
                status = "current" if all(row.get(c) for c in en_columns) else "missing"
                unlisted = id_column and str(row[id_column]).startswith(UNLISTED_PREFIX)
                coverage.count(status, naming.get(row[id_column], set()) if unlisted else set(),
                               pending)
    return result


def _naming_documents(tables: Rows, id_column: str) -> dict[str, set[str]]:
    """name id → the documents whose assignments name it."""
    document_of = {c["commitment_id"]: c["document_id"] for c in tables.get("commitments", [])}
    naming: dict[str, set[str]] = {}
    for row in tables.get("assignments", []):
        if row.get(id_column) and row["commitment_id"] in document_of:
            naming.setdefault(row[id_column], set()).add(document_of[row["commitment_id"]])
    return naming


def check_coverage(coverage: dict[str, Coverage], conf: Settings | None = None) -> None:
    """Fail when a gated table is below the required coverage (metadata/i18n.yaml)."""
    conf = conf or settings()
    below = [c for name, c in coverage.items()
             if name in conf.gated_tables and c.held_percent < conf.required_coverage_percent]
    if below:
        listed = ", ".join(
            f"{c.table} {_floor(c.held_percent)}% ({c.held_missing} missing, {c.held_stale} stale; "
            f"short: {', '.join(f'{d} {n}' for d, n in sorted(c.short.items()))})" for c in below)
        raise ChengnuoError(
            f"the English edition is incomplete: {listed}; "
            f"{conf.required_coverage_percent:g}% is required",
            hint="`chengnuo i18n todo TABLE DOCUMENT` lists what to translate; the threshold "
                 "is required_coverage_percent in src/chengnuo/metadata/i18n.yaml; a document "
                 "marked `english: pending` in reports/registry.yaml is not held to it")


def _floor(percent: float) -> str:
    # Rounded down, so a table one row short of 100% never reads "100.0%".
    return f"{math.floor(percent * 10 + 1e-9) / 10:.1f}"


def format_status(coverage: dict[str, Coverage], conf: Settings | None = None,
                  pending: frozenset[str] = frozenset()) -> str:
    """The coverage table `chengnuo i18n status` prints.

    `coverage` counts every row; `pending` counts those of documents whose English
    is pending, and the gate column says whether the rows the gate holds pass.
    """
    conf = conf or settings()
    lines = [f"{'table':<14}{'rows':>7}{'current':>9}{'stale':>7}{'missing':>9}{'coverage':>10}"
             f"{'pending':>9}  gate"]
    for name in [*conf.translated, *conf.named]:
        if name not in coverage:
            continue
        c = coverage[name]
        gate = ""
        if name in conf.gated_tables:
            gate = "ok" if c.held_percent >= conf.required_coverage_percent else "BELOW"
        lines.append(f"{name:<14}{c.rows:>7}{c.current:>9}{c.stale:>7}{c.missing:>9}"
                     f"{_floor(c.percent):>9}%{c.pending:>9}  {gate}")
    absent = [n for n in conf.gated_tables if n not in coverage]
    lines.append(f"required for gated tables: {conf.required_coverage_percent:g}% "
                 "(required_coverage_percent in src/chengnuo/metadata/i18n.yaml), except the "
                 "rows of documents whose English is pending")
    lines.append("english pending (reports/registry.yaml): "
                 + (", ".join(sorted(pending)) if pending else "none"))
    if absent:
        lines.append("gated but not in the data package yet: " + ", ".join(absent))
    return "\n".join(lines)
