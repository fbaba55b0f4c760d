"""Parties (bodies and their hierarchy), people, and the positions people hold."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import MembershipRole, PartyKind, PartyRole
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date, to_partial_dates
from coordagree._sources import Claim, Identifier, OtherName
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple
from coordagree.errors import InvalidValueError

__all__ = ["Party", "Person", "Position"]


def _check_position_end(instance: Position, attribute: attrs.Attribute[Any], value: Any) -> None:
    start = instance.start
    if value is not None and start is not None and value.last_day < start.first_day:
        raise InvalidValueError(
            f"'end' must be on or after 'start' (got {value}, start {start})",
            field="end",
            value=value,
            code="period-order",
        )


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Membership:
    """A seat on a body: a party, a person or a position (an office, whoever holds it), in a role.

    "co-chaired by the Directors of USFWS and USGS" is two memberships with role ``co-chair``
    held by positions; "a secretariat provided by each in turn" is a ``secretariat``
    membership per party, ``rotating``.

    Attributes:
        party: Id of a party that sits on the body.
        person: Id of a person who sits on it (or who holds `position`).
        position: Id of the position (of `person`) that holds the seat, whoever fills it.
        role: The seat's role; known values in `MembershipRole`, others allowed.
        start: Since when, at whatever precision is known.
        start_as_written: The source's wording of that.
        end: Until when.
        end_as_written: The source's wording of that.
        equal: Whether members have equal standing ("with equal membership").
        rotating: Whether the seat passes in turn between its holders.
        note: Anything else the source says of the seat.
        sources: Ids of the sources that give it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    party: str | None = attrs.field(default=None, **kinds.ref("party"))
    person: str | None = attrs.field(default=None, **kinds.ref("person"))
    position: str | None = attrs.field(default=None, **kinds.ref("position", within="person"))
    role: str = attrs.field(
        default=MembershipRole.MEMBER, **kinds.code(MembershipRole, closed=False)
    )
    start: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    start_as_written: str | None = attrs.field(default=None, **kinds.wording(of="start"))
    end: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    end_as_written: str | None = attrs.field(default=None, **kinds.wording(of="end"))
    equal: bool | None = attrs.field(default=None, **kinds.flag())
    rotating: bool | None = attrs.field(default=None, **kinds.flag())
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()


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
        member_of: Id of the body it is a member organisation of (a tổ chức thành viên of the
            Fatherland Front), where it is not a sub-unit.
        established_by: Id of the agreement (or of one of its commitments) that creates the
            body: a committee or council the agreement establishes.
        memberships: Who sits on the body: parties, people or positions, each in a role.
        fiscal_year_start: The month (1 to 12) the body's own fiscal years start in, where it
            differs from the agreement's (a state's July year beside the federal October one).
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
    parent: str | None = attrs.field(default=None, **kinds.ref("party", hierarchy=True))
    directed_by: str | None = attrs.field(default=None, **kinds.ref("party", hierarchy=True))
    member_of: str | None = attrs.field(default=None, **kinds.ref("party", hierarchy=True))
    established_by: str | None = attrs.field(default=None, **kinds.ref("agreement|commitment"))
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Membership)
    )
    fiscal_year_start: int | None = attrs.field(default=None, **kinds.month())
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
        start: When the holder took office, at whatever precision is known.
        start_as_written: The source's wording of that ("từ tháng 3/2022").
        end: When the holder left office.
        end_as_written: The source's wording of that.
        seen: Dates on which a source shows the holder in office, where start and end are not
            known (a chief prosecutor "in 3/2022").
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    body: str | None = attrs.field(default=None, **kinds.ref("party"))
    start: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    start_as_written: str | None = attrs.field(default=None, **kinds.wording(of="start"))
    end: PartialDate | None = attrs.field(
        default=None,
        validator=_check_position_end,
        converter=to_partial_date,
        **kinds.partial_date(),
    )
    end_as_written: str | None = attrs.field(default=None, **kinds.wording(of="end"))
    seen: tuple[PartialDate, ...] = attrs.field(
        default=(), converter=to_partial_dates, **kinds.partial_dates()
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def held_on(self, day: pendulum.Date) -> bool:
        """Whether the position may have been held on ``day``, as far as its dates say.

        A date of reduced precision counts as its whole span: a position held from "2020" may
        have been held on 2020-01-01.
        """
        return (self.start is None or self.start.first_day <= day) and (
            self.end is None or day <= self.end.last_day
        )


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Person:
    """A person, with every position they hold, several at once if need be.

    Attributes:
        id: Unique among the agreement's people.
        name: The person's name as written ("Lê Văn Bảo"); absent when a source names only the
            office ("Director, U.S. Geological Survey").
        honorific: How the source addresses them ("đồng chí").
        positions: Their positions, concurrent or successive.
        identifiers: Its numbers and identifiers, as each source writes them.
        other_names: Its other names: short forms, former names, spelling variants.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    name: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
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
