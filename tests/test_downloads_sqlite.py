"""The SQLite download: keys, and Chinese full-text search checked against a plain substring scan."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengnuo.datapackage.read import read_package
from chengnuo.downloads.sqlite import bigram_tokens, search, write_database
from chengnuo.errors import ChengnuoError
from tests.conftest import REPO
from tests.downloads_fixtures import SMALL_TABLES, write_small_package

DESCRIPTOR = json.loads((REPO / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
with open(REPO / "datapackage" / "data" / "commitments.csv", encoding="utf-8", newline="") as f:
    COMMITMENTS = list(csv.DictReader(f))


def containing(text: str) -> list[str]:
    """The ids a search must find: rows whose Chinese or English text holds `text` (any case)."""
    return [row["commitment_id"] for row in COMMITMENTS
            if text.lower() in row["text_zh"].lower() or text.lower() in row["text_en"].lower()]


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("sqlite") / "package.db"
    write_database(read_package(REPO / "datapackage"), path)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_every_table_has_its_rows_and_keys(database):
    for resource in DESCRIPTOR["resources"]:
        name = resource["name"]
        with open(REPO / "datapackage" / resource["path"], encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert database.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(rows) - 1
        columns = database.execute(f'PRAGMA table_info("{name}")').fetchall()
        assert [c[1] for c in columns] == rows[0]
        primary = sorted((c[5], c[1]) for c in columns if c[5])
        assert [n for _, n in primary] == resource["schema"]["primaryKey"]
        keys = {(k[3], k[2], k[4]) for k in database.execute(f'PRAGMA foreign_key_list("{name}")')}
        expected = {(k["fields"][0], k["reference"]["resource"] or name, k["reference"]["fields"][0])
                    for k in resource["schema"].get("foreignKeys", [])}
        assert keys == expected, name


def test_foreign_keys_hold_and_are_enforced(database):
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    database.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        database.execute("INSERT INTO assignments (commitment_id, role, position, unit_id, raw) "
                         "VALUES ('no-such-commitment', 'lead_unit', 1, 'no-such-unit', 'x')")
    database.rollback()


def test_a_dangling_reference_stops_the_build(tmp_path):
    package = write_small_package(tmp_path / "package")
    mentions = package / "data" / "mentions.csv"
    mentions.write_text(mentions.read_text("utf-8") + "c-404,guanxian,named\n", encoding="utf-8")
    with pytest.raises(ChengnuoError, match=r"1 foreign key\(s\) point to no row, first in "
                                            r"table 'mentions'"):
        write_database(read_package(package), tmp_path / "x.db")


def test_the_default_tokenizer_problem_is_real(database):
    # Why the trigram table exists: unicode61 sees a whole Chinese clause as one token.
    database.execute("CREATE VIRTUAL TABLE plain USING fts5(text_zh)")
    database.execute("INSERT INTO plain SELECT text_zh FROM commitments")
    assert database.execute("SELECT count(*) FROM plain WHERE plain MATCH '公路'").fetchone() == (0,)
    # And why the bigram table exists: trigram finds nothing under three characters.
    assert database.execute("SELECT count(*) FROM commitments_fts "
                            "WHERE commitments_fts MATCH '\"公路\"'").fetchone() == (0,)
    database.execute("DROP TABLE plain")


@pytest.mark.parametrize("query", [
    "公路", "教育", "政府", "养老", "就业",  # two characters: the bigram table
    "农村公路", "法治政府", "高质量发展", "乡村振兴", "聊城市", "新能源",  # three and more: trigram
    "5G", "GDP", "%",  # short Latin text and a LIKE wildcard: LIKE, escaped
])
def test_search_finds_exactly_the_rows_that_contain_the_query(database, query):
    expected = containing(query)
    assert expected, f"pick a query that occurs in the data, not {query!r}"
    assert search(database, query) == expected


def test_two_character_search_finds_a_word_inside_a_longer_one(database):
    found = search(database, "政府")
    assert {"法治政府", "数字政府", "省政府"} <= {
        word for row in COMMITMENTS if row["commitment_id"] in found
        for word in ("法治政府", "数字政府", "省政府") if word in row["text_zh"]}


def test_a_query_with_fts_syntax_is_taken_literally(database):
    assert search(database, 'AND "OR" *') == []
    assert search(database, "") == []


PIECES = st.sampled_from(COMMITMENTS).flatmap(
    lambda row: st.integers(0, max(0, len(row["text_zh"]) - 2)).flatmap(
        lambda start: st.integers(2, 5).map(lambda size: row["text_zh"][start:start + size])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PIECES)
def test_any_piece_of_commitment_text_finds_the_rows_that_contain_it(database, piece):
    if not piece.strip():
        return
    assert search(database, piece) == containing(" ".join(piece.split()))


@pytest.mark.parametrize("text, expected", [
    ("农村公路", " 农村 村公 公路 "),
    ("建设5G基站", " 建设 5G 基站 "),
    ("县", " 县 "),
    ("", ""),
    (None, None),
])
def test_bigram_tokens(text, expected):
    assert bigram_tokens(text) == expected


def test_the_search_columns_can_be_narrowed(tmp_path):
    write_database(read_package(write_small_package(tmp_path / "p")), tmp_path / "x.db")
    connection = sqlite3.connect(tmp_path / "x.db")
    assert search(connection, "Rural roads") == ["c-1"]
    assert search(connection, "rural roads", columns=("text_en",)) == ["c-1"]
    assert search(connection, "农村公路", columns=("text_en",)) == []
    assert search(connection, "公路", columns=("text_zh",)) == ["c-1", "c-4"]
    assert search(connection, "公路", columns=("text_en",)) == []
    connection.close()


def test_datasette_can_find_the_search_table(database):
    # datasette's own detection query (datasette/utils detect_fts) in its documented form.
    found = database.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND "
        "sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"commitments\"%'").fetchall()
    assert found == [("commitments_fts",)]


def test_the_database_needs_no_search_tables_without_commitments(tmp_path):
    package = write_small_package(tmp_path / "p", {"topics": SMALL_TABLES["topics"]})
    write_database(read_package(package), tmp_path / "x.db")
    connection = sqlite3.connect(tmp_path / "x.db")
    names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    connection.close()
    assert names == ["topics"]


def test_the_database_passes_sqlites_integrity_check(tmp_path: Path):
    path = tmp_path / "copy.db"
    write_database(read_package(REPO / "datapackage"), path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
