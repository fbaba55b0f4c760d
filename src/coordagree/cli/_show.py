"""The programme at a glance, as a rich renderable for ``coordagree show``.

Everything taken from a document is escaped, so text such as "[dự thảo]" prints as written
rather than as terminal markup, and control characters (the ESC of ANSI and OSC sequences)
print as pictures (␛) rather than acting on the terminal.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any

import attrs
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.tree import Tree

from coordagree._agreement import Agreement
from coordagree._money import funding_totals
from coordagree._period import Period
from coordagree._sources import Identifier, OtherName
from coordagree._text import Text
from coordagree.cli._escape import terminal

__all__ = ["render_show"]


def _e(value: Any) -> str:
    return escape(terminal(str(value)))  # no markup, and no escape sequence, from a document


def _cited(sources: Iterable[str]) -> str:
    names = list(sources)
    return f" [dim]\\[{_e(', '.join(names))}][/dim]" if names else ""


def _when(period: Period | None) -> str:
    """A period and, where kept, its wording ("2023 – 2026 (giai đoạn 2023 - 2026)")."""
    if period is None:
        return ""
    worded = f" ({period.as_written})" if period.as_written else ""
    return _e(f"{period}{worded}")


def _numbers(identifiers: Iterable[Identifier]) -> str:
    return "; ".join(f"{_e(i.value)}{_cited(i.sources)}" for i in identifiers)


def _names(names: Iterable[OtherName]) -> str:
    return "; ".join(
        f"{_e(n.name)}" + (f" [dim]({_e(n.kind)})[/dim]" if n.kind else "") for n in names
    )


def _rest(node: Tree, record: Any, shown: Iterable[str]) -> None:
    """Add every other field of ``record`` that is not at its default, so nothing is hidden."""
    done = set(shown) | {"extensions"}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name in done or value in (None, (), "") or value == _default(field):
            continue
        node.add(f"[dim]{field.name}:[/dim] {_e(_plain(value))}")
    extensions = getattr(record, "extensions", None)
    if extensions:
        node.add(f"[dim]extensions:[/dim] {_e(_plain(extensions))}")


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]


def _plain(value: Any) -> str:
    """A value as a reader would write it: text as is, records in their document form."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, str | int | float | bool):
        return str(value)
    plain = _converter().unstructure(value)
    if isinstance(plain, str):
        return plain
    return json.dumps(plain, ensure_ascii=False, default=str)


@functools.cache
def _converter() -> Any:
    from coordagree._convert import make_converter

    return make_converter()


_NESTING = 12  # levels of parties drawn as a tree; deeper ones say what they are under


