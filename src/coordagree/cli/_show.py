"""The programme at a glance, as a rich renderable for ``coordagree show``.

Everything taken from a document is escaped, so text such as "[dự thảo]" prints as written
rather than as terminal markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.tree import Tree

from coordagree._agreement import Agreement
from coordagree._sources import Identifier, OtherName

__all__ = ["render_show"]


def _e(value: Any) -> str:
    return escape(str(value))


def _cited(sources: Iterable[str]) -> str:
    names = list(sources)
    return f" [dim]\\[{_e(', '.join(names))}][/dim]" if names else ""


def _numbers(identifiers: Iterable[Identifier]) -> str:
    return "; ".join(f"{_e(i.value)}{_cited(i.sources)}" for i in identifiers)


def _names(names: Iterable[OtherName]) -> str:
    return "; ".join(
        f"{_e(n.name)}" + (f" [dim]({_e(n.kind)})[/dim]" if n.kind else "") for n in names
    )


def render_show(agreement: Agreement) -> RenderableType:
    """Title, numbers, period, parties, people, commitments, tasks, events, lineage, sources."""
    kind = f"{_e(agreement.kind)}, " if agreement.kind else ""
    head = Tree(f"[bold]{_e(agreement.name)}[/bold]  ({kind}{_e(agreement.period or 'no period')})")
    if agreement.identifiers:
        head.add(f"Numbers: {_numbers(agreement.identifiers)}")
    if agreement.other_names:
        head.add(f"Other titles: {_names(agreement.other_names)}")
    if agreement.effective is not None:
        head.add(f"Effective {agreement.effective}")
    parties = head.add("Parties")
    known = {p.id for p in agreement.parties}
    children: dict[str | None, list[str]] = {}
    for party in agreement.parties:
        children.setdefault(party.parent if party.parent in known else None, []).append(party.id)

    def grow(node: Tree, parent: str | None, seen: set[str]) -> None:
        for party_id in children.get(parent, []):
            if party_id in seen:
                continue
            party = agreement.party(party_id)
            roles = f" [dim]({_e(', '.join(party.roles))})[/dim]" if party.roles else ""
            directed = (
                f" [dim]directed by {_e(party.directed_by)}[/dim]" if party.directed_by else ""
            )
            branch = node.add(f"{_e(party.name)}{roles}{directed}{_cited(party.sources)}")
            if party.identifiers:
                branch.add(f"Numbers: {_numbers(party.identifiers)}")
            if party.other_names:
                branch.add(f"Also: {_names(party.other_names)}")
            grow(branch, party_id, seen | {party_id})

    grow(parties, None, set())
    if agreement.people:
        people = head.add("People")
        for person in agreement.people:
            branch = people.add(_e(person.name) + _cited(person.sources))
            for position in person.positions:
                at = f" [dim]@ {_e(position.body)}[/dim]" if position.body else ""
                branch.add(f"{_e(position.title)}{at}")
    declared = agreement.declared_commitments
    count = f"{len(agreement.commitments)}" + (f" of {declared} declared" if declared else "")
    commitments = head.add(f"Commitments ({count})")
    for commitment in agreement.commitments:
        number = f"{commitment.number}. " if commitment.number else "- "
        who = ", ".join(f"{r.party} ({r.role})" for r in commitment.responsible)
        commitments.add(
            f"{number}{_e(commitment.title)}" + (f" [dim]{_e(who)}[/dim]" if who else "")
        )
    for schedule in agreement.schedules:
        tasks = head.add(f"Tasks: {_e(schedule.title or schedule.id)} ({_e(schedule.period)})")
        for task in schedule.tasks:
            owners = " + ".join(task.owners)
            executor = f" → {task.executor}" if task.executor else ""
            due = f"; due {task.due}" if task.due is not None else ""
            details = _e(f"[{owners}{executor}{due}; {task.status}]")
            tasks.add(f"{_e(task.title)} [dim]{details}[/dim]")
    if agreement.reviews:
        reviews = head.add("Reviews")
        for review in agreement.reviews:
            when = f" due {review.due}" if review.due is not None else ""
            reviews.add(f"{_e(review.title or review.kind)}{_e(when)}")
    if agreement.events:
        events = head.add("Events")
        for event in agreement.events:
            chairs = [p for p in event.participants if p.role == "chair"]
            who = "".join(
                f"; chair {_e(agreement.person(c.person).name)}"
                for c in chairs
                if c.person in {p.id for p in agreement.people}
            )
            title = _e(event.title or "")
            events.add(f"{event.date} {_e(event.kind)}: {title}{who}{_cited(event.sources)}")
    if agreement.signatures:
        signatures = head.add("Signatures")
        for signature in agreement.signatures:
            when = f" on {signature.date}" if signature.date is not None else ""
            by = f" by {_e(signature.person)}" if signature.person else ""
            signatures.add(f"{_e(signature.party)}{by}{when}{_cited(signature.sources)}")
    if agreement.related:
        lineage = head.add("Lineage")
        for item in agreement.related:
            date = f" ({_e(item.date)})" if item.date is not None else ""
            document = f" → document {_e(item.document)}" if item.document else ""
            branch = lineage.add(
                f"{_e(item.relation)}: {_e(item.label)}{date}{document}{_cited(item.sources)}"
            )
            if len(item.identifiers) > 1 or (item.identifiers and item.title is not None):
                branch.add(f"Numbers: {_numbers(item.identifiers)}")
            for claim in item.claims:
                said = claim.value_as_written or claim.value
                branch.add(f"{_e(claim.field)} per {_e(', '.join(claim.sources))}: {_e(said)}")
    if agreement.termination is not None:
        terms = agreement.termination
        notice = f"{terms.notice_days} days' notice" if terms.notice_days else "notice"
        head.add(f"Termination: {notice}" + (" in writing" if terms.in_writing else ""))
    if agreement.sources:
        sources = head.add("Sources")
        for source in agreement.sources:
            when = f", {_e(source.published)}" if source.published is not None else ""
            by = f" — {_e(source.publisher)}" if source.publisher is not None else ""
            kind_of = f"{_e(source.kind)}: " if source.kind else ""
            sources.add(
                f"{_e(source.id)}: {kind_of}{_e(source.title or source.url or '')}{by}{when}"
            )
    return Group(head)
