from __future__ import annotations

import datetime as dt
import itertools
import json

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
    assert period.start_text is not None  # periods() draws no unknown start unless asked
    if period.end_text is None:
        assert Period.open(period.start_text) == period
    else:
        assert Period.parse(period.start_text, period.end_text) == period


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["/", ".", "-"]))
def test_day_first_dates_get_a_hint_naming_the_iso_date(day: dt.date, sep: str) -> None:
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(
            f'{{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou", "languages": ["vi"],'
            f' "period": "{day.day}{sep}{day.month}{sep}{day.year:04d}"}}'
        )
    (finding,) = caught.value.findings
    iso = day.isoformat()
    assert finding.hint in (
        f"dates are ISO 8601: did you mean {iso}?",  # the other reading is no date
        f"dates are ISO 8601: did you mean {iso} (read day first)?",
    )
    month_first = f"{day.month}/{day.year:04d}"
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(
            f'{{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou",'
            f' "period": "{month_first}"}}'
        )
    assert caught.value.findings[0].hint == (
        f"dates are ISO 8601: did you mean {day.year:04d}-{day.month:02d}?"
    )


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_numeric_date_hints_follow_the_documents_language(day: dt.date) -> None:
    """Day first in Vietnamese, month first in US English, both readings when nothing decides."""
    written = f"{day.month:02d}-{day.day:02d}-{day.year:04d}"  # as a US page writes it

    def hint(languages: list[str]) -> str | None:
        with pytest.raises(DocumentError) as caught:
            coordagree.loads(
                json.dumps(
                    {"coordagree": "1.1", "id": "x", "languages": languages, "period": written}
                )
            )
        return caught.value.findings[0].hint

    iso = day.isoformat()
    swapped = dt.date(day.year, day.day, day.month).isoformat() if day.day <= 12 else None
    if swapped is None or swapped == iso:
        assert hint(["en-US"]) == hint([]) == f"dates are ISO 8601: did you mean {iso}?"
        return
    assert hint(["en-US"]) == f"dates are ISO 8601: did you mean {iso} (read month first)?"
    assert hint(["vi"]) == f"dates are ISO 8601: did you mean {swapped} (read day first)?"
    assert (
        hint([])
        == hint(["en"])
        == (f"dates are ISO 8601: did you mean {swapped} (day first) or {iso} (month first)?")
    )


@given(st.integers(1901, 2100), st.integers(1, 12))
def test_fiscal_years_tile_a_period_and_name_the_year_they_end_in(year: int, month: int) -> None:
    funded = Period.fiscal_years(year, year + 3, start_month=month)
    pieces = funded.split("fiscal-year")
    assert len(pieces) == 4
    assert pieces[0].start == funded.start and pieces[-1].end == funded.end
    for before, after in itertools.pairwise(pieces):
        assert before.end is not None and after.start == before.end.add(days=1)
    for number, piece in enumerate(pieces, year):
        assert piece.start is not None and piece.start.month == month and piece.start.day == 1
        assert piece.end is not None and piece.end.year == number  # named by the year it ends in
        assert str(piece) == f"FY{number}"
    with coordagree.reading_dates(fiscal_year_start=month):
        assert Period.parse(f"FY{year}", f"FY{year + 3}") == funded
    assert funded.days == sum(piece.days or 0 for piece in pieces)


def test_fiscal_year_needs_its_start_month() -> None:
    with pytest.raises(DocumentError) as caught:
        coordagree.loads('{"coordagree": "1.1", "id": "x", "period": "FY1995"}')
    (finding,) = caught.value.findings
    assert finding.code == "bad-date" and finding.path == "/period"
    assert "fiscal_year_start" in (finding.hint or "")
    read = coordagree.loads(
        '{"coordagree": "1.1", "id": "x", "fiscal_year_start": 10, "period": "FY1995"}'
    )
    assert read.period == Period(
        start=pendulum.date(1994, 10, 1),
        end=pendulum.date(1995, 9, 30),
        start_precision=DatePrecision.FISCAL_YEAR,
        end_precision=DatePrecision.FISCAL_YEAR,
    )
    assert coordagree.to_document(read)["period"] == "FY1995"


@given(periods(unknown_start=True, open_ended=False))
def test_a_period_whose_start_is_not_known_round_trips(period: Period) -> None:
    agreement = coordagree.Agreement(id="x", period=period)
    for fmt in ("json", "yaml", "toml"):
        assert coordagree.loads(coordagree.dumps(agreement, fmt), fmt).period == period


def test_period_fields_take_iso_text_and_dates() -> None:
    import datetime as dt

    from coordagree.errors import InvalidTypeError

    task = coordagree.Task(id="t", title="x", owners=("a",), due="2025-06-30")
    assert task.due == Period.parse("2025-06-30")
    on_day = coordagree.Task(id="t", title="x", owners=("a",), due=dt.date(2025, 6, 30))
    assert on_day.due == Period.day(pendulum.Date(2025, 6, 30))
    assert coordagree.Agreement(id="a", period="2025").period == Period.years(2025)
    with pytest.raises(InvalidTypeError, match="'due' must be Period"):
        coordagree.Task(id="t", title="x", owners=("a",), due="30/6/2025")
    with pytest.raises(InvalidTypeError):  # a fiscal year needs the document's start month
        coordagree.Task(id="t", title="x", owners=("a",), due="FY2025")
    with pytest.raises(InvalidTypeError):  # a moment is not a span of days
        coordagree.Task(id="t", title="x", owners=("a",), due=dt.datetime(2025, 6, 30, 9))
