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
    "Act",
    "AgreementKind",
    "AmountQualifier",
    "CountBound",
    "EventKind",
    "Firmness",
    "INVERSE_RELATIONS",
    "IdentifierScheme",
    "InstrumentKind",
    "MembershipRole",
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
    COORDINATION_PLAN = "coordination-plan"
    """Kế hoạch phối hợp: a plan of joint work, often a year's."""


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
    """A committee, council or working group, often one the agreement creates."""
    GOVERNMENT = "government"
    """Chính phủ, or a national government."""
    FATHERLAND_FRONT_COMMITTEE = "fatherland-front-committee"
    """Ủy ban Mặt trận Tổ quốc, at any level."""
    STANDING_BOARD = "standing-board"
    """Ban Thường trực (of a Fatherland Front committee, say)."""
    PRESIDIUM = "presidium"
    """Đoàn Chủ tịch."""
    FEDERAL_AGENCY = "federal-agency"
    """A US federal agency."""
    DEPARTMENT = "department"
    """A US executive department (Department of the Interior)."""
    BUREAU = "bureau"
    """A bureau within a department (U.S. Geological Survey)."""
    OFFICE = "office"
    """An office within an agency (Office of Boating Safety)."""
    COMPONENT = "component"
    """Another component of an agency (a directorate, a program)."""
    VOLUNTEER_ORGANISATION = "volunteer-organisation"
    """A volunteer body (the Coast Guard Auxiliary)."""


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
    FUNDER = "funder"
    """Provides money under the agreement."""
    LEAD_AGENCY = "lead-agency"
    """Leads the agreement's work (a US MOU's lead agency)."""
    NOTER = "noter"
    """Notes the agreement without signing it ("Noted on behalf of ...")."""
    SERVICE_PROVIDER = "service-provider"
    """Provides a service the agreement arranges."""
    SECRETARIAT = "secretariat"
    """Provides the secretariat of a body the agreement creates."""
    MEMBER_ORGANISATION = "member-organisation"
    """A member organisation (tổ chức thành viên) that acts without being a party."""


class ResponsibilityRole(enum.StrEnum):
    """A party's role in a commitment or task: chủ trì (lead) or phối hợp (co-operate)."""

    LEAD = "lead"
    """Chủ trì: leads it."""
    CO_OPERATING = "co-operating"
    """Phối hợp: works with the lead."""
    SOLE = "sole"
    """Alone answerable ("allocated solely to")."""
    NOT_STATED = "not-stated"
    """Answerable, in a role the source does not state (the default since format 1.1)."""


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
    """Part of the day, where only that is known.

    Vietnamese sources write "sáng" (morning), "trưa" (noon), "chiều" (afternoon), "tối"
    (evening) and "đêm" (night).
    """

    MORNING = "morning"
    NOON = "noon"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


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
    COORDINATION_PLAN = "coordination-plan"
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


class MembershipRole(enum.StrEnum):
    """Known roles in a body's membership (an open list)."""

    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    VICE_CHAIR = "vice-chair"
    SECRETARIAT = "secretariat"
    MEMBER = "member"
    OBSERVER = "observer"


class Act(enum.StrEnum):
    """Known acts a signature block records (an open list)."""

    SIGNED = "signed"
    NOTED = "noted"
    """"Noted on behalf of ...": acknowledged without becoming bound."""
    WITNESSED = "witnessed"
    APPROVED = "approved"
    COUNTERSIGNED = "countersigned"


class AmountQualifier(enum.StrEnum):
    """How an amount is stated."""

    EXACTLY = "exactly"
    UP_TO = "up-to"
    NOT_TO_EXCEED = "not-to-exceed"
    AT_LEAST = "at-least"
    ESTIMATED = "estimated"


class Firmness(enum.StrEnum):
    """How firmly money is promised."""

    COMMITTED = "committed"
    """"will be made available"."""
    PROJECTED = "projected"
    """"currently projected"."""
    SUBJECT_TO_APPROPRIATIONS = "subject-to-appropriations"
    """Subject to the availability of appropriated funds."""


class CountBound(enum.StrEnum):
    """How a declared count bounds the listed items."""

    EXACTLY = "exactly"
    AT_LEAST = "at-least"
    """The source says "at least" (or lists some and says "…")."""


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
