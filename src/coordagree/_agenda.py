"""Time questions over an agreement: occurrences in a window, the agenda, what is due or overdue.

Recurrences expand with ``dateutil.rrule`` from the start of their item's window (the due
window, else the schedule's or agreement's period). Dates are calendar days in the agreement's
time zone and are never shifted across midnight. A task due "within 2023" falls due on the last
day of 2023.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum

from coordagree._agreement import Agreement
from coordagree._codelists import TaskStatus
from coordagree._gc import collector_paused
from coordagree._period import Period
from coordagree._recurrence import Recurrence, recurrence_window
from coordagree._text import Text
from coordagree.errors import InvalidArgumentError

__all__ = [
    "Agenda",
    "Occurrence",
    "Workload",
    "agenda",
    "due",
    "occurrences",
    "overdue",
    "workload",
]

_KIND_ORDER = {"event": 0, "review": 1, "task": 2}


@attrs.frozen(kw_only=True)
class Occurrence:
    """One dated appearance of a task, review or event.

    Attributes:
        kind: ``"task"``, ``"review"`` or ``"event"``.
        item: The id of the task, review or event.
        title: Its title.
        date: The day it falls due or takes place; None for an undated task.
        window: The task's or review's due window, where it has one.
        owners: Ids of the parties answerable for this occurrence (rotation applied).
        parties: Every party id involved (owners, executor, partners, hosts, organiser).
        index: Which occurrence of a recurring item this is (0 for the first).
        schedule: Id of the task's schedule.
        status: The task's status, where it is a task.
    """

    kind: str
    item: str
    title: Text
    date: pendulum.Date | None
    window: Period | None = None
    owners: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    index: int = 0
    schedule: str | None = None
    status: TaskStatus | None = None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Date first, then events before reviews before tasks, then id and index."""
        day = self.date or pendulum.Date.max
        return (day, _KIND_ORDER[self.kind], self.item, self.index)


@attrs.frozen
class Agenda:
    """The occurrences in a window, sorted, and the tasks that have no date at all.

    Attributes:
        window: The window asked for.
        items: Dated occurrences within the window, sorted by `Occurrence.sort_key`.
        undated: Tasks with no due date: listed, not dropped.
    """

    window: Period
    items: tuple[Occurrence, ...]
    undated: tuple[Occurrence, ...]

    def __iter__(self) -> Iterator[Occurrence]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _require_window(window: object) -> Period:
    if not isinstance(window, Period):
        raise InvalidArgumentError(f"'window' must be a Period (got {window!r})", argument="window")
    if window.end is None:
        raise InvalidArgumentError(
            "'window' must have an end: an open-ended window has endless occurrences",
            argument="window",
        )
    return window


def _require_day(value: object, argument: str) -> pendulum.Date:
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidArgumentError(
            f"'{argument}' must be a date such as pendulum.date(2024, 1, 1) (got {value!r})",
            argument=argument,
        )
    return pendulum.Date(value.year, value.month, value.day)


def _expand(
    rules: tuple[Recurrence, ...], frame: Period, window: Period
) -> list[tuple[int, pendulum.Date]]:
    """(index, day) of each occurrence in ``window``, indexed from ``frame``'s start."""
    assert window.end is not None
    assert frame.end is not None
    until = min(window.end, frame.end)
    if until < frame.start or until < window.start:  # no day of the frame is in the window
        return []
    days = sorted({day for rule in rules for day in rule.dates(frame.start, until)})
    return [(index, day) for index, day in enumerate(days) if day >= window.start]


