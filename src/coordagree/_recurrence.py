"""Recurrence rules: RFC 5545 RRULE text, checked and expanded with ``dateutil.rrule``."""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

import attrs
import pendulum
from dateutil import rrule as _rrule

from coordagree._period import Period
from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = ["Recurrence", "recurrence_window", "rule_parts", "without_parts"]


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


def _check_rule(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"'{attribute.name}' must be RRULE text such as 'FREQ=YEARLY' (got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-rrule",
        )
    parts = rule_parts(value)
    problem = None
    if "FREQ" not in parts:
        problem = "it has no FREQ"
    elif "DTSTART" in parts:
        problem = "DTSTART is not an RRULE part: the start comes from the task or schedule"
    else:
        try:
            _compile(value, pendulum.Date(2000, 1, 1))
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            problem = str(exc) or type(exc).__name__
    if problem:
        raise InvalidValueError(
            f"'{attribute.name}' must be an RFC 5545 RRULE (got {value!r}: {problem})",
            field=attribute.name,
            value=value,
            code="bad-rrule",
            hint="for example FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15 or FREQ=MONTHLY;INTERVAL=3",
        )


def _compile(rule: str, dtstart: pendulum.Date) -> _rrule.rrule:
    # dateutil deprecates COUNT together with UNTIL (RFC 5545 forbids it); such a rule is
    # reported by validation, and expanded here as if UNTIL were absent.
    parts = rule_parts(rule)
    text = _without_until(rule) if "COUNT" in parts and "UNTIL" in parts else rule
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
        """The days the rule falls on from ``dtstart`` (or ``after``) to ``until``, inclusive."""
        return list(_dates(self.rule, dtstart, after or dtstart, until))

    def first(self, dtstart: pendulum.Date) -> pendulum.Date | None:
        """The first day the rule falls on, counted from ``dtstart``; None if it never does."""
        return _first(self.rule, dtstart)

    def falls_within(self, start: pendulum.Date, end: pendulum.Date) -> bool:
        """Whether the rule, counted from ``start``, falls on any day up to ``end``.

        Answers without expanding the whole window, and remembers the answer: programmes
        repeat the same few rules over the same few windows.
        """
        return _falls_within(self.rule, start, end)


@functools.lru_cache(maxsize=4096)  # the tasks of a programme share a few rules and windows
def _dates(
    rule: str, dtstart: pendulum.Date, low: pendulum.Date, until: pendulum.Date
) -> tuple[pendulum.Date, ...]:
    hits = _compile(rule, dtstart).between(
        _dt.datetime(low.year, low.month, low.day),
        _dt.datetime(until.year, until.month, until.day),
        inc=True,
    )
    return tuple(pendulum.Date(hit.year, hit.month, hit.day) for hit in hits)


@functools.lru_cache(maxsize=4096)
def _count_and_until(rule: str) -> bool:
    parts = rule_parts(rule)
    return "COUNT" in parts and "UNTIL" in parts


@functools.lru_cache(maxsize=4096)
def _first(rule: str, start: pendulum.Date) -> pendulum.Date | None:
    hit = _compile(rule, start).after(_dt.datetime(start.year, start.month, start.day), inc=True)
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
