"""Mermaid Gantt charts: tasks by schedule or by party, reviews and events as milestones."""

from __future__ import annotations

from typing import Literal

from coordagree._agreement import Agreement
from coordagree._text import Text
from coordagree.errors import InvalidArgumentError

__all__ = ["to_mermaid"]


def _label(text: str) -> str:
    # Mermaid reads ':' as the start of a task's data and '#'/';' as syntax.
    return " ".join(text.replace(":", " ").replace(";", ",").replace("#", "").split())


def to_mermaid(agreement: Agreement, *, by: Literal["schedule", "party"] = "schedule") -> str:
    """A Mermaid Gantt chart: tasks as bars, reviews and events as milestones.

    Sections are per schedule, or per owning party with ``by="party"``. The result is plain
    Mermaid source starting with ``gantt``; pages add their own fence.

    Raises:
        InvalidArgumentError: ``by`` is not ``"schedule"`` or ``"party"``.

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
    for schedule in agreement.schedules:
        for task in schedule.tasks:
            if task.due is None or task.due.end is None:
                undated.append(task.id)
                continue
            bar = (
                f"    {_label(task.title.value)} :{_status(task.status.value)}"
                f"{_mid(task.id)}, {task.due.start.isoformat()}, "
                f"{task.due.end.add(days=1).isoformat()}"
            )
            if by == "schedule":
                sections.setdefault(_label((schedule.title or Text(schedule.id)).value), []).append(
                    bar
                )
            else:
                for owner in task.owners or ("(no owner)",):
                    sections.setdefault(names.get(owner, owner), []).append(bar)
    milestones = []
    for review in agreement.reviews:
        if review.due is not None and review.due.end is not None:
            title = (review.title or Text(f"{review.kind.value} review")).value
            milestones.append(
                f"    {_label(title)} :milestone, {_mid('review-' + review.id)}, "
                f"{review.due.end.isoformat()}, 0d"
            )
    for event in agreement.events:
        title = (event.title or Text(event.kind)).value
        milestones.append(
            f"    {_label(title)} :milestone, {_mid('event-' + event.id)}, "
            f"{event.date.isoformat()}, 0d"
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
    return "id_" + "".join(ch if ch.isalnum() else "_" for ch in item)
