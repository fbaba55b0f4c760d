"""Dates with a precision, and inclusive periods between them."""

from __future__ import annotations

import calendar
import enum
import re
from typing import Any, Literal

import attrs
import pendulum

from coordagree._validators import date_hint, instance_of, is_date, optional, to_date
from coordagree.errors import InvalidArgumentError, InvalidTypeError, InvalidValueError

__all__ = ["DatePrecision", "Period", "SplitUnit", "format_date", "parse_date"]

SplitUnit = Literal["year", "quarter", "month"]
"""How `Period.split` cuts a period."""

_REDUCED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DatePrecision(enum.StrEnum):
    """How precisely a date was stated: a whole year, a whole month, or a day."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def parse_date(text: str, *, end: bool = False) -> tuple[pendulum.Date, DatePrecision]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into a date and its precision.

    A year or a month stands for its first day, or with ``end=True`` its last day.

    Raises:
        InvalidValueError: ``text`` is not one of those forms (code ``bad-date``, with a hint).
    """
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


def format_date(day: pendulum.Date, precision: DatePrecision) -> str:
    """Write a date at its precision: ``2023``, ``2023-05`` or ``2023-05-29``."""
    text = day.isoformat()  # YYYY-MM-DD for years 1 to 9999
    if precision is DatePrecision.YEAR:
        return text[:4]
    if precision is DatePrecision.MONTH:
        return text[:7]
    return text


def _is_aligned(day: pendulum.Date, precision: DatePrecision, *, end: bool) -> bool:
    if precision is DatePrecision.DAY:
        return True
    if precision is DatePrecision.MONTH:
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
    if value is not None and value < instance.start:
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
}


@attrs.frozen(kw_only=True)
class Period:
    """An inclusive span of days, each end kept at the precision it was stated in.

    ``Period.parse("2023", "2026")`` is "giai đoạn 2023 - 2026": the years 2023 through 2026.
    Its `start` and `end` are the whole years' bounds (2023-01-01 and 2026-12-31), so queries
    treat it as those whole years, while `start_precision` and `end_precision` remember that the
    text named years, not days: it is written back as ``2023`` and ``2026``, never as invented days.

    Attributes:
        start: First day of the period.
        end: Last day of the period (inclusive), or None while it is open-ended.
        start_precision: How `start` was stated.
        end_precision: How `end` was stated.
        as_written: The source's own wording, such as ``"giai đoạn 2023 - 2026"``.
    """

    start: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
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
    def parse(cls, start: str, end: str | None = None, *, as_written: str | None = None) -> Period:
        """A period from ISO 8601 text at any precision: ``Period.parse("2023", "2026")``.

        With ``end`` omitted, the period is the whole of ``start``: ``Period.parse("2023")`` is
        the year 2023 (due "within 2023"), ``Period.parse("2023-05-29")`` that one day.
        Use `Period.open` for a period with no end.

        Examples:
            >>> period = Period.parse("2023", "2026", as_written="giai đoạn 2023 - 2026")
            >>> period.start, period.end
            (Date(2023, 1, 1), Date(2026, 12, 31))
            >>> str(period), period.start_precision.value
            ('2023 – 2026', 'year')
            >>> str(Period.parse("2024-06").end)
            '2024-06-30'
        """
        first, first_precision = parse_date(start)
        last, last_precision = parse_date(start if end is None else end, end=True)
        return cls(
            start=first,
            end=last,
            start_precision=first_precision,
            end_precision=last_precision,
            as_written=as_written,
        )

    @classmethod
    def open(cls, start: str | pendulum.Date, *, as_written: str | None = None) -> Period:
        """A period that starts on ``start`` (date or ISO text) and has no end yet."""
        if isinstance(start, str):
            first, precision = parse_date(start)
        else:
            first, precision = start, DatePrecision.DAY
        return cls(start=first, start_precision=precision, as_written=as_written)

    @classmethod
    def years(cls, first: int, last: int | None = None) -> Period:
        """The whole years ``first`` through ``last`` (or ``first`` alone), at year precision."""
        return cls.parse(f"{first:04d}", f"{(first if last is None else last):04d}")

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
        """How many days the period spans, both ends included; None when open-ended."""
        if self.end is None:
            return None
        return (self.end - self.start).in_days() + 1

    @property
    def start_text(self) -> str:
        """`start` written at its precision."""
        return format_date(self.start, self.start_precision)

    @property
    def end_text(self) -> str | None:
        """`end` written at its precision, or None when open-ended."""
        return None if self.end is None else format_date(self.end, self.end_precision)

    def __str__(self) -> str:
        if self.end is None:
            return f"{self.start_text} – (open)"
        if self.start == self.end or (
            self.start_text == self.end_text and self.start_precision is self.end_precision
        ):
            return self.start_text
        return f"{self.start_text} – {self.end_text}"

    # -- relations ----------------------------------------------------------------------------

    def contains(self, other: pendulum.Date | Period) -> bool:
        """Whether a day, or every day of another period, lies within this period."""
        if isinstance(other, Period):
            if not self.contains(other.start):
                return False
            if other.end is None:
                return self.end is None
            return self.contains(other.end)
        day = _require_date(other, "other")
        return self.start <= day and (self.end is None or day <= self.end)

    def __contains__(self, other: object) -> bool:
        return isinstance(other, pendulum.Date | Period) and self.contains(other)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        other = _require_period(other, "other")
        before = self.end is not None and self.end < other.start
        after = other.end is not None and other.end < self.start
        return not (before or after)

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or None; each end keeps the precision it came with."""
        other = _require_period(other, "other")
        if not self.overlaps(other):
            return None
        start, start_precision = max(
            (self.start, self.start_precision),
            (other.start, other.start_precision),
            key=lambda bound: bound[0],
        )
        ends = [(p.end, p.end_precision) for p in (self, other) if p.end is not None]
        end, end_precision = min(ends, key=lambda bound: bound[0]) if ends else (None, None)
        return Period(
            start=start,
            end=end,
            start_precision=start_precision,
            end_precision=end_precision or DatePrecision.DAY,
        )

    def split(self, unit: SplitUnit) -> tuple[Period, ...]:
        """Cut the period at calendar boundaries into years, quarters or months.

        The pieces tile the period exactly: the first starts on `start`, each next one starts
        the day after the previous one ends, the last ends on `end`. A cut end is stated at the
        unit's precision (a year piece of "2023 - 2026" is the year ``2023``).

        Raises:
            InvalidArgumentError: ``unit`` is not one of year, quarter, month, or the period is
                open-ended.
        """
        if unit not in _UNIT_PRECISION:
            raise InvalidArgumentError(
                f"'unit' must be 'year', 'quarter' or 'month' (got {unit!r})", argument="unit"
            )
        if self.end is None:
            raise InvalidArgumentError(
                "cannot split an open-ended period: intersect it with a closed one first",
                argument="self",
            )
        cut_precision = _UNIT_PRECISION[unit]
        pieces: list[Period] = []
        start, start_precision = self.start, self.start_precision
        while True:
            boundary = _unit_end(start, unit)
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


def _unit_end(day: pendulum.Date, unit: SplitUnit) -> pendulum.Date:
    if unit == "year":
        return pendulum.Date(day.year, 12, 31)
    month = day.month if unit == "month" else ((day.month - 1) // 3) * 3 + 3
    return pendulum.Date(day.year, month, calendar.monthrange(day.year, month)[1])


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
