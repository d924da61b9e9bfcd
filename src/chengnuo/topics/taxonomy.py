"""The bilingual topic taxonomy in metadata/topics.yaml, read and checked.

A mistake in the taxonomy (a missing name, a keyword listed under two topics,
a word not in the normalised form it is compared in) stops the build with one
line naming the file and the line of the offending entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.yaml_nodes import load_with_nodes
from chengnuo.zh.text import comparable

TOPICS_PATH = METADATA_DIR / "topics.yaml"
TEXT_FIELDS = ("topic_id", "name_zh", "name_en", "description_zh", "description_en")
_TOPIC_FIELDS = (*TEXT_FIELDS, "section_keywords", "keywords", "overrides")
_OPTIONAL = ("overrides",)
_TOP_KEYS = ("default_topic", "broad_sections", "neutral_words", "topics")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Topic:
    topic_id: str
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    section_keywords: tuple[str, ...]
    keywords: tuple[tuple[str, int], ...]  # (word, weight)
    overrides: tuple[str, ...] = ()
    line: int = field(default=0, compare=False, repr=False)  # in topics.yaml, for messages


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    default_topic: str
    broad_sections: tuple[str, ...]
    neutral_words: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.topic_id for t in self.topics)

    def rows(self) -> list[dict[str, str]]:
        """Rows of the `topics` table, in taxonomy order."""
        return [{key: getattr(t, key) for key in TEXT_FIELDS} for t in self.topics]


@functools.cache
def bundled_taxonomy() -> Taxonomy:
    """The project's taxonomy, read once per process."""
    return load_topics()


def load_topics(path: Path | None = None) -> Taxonomy:
    """The taxonomy in a topics.yaml, checked; errors name the file and line."""
    path = Path(path or TOPICS_PATH)
    root, data = load_with_nodes(path, "the topic taxonomy")
    if not isinstance(root, yaml.MappingNode):
        raise ChengnuoError("expected a mapping with " + ", ".join(_TOP_KEYS), path=path, line=1)
    nodes = {key.value: value for key, value in root.value}
    for key in _TOP_KEYS:
        if key not in data:
            raise ChengnuoError(f"missing key {key!r}", path=path, line=1)
    for key in data:
        if key not in _TOP_KEYS:
            raise ChengnuoError(f"unknown key {key!r}", path=path, line=_line(nodes[key]),
                                hint="allowed: " + ", ".join(_TOP_KEYS))
    if not isinstance(data["topics"], list) or not data["topics"]:
        raise ChengnuoError("topics must be a non-empty list", path=path,
                            line=_line(nodes["topics"]))
    topics = tuple(_topic(entry, node, path)
                   for entry, node in zip(data["topics"], nodes["topics"].value))
    taxonomy = Taxonomy(
        topics, str(data["default_topic"]),
        _words(data["broad_sections"], "broad_sections", path, nodes["broad_sections"]),
        _words(data["neutral_words"], "neutral_words", path, nodes["neutral_words"]))
    _check_unique(taxonomy, path, nodes["topics"].value)
    if taxonomy.default_topic not in taxonomy.ids:
        raise ChengnuoError(f"default_topic {taxonomy.default_topic!r} is not a topic", path=path,
                            line=_line(nodes["default_topic"]))
    return taxonomy


def _line(node) -> int:
    return node.start_mark.line + 1


def _topic(entry, node, path: Path) -> Topic:
    line = _line(node)
    if not isinstance(entry, dict):
        raise ChengnuoError("a topic must be a mapping", path=path, line=line)
    for key in _TOPIC_FIELDS:
        if key not in entry and key not in _OPTIONAL:
            raise ChengnuoError(f"missing field {key!r}", path=path, line=line)
    for key in entry:
        if key not in _TOPIC_FIELDS:
            raise ChengnuoError(f"unknown field {key!r}", path=path, line=line,
                                hint="allowed: " + ", ".join(_TOPIC_FIELDS))
    for key in TEXT_FIELDS:
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise ChengnuoError(f"field {key!r} must be a non-empty string", path=path, line=line)
    if not _SLUG.fullmatch(entry["topic_id"]):
        raise ChengnuoError(f"topic_id {entry['topic_id']!r} is not a lowercase ASCII slug",
                            path=path, line=line)
    if re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", entry["description_zh"]):
        raise ChengnuoError("description_zh has a space inside Chinese text (write it on one "
                            "line, not folded with >-)", path=path, line=line)
    sub = {key.value: value for key, value in node.value}
    if not isinstance(entry["keywords"], list):
        raise ChengnuoError("keywords must be a list", path=path, line=_line(sub["keywords"]))
    keywords = tuple((item, 1) if isinstance(item, str) else _weighted(item, path, item_node)
                     for item, item_node in zip(entry["keywords"], sub["keywords"].value))
    _words([word for word, _ in keywords], "keywords", path, sub["keywords"])
    overrides = ()
    if "overrides" in entry:
        overrides = _words(entry["overrides"], "overrides", path, sub["overrides"])
    return Topic(*(entry[key].strip() for key in TEXT_FIELDS),
                 _words(entry["section_keywords"], "section_keywords", path,
                        sub["section_keywords"]),
                 keywords, overrides, line)


def _weighted(item, path: Path, node) -> tuple[str, int]:
    if not (isinstance(item, dict) and len(item) == 1):
        raise ChengnuoError("a keyword is a word or {word: weight}", path=path, line=_line(node))
    (word, weight), = item.items()
    if (not isinstance(word, str) or isinstance(weight, bool) or not isinstance(weight, int)
            or weight < 1):
        raise ChengnuoError(f"keyword {word!r} needs a whole-number weight of at least 1",
                            path=path, line=_line(node))
    return word, weight


def _words(value, what: str, path: Path, node) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise ChengnuoError(f"{what} must be a list of words", path=path, line=_line(node))
    for word in value:
        if comparable(word) != word:
            raise ChengnuoError(f"{what}: {word!r} is not in normalised form "
                                f"{comparable(word)!r}", path=path, line=_line(node))
    if len(set(value)) != len(value):
        raise ChengnuoError(f"{what} lists a word twice", path=path, line=_line(node))
    return tuple(value)


def _check_unique(taxonomy: Taxonomy, path: Path, nodes) -> None:
    """A word names one topic only, or the taxonomy would contradict itself."""
    owners: dict[tuple[str, str], str] = {}
    for word in taxonomy.broad_sections:
        owners[("section", word)] = "broad_sections"
    for word in taxonomy.neutral_words:
        owners[("text", word)] = "neutral_words"
    seen_ids: set[str] = set()
    for topic, node in zip(taxonomy.topics, nodes):
        if topic.topic_id in seen_ids:
            raise ChengnuoError(f"topic_id {topic.topic_id!r} is used twice", path=path,
                                line=_line(node))
        seen_ids.add(topic.topic_id)
        for kind, words in (("section", topic.section_keywords),
                            ("text", [w for w, _ in topic.keywords]),
                            ("override", topic.overrides)):
            for word in words:
                owner = owners.setdefault((kind, word), topic.topic_id)
                if owner != topic.topic_id:
                    raise ChengnuoError(f"{word!r} of {topic.topic_id!r} already belongs to "
                                        f"{owner!r}", path=path, line=_line(node))
