"""Facts about immutable objects, recorded where they are cheap to learn and used where not.

The fast JSON loader checks every string it reads. When every text in a schedule's tasks
(titles, descriptions, target groups, means, notes) was a plain string that is not blank, it
records the schedule here; validation then need not read those 100,000 texts again to find
that none is blank or carries a language tag, which costs far more once they have left the
processor's cache than while the loader holds them.

It also records the fiscal year start its tasks' dates were read with: a document reads every
``FY`` date with its own ``fiscal_year_start`` (and cannot hold one without it), so no task of
such a schedule holds a fiscal year of another start month, and validation need not look.

And it records a schedule none of whose tasks' periods kept a wording (``as_written``): the
``wording-mismatch`` rule then need not read 100,000 tasks' periods to find none to check.

A record is by identity and weak: it goes when the schedule does, and `has_plain_texts`
answers for that very object only (an equal schedule made otherwise is read as usual).
"""

from __future__ import annotations

import weakref

from coordagree._tasks import TaskSchedule

__all__ = [
    "fiscal_years_read",
    "has_plain_texts",
    "has_unworded_periods",
    "remember_fiscal_years",
    "remember_plain_texts",
    "remember_unworded_periods",
]

_PLAIN_TEXTS: weakref.WeakValueDictionary[int, TaskSchedule] = weakref.WeakValueDictionary()
_UNWORDED: weakref.WeakValueDictionary[int, TaskSchedule] = weakref.WeakValueDictionary()
_FISCAL: weakref.WeakValueDictionary[int, TaskSchedule] = weakref.WeakValueDictionary()
_FISCAL_MONTH: dict[int, int | None] = {}  # by the same ids, each gone with its schedule


def remember_plain_texts(schedule: TaskSchedule) -> None:
    """Record that every text in ``schedule``'s tasks is plain, not blank and in NFC."""
    _PLAIN_TEXTS[id(schedule)] = schedule


def has_plain_texts(schedule: TaskSchedule) -> bool:
    """Whether `remember_plain_texts` recorded this very schedule."""
    return _PLAIN_TEXTS.get(id(schedule)) is schedule


def remember_unworded_periods(schedule: TaskSchedule) -> None:
    """Record that no period of ``schedule``'s tasks keeps a wording (``as_written``)."""
    _UNWORDED[id(schedule)] = schedule


def has_unworded_periods(schedule: TaskSchedule) -> bool:
    """Whether `remember_unworded_periods` recorded this very schedule."""
    return _UNWORDED.get(id(schedule)) is schedule


def remember_fiscal_years(schedule: TaskSchedule, month: int | None) -> None:
    """Record that every fiscal-year date in ``schedule``'s tasks starts in ``month``.

    None: the document stated no fiscal year start, so its tasks hold no fiscal-year date.
    """
    if _FISCAL.get(id(schedule)) is not schedule:
        weakref.finalize(schedule, _FISCAL_MONTH.pop, id(schedule), None)
    _FISCAL[id(schedule)] = schedule
    _FISCAL_MONTH[id(schedule)] = month


def fiscal_years_read(schedule: TaskSchedule) -> tuple[bool, int | None]:
    """Whether `remember_fiscal_years` recorded this very schedule, and the month it recorded."""
    if _FISCAL.get(id(schedule)) is not schedule:
        return False, None
    return True, _FISCAL_MONTH.get(id(schedule))
