"""Recurrence rules: RFC 5545 RRULE text, checked and expanded with ``dateutil.rrule``."""

from __future__ import annotations

import bisect
import collections
import contextlib
import contextvars
import datetime as _dt
import functools
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
from dateutil import rrule as _rrule

from coordagree._budget import current_budget
from coordagree._period import Period
from coordagree.errors import InvalidTypeError, InvalidValueError, OccurrenceBudgetError

__all__ = ["Recurrence", "expansions_of", "recurrence_window", "rule_parts", "without_parts"]


def rule_parts(rule: str) -> dict[str, str]:
    """The parts of RRULE text by upper-case name: ``{"FREQ": "YEARLY", ...}``."""
    parts: dict[str, str] = {}
    for chunk in rule.split(";"):
        name, sep, value = chunk.partition("=")
        parts[name.strip().upper()] = value.strip() if sep else ""
    return parts


def without_parts(rule: str, *names: str) -> str:
    """``rule`` with its ``names`` parts (upper-case, such as ``"UNTIL"``) left out."""
    return ";".join(c for c in rule.split(";") if c.partition("=")[0].strip().upper() not in names)


def _without_until(rule: str) -> str:
    return without_parts(rule, "UNTIL")


def _strip_prefix(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if value.upper().startswith("RRULE:"):
            value = value[len("RRULE:") :]
    return value


_DAY_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_MAX_INTERVAL = 10_000
# Parts that pick a time of day: occurrences are days, so a day's times make one occurrence.
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's in a leap year


def _numbers(text: str) -> list[int] | None:
    try:
        return [int(item) for item in text.split(",") if item.strip()]
    except ValueError:
        return None


def _never_falls(parts: dict[str, str]) -> str | None:
    """Why a rule can fall on no day at all, found from its parts alone; None when it can.

    A day of the month that no month named has (30 February, 31 April) or a day of the year
    past 366 never comes; dateutil would search for one up to the year 9999.
    """
    months = _numbers(parts.get("BYMONTH", "")) or list(range(1, 13))
    days = _numbers(parts.get("BYMONTHDAY", ""))
    if days and not any(
        0 < abs(day) <= _MONTH_DAYS[month - 1]
        for month in months
        if 1 <= month <= 12
        for day in days
    ):
        return "no month it names has the days of the month it names"
    yeardays = _numbers(parts.get("BYYEARDAY", ""))
    if yeardays and not any(0 < abs(day) <= 366 for day in yeardays):
        return "a year has at most 366 days"
    return None


def _check_rule(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"'{attribute.name}' must be RRULE text such as 'FREQ=YEARLY' (got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-rrule",
        )
    parts = rule_parts(value)
    interval = parts.get("INTERVAL", "1")
    problem = None
    hint = "for example FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15 or FREQ=MONTHLY;INTERVAL=3"
    if "FREQ" not in parts:
        problem = "it has no FREQ"
    elif "DTSTART" in parts:
        problem = "DTSTART is not an RRULE part: the start comes from the task or schedule"
    elif parts["FREQ"].upper() in ("HOURLY", "MINUTELY", "SECONDLY"):
        problem = f"occurrences are days, so FREQ={parts['FREQ'].upper()} cannot be one"
        hint = "use FREQ=DAILY; a time of day can be given with BYHOUR, which calendars keep"
    elif not interval.isdigit() or not 1 <= int(interval) <= _MAX_INTERVAL:
        problem = f"INTERVAL must be a whole number from 1 to {_MAX_INTERVAL} (got {interval!r})"
    elif (why := _never_falls(parts)) is not None:
        problem = f"it never falls on any day: {why}"
    else:
        try:
            _compile(value, pendulum.Date(2000, 1, 1))
        except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
            problem = str(exc) or type(exc).__name__
    if problem:
        raise InvalidValueError(
            f"'{attribute.name}' must be an RFC 5545 RRULE (got {value!r}: {problem})",
            field=attribute.name,
            value=value,
            code="bad-rrule",
            hint=hint,
        )


def _compile(rule: str, dtstart: pendulum.Date) -> _rrule.rrule:
    # dateutil deprecates COUNT together with UNTIL (RFC 5545 forbids it); such a rule is
    # reported by validation, and expanded here as if UNTIL were absent. Occurrences are days:
    # parts that pick times of day are left out of the expansion (calendars keep them).
    parts = rule_parts(rule)
    dropped = [*_TIME_PARTS, *(("UNTIL",) if "COUNT" in parts and "UNTIL" in parts else ())]
    text = without_parts(rule, *dropped) if any(p in parts for p in dropped) else rule
    start = _dt.datetime(dtstart.year, dtstart.month, dtstart.day)
    compiled = _rrule.rrulestr(text, dtstart=start, ignoretz=True)
    if not isinstance(compiled, _rrule.rrule):  # pragma: no cover - rrulestr of one RRULE
        raise ValueError("expected a single RRULE")
    return compiled


@attrs.frozen
class Recurrence:
    """How a task or review repeats: one RFC 5545 RRULE, such as ``FREQ=YEARLY;BYMONTH=12``.

    The rule starts (DTSTART) where its task's or review's window starts; occurrences are days.

    Attributes:
        rule: The RRULE text, without the ``RRULE:`` prefix.
    """

    rule: str = attrs.field(converter=_strip_prefix, validator=_check_rule)

    def __str__(self) -> str:
        return self.rule

    @property
    def has_count_and_until(self) -> bool:
        """True when the rule has both COUNT and UNTIL, which RFC 5545 forbids."""
        return _count_and_until(self.rule)

    def dates(
        self, dtstart: pendulum.Date, until: pendulum.Date, *, after: pendulum.Date | None = None
    ) -> list[pendulum.Date]:
        """The days the rule falls on from ``dtstart`` (or ``after``) to ``until``, inclusive.

        Raises:
            OccurrenceBudgetError: more days than the budget's ``per_rule`` (100,000 unless
                set with `coordagree.occurrence_budget`).
        """
        return list(_dates(self.rule, dtstart, after or dtstart, until))

    def first(self, dtstart: pendulum.Date) -> pendulum.Date | None:
        """The first day the rule falls on, counted from ``dtstart``; None if it never does."""
        return _first(self.rule, dtstart)

    def dates_before(
        self, dtstart: pendulum.Date, end: pendulum.Date, until: pendulum.Date
    ) -> list[pendulum.Date]:
        """`dates` from ``dtstart`` to ``until``, taken from the expansion up to ``end``.

        The same window (``dtstart`` to ``end``, an item's whole window) is expanded once and
        kept, whatever ``until`` each call asks about, so a question asked for many days costs
        one expansion; a window over the budget is expanded to ``until`` only.
        """
        if until >= end:
            return self.dates(dtstart, min(until, end))
        whole = _whole(self.rule, dtstart, end)
        if whole is None:
            return self.dates(dtstart, until)
        return list(whole[: bisect.bisect_right(whole, until)])

    def latest(
        self, dtstart: pendulum.Date, end: pendulum.Date | None, until: pendulum.Date
    ) -> tuple[int, pendulum.Date] | None:
        """The last day on or before ``until`` (in the window ending ``end``) and its index."""
        whole = _whole(self.rule, dtstart, end) if end is not None and until < end else None
        days: Any = whole if whole is not None else _dates(self.rule, dtstart, dtstart, until)
        count = bisect.bisect_right(days, until)
        return (count - 1, days[count - 1]) if count else None

    def last(self, dtstart: pendulum.Date, until: pendulum.Date) -> pendulum.Date | None:
        """The last day the rule falls on from ``dtstart`` to ``until``, found with no expansion."""
        return _last(self.rule, dtstart, until)

    def falls_within(self, start: pendulum.Date, end: pendulum.Date) -> bool:
        """Whether the rule, counted from ``start``, falls on any day up to ``end``.

        Answers without expanding the whole window, and remembers the answer: programmes
        repeat the same few rules over the same few windows.
        """
        return _falls_within(self.rule, start, end)


class _DaysCache:
    """Expansions by (owner, rule, start, from, to), bounded by the days held, not by entries.

    Programmes repeat the same few rules over the same few windows, so expansions are kept; a
    long one (over `_LONGEST` days) is not, and the oldest go once `_MOST` days are held. An
    expansion made for an agreement (inside `expansions_of`) is released with it.
    """

    _MOST = 1_000_000  # about 64 MB of dates
    _LONGEST = 100_000  # the default budget for one rule

    def __init__(self) -> None:
        self._kept: collections.OrderedDict[Any, tuple[pendulum.Date, ...]] = (
            collections.OrderedDict()
        )
        self._owned: dict[int, set[Any]] = {}
        self._held = 0
        self._lock = threading.Lock()

    def get(self, key: Any) -> tuple[pendulum.Date, ...] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: Any, days: tuple[pendulum.Date, ...]) -> None:
        if len(days) > self._LONGEST:
            return
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = days
            self._held += len(days) + 1
            if key[0]:
                self._owned.setdefault(key[0], set()).add(key)
            while self._held > self._MOST:
                old, dropped = self._kept.popitem(last=False)
                self._forget(old, dropped)

    def _forget(self, key: Any, days: tuple[pendulum.Date, ...]) -> None:
        self._held -= len(days) + 1
        if key[0] and key[0] in self._owned:
            self._owned[key[0]].discard(key)

    def release(self, owner: int) -> None:
        """Drop every expansion made for ``owner`` (an agreement that is gone)."""
        with self._lock:
            for key in self._owned.pop(owner, ()):
                days = self._kept.pop(key, None)
                if days is not None:
                    self._held -= len(days) + 1

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._owned.clear()
            self._held = 0


