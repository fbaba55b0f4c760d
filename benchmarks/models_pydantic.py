"""The coordagree document as pydantic v2 models, as strict as coordagree's loader.

Same fields, frozen, unknown keys refused, dates parsed (reduced-precision dates to their first
day, checked), enums checked, ids checked against the same pattern. Written as pydantic's docs
recommend: `BaseModel` classes with `ConfigDict`, `Annotated` constraints, `model_validate_json`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

# The closed codelists are coordagree's own StrEnums: the same values, checked alike.
from coordagree import (
    Modality,
    PartOfDay,
    ResponsibilityRole,
    ReviewKind,
    TaskStatus,
)

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
Text = str | dict[str, str]
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _partial(value: Any) -> Any:
    if not isinstance(value, str | int) or isinstance(value, bool):
        return value  # pydantic's date validation reports it
    match = _PARTIAL.match(str(value))
    if not match:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}")
    year, month, day = match.groups()
    return dt.date(int(year), int(month or 1), int(day or 1))


PartialDate = Annotated[dt.date, BeforeValidator(_partial)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PeriodObject(Model):
    start: PartialDate
    end: PartialDate | None = None
    as_written: str | None = None


Period = PartialDate | PeriodObject


class Party(Model):
    id: Id
    name: Text
    short_name: Text | None = None
    kind: str | None = None
    roles: tuple[str, ...] = ()
    parent: Id | None = None
    directed_by: Id | None = None


class Position(Model):
    id: Id
    title: Text
    body: Id | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class Person(Model):
    id: Id
    name: Text
    honorific: Text | None = None
    positions: tuple[Position, ...] = ()


class Objective(Model):
    id: Id
    text: Text


class Responsibility(Model):
    party: Id
    role: ResponsibilityRole = ResponsibilityRole.CO_OPERATING


class Commitment(Model):
    id: Id
    title: Text
    number: Annotated[int, Field(gt=0)] | None = None
    description: Text | None = None
    modality: Modality = Modality.OBLIGATION
    binding: bool | None = None
    responsible: tuple[Responsibility, ...] = ()
    objectives: tuple[Id, ...] = ()
    effective: dt.date | None = None


class StatusChange(Model):
    status: TaskStatus
    on: dt.date
    note: Text | None = None


class Task(Model):
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


class TaskSchedule(Model):
    id: Id
    period: Period
    title: Text | None = None
    tasks: tuple[Task, ...] = ()


class Review(Model):
    id: Id
    kind: ReviewKind
    title: Text | None = None
    due: Period | None = None
    recurrence: tuple[str, ...] = ()
    hosts: tuple[Id, ...] = ()
    rotation: tuple[Id, ...] = ()


class Participant(Model):
    person: Id
    role: str = "attendee"
    positions: tuple[Id, ...] = ()
    party: Id | None = None


class Event(Model):
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


class Signature(Model):
    party: Id
    person: Id | None = None
    date: dt.date | None = None
    event: Id | None = None


class Termination(Model):
    notice_days: int | None = None
    in_writing: bool = True
    minimum_months: int | None = None
    by_any_party: bool = True


class Amendment(Model):
    id: Id
    date: dt.date
    description: Text


class RelatedInstrument(Model):
    relation: str
    title: Text | None = None
    url: str | None = None


class Source(Model):
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


class Agreement(Model):
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


def load(data: bytes) -> Any:
    return Agreement.model_validate_json(data)


def dump(agreement: Any) -> bytes:
    return agreement.model_dump_json(exclude_defaults=True).encode()
