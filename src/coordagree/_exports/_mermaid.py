"""Mermaid Gantt charts: tasks by schedule or by party, reviews and events as milestones."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

import pendulum

from coordagree._agenda import event_span, occurrences
from coordagree._agreement import Agreement
from coordagree._period import Period
from coordagree._text import Text
from coordagree.errors import InvalidArgumentError

__all__ = ["to_mermaid"]


# Words that open a directive at the start of a Gantt line (Mermaid's gantt grammar).
_KEYWORDS = (
    "accdescr",
    "acctitle",
    "axisformat",
    "call",
    "click",
    "dateformat",
    "excludes",
    "gantt",
    "href",
    "inclusiveenddates",
    "includes",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "weekday",
    "weekend",
)
_DATE_FIRST = re.compile(r"\d{4}-\d\d-\d\d")


def _label(text: str) -> str:
    """Text as one Mermaid label that no directive, comment or task data can come from.

    Mermaid reads ':' as the start of a task's data, '#' and ';' as syntax and '%%' as a
    comment; line breaks and control characters would end the line. A label that would start
    with a directive's word (``section``, ``click``, ...) or a date is led by a zero-width
    space, which Mermaid does not skip as white space, so it stays text.
    """
    cleaned = text.replace(":", " ").replace(";", ",").replace("#", "").replace("%", "％")
    label = " ".join("".join(ch if ch.isprintable() else " " for ch in cleaned).split())
    if not label:
        return "(untitled)"
    first = label.split(" ", 1)[0].lower()
    if first.startswith(_KEYWORDS) or _DATE_FIRST.match(label):
        label = "\u200b" + label
    return label


def to_mermaid(
    agreement: Agreement,
    *,
    by: Literal["schedule", "party"] = "schedule",
    horizon: pendulum.Date | None = None,
) -> str:
    """A Mermaid Gantt chart: tasks as bars, reviews and events as milestones.

    Sections are per schedule, or per owning party with ``by="party"``. With ``horizon``, the
    occurrences of recurring tasks and reviews up to that day are milestones too (an
    open-ended agreement repeats for ever, so a chart needs a last day). An event known only to
    the month or year is a bar over that span. The result is plain Mermaid source starting
    with ``gantt``; pages add their own fence.

    Raises:
        InvalidArgumentError: ``by`` is not ``"schedule"`` or ``"party"``, or ``horizon`` is
            not a date.

    Examples:
        >>> import coordagree
        >>> print(coordagree.to_mermaid(coordagree.seed_programme()).splitlines()[0])
        gantt
    """
    if by not in ("schedule", "party"):
        raise InvalidArgumentError(
            f"'by' must be 'schedule' or 'party' (got {by!r})", argument="by"
        )
    lines = [
        "gantt",
        f"    title {_label(agreement.name)}",
        "    dateFormat YYYY-MM-DD",
    ]
    names = {party.id: _label(party.name.value) for party in agreement.parties}
    sections: dict[str, list[str]] = {}
    undated: list[str] = []
    if horizon is not None and (
        isinstance(horizon, _dt.datetime) or not isinstance(horizon, _dt.date)
    ):
        raise InvalidArgumentError(
            f"'horizon' must be a date (got {horizon!r})", argument="horizon"
        )
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            if task.recurrence and horizon is not None:
                continue  # drawn as its occurrences, below
            if task.due is None or task.due.end is None:
                undated.append(task.id)
                continue
            start = task.due.start or task.due.end  # only a deadline: a bar of its last day
            bar = (
                f"    {_label(task.title.value)} :{_status(task.status.value)}"
                f"{_mid(task.id)}, {start.isoformat()}, "
                f"{_days(start, task.due.end)}"
            )
            if by == "schedule":
                sections.setdefault(_label((schedule.title or Text(schedule.id)).value), []).append(
                    bar
                )
            else:
                for owner in task.owners or ("(no owner)",):
                    sections.setdefault(names.get(owner, owner), []).append(bar)
    milestones = []
    if horizon is not None:
        window = Period(end=pendulum.Date(horizon.year, horizon.month, horizon.day))
        for hit in occurrences(agreement, window):
            if hit.rule is not None and hit.date is not None:
                mid = _mid(f"{hit.kind}-{hit.item}-{hit.rule.rule}-{hit.index}")
                milestones.append(
                    f"    {_label(hit.title.value)} :milestone, {mid}, {hit.date.isoformat()}, 0d"
                )
    for review in agreement.reviews:
        if review.recurrence and horizon is not None:
            continue  # drawn as its occurrences, above
        if review.due is not None and review.due.end is not None:
            title = (review.title or Text(f"{review.kind.value} review")).value
            milestones.append(
                f"    {_label(title)} :milestone, {_mid('review-' + review.id)}, "
                f"{review.due.end.isoformat()}, 0d"
            )
    for event in agreement.events:
        if event.date is None:
            continue  # no date: nowhere on a time line
        title = (event.title or Text(event.kind)).value
        span = event_span(event.date)
        assert span.start is not None
        assert span.end is not None
        if span.start == span.end:
            milestones.append(
                f"    {_label(title)} :milestone, {_mid('event-' + event.id)}, "
                f"{span.start.isoformat()}, 0d"
            )
        else:
            milestones.append(
                f"    {_label(title)} :{_mid('event-' + event.id)}, {span.start.isoformat()}, "
                f"{_days(span.start, span.end)}"
            )
    for heading, bars in sections.items():
        lines.append(f"    section {heading}")
        lines.extend(bars)
    if milestones:
        lines.append("    section Milestones")
        lines.extend(milestones)
    lines.extend(f"    %% undated task: {task_id}" for task_id in undated)
    return "\n".join(lines) + "\n"


def _status(status: str) -> str:
    return {"completed": "done, ", "in-process": "active, "}.get(status, "")


def _mid(item: str) -> str:
    """A Mermaid id for an item: ASCII letters, digits and ``-`` kept, others as ``_hex_``.

    Distinct items keep distinct ids (``t.1`` and ``t-1`` are ``id_t_2e_1`` and ``id_t-1``):
    ``_`` is never written as itself, so no escape can be read two ways.
    """
    return "id_" + "".join(
        ch if (ch.isascii() and ch.isalnum()) or ch == "-" else f"_{ord(ch):x}_" for ch in item
    )


def _days(start: pendulum.Date, end: pendulum.Date) -> str:
    """A bar's length from ``start`` to ``end`` inclusive, as Mermaid's task data writes it."""
    if end.year == 9999 and end.month == 12 and end.day == 31:  # the day after has no date
        return f"{(end - start).days + 1}d"
    return end.add(days=1).isoformat()
