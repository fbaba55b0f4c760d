"""The window each recurring task or review repeats in, as agenda, calendar and checks see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordagree._period import DatePrecision, Period
from coordagree._recurrence import recurrence_window

if TYPE_CHECKING:
    from coordagree._agreement import Agreement
    from coordagree._reviews import Review
    from coordagree._tasks import Task, TaskSchedule

__all__ = ["review_window", "task_window"]


def task_window(agreement: Agreement, schedule: TaskSchedule, task: Task) -> Period | None:
    """Where ``task`` repeats: its due window, else its schedule's, else the agreement's period.

    Open-ended when none has an end; None when none has a known start.
    """
    return recurrence_window(task.due, schedule.period, agreement.period)


def review_window(agreement: Agreement, review: Review) -> Period | None:
    """Where ``review`` repeats: its due window, else the agreement's period.

    A period stated only to the year or month does not make a yearly review fall before the
    agreement is in force: the window then starts no earlier than `Agreement.takes_effect`.
    """
    window = recurrence_window(review.due, agreement.period)
    period = agreement.period
    if (
        window is None
        or review.due is not None
        or period is None
        or period.start_precision is DatePrecision.DAY
    ):
        return window
    begun = agreement.takes_effect
    assert window.start is not None  # a recurrence window always has one
    if begun is None or begun <= window.start or (window.end is not None and begun > window.end):
        return window
    return Period(start=begun, end=window.end)
