"""iCalendar (RFC 5545): tasks as VTODO, events and reviews as VEVENT, recurrences as RRULEs."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pendulum

from coordagree._agenda import event_span
from coordagree._agreement import Agreement
from coordagree._period import Period
from coordagree._recurrence import Recurrence, expansions_of, rule_parts, without_parts
from coordagree._text import Text
from coordagree._windows import review_window, task_window
from coordagree.errors import MissingExtraError

__all__ = ["to_ics", "uid"]


def uid(agreement: Agreement, kind: str, item: str) -> str:
    """A stable iCalendar UID for an item, so re-importing updates rather than duplicates."""
    return f"{kind}-{item}@{agreement.id}.coordagree"


def _stamp(agreement: Agreement) -> pendulum.DateTime:
    for source in agreement.sources:  # the first publication stated to the moment
        moment = source.published.moment if source.published is not None else None
        if moment is not None:
            return moment.in_timezone("UTC")
    start = agreement.period.start if agreement.period is not None else None
    start = start or pendulum.Date(1970, 1, 1)
    return pendulum.datetime(start.year, start.month, start.day, tz="UTC")


def _series(rules: tuple[Recurrence, ...], frame: Period | None) -> list[tuple[pendulum.Date, str]]:
    """(first day, RRULE text) of each rule that falls in ``frame``, as a calendar must see it.

    RFC 5545 counts DTSTART as the first instance and repeats a rule without COUNT or UNTIL for
    ever, so each rule starts at its first occurrence and stops at its last one inside the window
    (COUNT becomes the number of occurrences there; otherwise UNTIL is the last day). Anchored at
    its own first occurrence, a rule falls on the same days as it does from the window's start.
    In an open-ended window (an MOU "until cancelled") a rule keeps no end but its own.
    """
    if frame is None or frame.start is None:
        return []
    found = []
    for rule in rules:
        if frame.end is None:
            first = rule.first(frame.start)
            if first is not None:
                text = without_parts(rule.rule, "UNTIL") if rule.has_count_and_until else rule.rule
                found.append((first, text))
            continue
        first = rule.first(frame.start)
        if first is None or first > frame.end:
            continue
        if "COUNT" in rule_parts(rule.rule):  # counted, within the occurrence budget
            bound = f"COUNT={len(rule.dates(frame.start, frame.end))}"
        else:  # the last day alone: nothing is expanded
            last = rule.last(frame.start, frame.end)
            bound = f"UNTIL={last.year:04d}{last.month:02d}{last.day:02d}" if last else ""
        found.append((first, f"{without_parts(rule.rule, 'COUNT', 'UNTIL')};{bound}"))
    return found


_LAST_DAY = pendulum.Date(9999, 12, 31)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def _text(value: str) -> str:
    r"""Text as RFC 5545 §3.3.11 lets a TEXT value hold it; icalendar escapes the rest.

    Every line break becomes a newline (which icalendar writes as ``\n``), and no other
    control character is kept.
    """
    return _CONTROLS.sub("", _BREAKS.sub("\n", value))


def to_ics(agreement: Agreement) -> bytes:
    """The agreement as an iCalendar file: tasks as VTODO, events and reviews as VEVENT.

    Recurrences stay RRULEs (not expanded), each starting at its first occurrence and ending
    with its window (the item's due period, else its schedule's, else the agreement's), so a
    calendar shows exactly the days `occurrences` gives. An item with several rules becomes one
    component per rule. UIDs derive from the agreement's and items' ids (``task-ID@AGREEMENT``,
    with ``-2``, ``-3``, ... for an item's further rules), so re-importing updates rather than
    duplicates. Dates are all-day values, so nothing shifts across midnight; output is
    deterministic (DTSTAMP is the first source's publication moment, else the period's start).

    Raises:
        MissingExtraError: ``icalendar`` is not installed (``pip install 'coordagree[ics]'``).
    """
    try:
        import icalendar
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError(
            "iCalendar export needs icalendar: pip install 'coordagree[ics]'"
        ) from None
    with expansions_of(agreement):  # released with the agreement
        return _calendar(agreement, icalendar)


def _calendar(agreement: Agreement, icalendar: Any) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//coordagree//coordagree//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", icalendar.vText(_text(agreement.name)))  # X-: not escaped else
    calendar.add("x-wr-timezone", agreement.timezone)
    stamp = _stamp(agreement)

    def component(cls: Any, kind: str, item: str, summary: Text, nth: int = 1) -> Any:
        made = cls()
        made.add("uid", uid(agreement, kind, item if nth == 1 else f"{item}-{nth}"))
        made.add("dtstamp", stamp)
        made.add("summary", _text(summary.value))
        return made

    for schedule in agreement.schedules:
        for task in schedule.tasks:

            def todo(nth: int = 1, task: Any = task, schedule: Any = schedule) -> Any:
                made = component(icalendar.Todo, "task", task.id, task.title, nth)
                if task.description is not None:
                    made.add("description", _text(task.description.value))
                made.add("status", task.status.value.upper())
                if task.actual is not None and task.actual.end is not None:
                    end = task.actual.end
                    made.add("completed", pendulum.datetime(end.year, end.month, end.day, tz="UTC"))
                made.add("categories", [schedule.id])
                return made

            if task.recurrence:
                frame = task_window(agreement, schedule, task)
                for nth, (first, rule) in enumerate(_series(task.recurrence, frame), 1):
                    made = todo(nth)
                    made.add("dtstart", first)
                    made.add("due", first)
                    made.add("rrule", icalendar.vRecur.from_ical(rule))
                    calendar.add_component(made)
                continue
            made = todo()
            if task.due is not None:
                if task.due.start is not None:
                    made.add("dtstart", task.due.start)
                if task.due.end is not None:
                    made.add("due", task.due.end)
            calendar.add_component(made)
    for review in agreement.reviews:
        title = review.title or Text(f"{review.kind.value} review")
        if review.recurrence:
            frame = review_window(agreement, review)
            for nth, (first, rule) in enumerate(_series(review.recurrence, frame), 1):
                vevent = component(icalendar.Event, "review", review.id, title, nth)
                vevent.add("dtstart", first)
                vevent.add("rrule", icalendar.vRecur.from_ical(rule))
                calendar.add_component(vevent)
        elif review.due is not None and review.due.end is not None:
            vevent = component(icalendar.Event, "review", review.id, title)
            vevent.add("dtstart", review.due.end)
            calendar.add_component(vevent)
    for event in agreement.events:
        if event.start is None and event.date is None:
            continue  # no date at all: nothing a calendar can show
        vevent = component(icalendar.Event, "event", event.id, event.title or Text(event.kind))
        if event.start is not None:
            # in UTC: a TZID of "+07:00" names no VTIMEZONE, and readers take it as floating
            vevent.add("dtstart", event.start.in_timezone("UTC"))
        else:
            assert event.date is not None
            span = event_span(event.date)  # a day, or all of "March 1992": no day invented
            assert span.start is not None
            assert span.end is not None
            vevent.add("dtstart", span.start)
            if span.end != span.start and span.end < _LAST_DAY:
                vevent.add("dtend", span.end.add(days=1))
            elif span.end != span.start:  # the day after 9999-12-31 has no date: a duration
                vevent.add("duration", _dt.timedelta(days=(span.end - span.start).days + 1))
        if event.place is not None:
            vevent.add("location", _text(event.place.value))
        if event.summary is not None:
            vevent.add("description", _text(event.summary.value))
        calendar.add_component(vevent)
    return bytes(calendar.to_ical())
