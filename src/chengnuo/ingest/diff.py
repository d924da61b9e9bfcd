"""`chengnuo diff OLD NEW`: what changed between two data packages, row by row.

Every table of datapackage.json is compared by its primary key: rows only in NEW
are added, rows only in OLD removed, rows under the same key with other values
changed (with the columns that differ).  A table without a primary key is
compared as a multiset of whole rows.  A table in only one package counts all
its rows as added or removed, so a new table (outcomes, say) shows up whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chengnuo.datapackage.read import Table, read_package
from chengnuo.errors import ChengnuoError
from chengnuo.schema import cell_text

# Tables whose rows are listed one by one in the report, with the column that names them.
LISTED = {"documents": "title_zh", "sources": "path"}
SHOWN = 10  # rows listed per table and kind of change unless --verbose


@dataclass
class TableDiff:
    name: str
    key: list[str]
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict, list[str]]] = field(default_factory=list)  # old, new, columns
    # commitment_id -> document_id over both packages, to count rows per document
    document_of: dict[str, str] = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def package_tables(folder: Path) -> dict[str, Table]:
    """The tables of the data package in `folder` (chengnuo.datapackage.read_package).

    A folder that does not exist is an empty package, as before a first build.
    """
    if not folder.exists():
        return {}
    if not (folder / "datapackage.json").is_file():
        raise ChengnuoError("not a data package: it has no datapackage.json", path=str(folder),
                            hint="give the folder that holds datapackage.json")
    return read_package(folder).tables


def diff_packages(old: dict[str, Table], new: dict[str, Table]) -> list[TableDiff]:
    out = []
    document_of = {row.get("commitment_id"): row.get("document_id")
                   for package in (old, new)
                   for row in (package["commitments"].rows if "commitments" in package else ())}
    for name in sorted(set(old) | set(new), key=lambda n: (n not in LISTED, n)):
        before = old[name].rows if name in old else ()
        after = new[name].rows if name in new else ()
        key = list((new.get(name) or old[name]).primary_key)
        result = TableDiff(name, key, document_of=document_of)
        if key:
            rows_before = {tuple(r.get(k) for k in key): r for r in before}
            rows_after = {tuple(r.get(k) for k in key): r for r in after}
            result.added = [rows_after[k] for k in rows_after if k not in rows_before]
            result.removed = [rows_before[k] for k in rows_before if k not in rows_after]
            for k in rows_after.keys() & rows_before.keys():
                columns = [c for c in rows_after[k] if rows_after[k][c] != rows_before[k].get(c)]
                columns += [c for c in rows_before[k] if c not in rows_after[k]]
                if columns:
                    result.changed.append((rows_before[k], rows_after[k], columns))
            result.changed.sort(key=lambda change: tuple(cell_text(change[1].get(k)) for k in key))
        else:
            counted_before = Counter(tuple(sorted(r.items())) for r in before)
            counted_after = Counter(tuple(sorted(r.items())) for r in after)
            result.added = [dict(r) for r in (counted_after - counted_before).elements()]
            result.removed = [dict(r) for r in (counted_before - counted_after).elements()]
        out.append(result)
    return out


def _name(diff: TableDiff, row: dict) -> str:
    key = "/".join(str(row.get(k)) for k in diff.key) if diff.key else ""
    label = row.get(LISTED.get(diff.name, "")) or row.get("label") or row.get("name_zh") or ""
    text = row.get("text_zh") or ""
    extra = " ".join(part for part in (str(label), str(text)[:40]) if part)
    return f"{key}  {extra}".strip()


def render(diffs: list[TableDiff], verbose: bool = False) -> str:
    """The diff for a person: one count line per table, then the rows that changed."""
    lines = []
    for diff in diffs:
        if not diff:
            continue
        lines.append(f"{diff.name}: +{len(diff.added)} added, -{len(diff.removed)} removed, "
                     f"~{len(diff.changed)} changed")
        if diff.name not in LISTED and not verbose and _per_document(diff):
            lines += _per_document(diff)
            continue
        shown = None if verbose else SHOWN
        for mark, rows in (("+", diff.added), ("-", diff.removed)):
            for row in rows[:shown]:
                lines.append(f"  {mark} {_name(diff, row)}")
            if shown and len(rows) > shown:
                lines.append(f"  {mark} … and {len(rows) - shown} more")
        for old, new, columns in diff.changed[:shown]:
            details = "; ".join(f"{c}: {_short(old.get(c))} → {_short(new.get(c))}" for c in columns)
            lines.append(f"  ~ {_name(diff, new).split('  ')[0]}  {details}")
        if shown and len(diff.changed) > shown:
            lines.append(f"  ~ … and {len(diff.changed) - shown} more")
    return "\n".join(lines) if lines else "no change"


def _per_document(diff: TableDiff) -> list[str]:
    """Rows counted per document, for tables whose rows belong to one; [] for the others."""
    counts: dict[str, Counter] = {}
    for mark, rows in (("added", diff.added), ("removed", diff.removed),
                       ("changed", [new for _, new, _ in diff.changed])):
        for row in rows:
            document = row.get("document_id") or diff.document_of.get(row.get("commitment_id"))
            if not document:
                return []
            counts.setdefault(document, Counter())[mark] += 1
    return [f"  {document}: " + ", ".join(f"{n} {mark}" for mark, n in sorted(c.items()))
            for document, c in sorted(counts.items())]


def _short(value) -> str:
    text = cell_text(value)
    return repr(text if len(text) <= 40 else text[:40] + "…")
