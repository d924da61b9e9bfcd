"""Make search find words inside words (Chinese) and other forms of a word (English).

Material's search plugin segments Chinese with jieba; in the browser a query
word matches index tokens that *start* with it, and a Chinese query is first
cut into pieces that are themselves tokens of the index. So with jieba's
tokens alone, 政府 never finds 县政府 and 公路 never finds 农村公路. The site
plugin (plugin.py) fixes this in each build, in three steps:

1. jieba learns the names of units, places, people and topics (a user
   dictionary built from the data package), so a name stays one token;
2. a lone Chinese character is joined to the token next to it (only the
   invisible U+200B between them is removed, the text reads the same), so the
   query splitter does not cut 政府 into 政 + 府;
3. each index entry gets a `subwords` field holding every piece of two or more
   characters of its longer Chinese tokens: 政府 and 县政 of 县政府, 公路 and
   农村公 of 农村公路. The field is indexed (mkdocs.*.yml `fields`), never shown.

English: the index is not stemmed (Material adds a wildcard to each query word,
and lunr does not stem those), so each entry gets a `stems` field instead: the
other forms, found anywhere on the site, of the words it contains (road →
roads, promote → promotion), by their Snowball stem.
"""

from __future__ import annotations

import re
from collections import defaultdict
import snowballstemmer

from chengnuo.site.data import SiteData

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]{{3,}}")
# The separator of mkdocs.zh.yml plus ASCII punctuation: what splits tokens in the browser.
_SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；,.;:!?()（）《》“”\"'\[\]{}<>/]+")
# A Chinese character standing alone between two token breaks, next to a Chinese token.
_LONE_BEFORE = re.compile(f"(?<=[{_HAN}])\u200b(?=[{_HAN}](?:\u200b|$))")
_LONE_AFTER = re.compile(f"(?:(?<=^[{_HAN}])|(?<=\u200b[{_HAN}]))\u200b(?=[{_HAN}])")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
_STEMMER = snowballstemmer.stemmer("english")


def dictionary_words(data: SiteData) -> list[str]:
    """Proper nouns jieba must keep whole: every unit, alias, place, person and topic name."""
    words: list[str] = []
    for unit in data.units.values():
        words.append(unit["name_zh"])
        words += (unit.get("aliases") or "").split("|")
    words += [j["name_zh"] for j in data.jurisdictions.values()]
    words += [p["name_zh"] for p in data.people.values()]
    words += [topic["name_zh"] for topic in data.topics.values()]
    return sorted({w.strip() for w in words if w and len(w.strip()) >= 2})


def join_lone_characters(text: str) -> str:
    """`text` with each single-character Chinese token joined to its neighbour."""
    return _LONE_AFTER.sub("", _LONE_BEFORE.sub("", text))


# The longest piece kept: longer than any token of the data (25 characters), so real tokens keep
# every piece; a run of thousands of rare characters (jieba leaves them single,
# and join_lone_characters joins them) then gives pieces in proportion to its
# length, where all its pieces would be cubic (a 1,000-character run: 500 MB).
MAX_PIECE = 32


def subwords(text: str) -> list[str]:
    """Every piece of 2 to MAX_PIECE characters inside each Chinese token of three or more."""
    found: dict[str, None] = {}
    for token in _SEPARATOR.split(text):
        for run in _HAN_RUN.findall(token):
            for start in range(len(run) - 1):
                for end in range(start + 2, min(len(run), start + MAX_PIECE) + 1):
                    if end - start < len(run):
                        found[run[start:end]] = None
    return list(found)


def _english_words(entry: dict) -> set[str]:
    return {w.lower() for w in _ENGLISH_WORD.findall(entry.get("title", "") + " " + entry.get("text", ""))}


def add_search_fields(index: dict) -> dict:
    """The search index with `subwords` (Chinese) and `stems` (English) on each entry."""
    entries = index.get("docs", [])
    chinese = "zh" in index.get("config", {}).get("lang", [])
    forms: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for word in _english_words(entry):
            forms[_STEMMER.stemWord(word)].add(word)
    for entry in entries:
        if chinese:
            entry["title"] = join_lone_characters(entry.get("title", ""))
            entry["text"] = join_lone_characters(entry.get("text", ""))
            pieces = subwords(entry["title"] + " " + entry["text"])
            if pieces:
                entry["subwords"] = " ".join(pieces)
        words = _english_words(entry)
        others = sorted({form for word in words for form in forms[_STEMMER.stemWord(word)]} - words)
        if others:
            entry["stems"] = " ".join(others)
    return index