def _task_occurrences(
    agreement: Agreement, window: Period, *, undated: bool = False
) -> Iterator[Occurrence]:
    """The tasks' dated occurrences in ``window``; with ``undated``, the undated tasks."""
    first, last = window.start, window.end
    assert last is not None  # a closed window
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            due = task.due
            days: list[tuple[int, pendulum.Date | None]]
            if undated:
                if due is not None or task.recurrence:
                    continue
                days = [(0, None)]
            elif task.recurrence:
                frame = recurrence_window(due, schedule.period, agreement.period)
                if frame is None:
                    continue
                days = list(_expand(task.recurrence, frame, window))
            elif due is not None and due.end is not None and first <= due.end <= last:
                days = [(0, due.end)]
            else:
                continue  # most tasks, in a short window: nothing is built for them
            involved = tuple(
                dict.fromkeys(
                    [
                        *task.owners,
                        *task.rotation,
                        *([task.executor] if task.executor else []),
                        *task.partners,
                    ]
                )
            )
            for index, day in days:
                yield Occurrence(
                    kind="task",
                    item=task.id,
                    title=task.title,
                    date=day,
                    window=due,
                    owners=task.owner_for(index) if task.recurrence else task.owners,
                    parties=involved,
                    index=index,
                    schedule=schedule.id,
                    status=task.status,
                )


def _review_occurrences(agreement: Agreement, window: Period) -> Iterator[Occurrence]:
    for review in agreement.reviews:
        base: dict[str, Any] = {
            "kind": "review",
            "item": review.id,
            "title": review.title or Text(f"{review.kind.value} review"),
            "window": review.due,
        }
        if review.recurrence:
            frame = recurrence_window(review.due, agreement.period)
            if frame is None:
                continue
            for index, day in _expand(review.recurrence, frame, window):
                owners = review.hosts_for(index)
                yield Occurrence(date=day, owners=owners, parties=owners, index=index, **base)
        elif (
            review.due is not None
            and review.due.end is not None
            and window.contains(review.due.end)
        ):
            yield Occurrence(date=review.due.end, owners=review.hosts, parties=review.hosts, **base)


def _event_occurrences(agreement: Agreement, window: Period) -> Iterator[Occurrence]:
    for event in agreement.events:
        if window.contains(event.date):
            organiser = (event.organiser,) if event.organiser else ()
            yield Occurrence(
                kind="event",
                item=event.id,
                title=event.title or Text(event.kind),
                date=event.date,
                owners=organiser,
                parties=organiser,
            )


def occurrences(agreement: Agreement, window: Period) -> list[Occurrence]:
    """Every dated occurrence of a task, review or event within ``window``, sorted.

    Recurring items expand from the start of their own window, so the occurrences of a window
    equal those of its pieces, concatenated.

    Raises:
        InvalidArgumentError: ``window`` is not a closed `Period`.
    """
    window = _require_window(window)
    with collector_paused():  # an occurrence per task: many objects, no cycles
        found = [
            *_task_occurrences(agreement, window),  # dated ones only, by default
            *_review_occurrences(agreement, window),
            *_event_occurrences(agreement, window),
        ]
        return sorted(found, key=lambda o: o.sort_key)


def _party_filter(agreement: Agreement, party: str | None) -> set[str] | None:
    if party is None:
        return None
    if not isinstance(party, str):
        raise InvalidArgumentError(f"'party' must be a party id (got {party!r})", argument="party")
    try:
        agreement.party(party)
    except InvalidArgumentError:
        raise InvalidArgumentError(
            f"'party': the agreement has no party with id {party!r}", argument="party"
        ) from None
    return {party, *(p.id for p in agreement.sub_bodies(party))}


def agenda(agreement: Agreement, window: Period, party: str | None = None) -> Agenda:
    """The occurrences in ``window``, optionally only those of ``party`` and its sub-bodies.

    Raises:
        InvalidArgumentError: ``window`` is not a closed `Period`, or ``party`` is unknown.

    Examples:
        >>> import coordagree
        >>> seed = coordagree.seed_programme()
        >>> [(o.item, str(o.date)) for o in agenda(seed, Period.parse("2023"), party="tand")]
        [('2023-tand', '2023-12-31')]
    """
    window = _require_window(window)
    wanted = _party_filter(agreement, party)

    def mine(occurrence: Occurrence) -> bool:
        return wanted is None or bool(wanted.intersection(occurrence.parties))

    with collector_paused():  # an occurrence per task: many objects, no cycles
        items = tuple(o for o in occurrences(agreement, window) if mine(o))
        undated = tuple(o for o in _task_occurrences(agreement, window, undated=True) if mine(o))
        return Agenda(window, items, undated)


