"""Quantities in Chinese government text: `增长5.5%以上`, `1.2万人`, `10—15个`, `2×66万千瓦`.

A pure extractor: `find_quantities(text)` returns every number that carries a
unit, with the modifier around it (以上, 左右, 控制在 …), what kind of figure it
is (`metric`), whether the words before it make it a rise or a fall
(`direction`), its base unit and scale, and the phrase that says what is counted
(`indicator_zh`). Offsets index the text as given, so a caller can cut the exact
span out again. Later stages carry these facts rather than work them out again.

A number without a unit (years, document numbers, slogans such as “十四五”,
“369”项目) is not a quantity. Chinese numerals are only read where they cannot
be part of an idiom or a slogan: 千家万户, 一张网, 五个更加注重 are not counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from chengnuo.schema import allowed_values
from chengnuo.zh.numerals import (MAGNITUDE_PATTERN, MAGNITUDES, NUMERAL_CHARS, format_numeral,
                                  parse_number, parse_numeral)
from chengnuo.zh.text import ascii_figures

MODIFIERS = allowed_values("targets", "modifier")
METRICS = allowed_values("targets", "metric")
DIRECTIONS = allowed_values("targets", "direction")

# Written unit → normalised unit, longest spelling first so 个百分点 wins over 个.
_UNIT_SPELLINGS = {
    "个百分点": "百分点", "百分点": "百分点", "%": "%", "％": "%",
    "平方公里": "平方公里", "平方米": "平方米", "平米": "平方米", "平方": "平方米",
    "立方米": "立方米", "公里": "公里", "千米": "公里", "米": "米", "公顷": "公顷", "亩": "亩",
    "千瓦": "千瓦", "兆瓦": "兆瓦", "MW": "兆瓦", "吨": "吨", "公斤": "公斤", "斤": "斤",
    "元": "元", "人次": "人次", "个工作日": "工作日", "工作日": "工作日", "周岁": "周岁",
    "小时": "小时", "分钟": "分钟", "天": "天", "倍": "倍",
    "个": "个", "家": "家", "所": "所", "处": "处", "座": "座", "条": "条", "辆": "辆",
    "套": "套", "户": "户", "张": "张", "场": "场", "项": "项", "件": "件", "台": "台",
    "株": "株", "块": "块", "种": "种", "名": "名", "人": "人", "次": "次", "间": "间",
    "栋": "栋", "眼": "眼", "部": "部", "支": "支", "批": "批",
    # Seen in reports from other places: air quality, foreign trade, birth rates.
    "微克/立方米": "微克/立方米", "微克每立方米": "微克/立方米", "美元": "美元", "‰": "‰",
}
# Units that count things; a figure in them is a `count`, in the others a `level`.
COUNT_UNITS = frozenset("个 家 所 处 座 条 辆 套 户 张 场 项 件 台 株 块 种 名 人 次 间 栋 眼 部 支 批"
                        .split()) | {"人次"}
PERCENT_UNITS = frozenset({"%", "百分点"})
# Single Chinese digits before these units are mostly slogans (五个更加注重, 一张网).
_SLOGAN_UNITS = frozenset("个 条 张 件 项 次 批 种 支 部".split())

# Modifier words, longest first: 不超过 must win over 超过, 超过 over 超.
_PREFIXES = (("不低于", "at_least"), ("不少于", "at_least"), ("不超过", "at_most"),
             ("超过", "at_least"), ("控制在", "at_most"), ("突破", "exceed"), ("超", "exceed"),
             ("过", "exceed"), ("约", "about"), ("近", "about"))
_SUFFIXES = {"以上": "at_least", "左右": "about", "以内": "at_most", "以下": "at_most"}

_ARABIC = r"\d{1,3}(?:[,，]\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_ARABIC}|[{NUMERAL_CHARS}]+)"
_UNIT = "|".join(re.escape(u) for u in sorted(_UNIT_SPELLINGS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?:(?P<factor>\d+)\s*[×xX*]\s*)?"
    rf"(?P<num>{_NUMBER})(?P<pct>\s*[%％])?"
    rf"(?:\s*(?P<dash>[—–\-~～至到])\s*(?P<num2>{_NUMBER}))?"
    rf"\s*(?P<approx>[余多])?\s*(?P<mag>{MAGNITUDE_PATTERN})?\s*(?P<approx2>[余多])?"
    rf"\s*(?P<unit>{_UNIT})?(?:\s*(?P<suffix>以上|左右|以内|以下))?")

# What ends the clause a quantity belongs to; the indicator is read inside it.
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、（(）)\n]|——")
_LEADING_FILLER = re.compile(
    r"^(?:\d+[.．、]|到?\d{4}年(?:[—\-至]\d{4}年)?(?:底|前)?|\d+年内|力争|确保|全年|全市|预计|其中|累计|同比|今年|"
    r"年内|实现|努力|争取|同时|并且|以及|达到|总计|合计|年均|每年|分别|的|比上年|可比价|年度目标|\s)+")
_TRAILING_VERB = re.compile(
    r"(?:增长|增速|增幅|达到|达|为|至|稳定在|保持在|完成|实现|提高|提升|增加|下降|降低|减少|压缩|"
    r"控制在|突破|超过|超|过|约|近|不低于|不少于|不超过|分别|总量|总数|预计|预期|的|和|及|与|由|到|"
    r"比上年|比去年|同比|按可比价格计算|实际|可比|年度目标|继续保持|保持|\s)+$")
# Words that make the figure after them a change (within a few characters of
# the same clause): 增长5% is a rise, 下降5% a fall.
_RISE_WORDS = "增长|增速|增幅|涨幅|提高|提升|增加"
_FALL_WORDS = "下降|降低|减少|压缩|降幅|回落|削减"
_RISE = re.compile(rf"(?:{_RISE_WORDS})[^，。；、]{{0,6}}$")
_FALL = re.compile(rf"(?:{_FALL_WORDS})[^，。；、]{{0,6}}$")
# 提高到75% is a level reached, not a rate of change: hence the lookahead.
_GROWTH_WORDS = re.compile(rf"(?:{_RISE_WORDS}|{_FALL_WORDS})(?![到至])[^，。；、]{{0,6}}$")
_INDICATOR_MAX = 24
# How far before a figure its change words are read: a word and up to 6 characters.
_WORDS_BEFORE = 12


@dataclass(frozen=True)
class Quantity:
    """One figure in a text, in the unit as printed (`1.2` `万人`), with its scale."""

    value: Decimal
    value_max: Decimal | None
    unit: str          # normalised, with its magnitude: 万人, 亿元, %, 个
    base_unit: str     # the unit without magnitude: 人, 元
    scale: int         # what one `unit` is in `base_unit`: 10000 for 万人
    modifier: str      # one of MODIFIERS
    metric: str        # one of METRICS
    direction: str     # one of DIRECTIONS: up (增长5%), down (下降5%), none
    indicator_zh: str  # what is counted, from the words around the figure
    span: str          # text[start:end], modifiers included
    start: int
    end: int

    @property
    def base_value(self) -> Decimal:
        return self.value * self.scale


def _number(text: str) -> tuple[Decimal, bool] | None:
    """(value, written in Chinese) of a number token, or None."""
    if text[0].isdigit():
        value = parse_number(re.sub(r"[,， ]", "", text))
        return (value, False) if value else None
    value = parse_numeral(text)
    return (Decimal(value), True) if value else None


def _split_magnitude(text: str) -> tuple[str, str]:
    """A Chinese numeral's trailing 万/亿 is the unit's magnitude: 两万 → (两, 万)."""
    for mag in sorted(MAGNITUDES, key=len):  # 一百万 is 一百 万, not 一 百万
        if text.endswith(mag) and len(text) > len(mag):
            rest = text[:-len(mag)]
            if parse_numeral(rest):
                return rest, mag
    return text, ""


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance."""
    plain = ascii_figures(text)  # same length: offsets stay valid
    found: list[tuple[int, int, dict]] = []
    position = 0
    while True:
        match = _PATTERN.search(plain, position)
        if not match:
            break
        parsed = _read_match(plain, match)
        if parsed is None:
            position = match.start() + 1 if match.end() == match.start() else match.end()
            continue
        found.append(parsed)
        position = parsed[1]
    quantities = []
    previous_end, previous_indicator = 0, ""
    for index, (start, end, parts) in enumerate(found):
        next_start = found[index + 1][0] if index + 1 < len(found) else len(plain)
        indicator = _indicator(text, start, end, previous_end, next_start, previous_indicator)
        before = plain[max(0, start - _WORDS_BEFORE):start]
        quantities.append(Quantity(indicator_zh=indicator, metric=_metric(before, parts),
                                   direction=_direction(before), span=text[start:end],
                                   start=start, end=end, **parts))
        previous_end, previous_indicator = end, indicator
    return _respectively(text, quantities)


