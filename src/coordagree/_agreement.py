"""The agreement: the whole instrument, and the lookups a reader expects of it."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum

from coordagree._checks import each, identifier, instance_of, is_date, optional, to_date, to_tuple
from coordagree._codes import PartyRole
from coordagree._commitments import Commitment, Objective
from coordagree._events import Event, Signature
from coordagree._extensions import Extensions, extensions_field
from coordagree._parties import Party, Person
from coordagree._period import Period
from coordagree._provenance import Provenance
from coordagree._reviews import Review
from coordagree._tasks import Task, TaskSchedule
from coordagree._terms import Amendment, RelatedInstrument, Termination
from coordagree._text import Text, to_optional_text, to_text
from coordagree.errors import InvalidArgumentError, InvalidValueError

__all__ = ["Agreement", "UnknownIdError", "require_agreement"]


class UnknownIdError(InvalidArgumentError, KeyError):
    """A lookup named an id the agreement does not have.

    Attributes:
        kind: What was looked up ("party", "person", ...).
        id: The id that was not found.
    """

    def __init__(self, kind: str, id: str) -> None:
        super().__init__(f"the agreement has no {kind} with id {id!r}", argument=kind)
        self.kind = kind
        self.id = id

    def __str__(self) -> str:
        return str(self.args[0])


def _records(*types: type) -> Any:
    return attrs.field(default=(), converter=to_tuple, validator=[instance_of(tuple), each(*types)])


def _languages(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(tuple)(_inst, attribute, value)
    each(str)(_inst, attribute, value)


def _timezone(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(str)(_inst, attribute, value)
    try:
        pendulum.timezone(value)
    except Exception:  # pendulum raises its own InvalidTimezone, a ValueError in some versions
        raise InvalidValueError(
            f"'{attribute.name}' must be an IANA time zone such as 'Asia/Ho_Chi_Minh' "
            f"(got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-timezone",
        ) from None


def _optional_count(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    instance_of(int)(_inst, attribute, value)
    if value < 0:
        raise InvalidValueError(
            f"'{attribute.name}' must be >= 0 (got {value!r})", field=attribute.name, value=value
        )


@attrs.frozen(kw_only=True)
class Agreement:
    """An inter-agency agreement: a coordination programme, regulation, MOU or the like.

    Everything is held in flat collections and referenced by id: tasks name their owners by
    party id, events their participants by person id. The lookups (`party`, `tasks_of`,
    `sub_bodies`...) build an index on first use; references are checked by
    [`validate`][coordagree.validate], not here, so an agreement can be built step by step.

    Attributes:
        id: The agreement's id.
        title: Its title.
        kind: Known values in `AgreementKind`, others allowed.
        subject: What it is about ("công tác dân vận").
        languages: BCP 47 tags of the languages its text is in, the main one first.
        timezone: The IANA time zone its dates are in.
        period: When it runs; None when the source states none.
        effective: The day it takes effect, where it differs from signing.
        parties: Every body involved.
        people: Every person named.
        objectives: What it aims at.
        commitments: What the parties undertake (the listed ones).
        declared_commitments: How many commitments the source says there are, which may be
            more than it lists (the seed declares 9).
        schedules: Task lists of sub-periods.
        reviews: Planned reviews.
        events: Signings, reviews held, meetings.
        signatures: Who signed for which party, and when.
        termination: How it ends other than by its period.
        amendments: Changes made after signing.
        related: Instruments it implements, supersedes, accompanies or amends.
        provenance: Where this record came from.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    title: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    kind: str = attrs.field(validator=instance_of(str))
    subject: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    languages: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_languages)
    timezone: str = attrs.field(default="UTC", validator=_timezone)
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    effective: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=optional(is_date)
    )
    parties: tuple[Party, ...] = _records(Party)
    people: tuple[Person, ...] = _records(Person)
    objectives: tuple[Objective, ...] = _records(Objective)
    commitments: tuple[Commitment, ...] = _records(Commitment)
    declared_commitments: int | None = attrs.field(default=None, validator=_optional_count)
    schedules: tuple[TaskSchedule, ...] = _records(TaskSchedule)
    reviews: tuple[Review, ...] = _records(Review)
    events: tuple[Event, ...] = _records(Event)
    signatures: tuple[Signature, ...] = _records(Signature)
    termination: Termination | None = attrs.field(
        default=None, validator=optional(instance_of(Termination))
    )
    amendments: tuple[Amendment, ...] = _records(Amendment)
    related: tuple[RelatedInstrument, ...] = _records(RelatedInstrument)
    provenance: Provenance | None = attrs.field(
        default=None, validator=optional(instance_of(Provenance))
    )
    extensions: Extensions = extensions_field()

    # -- index --------------------------------------------------------------------------------

    @functools.cached_property
    def _index(self) -> _Index:
        return _Index.build(self)

    def _get(self, table: dict[str, Any], kind: str, id: str) -> Any:
        try:
            return table[id]
        except KeyError:
            raise UnknownIdError(kind, id) from None

    # -- lookups ------------------------------------------------------------------------------

    def day_of(self, moment: pendulum.DateTime) -> pendulum.Date:
        """The day ``moment`` falls on in the agreement's time zone.

        Use it to turn a timestamp into the day that ``due``/``overdue`` ask about:
        ``coordagree.due(agreement, agreement.day_of(pendulum.now()))``.

        Raises:
            InvalidArgumentError: ``moment`` is not a timezone-aware datetime.
        """
        if not isinstance(moment, _dt.datetime) or moment.tzinfo is None:
            raise InvalidArgumentError(
                f"'moment' must be a timezone-aware datetime (got {moment!r})", argument="moment"
            )
        local = pendulum.instance(moment).in_timezone(self.timezone)
        return pendulum.Date(local.year, local.month, local.day)

    def party(self, party_id: str) -> Party:
        """The party with id ``party_id``.

        Raises:
            UnknownIdError: no such party.
        """
        return self._get(self._index.parties, "party", party_id)  # type: ignore[no-any-return]

    def person(self, person_id: str) -> Person:
        """The person with id ``person_id``.

        Raises:
            UnknownIdError: no such person.
        """
        return self._get(self._index.people, "person", person_id)  # type: ignore[no-any-return]

    def commitment(self, commitment_id: str) -> Commitment:
        """The commitment with id ``commitment_id``.

        Raises:
            UnknownIdError: no such commitment.
        """
        found = self._get(self._index.commitments, "commitment", commitment_id)
        return found  # type: ignore[no-any-return]

    def task(self, task_id: str) -> Task:
        """The task with id ``task_id``, in whichever schedule it is.

        Raises:
            UnknownIdError: no such task.
        """
        return self._get(self._index.tasks, "task", task_id)  # type: ignore[no-any-return]

    def schedule_of(self, task_id: str) -> TaskSchedule:
        """The schedule that holds the task with id ``task_id``.

        Raises:
            UnknownIdError: no such task.
        """
        found = self._get(self._index.task_schedule, "task", task_id)
        return found  # type: ignore[no-any-return]

    @property
    def tasks(self) -> Iterator[Task]:
        """Every task of every schedule, in order."""
        for schedule in self.schedules:
            yield from schedule.tasks

    @property
    def signatories(self) -> tuple[Party, ...]:
        """The parties with the ``signatory`` role."""
        return tuple(p for p in self.parties if p.has_role(PartyRole.SIGNATORY))

    def sub_bodies(self, party_id: str) -> tuple[Party, ...]:
        """Every body below ``party_id`` in the hierarchy (children, their children, ...).

        Raises:
            UnknownIdError: no such party.
        """
        self.party(party_id)
        found: list[Party] = []
        seen = {party_id}
        queue = [party_id]
        while queue:
            for child in self._index.children.get(queue.pop(0), ()):
                if child.id not in seen:
                    seen.add(child.id)
                    found.append(child)
                    queue.append(child.id)
        return tuple(found)

    def tasks_of(self, party_id: str, *, include_sub_bodies: bool = False) -> tuple[Task, ...]:
        """The tasks a party owns, executes or partners in (and its sub-bodies', if asked).

        Raises:
            UnknownIdError: no such party.
        """
        ids = {party_id} | (
            {p.id for p in self.sub_bodies(party_id)} if include_sub_bodies else set()
        )
        self.party(party_id)
        return tuple(
            task
            for task in self.tasks
            if ids & {*task.owners, *task.partners, *task.rotation} or task.executor in ids
        )

    def people_at(self, party_id: str) -> tuple[Person, ...]:
        """The people who hold a position at the body ``party_id``."""
        self.party(party_id)
        return tuple(p for p in self.people if p.positions_at(party_id))