_CLOSED = (TaskStatus.COMPLETED, TaskStatus.CANCELLED)


def due(agreement: Agreement, as_of: pendulum.Date, party: str | None = None) -> list[Occurrence]:
    """Tasks owed as of ``as_of``: their due window has begun and they were not yet done.

    A one-off task is due from the first day of its due window until it is completed or
    cancelled (by its status history, or its current status). A recurring task is due for its
    latest occurrence on or before ``as_of``. Undated tasks are never due.

    Raises:
        InvalidArgumentError: ``as_of`` is not a date, or ``party`` is unknown.
    """
    day = _require_day(as_of, "as_of")
    wanted = _party_filter(agreement, party)
    with collector_paused():  # an occurrence per task: many objects, no cycles
        return sorted(_owed(agreement, day, wanted), key=lambda o: o.sort_key)


def _owed(agreement: Agreement, day: pendulum.Date, wanted: set[str] | None) -> list[Occurrence]:
    found: list[Occurrence] = []
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            if task.status_on(day) in _CLOSED:
                continue
            if wanted is not None and not wanted.intersection(
                [*task.owners, *task.rotation, *task.partners, task.executor or ""]
            ):
                continue
            involved = tuple(dict.fromkeys([*task.owners, *task.rotation]))
            if task.recurrence:
                frame = recurrence_window(task.due, schedule.period, agreement.period)
                if frame is None or frame.start > day:
                    continue
                hits = _expand(task.recurrence, frame, Period(start=frame.start, end=day))
                if not hits:
                    continue
                index, when = hits[-1]
                owners = task.owner_for(index)
            elif task.due is not None and task.due.start <= day and task.due.end is not None:
                index, when, owners = 0, task.due.end, task.owners
            else:
                continue
            found.append(
                Occurrence(
                    kind="task",
                    item=task.id,
                    title=task.title,
                    date=when,
                    window=task.due,
                    owners=owners,
                    parties=involved,
                    index=index,
                    schedule=schedule.id,
                    status=task.status_on(day),
                )
            )
    return found


def overdue(
    agreement: Agreement, as_of: pendulum.Date, party: str | None = None
) -> list[Occurrence]:
    """The `due` tasks whose due day is already past on ``as_of``.

    Raises:
        InvalidArgumentError: ``as_of`` is not a date, or ``party`` is unknown.
    """
    day = _require_day(as_of, "as_of")
    return [o for o in due(agreement, day, party) if o.date is not None and o.date < day]


@attrs.frozen
class Workload:
    """How many tasks a party is involved in, by status and by schedule.

    Attributes:
        party: The party's id.
        total: Tasks it owns, executes, partners in or hosts in turn.
        by_status: Count per `TaskStatus` value.
        by_schedule: Count per schedule id.
    """

    party: str
    total: int
    by_status: dict[str, int] = attrs.field(eq=True, hash=False)
    by_schedule: dict[str, int] = attrs.field(eq=True, hash=False)


def workload(agreement: Agreement) -> list[Workload]:
    """A workload summary for every party, in the order the parties are listed."""
    status: dict[str, Counter[str]] = {p.id: Counter() for p in agreement.parties}
    schedules: dict[str, Counter[str]] = {p.id: Counter() for p in agreement.parties}
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            involved = {*task.owners, *task.rotation, *task.partners}
            if task.executor:
                involved.add(task.executor)
            for party in involved & status.keys():
                status[party][task.status.value] += 1
                schedules[party][schedule.id] += 1
    return [
        Workload(
            party=p.id,
            total=sum(status[p.id].values()),
            by_status=dict(status[p.id]),
            by_schedule=dict(schedules[p.id]),
        )
        for p in agreement.parties
    ]
