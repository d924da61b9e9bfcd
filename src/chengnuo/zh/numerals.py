"""Chinese numerals both ways, and the magnitudes (万, 亿, 千亿 …) a unit can carry.

Reports write a figure in Arabic digits (1.2万人), in Chinese numerals (两千零五,
十三), as a mix of both (3.5万, 2亿3000万) and, for years, digit by digit
(二〇二四). `parse_numeral` reads the Chinese forms, `parse_number` all of them,
and `format_numeral` writes an integer the way a report would; the two are
inverse over 0 … 10**16. `split_unit` cuts a unit into its magnitude and its
base unit (千亿元 → 10**11, 元) with the one magnitude table, `MAGNITUDES`.

Ground floor: imports no stage.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
_ZEROS = "零〇"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# Magnitudes written between a figure and its unit (1.2万人, 5千亿元), longest
# first, so that 千亿元 is 千亿 + 元 and 万亿 is not 万 + 亿. 十, 百 and 千 alone
# are not magnitudes: 千米, 千瓦 and 百分点 are units, and 5千瓦 is five kilowatts.
MAGNITUDES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "千万": 10**7,
              "百万": 10**6, "十万": 10**5, "亿": 10**8, "万": 10**4}
# The same, as a regular-expression alternation (longest first).
MAGNITUDE_PATTERN = "|".join(sorted(MAGNITUDES, key=len, reverse=True))

_ARABIC = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_ARABIC_WITH_MAGNITUDE = re.compile(rf"({_ARABIC.pattern})({MAGNITUDE_PATTERN})?")

def split_unit(unit: str) -> tuple[int, str]:
    """A unit as (scale, base unit): 万亩 → (10000, 亩), 千亿元 → (10**11, 元),
    亿 → (10**8, ""), 千瓦 → (1, 千瓦)."""
    for magnitude in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(magnitude):
            return MAGNITUDES[magnitude], unit[len(magnitude):]
    return 1, unit


def parse_numeral(text: str) -> int | None:
    """The value of a Chinese numeral (十三, 两千零五, 一亿二千万, 二〇二四); None if it is not one.

    Two or three digits side by side are a list or a range (一二线城市, 三四个),
    not a number: a run of digits is read digit by digit only when it holds a
    zero or has four digits or more (二〇二四, 一九九八).
    """
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        return None
    value = _parse(list(text))
    return None if value is None else int(value)


def parse_number(text: str) -> Decimal | None:
    """The value of a figure as written: 35000, 1,200, 3.5万, 5千亿, 两千零五, 2亿3000万.

    An Arabic number followed by a magnitude is multiplied by it (3.5万 → 35000,
    12千万 → 120000000); otherwise Arabic numbers may stand for the digits of a
    Chinese numeral (2亿3000万, 1万2千). None if `text` is not one number.
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    if match := _ARABIC_WITH_MAGNITUDE.fullmatch(text):
        value = Decimal(match[1].replace(",", "")) * MAGNITUDES.get(match[2] or "", 1)
        return value
    tokens = _tokens(text)
    return None if tokens is None else _parse(tokens)


def format_numeral(value: int) -> str:
    """A non-negative integer in Chinese numerals, as reports write them: 12 → 十二,
    2005 → 二千零五, 120000000 → 一亿二千万, 10**12 → 一万亿, 10**16 → 一亿亿."""
    if value < 0:
        raise ValueError(f"{value} is negative")
    return "零" if value == 0 else _format(value, leading=True)


# ---- reading --------------------------------------------------------------------------

def _tokens(text: str) -> list | None:
    """Numeral characters, and each run of Arabic digits as one Decimal."""
    tokens: list = []
    position = 0
    while position < len(text):
        if match := _ARABIC.match(text, position):
            tokens.append(Decimal(match.group().replace(",", "")))
            position = match.end()
        elif text[position] in NUMERAL_CHARS:
            tokens.append(text[position])
            position += 1
        else:
            return None
    return tokens or None


def _is_digit(token) -> bool:
    return isinstance(token, str) and token in DIGITS