_COMPARED = re.compile(r"(?:较|比)(?:上年|去年|\d{4}年(?:底|末)?)$")
_RESPECTIVELY = re.compile(r"(?P<items>[^，,。；;：:！？\n]+?)分别")


def _respectively(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`城镇、农村居民人均可支配收入分别增长6%和7%`: one indicator per figure, in order.

    The items before 分别 are split at 、 和 及; an item of up to three characters
    is the start of the last one's name (城镇 → 城镇居民人均可支配收入). Only when
    the figures after 分别 in its clause are exactly as many as the items.
    """
    out = list(quantities)
    for match in _RESPECTIVELY.finditer(text):
        items = [i for i in re.split(r"[、和及与]", _clean(match["items"])) if i]
        if len(items) == 1 and items[0].startswith("城乡"):
            items = ["城镇", "农村" + items[0][2:]]  # 城乡居民收入分别增长8.5%和10%
        if len(items) < 2:
            continue
        clause_end = re.compile(r"[，,。；;！？\n]").search(text, match.end())
        stop = clause_end.start() if clause_end else len(text)
        picked = [k for k, q in enumerate(out) if match.end() <= q.start < stop]
        if len(picked) != len(items):
            continue
        last = items[-1]
        names = [item + last[len(item):] if len(item) <= 3 < len(last) else item for item in items]
        names = [_COMPARED.sub("", _LEADING_FILLER.sub("", name)) or name for name in names]
        metric = out[picked[0]].metric  # 分别增长5%、6%: the verb before the first is every one's
        for k, name in zip(picked, names):
            q = out[k]
            out[k] = Quantity(**{**q.__dict__, "indicator_zh": name[-_INDICATOR_MAX:],
                                 "metric": metric if q.unit == out[picked[0]].unit else q.metric})
    return out


def _read_match(text: str, match: re.Match) -> tuple[int, int, dict] | None:
    start, end = match.start(), match.end()
    g = match.groupdict()
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "./第每"
                      or text[start - 1].isascii() and text[start - 1].isalpha()):
        return None  # 2.5 inside PM2.5, 第三届, 每万人: not a figure of their own
    num, num2, mag = g["num"], g["num2"], g["mag"] or ""
    if not num[0].isdigit() and not mag:
        num, mag = _split_magnitude(num)
    if num2 and not num2[0].isdigit() and not mag:
        num2, mag = _split_magnitude(num2)
    first = _number(num)
    if first is None:
        return None
    value, chinese = first
    value_max = None
    if num2:
        second = _number(num2)
        if second is None or second[0] <= value or g["dash"] in "-–" and chinese:
            return None
        value_max = second[0]
    spelled = "%" if g["pct"] else g["unit"]
    if spelled is None and not mag and _is_index(text, start, match.end()):
        # 居民消费价格指数控制在103.5: an index is a figure without a unit.
        modifier, start = _prefix(text, start)
        return start, match.end(), {"value": value, "value_max": value_max, "unit": "",
                                    "base_unit": "", "scale": 1, "modifier": modifier}
    if spelled is None and mag and _counts_people(text, start):
        spelled = "人"  # 贫困人口减少60万: 万 counts people here, not yuan
    if spelled is None:
        # A bare magnitude at the end of a clause is a sum of money: 营收突破千亿。
        if not mag or end < len(text) and not _CLAUSE_END.match(text, end) and text[end] not in "”\"":
            return None
        base = ""
    else:
        base = _UNIT_SPELLINGS[spelled.strip()]
    if g["pct"] and g["unit"] and _UNIT_SPELLINGS[g["unit"]] != "%":
        return None
    if g["pct"] and mag:
        return None
    if chinese and not _chinese_reading_ok(num, mag, base, text, start, end):
        return None
    if base == "人" and text.startswith("口", end):
        return None  # 千人口: a rate's denominator, not people
    if g["factor"]:
        value = value * int(g["factor"])
    # The word before the figure wins: 控制在3%左右 is a ceiling, not a point.
    modifier, start = _prefix(text, start)
    if modifier == "exact" and g["suffix"]:
        modifier = _SUFFIXES[g["suffix"]]
    elif modifier == "exact" and (g["approx"] or g["approx2"]):
        modifier = "exceed"
    end = match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    unit = mag + base
    return start, end, {"value": value, "value_max": value_max, "unit": unit,
                        "base_unit": base or "元", "scale": MAGNITUDES.get(mag, 1),
                        "modifier": modifier}


_INDEX = re.compile(r"指数(?:涨幅)?(?:控制在|为|达到|保持在)?\s*$")
_PEOPLE = re.compile(r"(?:人口|人数|人员|劳动力|就业|群众)[^，。；、\d]{0,6}$")


def _is_index(text: str, start: int, end: int) -> bool:
    """A bare number right after 指数 (and 控制在, 为 …) that ends its clause."""
    return bool(_INDEX.search(text[max(0, start - 12):start])) and (
        end >= len(text) or bool(_CLAUSE_END.match(text, end)) or text[end] in "左以")


def _counts_people(text: str, start: int) -> bool:
    return bool(_PEOPLE.search(text[max(0, start - 12):start]))


def _chinese_reading_ok(num: str, mag: str, base: str, text: str, start: int, end: int) -> bool:
    """Whether a numeral written in Chinese is a figure, not part of an idiom or slogan."""
    if len(num) == 1 and not mag:
        if num in "一十百千万亿":
            return False  # 一条龙, 千家万户, 十大专项行动
        if base in _SLOGAN_UNITS:
            return False  # 五个更加注重, 两个确立
    # A numeral glued to a word before it (统一, 唯一, 万一) belongs to that word.
    return not (start > 0 and text[start - 1] in "统唯万千百同单专逐之第")


def _prefix(text: str, start: int) -> tuple[str, int]:
    """The modifier written just before a figure, and where the span then begins."""
    before = text[max(0, start - 4):start]
    stripped = before.rstrip()
    for word, modifier in _PREFIXES:
        if stripped.endswith(word):
            word_start = start - (len(before) - len(stripped)) - len(word)
            if word == "过" and word_start > 0 and text[word_start - 1] in "通经超不":
                continue  # 通过, 经过: not “more than”
            if word == "近" and word_start > 0 and text[word_start - 1] in "最附将":
                continue
            if word == "约" and word_start > 0 and text[word_start - 1] in "节制签预合契":
                continue
            return modifier, word_start
    return "exact", start


def _metric(before: str, parts: dict) -> str:
    """What kind of figure it is, from its unit and the words `before` it."""
    if parts["base_unit"] in PERCENT_UNITS:
        return "growth_rate" if _GROWTH_WORDS.search(before) else "share"
    if parts["base_unit"] in COUNT_UNITS:
        return "count"
    return "level"


def _direction(before: str) -> str:
    """Whether the words `before` a figure, at its own place in the text, make it a fall or a rise."""
    if _FALL.search(before):
        return "down"
    if _RISE.search(before):
        return "up"
    return "none"


def _indicator(text: str, start: int, end: int, previous_end: int, next_start: int,
               previous_indicator: str) -> str:
    """What the figure measures: the words of its clause before it, else after it.

    `一般公共预算收入完成244.6亿元、增长6.1%`: the second figure has no words of its
    own before it and takes the first one's indicator.
    """
    clause_start = max(previous_end, _last_clause_end(text, start))
    before = _clean(text[clause_start:start])
    before = _TRAILING_VERB.sub("", _LEADING_FILLER.sub("", before))
    after_end = next_start
    stop = _CLAUSE_END.search(text, end)
    if stop and stop.start() < after_end:
        after_end = stop.start()
    after = re.split(r"\d", _clean(text[end:after_end]))[0]
    if after and re.match(r"[\u4e00-\u9fff“]", after):
        after = _TRAILING_VERB.sub("", after)
        joined = (before + after) if before else after
        return joined[-_INDICATOR_MAX:] if before else joined[:_INDICATOR_MAX]
    if before:
        return before[-_INDICATOR_MAX:]
    following_clause = not re.search(r"[。；;\n]", text[previous_end:start])
    return previous_indicator if following_clause else ""


def _last_clause_end(text: str, position: int) -> int:
    last = 0
    for match in _CLAUSE_END.finditer(text, max(0, position - 200), position):
        last = match.end()
    return last


def _clean(text: str) -> str:
    """Words without bold marks, spaces, and quotes the clause split left unpaired."""
    text = re.sub(r"\*\*|\s+", "", text)
    out, open_quote = [], None
    for ch in text:
        if ch == "“":
            open_quote = len(out)
        elif ch == "”":
            if open_quote is None:
                continue
            open_quote = None
        out.append(ch)
    if open_quote is not None:
        del out[open_quote]
    return "".join(out)


def format_quantity(value: Decimal | int, unit: str, modifier: str = "exact",
                    value_max: Decimal | int | None = None, chinese: bool = False) -> str:
    """A quantity written the way the reports write it; `find_quantities` reads it back."""
    def number(v: Decimal | int) -> str:
        if chinese:
            return format_numeral(int(v))
        return format(Decimal(v).normalize(), "f") if isinstance(v, Decimal) else str(v)

    figure = number(value)
    if value_max is not None:
        figure += ("%-" if unit == "%" else "—") + number(value_max)
    figure += unit
    return {"exact": figure, "at_least": figure + "以上", "about": figure + "左右",
            "at_most": figure + "以内", "exceed": "突破" + figure}[modifier]
