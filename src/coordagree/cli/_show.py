"""The programme at a glance, as a rich renderable for ``coordagree show``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.tree import Tree

from coordagree._agreement import Agreement

__all__ = ["render_show"]


def render_show(agreement: Agreement) -> RenderableType:
    """Title, period, the party tree with roles, people, commitments, tasks and events."""
    head = Tree(
        f"[bold]{agreement.title}[/bold]  ({agreement.kind}, {agreement.period or 'no period'})"
    )
    parties = head.add("Parties")
    nodes = {}
    children: dict[str | None, list[str]] = {}
    for party in agreement.parties:
        known_parent = party.parent if party.parent in {p.id for p in agreement.parties} else None
        children.setdefault(known_parent, []).append(party.id)

    def grow(node: Tree, parent: str | None, seen: set[str]) -> None:
        for party_id in children.get(parent, []):
            if party_id in seen:
                continue
            party = agreement.party(party_id)
            roles = f" [dim]({', '.join(party.roles)})[/dim]" if party.roles else ""
            directed = f" [dim]directed by {party.directed_by}[/dim]" if party.directed_by else ""
            nodes[party_id] = branch = node.add(f"{party.name}{roles}{directed}")
            grow(branch, party_id, seen | {party_id})

    grow(parties, None, set())
    people = head.add("People")
    for person in agreement.people:
        branch = people.add(str(person.name))
        for position in person.positions:
            branch.add(
                f"{position.title}" + (f" [dim]@ {position.body}[/dim]" if position.body else "")
            )
    declared = agreement.declared_commitments
    count = f"{len(agreement.commitments)}" + (f" of {declared} declared" if declared else "")
    commitments = head.add(f"Commitments ({count})")
    for commitment in agreement.commitments:
        number = f"{commitment.number}. " if commitment.number else "- "
        commitments.add(f"{number}{commitment.title}")
    for schedule in agreement.schedules:
        tasks = head.add(f"Tasks: {schedule.title or schedule.id} ({schedule.period})")
        for task in schedule.tasks:
            owners = " + ".join(task.owners)
            executor = f" → {task.executor}" if task.executor else ""
            details = escape(f"[{owners}{executor}; due {task.due}; {task.status}]")
            tasks.add(f"{escape(str(task.title))} [dim]{details}[/dim]")
    events = head.add("Events")
    for event in agreement.events:
        chair = event.chair
        who = f"; chair {agreement.person(chair.person).name}" if chair else ""
        events.add(f"{event.date} {event.kind}: {event.title or ''}{who}")
    return Group(head)
