"""Dates with a precision, and inclusive periods between them."""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from typing import Any, Literal

import attrs
import pendulum

from coordagree._date_context import fiscal_year_of, fiscal_year_span, start_month_for
from coordagree._validators import date_hint, instance_of, is_date, optional, to_date
from coordagree.errors import InvalidArgumentError, InvalidTypeError, InvalidValueError

__all__ = ["DatePrecision", "Period", "SplitUnit", "format_date", "parse_date", "to_period"]

SplitUnit = Literal["year", "quarter", "month", "fiscal-year"]
"""How `Period.split` cuts a period."""

_REDUCED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FISCAL_YEAR = re.compile(r"^FY(\d{4})$")


class DatePrecision(enum.StrEnum):
    """How precisely a date was stated: a whole year, a whole month, a day, or a fiscal year."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    FISCAL_YEAR = "fiscal-year"


def parse_date(
    text: str, *, end: bool = False, fiscal_year_start: int | None = None
) -> tuple[pendulum.Date, DatePrecision]:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``FY1995`` into a date and its precision.

    A year, a month or a fiscal year stands for its first day, or with ``end=True`` its last.
    ``FY1995`` is the fiscal year ending in 1995; its months come from ``fiscal_year_start``,
    else from the document being read (its ``fiscal_year_start``).

    Raises:
        InvalidValueError: ``text`` is not one of those forms, or names a fiscal year when no
            fiscal year start is known (code ``bad-date``, with a hint).
    """
    fiscal = _FISCAL_YEAR.match(text.strip()) if isinstance(text, str) else None
    if fiscal is not None:
        start_month = start_month_for(text, fiscal_year_start)
        opens, closes = fiscal_year_span(int(fiscal.group(1)), start_month)
        return (closes if end else opens), DatePrecision.FISCAL_YEAR
    match = _REDUCED.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise InvalidValueError(
            f"expected an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY), got {text!r}",
            field="date",
            value=text,
            code="bad-date",
            hint=date_hint(text) if isinstance(text, str) else None,
        )
    year, month, day = match.groups()
    try:
        if day is not None:
            return pendulum.Date(int(year), int(month), int(day)), DatePrecision.DAY
        if month is not None:
            month_no = int(month)
            last = calendar.monthrange(int(year), month_no)[1] if 1 <= month_no <= 12 else 1
            return pendulum.Date(int(year), month_no, last if end else 1), DatePrecision.MONTH
        return pendulum.Date(int(year), 12 if end else 1, 31 if end else 1), DatePrecision.YEAR
    except ValueError as exc:
        raise InvalidValueError(
            f"{text!r} is not a calendar date ({exc})",
            field="date",
            value=text,
            code="bad-date",
        ) from None


def format_date(day: pendulum.Date, precision: DatePrecision, *, end: bool = False) -> str:
    """Write a date at its precision: ``2023``, ``2023-05``, ``2023-05-29`` or ``FY1995``.

    A fiscal year is named from its first day, or with ``end=True`` its last.
    """
    if precision is DatePrecision.FISCAL_YEAR:
        return f"FY{day.year if end or day.month == 1 else day.year + 1:04d}"
    text = day.isoformat()  # YYYY-MM-DD for years 1 to 9999
    if precision is DatePrecision.YEAR:
        return text[:4]
    if precision is DatePrecision.MONTH:
        return text[:7]
    return text


def _is_aligned(day: pendulum.Date, precision: DatePrecision, *, end: bool) -> bool:
    if precision is DatePrecision.DAY:
        return True
    if precision in (DatePrecision.MONTH, DatePrecision.FISCAL_YEAR):
        return day.day == (calendar.monthrange(day.year, day.month)[1] if end else 1)
    return (day.month, day.day) == ((12, 31) if end else (1, 1))


def _check_precision(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, DatePrecision):
        raise InvalidTypeError(
            f"'{attribute.name}' must be a DatePrecision (got {value!r})",
            field=attribute.name,
            value=value,
        )
    is_end = attribute.name == "end_precision"
    day = instance.end if is_end else instance.start
    if day is not None and not _is_aligned(day, value, end=is_end):
        bound = "end" if is_end else "start"
        edge = "last" if is_end else "first"
        raise InvalidValueError(
            f"'{bound}' stated to the {value.value} must be the {edge} day of that {value.value} "
            f"(got {day.isoformat()})",
            field=bound,
            value=day,
            code="precision-mismatch",
        )