_CACHE = _DaysCache()
_OWNER: contextvars.ContextVar[int] = contextvars.ContextVar("expansions_owner", default=0)
_WATCHED: set[int] = set()
_WATCHING = threading.Lock()


@contextlib.contextmanager
def expansions_of(owner: object) -> Iterator[None]:
    """Keep the expansions made in this block for ``owner``, and release them when it dies."""
    key = id(owner)
    with _WATCHING:
        if key not in _WATCHED:
            _WATCHED.add(key)
            weakref.finalize(owner, _released, key)
    token = _OWNER.set(key)
    try:
        yield
    finally:
        _OWNER.reset(token)


def _released(key: int) -> None:
    with _WATCHING:
        _WATCHED.discard(key)
    _CACHE.release(key)


def _dates(
    rule: str, dtstart: pendulum.Date, low: pendulum.Date, until: pendulum.Date
) -> tuple[pendulum.Date, ...]:
    most = current_budget().per_rule
    key = (_OWNER.get(), rule, dtstart, low, until)
    days = _CACHE.get(key)
    if days is None:
        days = _expand_days(rule, dtstart, low, until, most)
        _CACHE.put(key, days)
    if len(days) > most:
        raise _over_budget(rule, dtstart, until, most)
    return days


_TOO_LONG: set[tuple[str, pendulum.Date, pendulum.Date, int]] = set()  # over the budget


