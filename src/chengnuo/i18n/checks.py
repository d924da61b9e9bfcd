"""The checks every translation must pass: its numbers, and its glossary terms.

Run by `chengnuo i18n check` and by the tests, over every file of translations/.
Each problem names the file, the line of the entry, the record id and what is
wrong, so a translator can go straight to it. Stale entries (the Chinese has
changed since) are not checked against the new Chinese: they are not published.
"""

from __future__ import annotations

from dataclasses import dataclass

from chengnuo.i18n.apply import Rows, located_rows
from chengnuo.i18n.glossary import Glossary
from chengnuo.i18n.numbers import en_numbers, number_problems
from chengnuo.i18n.store import load_table, settings, zh_hash
from chengnuo.project import Project


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.record_id}: {self.message}"


def translation_problems(zh: str, en: str, glossary: Glossary) -> list[str]:
    """What is wrong with `en` as the English of `zh`: numbers first, then terms."""
    problems = number_problems(zh, en)
    extra = glossary.extra_numbers(zh)
    if extra:  # numbers a glossary term brings with it (一刻钟 → 15-minute)
        added = {f"{w.strip()} is not in the Chinese" for w, v in en_numbers(en) if v in extra}
        problems = [p for p in problems if p not in added]
    return problems + glossary.problems(zh, en)


def check_store(project: Project, tables: Rows, glossary: Glossary | None = None) -> list[Problem]:
    """Every problem of every current translation in the project's store."""
    glossary = glossary or Glossary.load(project.translations_dir)
    problems: list[Problem] = []
    for spec in settings().translated.values():
        store = load_table(project.translations_dir, spec.name, project.root)
        if not store:
            continue
        rows = {(loc.document, loc.record_id): loc.row for loc in located_rows(tables, spec)}
        for document, entries in store.items():
            for entry in entries.values():
                row = rows.get((document, entry.id))
                zh = row.get(spec.zh) if row else None
                if entry.en is None or not zh or entry.zh_sha256 != zh_hash(zh):
                    continue  # missing, orphaned or stale: reported by `i18n status`
                problems += [Problem(entry.path, entry.line, entry.id, message)
                             for message in translation_problems(zh, entry.en, glossary)]
    return sorted(problems)

