"""Reference data: jurisdictions, units (bodies) and people, and the resolver that
turns a name printed in an assignment bracket into one of them.

The data lives in `metadata/jurisdictions.yaml`, `metadata/units.yaml` and
`metadata/people.yaml`; the comments at the top of each file define the fields.

Why two kinds of alias: 市财政局 and 区财政局 are relative names. In a city
document 市财政局 is 聊城市财政局, in a Linqing document it would be 临清市财政局;
区财政局 means a different bureau in every district. So relative spellings are
`local_aliases`, valid only in documents of the unit's scope or of a jurisdiction
below it (a district plan's 市… means its parent city), and the nearest scope
wins. Spellings that carry a place or proper name (聊城海关, 东昌府区人民政府) are
plain `aliases` and resolve from any document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from chengnuo import gazetteer
from chengnuo.schema import allowed_values
from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.yaml_nodes import load_with_nodes
from chengnuo.zh.text import comparable

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LEVELS = allowed_values("jurisdictions", "level")
UNIT_TYPES = allowed_values("units", "unit_type")

_OPENERS = "（〔[【"
_CLOSERS = "）〕]】"
# 道口铺等5个镇政府（街道办事处）: the tail restates the list the bracket just gave.
_ENUMERATION = re.compile(r"(.+?)等[0-9０-９一二三四五六七八九十两]+个.+")


def normalise_name(raw: str) -> str:
    """The form in which names are compared and aliases are written.

    The comparable form (chengnuo.zh.text: no whitespace, as PDF line breaks split
    names: 区 / 商务和投资促进局; no `**`; punctuation full-width), without a
    trailing 等 or the unmatched closing brackets left over from a mis-closed
    assignment bracket (`区人民医院)` becomes `区人民医院`). Idempotent.
    """
    name = comparable(raw)
    while name:
        if name.endswith("等"):
            name = name[:-1]
        elif name[-1] in _CLOSERS and _bracket_balance(name) < 0:
            name = name[:-1]
        else:
            break
    return name


def _bracket_balance(text: str) -> int:
    return sum(c in _OPENERS for c in text) - sum(c in _CLOSERS for c in text)


@dataclass(frozen=True)
class Jurisdiction:
    jurisdiction_id: str
    name_zh: str
    name_en: str
    level: str
    parent_id: str | None
    short_names: tuple[str, ...] = ()
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class Unit:
    unit_id: str
    jurisdiction_id: str
    name_zh: str
    name_en: str
    unit_type: str
    aliases: tuple[str, ...] = ()
    local_aliases: tuple[str, ...] = ()
    alias_scope: str = ""  # where local_aliases apply; set to jurisdiction_id on load
    covers: tuple[str, ...] = ()
    line: int = field(default=0, compare=False, repr=False)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every spelling that names this unit: aliases first, then local ones."""
        return self.aliases + self.local_aliases


@dataclass(frozen=True)
class Person:
    person_id: str
    name_zh: str
    name_en: str
    jurisdiction_id: str
    line: int = field(default=0, compare=False, repr=False)


# --------------------------------------------------------------------------- reading


def _read_entries(path: Path, required: dict[str, type], optional: dict[str, type]):
    """(line, mapping) for each entry of a YAML list, with keys and types checked."""
    root, data = load_with_nodes(path, "reference data")
    if not isinstance(data, list):
        raise ChengnuoError("expected a list of entries", path=path, line=1)
    entries = []
    for item, node in zip(data, root.value):  # data is a list, so root is a sequence node
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise ChengnuoError("entry is not a mapping", path=path, line=line)
        keys = [k.value for k, _ in node.value]
        if len(keys) != len(set(keys)):
            raise ChengnuoError("a key is given twice", path=path, line=line)
        missing = sorted(required.keys() - item.keys())
        if missing:
            raise ChengnuoError(f"missing field {missing[0]!r}", path=path, line=line)
        for key, value in item.items():
            kind = required.get(key) or optional.get(key)
            if kind is None:
                raise ChengnuoError(f"unknown field {key!r}", path=path, line=line,
                                    hint="allowed: " + ", ".join([*required, *optional]))
            if kind is list:
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            else:
                ok = isinstance(value, str) or (value is None and key == "parent_id")
            if not ok:
                raise ChengnuoError(f"field {key!r} must be {'a list of strings' if kind is list else 'a string'}",
                                    path=path, line=line)
        entries.append((line, item))
    return entries


def _check_id(value: str, what: str, seen: dict[str, int], path: Path, line: int) -> None:
    if not SLUG.fullmatch(value):
        raise ChengnuoError(f"{what} {value!r} is not a lowercase ASCII slug", path=path, line=line)
    if value in seen:
        raise ChengnuoError(f"{what} {value!r} already used at line {seen[value]}", path=path, line=line)
    seen[value] = line