def _check_end(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(is_date)(instance, attribute, value)
    if value is not None and instance.start is not None and value < instance.start:
        raise InvalidValueError(
            f"'end' must be on or after 'start' (got {value.isoformat()}, "
            f"start {instance.start.isoformat()})",
            field="end",
            value=value,
            code="period-order",
        )


_UNIT_PRECISION = {
    "year": DatePrecision.YEAR,
    "quarter": DatePrecision.MONTH,
    "month": DatePrecision.MONTH,
    "fiscal-year": DatePrecision.FISCAL_YEAR,
}


def _check_start(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(is_date)(instance, attribute, value)
    if value is None and instance.end is None:
        raise InvalidValueError(
            "a period needs a start or an end (an agreement whose dates no source gives has "
            "no period)",
            field="start",
            value=value,
            code="missing-field",
        )


@attrs.frozen(kw_only=True)
class Period:
    """An inclusive span of days, each end kept at the precision it was stated in.

    ``Period.parse("2023", "2026")`` is "giai đoạn 2023 - 2026": the years 2023 through 2026.
    Its `start` and `end` are the whole years' bounds (2023-01-01 and 2026-12-31), so queries
    treat it as those whole years, while `start_precision` and `end_precision` remember that the
    text named years, not days: it is written back as ``2023`` and ``2026``, never as invented days.

    Either end may be unknown: an MOU "in effect until cancelled in writing" has no `end`, one
    "effective as of the date signed" whose date is not visible has no `start` either (then the
    agreement has no period at all, but a task can still be due "by 30 September 1995").

    Attributes:
        start: First day of the period, or None when the source does not give it.
        end: Last day of the period (inclusive), or None while it is open-ended.
        start_precision: How `start` was stated.
        end_precision: How `end` was stated.
        as_written: The source's own wording, such as ``"giai đoạn 2023 - 2026"``.
    """

    start: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=_check_start
    )
    end: pendulum.Date | None = attrs.field(default=None, converter=to_date, validator=_check_end)
    start_precision: DatePrecision = attrs.field(
        default=DatePrecision.DAY, converter=DatePrecision, validator=_check_precision
    )
    end_precision: DatePrecision = attrs.field(
        default=DatePrecision.DAY, converter=DatePrecision, validator=_check_precision
    )
    as_written: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def parse(
        cls,
        start: str | None,
        end: str | None = None,
        *,
        as_written: str | None = None,
        fiscal_year_start: int | None = None,
    ) -> Period:
        """A period from ISO 8601 text at any precision: ``Period.parse("2023", "2026")``.

        With ``end`` omitted, the period is the whole of ``start``: ``Period.parse("2023")`` is
        the year 2023 (due "within 2023"), ``Period.parse("2023-05-29")`` that one day.
        Use `Period.open` for a period with no end, and ``start=None`` for one whose start is
        not known. ``FY1995`` is a fiscal year, its months from ``fiscal_year_start`` (else
        from the document being read). From a source's own wording ("giai đoạn 2023 -
        2026", "FY 1995 through FY 1998"), `coordagree.wording.period` makes the period.

        Examples:
            >>> period = Period.parse("2023", "2026", as_written="giai đoạn 2023 - 2026")
            >>> period.start, period.end
            (Date(2023, 1, 1), Date(2026, 12, 31))
            >>> str(period), period.start_precision.value
            ('2023 – 2026', 'year')
            >>> str(Period.parse("2024-06").end)
            '2024-06-30'
            >>> funded = Period.parse("FY1995", "FY1998", fiscal_year_start=10)
            >>> funded.start, funded.end
            (Date(1994, 10, 1), Date(1998, 9, 30))
        """
        months = fiscal_year_start
        if start is None:
            if end is None:
                raise InvalidArgumentError("a period needs a start or an end", argument="start")
            last, last_precision = parse_date(end, end=True, fiscal_year_start=months)
            return cls(end=last, end_precision=last_precision, as_written=as_written)
        first, first_precision = parse_date(start, fiscal_year_start=months)
        last, last_precision = parse_date(
            start if end is None else end, end=True, fiscal_year_start=months
        )
        return cls(
            start=first,
            end=last,
            start_precision=first_precision,
            end_precision=last_precision,
            as_written=as_written,
        )

    @classmethod
    def open(
        cls,
        start: str | pendulum.Date,
        *,
        as_written: str | None = None,
        fiscal_year_start: int | None = None,
    ) -> Period:
        """A period that starts on ``start`` (date or ISO text) and has no end yet."""
        if isinstance(start, str):
            first, precision = parse_date(start, fiscal_year_start=fiscal_year_start)
        else:
            first, precision = start, DatePrecision.DAY
        return cls(start=first, start_precision=precision, as_written=as_written)

    @classmethod
    def years(cls, first: int, last: int | None = None) -> Period:
        """The whole years ``first`` through ``last`` (or ``first`` alone), at year precision."""
        return cls.parse(f"{first:04d}", f"{(first if last is None else last):04d}")

    @classmethod
    def fiscal_years(cls, first: int, last: int | None = None, *, start_month: int) -> Period:
        """Fiscal years ``first`` through ``last`` (or ``first`` alone), at fiscal-year precision.

        Examples:
            >>> str(Period.fiscal_years(1995, 1998, start_month=10))
            'FY1995 – FY1998'
        """
        return cls.parse(
            f"FY{first:04d}",
            f"FY{(first if last is None else last):04d}",
            fiscal_year_start=start_month,
        )

    @classmethod
    def day(cls, day: pendulum.Date) -> Period:
        """The single day ``day``."""
        return cls(start=day, end=day)

    # -- reading ------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True when the period has no end."""
        return self.end is None

    @property
    def days(self) -> int | None:
        """How many days the period spans, both ends included; None when an end is unknown."""
        if self.end is None or self.start is None:
            return None
        return (self.end - self.start).in_days() + 1

    @property
    def start_text(self) -> str | None:
        """`start` written at its precision, or None when not known."""
        return None if self.start is None else format_date(self.start, self.start_precision)

    @property
    def end_text(self) -> str | None:
        """`end` written at its precision, or None when open-ended."""
        if self.end is None:
            return None
        return format_date(self.end, self.end_precision, end=True)

    @property
    def fiscal_year_starts(self) -> tuple[int, ...]:
        """The month each end stated as a fiscal year implies its fiscal years start in."""
        found = []
        if self.start is not None and self.start_precision is DatePrecision.FISCAL_YEAR:
            found.append(self.start.month)
        if self.end is not None and self.end_precision is DatePrecision.FISCAL_YEAR:
            found.append(self.end.month % 12 + 1)
        return tuple(found)

    @property
    def fiscal_year_start(self) -> int | None:
        """The month its fiscal years start in, where an end is stated as a fiscal year."""
        return next(iter(self.fiscal_year_starts), None)

    def __str__(self) -> str:
        start = self.start_text or "(start not known)"
        if self.end is None:
            return f"{start} – (open)"
        if self.start == self.end or (
            self.start_text == self.end_text and self.start_precision is self.end_precision
        ):
            return start
        return f"{start} – {self.end_text}"

    # -- relations ----------------------------------------------------------------------------

    def contains(self, other: pendulum.Date | Period) -> bool:
        """Whether a day, or every day of another period, lies within this period.

        An end that is not known bounds nothing on this side, and may be anything on the other:
        a period whose start is not known is inside only one whose start is not known either.
        """
        if isinstance(other, Period):
            if other.start is None:
                if self.start is not None:
                    return False
            elif not self.contains(other.start):
                return False
            if other.end is None:
                return self.end is None
            return self.contains(other.end)
        day = _require_date(other, "other")
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def __contains__(self, other: object) -> bool:
        return isinstance(other, pendulum.Date | Period) and self.contains(other)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods may share a day (an end not known bounds nothing)."""
        other = _require_period(other, "other")
        before = self.end is not None and other.start is not None and self.end < other.start
        after = other.end is not None and self.start is not None and other.end < self.start
        return not (before or after)

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or None; each end keeps the precision it came with."""
        other = _require_period(other, "other")
        if not self.overlaps(other):
            return None
        starts = [(p.start, p.start_precision) for p in (self, other) if p.start is not None]
        start, start_precision = max(starts, key=lambda b: b[0]) if starts else (None, None)
        ends = [(p.end, p.end_precision) for p in (self, other) if p.end is not None]
        end, end_precision = min(ends, key=lambda bound: bound[0]) if ends else (None, None)
        return Period(
            start=start,
            end=end,
            start_precision=start_precision or DatePrecision.DAY,
            end_precision=end_precision or DatePrecision.DAY,
        )

    def split(self, unit: SplitUnit, *, fiscal_year_start: int | None = None) -> tuple[Period, ...]:
        """Cut the period at calendar boundaries into years, quarters, months or fiscal years.

        The pieces tile the period exactly: the first starts on `start`, each next one starts
        the day after the previous one ends, the last ends on `end`. A cut end is stated at the
        unit's precision (a year piece of "2023 - 2026" is the year ``2023``). Fiscal years
        start in ``fiscal_year_start``, else in the month the period's own fiscal years do.

        Examples:
            >>> funded = Period.fiscal_years(1995, 1998, start_month=10)
            >>> [str(piece.start) for piece in funded.split("fiscal-year")]
            ['1994-10-01', '1995-10-01', '1996-10-01', '1997-10-01']

        Raises:
            InvalidArgumentError: ``unit`` is not one of year, quarter, month, fiscal-year; the
                period has an end not known; or fiscal years are asked for and no start month
                is given or implied.
        """
        if unit not in _UNIT_PRECISION:
            raise InvalidArgumentError(
                f"'unit' must be 'year', 'quarter', 'month' or 'fiscal-year' (got {unit!r})",
                argument="unit",
            )
        if self.end is None or self.start is None:
            raise InvalidArgumentError(
                "cannot split a period with an end not known: intersect it with a closed one first",
                argument="self",
            )
        month = fiscal_year_start or self.fiscal_year_start
        if unit == "fiscal-year" and month is None:
            raise InvalidArgumentError(
                "'fiscal_year_start' is needed to split into fiscal years (10 for the US "
                "federal year)",
                argument="fiscal_year_start",
            )
        if month is not None and not (isinstance(month, int) and 1 <= month <= 12):
            raise InvalidArgumentError(
                f"'fiscal_year_start' must be a month from 1 to 12 (got {month!r})",
                argument="fiscal_year_start",
            )
        cut_precision = _UNIT_PRECISION[unit]
        pieces: list[Period] = []
        start, start_precision = self.start, self.start_precision
        while True:
            boundary = _unit_end(start, unit, month or 1)
            if boundary >= self.end:
                pieces.append(
                    Period(
                        start=start,
                        end=self.end,
                        start_precision=start_precision,
                        end_precision=self.end_precision,
                    )
                )
                return tuple(pieces)
            pieces.append(
                Period(
                    start=start,
                    end=boundary,
                    start_precision=start_precision,
                    end_precision=cut_precision,
                )
            )
            start, start_precision = boundary.add(days=1), cut_precision


def _unit_end(day: pendulum.Date, unit: SplitUnit, fiscal_year_start: int) -> pendulum.Date:
    if unit == "year":
        return pendulum.Date(day.year, 12, 31)
    if unit == "fiscal-year":
        return fiscal_year_span(fiscal_year_of(day, fiscal_year_start), fiscal_year_start)[1]
    month = day.month if unit == "month" else ((day.month - 1) // 3) * 3 + 3
    return pendulum.Date(day.year, month, calendar.monthrange(day.year, month)[1])


def to_period(value: Period | str | _dt.date | None) -> Any:
    """Converter: ISO text or a date becomes a `Period`; anything else is left to the validator.

    ``Task(due="2025-06-30")`` is due on that day, ``Agreement(period="2025")`` spans the year,
    ``due=datetime.date(2025, 6, 30)`` is that day: each as `Period.parse` or `Period.day`
    makes it. A fiscal year given as text needs the document's fiscal year start, so it is
    left as is (and refused by name) outside a document.
    """
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except (InvalidValueError, InvalidArgumentError):
            return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return Period.day(pendulum.Date(value.year, value.month, value.day))
    return value


def _require_date(value: object, argument: str) -> pendulum.Date:
    if isinstance(value, pendulum.Date):
        return value
    raise InvalidArgumentError(
        f"'{argument}' must be a pendulum.Date or a Period (got {value!r})", argument=argument
    )


def _require_period(value: object, argument: str) -> Period:
    if isinstance(value, Period):
        return value
    raise InvalidArgumentError(f"'{argument}' must be a Period (got {value!r})", argument=argument)