def _parse(tokens: list) -> Decimal | None:
    if len(tokens) == 1 and _is_digit(tokens[0]):
        return Decimal(DIGITS[tokens[0]])
    if len(tokens) > 1 and all(_is_digit(t) and t != "两" for t in tokens):
        if any(t in _ZEROS for t in tokens) or len(tokens) >= 4:
            return Decimal("".join(str(DIGITS[t]) for t in tokens))
        return None
    return _number(tokens)


def _number(tokens: list) -> Decimal | None:
    """Any number: what stands before the last 亿 is itself a number (一万亿, 一亿亿)."""
    if "亿" not in tokens:
        return _below_yi(tokens)
    at = len(tokens) - 1 - tokens[::-1].index("亿")
    high = _number(tokens[:at]) if at else None
    low = _rest(tokens[at + 1:], 10**8, _below_yi)
    return None if not high or low is None else high * 10**8 + low


def _below_yi(tokens: list) -> Decimal | None:
    if "万" not in tokens:
        return _section(tokens, any_size=True)
    at = tokens.index("万")
    high = _section(tokens[:at], any_size=True)
    low = _rest(tokens[at + 1:], 10**4, _section)
    return None if not high or low is None else high * 10**4 + low


def _rest(tokens: list, big: int, parse) -> Decimal | None:
    """What follows 万 or 亿: nothing; 零 and a part that skips a place (一万零五);
    a lone digit, a tenth of `big` (一万五 is 15000); or a part below `big`."""
    if not tokens:
        return Decimal(0)
    if _is_digit(tokens[0]) and tokens[0] in _ZEROS:
        value = parse(tokens[1:]) if tokens[1:] else None
        return value if value and value < big // 10 else None
    if len(tokens) == 1 and _is_digit(tokens[0]):
        return Decimal(DIGITS[tokens[0]] * big // 10)
    value = parse(tokens)
    return value if value is not None and value < big else None


def _section(tokens: list, any_size: bool = False) -> Decimal | None:
    """A number below 10000 (三千二百, 一百零五, 一千五), or one run of Arabic digits."""
    if len(tokens) == 1 and isinstance(tokens[0], Decimal):
        return tokens[0] if any_size or tokens[0] < 10**4 else None
    value, digit, last_unit, zero = Decimal(0), None, 10**4, False
    for token in tokens:
        if isinstance(token, Decimal) or token in DIGITS and token not in _ZEROS:
            if digit is not None:
                return None  # 一二, 四五: two digits side by side
            digit = token if isinstance(token, Decimal) else DIGITS[token]
        elif token in _ZEROS:
            if digit is not None or zero or last_unit == 10**4:
                return None  # 零 stands only for a skipped place: 一百零五
            zero = True
        elif token in _SMALL_UNITS:
            unit = _SMALL_UNITS[token]
            if unit >= last_unit or zero and unit * 100 > last_unit:
                return None  # 十百, 一千零五百
            digit = 1 if digit is None else digit  # 十二, 一千零十
            if not 0 < digit < 10:
                return None  # 25百 is not a numeral
            value += digit * unit
            digit, last_unit, zero = None, unit, False
        else:
            return None
    if digit is not None:
        # 一千五 is 1500 and 三百五 is 350: a last digit right after 百 or 千 fills the next place.
        value += Decimal(digit) * last_unit / 10 if not zero and last_unit in (100, 1000) else digit
    elif zero:
        return None  # 一百零
    return value if tokens else None


# ---- writing --------------------------------------------------------------------------

def _format(value: int, leading: bool) -> str:
    """A positive integer; `leading` when nothing is written before it (十二, not 一十二)."""
    for big, name in ((10**8, "亿"), (10**4, "万")):
        if value >= big:
            high, low = divmod(value, big)
            text = _format(high, leading) + name
            if low:
                text += ("零" if low < big // 10 else "") + _format(low, leading=False)
            return text
    return _format_section(value, leading)


def _format_section(value: int, leading: bool) -> str:
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if name == "十" and digit == 1 and not out and leading else digits[digit]) + name
    return out
