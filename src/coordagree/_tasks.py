"""Tasks, their status over time, and the schedules (task lists of a sub-period) that hold them."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree._checks import (
    each,
    identifier,
    identifiers,
    instance_of,
    is_date,
    optional,
    to_date,
    to_tuple,
)
from coordagree._codes import TaskStatus, closed, member_of
from coordagree._extensions import Extensions, extensions_field
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._text import Text, to_optional_text, to_text

__all__ = ["StatusChange", "Task", "TaskSchedule", "to_recurrences"]


def to_recurrences(value: Any) -> Any:
    """Converter: RRULE text, or a list of it, becomes a tuple of `Recurrence`."""
    if isinstance(value, str):
        value = (value,)
    value = to_tuple(value)
    if isinstance(value, tuple):
        return tuple(Recurrence(item) if isinstance(item, str) else item for item in value)
    return value


def _ids(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(tuple)(_inst, attribute, value)
    identifiers(_inst, attribute, value)


def _optional_period(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(instance_of(Period))(_inst, attribute, value)


@attrs.frozen(kw_only=True)
class StatusChange:
    """A task's status as recorded from a day on.

    Attributes:
        status: The status from that day.
        on: The day it changed.
        note: What happened.
    """

    status: TaskStatus = attrs.field(converter=closed(TaskStatus), validator=member_of(TaskStatus))  # type: ignore[misc]  # attrs plugin: converter factory
    on: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    note: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )


@attrs.frozen(kw_only=True)
class Task:
    """A specific task (nhiệm vụ): who owns it, who does it, for whom, by when.

    Attributes:
        id: Unique among all the agreement's tasks.
        title: What is to be done, in brief.
        description: The full wording.
        owners: Ids of the parties that own it, jointly where several.
        executor: Id of the body that carries it out, which the owners direct.
        partners: Ids of the bodies the executor works with.
        target_group: Whom the task addresses (đối tượng).
        means: How it is done.
        due: When it is due: a day, or a window such as the year 2023 ("within 2023").
        recurrence: RRULEs it repeats by, starting where `due` starts.
        rotation: Ids of the parties that host it in turn, one occurrence each.
        status: Its current status.
        history: Its status changes, oldest first, for questions about the past.
        planned: When it is planned to run.
        actual: When it actually ran; a completed task's `actual` has an end.
        implements: Ids of the commitments it carries out.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    title: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    description: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    owners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_ids)
    executor: str | None = attrs.field(default=None, validator=optional(identifier))
    partners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_ids)
    target_group: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    means: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    due: Period | None = attrs.field(default=None, validator=_optional_period)
    recurrence: tuple[Recurrence, ...] = attrs.field(
        default=(), converter=to_recurrences, validator=[instance_of(tuple), each(Recurrence)]
    )
    rotation: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_ids)
    status: TaskStatus = attrs.field(
        default=TaskStatus.NEEDS_ACTION,
        converter=closed(TaskStatus),  # type: ignore[misc]  # attrs plugin: converter factory
        validator=member_of(TaskStatus),
    )
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), each(StatusChange)]
    )
    planned: Period | None = attrs.field(default=None, validator=_optional_period)
    actual: Period | None = attrs.field(default=None, validator=_optional_period)
    implements: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_ids)
    extensions: Extensions = extensions_field()

    @property
    def is_recurring(self) -> bool:
        """True when the task repeats."""
        return bool(self.recurrence)

    def status_on(self, day: pendulum.Date) -> TaskStatus:
        """The task's status on ``day``, from its recorded history.

        With a history, the latest change on or before ``day`` (``needs-action`` before the
        first). Without one, the current status, except that a task completed on a known day
        (``actual.end``) was not yet completed before it.
        """
        if self.history:
            current = TaskStatus.NEEDS_ACTION
            for change in sorted(self.history, key=lambda c: c.on):
                if change.on > day:
                    break
                current = change.status
            return current
        if self.status is TaskStatus.COMPLETED:
            finished = self.actual.end if self.actual is not None else None
            if finished is not None and day < finished:
                return (
                    TaskStatus.IN_PROCESS
                    if self.actual and self.actual.start <= day
                    else (TaskStatus.NEEDS_ACTION)
                )
        return self.status

    def owner_for(self, occurrence: int) -> tuple[str, ...]:
        """The owners of the ``occurrence``-th occurrence (0-based), rotation applied."""
        if self.rotation:
            return (self.rotation[occurrence % len(self.rotation)],)
        return self.owners


@attrs.frozen(kw_only=True)
class TaskSchedule:
    """The task list of a sub-period, such as the specific tasks for 2023.

    Attributes:
        id: Unique among the agreement's schedules.
        period: The sub-period the tasks belong to.
        title: Its heading ("nhiệm vụ cụ thể trong năm 2023").
        tasks: Its tasks.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    period: Period = attrs.field(validator=instance_of(Period))
    title: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    tasks: tuple[Task, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), each(Task)]
    )
    extensions: Extensions = extensions_field()

    def task(self, task_id: str) -> Task | None:
        """The task with id ``task_id`` in this schedule, or None."""
        return next((t for t in self.tasks if t.id == task_id), None)
