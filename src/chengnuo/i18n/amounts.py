"""Quantities written for a reader: 2万亩 on a Chinese page, "20,000 mu" on an English one.

The data keep a figure as the report writes it: a value in a unit that may
carry a magnitude (2 万亩, 1050 亿元, 1000 亿). Chinese pages print it that
way, without the ".0" a float would add; English pages apply the magnitude and
write the unit's English from metadata/glossary.yaml (`measures`, then
`reader_units`; `classifiers` have no English and leave the number alone, as
the indicator beside it names what is counted). The magnitudes are those of
chengnuo.zh.numerals, and the English number is numbers.format_en, the form
the translations use, so a figure reads the same in a table and in a sentence.

A unit with no English in the glossary is an error: an English page must not
show a Chinese unit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Union

from chengnuo.errors import ChengnuoError
from chengnuo.i18n.glossary import GLOSSARY_PATH
from chengnuo.i18n.numbers import format_en
from chengnuo.yaml_nodes import load_with_nodes
from chengnuo.zh.numerals import split_unit

Number = Union[Decimal, str, int]
RANGE = "–"  # between value and value_max, in both languages


@dataclass(frozen=True)
class ReaderUnit:
    zh: str      # 万亩
    en: str      # "mu"; "" for a classifier: the number stands alone
    one: str     # the English after exactly 1 ("person"); en when the same
    factor: int  # 10000: 2万亩 is 20,000 mu


def _text(entry: dict, key: str, where: str, path: Path) -> str:
    value = entry.get(key)
    if isinstance(value, list):  # measures list accepted forms; the first is preferred
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        raise ChengnuoError(f"{where}: `{key}` must be a non-empty text", path=path)
    return value


@functools.lru_cache(maxsize=None)
def reader_units(path: Path = GLOSSARY_PATH) -> dict[str, ReaderUnit]:
    """Every unit the glossary writes in English, keyed by its Chinese; each defined once."""
    _, data = load_with_nodes(path, "the glossary")
    units: dict[str, ReaderUnit] = {}

    def add(unit: ReaderUnit, where: str) -> None:
        if unit.zh in units:
            raise ChengnuoError(f"{where}: {unit.zh} is defined twice", path=path)
        units[unit.zh] = unit

    for key in ("measures", "reader_units"):
        for number, entry in enumerate(data.get(key) or (), start=1):
            where = f"{key} entry {number}"
            if not isinstance(entry, dict):
                raise ChengnuoError(f"{where}: expected {{zh: …, en: …}}", path=path)
            zh, en = _text(entry, "zh", where, path), _text(entry, "en", where, path)
            one = _text(entry, "one", where, path) if "one" in entry else en
            add(ReaderUnit(zh, en, one, int(entry.get("factor", 1))), where)
    for zh in data.get("classifiers") or ():
        add(ReaderUnit(str(zh), "", "", 1), "classifiers")
    return units


def english_unit(unit: str) -> ReaderUnit:
    """The glossary's unit, or a magnitude times a glossary unit (万个, 万台, 亿)."""
    units = reader_units()
    if unit in units:
        return units[unit]
    factor, base = split_unit(unit)
    if factor > 1 and base == "":
        return ReaderUnit(unit, "", "", factor)  # 亿 alone: the report names no unit
    if factor > 1 and base in units:
        known = units[base]
        return ReaderUnit(unit, known.en, known.en, factor * known.factor)
    raise ChengnuoError(f"unit {unit!r} has no English: add it to glossary.yaml "
                        "(reader_units or classifiers)", path=GLOSSARY_PATH)


def decimal(value: Number) -> Decimal:
    """The exact figure; a float, whose binary value has lost the report's digits, is refused."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        raise TypeError(f"a figure must be a Decimal, not the float {value!r}")
    return Decimal(str(value).strip())


def zh_number(value: Number) -> str:
    """1000.0 → "1000", 5.50 → "5.5": the figure as a Chinese report writes it."""
    text = format(decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def amount(value: Number, unit: str | None, lang: str, value_max: Number | None = None) -> str:
    """A figure for a reader in `lang` ("zh" or "en"), as plain text (the caller escapes).

    zh: 2万亩, 5.5%, 10–15个. en: 20,000 mu, 5.5%, 100 billion yuan, 15 (a classifier).
    """
    unit = unit or ""
    if lang == "zh":
        figure = zh_number(value)
        if value_max is not None:
            figure += RANGE + zh_number(value_max)
        return figure + unit
    reader = english_unit(unit) if unit else ReaderUnit("", "", "", 1)
    low = decimal(value) * reader.factor
    figure = format_en(low)
    if value_max is not None:
        figure += RANGE + format_en(decimal(value_max) * reader.factor)
    words = reader.one if value_max is None and low == 1 else reader.en
    if not words:
        return figure
    return figure + words if not words[0].isalpha() else f"{figure} {words}"
