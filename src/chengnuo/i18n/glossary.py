"""The glossary: every Chinese term with the English the translations must use for it.

One source of truth per kind of name, merged here for the checks:
  translations/terms.yaml          policy terms and indicators (the translators' list)
  metadata/glossary.yaml           units of measure (万人, 亿元 …) and their factors
  metadata/jurisdictions.yaml      places, and their short names (茌平 → Chiping)
  metadata/people.yaml             officials (pinyin, surname first)
  metadata/units.yaml              bodies: full names and unambiguous aliases
A term found in a Chinese text must come back as one of its English forms; the
longest term wins (聊城大学 is Liaocheng University, not "Liaocheng" + 大学).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.reference import load_jurisdictions, load_people, load_units
from chengnuo.yaml_nodes import load_with_nodes

GLOSSARY_PATH = METADATA_DIR / "glossary.yaml"
_LEVEL_WORDS = re.compile(r" (City|District|County|Town|Subdistrict)$")
# A unit alias this short is a place name or an abbreviation that also occurs
# inside ordinary words (侯营 is the town, not only its government).
_MIN_ALIAS = 4


@dataclass(frozen=True)
class Term:
    zh: str
    en: tuple[str, ...]  # accepted English forms; the first is the preferred one
    source: str  # the file that defines it, for messages
    numbers: tuple[Decimal, ...] = ()  # numbers the English may add (一刻钟 → 15-minute)
    not_in: tuple[str, ...] = ()  # longer words holding the term that are not it (大中小企业)


@dataclass(frozen=True)
class Measure:
    zh: str  # 万人
    en: tuple[str, ...]  # people
    factor: int  # 10000


def _forms(value: object, where: str) -> tuple[str, ...]:
    forms = (value,) if isinstance(value, str) else value
    if not forms or not isinstance(forms, (list, tuple)) or not all(
            isinstance(f, str) and f.strip() for f in forms):
        raise ChengnuoError(f"{where}: `en` must be a text or a list of texts")
    return tuple(forms)


def read_terms(path: Path) -> list[Term]:
    """Entries {zh, en, numbers?, not_in?} of a YAML list; en is a text or a list of forms."""
    if not path.is_file():
        return []
    _, data = load_with_nodes(path, "the glossary terms")  # bounded: a hand-edited project file
    data = data or []
    terms = []
    for number, item in enumerate(data, start=1):
        where = f"{path.name} entry {number}"
        if not isinstance(item, dict) or not isinstance(item.get("zh"), str):
            raise ChengnuoError(f"{where}: expected {{zh: …, en: …}}", path=path)
        not_in = tuple(item.get("not_in", ()))
        if any(item["zh"] not in word for word in not_in):
            raise ChengnuoError(f"{where}: every not_in word must contain {item['zh']!r}", path=path)
        terms.append(Term(item["zh"], _forms(item.get("en"), where), path.name,
                          tuple(Decimal(str(n)) for n in item.get("numbers", ())), not_in))
    return terms


def read_measures(path: Path = GLOSSARY_PATH) -> list[Measure]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Measure(m["zh"], _forms(m["en"], f"{path.name} measure {m['zh']}"), int(m["factor"]))
            for m in data["measures"]]


def name_terms(metadata_dir: Path = METADATA_DIR) -> list[Term]:
    """Places, people and bodies of the reference data as glossary terms."""
    terms = []
    for place in load_jurisdictions(metadata_dir / "jurisdictions.yaml"):
        bare = _LEVEL_WORDS.sub("", place.name_en)
        # 聊城市 reads "Liaocheng" in running text; a district keeps its "District".
        forms = (place.name_en, bare) if place.level in ("city", "county_city") else (place.name_en,)
        terms.append(Term(place.name_zh, forms, "jurisdictions.yaml"))
        for short in place.short_names:
            terms.append(Term(short, (bare,), "jurisdictions.yaml"))
    for person in load_people(metadata_dir / "people.yaml"):
        terms.append(Term(person.name_zh, (person.name_en,), "people.yaml"))
    for unit in load_units(metadata_dir / "units.yaml"):
        for zh in (unit.name_zh, *unit.aliases):
            if zh == unit.name_zh or len(zh) >= _MIN_ALIAS:
                terms.append(Term(zh, (unit.name_en,), "units.yaml"))
    return terms


class Glossary:
    """Finds glossary terms in Chinese text and checks the English renders them."""

    def __init__(self, terms: list[Term]):
        self.terms: dict[str, Term] = {}
        for term in terms:  # the first definition of a Chinese term wins
            self.terms.setdefault(term.zh, term)
        # A not_in word is matched like a term, and being longer it wins; it stands for nothing.
        self._blockers = {w for t in self.terms.values() for w in t.not_in} - set(self.terms)
        ordered = sorted([*self.terms, *self._blockers], key=len, reverse=True)
        # Alternatives are tried in order at each position: longest first wins.
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    @classmethod
    def load(cls, translations_dir: Path, metadata_dir: Path = METADATA_DIR) -> "Glossary":
        measures = [Term(m.zh, m.en, "glossary.yaml") for m in read_measures(metadata_dir / "glossary.yaml")]
        return cls([*read_terms(translations_dir / "terms.yaml"), *measures,
                    *name_terms(metadata_dir)])

    def found(self, zh: str) -> list[Term]:
        if self._pattern is None:
            return []
        return [self.terms[m.group(0)] for m in self._pattern.finditer(zh)
                if m.group(0) not in self._blockers]

    def problems(self, zh: str, en: str) -> list[str]:
        english = normalise_en(en)
        out = []
        for term in dict.fromkeys(self.found(zh)):
            if not any(form_pattern(form).search(english) for form in term.en):
                others = f" (or {', '.join(repr(f) for f in term.en[1:])})" if term.en[1:] else ""
                out.append(f"{term.zh} must be rendered {term.en[0]!r}{others} ({term.source})")
        return out

    def extra_numbers(self, zh: str) -> set[Decimal]:
        return {n for term in self.found(zh) for n in term.numbers}


def form_pattern(form: str) -> re.Pattern[str]:
    """An English form as whole words, its last word singular or plural (zone/zones, city/cities)."""
    text = re.escape(normalise_en(form))
    if re.search(r"[a-z]ies$", text):
        text = text[:-3] + "(?:y|ies)"
    elif re.search(r"[a-z]y$", text):
        text = text[:-1] + "(?:y|ies)"
    elif re.search(r"[a-z]es$", text):
        text += "?"  # "sses" stays; "zones" → "zone" or "zones"
    elif re.search(r"[a-z]s$", text):
        text += "?"
    elif re.search(r"[a-z]$", text):
        text += "(?:s|es)?"
    return re.compile(r"(?<![a-z0-9])" + text + r"(?![a-z0-9])")


def normalise_en(text: str) -> str:
    """Case, curly quotes, dashes and spacing do not make a rendering different."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.split())
