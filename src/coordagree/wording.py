"""From wording to values: dates, periods and durations found in Vietnamese and English text.

Sources write "Chiều ngày 29/5/2023", "giai đoạn 2023 - 2026", "6 tháng cuối năm 2024",
"September 30th, 2004", "FY 1995 through FY 1998" or "thirty (30) days written notice";
`find` returns every such expression in a text with its extent (``text[m.start:m.end]`` is
the expression), its kind, its value as the model's objects and its value in EDTF
(ISO 8601-2) at the precision stated. Nothing is invented: "năm 2023" has no day, "Ngày 26/6"
no year (unless a ``reference`` date is given), "10:17" no UTC offset unless one is written
or a named zone ("GMT+7", "ET") implies it.

    >>> from coordagree import wording
    >>> [m.edtf for m in wording.find("Chiều ngày 29/5/2023, giai đoạn 2023 - 2026", lang="vi")]
    ['2023-05-29', '2023/2026']
    >>> str(wording.duration("thirty (30) days", lang="en"))
    'P30D'

The expressions understood, in both languages, are listed on the reference page "Wording".
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import functools

import attrs

from coordagree._codelists import PartOfDay
from coordagree._date_context import default_fiscal_year_start
from coordagree._duration import Duration
from coordagree._partial_date import PartialDate
from coordagree._period import Period
from coordagree._wording import (
    Found,
    Stated,
    duration_edtf,
    edtf_of,
    language_of,
    resolved_offset,
    scan,
)
from coordagree.errors import InvalidArgumentError, WordingError

__all__ = ["Match", "MatchKind", "date", "duration", "find", "parse", "period"]

_Reading = tuple[Stated, Stated | None]
_Facts = tuple[_Reading | None, tuple[int, int, int, int] | None, int]
"""What a match's value is made from: its one reading or its duration, and the fiscal
year's start month."""


class MatchKind(enum.StrEnum):
    """What a `Match` is."""

    DATE = "date"
    """A day, a month or a year: "ngày 27 tháng 10 năm 2017", "August, 1989", "năm 2023"."""
    DATETIME = "datetime"
    """A day with a time: "10:17, Thứ Ba, 30-5-2023", "4:30 p.m. (ET) on September 22, 2010"."""
    PERIOD = "period"
    """A span: "giai đoạn 2023 - 2026", "quý I/2024", "FY 1995 through FY 1998"."""
    DURATION = "duration"
    """A length of time: "30 days", "a minimum of five years" (its "five years")."""


@attrs.frozen(kw_only=True)
class Match:
    """One expression found in a text.

    Attributes:
        text: The expression as written (``source[start:end]``).
        start: Offset of its first character in the text searched.
        end: Offset just past its last character.
        kind: Date, date-time, period or duration.
        edtf: Its value in EDTF (ISO 8601-2) at the precision stated: ``2023-05-29``,
            ``2023-05-30T10:17``, ``2018-06-20T08:29+07:00``, ``2024-07/2024-12``,
            ``XXXX-05-19`` for a day whose year is not stated, ``P30D``; where the text may
            be read two ways (a numeric day with no language given), the EDTF set of both
            readings, ``[2010-01-11,2010-11-01]``.
        readings: The EDTF of each reading (one, or two for an ambiguous numeric day).
        part_of_day: Part of day written with a date ("Chiều" is afternoon).
        weekday: Weekday written with a date, ISO numbered (1 is Monday).
        year_inferred: The year was not stated but taken from ``reference``.
    """

    text: str
    start: int
    end: int
    kind: MatchKind
    edtf: str
    readings: tuple[str, ...] = ()
    part_of_day: PartOfDay | None = None
    weekday: int | None = None
    year_inferred: bool = False
    _facts: _Facts | None = attrs.field(default=None, alias="_facts", repr=False, eq=False)

    @functools.cached_property
    def value(self) -> PartialDate | Period | Duration | None:
        """The value as a model object, made when first asked for.

        A `PartialDate` for a date or date-time, a `Period` for a period, a `Duration` for a
        duration; None where the year is not stated (and no ``reference`` was given) or the
        text may be read two ways.
        """
        if self._facts is None:
            return None
        reading, duration, months = self._facts
        if duration is not None:
            years, months_, weeks, days = duration
            return Duration(years=years, months=months_, weeks=weeks, days=days)
        return None if reading is None else _value(reading, months)


