"""The whole package as one SQLite database, with full-text search that works for Chinese.

Every table becomes a SQL table with its primary key and foreign keys, and a
NOT NULL where the descriptor requires a value. Rows are loaded with foreign
keys off (a table may reference itself, or one loaded later) and checked with
`PRAGMA foreign_key_check` afterwards: a dangling reference stops the build.

Searching commitments (`search` below does all three):

- `commitments_fts`: FTS5 with the `trigram` tokenizer over the text columns.
  It finds any substring of three or more characters, Chinese or not, and is
  the table datasette's search box uses (it is an external-content table of
  `commitments`, which datasette detects).
- `commitments_bigrams`: trigram finds nothing for a query shorter than three
  characters, and most Chinese words have two (公路, 教育). This second, contentless
  FTS5 table indexes every pair of neighbouring Chinese characters as a word
  (农村公路 → 农村 村公 公路), so a two-character query is one exact token lookup.
  datasette offers it as the canned query `search_two_characters`.
- Anything else shorter than three characters (one character, or Latin text)
  falls back to LIKE, which is exact and fast enough for tables of this size.

The file is written in one transaction and VACUUMed, with no time or path in
it, so the same package gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

from chengnuo.datapackage.read import Package, Table, Value
from chengnuo.errors import ChengnuoError
from chengnuo.zh.text import bigrams

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
SEARCH_TABLE = "commitments"
SEARCH_COLUMNS = ("text_zh", "text_en")
TRIGRAM_TABLE = f"{SEARCH_TABLE}_fts"
BIGRAM_TABLE = f"{SEARCH_TABLE}_bigrams"
# CJK unified ideographs (with extension A) and compatibility ideographs.
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def quote(name: str) -> str:
    """A SQL identifier, quoted so any table or column name is safe."""
    return '"' + name.replace('"', '""') + '"'


def write_database(package: Package, path: Path) -> None:
    """Write the package's tables, keys and search tables to a new database at `path`."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table in package.tables.values():
                connection.execute(_create_table(table))
                _insert_rows(connection, table)
            if _searchable(package):
                _create_search(connection, package.tables[SEARCH_TABLE])
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            table, rowid, parent, _ = problems[0]
            raise ChengnuoError(f"{len(problems)} foreign key(s) point to no row, first in "
                                f"table {table!r} (rowid {rowid}) to {parent!r}",
                                path=package.folder / "datapackage.json")
        connection.execute("VACUUM")
    finally:
        connection.close()


def _create_table(table: Table) -> str:
    lines = []
    for field in table.fields:
        line = f"{quote(field.name)} {SQL_TYPES.get(field.type, 'TEXT')}"
        if field.constraints.get("required"):
            line += " NOT NULL"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(map(quote, table.primary_key))})")
    lines.extend(f"FOREIGN KEY ({quote(key.column)}) "
                 f"REFERENCES {quote(key.table)} ({quote(key.table_column)})"
                 for key in table.foreign_keys)
    return f"CREATE TABLE {quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _insert_rows(connection: sqlite3.Connection, table: Table) -> None:
    marks = ", ".join("?" for _ in table.fields)
    sql = f"INSERT INTO {quote(table.name)} VALUES ({marks})"
    connection.executemany(sql, ([_sql_value(row[c]) for c in table.columns]
                                 for row in table.rows))


def _sql_value(value: Value) -> object:
    """SQLite stores a REAL as a binary double and has no date type (dates are ISO text)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _searchable(package: Package) -> bool:
    table = package.tables.get(SEARCH_TABLE)
    return table is not None and all(c in table.columns for c in SEARCH_COLUMNS)


def _create_search(connection: sqlite3.Connection, table: Table) -> None:
    columns = ", ".join(map(quote, SEARCH_COLUMNS))
    name = quote(table.name)
    # content="commitments" with double quotes is the form datasette looks for.
    connection.execute(f"CREATE VIRTUAL TABLE {quote(TRIGRAM_TABLE)} USING fts5({columns}, "
                       f'content="{table.name}", tokenize="trigram")')
    connection.execute(f"INSERT INTO {quote(TRIGRAM_TABLE)} (rowid, {columns}) "
                       f"SELECT rowid, {columns} FROM {name} ORDER BY rowid")
    connection.execute(f"CREATE VIRTUAL TABLE {quote(BIGRAM_TABLE)} USING fts5({columns}, "
                       "content='', tokenize='unicode61')")
    rows = connection.execute(f"SELECT rowid, {columns} FROM {name} ORDER BY rowid").fetchall()
    connection.executemany(
        f"INSERT INTO {quote(BIGRAM_TABLE)} (rowid, {columns}) VALUES "
        f"({', '.join('?' for _ in range(len(SEARCH_COLUMNS) + 1))})",
        ([rowid, *(bigram_tokens(text) for text in texts)] for rowid, *texts in rows))


def bigram_tokens(text: str | None) -> str | None:
    """`text` as the bigram table indexes it: each run of Chinese characters
    replaced by its overlapping pairs, as words the FTS5 tokenizer splits at spaces.

    农村公路 → " 农村 村公 公路 "; a lone character stays itself; other text is kept.
    """
    if text is None:
        return None

    def pairs(match: re.Match[str]) -> str:
        run = match.group()
        return " " + " ".join(bigrams(run) or [run]) + " "

    return _CJK_RUN.sub(pairs, text)


def _phrase(text: str) -> str:
    """`text` as one FTS5 string: matched as a phrase, no operator inside it counts."""
    return '"' + text.replace('"', '""') + '"'


def search(connection: sqlite3.Connection, query: str,
           columns: tuple[str, ...] = SEARCH_COLUMNS) -> list[str]:
    """Primary keys of the commitments whose text contains `query`, in table order."""
    query = " ".join(query.split())
    if not query:
        return []
    if len(query) >= 3:
        match, table = _phrase(query), TRIGRAM_TABLE
    elif _CJK_RUN.fullmatch(query) and len(query) == 2:
        match, table = _phrase(query), BIGRAM_TABLE
    else:
        like = " OR ".join(f"{quote(c)} LIKE ? ESCAPE '\\'" for c in columns)
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", query) + "%"
        sql = (f"SELECT commitment_id FROM {quote(SEARCH_TABLE)} WHERE {like} ORDER BY rowid")
        return [r[0] for r in connection.execute(sql, [pattern] * len(columns))]
    if columns != SEARCH_COLUMNS:
        match = "{" + " ".join(columns) + "} : " + match
    sql = (f"SELECT commitment_id FROM {quote(SEARCH_TABLE)} WHERE rowid IN "
           f"(SELECT rowid FROM {quote(table)} WHERE {quote(table)} MATCH ?) ORDER BY rowid")
    return [r[0] for r in connection.execute(sql, [match])]
