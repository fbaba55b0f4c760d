"""Events (signing conferences, reviews, meetings), who took part, and signatures."""

from __future__ import annotations

import attrs
import pendulum

from coordagree._checks import (
    each,
    identifier,
    identifiers,
    instance_of,
    is_aware_datetime,
    is_date,
    optional,
    to_date,
    to_datetime,
    to_tuple,
)
from coordagree._codes import ParticipantRole, PartOfDay, closed, member_of
from coordagree._extensions import Extensions, extensions_field
from coordagree._text import Text, to_optional_text

__all__ = ["Event", "Participant", "Signature"]


@attrs.frozen(kw_only=True)
class Participant:
    """A person at an event, in a role there, citing the positions they held then.

    Attributes:
        person: Id of the person.
        role: Their role at the event; known values in `ParticipantRole`, others allowed.
        positions: Ids of the person's positions cited for this event.
        party: Id of the party they represented, where the source says.
    """

    person: str = attrs.field(validator=identifier)
    role: str = attrs.field(default=ParticipantRole.ATTENDEE, validator=instance_of(str))
    positions: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), identifiers]
    )
    party: str | None = attrs.field(default=None, validator=optional(identifier))


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened or is set for a day: a signing, a review, a meeting.

    Attributes:
        id: Unique among the agreement's events.
        kind: Known values in `EventKind` (``signing``, ``interim-review``...), others allowed.
        title: What it was called.
        date: The day, in the agreement's time zone.
        start: The exact start, with its UTC offset, where known.
        part_of_day: Morning, afternoon or evening, where only that is known ("Chiều").
        date_as_written: The source's wording of the date ("Chiều ngày 29/5/2023").
        place: Where it was held.
        organiser: Id of the party that organised it.
        participants: Who took part, and in what role (the chair has role ``chair``).
        summary: What was said or decided.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    kind: str = attrs.field(validator=instance_of(str))
    date: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    title: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    start: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_datetime, validator=optional(is_aware_datetime)
    )
    part_of_day: PartOfDay | None = attrs.field(
        default=None,
        converter=closed(PartOfDay),  # type: ignore[misc]  # attrs plugin: converter factory
        validator=optional(member_of(PartOfDay)),
    )
    date_as_written: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    place: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    organiser: str | None = attrs.field(default=None, validator=optional(identifier))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), each(Participant)]
    )
    summary: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    extensions: Extensions = extensions_field()

    @property
    def chair(self) -> Participant | None:
        """The participant who chaired, if any."""
        return next((p for p in self.participants if p.role == ParticipantRole.CHAIR), None)

    @property
    def attendees(self) -> tuple[Participant, ...]:
        """The participants with role ``attendee``."""
        return tuple(p for p in self.participants if p.role == ParticipantRole.ATTENDEE)


@attrs.frozen(kw_only=True)
class Signature:
    """A party's signature: who signed for it, and when (parties may sign on different days).

    Attributes:
        party: Id of the party that signed.
        person: Id of the person who signed for it, where known.
        date: The day it signed, where known.
        event: Id of the event at which it signed.
    """

    party: str = attrs.field(validator=identifier)
    person: str | None = attrs.field(default=None, validator=optional(identifier))
    date: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=optional(is_date)
    )
    event: str | None = attrs.field(default=None, validator=optional(identifier))
