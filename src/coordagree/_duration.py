"""`Duration`: a length of time in the calendar units an agreement states it in."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import attrs
import pendulum

from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = ["Duration", "is_duration", "to_duration"]

_FORM = re.compile(r"^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _count(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidTypeError(
            f"'{attribute.name}' must be a whole number of at least 0 (got {value!r})",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(kw_only=True)
class Duration:
    """A length of time as an agreement states it: "a minimum of five years", "30 days' notice".

    Kept in the units stated, so five years stays ``P5Y`` and is never taken for 1,825 days;
    a duration is counted from a day with pendulum's calendar arithmetic (`after`). In a
    document it is ISO 8601 text of its date parts: ``P5Y``, ``P6M``, ``P2W``, ``P30D``,
    ``P1Y6M``.

    Attributes:
        years: Whole years.
        months: Whole months.
        weeks: Whole weeks.
        days: Whole days.

    Examples:
        >>> notice = Duration.parse("P30D")
        >>> notice.days, str(notice)
        (30, 'P30D')
        >>> Duration.parse("P5Y").after(pendulum.Date(1992, 3, 20))
        Date(1997, 3, 20)
    """

    years: int = attrs.field(default=0, validator=_count)
    months: int = attrs.field(default=0, validator=_count)
    weeks: int = attrs.field(default=0, validator=_count)
    days: int = attrs.field(default=0, validator=_count)

    @classmethod
    def parse(cls, text: str) -> Duration:
        """A duration from ISO 8601 text such as ``P5Y``, ``P30D`` or ``P1Y6M``.

        Raises:
            InvalidValueError: the text is not of that form (code ``bad-duration``).
        """
        match = _FORM.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError(
                f"expected an ISO 8601 duration such as P5Y, P6M, P2W or P30D, got {text!r}",
                field="duration",
                value=text,
                code="bad-duration",
                hint="years Y, months M, weeks W, days D after a P: 'a minimum of five years' "
                "is P5Y, '30 days written notice' P30D",
            )
        years, months, weeks, days = (int(part or 0) for part in match.groups())
        return cls(years=years, months=months, weeks=weeks, days=days)

    def __str__(self) -> str:
        units = zip((self.years, self.months, self.weeks, self.days), "YMWD", strict=True)
        text = "".join(f"{count}{unit}" for count, unit in units if count)
        return f"P{text or '0D'}"

    def after(self, day: pendulum.Date) -> pendulum.Date:
        """The day this long after ``day`` (a month after 31 January is 29 February in 2024)."""
        return day.add(years=self.years, months=self.months, weeks=self.weeks, days=self.days)

    def as_pendulum(self) -> pendulum.Duration:
        """The same length as a `pendulum.Duration`."""
        return pendulum.Duration(
            years=self.years, months=self.months, weeks=self.weeks, days=self.days
        )


def to_duration(value: Duration | str | _dt.timedelta | None) -> Any:
    """Converter: ISO 8601 text or a `datetime.timedelta` of whole days becomes a `Duration`.

    Anything else is returned unchanged, for the field's validator to judge.
    """
    if isinstance(value, str):
        try:
            return Duration.parse(value)
        except InvalidValueError:
            return value
    if (
        isinstance(value, _dt.timedelta)
        and value.days >= 0
        and not value.seconds
        and not value.microseconds
    ):
        if isinstance(value, pendulum.Duration):
            return Duration(
                years=value.years,
                months=value.months,
                days=value.days - value.years * 365 - value.months * 30,
            )
        return Duration(days=value.days)
    return value


def is_duration(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a `Duration`."""
    if isinstance(value, Duration):
        return
    raise InvalidTypeError(
        f"'{attribute.name}' must be a duration such as 'P5Y' or 'P30D' (got {value!r})",
        field=attribute.name,
        value=value,
        code="bad-duration",
    )