def load_jurisdictions(path: Path | None = None) -> tuple[Jurisdiction, ...]:
    path = path or METADATA_DIR / "jurisdictions.yaml"
    required = {"jurisdiction_id": str, "name_zh": str, "name_en": str, "level": str, "parent_id": str}
    seen: dict[str, int] = {}
    out = []
    for line, e in _read_entries(path, required, {"short_names": list}):
        _check_id(e["jurisdiction_id"], "jurisdiction_id", seen, path, line)
        if e["level"] not in LEVELS:
            raise ChengnuoError(f"unknown level {e['level']!r}", path=path, line=line,
                                hint="one of " + ", ".join(LEVELS))
        out.append(Jurisdiction(e["jurisdiction_id"], e["name_zh"], e["name_en"], e["level"],
                                e["parent_id"], tuple(e.get("short_names", ())), line))
    by_id = {j.jurisdiction_id: j for j in out}
    for j in out:
        if j.parent_id is not None and j.parent_id not in by_id:
            raise ChengnuoError(f"unknown parent_id {j.parent_id!r}", path=path, line=j.line)
        ancestors, current = {j.jurisdiction_id}, j.parent_id
        while current is not None:
            if current in ancestors:
                raise ChengnuoError(f"parent_id of {j.jurisdiction_id!r} makes a cycle", path=path, line=j.line)
            ancestors.add(current)
            current = by_id[current].parent_id
    return tuple(out)


def load_units(path: Path | None = None) -> tuple[Unit, ...]:
    path = path or METADATA_DIR / "units.yaml"
    required = {"unit_id": str, "jurisdiction_id": str, "name_zh": str, "name_en": str, "unit_type": str}
    optional = {"aliases": list, "local_aliases": list, "alias_scope": str, "covers": list}
    seen: dict[str, int] = {}
    out = []
    for line, e in _read_entries(path, required, optional):
        uid, jid = e["unit_id"], e["jurisdiction_id"]
        _check_id(uid, "unit_id", seen, path, line)
        if not uid.startswith(jid + "-"):
            raise ChengnuoError(f"unit_id {uid!r} must start with its jurisdiction_id {jid!r}",
                                path=path, line=line)
        if e["unit_type"] not in UNIT_TYPES:
            raise ChengnuoError(f"unknown unit_type {e['unit_type']!r}", path=path, line=line,
                                hint="one of " + ", ".join(UNIT_TYPES))
        if "covers" in e and e["unit_type"] != "collective":
            raise ChengnuoError("only a collective has covers", path=path, line=line)
        for name in [e["name_zh"], *e.get("aliases", ()), *e.get("local_aliases", ())]:
            if not name or normalise_name(name) != name:
                raise ChengnuoError(f"alias {name!r} is not in normalised form {normalise_name(name)!r}",
                                    path=path, line=line)
        out.append(Unit(uid, jid, e["name_zh"], e["name_en"], e["unit_type"],
                        tuple(e.get("aliases", ())), tuple(e.get("local_aliases", ())),
                        e.get("alias_scope", jid), tuple(e.get("covers", ())), line))
    _check_aliases(out, path)
    return tuple(out)


def _check_aliases(units: list[Unit], path: Path) -> None:
    """Global aliases are unique everywhere; local ones within their scope and never
    equal to a global one, so that resolution never depends on lookup order."""
    global_owner: dict[str, Unit] = {}
    local_owner: dict[tuple[str, str], Unit] = {}
    for unit in units:
        names = (unit.name_zh, *unit.aliases, *unit.local_aliases)
        if len(set(names)) != len(names):
            raise ChengnuoError(f"{unit.unit_id!r} lists a name twice", path=path, line=unit.line)
        for name in (unit.name_zh, *unit.aliases):
            other = global_owner.setdefault(name, unit)
            if other is not unit:
                raise ChengnuoError(f"alias {name!r} of {unit.unit_id!r} also names {other.unit_id!r}",
                                    path=path, line=unit.line)
    for unit in units:
        for name in unit.local_aliases:
            other = global_owner.get(name) or local_owner.setdefault((unit.alias_scope, name), unit)
            if other is not unit:
                raise ChengnuoError(f"local alias {name!r} of {unit.unit_id!r} also names {other.unit_id!r}",
                                    path=path, line=unit.line)


def load_people(path: Path | None = None) -> tuple[Person, ...]:
    path = path or METADATA_DIR / "people.yaml"
    required = {"person_id": str, "name_zh": str, "name_en": str, "jurisdiction_id": str}
    seen: dict[str, int] = {}
    out = []
    for line, e in _read_entries(path, required, {}):
        _check_id(e["person_id"], "person_id", seen, path, line)
        if normalise_name(e["name_zh"]) != e["name_zh"] or not e["name_zh"]:
            raise ChengnuoError(f"name_zh {e['name_zh']!r} is not in normalised form", path=path, line=line)
        out.append(Person(e["person_id"], e["name_zh"], e["name_en"], e["jurisdiction_id"], line))
    return tuple(out)


# --------------------------------------------------------------------------- resolving

