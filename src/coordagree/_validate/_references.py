"""``unresolved-reference``: every `Kind.REF` field of every record names a record of its table.

Derived from the declarations: a new reference field is checked with no edit here. Tasks, the
bulk of a large agreement, are checked a schedule at a time and a field at a time in C (tasks
that name the same parties share one tuple when loaded, so each distinct list is read once);
paths are built only for a schedule where something is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from operator import attrgetter
from typing import Any

from coordagree._fields import Kind, fields_of, kind_of, record_classes
from coordagree._tasks import Task, TaskSchedule
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

__all__ = ["EMITS", "check_references"]

EMITS = frozenset({"unresolved-reference"})


def _references(cls: type) -> tuple[Any, ...]:
    return fields_of(cls, Kind.REF)


def _check_record(ctx: Context, path: str, record: Any) -> None:
    for field in fields_of(type(record), Kind.REF):
        kind = kind_of(field)
        value = getattr(record, field.name)
        if not value:
            continue  # None, or no ids: nothing to resolve
        values: Iterable[tuple[str, str]] = (
            ((f"{path}/{field.name}/{i}", v) for i, v in enumerate(value))
            if kind.many
            else [(f"{path}/{field.name}", value)]
        )
        assert kind.target is not None
        if kind.within is not None:
            holder = getattr(record, kind.within)
            holders = ctx.tables.get(kind.within, {})
            if holder not in holders:
                continue  # the holder itself is reported, if unresolved
            table = ctx.scoped.get(kind.target, {})
            for where, item in values:
                if (holder, item) not in table:
                    ctx.add(
                        "unresolved-reference",
                        where,
                        f"{holder!r} has no {kind.target} with id {item!r}",
                    )
            continue
        tables = [ctx.tables.get(name, {}) for name in kind.target.split("|")]
        for where, item in values:
            if not any(item in known for known in tables):
                what = " or ".join(kind.target.split("|"))
                ctx.add("unresolved-reference", where, f"no {what} has id {item!r}")


def _task_fields_resolve(ctx: Context, tasks: tuple[Task, ...]) -> bool:
    """Whether every reference field of ``tasks`` resolves, one field at a time, no paths."""
    for field in fields_of(Task, Kind.REF):
        kind = kind_of(field)
        if kind.within is not None:
            return False  # per task, with its holder
        if "|" in (kind.target or ""):
            return False  # several tables: per task, with paths
        known = ctx.tables.get(kind.target or "", {}).keys()
        distinct = set(map(attrgetter(field.name), tasks))
        values = chain.from_iterable(distinct) if kind.many else distinct - {None}
        if not known >= set(values):
            return False
    return True


def _nested_in_tasks() -> bool:
    """Whether any record nested in a task declares references."""
    return any(fields_of(cls, Kind.REF) for cls in record_classes(Task) if cls is not Task)


def _nested_references(cls: type) -> tuple[Any, ...]:
    """The reference fields of the records tasks hold, not of tasks themselves (read apart)."""
    return () if cls in (Task, TaskSchedule) else fields_of(cls, Kind.REF)


def check_references(ctx: Context) -> None:
    """Report every reference that names no record of its table."""
    a = ctx.agreement
    for path, record in records_with(a, _references, skip=(TaskSchedule, "tasks")):
        _check_record(ctx, path, record)
    nested = _nested_in_tasks()
    for s, schedule in enumerate(a.schedules):
        tasks = schedule.tasks
        if _task_fields_resolve(ctx, tasks):  # then only what tasks hold (claims...) is read
            if not nested:
                continue
            for path, record in records_with(
                schedule, _nested_references, path=f"/schedules/{s}", sparse=True
            ):
                _check_record(ctx, path, record)
            continue
        for t, task in enumerate(tasks):
            base = f"/schedules/{s}/tasks/{t}"
            for path, record in records_with(task, _references, path=base):
                _check_record(ctx, path, record)
