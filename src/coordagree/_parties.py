"""Parties (bodies and their hierarchy), people, and the positions people hold."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import PartyKind, PartyRole
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._sources import Claim, Identifier, OtherName
from coordagree._text import Text, to_text
from coordagree._validators import to_date, to_tuple
from coordagree.errors import InvalidValueError

__all__ = ["Party", "Person", "Position"]


def _check_position_end(instance: Position, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and instance.start is not None and value < instance.start:
        raise InvalidValueError(
            f"'end' must be on or after 'start' (got {value.isoformat()}, "
            f"start {instance.start.isoformat()})",
            field="end",
            value=value,
            code="period-order",
        )


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Party:
    """A body involved in the agreement, whether it signs or not.

    Bodies form a hierarchy through `parent` (the Mass Mobilisation Board belongs to the
    Provincial Party Committee); a body that acts for a signing party without signing is a party
    too, `directed_by` that party (the Provincial People's Court, directed by its Party Executive
    Committee), with a role such as ``executor``.

    Attributes:
        id: Unique among the agreement's parties, referenced from elsewhere.
        name: The body's full name.
        short_name: A short name or abbreviation ("TAND tỉnh").
        kind: What sort of body it is; known values in `PartyKind`, others allowed.
        roles: Its roles in this agreement; known values in `PartyRole`, others allowed.
        parent: Id of the body it belongs to.
        directed_by: Id of the party that directs it (chỉ đạo).
        identifiers: Its numbers and identifiers, as each source writes them.
        other_names: Its other names: short forms, former names, spelling variants.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    name: Text = attrs.field(converter=to_text, **kinds.text())
    short_name: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    kind: str | None = attrs.field(default=None, **kinds.code(PartyKind, closed=False))
    roles: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.code(PartyRole, closed=False, many=True)
    )
    parent: str | None = attrs.field(default=None, **kinds.ref("party"))
    directed_by: str | None = attrs.field(default=None, **kinds.ref("party"))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Identifier)
    )
    other_names: tuple[OtherName, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(OtherName)
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def has_role(self, role: str) -> bool:
        """Whether the party has ``role`` in this agreement."""
        return role in self.roles


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Position:
    """An office a person holds at a body, optionally from and until a date.

    Attributes:
        id: Unique among the person's positions; events cite it.
        title: The office ("Trưởng ban Dân vận").
        body: Id of the party (body) where it is held.
        start: First day in office, where known.
        end: Last day in office, where known.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    body: str | None = attrs.field(default=None, **kinds.ref("party"))
    start: pendulum.Date | None = attrs.field(default=None, converter=to_date, **kinds.date())
    end: pendulum.Date | None = attrs.field(
        default=None, validator=_check_position_end, converter=to_date, **kinds.date()
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def held_on(self, day: pendulum.Date) -> bool:
        """Whether the position was held on ``day``, as far as its dates say."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Person:
    """A person, with every position they hold, several at once if need be.

    Attributes:
        id: Unique among the agreement's people.
        name: The person's name as written ("Lê Văn Bảo").
        honorific: How the source addresses them ("đồng chí").
        positions: Their positions, concurrent or successive.
        identifiers: Its numbers and identifiers, as each source writes them.
        other_names: Its other names: short forms, former names, spelling variants.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    name: Text = attrs.field(converter=to_text, **kinds.text())
    honorific: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    positions: tuple[Position, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Position, table="position")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Identifier)
    )
    other_names: tuple[OtherName, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(OtherName)
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def position(self, position_id: str) -> Position | None:
        """The position with id ``position_id``, or None."""
        return next((p for p in self.positions if p.id == position_id), None)

    def positions_at(self, body: str) -> tuple[Position, ...]:
        """The positions this person holds at the body with id ``body``."""
        return tuple(p for p in self.positions if p.body == body)
