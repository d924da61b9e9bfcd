"""One topic for every commitment: section heading first, keywords second.

The rules (the methodology page, docs/*/methodology-topics.md, explains them to
readers; keep the two in step):

0. Overrides. A very few words name their subject so plainly that they decide
   wherever a plan files the commitment (经济普查, the economic census, is
   economy even under a public-safety heading): rule `override:<word>`.
1. Section headings, read from the deepest (（一）全方位优化教育体系) up to the
   top (三、聚焦创新驱动…):
   - a heading with a *broad* word (民生, 主要预期目标, 主要政策, 行动计划 …) spans
     many topics: the walk stops there and the text decides (step 2), so a
     livelihood list is classified item by item;
   - a heading that holds a section keyword of a topic decides: `section:<word>`;
   - a heading with neither passes the question to its parent.
2. Keywords in the commitment text. Each topic scores the weights of the
   distinct keywords found; the highest score wins: `keyword:<heaviest word>`.
3. Nothing found: the taxonomy's default topic, rule `default`.

Words are found in normalised text (see chengnuo.zh.text.comparable), reading left
to right and taking at each place the longest listed word, so that a word
inside a longer one does not count (农村公路 is agriculture, not also 公路
transport). Neutral words (聊城) are read the same way and count for nothing,
so 聊城市 does not hold the urban keyword 城市.

Ties: the higher score wins, then the topic whose first word stands earlier,
then the topic listed first in topics.yaml. The rule names the winner's
heaviest word, the earliest on a tie.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chengnuo.topics.taxonomy import Taxonomy, bundled_taxonomy
from chengnuo.zh.text import comparable


class _Matcher:
    """Reads text left to right, longest word first; each word has a topic (None:
    neutral) and a weight."""

    def __init__(self, words: dict[str, tuple[str | None, int]]):
        self.words = words
        ordered = sorted(words, key=lambda w: (-len(w), w))
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def find(self, text: str) -> list[tuple[str, int]]:
        """(word, position) of every word read, neutral ones left out."""
        if self.pattern is None:
            return []
        return [(m.group(), m.start()) for m in self.pattern.finditer(text)
                if self.words[m.group()][0] is not None]

    def best(self, found: list[tuple[str, int]],
             order: dict[str, int]) -> tuple[str, str] | None:
        """(topic_id, decisive word) of the best-scoring topic; None if nothing was found."""
        first: dict[str, dict[str, int]] = {}  # topic -> word -> first position
        for word, position in found:
            first.setdefault(self.words[word][0], {}).setdefault(word, position)
        ranked = []
        for topic, words in first.items():
            score = sum(self.words[w][1] for w in words)
            decisive = min(words, key=lambda w: (-self.words[w][1], words[w]))
            ranked.append(((-score, min(words.values()), order[topic]), topic, decisive))
        return min(ranked)[1:] if ranked else None


@dataclass(frozen=True)
class _Rules:
    sections: _Matcher
    texts: _Matcher
    broad: re.Pattern | None
    overrides: dict[str, str]
    order: dict[str, int]
    default: str


@functools.lru_cache(maxsize=4)
def _rules(taxonomy: Taxonomy) -> _Rules:
    texts: dict[str, tuple[str | None, int]] = {w: (None, 0) for w in taxonomy.neutral_words}
    texts.update({w: (t.topic_id, weight) for t in taxonomy.topics for w, weight in t.keywords})
    overrides = {w: t.topic_id for t in taxonomy.topics for w in t.overrides}
    for word, topic in overrides.items():  # an override is read like any other word
        texts.setdefault(word, (topic, 1))
    broad = "|".join(map(re.escape, taxonomy.broad_sections))
    sections = {w: (t.topic_id, 1) for t in taxonomy.topics for w in t.section_keywords}
    return _Rules(_Matcher(sections), _Matcher(texts), re.compile(broad) if broad else None,
                  overrides, {topic_id: i for i, topic_id in enumerate(taxonomy.ids)},
                  taxonomy.default_topic)


def assign_topic(text_zh: str, section_titles: list[str],
                 taxonomy: Taxonomy | None = None) -> tuple[str, str]:
    """(topic_id, rule) of a commitment; `section_titles` deepest heading first.

    rule is `override:<word>`, `section:<word>`, `keyword:<word>` or `default`.
    """
    rules = _rules(taxonomy or bundled_taxonomy())
    found = rules.texts.find(comparable(text_zh or ""))
    for word, _ in found:
        if word in rules.overrides:
            return rules.overrides[word], f"override:{word}"
    for title in section_titles:
        title = comparable(title or "")
        if rules.broad is not None and rules.broad.search(title):
            break
        decided = rules.sections.best(rules.sections.find(title), rules.order)
        if decided:
            return decided[0], f"section:{decided[1]}"
    decided = rules.texts.best(found, rules.order)
    if decided:
        return decided[0], f"keyword:{decided[1]}"
    return rules.default, "default"


def section_titles(section_id: str | None, sections: list[dict]) -> list[str]:
    """The titles of a section and its parents, deepest first (records-stage sections)."""
    by_id = {s["section_id"]: s for s in sections}
    titles, seen = [], set()
    while section_id in by_id and section_id not in seen:
        seen.add(section_id)
        titles.append(by_id[section_id].get("title_zh") or "")
        section_id = by_id[section_id].get("parent_id")
    return titles
