"""`PartialDate`: a date or moment stated to the precision its source gives, as EDTF writes it."""

from __future__ import annotations

import calendar
import datetime as _dt
import itertools
import re
from typing import Any, Literal

import attrs
import pendulum

from coordagree._date_context import fiscal_year_span, start_month_for
from coordagree._validators import date_hint
from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = ["PartialDate", "Precision", "to_partial_date", "to_partial_dates"]

Precision = Literal["fiscal-year", "year", "month", "day", "minute", "second"]
"""How precisely a `PartialDate` is stated."""

_FORM = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?)?)?)?(?P<mark>[?~%])?$"
)
_FISCAL = re.compile(r"^FY(?P<year>\d{4})(?P<mark>[?~%])?$")


def _check_parts(instance: PartialDate, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise InvalidTypeError(
            f"'{attribute.name}' must be int or None (got {value!r})",
            field=attribute.name,
            value=value,
        )


def _bad(message: str, value: Any) -> InvalidValueError:
    return InvalidValueError(message, field="date", value=value, code="bad-date")


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date stated to whatever precision its source gives: a year, a month, a day, or a moment.

    "signed in March 1992" is ``PartialDate.parse("1992-03")``; a notice dated "19 tháng 06
    năm 2019" with no time is ``2019-06-19``; a news item "20/06/2018 | 08:29 GMT+7" is
    ``2018-06-20T08:29+07:00``. A date may be marked as EDTF (ISO 8601-2) level 1 marks it:
    approximate (``1989-08~``), uncertain (``1990?``) or both (``%``). Queries treat a date as
    the whole span of days it names (`first_day` to `last_day`): nothing invents a day.

    In a document it is that text (an unquoted year is accepted).

    Attributes:
        year: The year.
        month: The month, where stated.
        day: The day, where stated.
        hour: The hour, where a time is stated.
        minute: The minute, where a time is stated.
        second: The second, where stated.
        offset: The UTC offset in minutes, where stated (a named zone such as GMT+7 is +420).
        fiscal_year_start: For a fiscal year (``FY1995``, `year` the calendar year it ends
            in), the month it starts in; None for a calendar date.
        approximate: Marked approximate (``~``).
        uncertain: Marked uncertain (``?``).

    Examples:
        >>> signed = PartialDate.parse("1992-03")
        >>> str(signed), signed.precision, signed.first_day, signed.last_day
        ('1992-03', 'month', Date(1992, 3, 1), Date(1992, 3, 31))
        >>> str(PartialDate.parse("1989-08~")), PartialDate.parse("1990?").uncertain
        ('1989-08~', True)
        >>> funded = PartialDate.parse("FY1994", fiscal_year_start=10)
        >>> funded.precision, funded.first_day, funded.last_day
        ('fiscal-year', Date(1993, 10, 1), Date(1994, 9, 30))
    """

    year: int = attrs.field(validator=_check_parts)
    month: int | None = attrs.field(default=None, validator=_check_parts)
    day: int | None = attrs.field(default=None, validator=_check_parts)
    hour: int | None = attrs.field(default=None, validator=_check_parts)
    minute: int | None = attrs.field(default=None, validator=_check_parts)
    second: int | None = attrs.field(default=None, validator=_check_parts)
    offset: int | None = attrs.field(default=None, validator=_check_parts)
    fiscal_year_start: int | None = attrs.field(default=None, validator=_check_parts)
    approximate: bool = False
    uncertain: bool = False

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise _bad(f"year {self.year} is outside 1 to 9999", self.year)
        given = [self.month, self.day, self.hour, self.minute, self.second]
        if any(
            later is not None and earlier is None for earlier, later in itertools.pairwise(given)
        ):
            raise _bad("a part is given without the parts before it (a day without a month)", self)
        if (self.hour is None) != (self.minute is None):
            raise _bad("a time needs its hour and minute", self)
        if self.fiscal_year_start is not None and (
            self.month is not None or not 1 <= self.fiscal_year_start <= 12
        ):
            raise _bad("a fiscal year has a start month from 1 to 12 and no month or day", self)
        if self.offset is not None and self.hour is None:
            raise _bad("a UTC offset needs a time", self)
        try:
            _dt.date(self.year, self.month or 1, self.day or 1)
            if self.fiscal_year_start is not None:
                fiscal_year_span(self.year, self.fiscal_year_start)
            if self.hour is not None:
                _dt.time(self.hour, self.minute or 0, self.second or 0)
        except ValueError as exc:
            raise _bad(f"{self} is not a calendar date or time ({exc})", str(self)) from None
        if self.offset is not None and not -18 * 60 <= self.offset <= 18 * 60:
            raise _bad(f"UTC offset {self.offset} minutes is beyond 18 hours", self.offset)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, fiscal_year_start: int | None = None) -> PartialDate:
        """A date from EDTF text: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``...THH:MM[:SS][±HH:MM]``.

        A final ``~`` marks it approximate, ``?`` uncertain, ``%`` both. ``FY1995`` is a fiscal
        year, starting in ``fiscal_year_start`` (else as the document being read says).

        Raises:
            InvalidValueError: the text is not of that form, or is a fiscal year when no start
                month is known (code ``bad-date``, with a hint).
        """
        fiscal = _FISCAL.match(text.strip()) if isinstance(text, str) else None
        if fiscal is not None:
            month = start_month_for(text, fiscal_year_start)
            mark = fiscal.group("mark")
            return cls(
                year=int(fiscal.group("year")),
                fiscal_year_start=month,
                approximate=mark in ("~", "%"),
                uncertain=mark in ("?", "%"),
            )
        match = _FORM.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError(
                "expected a date such as 2023, 2023-05, 2023-05-29 or 2023-05-29T10:17+07:00 "
                f"(EDTF; ~ approximate, ? uncertain), got {text!r}",
                field="date",
                value=text,
                code="bad-date",
                hint=date_hint(text) if isinstance(text, str) else None,
            )
        parts = match.groupdict()
        zone = parts["zone"]
        offset = None
        if zone == "Z":
            offset = 0
        elif zone:
            sign = -1 if zone[0] == "-" else 1
            offset = sign * (int(zone[1:3]) * 60 + int(zone[4:6]))
        mark = parts["mark"]
        number = {k: int(v) for k, v in parts.items() if v and k not in ("zone", "mark")}
        return cls(
            **number,
            offset=offset,
            approximate=mark in ("~", "%"),
            uncertain=mark in ("?", "%"),
        )

    @classmethod
    def of_date(cls, day: _dt.date) -> PartialDate:
        """The whole day ``day`` (a `datetime.date` or `pendulum.Date`)."""
        return cls(year=day.year, month=day.month, day=day.day)

    @classmethod
    def of_moment(cls, moment: _dt.datetime) -> PartialDate:
        """The moment ``moment``, to the second where it has seconds, with its offset if any."""
        offset = moment.utcoffset()
        return cls(
            year=moment.year,
            month=moment.month,
            day=moment.day,
            hour=moment.hour,
            minute=moment.minute,
            second=moment.second or None,
            offset=None if offset is None else int(offset.total_seconds() // 60),
        )

    # -- reading ------------------------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """``fiscal-year``, ``year``, ``month``, ``day``, ``minute`` or ``second``."""
        if self.fiscal_year_start is not None:
            return "fiscal-year"
        if self.second is not None:
            return "second"
        if self.minute is not None:
            return "minute"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> pendulum.Date:
        """The first day of the span this date names."""
        if self.fiscal_year_start is not None:
            return fiscal_year_span(self.year, self.fiscal_year_start)[0]
        return pendulum.Date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> pendulum.Date:
        """The last day of the span this date names."""
        if self.fiscal_year_start is not None:
            return fiscal_year_span(self.year, self.fiscal_year_start)[1]
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return pendulum.Date(self.year, month, day)

    @property
    def moment(self) -> pendulum.DateTime | None:
        """The exact moment, where a time and its offset are stated; else None."""
        if self.hour is None or self.offset is None:
            return None
        zone = pendulum.FixedTimezone(self.offset * 60)
        return pendulum.datetime(
            self.year,
            self.month or 1,
            self.day or 1,
            self.hour,
            self.minute or 0,
            self.second or 0,
            tz=zone,
        )

    def __str__(self) -> str:
        text = f"{'FY' if self.fiscal_year_start is not None else ''}{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute or 0:02d}"
            if self.second is not None:
                text += f":{self.second:02d}"
            if self.offset is not None:
                sign = "-" if self.offset < 0 else "+"
                hours, minutes = divmod(abs(self.offset), 60)
                text += f"{sign}{hours:02d}:{minutes:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text

    def may_be_after(self, day: pendulum.Date) -> bool:
        """Whether some day of this date's span is after ``day``."""
        return self.last_day > day

    def surely_after(self, day: pendulum.Date) -> bool:
        """Whether every day of this date's span is after ``day``."""
        return self.first_day > day

    def surely_before(self, day: pendulum.Date) -> bool:
        """Whether every day of this date's span is before ``day``."""
        return self.last_day < day

    def may_be_on(self, day: pendulum.Date) -> bool:
        """Whether ``day`` is one of the days this date may name."""
        return self.first_day <= day <= self.last_day


def to_partial_date(value: PartialDate | str | int | _dt.date | None) -> Any:
    """Converter: EDTF text, a year, a date or a datetime becomes a `PartialDate`.

    Anything else (None included) is returned unchanged, for the field's validator to judge.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.datetime):
        return PartialDate.of_moment(value)
    if isinstance(value, _dt.date):
        return PartialDate.of_date(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except InvalidValueError:
            return value
    return value


def to_partial_dates(value: Any) -> Any:
    """Converter: a list of dates (any form `to_partial_date` takes) becomes a tuple."""
    if value is None or isinstance(value, str | bytes | dict):
        return value  # left for the validator to name
    try:
        return tuple(to_partial_date(item) for item in value)
    except TypeError:
        return value
