from __future__ import annotations

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coordagree
from coordagree import DatePrecision, Period
from coordagree.errors import (
    DocumentError,
    InvalidArgumentError,
    InvalidTypeError,
    InvalidValueError,
)
from coordagree.strategies import periods

closed = periods(open_ended=False)


def test_years_keep_their_precision() -> None:
    period = Period.parse("2023", "2026", as_written="giai đoạn 2023 - 2026")
    assert period.start == pendulum.date(2023, 1, 1)
    assert period.end == pendulum.date(2026, 12, 31)
    assert (period.start_precision, period.end_precision) == (DatePrecision.YEAR,) * 2
    assert (period.start_text, period.end_text) == ("2023", "2026")
    assert str(period) == "2023 – 2026"
    assert period.days == 1461


def test_end_before_start_names_both() -> None:
    with pytest.raises(InvalidValueError) as info:
        Period(start=pendulum.date(2023, 1, 1), end=pendulum.date(2022, 12, 31))
    assert str(info.value) == "'end' must be on or after 'start' (got 2022-12-31, start 2023-01-01)"
    assert info.value.code == "period-order"
    assert info.value.field == "end"


def test_wrong_type_names_field_and_hints() -> None:
    with pytest.raises(InvalidTypeError) as info:
        Period(start="29/5/2023")
    assert "'start' must be a date" in str(info.value)
    assert info.value.hint == "dates are ISO 8601: did you mean 2023-05-29?"


def test_precision_must_match_bounds() -> None:
    with pytest.raises(InvalidValueError, match="first day of that year"):
        Period(start=pendulum.date(2023, 5, 1), end=None, start_precision=DatePrecision.YEAR)


def test_open_period() -> None:
    period = Period.open("2024-03")
    assert period.is_open and period.days is None
    assert period.contains(pendulum.date(2099, 1, 1))
    with pytest.raises(InvalidArgumentError):
        period.split("year")


def test_split_rejects_unknown_unit() -> None:
    with pytest.raises(InvalidArgumentError, match="'unit'"):
        Period.years(2023).split("week")  # type: ignore[arg-type]


@given(closed, st.sampled_from(["year", "quarter", "month"]))
def test_split_tiles_exactly(period: Period, unit: str) -> None:
    pieces = period.split(unit)  # type: ignore[arg-type]
    assert pieces[0].start == period.start and pieces[-1].end == period.end
    for before, after in itertools.pairwise(pieces):
        assert before.end is not None
        assert before.end.add(days=1) == after.start
    assert sum(p.days or 0 for p in pieces) == period.days
    assert all(period.contains(p) for p in pieces)


@given(closed, closed)
def test_relations_agree(a: Period, b: Period) -> None:
    both = a.intersection(b)
    assert (both is not None) == a.overlaps(b) == b.overlaps(a)
    if both is not None:
        assert a.contains(both) and b.contains(both)
        assert both.start in a and both.end in b
    if a.contains(b):
        assert a.intersection(b) is not None
        assert (a.intersection(b).start, a.intersection(b).end) == (b.start, b.end)  # type: ignore[union-attr]


@given(periods())
def test_text_round_trip(period: Period) -> None:
    if period.end_text is None:
        assert Period.open(period.start_text) == period
    else:
        assert Period.parse(period.start_text, period.end_text) == period


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["/", ".", "-"]))
def test_day_first_dates_get_a_hint_naming_the_iso_date(day: dt.date, sep: str) -> None:
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(
            f'{{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou",'
            f' "period": "{day.day}{sep}{day.month}{sep}{day.year:04d}"}}'
        )
    (finding,) = caught.value.findings
    assert finding.hint == f"dates are ISO 8601: did you mean {day.isoformat()}?"
    month_first = f"{day.month}/{day.year:04d}"
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(
            f'{{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou",'
            f' "period": "{month_first}"}}'
        )
    assert caught.value.findings[0].hint == (
        f"dates are ISO 8601: did you mean {day.year:04d}-{day.month:02d}?"
    )