def _whole(
    rule: str, dtstart: pendulum.Date, end: pendulum.Date
) -> tuple[pendulum.Date, ...] | None:
    """Every day from ``dtstart`` to ``end``, or None when that is over the per-rule budget."""
    most = current_budget().per_rule
    if (rule, dtstart, end, most) in _TOO_LONG:
        return None
    try:
        return _dates(rule, dtstart, dtstart, end)
    except OccurrenceBudgetError:
        if len(_TOO_LONG) > 4096:
            _TOO_LONG.clear()
        _TOO_LONG.add((rule, dtstart, end, most))
        return None


def _expand_days(
    rule: str, dtstart: pendulum.Date, low: pendulum.Date, until: pendulum.Date, most: int
) -> tuple[pendulum.Date, ...]:
    """The days from ``low`` to ``until``, stopping past ``most``: the cost is what it gives."""
    end = _dt.datetime(until.year, until.month, until.day)
    found = []
    for hit in _compile(rule, dtstart).xafter(_dt.datetime(low.year, low.month, low.day), inc=True):
        if hit > end:
            break
        found.append(pendulum.Date(hit.year, hit.month, hit.day))
        if len(found) > most:
            raise _over_budget(rule, dtstart, until, most)
    return tuple(found)


def _over_budget(
    rule: str, dtstart: pendulum.Date, until: pendulum.Date, most: int
) -> OccurrenceBudgetError:
    return OccurrenceBudgetError(
        f"the rule {rule!r} falls more than {most} times from {dtstart} to {until}: ask about a "
        "shorter window, or raise the budget with coordagree.occurrence_budget(per_rule=...)",
        budget=most,
    )


@functools.lru_cache(maxsize=4096)
def _count_and_until(rule: str) -> bool:
    parts = rule_parts(rule)
    return "COUNT" in parts and "UNTIL" in parts


@functools.lru_cache(maxsize=4096)
def _first(rule: str, start: pendulum.Date) -> pendulum.Date | None:
    hit = _compile(rule, start).after(_dt.datetime(start.year, start.month, start.day), inc=True)
    return None if hit is None else pendulum.Date(hit.year, hit.month, hit.day)


@functools.lru_cache(maxsize=4096)
def _last(rule: str, start: pendulum.Date, until: pendulum.Date) -> pendulum.Date | None:
    end = _dt.datetime(until.year, until.month, until.day)
    hit = _compile(rule, start).before(end, inc=True)
    return None if hit is None else pendulum.Date(hit.year, hit.month, hit.day)


def _falls_within(rule: str, start: pendulum.Date, end: pendulum.Date) -> bool:
    first = _first(rule, start)
    return first is not None and first <= end


@functools.lru_cache(maxsize=1024)  # periods are immutable; items share a few windows
def recurrence_window(due: Period | None, *outer: Period | None) -> Period | None:
    """The window a recurring item repeats in, from its due window and then the outer ones.

    It starts where the first of them with a known start starts, and ends where the first with
    an end ends; it is open-ended (no end) when none has one, as an MOU "until cancelled"
    is. None when no start is known: such a recurrence cannot be anchored.
    """
    candidates = [p for p in (due, *outer) if p is not None]
    start = next((p.start for p in candidates if p.start is not None), None)
    end = next((p.end for p in candidates if p.end is not None), None)
    if start is None or (end is not None and end < start):
        return None
    return Period(start=start, end=end)
