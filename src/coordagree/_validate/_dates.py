"""The rules about time: schedules, tasks, reviews, signatures and events inside their windows.

Codes: ``schedule-outside-period``, ``task-outside-schedule``, ``review-outside-period``,
``recurrence-empty``, ``rrule-count-and-until``, ``signature-after-end``,
``effective-outside-period``, ``event-start-date-mismatch``, ``position-not-held``.
"""

from __future__ import annotations

from coordagree._period import Period
from coordagree._recurrence import Recurrence, recurrence_window
from coordagree._validate._context import Context

__all__ = ["EMITS", "check_dates"]

EMITS = frozenset(
    {
        "schedule-outside-period",
        "task-outside-schedule",
        "review-outside-period",
        "recurrence-empty",
        "rrule-count-and-until",
        "signature-after-end",
        "effective-outside-period",
        "event-start-date-mismatch",
        "position-not-held",
    }
)


def _recurrences(
    ctx: Context, base: str, rules: tuple[Recurrence, ...], window: Period | None
) -> None:
    for k, rule in enumerate(rules):
        path = f"{base}/recurrence/{k}"
        if rule.has_count_and_until:
            ctx.add("rrule-count-and-until", path, f"{rule.rule!r} has both COUNT and UNTIL")
        if (
            window is not None
            and window.end is not None
            and not rule.falls_within(window.start, window.end)
        ):
            ctx.add(
                "recurrence-empty",
                path,
                f"{rule.rule!r} falls on no day from {window.start} to {window.end}",
            )


def check_dates(ctx: Context) -> None:
    """Report what falls outside its window, or on no day."""
    a = ctx.agreement
    period = a.period
    for s, schedule in enumerate(a.schedules):
        if period is not None and not period.contains(schedule.period):
            ctx.add(
                "schedule-outside-period",
                f"/schedules/{s}/period",
                f"schedule {schedule.id!r} ({schedule.period}) is not inside the agreement's "
                f"period ({period})",
            )
        tasks = schedule.tasks
        # Tasks due in the same year, month or day share one period when loaded.
        dues = [task.due for task in tasks if task.due is not None]
        windows = dict(zip(map(id, dues), dues, strict=True)).values()  # each object once
        outside = not all(map(schedule.period.contains, windows))
        recurring = [t for t, task in enumerate(tasks) if task.recurrence]
        for t in range(len(tasks)) if outside else recurring:
            task = tasks[t]
            if outside and task.due is not None and not schedule.period.contains(task.due):
                ctx.add(
                    "task-outside-schedule",
                    f"/schedules/{s}/tasks/{t}/due",
                    f"task {task.id!r} is due {task.due}, outside its schedule ({schedule.period})",
                )
            if task.recurrence:
                window = recurrence_window(task.due, schedule.period, period)
                _recurrences(ctx, f"/schedules/{s}/tasks/{t}", task.recurrence, window)
    for r, review in enumerate(a.reviews):
        if review.due is not None and period is not None and not period.contains(review.due):
            ctx.add(
                "review-outside-period",
                f"/reviews/{r}/due",
                f"review {review.id!r} is due {review.due}, outside the agreement's period "
                f"({period})",
            )
        if review.recurrence:
            window = recurrence_window(review.due, period)
            _recurrences(ctx, f"/reviews/{r}", review.recurrence, window)
    if period is not None:
        for i, signature in enumerate(a.signatures):
            if (
                signature.date is not None
                and period.end is not None
                and signature.date.surely_after(period.end)
            ):
                ctx.add(
                    "signature-after-end",
                    f"/signatures/{i}/date",
                    f"{signature.party!r} signed on {signature.date}, after the period ended "
                    f"({period.end})",
                )
        if a.effective is not None and not period.contains(a.effective):
            ctx.add(
                "effective-outside-period",
                "/effective",
                f"the agreement takes effect on {a.effective}, outside its period ({period})",
            )
    for e, event in enumerate(a.events):
        if event.start is not None and a.day_of(event.start) != event.date:
            ctx.add(
                "event-start-date-mismatch",
                f"/events/{e}/start",
                f"{event.start.isoformat()} is {a.day_of(event.start)} in {a.timezone}, "
                f"but the event's date is {event.date}",
                "date is the day in the agreement's time zone; check the offset or the date",
            )
        for p, participant in enumerate(event.participants):
            for q, position_id in enumerate(participant.positions):
                position = ctx.scoped.get("position", {}).get((participant.person, position_id))
                if position is not None and not position.held_on(event.date):
                    ctx.add(
                        "position-not-held",
                        f"/events/{e}/participants/{p}/positions/{q}",
                        f"{participant.person!r} did not hold {position_id!r} on {event.date}",
                    )
