"""Chinese numerals both ways and the magnitude table (chengnuo.zh.numerals)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from chengnuo.zh.numerals import (MAGNITUDES, format_numeral, parse_number, parse_numeral,
                                  split_unit)


@pytest.mark.parametrize("numeral, value", [
    # section numbers of the task plans and reports (一、, （十二）)
    ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十二", 12), ("二十三", 23),
    # figures as the reports write them (两家, 突破千亿, 百亿元以上, 近三倍)
    ("两", 2), ("三", 3), ("千", 1000), ("百亿", 10**10), ("千亿", 10**11),
    ("一百零五", 105), ("两千零五", 2005), ("三千二百", 3200), ("一千零十", 1010),
    ("两万", 20000), ("一万二千", 12000), ("三亿", 3 * 10**8), ("一亿五千万", 150000000),
    ("一亿二千万", 120000000), ("一万亿", 10**12), ("一亿零五十万", 100500000),
    # a last digit right after a unit fills the next place
    ("一千五", 1500), ("三百五", 350), ("一万五", 15000),
    # years, digit by digit
    ("二〇二四", 2024), ("二零二二", 2022), ("一九九八", 1998), ("零", 0),
    # not one number
    ("一二", None), ("四五", None), ("三四五", None), ("十十", None), ("十百", None),
    ("万", None), ("万亿", None), ("一百零", None), ("一千零五百", None), ("一亿零五千万", None),
    ("甲", None), ("", None), ("3万", None),
])
def test_parse_numeral(numeral, value):
    assert parse_numeral(numeral) == value


@pytest.mark.parametrize("text, value", [
    ("1050亿", Decimal("105000000000")), ("17.8万", Decimal("178000")), ("0.18万", Decimal("1800")),
    ("1,200万", Decimal("12000000")), ("5千亿", Decimal("500000000000")), ("2.3万亿", Decimal("2.3E12")),
    ("2亿3000万", Decimal("230000000")), ("1万2千", Decimal("12000")), ("５.５", Decimal("5.5")),
    ("两千零五", Decimal("2005")), ("35000", Decimal("35000")),
    ("3.5.万", None), ("万", None), ("5千瓦", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("unit, expected", [
    ("万亩", (10**4, "亩")), ("千亿元", (10**11, "元")), ("亿元", (10**8, "元")), ("亿", (10**8, "")),
    ("万亿元", (10**12, "元")), ("十万亩", (10**5, "亩")), ("万千瓦", (10**4, "千瓦")),
    ("千瓦", (1, "千瓦")), ("百分点", (1, "百分点")), ("%", (1, "%")), ("个", (1, "个")),
])
def test_split_unit(unit, expected):
    assert split_unit(unit) == expected


@pytest.mark.parametrize("value, numeral", [
    (0, "零"), (10, "十"), (12, "十二"), (110, "一百一十"), (1005, "一千零五"), (100010, "十万零一十"),
    (120000000, "一亿二千万"), (100050000, "一亿零五万"), (10**12, "一万亿"), (10**16, "一亿亿"),
])
def test_format_numeral(value, numeral):
    assert format_numeral(value) == numeral


@given(st.integers(min_value=1, max_value=99))
def test_section_numbers_read_back(value):
    """一 … 九十九 as the task plans number their sections, written by an oracle of its own."""
    digits = "一二三四五六七八九"
    tens, units = divmod(value, 10)
    written = (digits[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (digits[units - 1] if units else "")
    assert parse_numeral(written) == value


@given(st.integers(min_value=0, max_value=10**16))
def test_format_then_parse_round_trip(value):
    numeral = format_numeral(value)
    assert parse_numeral(numeral) == value
    assert parse_number(numeral) == value


def to_chinese(n: int) -> str:
    """Write 0 < n < 10^12 in Chinese numerals, as a test oracle written apart from format_numeral
    (it writes 一十 for 10 and 一亿一千五百 for 100001500, with no 零)."""
    digits = "零一二三四五六七八九"

    def below_10000(m: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = m // unit % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + name
                zero = False
            else:
                zero = True
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // big % 10**4 if big < 10**8 else n // big
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(below_10000(chunk) + name)
    return "".join(parts)


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_numerals_written_by_another_hand_parse_back(n):
    assert parse_numeral(to_chinese(n)) == n


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2),
       st.sampled_from(sorted(MAGNITUDES)), st.sampled_from(["元", "亩", "人", "千瓦", ""]))
def test_an_arabic_figure_times_its_magnitude(figure, magnitude, base):
    assert parse_number(f"{figure}{magnitude}") == figure * MAGNITUDES[magnitude]
    assert split_unit(magnitude + base) == (MAGNITUDES[magnitude], base)


@given(st.integers(min_value=1, max_value=10**16 - 1), st.booleans())
def test_arabic_and_chinese_mixed_by_groups(value, arabic_yi):
    """2亿3000万 and 二亿三千万: each group of four digits in either script."""
    yi, wan, ones = value // 10**8, value // 10**4 % 10**4, value % 10**4
    parts = []
    if yi:
        parts.append((str(yi) if arabic_yi else format_numeral(yi)) + "亿")
    if wan:
        parts.append(str(wan) + "万")
    if ones:
        parts.append(str(ones))
    assert parse_number("".join(parts)) == value


def test_the_magnitude_table_is_powers_of_ten_named_by_their_numeral():
    for name, scale in MAGNITUDES.items():
        assert parse_numeral(("一" if name[0] in "万亿" else "") + name) == scale
