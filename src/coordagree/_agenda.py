"""Time questions over an agreement: occurrences in a window, the agenda, what is due or overdue.

Recurrences expand with ``dateutil.rrule`` from the start of their item's window (the due
window, else the schedule's or agreement's period). Dates are calendar days in the agreement's
time zone and are never shifted across midnight. A task due "within 2023" falls due on the last
day of 2023.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any, Generic

import attrs
import pendulum
from typing_extensions import TypeVar

from coordagree._agreement import Agreement
from coordagree._budget import current_budget
from coordagree._codelists import TaskStatus
from coordagree._gc import collector_paused
from coordagree._partial_date import PartialDate
from coordagree._period import DatePrecision, Period
from coordagree._recurrence import Recurrence, expansions_of
from coordagree._tasks import Task
from coordagree._text import Text
from coordagree._windows import review_window, task_window
from coordagree.errors import InvalidArgumentError, OccurrenceBudgetError

__all__ = [
    "Agenda",
    "Occurrence",
    "Workload",
    "agenda",
    "due",
    "event_span",
    "occurrences",
    "overdue",
    "workload",
]

_KIND_ORDER = {"event": 0, "review": 1, "task": 2}

# The type of an occurrence's day: `due` and `overdue` always know it (Occurrence[Date]); a
# bare `Occurrence` is one that may not (an undated task), as `occurrences` gives.
_Day = TypeVar("_Day", bound=pendulum.Date | None, default=pendulum.Date | None, covariant=True)


@attrs.frozen(kw_only=True)
class Occurrence(Generic[_Day]):
    """One dated appearance of a task, review or event.

    Generic in its day's type: `due` and `overdue` return ``Occurrence[pendulum.Date]``, whose
    `date` a type checker knows is set; a bare ``Occurrence`` may have none.

    Attributes:
        kind: ``"task"``, ``"review"`` or ``"event"``.
        item: The id of the task, review or event.
        title: Its title.
        date: The day it falls due or takes place; None for an undated task, or an event whose
            day is not known (then `window` is the span its date names, "March 1992").
        window: The task's or review's due window, where it has one (an event's span).
        owners: Ids of the parties answerable for this occurrence (rotation applied).
        parties: Every party id involved (owners, executor, partners, hosts, organiser).
        index: Which occurrence of its rule this is (0 for the first).
        rule: The RRULE it comes from, for a recurring item: each rule of an item with several
            ("annual and quarterly reports") keeps its own occurrences, even on the same day.
        schedule: Id of the task's schedule.
        status: The task's status, where it is a task.
    """

    kind: str
    item: str
    title: Text
    date: _Day
    window: Period | None = None
    owners: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    index: int = 0
    rule: Recurrence | None = None
    schedule: str | None = None
    status: TaskStatus | None = None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Date (else the first day of its span), then kind, id, rule and index.

        Events come before reviews before tasks on the same day.
        """
        day: pendulum.Date | None = self.date
        if day is None and self.window is not None:
            day = self.window.start
        return (
            day or pendulum.Date.max,
            _KIND_ORDER[self.kind],
            self.item,
            "" if self.rule is None else self.rule.rule,
            self.index,
        )


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


Hit = tuple[Recurrence, int, pendulum.Date]


def _expand(rules: tuple[Recurrence, ...], frame: Period, window: Period) -> list[Hit]:
    """(rule, index, day) of each occurrence in ``window``, each rule indexed from ``frame``.

    An open-ended ``frame`` (an MOU "until cancelled") repeats up to the end of ``window``.
    """
    assert window.end is not None
    assert frame.start is not None
    until = window.end if frame.end is None else min(window.end, frame.end)
    low = window.start
    if until < frame.start or (low is not None and until < low):
        return []  # no day of the frame is in the window
    if frame.end is None:
        return [
            (rule, index, day)
            for rule in rules
            for index, day in enumerate(rule.dates(frame.start, until))
            if low is None or day >= low
        ]
    return [  # from the expansion of the whole frame, kept: one for every window asked about
        (rule, index, day)
        for rule in rules
        for index, day in enumerate(rule.dates_before(frame.start, frame.end, until))
        if low is None or day >= low
    ]


def _involved(task: Task) -> tuple[str, ...]:
    executor = [task.executor] if task.executor else []
    return tuple(dict.fromkeys([*task.owners, *task.rotation, *executor, *task.partners]))


def _task_occurrences(
    agreement: Agreement, window: Period, *, undated: bool = False
) -> Iterator[Occurrence]:
    """The tasks' dated occurrences in ``window``; with ``undated``, the undated tasks."""
    first, last = window.start, window.end
    assert last is not None  # a closed window
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            due = task.due
            hits: list[tuple[Recurrence | None, int, pendulum.Date | None]]
            if undated:
                if due is not None or task.recurrence:
                    continue
                hits = [(None, 0, None)]
            elif task.recurrence:
                frame = task_window(agreement, schedule, task)
                if frame is None:
                    continue  # reported by validate (unanchored-recurrence)
                hits = list(_expand(task.recurrence, frame, window))
            elif (
                due is not None
                and due.end is not None
                and (first is None or first <= due.end)
                and due.end <= last
            ):
                hits = [(None, 0, due.end)]
            else:
                continue  # most tasks, in a short window: nothing is built for them
            involved = _involved(task)
            for rule, index, day in hits:
                yield Occurrence(
                    kind="task",
                    item=task.id,
                    title=task.title,
                    date=day,
                    window=due,
                    owners=task.owner_for(index) if task.recurrence else task.owners,
                    parties=involved,
                    index=index,
                    rule=rule,
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
            frame = review_window(agreement, review)
            if frame is None:
                continue  # reported by validate (unanchored-recurrence)
            for rule, index, day in _expand(review.recurrence, frame, window):
                owners = review.hosts_for(index)
                yield Occurrence(
                    date=day, owners=owners, parties=owners, index=index, rule=rule, **base
                )
        elif (
            review.due is not None
            and review.due.end is not None
            and window.contains(review.due.end)
        ):
            yield Occurrence(date=review.due.end, owners=review.hosts, parties=review.hosts, **base)


def event_span(date: PartialDate) -> Period:
    """The days an event's date may name, at its precision (a day, or "March 1992")."""
    precision = _SPAN_PRECISION.get(date.precision, DatePrecision.DAY)
    return Period(
        start=date.first_day,
        end=date.last_day,
        start_precision=precision,
        end_precision=precision,
    )


_SPAN_PRECISION = {
    "fiscal-year": DatePrecision.FISCAL_YEAR,
    "year": DatePrecision.YEAR,
    "month": DatePrecision.MONTH,
}


def _event_occurrences(agreement: Agreement, window: Period) -> Iterator[Occurrence]:
    for event in agreement.events:
        if event.start is not None:  # the exact moment: its day in the agreement's zone
            day = agreement.day_of(event.start)
            span = Period(start=day, end=day)
        elif event.date is not None:
            span = event_span(event.date)
        else:
            continue  # an event the source gives no date for is on no agenda
        if not window.overlaps(span):
            continue
        organiser = (event.organiser,) if event.organiser else ()
        known_day = span.start == span.end
        yield Occurrence(
            kind="event",
            item=event.id,
            title=event.title or Text(event.kind),
            date=span.start if known_day else None,
            window=None if known_day else span,
            owners=organiser,
            parties=organiser,
        )


def occurrences(agreement: Agreement, window: Period) -> list[Occurrence]:
    """Every dated occurrence of a task, review or event within ``window``, sorted.

    Recurring items expand from the start of their own window, so the occurrences of a window
    equal those of its pieces, concatenated; in an open-ended agreement they repeat up to the
    end of ``window``. An event whose date is only a month or a year is listed where that span
    meets ``window``, with no day invented.

    Raises:
        InvalidArgumentError: ``window`` is not a `Period` with an end.
        OccurrenceBudgetError: more occurrences than `coordagree.occurrence_budget` allows.
    """
    window = _require_window(window)
    with collector_paused(), expansions_of(agreement):  # many objects; expansions kept for it
        found = list(
            _within_budget(
                itertools.chain(
                    _task_occurrences(agreement, window),  # dated ones only, by default
                    _review_occurrences(agreement, window),
                    _event_occurrences(agreement, window),
                )
            )
        )
        return sorted(found, key=lambda o: o.sort_key)


def _within_budget(found: Iterator[Occurrence]) -> Iterator[Occurrence]:
    """``found``, stopped with `OccurrenceBudgetError` past the budget's ``per_query``."""
    most = current_budget().per_query
    for count, occurrence in enumerate(found, start=1):
        if count > most:
            raise OccurrenceBudgetError(
                f"the query gives more than {most} occurrences: ask about a shorter window, or "
                "raise the budget with coordagree.occurrence_budget(per_query=...)",
                budget=most,
            )
        yield occurrence


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


def due(
    agreement: Agreement, as_of: pendulum.Date, party: str | None = None
) -> list[Occurrence[pendulum.Date]]:
    """Tasks owed as of ``as_of``: their due window has begun and they were not yet done.

    A one-off task is due from the first day of its due window (at once, when only its deadline
    is known) until it is completed or cancelled (by its status history, or its current
    status). A recurring task is due for the latest occurrence of each of its rules on or
    before ``as_of``, in an open-ended agreement too. Undated tasks are never due.

    Raises:
        InvalidArgumentError: ``as_of`` is not a date, or ``party`` is unknown.
    """
    day = _require_day(as_of, "as_of")
    wanted = _party_filter(agreement, party)
    with collector_paused(), expansions_of(agreement):  # many objects; expansions kept for it
        return sorted(_owed(agreement, day, wanted), key=lambda o: o.sort_key)


def _owed(
    agreement: Agreement, day: pendulum.Date, wanted: set[str] | None
) -> list[Occurrence[pendulum.Date]]:
    found: list[Occurrence[pendulum.Date]] = []
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            if task.status_on(day) in _CLOSED:
                continue
            if wanted is not None and not wanted.intersection(
                [*task.owners, *task.rotation, *task.partners, task.executor or ""]
            ):
                continue
            involved = tuple(dict.fromkeys([*task.owners, *task.rotation]))
            owed: list[tuple[Recurrence | None, int, pendulum.Date, tuple[str, ...]]] = []
            if task.recurrence:
                frame = task_window(agreement, schedule, task)
                if frame is None or frame.start is None or frame.start > day:
                    continue
                owed = []
                until = day if frame.end is None else min(day, frame.end)
                for each in dict.fromkeys(task.recurrence):  # each rule's latest occurrence
                    hit = each.latest(frame.start, frame.end, until)
                    if hit is not None:
                        owed.append((each, hit[0], hit[1], task.owner_for(hit[0])))
            elif (
                task.due is not None
                and task.due.end is not None
                and (task.due.start is None or task.due.start <= day)
            ):
                owed = [(None, 0, task.due.end, task.owners)]
            for rule, index, when, owners in owed:
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
                        rule=rule,
                        schedule=schedule.id,
                        status=task.status_on(day),
                    )
                )
    return found


def overdue(
    agreement: Agreement, as_of: pendulum.Date, party: str | None = None
) -> list[Occurrence[pendulum.Date]]:
    """The `due` tasks whose due day is already past on ``as_of``.

    Raises:
        InvalidArgumentError: ``as_of`` is not a date, or ``party`` is unknown.
    """
    day = _require_day(as_of, "as_of")
    return [o for o in due(agreement, day, party) if o.date < day]


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
