"""Numbers in a Chinese text and in its English translation, compared after unit conversion.

Chinese counts in 万 (10^4) and 亿 (10^8), English in thousand, million and
billion: 4.5万人 is "45,000 people", 1050亿元 is "105 billion yuan". Values are
Decimals, so 0.1 + 0.2 questions never arise and 45000 equals 45,000.0.

The check (`number_problems`) is deliberately one-sided about what it requires:
every number the Chinese writes in digits must come back in the English, and the
English may use no number in digits that the Chinese does not hold, in digits or
in Chinese numerals (十四五 → "14th Five-Year Plan" is fine).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from chengnuo.zh.numerals import MAGNITUDE_PATTERN, MAGNITUDES, NUMERAL_CHARS, parse_numeral

EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

# 余/多 ("more than") may stand between the digits and the magnitude: 1300余万剂次
# is more than 13 million doses, not 1,300.
_ZH_NUMBER = re.compile(
    r"(?<![0-9.A-Za-z])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?\s*"
    rf"(?:[余多](?={MAGNITUDE_PATTERN}))?({MAGNITUDE_PATTERN})?(\s*月)?")
_EN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?"
    r"(?:[\s-]*(thousand|million|billion|trillion)\b)?")
_SUBSCRIPT = re.compile(r"_\{([^{}]*)\}")
_ZH_NUMERAL_RUN = re.compile(f"[{NUMERAL_CHARS}]+")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "hundred": 100}
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth").split()
EN_WORDS: dict[str, int] = {**{w: n for n, w in enumerate(_SMALL)}, **_TENS,
                            **{w: n for n, w in enumerate(_ORDINALS, start=1)}}
_EN_WORD = re.compile(r"\b(" + "|".join(sorted(EN_WORDS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")

# English tokens whose digits are part of a name, not a quantity.
EN_NAMES = ("COVID-19",)


@dataclass(frozen=True)
class ZhNumber:
    text: str  # as written: "4.5万", "1050 亿", "12月"
    value: Decimal  # with the magnitude applied: 45000
    month: bool = False  # written N月: English may name the month instead


def _decimal(integer: str, fraction: str | None) -> Decimal:
    return Decimal(integer.replace(",", "") + (fraction or ""))


def zh_numbers(text: str) -> list[ZhNumber]:
    """Every number written in digits in a Chinese text, with 万/亿 applied."""
    found = []
    # A PDF's subscript markup (PM_{2.5}) is part of a name, like PM2.5 and PM₁₀.
    text = _SUBSCRIPT.sub(r"\1", unicodedata.normalize("NFKC", text))
    for match in _ZH_NUMBER.finditer(text):
        integer, fraction, magnitude, month = match.groups()
        value = _decimal(integer, fraction) * MAGNITUDES.get(magnitude or "", 1)
        is_month = bool(month) and not magnitude and not fraction and 1 <= value <= 12
        found.append(ZhNumber(match.group(0).strip(), value.normalize(), is_month))
    return found


def zh_numeral_values(text: str) -> set[Decimal]:
    """Values of every Chinese-numeral run and of its parts: what the English may write in digits."""
    values = set()
    for run in _ZH_NUMERAL_RUN.findall(text):
        for start in range(len(run)):
            for end in range(start + 1, min(len(run), start + 8) + 1):
                value = parse_numeral(run[start:end])
                if value is not None:
                    values.add(Decimal(value))
    return values


def en_numbers(text: str) -> list[tuple[str, Decimal]]:
    """Every number written in digits in English text (45,000; 105 billion; 5.5), with its value."""
    for name in EN_NAMES:
        text = text.replace(name, " ")
    return [(m.group(0), (_decimal(m.group(1), m.group(2)) * EN_SCALES.get((m.group(3) or "").lower(), 1)).normalize())
            for m in _EN_NUMBER.finditer(text)]


def en_word_values(text: str) -> set[Decimal]:
    """Numbers spelled out (five, third) and months (January → 1) in English text."""
    values = {Decimal(EN_WORDS[w.lower()]) for w in _EN_WORD.findall(text)}
    return values


def en_month_values(text: str) -> set[Decimal]:
    return {Decimal(MONTHS.index(m) + 1) for m in _MONTH.findall(text)}


def format_en(value: Decimal) -> str:
    """How the English edition writes a quantity: 45,000; 105 billion; 2.76 million; 5.5."""
    value = Decimal(value)
    for word, scale in sorted(EN_SCALES.items(), key=lambda item: -item[1]):
        if scale >= 10**6 and abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value, separators=True)


def _plain(value: Decimal, separators: bool = False) -> str:
    text = format(value.normalize(), "f")
    integer, _, fraction = text.partition(".")
    if separators:
        integer = f"{int(integer):,}" if integer.lstrip("-") else integer
    return integer + (f".{fraction}" if fraction else "")


def number_problems(zh: str, en: str) -> list[str]:
    """What is wrong with the numbers of `en` as a translation of `zh`; empty when nothing."""
    required = zh_numbers(zh)
    english = en_numbers(en)
    en_values = {value for _, value in english}
    spelled = en_word_values(en)
    months = en_month_values(en)
    problems = []
    for number in required:
        if number.value in en_values:
            continue
        if number.value in spelled and number.value == number.value.to_integral_value():
            continue
        if number.month and number.value in months:
            continue
        problems.append(f"{number.text} is missing: expected {format_en(number.value)}"
                        + (f" (or {MONTHS[int(number.value) - 1]})" if number.month else ""))
    allowed = {n.value for n in required} | zh_numeral_values(zh)
    for written, value in english:
        if value not in allowed:
            problems.append(f"{written.strip()} is not in the Chinese")
    return problems
