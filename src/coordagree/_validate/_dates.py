"""The rules about time: schedules, tasks, reviews, signatures and events inside their windows.

Dates of reduced precision are compared as the spans they name: a finding needs every day of
a span to be wrong, never an invented day.

Codes: ``schedule-outside-period``, ``task-outside-schedule``, ``review-outside-period``,
``recurrence-empty``, ``unanchored-recurrence``, ``rrule-count-and-until``,
``signature-after-end``, ``signature-event-date-mismatch``, ``effective-outside-period``,
``event-start-date-mismatch``, ``position-not-held``, ``amendment-before-signing``,
``term-shorter-than-minimum``, ``review-held-before-covered``.
"""

from __future__ import annotations

import functools

from coordagree._agreement import Agreement
from coordagree._partial_date import PartialDate
from coordagree._parties import Position
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._validate._context import Context
from coordagree._windows import review_window, task_window

__all__ = ["EMITS", "check_dates"]

EMITS = frozenset(
    {
        "schedule-outside-period",
        "task-outside-schedule",
        "review-outside-period",
        "recurrence-empty",
        "unanchored-recurrence",
        "rrule-count-and-until",
        "signature-after-end",
        "signature-event-date-mismatch",
        "effective-outside-period",
        "event-start-date-mismatch",
        "position-not-held",
        "amendment-before-signing",
        "term-shorter-than-minimum",
        "review-held-before-covered",
    }
)


def _recurrences(
    ctx: Context, base: str, rules: tuple[Recurrence, ...], window: Period | None
) -> None:
    if window is None:
        ctx.add(
            "unanchored-recurrence",
            f"{base}/recurrence",
            "it repeats, but no start is known to count its occurrences from (not its due "
            "window's, its schedule's or the agreement's period's), so it has none",
            "give the agreement's period a start, or the item a due window",
        )
    for k, rule in enumerate(rules):
        path = f"{base}/recurrence/{k}"
        if rule.has_count_and_until:
            ctx.add("rrule-count-and-until", path, f"{rule.rule!r} has both COUNT and UNTIL")
        if (
            window is not None
            and window.start is not None
            and window.end is not None
            and not rule.falls_within(window.start, window.end)
        ):
            ctx.add(
                "recurrence-empty",
                path,
                f"{rule.rule!r} falls on no day from {window.start} to {window.end}",
            )


def _inside(outer: Period, inner: Period) -> bool:
    """Whether ``inner`` lies within ``outer`` as far as it is known (a deadline alone: its day)."""
    if inner.start is None:
        return inner.end is not None and outer.contains(inner.end)
    return outer.contains(inner)


def _outside(period: Period, date: PartialDate) -> bool:
    """Whether no day of ``date``'s span can be in ``period``."""
    return (period.start is not None and date.surely_before(period.start)) or (
        period.end is not None and date.surely_after(period.end)
    )


def _signed_first(a: Agreement) -> PartialDate | None:
    """The signature that may be the earliest (by the first day of its span)."""
    dated = [s.date for s in a.signatures if s.date is not None]
    return min(dated, key=lambda d: d.first_day, default=None)


def _check_terms(ctx: Context) -> None:
    """Amendments after signing; a closed period at least the minimum term; reviews' dates."""
    a = ctx.agreement
    signed = _signed_first(a)
    for i, amendment in enumerate(a.amendments):
        if (
            amendment.date is not None
            and signed is not None
            and amendment.date.surely_before(signed.first_day)
        ):
            ctx.add(
                "amendment-before-signing",
                f"/amendments/{i}/date",
                f"amendment {amendment.id!r} is dated {amendment.date}, before the agreement "
                f"was first signed ({signed})",
            )
    terms, period = a.termination, a.period
    if (
        terms is not None
        and terms.minimum_term is not None
        and period is not None
        and period.start is not None
        and period.end is not None
    ):
        shortest = terms.minimum_term.after(period.start).subtract(days=1)
        if period.end < shortest:
            ctx.add(
                "term-shorter-than-minimum",
                "/period/end",
                f"the period ends on {period.end_text}, before its minimum term "
                f"({terms.minimum_term}) is over on {shortest}",
            )
    for r, review in enumerate(a.reviews):
        covers = review.covers
        if (
            review.held is not None
            and covers is not None
            and covers.start is not None
            and review.held.surely_before(covers.start)
        ):
            ctx.add(
                "review-held-before-covered",
                f"/reviews/{r}/held",
                f"review {review.id!r} was held {review.held}, before the period it "
                f"covers ({covers}) began",
            )


