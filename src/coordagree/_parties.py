"""Parties (bodies and their hierarchy), people, and the positions people hold."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree._checks import (
    each,
    identifier,
    instance_of,
    is_date,
    optional,
    to_date,
    to_tuple,
)
from coordagree._extensions import Extensions, extensions_field
from coordagree._text import Text, to_optional_text, to_text
from coordagree.errors import InvalidValueError

__all__ = ["Party", "Person", "Position"]


def _strings(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(tuple)(_inst, attribute, value)
    each(str)(_inst, attribute, value)


def _check_position_end(instance: Position, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(is_date)(instance, attribute, value)
    if value is not None and instance.start is not None and value < instance.start:
        raise InvalidValueError(
            f"'end' must be on or after 'start' (got {value.isoformat()}, "
            f"start {instance.start.isoformat()})",
            field="end",
            value=value,
            code="period-order",
        )


@attrs.frozen(kw_only=True)
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
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    name: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    short_name: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    kind: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    roles: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_strings)
    parent: str | None = attrs.field(default=None, validator=optional(identifier))
    directed_by: str | None = attrs.field(default=None, validator=optional(identifier))
    extensions: Extensions = extensions_field()

    def has_role(self, role: str) -> bool:
        """Whether the party has ``role`` in this agreement."""
        return role in self.roles


@attrs.frozen(kw_only=True)
class Position:
    """An office a person holds at a body, optionally from and until a date.

    Attributes:
        id: Unique among the person's positions; events cite it.
        title: The office ("Trưởng ban Dân vận").
        body: Id of the party (body) where it is held.
        start: First day in office, where known.
        end: Last day in office, where known.
    """

    id: str = attrs.field(validator=identifier)
    title: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    body: str | None = attrs.field(default=None, validator=optional(identifier))
    start: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=optional(is_date)
    )
    end: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=_check_position_end
    )

    def held_on(self, day: pendulum.Date) -> bool:
        """Whether the position was held on ``day``, as far as its dates say."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Person:
    """A person, with every position they hold, several at once if need be.

    Attributes:
        id: Unique among the agreement's people.
        name: The person's name as written ("Lê Văn Bảo").
        honorific: How the source addresses them ("đồng chí").
        positions: Their positions, concurrent or successive.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    name: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    honorific: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    positions: tuple[Position, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), each(Position)]
    )
    extensions: Extensions = extensions_field()

    def position(self, position_id: str) -> Position | None:
        """The position with id ``position_id``, or None."""
        return next((p for p in self.positions if p.id == position_id), None)

    def positions_at(self, body: str) -> tuple[Position, ...]:
        """The positions this person holds at the body with id ``body``."""
        return tuple(p for p in self.positions if p.body == body)
