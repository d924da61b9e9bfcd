"""The SQLite download served by a real datasette, with the metadata file beside it."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path

import pytest
from datasette.app import Datasette

from tests.conftest import REPO
from tests.downloads_fixtures import built_copy

NAME = json.loads((REPO / "datapackage" / "datapackage.json").read_text("utf-8"))["name"]
with open(REPO / "datapackage" / "data" / "commitments.csv", encoding="utf-8", newline="") as f:
    COMMITMENTS = list(csv.DictReader(f))


def containing(text: str) -> list[str]:
    return sorted(r["commitment_id"] for r in COMMITMENTS
                  if text in r["text_zh"] or text.lower() in r["text_en"].lower())


@pytest.fixture(scope="module")
def datasette(tmp_path_factory) -> Datasette:
    downloads: Path = built_copy(tmp_path_factory.mktemp("datasette")).stage_dir("downloads")
    metadata = json.loads((downloads / "datasette-metadata.json").read_text("utf-8"))
    return Datasette([str(downloads / f"{NAME}.db")], metadata=metadata)


def get_json(datasette: Datasette, path: str):
    async def fetch():
        response = await datasette.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()
    return asyncio.run(fetch())


@pytest.mark.parametrize("query", ["农村公路", "高质量发展", "rural roads"])
def test_the_search_box_finds_the_commitments_that_contain_the_words(datasette, query):
    rows = get_json(datasette, f"/{NAME}/commitments.json?_search={query}&_shape=array"
                               "&_size=max&_col=commitment_id")
    expected = containing(query)
    assert expected, f"pick a query that occurs in the data, not {query!r}"
    assert sorted(r["commitment_id"] for r in rows) == expected


@pytest.mark.parametrize("word", ["公路", "教育", "政府"])
def test_the_canned_query_finds_two_character_words(datasette, word):
    rows = get_json(datasette, f"/{NAME}/search_two_characters.json?word={word}&_shape=array"
                               "&_size=max")
    assert sorted(r["commitment_id"] for r in rows) == containing(word)


def test_datasette_shows_the_descriptions_and_hides_the_search_tables(datasette):
    metadata = get_json(datasette, "/-/metadata.json")
    assert metadata["license"] == "CC-BY-4.0"
    tables = {t["name"]: t for t in get_json(datasette, f"/{NAME}.json")["tables"]}
    assert tables["commitments"]["fts_table"] == "commitments_fts"
    assert tables["commitments_fts"]["hidden"] and tables["commitments_bigrams"]["hidden"]
    assert not tables["commitments"]["hidden"]
    page = asyncio.run(datasette.client.get(f"/{NAME}/commitments")).text
    assert "One row per commitment" in page
