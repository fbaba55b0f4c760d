"""Events (signing conferences, reviews, meetings), who took part, and signatures."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import Act, EventKind, ParticipantRole, PartOfDay, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._sources import Claim
from coordagree._text import Text, to_text
from coordagree._validators import to_datetime, to_tuple

__all__ = ["Event", "Participant", "Signature"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Participant:
    """A person at an event, in a role there, citing the positions they held then.

    Attributes:
        person: Id of the person.
        role: Their role at the event; known values in `ParticipantRole`, others allowed.
        positions: Ids of the person's positions cited for this event.
        party: Id of the party they represented, where the source says.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    person: str = attrs.field(**kinds.ref("person"))
    role: str = attrs.field(
        default=ParticipantRole.ATTENDEE, **kinds.code(ParticipantRole, closed=False)
    )
    positions: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.refs("position", within="person")
    )
    party: str | None = attrs.field(default=None, **kinds.ref("party"))
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Event:
    """Something that happened or is set for a day: a signing, a review, a meeting.

    Attributes:
        id: Unique among the agreement's events.
        kind: Known values in `EventKind` (``signing``, ``interim-review``...), others allowed.
        title: What it was called.
        date: When, in the agreement's time zone, at whatever precision the source gives
            ("in March 1992"); None when it gives none (an event is still an event).
        start: The exact start, with its UTC offset, where known.
        part_of_day: Morning, afternoon or evening, where only that is known ("Chiều").
        date_as_written: The source's wording of the date ("Chiều ngày 29/5/2023").
        place: Where it was held.
        organiser: Id of the party that organised it.
        participants: Who took part, and in what role (the chair has role ``chair``).
        summary: What was said or decided.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    kind: str = attrs.field(**kinds.code(EventKind, closed=False))
    date: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    start: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_datetime, **kinds.datetime()
    )
    part_of_day: PartOfDay | None = attrs.field(
        default=None,
        converter=closed(PartOfDay),  # type: ignore[misc]
        **kinds.code(PartOfDay, closed=True),
    )
    date_as_written: str | None = attrs.field(default=None, **kinds.wording(of="date"))
    place: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    organiser: str | None = attrs.field(default=None, **kinds.ref("party"))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Participant)
    )
    summary: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    @property
    def chair(self) -> Participant | None:
        """The participant who chaired, if any."""
        return next((p for p in self.participants if p.role == ParticipantRole.CHAIR), None)

    @property
    def attendees(self) -> tuple[Participant, ...]:
        """The participants with role ``attendee``."""
        return tuple(p for p in self.participants if p.role == ParticipantRole.ATTENDEE)


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Signature:
    """A signature block: what was done (signed, noted...), by whom, for whom, and when.

    Parties may sign on different days ("16 March 1992" and "20 March 1992"); a block may name
    only an office ("Director, U.S. Geological Survey") through `position`; an office may only
    note the agreement ("Noted on behalf of the United States Coast Guard", act ``noted``); a
    Vice-Chairman may sign for the People's Committee (`on_behalf_of`).

    Attributes:
        party: Id of the party whose block it is.
        act: What was done; known values in `Act` (signed, noted, witnessed, approved,
            countersigned), others allowed.
        person: Id of the person who did it, where known.
        position: Id of the position (of `person`) in which it was done.
        on_behalf_of: Id of the party it was done for, where that is not `party`.
        date: When, at whatever precision is known.
        date_as_written: The source's wording of the date.
        event: Id of the event at which it was done.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    party: str = attrs.field(**kinds.ref("party"))
    act: str = attrs.field(default=Act.SIGNED, **kinds.code(Act, closed=False))
    person: str | None = attrs.field(default=None, **kinds.ref("person"))
    position: str | None = attrs.field(default=None, **kinds.ref("position", within="person"))
    on_behalf_of: str | None = attrs.field(default=None, **kinds.ref("party"))
    date: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    date_as_written: str | None = attrs.field(default=None, **kinds.wording(of="date"))
    event: str | None = attrs.field(default=None, **kinds.ref("event"))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()
