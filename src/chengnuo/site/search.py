"""Make Chinese search find words inside words.

Material's search plugin segments Chinese with jieba and the browser matches a
query as a word *prefix*: 县政府 is one token, so 政府 would never find it, and
农村公路 would not be found by 公路. Two fixes, both applied by hooks.py:

1. jieba learns the names of units, places, people and topics (a user
   dictionary built from the data package), so a name stays one token;
2. each index entry gets a `subwords` field holding every suffix (two
   characters or more) of its longer Chinese tokens. A prefix of a suffix is
   any substring, so every sub-word of every token is found. The field is
   indexed (mkdocs.yml lists it under `fields`) but never shown.
"""

from __future__ import annotations

import re
from typing import Iterable

from chengnuo.site.data import SiteData

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3,}")
# Material's separator for Chinese plus ASCII punctuation: what splits tokens in the browser.
_SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；,.;:!?()（）《》“”\"'\[\]{}<>/]+")


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


def dictionary_text(words: Iterable[str]) -> str:
    """jieba's user-dictionary format: `word frequency`, one per line."""
    return "".join(f"{word} 20000\n" for word in words if " " not in word)


def subwords(text: str) -> list[str]:
    """Every suffix of two or more characters of each Chinese token of three or more."""
    found: dict[str, None] = {}
    for token in _SEPARATOR.split(text):
        for run in _HAN_RUN.findall(token):
            for start in range(1, len(run) - 1):
                found[run[start:]] = None
    return list(found)


def add_subwords(index: dict) -> dict:
    """The search index with each entry's sub-words in its own field."""
    for entry in index.get("docs", []):
        words = subwords(entry.get("title", "") + " " + entry.get("text", ""))
        if words:
            entry["subwords"] = " ".join(words)
    return index
