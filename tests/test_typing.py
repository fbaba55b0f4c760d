"""Constructors are typed by their converters: mypy refuses what the classes refuse.

Each ``# type: ignore[arg-type]`` below is checked by ``mypy --strict`` (``make typecheck``):
were a converter typed ``Any`` again, the ignore would be unused, and mypy fails on that.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

import coordagree
from coordagree.errors import InvalidTypeError


def test_wrong_values_are_refused_by_mypy_and_at_run_time() -> None:
    with pytest.raises(InvalidTypeError):
        coordagree.Task(id="t", title=42, owners=("a",))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        coordagree.Event(id="e", kind="signing", date=3.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        coordagree.Task(id="t", title="x", owners=("a",), due=2025.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        coordagree.Termination(notice=30)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        coordagree.Task(id="t", title="x", owners=42)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        coordagree.Agreement(id="a", parties=3)  # type: ignore[arg-type]


def test_plain_values_are_accepted_by_mypy_and_at_run_time() -> None:
    task = coordagree.Task(id="t", title="Sơ kết", owners=("a",), due="2025-06-30")
    assert str(task.title) == "Sơ kết" and task.due == coordagree.Period.parse("2025-06-30")
    event = coordagree.Event(id="e", kind="signing", date=dt.date(2023, 5, 29))
    assert event.date == coordagree.PartialDate.parse("2023-05-29")
    terms = coordagree.Termination(notice="P30D")
    assert terms.notice == coordagree.Duration(days=30)
    assert coordagree.Agreement(id="a", period=pendulum.Date(2025, 1, 1)).period is not None


def test_due_and_overdue_occurrences_have_a_day_in_their_type() -> None:
    seed = coordagree.seed_programme()
    day: pendulum.Date = coordagree.overdue(seed, pendulum.Date(2024, 6, 1))[0].date
    assert day == pendulum.Date(2023, 12, 31)
    owed: pendulum.Date = coordagree.due(seed, pendulum.Date(2024, 6, 1))[0].date
    assert owed == day
    any_day = coordagree.occurrences(seed, coordagree.Period.years(2023))[0].date
    maybe: pendulum.Date = any_day  # type: ignore[assignment]  # an undated task has none
    assert maybe is not None
