"""Plain-text formats of the tables: CSV and JSON per table, CSV extracts per topic and county.

The CSV files of the package (datapackage/, and the zip download) hold the text
exactly: they are data for programs and must equal what datapackage.json
describes. Every CSV offered on its own - one per table (csv/) and the extracts -
is for people, who open it in a spreadsheet, so it differs from the package's
in two ways (both stated on the downloads page):

- they start with a UTF-8 byte order mark, without which Excel reads the
  Chinese text as mojibake;
- a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
  a leading apostrophe (`'=1+2`), the OWASP advice against CSV formula
  injection: a spreadsheet would otherwise run it as a formula. Number cells
  are never changed (-5 is a number, not a formula). Use the package's CSV
  files (in the zip) when you need the text unchanged.

Extracts exist only when the package has the tables they come from: per topic
when `topics` exists and `commitments` has a `topic_id`; per county (any
jurisdiction, including the city and zones) when `mentions` exists.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from chengnuo.datapackage.read import Package, Table, Value
from chengnuo.errors import ChengnuoError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Extract:
    path: str  # inside build/downloads/, e.g. extracts/topics/education.csv
    group: str  # "topics" or "counties"
    key: str  # the topic_id or jurisdiction_id
    name_zh: str
    name_en: str
    rows: int
    text: str


def defused(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_line(cells: Sequence[str]) -> str:
    # Quoting by hand: Python's csv module leaves a lone "\r" unquoted with LF line ends.
    return ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c
                    for c in cells) + "\n"


def table_json(table: Table) -> str:
    """The table as a JSON array of objects, one row per line, values typed."""
    lines = [json.dumps(row, ensure_ascii=False, default=_json_value) for row in table.rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def _json_value(value: object) -> object:
    """JSON has neither decimals nor dates: a number is a JSON number, which
    every JSON reader takes as a double, and a date is its ISO text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} {value!r} has no JSON form")


def _extract_csv(table: Table, rows: Iterable[dict[str, str]],
                 extra: Sequence[str] = ()) -> str:
    """`rows` (the CSV's text) with their text cells defused, after a byte order mark."""
    columns = [*table.columns, *extra]
    text_columns = {f.name for f in table.fields if f.type == "string"} | set(extra)
    lines = [csv_line(columns)]
    for row in rows:
        lines.append(csv_line([defused(row[c]) if c in text_columns else row[c]
                               for c in columns]))
    return BOM + "".join(lines)


def spreadsheet_csv(table: Table) -> str:
    """The whole table as a CSV for spreadsheets: byte order mark, text cells defused."""
    return _extract_csv(table, table.text_rows())


def _slug(value: Value, what: str) -> str:
    text = str(value)
    if not _SLUG.fullmatch(text):
        raise ChengnuoError(f"{what} {text!r} is not a lowercase ASCII slug; it cannot name a file")
    return text


def topic_extracts(package: Package) -> list[Extract]:
    """One CSV of commitments per row of `topics` (header only when a topic has none)."""
    topics, commitments = package.tables.get("topics"), package.tables.get("commitments")
    if topics is None or commitments is None or "topic_id" not in commitments.columns:
        return []
    extracts = []
    for topic in topics.rows:
        key = _slug(topic["topic_id"], "topic_id")
        rows = [row for row in commitments.text_rows() if row["topic_id"] == key]
        extracts.append(Extract(f"extracts/topics/{key}.csv", "topics", key,
                                str(topic.get("name_zh") or key), str(topic.get("name_en") or key),
                                len(rows), _extract_csv(commitments, rows)))
    return extracts


def county_extracts(package: Package) -> list[Extract]:
    """One CSV per jurisdiction that `mentions` names: its commitments, and how it is named.

    The mention's other columns (such as `how`) are added at the end; a
    commitment named in several ways gets them joined with `|`.
    """
    mentions, commitments = package.tables.get("mentions"), package.tables.get("commitments")
    if mentions is None or commitments is None:
        return []
    extra = [c for c in mentions.columns if c not in ("commitment_id", "jurisdiction_id")]
    found: dict[str, dict[str, dict[str, list[str]]]] = {}
    for mention in mentions.text_rows():
        per_commitment = found.setdefault(str(mention["jurisdiction_id"]), {})
        values = per_commitment.setdefault(str(mention["commitment_id"]), {c: [] for c in extra})
        for column in extra:
            text = mention[column]
            if text and text not in values[column]:
                values[column].append(text)
    jurisdictions = package.tables.get("jurisdictions")
    names = {row["jurisdiction_id"]: row for row in (jurisdictions.rows if jurisdictions else ())}
    # Jurisdictions in their table's order; any the table lacks, after them by id.
    order = [j for j in names if j in found] + sorted(j for j in found if j not in names)
    extracts = []
    for jurisdiction_id in order:
        key = _slug(jurisdiction_id, "jurisdiction_id")
        named = found[jurisdiction_id]
        rows = [{**row, **{c: "|".join(named[row["commitment_id"]][c]) for c in extra}}
                for row in commitments.text_rows() if row["commitment_id"] in named]
        info = names.get(jurisdiction_id, {})
        extracts.append(Extract(f"extracts/counties/{key}.csv", "counties", key,
                                str(info.get("name_zh") or key), str(info.get("name_en") or key),
                                len(rows), _extract_csv(commitments, rows, extra)))
    return extracts
