"""The rule about wording: a value agrees with the source's wording kept beside it.

A record keeps a source's wording (``date_as_written: "Chiều ngày 29/5/2023"``) beside the
value made from it (``date: 2023-05-29``); a period keeps its own (``as_written``). The
wording reader (`coordagree.wording`) reads the wording again, in the agreement's first
language, and where it finds exactly one expression of the value's kind whose stated parts
differ from the value, that is a slip in one of the two. Wording it cannot read, or reads
more than one way, is left alone: only a reading that surely disagrees is reported.

Codes: ``wording-mismatch``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from coordagree._date_context import default_fiscal_year_start
from coordagree._duration import Duration
from coordagree._fields import Kind, fields_of, kind_of
from coordagree._loader_facts import has_unworded_periods
from coordagree._partial_date import PartialDate
from coordagree._period import Period
from coordagree._tasks import TaskSchedule
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

if TYPE_CHECKING:
    from coordagree._wording import Found, Stated

__all__ = ["EMITS", "check_wording"]

EMITS = frozenset({"wording-mismatch"})

_VALUED = (Kind.PARTIAL_DATE, Kind.PERIOD, Kind.DURATION)


_AS_WRITTEN = attrgetter("as_written")
_Fields = tuple["attrs.Attribute[Any]", ...]
_WORDED: dict[type, _Fields] = {}
_PERIODS: dict[type, _Fields] = {}


def _worded(cls: type) -> _Fields:
    """The wording fields that state a date, period or duration field of the same class."""
    found = _WORDED.get(cls)
    if found is None:
        valued = {field.name for field in fields_of(cls, *_VALUED)}
        found = _WORDED[cls] = tuple(
            field for field in fields_of(cls, Kind.WORDING) if kind_of(field).of in valued
        )
    return found


def _periods(cls: type) -> _Fields:
    found = _PERIODS.get(cls)
    if found is None:
        found = _PERIODS[cls] = fields_of(cls, Kind.PERIOD)
    return found


def _selected(cls: type) -> _Fields:
    return _worded(cls) + _periods(cls)


def _language(languages: tuple[str, ...]) -> str | None:
    main = languages[0].split("-")[0].lower() if languages else None
    return main if main in ("vi", "en") else None


def _span(stated: Stated, *, end: bool) -> _dt.date | None:
    if stated.year is None or stated.fiscal:
        return None
    month = stated.month or (12 if end else 1)
    day = stated.day or (calendar.monthrange(stated.year, month)[1] if end else 1)
    return _dt.date(stated.year, month, day)


def _same_date(stated: Stated, value: PartialDate) -> bool:
    """Whether every part both state is the same (a wording with no year agrees on the rest)."""
    if stated.fiscal:
        return value.fiscal_year_start is None or stated.year == value.year
    pairs = (
        (stated.year, value.year),
        (stated.month, value.month),
        (stated.day, value.day),
        (stated.hour, value.hour),
        (stated.minute, value.minute),
    )
    return all(said is None or given is None or said == given for said, given in pairs)


def _same_end(stated: Stated, day: _dt.date | None, *, end: bool) -> bool:
    if day is None or stated.fiscal:
        return True
    expected = _span(stated, end=end)
    if expected is not None:
        return expected == day
    return (stated.month is None or stated.month == day.month) and (
        stated.day is None or stated.day == day.day
    )


def _agrees(found: Found, value: Any) -> bool | None:
    """True or False where the reading and the value can be compared; None where they cannot."""
    if isinstance(value, Duration):
        if found.duration is None:
            return None
        return found.duration == (value.years, value.months, value.weeks, value.days)
    if found.duration is not None or found.kind == "time":
        return None
    verdicts = []
    for first, last in found.readings:
        if isinstance(value, PartialDate):
            if last is not None and not first.fiscal:
                return None  # a period's wording for a date: not comparable here
            verdicts.append(_same_date(first, value))
        elif isinstance(value, Period):
            final = first if last is None else last
            verdicts.append(
                _same_end(first, value.start, end=False) and _same_end(final, value.end, end=True)
            )
    return any(verdicts) if verdicts else None


def _reading_text(found: Found, fiscal_year_start: int) -> str:
    from coordagree._wording import duration_edtf, edtf_of

    if found.duration is not None:
        return duration_edtf(found.duration)
    return " or ".join(edtf_of(reading, fiscal_year_start) for reading in found.readings)


@functools.lru_cache(maxsize=4096)
def _read(wording: str, lang: str | None) -> tuple[Found, ...]:
    """The wording's expressions, kept: a register's documents repeat their wordings.

    "trong năm 2023" recurs across a province's programmes; 4,096 readings at most are kept,
    each a few small tuples.
    """
    from coordagree._wording import scan  # imported when first needed: its patterns compile

    return tuple(scan(wording, lang))


_HINT = "correct the value or the wording; the wording is kept as the source writes it"


def _disagreement(wording: str, value: Any, lang: str | None, months: int) -> str | None:
    """Why ``value`` disagrees with ``wording``, where exactly one reading surely does."""
    matches = _read(wording, lang)
    comparable = [(found, _agrees(found, value)) for found in matches]
    judged = [(found, verdict) for found, verdict in comparable if verdict is not None]
    if len(judged) != 1 or judged[0][1]:
        return None
    return (
        f"{value} disagrees with its wording {wording!r}, which reads as "
        f"{_reading_text(judged[0][0], months)}"
    )


def _compare(
    ctx: Context, path: str, wording: str, value: Any, lang: str | None, months: int
) -> None:
    message = _disagreement(wording, value, lang, months)
    if message is not None:
        ctx.add("wording-mismatch", path, message, _HINT)


def check_wording(ctx: Context) -> None:
    """Report a date, period or duration that disagrees with the wording kept beside it."""
    agreement = ctx.agreement
    lang = _language(agreement.languages)
    months = agreement.fiscal_year_start or default_fiscal_year_start(lang)
    for path, record in records_with(
        agreement, _selected, sparse=True, skip=(TaskSchedule, "tasks")
    ):
        cls = type(record)
        for field in _worded(cls):
            wording = getattr(record, field.name)
            target = kind_of(field).of
            value = None if target is None else getattr(record, target)
            if wording and value is not None:
                _compare(ctx, f"{path}/{target}", wording, value, lang, months)
        for field in _periods(cls):
            period = getattr(record, field.name)
            if isinstance(period, Period) and period.as_written:
                _compare(ctx, f"{path}/{field.name}", period.as_written, period, lang, months)
    for s, schedule in enumerate(agreement.schedules):
        _check_tasks(ctx, s, schedule, lang, months)


def _check_tasks(
    ctx: Context, s: int, schedule: TaskSchedule, lang: str | None, months: int
) -> None:
    """The tasks' periods, each distinct worded period read once (tasks often share one).

    A task has no wording field of its own (a test holds it to that); its periods keep theirs.
    """
    tasks = schedule.tasks
    if not tasks or has_unworded_periods(schedule):  # the loader saw no task period's wording
        return
    for field in _periods(type(tasks[0])):
        read = attrgetter(field.name)
        if not any(map(_AS_WRITTEN, filter(None, map(read, tasks)))):  # in C: usually none
            continue
        values = list(map(read, tasks))
        distinct = {id(v): v for v in values if v is not None and v.as_written}
        for key, period in distinct.items():
            message = _disagreement(period.as_written, period, lang, months)
            if message is None:
                continue
            for t, value in enumerate(values):
                if id(value) == key:
                    path = f"/schedules/{s}/tasks/{t}/{field.name}"
                    ctx.add("wording-mismatch", path, message, _HINT)
