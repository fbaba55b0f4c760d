"""Facts about immutable objects, recorded where they are cheap to learn and used where not.

The fast JSON loader checks every string it reads. When every text in a schedule's tasks
(titles, descriptions, target groups, means, notes) was a plain string that is not blank, it
records the schedule here; validation then need not read those 100,000 texts again to find
that none is blank or carries a language tag, which costs far more once they have left the
processor's cache than while the loader holds them.

A record is by identity and weak: it goes when the schedule does, and `has_plain_texts`
answers for that very object only (an equal schedule made otherwise is read as usual).
"""

from __future__ import annotations

import weakref

from coordagree._tasks import TaskSchedule

__all__ = ["has_plain_texts", "remember_plain_texts"]

_PLAIN_TEXTS: weakref.WeakValueDictionary[int, TaskSchedule] = weakref.WeakValueDictionary()


def remember_plain_texts(schedule: TaskSchedule) -> None:
    """Record that every text in ``schedule``'s tasks is plain, not blank and in NFC."""
    _PLAIN_TEXTS[id(schedule)] = schedule


def has_plain_texts(schedule: TaskSchedule) -> bool:
    """Whether `remember_plain_texts` recorded this very schedule."""
    return _PLAIN_TEXTS.get(id(schedule)) is schedule
