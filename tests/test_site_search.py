"""Search: Chinese sub-words and English word forms in the index the browser loads."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.site.data import SiteData
from chengnuo.site.search import add_search_fields, dictionary_words, join_lone_characters, subwords
from tests.conftest import MAIN

ZWSP = "\u200b"
HAN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=3,
              max_size=12)


@pytest.mark.parametrize("token, inside", [("县政府", "政府"), ("农村公路", "公路"),
                                           ("农村公路", "农村公"), ("县政府", "县政")])
def test_pieces_of_a_long_word_are_indexed(token, inside):
    assert inside in subwords(token)


@given(HAN)
def test_every_piece_of_two_or_more_characters_is_indexed(token):
    pieces = set(subwords(token))
    for start in range(len(token) - 1):
        for end in range(start + 2, len(token) + 1):
            assert token[start:end] in pieces or token[start:end] == token


@pytest.mark.parametrize("text, joined", [
    (f"新{ZWSP}改建{ZWSP}农村公路", f"新改建{ZWSP}农村公路"),
    (f"改建{ZWSP}新{ZWSP}农村", f"改建新{ZWSP}农村"),
    (f"（{ZWSP}市{ZWSP}、", f"（{ZWSP}市{ZWSP}、"),   # alone between punctuation: stays
    (f"500{ZWSP}公里", f"500{ZWSP}公里"),
])
def test_a_lone_character_joins_its_neighbour(text, joined):
    assert join_lone_characters(text) == joined


@given(st.text())
def test_joining_only_removes_zero_width_spaces(text):
    assert join_lone_characters(text).replace(ZWSP, "") == text.replace(ZWSP, "")


def test_english_entries_carry_the_other_forms_of_their_words():
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Rural roads", "text": "promotion of trade"},
        {"location": "b/", "title": "x", "text": "build a road, promote trade"}]}
    docs = add_search_fields(index)["docs"]
    assert docs[0]["stems"].split() == ["promote", "road"]
    assert docs[1]["stems"].split() == ["promotion", "roads"]


def test_the_user_dictionary_holds_names_from_the_package():
    words = dictionary_words(SiteData.load(MAIN.datapackage_dir))
    assert {"东昌府区", "聊城市交通运输局", "聊城高新技术产业开发区"} <= set(words)


def _tokens(entry: dict) -> set[str]:
    text = " ".join([entry["title"], entry["text"], entry.get("subwords", "")])
    return {t for t in re.split(r"[\s\u200b\u3000\-、。，．？！；]+", text) if t}


@pytest.mark.parametrize("query, word", [("政府", "县政府"), ("公路", "农村公路"), ("政府", "区政府")])
def test_in_the_built_index_a_word_inside_a_word_is_found(built, query, word):
    """Material matches a query word as a token prefix: some token must start with it."""
    index = json.loads((built / "build" / "site" / "search" / "search_index.json").read_text())
    having = [e for e in index["docs"] if word in (e["title"] + e["text"]).replace(ZWSP, "")]
    assert having
    for entry in having:
        assert any(token.startswith(query) for token in _tokens(entry)), entry["location"]


def test_the_english_index_holds_no_chinese_pages(built):
    index = json.loads((built / "build" / "site" / "en" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["en"]
    assert not any(e["location"].startswith(("/", "..")) for e in index["docs"])
