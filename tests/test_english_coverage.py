"""The bundled corpus is fully translated: every translated table of the committed
package has current English, so no English page of the site falls back to Chinese.

The build's gate (metadata/i18n.yaml, tests/test_english_gate.py) already requires
this of every document not marked `english: pending`; these tests are the second
line of defence, read straight from the committed CSV, and they also hold the
tables the gate does not (paragraphs, outcomes).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chengnuo.i18n.apply import settings

DATA = Path(__file__).resolve().parents[1] / "datapackage" / "data"


def rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_gated_table_is_checked_here():
    assert set(settings().gated_tables) == {
        "commitments", "sections", "results", "targets", "units", "people", "jurisdictions",
        "topics"}


@pytest.mark.parametrize("table", ["commitments", "sections", "results", "paragraphs"])
def test_every_record_has_current_english(table):
    not_current = [r for r in rows(table) if r["translation_status"] != "current"]
    assert not_current == [], f"{len(not_current)} {table} rows without current English"


@pytest.mark.parametrize("table, zh, en", [
    ("targets", "indicator_zh", "indicator_en"),
    ("outcomes", "evidence_text", "evidence_en"),
    ("units", "name_zh", "name_en"),
    ("people", "name_zh", "name_en"),
    ("jurisdictions", "name_zh", "name_en"),
    ("topics", "name_zh", "name_en"),
    ("topics", "description_zh", "description_en"),
])
def test_every_name_has_english(table, zh, en):
    missing = [r[zh] for r in rows(table) if r[zh] and not r[en]]
    assert missing == []
