"""metadata.json for serving the SQLite download with datasette.

`datasette chengnuo-liaocheng.db --metadata datasette-metadata.json` shows the
package's title, licence and source, each table's and column's description (in
English, then Chinese), uses the trigram table for the commitments search box,
and offers the two-character search (see sqlite.py) as a canned query.
"""

from __future__ import annotations

from typing import Any

from chengnuo.datapackage.read import Package
from chengnuo.downloads.sqlite import (
    BIGRAM_TABLE,
    SEARCH_COLUMNS,
    SEARCH_TABLE,
    TRIGRAM_TABLE,
    quote,
)


def _both(english: str, chinese: str) -> str:
    return " / ".join(text for text in (english, chinese) if text)


def datasette_metadata(package: Package, database: str) -> dict[str, Any]:
    """The metadata for `database` (the file name without .db) holding `package`."""
    descriptor = package.descriptor
    licences = descriptor.get("licenses") or []
    tables: dict[str, Any] = {}
    for table in package.tables.values():
        tables[table.name] = {
            "title": _both(table.title_en, table.title_zh),
            "description": _both(table.description_en, table.description_zh),
            "columns": {f.name: _both(f.description_en, f.description_zh) for f in table.fields},
        }
    database_metadata: dict[str, Any] = {"tables": tables}
    if SEARCH_TABLE in tables and all(c in package.tables[SEARCH_TABLE].columns
                                      for c in SEARCH_COLUMNS):
        tables[SEARCH_TABLE]["fts_table"] = TRIGRAM_TABLE
        tables[SEARCH_TABLE]["fts_pk"] = "rowid"
        # The two search tables are machinery; the commitments table shows the results.
        for name in (TRIGRAM_TABLE, BIGRAM_TABLE):
            tables[name] = {"hidden": True}
        database_metadata["queries"] = {
            "search_two_characters": {
                "title": "Search commitments for a two-character Chinese word / 两个字的检索",
                "description": (
                    "The search box above needs at least three characters (trigram index); "
                    "this query finds a two-character word such as 公路 or 教育. "
                    "检索框至少需要三个字；两个字的词（如“公路”）请用此查询。"),
                "sql": (f"SELECT * FROM {quote(SEARCH_TABLE)} WHERE rowid IN "
                        f"(SELECT rowid FROM {quote(BIGRAM_TABLE)} "
                        f"WHERE {quote(BIGRAM_TABLE)} MATCH '\"' || :word || '\"') "
                        "ORDER BY rowid"),
            },
        }
    metadata: dict[str, Any] = {
        "title": _both(str(descriptor.get("title") or package.name),
                       str(descriptor.get("title_zh") or "")),
        "description": _both(str(descriptor.get("description") or ""),
                             str(descriptor.get("description_zh") or "")),
    }
    if licences:
        metadata["license"] = licences[0].get("name", "")
        if licences[0].get("path"):
            metadata["license_url"] = licences[0]["path"]
    metadata["databases"] = {database: database_metadata}
    return metadata