def render_show(agreement: Agreement) -> RenderableType:
    """Title, numbers, period, parties, people, commitments, tasks, events, lineage, sources."""
    kind = f"{_e(agreement.kind)}, " if agreement.kind else ""
    head = Tree(
        f"[bold]{_e(agreement.name)}[/bold]  ({kind}{_when(agreement.period) or 'no period'})"
    )
    if agreement.identifiers:
        head.add(f"Numbers: {_numbers(agreement.identifiers)}")
    if agreement.other_names:
        head.add(f"Other titles: {_names(agreement.other_names)}")
    if agreement.effective is not None:
        head.add(f"Effective {agreement.effective}")
    shown: tuple[str, ...] = ("id", "title", "kind", "period", "identifiers", "other_names")
    shown += ("effective",)
    lists: tuple[str, ...] = (
        "parties",
        "people",
        "commitments",
        "schedules",
        "reviews",
        "events",
        "signatures",
    )
    lists += ("related", "funding", "amendments", "termination", "sources", "declared_commitments")
    _rest(head, agreement, (*shown, *lists))
    parties = head.add("Parties")
    known = {p.id for p in agreement.parties}
    children: dict[str | None, list[str]] = {}
    for party in agreement.parties:
        children.setdefault(party.parent if party.parent in known else None, []).append(party.id)

    by_id = {party.id: party for party in agreement.parties}

    def add(node: Tree, party_id: str, under: str | None) -> Tree:
        party = by_id[party_id]
        roles = f" [dim]({_e(', '.join(party.roles))})[/dim]" if party.roles else ""
        directed = f" [dim]directed by {_e(party.directed_by)}[/dim]" if party.directed_by else ""
        placed = f" [dim]under {_e(under)}[/dim]" if under else ""
        branch = node.add(f"{_e(party.name)}{roles}{directed}{placed}{_cited(party.sources)}")
        if party.identifiers:
            branch.add(f"Numbers: {_numbers(party.identifiers)}")
        if party.other_names:
            branch.add(f"Also: {_names(party.other_names)}")
        if party.established_by:
            branch.add(f"Established by {_e(party.established_by)}")
        for seat in party.memberships:
            holder = seat.party or " / ".join(x for x in (seat.person, seat.position) if x)
            how = ", ".join(
                w for w, on in (("equal", seat.equal), ("rotating", seat.rotating)) if on
            )
            seat_node = branch.add(
                f"{_e(seat.role)}: {_e(holder)}" + (f" [dim]({how})[/dim]" if how else "")
            )
            _rest(seat_node, seat, ("role", "party", "person", "position", "equal", "rotating"))
        done = ("id", "name", "roles", "directed_by", "parent", "sources", "identifiers")
        _rest(branch, party, (*done, "other_names", "established_by", "memberships"))
        return branch

    # Walked with a stack, each party once: a chain of 100,000 bodies costs no recursion and
    # no copying. Past _NESTING levels the tree stops indenting (the lines would grow with the
    # depth, and the output with its square): deeper bodies are listed at that level, each
    # saying which body it is under.
    placed: set[str] = set()
    stack: list[tuple[Tree, str, int]] = [
        (parties, party_id, 1) for party_id in reversed(children.get(None, []))
    ]
    while stack:
        node, party_id, level = stack.pop()
        if party_id in placed:
            continue
        placed.add(party_id)
        parent = by_id[party_id].parent
        flat = level > _NESTING
        branch = add(node, party_id, parent if flat else None)
        below = node if flat else branch
        stack.extend((below, child, level + 1) for child in reversed(children.get(party_id, [])))
    for party in agreement.parties:  # in a cycle of parents (hierarchy-cycle): shown anyway
        if party.id not in placed:
            placed.add(party.id)
            add(parties, party.id, party.parent)
    if agreement.people:
        people = head.add("People")
        for person in agreement.people:
            branch = people.add(_e(person.name or person.id) + _cited(person.sources))
            _rest(branch, person, ("id", "name", "sources", "positions"))
            for position in person.positions:
                at = f" [dim]@ {_e(position.body)}[/dim]" if position.body else ""
                _rest(branch.add(f"{_e(position.title)}{at}"), position, ("title", "body"))
    declared = agreement.declared_commitments
    count = f"{len(agreement.commitments)}" + (f" of {declared} declared" if declared else "")
    commitments = head.add(f"Commitments ({count})")
    nodes: dict[str, Tree] = {}
    ids = {c.id for c in agreement.commitments}
    for commitment in agreement.commitments:  # sub-items under their parent ("2.A" under "2")
        number = f"{_e(commitment.number)}. " if commitment.number else "- "
        who = ", ".join(f"{r.party} ({r.role})" for r in commitment.responsible)
        holder = nodes.get(commitment.parent or "") if commitment.parent in ids else None
        nodes[commitment.id] = node = (holder or commitments).add(
            f"{number}{_e(commitment.title)}" + (f" [dim]{_e(who)}[/dim]" if who else "")
        )
        _rest(node, commitment, ("id", "title", "number", "parent", "responsible"))
    for schedule in agreement.schedules:
        tasks = head.add(f"Tasks: {_e(schedule.title or schedule.id)} ({_when(schedule.period)})")
        for task in schedule.tasks:
            owners = " + ".join(task.owners)
            executor = f" → {task.executor}" if task.executor else ""
            due = f"; due {task.due}" if task.due is not None else ""
            worded = f" ({task.due.as_written})" if task.due and task.due.as_written else ""
            details = _e(f"[{owners}{executor}{due}{worded}; {task.status}]")
            shown = ("id", "title", "owners", "executor", "due", "status")
            _rest(tasks.add(f"{_e(task.title)} [dim]{details}[/dim]"), task, shown)
    if agreement.reviews:
        reviews = head.add("Reviews")
        for review in agreement.reviews:
            when = f" due {_when(review.due)}" if review.due is not None else ""
            node = reviews.add(f"{_e(review.title or review.kind)}{when}")
            _rest(node, review, ("title", "kind", "due"))
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
            when = "date not stated" if event.date is None else str(event.date)
            node = events.add(f"{when} {_e(event.kind)}: {title}{who}{_cited(event.sources)}")
            _rest(node, event, ("date", "kind", "title", "sources"))
    if agreement.signatures:
        signatures = head.add("Signatures")
        for signature in agreement.signatures:
            when = f" on {signature.date}" if signature.date is not None else ""
            by = f" by {_e(signature.person)}" if signature.person else ""
            office = f" as {_e(signature.position)}" if signature.position else ""
            behalf = f" for {_e(signature.on_behalf_of)}" if signature.on_behalf_of else ""
            node = signatures.add(
                f"{_e(signature.party)}: {_e(signature.act)}{by}{office}{behalf}{when}"
                f"{_cited(signature.sources)}"
            )
            shown = ("party", "act", "person", "position", "on_behalf_of", "date", "sources")
            _rest(node, signature, shown)
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
                claim_node = branch.add(
                    f"{_e(claim.field)} per {_e(', '.join(claim.sources))}: {_e(said)}"
                )
                _rest(claim_node, claim, ("field", "sources", "value_as_written"))
            shown = ("relation", "title", "date", "document", "sources", "identifiers", "claims")
            _rest(branch, item, shown)
    if agreement.funding:
        funding = head.add("Funding")
        for row in agreement.funding:
            firm = f", {_e(row.firmness)}" if row.firmness is not None else ""
            flow = " → ".join(x for x in (row.payer, row.payee) if x)
            node = funding.add(
                f"{_e(row.qualifier)} {_e(row.amount)} {_e(row.currency)}"
                f" {_when(row.period)}{firm}" + (f" [dim]{_e(flow)}[/dim]" if flow else "")
            )
            shown = ("qualifier", "amount", "currency", "period", "firmness", "payer", "payee")
            _rest(node, row, shown)
        for period, per_currency in funding_totals(agreement.funding).items():
            total = ", ".join(f"{amount} {code}" for code, amount in per_currency.items())
            funding.add(f"[dim]total {_e(period)}: {_e(total)}[/dim]")
    if agreement.amendments:
        amendments = head.add("Amendments")
        for amendment in agreement.amendments:
            when = "date not stated" if amendment.date is None else str(amendment.date)
            node = amendments.add(f"{when}: {_e(amendment.description)}")
            _rest(node, amendment, ("date", "description"))
    if agreement.termination is not None:
        terms = agreement.termination
        notice = f"{terms.notice} notice" if terms.notice else "notice"
        node = head.add(f"Termination: {notice}" + (" in writing" if terms.in_writing else ""))
        _rest(node, terms, ("notice", "in_writing"))
    if agreement.sources:
        sources = head.add("Sources")
        for source in agreement.sources:
            when = f", {_e(source.published)}" if source.published is not None else ""
            by = f" — {_e(source.publisher)}" if source.publisher is not None else ""
            kind_of = f"{_e(source.kind)}: " if source.kind else ""
            node = sources.add(
                f"{_e(source.id)}: {kind_of}{_e(source.title or source.url or '')}{by}{when}"
            )
            _rest(node, source, ("id", "kind", "title", "publisher", "published"))
    return Group(head)
