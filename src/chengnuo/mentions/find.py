"""Which counties and zones a commitment concerns, and how we know.

Three ways, each a value of `how` in the `mentions` table:

- `named`: the commitment text names the place, in full (茌平区) or by a short
  form (茌平, 市经开区, 高新区, 度假区). Towns, subdistricts and zones of a
  county count for their county (侯营镇 → 东昌府区). The city itself is not
  recorded: every city commitment concerns the city.
- `responsible`: a body of another jurisdiction than the one that issued the
  document is among the lead or responsible units (茌平区人民政府 in the city
  plan, 侯营镇政府 in the district plan). Again towns count for their county.
- `all_counties`: a collective stands for a named set of places: the responsible
  unit 各县〔市、区〕人民政府 or the words 各县（市、区） in the text (the eight
  county-level areas), 市属开发区管委会 (the three city zones). The set is the
  collective's `covers` in units.yaml.

Text is read left to right taking the longest listed word at each place, so
聊城高新技术产业开发区 is read once, as the zone, and the generic phrase
国家级高新区 is read and set aside (see metadata/mentions.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.reference import Reference
from chengnuo.schema import allowed_values
from chengnuo.zh.text import comparable

MENTIONS_PATH = METADATA_DIR / "mentions.yaml"
HOW = allowed_values("mentions", "how")
_KEYS = ("unused_short_names", "generic_phrases", "collective_phrases")
# 各县〔市、区〕 and 各县（市、区） name the same places.
_BRACKETS = str.maketrans({"〔": "（", "〕": "）"})


@dataclass(frozen=True)
class Mention:
    commitment_id: str
    jurisdiction_id: str
    how: str
    named_as: str  # the words or unit names that gave it, `|`-separated, in reading order


def place_form(text: str) -> str:
    """Text as place names are compared in it: the comparable form, one kind of bracket."""
    return comparable(text).translate(_BRACKETS)


@dataclass(frozen=True)
class Finder:
    """The words to look for, each with what it stands for."""

    places: dict[str, tuple[str, ...]]  # word -> jurisdictions ((): generic, counts for none)
    collectives: dict[str, tuple[str, tuple[str, ...]]]  # phrase -> (unit's jurisdiction, covers)
    pattern: re.Pattern

    def find(self, text: str, document_chain: list[str]) -> list[tuple[str, str, str]]:
        """(how, jurisdiction_id, word) for every place the text names, in reading order."""
        found = []
        for match in self.pattern.finditer(place_form(text)):
            word = match.group()
            if word in self.collectives:
                owner, covers = self.collectives[word]
                if owner in document_chain:
                    found += [("all_counties", jid, word) for jid in covers]
            else:
                found += [("named", jid, word) for jid in self.places[word]]
        return found


def county_level(reference: Reference, jurisdiction_id: str) -> str:
    """The county-level area or city zone a place belongs to (侯营镇 → 东昌府区);
    the city and county-level places map to themselves."""
    chain = reference.chain(jurisdiction_id)
    return chain[-2] if len(chain) >= 2 else chain[0]


def load_finder(reference: Reference, path: Path | None = None) -> Finder:
    path = Path(path or MENTIONS_PATH)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ChengnuoError(f"cannot read the mention rules: {error}", path=path) from error
    if not isinstance(data, dict) or set(data) != set(_KEYS):
        raise ChengnuoError("expected exactly the keys " + ", ".join(_KEYS), path=path, line=1)
    lines = {key.value: key.start_mark.line + 1 for key, _ in root.value}

    def fail(key: str, problem: str) -> ChengnuoError:
        return ChengnuoError(f"{key}: {problem}", path=path, line=lines[key])

    unused = data["unused_short_names"]
    all_short = {s for j in reference.jurisdictions.values() for s in j.short_names}
    if not isinstance(unused, list) or not set(unused) <= all_short:
        raise fail("unused_short_names", "must list short names from jurisdictions.yaml")
    places: dict[str, tuple[str, ...]] = {}
    for j in reference.jurisdictions.values():
        if j.level == "city":
            continue
        for word in (j.name_zh, *j.short_names):
            if word not in unused:
                places.setdefault(place_form(word), (county_level(reference, j.jurisdiction_id),))
    generic = data["generic_phrases"]
    if not isinstance(generic, list) or not all(isinstance(w, str) and w for w in generic):
        raise fail("generic_phrases", "must be a list of phrases")
    places.update({place_form(w): () for w in generic})
    collectives = {}
    for phrase, unit_id in (data["collective_phrases"] or {}).items():
        unit = reference.units.get(unit_id)
        if unit is None or not unit.covers:
            raise fail("collective_phrases", f"{unit_id!r} is not a collective with `covers`")
        collectives[place_form(phrase)] = (unit.jurisdiction_id, unit.covers)
    words = sorted({*places, *collectives}, key=lambda w: (-len(w), w))
    return Finder(places, collectives, re.compile("|".join(map(re.escape, words))))


def find_mentions(record: dict, document_jurisdiction: str, reference: Reference,
                  finder: Finder) -> list[Mention]:
    """The mentions of every commitment of one records-stage document."""
    chain = reference.chain(document_jurisdiction)
    found: dict[tuple[str, str, str], list[str]] = {}  # (commitment, jurisdiction, how) -> words

    def add(commitment_id: str, how: str, jurisdiction_id: str, word: str) -> None:
        words = found.setdefault((commitment_id, jurisdiction_id, how), [])
        if word not in words:
            words.append(word)

    for commitment in record["commitments"]:
        for how, jurisdiction_id, word in finder.find(commitment["text_zh"], chain):
            add(commitment["commitment_id"], how, jurisdiction_id, word)
    for assignment in record["assignments"]:
        unit = reference.units.get(assignment["unit_id"] or "")
        if unit is None:  # a person, or a unit the reference list does not know yet
            continue
        if unit.covers:
            for jurisdiction_id in unit.covers:
                add(assignment["commitment_id"], "all_counties", jurisdiction_id, assignment["raw"])
        elif unit.jurisdiction_id != document_jurisdiction:
            place = county_level(reference, unit.jurisdiction_id)
            if reference.jurisdictions[place].level != "city":
                add(assignment["commitment_id"], "responsible", place, assignment["raw"])
    return [Mention(c, j, how, "|".join(words)) for (c, j, how), words in found.items()]