def find(
    text: str,
    *,
    lang: str | None,
    reference: _dt.date | None = None,
    fiscal_year_start: int | None = None,
) -> tuple[Match, ...]:
    """Every date, date-time, period and duration in ``text``, in order, none overlapping.

    Args:
        text: Running text: a news item, an MOU clause, a wording kept as written.
        lang: ``"vi"`` (numeric days read day first), ``"en"`` (US English, month first), a
            BCP 47 tag of either (``vi-VN``, ``en-US``), or None for both languages' words,
            with a numeric day that reads both ways given both readings.
        reference: The day the text was written, if known: a day or span whose year is not
            stated takes the year of the nearest such day (or span start) not after it.
        fiscal_year_start: The month fiscal years start in, for "FY 1995"; by default
            October (US federal) for English and January for Vietnamese.

    Raises:
        InvalidArgumentError: ``lang`` is neither language.

    Examples:
        >>> [(m.text, m.edtf) for m in find("Sáng 8/7, nhiệm kỳ 2012 - 2016", lang="vi")]
        [('Sáng 8/7', 'XXXX-07-08'), ('nhiệm kỳ 2012 - 2016', '2012/2016')]
        >>> import pendulum
        >>> find("Ngày 26/6", lang="vi", reference=pendulum.Date(2024, 3, 1))[0].edtf
        '2023-06-26'
        >>> find("01-11-2010", lang=None)[0].readings
        ('2010-11-01', '2010-01-11')
    """
    language = _language(lang)
    months = fiscal_year_start or default_fiscal_year_start(language)
    return tuple([_match(text, found, months, reference) for found in scan(text, language)])


def parse(
    text: str,
    *,
    lang: str | None,
    reference: _dt.date | None = None,
    fiscal_year_start: int | None = None,
) -> Match:
    """The one expression that is the whole of ``text`` (surrounding spaces aside).

    Raises:
        WordingError: ``text`` holds no expression, more than one, or words around it.

    Examples:
        >>> parse("6 tháng cuối năm 2024", lang="vi").edtf
        '2024-07/2024-12'
    """
    matches = find(text, lang=lang, reference=reference, fiscal_year_start=fiscal_year_start)
    stripped = text.strip()
    first = len(text) - len(text.lstrip())
    if len(matches) == 1 and matches[0].text == stripped:
        return matches[0]
    if not matches:
        raise WordingError(
            f"expected a date, period or duration, found none in {text!r}{_hint(text, lang)}",
            text=text,
            offset=first,
        )
    if len(matches) > 1:
        raise WordingError(
            f"expected one date, period or duration in {text!r}, found {len(matches)}: "
            + ", ".join(repr(match.text) for match in matches),
            text=text,
            offset=matches[1].start,
        )
    match = matches[0]
    offset = first if match.start > first else match.end
    raise WordingError(
        f"expected {text!r} to be one expression; {match.text!r} is one, but "
        f"{text[offset:].strip()[:30] or text[first : match.start].strip()!r} is not part of it "
        f"(at offset {offset})",
        text=text,
        offset=offset,
    )


def date(
    text: str,
    *,
    lang: str | None,
    reference: _dt.date | None = None,
) -> PartialDate:
    """The date or date-time that ``text`` is: ``date("Chiều ngày 29/5/2023", lang="vi")``.

    Raises:
        WordingError: ``text`` is not one date, or its year is not stated and no
            ``reference`` gives it.

    Examples:
        >>> str(date("20/06/2018 | 08:29 GMT+7", lang="vi"))
        '2018-06-20T08:29+07:00'
    """
    match = parse(text, lang=lang, reference=reference)
    if not isinstance(match.value, PartialDate):
        raise WordingError(_not_a("date", match), text=text, offset=match.start)
    return match.value


def period(
    text: str,
    *,
    lang: str | None,
    reference: _dt.date | None = None,
    fiscal_year_start: int | None = None,
) -> Period:
    """The `Period` that ``text`` is, keeping ``text`` as its ``as_written``.

    A date is the period of its span ("năm 2023" is the year 2023).

    Raises:
        WordingError: ``text`` is not one period or date, or its year is not stated.

    Examples:
        >>> funded = period("FY 1995 through FY 1998", lang="en")
        >>> funded.start, funded.end, funded.as_written
        (Date(1994, 10, 1), Date(1998, 9, 30), 'FY 1995 through FY 1998')
    """
    match = parse(text, lang=lang, reference=reference, fiscal_year_start=fiscal_year_start)
    value = match.value
    if isinstance(value, PartialDate) and value.hour is None:
        text_value = str(value)
        return Period.parse(text_value, as_written=text)
    if not isinstance(value, Period):
        raise WordingError(_not_a("period", match), text=text, offset=match.start)
    return attrs.evolve(value, as_written=text)


