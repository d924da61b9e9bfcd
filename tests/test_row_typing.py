"""The schema types every row at one point (chengnuo.schema.typed_row), for the writer and the reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.schema import cast, cell_text, table_specs, typed_row


@pytest.mark.parametrize("field_type, value, typed", [
    ("string", "聊城", "聊城"), ("string", "", None), ("number", None, None), ("number", "", None),
    ("number", "5.50", Decimal("5.50")), ("number", Decimal("0.957"), Decimal("0.957")),
    ("number", 5, Decimal(5)), ("number", "-0.25", Decimal("-0.25")), ("number", "1e3", Decimal("1e3")),
    ("integer", "2023", 2023), ("integer", 7, 7), ("integer", "-1", -1),
    ("boolean", "true", True), ("boolean", "false", False), ("boolean", "TRUE", True),
    ("boolean", "0", False), ("boolean", False, False),
    ("date", "2024-02-05", dt.date(2024, 2, 5)), ("date", dt.date(2024, 2, 5), dt.date(2024, 2, 5)),
])
def test_a_value_is_cast_by_its_field_type(field_type, value, typed):
    result = cast(field_type, value)
    assert (result, type(result)) == (typed, type(typed))


@pytest.mark.parametrize("field_type, value, message", [
    ("number", 0.5, "must be a number, got float 0.5"),
    ("number", "NaN", "must be a number, got 'NaN'"),
    ("number", Decimal("Infinity"), "must be a number, got Decimal Decimal('Infinity')"),
    ("number", "5万", "must be a number, got '5万'"),
    ("number", True, "must be a number, got bool True"),
    ("integer", "7.0", "must be an integer, got '7.0'"),
    ("integer", Decimal("7"), "must be an integer, got Decimal Decimal('7')"),
    ("integer", " 7", "must be an integer, got ' 7'"),
    ("boolean", "yes", "must be a boolean, got 'yes'"),
    ("boolean", 1, "must be a boolean, got int 1"),
    ("date", "2024-13-01", "must be a date, got '2024-13-01'"),
    ("date", dt.datetime(2024, 2, 5, 8), "must be a date, got datetime datetime.datetime(2024, 2, 5, 8, 0)"),
    ("string", 7, "must be a string, got int 7"),
])
def test_a_value_that_does_not_fit_says_what_was_expected(field_type, value, message):
    with pytest.raises(ValueError) as error:
        cast(field_type, value)
    assert str(error.value) == message


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_a_number_read_from_its_text_is_the_same_number_with_the_same_digits(number):
    typed = cast("number", str(number))
    assert isinstance(typed, Decimal)
    assert str(typed) == str(number)


@given(st.integers())
def test_an_integer_read_from_its_text_is_the_same_integer(number):
    assert cast("integer", str(number)) == number


@given(st.one_of(
    st.tuples(st.just("number"), st.decimals(allow_nan=False, allow_infinity=False)),
    st.tuples(st.just("integer"), st.integers()),
    st.tuples(st.just("boolean"), st.booleans()),
    st.tuples(st.just("date"), st.dates()),
    st.tuples(st.just("string"), st.text(min_size=1)),
))
def test_what_the_writer_writes_the_reader_reads_back_the_same(typed):
    field_type, value = typed
    back = cast(field_type, cell_text(value))
    assert (back, type(back), cell_text(back)) == (value, type(value), cell_text(value))


def test_a_missing_column_is_null_and_every_value_is_typed():
    targets = table_specs()["targets"]
    row = {"target_id": "plan-5-q1", "commitment_id": "plan-5", "value": "500", "unit": "公里",
           "due_year": 2023}
    assert typed_row(targets, row, 1) == {
        "target_id": "plan-5-q1", "commitment_id": "plan-5", "indicator_zh": None,
        "indicator_en": None, "value": Decimal("500"), "value_max": None, "unit": "公里",
        "base_unit": None, "scale": None, "modifier": None, "metric": None, "direction": None,
        "span": None, "span_start": None, "span_end": None, "due_year": 2023}
    assert list(typed_row(targets, row, 1)) == list(targets.columns)


def test_a_value_that_does_not_fit_is_one_line_naming_table_row_column_and_value():
    with pytest.raises(ChengnuoError) as error:
        typed_row(table_specs()["targets"], {"target_id": "plan-5-q1", "value": "5万"}, 3)
    assert str(error.value) == ("table 'targets' row 3 (target_id=plan-5-q1): "
                                "column 'value' must be a number, got '5万'")


def test_a_column_the_table_does_not_have_is_refused():
    with pytest.raises(ChengnuoError) as error:
        typed_row(table_specs()["people"], {"person_id": "zhang-san", "birthday": "1970-01-01"}, 1)
    assert str(error.value).startswith(
        "table 'people' row 1 (person_id=zhang-san): unexpected column(s) birthday")