class Reference:
    """All reference data, cross-checked, with the lookups the parsers need."""

    def __init__(self, jurisdictions: tuple[Jurisdiction, ...], units: tuple[Unit, ...],
                 people: tuple[Person, ...], *, metadata_dir: Path = METADATA_DIR):
        self.jurisdictions = {j.jurisdiction_id: j for j in jurisdictions}
        self.units = {u.unit_id: u for u in units}
        self.people = {p.person_id: p for p in people}
        self._check(metadata_dir)
        self._global = {n: u for u in units for n in (u.name_zh, *u.aliases)}
        self._local: dict[str, dict[str, Unit]] = {}
        for u in units:
            for n in u.local_aliases:
                self._local.setdefault(u.alias_scope, {})[n] = u
        self._people_by_name: dict[str, list[Person]] = {}
        for p in people:
            self._people_by_name.setdefault(p.name_zh, []).append(p)

    @classmethod
    def load(cls, metadata_dir: Path | None = None) -> "Reference":
        folder = Path(metadata_dir or METADATA_DIR)
        return cls(load_jurisdictions(folder / "jurisdictions.yaml"), load_units(folder / "units.yaml"),
                   load_people(folder / "people.yaml"), metadata_dir=folder)

    def _check(self, folder: Path) -> None:
        def known(jid: str, what: str, path: str, line: int) -> None:
            if jid not in self.jurisdictions:
                raise ChengnuoError(f"unknown {what} {jid!r}", path=folder / path, line=line)
        for u in self.units.values():
            known(u.jurisdiction_id, "jurisdiction_id", "units.yaml", u.line)
            known(u.alias_scope, "alias_scope", "units.yaml", u.line)
            for jid in u.covers:
                known(jid, "covers id", "units.yaml", u.line)
        for p in self.people.values():
            known(p.jurisdiction_id, "jurisdiction_id", "people.yaml", p.line)
            clash = [u.unit_id for u in self.units.values() if p.name_zh in (u.name_zh, *u.spellings)]
            if clash:
                raise ChengnuoError(f"{p.name_zh!r} is also a name of unit {clash[0]!r}",
                                    path=folder / "people.yaml", line=p.line)
            by_name = [q for q in self.people.values() if q.name_zh == p.name_zh]
            if len({q.jurisdiction_id for q in by_name}) != len(by_name):
                raise ChengnuoError(f"two people named {p.name_zh!r} in one jurisdiction",
                                    path=folder / "people.yaml", line=p.line)

    def chain(self, jurisdiction_id: str) -> list[str]:
        """The jurisdiction and its ancestors, nearest first.

        A place of the national gazetteer that the project does not list (a report
        from elsewhere, inspected) has its chain read from the gazetteer.
        """
        if jurisdiction_id not in self.jurisdictions:
            place = gazetteer.load().get(jurisdiction_id)
            if place is None:
                raise ChengnuoError(f"unknown jurisdiction {jurisdiction_id!r}")
            return [p.jurisdiction_id for p in (place, *gazetteer.load().ancestors(place))]
        out, current = [], jurisdiction_id
        while current is not None:
            out.append(current)
            current = self.jurisdictions[current].parent_id
        return out

    def resolve_unit(self, raw_name: str, document_jurisdiction_id: str) -> Unit | None:
        """The unit a name printed in a document of `document_jurisdiction_id` means.

        Relative spellings are looked up from the document's jurisdiction upwards
        (a district plan's 区… first, then its city's 市…), then spellings that
        name a unit anywhere. None when nothing matches.
        """
        name = normalise_name(raw_name)
        unit = self._lookup(name, document_jurisdiction_id)
        if unit is None and (m := _ENUMERATION.fullmatch(name)):
            unit = self._lookup(m.group(1), document_jurisdiction_id)
        return unit

    def _lookup(self, name: str, document_jurisdiction_id: str) -> Unit | None:
        for scope in self.chain(document_jurisdiction_id):
            if name in self._local.get(scope, {}):
                return self._local[scope][name]
        return self._global.get(name)

    def resolve_person(self, raw_name: str, jurisdiction_id: str | None = None) -> Person | None:
        """The person of that name; with a jurisdiction, namesakes elsewhere are ignored."""
        found = self._people_by_name.get(normalise_name(raw_name), [])
        if jurisdiction_id is not None and len(found) > 1:
            chain = self.chain(jurisdiction_id)
            found = sorted((p for p in found if p.jurisdiction_id in chain),
                           key=lambda p: chain.index(p.jurisdiction_id))[:1]
        return found[0] if len(found) == 1 else None

    def resolve_leader(self, raw_name: str, jurisdiction_id: str) -> Person | Unit | None:
        """A 牵头领导 entry: a named official, or a collective leadership such as
        市长及各位副市长 (never turned into a person)."""
        person = self.resolve_person(raw_name, jurisdiction_id)
        if person is not None:
            return person
        unit = self.resolve_unit(raw_name, jurisdiction_id)
        return unit if unit is not None and unit.unit_type == "collective_leadership" else None
