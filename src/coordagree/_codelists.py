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
    "INVERSE_RELATIONS",
    "IdentifierScheme",
    "InstrumentKind",
    "Modality",
    "NameKind",
    "PartOfDay",
    "ParticipantRole",
    "PartyKind",
    "PartyRole",
    "RelationKind",
    "ResponsibilityRole",
    "ReviewKind",
    "SourceKind",
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
    """Known ways an agreement relates to another instrument (an open list since format 1.1)."""

    LEGAL_BASIS = "legal-basis"
    """Căn cứ: an instrument the agreement is made under ("Căn cứ Nghị quyết liên tịch số ...")."""
    IMPLEMENTS = "implements"
    """The agreement carries the instrument out (a programme implementing a resolution)."""
    ISSUED_BY = "issued-by"
    """The instrument that issues the agreement (the joint resolution that issues a quy chế)."""
    SUPERSEDES = "supersedes"
    """The agreement replaces the instrument ("thay cho Quy chế phối hợp số ...")."""
    SUPERSEDED_BY = "superseded-by"
    """The instrument replaces the agreement."""
    AMENDS = "amends"
    """The agreement changes the instrument."""
    AMENDED_BY = "amended-by"
    """The instrument changes the agreement."""
    ACCOMPANIES = "accompanies"
    """A companion signed together, at the same ceremony."""
    EMBEDDED_IN = "embedded-in"
    """The agreement is part of the instrument ("Enclosure (3)" of an instruction)."""
    CITES = "cites"
    """The agreement mentions the instrument, without one of the links above."""
    RELATED = "related"
    """A link the source does not state."""


INVERSE_RELATIONS: dict[str, str] = {
    RelationKind.SUPERSEDES: RelationKind.SUPERSEDED_BY,
    RelationKind.SUPERSEDED_BY: RelationKind.SUPERSEDES,
    RelationKind.AMENDS: RelationKind.AMENDED_BY,
    RelationKind.AMENDED_BY: RelationKind.AMENDS,
}
"""The relation seen from the other instrument, for relations that have one."""


class InstrumentKind(enum.StrEnum):
    """Known kinds of instrument an agreement relates to (an open list)."""

    COORDINATION_PROGRAMME = "coordination-programme"
    COORDINATION_REGULATION = "coordination-regulation"
    MOU = "mou"
    MOA = "moa"
    JOINT_RESOLUTION = "joint-resolution"
    """Nghị quyết liên tịch."""
    RESOLUTION = "resolution"
    """Nghị quyết."""
    DIRECTIVE = "directive"
    """Chỉ thị."""
    DECISION = "decision"
    """Quyết định."""
    PLAN = "plan"
    """Kế hoạch."""
    LAW = "law"
    """Luật, or a statute."""
    DECREE = "decree"
    """Nghị định."""
    INSTRUCTION = "instruction"
    """An agency instruction or directive that encloses agreements."""
    REGULATION = "regulation"
    """Quy định, or a federal regulation."""


class IdentifierScheme(enum.StrEnum):
    """Known schemes of numbers and identifiers (an open list)."""

    DOCUMENT_NUMBER = "document-number"
    """Số và ký hiệu văn bản ("Số: 01/QCPH/UBND-UBMTTQ"), or a US document's number."""
    AGREEMENT_NUMBER = "agreement-number"
    """An agreement's own number in a register of agreements ("MOU 225-16-020")."""
    REGISTER_ENTRY = "register-entry"
    """An entry in an index or register of agreements."""
    ORGANISATION_CODE = "organisation-code"
    """A body's code in an official list."""


class NameKind(enum.StrEnum):
    """Known kinds of other name (an open list)."""

    SHORT = "short"
    """A short form or abbreviation ("TAND tỉnh", "USGS")."""
    FORMER = "former"
    """A name no longer used."""
    VARIANT = "variant"
    """A spelling seen in another source ("Y Déc H'Đớk")."""
    TITLE = "title"
    """Another title of an agreement, as another source gives it."""
    TRANSLATION = "translation"
    """The name in another language, as a source gives it."""


class SourceKind(enum.StrEnum):
    """Known kinds of source a record is taken from (an open list)."""

    AGREEMENT_TEXT = "agreement-text"
    """The agreement's own text."""
    NEWS_REPORT = "news-report"
    """A news report (a provincial portal, a newspaper)."""
    NOTICE = "notice"
    """A notice or announcement by a party."""
    INDEX = "index"
    """An index or list of agreements."""
    REGISTER = "register"
    """An official register."""


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