@attrs.frozen
class _Index:
    parties: dict[str, Party]
    people: dict[str, Person]
    commitments: dict[str, Commitment]
    tasks: dict[str, Task]
    task_schedule: dict[str, TaskSchedule]
    children: dict[str | None, list[Party]]

    @classmethod
    def build(cls, agreement: Agreement) -> _Index:
        children: dict[str | None, list[Party]] = {}
        for party in agreement.parties:
            children.setdefault(party.parent, []).append(party)
        tasks: dict[str, Task] = {}
        task_schedule: dict[str, TaskSchedule] = {}
        for schedule in agreement.schedules:
            for task in schedule.tasks:
                tasks.setdefault(task.id, task)
                task_schedule.setdefault(task.id, schedule)
        return cls(
            parties=_first_by_id(agreement.parties),
            people=_first_by_id(agreement.people),
            commitments=_first_by_id(agreement.commitments),
            tasks=tasks,
            task_schedule=task_schedule,
            children=children,
        )


def _first_by_id(records: tuple[Any, ...]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for record in records:
        table.setdefault(record.id, record)
    return table


def require_agreement(value: object) -> None:
    """Refuse anything but an `Agreement` where a function takes one, naming the argument."""
    if not isinstance(value, Agreement):
        raise InvalidArgumentError(
            f"'agreement' must be an Agreement (got {type(value).__name__})",
            argument="agreement",
        )
