"""Tasks, their status over time, and the schedules (task lists of a sub-period) that hold them."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import TaskStatus, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields, to_recurrences
from coordagree._period import Period, to_period
from coordagree._recurrence import Recurrence
from coordagree._sources import Claim
from coordagree._text import Text, to_text
from coordagree._validators import to_date, to_tuple

__all__ = ["StatusChange", "Task", "TaskSchedule"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class StatusChange:
    """A task's status as recorded from a day on.

    Attributes:
        status: The status from that day.
        on: The day it changed.
        note: What happened.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    status: TaskStatus = attrs.field(
        converter=closed(TaskStatus),  # type: ignore[misc]
        **kinds.code(TaskStatus, closed=True),
    )
    on: pendulum.Date = attrs.field(converter=to_date, **kinds.date())
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
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
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    description: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    owners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    executor: str | None = attrs.field(default=None, **kinds.ref("party"))
    partners: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    target_group: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    means: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    due: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    recurrence: tuple[Recurrence, ...] = attrs.field(
        default=(), converter=to_recurrences, **kinds.recurrences()
    )
    rotation: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    status: TaskStatus = attrs.field(
        default=TaskStatus.NEEDS_ACTION,
        converter=closed(TaskStatus),  # type: ignore[misc]
        **kinds.code(TaskStatus, closed=True),
    )
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(StatusChange)
    )
    planned: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    actual: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    implements: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.refs("commitment")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

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
                    if self.actual and self.actual.start is not None and self.actual.start <= day
                    else (TaskStatus.NEEDS_ACTION)
                )
        return self.status

    def changed(
        self, status: TaskStatus | str, on: pendulum.Date, *, note: str | None = None
    ) -> Task:
        """This task with its status changed on ``on``, recorded in its history.

        The change goes into `history` in date order, and the status becomes the latest
        change's (a change dated before the last one is recorded, not made current); a task
        completed has ``actual`` end on
        that day (and start then, unless it started earlier), one put in process has ``actual``
        start then, unless it has one: the task stays consistent with what validation checks
        (``task-completed-without-end``, ``status-history-mismatch``).

        Examples:
            >>> task = Task(id="t", title="Sơ kết", owners=("a",), due="2023")
            >>> done = task.changed("completed", pendulum.Date(2023, 12, 20))
            >>> done.status.value, str(done.actual), [c.status.value for c in done.history]
            ('completed', '2023-12-20', ['completed'])
        """
        change = StatusChange(status=status, on=on, note=note)
        history = tuple(sorted((*self.history, change), key=lambda c: c.on))
        actual = self.actual
        if change.status is TaskStatus.COMPLETED:
            began = actual.start if actual is not None and actual.start is not None else None
            actual = Period(start=began if began is not None and began <= on else on, end=on)
        elif change.status is TaskStatus.IN_PROCESS and actual is None:
            actual = Period(start=on)
        # the status is the latest change's by date, as validation reads the history
        return attrs.evolve(self, status=history[-1].status, history=history, actual=actual)

    def owner_for(self, occurrence: int) -> tuple[str, ...]:
        """The owners of the ``occurrence``-th occurrence (0-based), rotation applied."""
        if self.rotation:
            return (self.rotation[occurrence % len(self.rotation)],)
        return self.owners


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class TaskSchedule:
    """The task list of a sub-period, such as the specific tasks for 2023.

    Attributes:
        id: Unique among the agreement's schedules.
        period: The sub-period the tasks belong to.
        title: Its heading ("nhiệm vụ cụ thể trong năm 2023").
        tasks: Its tasks.
        sources: Ids of the sources that support it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    period: Period = attrs.field(converter=to_period, **kinds.period())
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Task))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()

    def task(self, task_id: str) -> Task | None:
        """The task with id ``task_id`` in this schedule, or None."""
        return next((t for t in self.tasks if t.id == task_id), None)
