"""Open codelists: the known values of fields that also accept other strings.

An open codelist field is typed ``str``; these `enum.StrEnum` members are ``str`` too, so
``PartyRole.SIGNATORY == "signatory"`` and either may be passed. Values outside a list are kept
as written (a validator may mention them as ``info``).
"""

from __future__ import annotations

import enum
import functools
from typing import Any

import attrs

from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "AgreementKind",
    "EventKind",
    "Modality",
    "PartOfDay",
    "ParticipantRole",
    "PartyKind",
    "PartyRole",
    "RelationKind",
    "ResponsibilityRole",
    "ReviewKind",
    "TaskStatus",
]


class AgreementKind(enum.StrEnum):
    """Known kinds of agreement (an open list)."""

    COORDINATION_PROGRAMME = "coordination-programme"
    """Chương trình phối hợp: a programme of joint work over a period."""
    COORDINATION_REGULATION = "coordination-regulation"
    """Quy chế phối hợp: standing rules of co-operation."""
    MOU = "mou"
    """Memorandum of understanding, often non-binding."""
    MOA = "moa"
    """Memorandum of agreement."""
    JOINT_RESOLUTION = "joint-resolution"
    """Nghị quyết liên tịch: a resolution issued jointly."""


class PartyKind(enum.StrEnum):
    """Known kinds of body (an open list)."""

    PARTY_COMMITTEE = "party-committee"
    PARTY_BOARD = "party-board"
    PARTY_EXECUTIVE_COMMITTEE = "party-executive-committee"
    PEOPLES_COMMITTEE = "peoples-committee"
    COURT = "court"
    PROCURACY = "procuracy"
    STATE_AGENCY = "state-agency"
    MASS_ORGANISATION = "mass-organisation"
    NETWORK = "network"
    JOINT_BODY = "joint-body"


class PartyRole(enum.StrEnum):
    """Known roles of a party in an agreement (an open list)."""

    CONVENER = "convener"
    """Convenes and co-ordinates the agreement (the hub)."""
    SIGNATORY = "signatory"
    EXECUTOR = "executor"
    """Carries out tasks without signing, directed by a party that signed."""
    PARTNER = "partner"
    """Works with the executors on tasks."""
    WITNESS = "witness"
    OBSERVER = "observer"


class ResponsibilityRole(enum.StrEnum):
    """A party's role in a commitment or task: chủ trì (lead) or phối hợp (co-operate)."""

    LEAD = "lead"
    CO_OPERATING = "co-operating"


class Modality(enum.StrEnum):
    """What a commitment does to the parties."""

    OBLIGATION = "obligation"
    PERMISSION = "permission"
    PROHIBITION = "prohibition"


class TaskStatus(enum.StrEnum):
    """A task's status: the iCalendar VTODO set (RFC 5545, lower-cased)."""

    NEEDS_ACTION = "needs-action"
    IN_PROCESS = "in-process"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class EventKind(enum.StrEnum):
    """Known kinds of event (an open list)."""

    SIGNING = "signing"
    INTERIM_REVIEW = "interim-review"
    """Sơ kết."""
    FINAL_REVIEW = "final-review"
    """Tổng kết."""
    MEETING = "meeting"


class ReviewKind(enum.StrEnum):
    """A planned review: sơ kết (interim) or tổng kết (final)."""

    INTERIM = "interim"
    FINAL = "final"


class PartOfDay(enum.StrEnum):
    """Part of the day, where only that is known ("chiều" is afternoon)."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class ParticipantRole(enum.StrEnum):
    """Known roles of a person at an event (an open list)."""

    CHAIR = "chair"
    ATTENDEE = "attendee"
    SPEAKER = "speaker"
    SIGNER = "signer"


class RelationKind(enum.StrEnum):
    """How an agreement relates to another instrument."""

    IMPLEMENTS = "implements"
    SUPERSEDES = "supersedes"
    ACCOMPANIES = "accompanies"
    AMENDS = "amends"


@functools.cache
def closed(enum_type: type[enum.StrEnum]) -> Any:
    """Converter for a closed codelist: a member, or its value, becomes the member."""

    def convert(value: Any) -> Any:
        if isinstance(value, enum_type):
            return value
        if isinstance(value, str):
            try:
                return enum_type(value)
            except ValueError:
                return value
        return value

    return convert


def member_of(enum_type: type[enum.StrEnum]) -> Any:
    """Validator for a closed codelist field."""
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, enum_type):
            return
        error = InvalidValueError if isinstance(value, str) else InvalidTypeError
        raise error(
            f"'{attribute.name}' must be one of {allowed} (got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-code",
        )

    return check
