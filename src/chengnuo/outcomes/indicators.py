"""Headline indicators (metadata/indicators.yaml) and how indicator phrases compare.

Two phrases name the same indicator when both match the same headline
indicator, or when their cores (the phrase without the verbs and fillers that
every sentence carries, with synonyms made one) are close in character bigrams.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.zh.text import bigrams

INDICATORS_PATH = METADATA_DIR / "indicators.yaml"

# Spellings of one thing, made one before phrases are compared.
_SYNONYMS = (
    (re.compile(r"规模以上"), "规上"), (re.compile(r"实际利用外资"), "实际使用外资"),
    (re.compile(r"外贸进出口|进出口总[值额]"), "进出口"), (re.compile(r"(?:地区|全市)生产总值"), "生产总值"),
    (re.compile(r"新改扩建|新改建|新建成|改扩建|新建|建成"), "建"), (re.compile(r"粮食总产量?"), "粮食产量"),
    (re.compile(r"营业收入"), "营收"), (re.compile(r"新增城镇就业"), "城镇新增就业"),
)
# Words that say what was done rather than what was counted.
_NOISE = re.compile(r"新增|完成|实施|打造|培育|推动|开展|举办|落实|争创|创建|全市|全年|累计|力争|"
                    r"确保|重点|加快|推进|年度|全部|实现|达到|突出抓好|省级以上|市级以上|以上|一批|“|”")


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name_zh: str
    name_en: str
    match: re.Pattern
    exclude: re.Pattern | None
    metric: str
    unit: str

    def names(self, phrase: str | None) -> bool:
        return bool(phrase and self.match.search(phrase)
                    and not (self.exclude and self.exclude.search(phrase)))


@functools.cache
def headline_indicators() -> tuple[Indicator, ...]:
    try:
        data: dict[str, Any] = yaml.safe_load(INDICATORS_PATH.read_text(encoding="utf-8"))
        return tuple(Indicator(key, spec["name_zh"], spec["name_en"], re.compile(spec["match"]),
                               re.compile(spec["exclude"]) if spec.get("exclude") else None,
                               spec["metric"], spec["unit"])
                     for key, spec in data["indicators"].items())
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as error:
        raise ChengnuoError(f"cannot read the headline indicators: {error}",
                            path=INDICATORS_PATH) from error


def headline(phrase: str | None) -> Indicator | None:
    """The headline indicator a phrase names, if exactly one."""
    found = [i for i in headline_indicators() if i.names(phrase)]
    return found[0] if len(found) == 1 else None


def core(phrase: str | None) -> str:
    text = phrase or ""
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return _NOISE.sub("", text)


def similarity(a: str | None, b: str | None) -> float:
    """How surely two indicator phrases name the same thing, from 0 to 1.

    1 for the same headline indicator; otherwise the Dice coefficient of the
    cores' character bigrams, raised to 0.9 when one core holds the other whole
    and has at least four characters, and to 0.8 when the shorter core has five
    bigrams or more and shares four fifths of them (and the Dice coefficient is
    at least 0.6).
    """
    first, second = headline(a), headline(b)
    if first and second:
        return 1.0 if first == second else 0.0
    if first or second:
        return 0.0  # a headline indicator never matches a phrase that is not one
    x, y = core(a), core(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    if min(len(x), len(y)) >= 4 and (x in y or y in x):
        return 0.9
    grams_x, grams_y = set(bigrams(x)), set(bigrams(y))
    if not grams_x or not grams_y:
        return 0.0
    shared = len(grams_x & grams_y)
    dice = 2 * shared / (len(grams_x) + len(grams_y))
    # 实施制造业技改项目 / 实施工业技改项目: a long phrase nearly all of it shared
    if min(len(grams_x), len(grams_y)) >= 5 and shared >= 0.8 * min(len(grams_x), len(grams_y)) \
            and dice >= 0.6:
        return 0.8
    return dice
