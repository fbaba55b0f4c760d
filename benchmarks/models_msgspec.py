"""The coordagree document as msgspec Structs, as strict as coordagree's loader.

Same fields, frozen, unknown fields refused, ISO dates decoded to `datetime.date`, enums
checked, ids and reduced-precision dates checked by pattern. Written as msgspec's docs
recommend: `Struct` classes with `frozen=True, forbid_unknown_fields=True`, `Meta` constraints,
one reused `msgspec.json.Decoder`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

# The closed codelists are coordagree's own StrEnums: the same values, checked alike.
from coordagree import (
    Modality,
    PartOfDay,
    ResponsibilityRole,
    ReviewKind,
    TaskStatus,
)

Id = Annotated[str, Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
Text = str | dict[str, str]
PartialDate = Annotated[str, Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class Base(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class PeriodObject(Base):
    start: PartialDate
    end: PartialDate | None = None
    as_written: str | None = None


Period = PartialDate | PeriodObject


class Party(Base):
    id: Id
    name: Text
    short_name: Text | None = None
    kind: str | None = None
    roles: tuple[str, ...] = ()
    parent: Id | None = None
    directed_by: Id | None = None


class Position(Base):
    id: Id
    title: Text
    body: Id | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class Person(Base):
    id: Id
    name: Text
    honorific: Text | None = None
    positions: tuple[Position, ...] = ()


class Objective(Base):
    id: Id
    text: Text


class Responsibility(Base):
    party: Id
    role: ResponsibilityRole = ResponsibilityRole.CO_OPERATING


class Commitment(Base):
    id: Id
    title: Text
    number: Annotated[int, Meta(gt=0)] | None = None
    description: Text | None = None
    modality: Modality = Modality.OBLIGATION
    binding: bool | None = None
    responsible: tuple[Responsibility, ...] = ()
    objectives: tuple[Id, ...] = ()
    effective: dt.date | None = None


class StatusChange(Base):
    status: TaskStatus
    on: dt.date
    note: Text | None = None


class Task(Base):
    id: Id
    title: Text
    description: Text | None = None
    owners: tuple[Id, ...] = ()
    executor: Id | None = None
    partners: tuple[Id, ...] = ()
    target_group: Text | None = None
    means: Text | None = None
    due: Period | None = None
    recurrence: tuple[str, ...] = ()
    rotation: tuple[Id, ...] = ()
    status: TaskStatus = TaskStatus.NEEDS_ACTION
    history: tuple[StatusChange, ...] = ()
    planned: Period | None = None
    actual: Period | None = None
    implements: tuple[Id, ...] = ()


class TaskSchedule(Base):
    id: Id
    period: Period
    title: Text | None = None
    tasks: tuple[Task, ...] = ()


class Review(Base):
    id: Id
    kind: ReviewKind
    title: Text | None = None
    due: Period | None = None
    recurrence: tuple[str, ...] = ()
    hosts: tuple[Id, ...] = ()
    rotation: tuple[Id, ...] = ()


class Participant(Base):
    person: Id
    role: str = "attendee"
    positions: tuple[Id, ...] = ()
    party: Id | None = None


class Event(Base):
    id: Id
    kind: str
    date: dt.date
    title: Text | None = None
    start: dt.datetime | None = None
    part_of_day: PartOfDay | None = None
    date_as_written: str | None = None
    place: Text | None = None
    organiser: Id | None = None
    participants: tuple[Participant, ...] = ()
    summary: Text | None = None


class Signature(Base):
    party: Id
    person: Id | None = None
    date: dt.date | None = None
    event: Id | None = None


class Termination(Base):
    notice_days: int | None = None
    in_writing: bool = True
    minimum_months: int | None = None
    by_any_party: bool = True


class Amendment(Base):
    id: Id
    date: dt.date
    description: Text


class RelatedInstrument(Base):
    relation: str
    title: Text | None = None
    url: str | None = None


class Source(Base):
    id: Id
    kind: str | None = None
    title: Text | None = None
    publisher: Text | None = None
    url: str | None = None
    published: str | None = None
    published_as_written: str | None = None
    author: Text | None = None
    author_as_written: str | None = None
    retrieved: dt.date | None = None
    note: Text | None = None


class Agreement(Base):
    coordagree: str
    id: Id
    title: Text | None = None
    kind: str | None = None
    subject: Text | None = None
    languages: tuple[str, ...] = ()
    timezone: str = "UTC"
    period: Period | None = None
    effective: dt.date | None = None
    parties: tuple[Party, ...] = ()
    people: tuple[Person, ...] = ()
    objectives: tuple[Objective, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    declared_commitments: int | None = None
    schedules: tuple[TaskSchedule, ...] = ()
    reviews: tuple[Review, ...] = ()
    events: tuple[Event, ...] = ()
    signatures: tuple[Signature, ...] = ()
    termination: Termination | None = None
    amendments: tuple[Amendment, ...] = ()
    related: tuple[RelatedInstrument, ...] = ()
    sources: tuple[Source, ...] = ()


_DECODER = msgspec.json.Decoder(Agreement)


def load(data: bytes) -> Any:
    return _DECODER.decode(data)


def dump(agreement: Any) -> bytes:
    return msgspec.json.encode(agreement)
