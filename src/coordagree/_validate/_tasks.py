"""The rules about tasks: owners, completion, and the status history.

Codes: ``task-no-owner``, ``task-completed-without-end``, ``completed-after-due``,
``status-history-order``, ``status-history-mismatch``.
"""

from __future__ import annotations

from coordagree._codelists import TaskStatus
from coordagree._tasks import Task
from coordagree._validate._context import Context

__all__ = ["EMITS", "check_tasks"]

EMITS = frozenset(
    {
        "task-no-owner",
        "task-completed-without-end",
        "completed-after-due",
        "status-history-order",
        "status-history-mismatch",
    }
)


def _finished_in_time(task: Task) -> bool:
    end = task.actual.end if task.actual is not None else None
    due = task.due.end if task.due is not None else None
    return end is not None and (due is None or end <= due)


def check_tasks(ctx: Context) -> None:
    """Report tasks without owners and histories that disagree with the status."""
    completed = TaskStatus.COMPLETED
    for s, schedule in enumerate(ctx.agreement.schedules):
        tasks = schedule.tasks
        for t, task in [  # the tasks any rule below can apply to
            (t, task)
            for t, task in enumerate(tasks)
            if task.history or task.status is completed or not task.owners
        ]:
            history = task.history
            if (  # the usual completed task: one change, to completed, by the due day
                len(history) == 1
                and task.owners
                and history[0].status is task.status
                and (task.status is not completed or _finished_in_time(task))
            ):
                continue
            base = f"/schedules/{s}/tasks/{t}"
            if not task.owners and not task.rotation:
                ctx.add("task-no-owner", f"{base}/owners", f"task {task.id!r} has no owner")
            finished = task.actual.end if task.actual is not None else None
            if task.status is TaskStatus.COMPLETED:
                if finished is None:
                    ctx.add(
                        "task-completed-without-end",
                        f"{base}/actual",
                        f"task {task.id!r} is completed but has no actual end date",
                    )
                elif task.due is not None and task.due.end is not None and finished > task.due.end:
                    ctx.add(
                        "completed-after-due",
                        f"{base}/actual",
                        f"task {task.id!r} was completed on {finished}, after it was due "
                        f"({task.due.end})",
                    )
            if task.history:
                days = [change.on for change in task.history]
                if days != sorted(days):
                    ctx.add(
                        "status-history-order",
                        f"{base}/history",
                        f"task {task.id!r} has status changes out of date order",
                    )
                latest = max(enumerate(task.history), key=lambda pair: (pair[1].on, pair[0]))[1]
                if latest.status is not task.status:
                    ctx.add(
                        "status-history-mismatch",
                        f"{base}/status",
                        f"task {task.id!r} is {task.status.value} but its latest change "
                        f"({latest.on}) says {latest.status.value}",
                    )
