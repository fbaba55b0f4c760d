"""The rule about fiscal years: every ``FY`` date is of the agreement's fiscal year.

A document writes a fiscal year as ``FY1995`` and reads it back with the agreement's
``fiscal_year_start``; a fiscal-year date of another start month (built in code, or with no
start month stated) would read back as other days, so it is an error.

Codes: ``fiscal-year-mismatch``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import attrs

from coordagree._fields import Kind, fields_of, kind_of
from coordagree._loader_facts import fiscal_years_read
from coordagree._partial_date import PartialDate
from coordagree._period import Period
from coordagree._tasks import TaskSchedule
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

__all__ = ["EMITS", "check_fiscal_years"]

EMITS = frozenset({"fiscal-year-mismatch"})


def _dated(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    return fields_of(cls, Kind.PERIOD, Kind.PARTIAL_DATE)


def _months(value: Any) -> set[int]:
    """The fiscal-year start months ``value`` is stated in (none for calendar dates)."""
    if isinstance(value, PartialDate):
        return set() if value.fiscal_year_start is None else {value.fiscal_year_start}
    if isinstance(value, Period):
        return set(value.fiscal_year_starts)
    return set()


def _values(record: Any, field: attrs.Attribute[Any], path: str) -> list[tuple[str, Any]]:
    value = getattr(record, field.name)
    if kind_of(field).many:
        return [(f"{path}/{field.name}/{i}", v) for i, v in enumerate(value)]
    return [] if value is None else [(f"{path}/{field.name}", value)]


def check_fiscal_years(ctx: Context) -> None:
    """Report a fiscal-year date whose start month is not the agreement's."""
    expected = ctx.agreement.fiscal_year_start
    found: list[tuple[str, Any]] = []
    for path, record in records_with(ctx.agreement, _dated, skip=(TaskSchedule, "tasks")):
        for field in _dated(type(record)):
            found.extend(_values(record, field, path))
    for s, schedule in enumerate(ctx.agreement.schedules):
        recorded, month = fiscal_years_read(schedule)
        if recorded and month in (None, expected):
            continue  # the loader read its tasks' FY dates with this start month (or had none)
        tasks = schedule.tasks
        for field in _dated(type(tasks[0])) if tasks else ():
            values = list(map(attrgetter(field.name), tasks))
            distinct = dict(zip(map(id, values), values, strict=True)).values()  # shared periods
            if any(_months(v) - {expected} for v in distinct):
                for t, task in enumerate(tasks):
                    found.extend(_values(task, field, f"/schedules/{s}/tasks/{t}"))
    for path, value in found:
        for month in sorted(_months(value) - {expected}):
            stated = "states none" if expected is None else f"starts them in month {expected}"
            ctx.add(
                "fiscal-year-mismatch",
                path,
                f"{value} is a fiscal year starting in month {month}, but the agreement "
                f"{stated}: written as FY, it would read back as other days",
                "set the agreement's fiscal_year_start (10 for the US federal year), or give "
                "the dates as calendar dates",
            )