def duration(text: str, *, lang: str | None) -> Duration:
    """The `Duration` that ``text`` is: ``duration("thirty (30) days", lang="en")`` is P30D.

    ``duration("a minimum of five years", lang="en")`` fails: the wording holds more than
    the duration; `find` gives its "five years".

    Raises:
        WordingError: ``text`` is not one duration.
    """
    match = parse(text, lang=lang)
    if not isinstance(match.value, Duration):
        raise WordingError(_not_a("duration", match), text=text, offset=match.start)
    return match.value


# -- building matches ---------------------------------------------------------------------------


def _language(lang: str | None) -> str | None:
    if lang in _KNOWN:
        return lang
    try:
        return language_of(lang)
    except ValueError as exc:
        raise InvalidArgumentError(str(exc), argument="lang") from None


def _not_a(kind: str, match: Match) -> str:
    if match.value is None and match.kind is not MatchKind.DURATION:
        why = "may be read two ways" if len(match.readings) > 1 else "states no year"
        return f"{match.text!r} ({match.edtf}) {why}; give lang or a reference date"
    return f"expected a {kind}, {match.text!r} is a {match.kind.value} ({match.edtf})"


def _hint(text: str, lang: str | None) -> str:
    if lang is None:
        return ""
    other = "en" if language_of(lang) == "vi" else "vi"
    if scan(text, other):
        return f" (it reads as {'English' if other == 'en' else 'Vietnamese'}: lang={other!r}?)"
    return ""


def _match(text: str, found: Found, months: int, reference: _dt.date | None) -> Match:
    if found.duration is not None:
        edtf = duration_edtf(found.duration)
        return Match(
            text=text[found.start : found.end],
            start=found.start,
            end=found.end,
            kind=MatchKind.DURATION,
            edtf=edtf,
            readings=(edtf,),
            _facts=(None, found.duration, months),
        )
    readings = found.readings
    inferred = False
    if reference is not None and len(readings) == 1 and readings[0][0].year is None:
        readings = (_in_year(readings[0], reference),)
        inferred = True
    texts = tuple(edtf_of(reading, months) for reading in readings)
    return Match(
        text=text[found.start : found.end],
        start=found.start,
        end=found.end,
        kind=_KINDS[found.kind],
        edtf=texts[0] if len(texts) == 1 else f"[{','.join(texts)}]",
        readings=texts,
        part_of_day=_PARTS[found.part_of_day] if found.part_of_day else None,
        weekday=found.weekday,
        year_inferred=inferred,
        _facts=(readings[0] if len(readings) == 1 else None, None, months),
    )


_KNOWN = frozenset({None, "vi", "en"})
_KINDS = {kind.value: kind for kind in MatchKind}
_PARTS = {part.value: part for part in PartOfDay}


def _value(reading: _Reading, months: int) -> PartialDate | Period | None:
    first, last = reading
    if first.year is None or (last is not None and last.year is None):
        return None
    if last is None:
        return PartialDate(
            year=first.year,
            month=first.month,
            day=first.day,
            hour=first.hour,
            minute=first.minute,
            offset=resolved_offset(first),
        )
    if first.fiscal:
        return Period.parse(f"FY{first.year:04d}", f"FY{last.year:04d}", fiscal_year_start=months)
    return Period.parse(edtf_of((first, None), months), edtf_of((last, None), months))


def _in_year(
    reading: tuple[Stated, Stated | None], reference: _dt.date
) -> tuple[Stated, Stated | None]:
    """The reading in the year of the nearest such day (or span start) not after ``reference``."""
    first, last = reading
    year = reference.year
    while year > 1:
        month, day = first.month or 1, first.day or 1
        if day <= calendar.monthrange(year, month)[1] and _dt.date(year, month, day) <= reference:
            break
        year -= 1
    start = first._replace(year=year)
    if last is None:
        return (start, None)
    crosses = (last.month or 12, last.day or 31) < (first.month or 1, first.day or 1)
    return (start, last._replace(year=year + 1 if crosses else year))
