"""What a document being read says about reading its dates: its fiscal year and its language.

A date written ``FY1995`` means nothing without the month its fiscal year starts in, and
"01-11-2010" is 11 January on a US page but 1 November on a Vietnamese one. Both are stated
once, at the top of a document (``fiscal_year_start``, ``languages``), and hold while the rest
of it is read: `reading_dates` sets them for a block; the date parsers read them.
"""

from __future__ import annotations

import calendar
import contextlib
import contextvars
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs
import pendulum

from coordagree.errors import InvalidValueError

__all__ = [
    "DateReading",
    "Order",
    "current_reading",
    "default_fiscal_year_start",
    "fiscal_year_of",
    "fiscal_year_span",
    "order_of",
    "reading_dates",
    "reading_of",
    "start_month_for",
]

Order = Literal["day-first", "month-first"]
"""Which part of a numeric date comes first."""


@attrs.frozen
class DateReading:
    """How to read dates in the document at hand.

    Attributes:
        fiscal_year_start: The month (1 to 12) fiscal years start in, where the document says.
        order: Whether numeric dates put the day or the month first, where its language says.
    """

    fiscal_year_start: int | None = None
    order: Order | None = None


_READING: contextvars.ContextVar[DateReading] = contextvars.ContextVar(
    "coordagree_date_reading",
    default=DateReading(),  # noqa: B039 - frozen, so safe to share
)


def current_reading() -> DateReading:
    """How dates are read here: what the innermost `reading_dates` block set."""
    return _READING.get()


@contextlib.contextmanager
def reading_dates(
    *, fiscal_year_start: int | None = None, languages: tuple[str, ...] = ()
) -> Iterator[DateReading]:
    """Within the block, ``FY`` dates use ``fiscal_year_start`` and hints use ``languages``."""
    reading = DateReading(
        fiscal_year_start if _is_month(fiscal_year_start) else None, order_of(languages)
    )
    token = _READING.set(reading)
    try:
        yield reading
    finally:
        _READING.reset(token)


def reading_of(document: Mapping[str, Any]) -> contextlib.AbstractContextManager[DateReading]:
    """`reading_dates` as a document's plain data states it (what is malformed is ignored)."""
    languages = document.get("languages")
    tags = tuple(t for t in languages if isinstance(t, str)) if isinstance(languages, list) else ()
    return reading_dates(fiscal_year_start=document.get("fiscal_year_start"), languages=tags)


def _is_month(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12


_DAY_FIRST = {"vi", "fr", "de", "es", "it", "pt", "ru", "nl", "km", "lo", "th", "id"}
_MONTH_FIRST_REGIONS = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM"}


def order_of(languages: tuple[str, ...]) -> Order | None:
    """Whether numeric dates in text of ``languages`` (BCP 47, main first) put day or month first.

    Vietnamese writes day first ("29/5/2023"); US English month first ("01-11-2010" is
    11 January); English of another region day first. English with no region, or no language,
    decides nothing (None).
    """
    for tag in languages[:1]:
        parts = tag.replace("_", "-").split("-")
        language = parts[0].lower()
        regions = {p.upper() for p in parts[1:] if len(p) == 2}
        if language == "en":
            if regions & _MONTH_FIRST_REGIONS:
                return "month-first"
            return "day-first" if regions else None
        if language in _DAY_FIRST:
            return "day-first"
    return None


US_FISCAL_YEAR_START = 10
"""The month US federal fiscal years start in (October)."""


def default_fiscal_year_start(lang: str | None) -> int:
    """The month "FY 1995" starts in when nothing says.

    January in Vietnamese (the fiscal year is the calendar year); October (US federal) in
    English or with no language.
    """
    return 1 if lang == "vi" else US_FISCAL_YEAR_START


def start_month_for(text: str, given: int | None) -> int:
    """The month the fiscal year ``text`` (``FY1995``) starts in: ``given``, else as read here.

    Raises:
        InvalidValueError: neither says (code ``bad-date``, with a hint).
    """
    month = given or current_reading().fiscal_year_start
    if month is None:
        raise InvalidValueError(
            f"{text!r} names a fiscal year, but no fiscal year start is known",
            field="date",
            value=text,
            code="bad-date",
            hint="give the agreement's fiscal_year_start (10 for the US federal year)",
        )
    return month


def fiscal_year_span(year: int, start_month: int) -> tuple[pendulum.Date, pendulum.Date]:
    """First and last day of fiscal year ``year`` when fiscal years start in ``start_month``.

    A fiscal year is named by the calendar year it ends in: with ``start_month`` 10 (the US
    federal year), FY1995 runs from 1994-10-01 to 1995-09-30.
    """
    if start_month == 1:
        return pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31)
    last_month = start_month - 1
    last = pendulum.Date(year, last_month, calendar.monthrange(year, last_month)[1])
    return pendulum.Date(year - 1, start_month, 1), last


def fiscal_year_of(day: pendulum.Date, start_month: int) -> int:
    """The fiscal year ``day`` falls in (named by the calendar year it ends in)."""
    if start_month == 1 or day.month < start_month:
        return day.year
    return day.year + 1