def _check_effective(ctx: Context) -> None:
    a = ctx.agreement
    period = a.period
    if period is None:
        return
    dated = [("/effective", "the agreement", a.effective)] + [
        (f"/commitments/{c}/effective", f"commitment {commitment.id!r}", commitment.effective)
        for c, commitment in enumerate(a.commitments)
    ]
    for path, what, effective in dated:
        if effective is not None and _outside(period, effective):
            ctx.add(
                "effective-outside-period",
                path,
                f"{what} takes effect {effective}, outside the agreement's period ({period})",
            )


def _check_signatures(ctx: Context) -> None:
    a = ctx.agreement
    events = {event.id: event for event in a.events}
    for i, signature in enumerate(a.signatures):
        if signature.date is None:
            continue
        if (
            a.period is not None
            and a.period.end is not None
            and signature.date.surely_after(a.period.end)
        ):
            ctx.add(
                "signature-after-end",
                f"/signatures/{i}/date",
                f"{signature.party!r} signed on {signature.date}, after the period ended "
                f"({a.period.end})",
            )
        event = events.get(signature.event or "")
        if event is not None and event.date is not None:
            apart = signature.date.surely_before(
                event.date.first_day
            ) or signature.date.surely_after(event.date.last_day)
            if apart:
                ctx.add(
                    "signature-event-date-mismatch",
                    f"/signatures/{i}/date",
                    f"{signature.party!r} signed on {signature.date}, but the event it was "
                    f"signed at ({event.id!r}) is dated {event.date}",
                )


def check_dates(ctx: Context) -> None:
    """Report what falls outside its window, or on no day."""
    a = ctx.agreement
    period = a.period
    for s, schedule in enumerate(a.schedules):
        if period is not None and not _inside(period, schedule.period):
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
        outside = not all(map(functools.partial(_inside, schedule.period), windows))
        recurring = [t for t, task in enumerate(tasks) if task.recurrence]
        for t in range(len(tasks)) if outside else recurring:
            task = tasks[t]
            if outside and task.due is not None and not _inside(schedule.period, task.due):
                ctx.add(
                    "task-outside-schedule",
                    f"/schedules/{s}/tasks/{t}/due",
                    f"task {task.id!r} is due {task.due}, outside its schedule ({schedule.period})",
                )
            if task.recurrence:
                window = task_window(a, schedule, task)
                _recurrences(ctx, f"/schedules/{s}/tasks/{t}", task.recurrence, window)
    for r, review in enumerate(a.reviews):
        if review.due is not None and period is not None and not _inside(period, review.due):
            ctx.add(
                "review-outside-period",
                f"/reviews/{r}/due",
                f"review {review.id!r} is due {review.due}, outside the agreement's period "
                f"({period})",
            )
        if review.recurrence:
            _recurrences(ctx, f"/reviews/{r}", review.recurrence, review_window(a, review))
    _check_signatures(ctx)
    _check_effective(ctx)
    _check_terms(ctx)
    for e, event in enumerate(a.events):
        if (
            event.start is not None
            and event.date is not None
            and not event.date.may_be_on(a.day_of(event.start))
        ):
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
                if (
                    position is not None
                    and event.date is not None
                    and not _may_hold(position, event.date)
                ):
                    ctx.add(
                        "position-not-held",
                        f"/events/{e}/participants/{p}/positions/{q}",
                        f"{participant.person!r} did not hold {position_id!r} on {event.date}",
                    )


def _may_hold(position: Position, date: PartialDate) -> bool:
    """Whether the position may have been held on some day of ``date``'s span."""
    return (position.start is None or position.start.first_day <= date.last_day) and (
        position.end is None or date.first_day <= position.end.last_day
    )
