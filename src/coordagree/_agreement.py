"""The agreement: the whole instrument, and the lookups a reader expects of it."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import Act, AgreementKind, CountBound, PartyRole, TaskStatus, closed
from coordagree._commitments import Commitment, Objective
from coordagree._events import Event, Signature
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._money import FundingRow
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._parties import Party, Person
from coordagree._period import Period, to_period
from coordagree._reviews import Review
from coordagree._sources import Claim, Identifier, OtherName, Source
from coordagree._tasks import Task, TaskSchedule
from coordagree._terms import Amendment, RelatedInstrument, Termination
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple
from coordagree.errors import InvalidArgumentError, UnknownIdError

__all__ = ["Agreement", "require_agreement"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Agreement:
    """An inter-agency agreement: a coordination programme, regulation, MOU or the like.

    Everything is held in flat collections and referenced by id: tasks name their owners by
    party id, events their participants by person id. The lookups (`party`, `tasks_of`,
    `sub_bodies`...) build an index on first use; references are checked by
    [`validate`][coordagree.validate], not here, so an agreement can be built step by step.

    Attributes:
        id: The agreement's id.
        title: Its title, where a source gives one.
        kind: Known values in `AgreementKind`, others allowed; absent when no source says.
        identifiers: Its numbers ("Số: 01/QCPH/UBND-UBMTTQ", "MOU 225-16-020"), as each source
            writes them.
        other_names: Its other titles, as other sources give them.
        subject: What it is about ("công tác dân vận").
        languages: BCP 47 tags of the languages its text is in, the main one first.
        timezone: The IANA time zone its dates are in.
        period: When it runs; None when the source states none.
        effective: When it takes effect, where it differs from signing, at whatever precision
            is known.
        effective_as_written: The source's wording of that ("effective as of the date signed").
        fiscal_year_start: The month (1 to 12) its fiscal years start in: 10 for the US federal
            year. Dates written ``FY1995`` in the document are read with it.
        parties: Every body involved.
        people: Every person named.
        objectives: What it aims at.
        commitments: What the parties undertake (the listed ones).
        declared_commitments: How many commitments the source says there are, which may be
            more than it lists (the seed declares 9).
        declared_commitments_bound: ``exactly`` that many, or ``at-least`` (a list the
            source cuts short with "…" and no total is ``at-least`` with no count).
        schedules: Task lists of sub-periods.
        reviews: Planned reviews.
        events: Signings, reviews held, meetings.
        signatures: Who signed for which party, and when.
        termination: How it ends other than by its period.
        amendments: Changes made after signing.
        related: Instruments it relates to: legal bases, what it supersedes or implements,
            companions, the instruction it is enclosed in.
        funding: The money the agreement provides for: a row per payer, payee, amount, period.
        sources: Where this record's facts come from; records cite them by id.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    kind: str | None = attrs.field(default=None, **kinds.code(AgreementKind, closed=False))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Identifier)
    )
    other_names: tuple[OtherName, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(OtherName)
    )
    subject: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    languages: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.tags())
    timezone: str = attrs.field(default="UTC", **kinds.timezone())
    period: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    effective: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    effective_as_written: str | None = attrs.field(default=None, **kinds.wording(of="effective"))
    fiscal_year_start: int | None = attrs.field(default=None, **kinds.month())
    parties: tuple[Party, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Party, table="party")
    )
    people: tuple[Person, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Person, table="person")
    )
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Objective, table="objective")
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Commitment, table="commitment")
    )
    declared_commitments: int | None = attrs.field(default=None, **kinds.count(minimum=0))
    declared_commitments_bound: CountBound = attrs.field(
        default=CountBound.EXACTLY,
        converter=closed(CountBound),  # type: ignore[misc]
        **kinds.code(CountBound, closed=True),
    )
    schedules: tuple[TaskSchedule, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(TaskSchedule, table="schedule")
    )
    reviews: tuple[Review, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Review, table="review")
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Event, table="event")
    )
    signatures: tuple[Signature, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Signature)
    )
    termination: Termination | None = attrs.field(default=None, **kinds.record(Termination))
    amendments: tuple[Amendment, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Amendment, table="amendment")
    )
    related: tuple[RelatedInstrument, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(RelatedInstrument)
    )
    funding: tuple[FundingRow, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(FundingRow)
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Source, table="source")
    )
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

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

    @property
    def name(self) -> str:
        """How to name the agreement: its title, else its subject, else its id."""
        for text in (self.title, self.subject):
            if text is not None and text.value.strip():
                return text.value
        return self.id

    def source(self, source_id: str) -> Source:
        """The source with id ``source_id``.

        Raises:
            UnknownIdError: no such source.
        """
        return self._get(self._index.sources, "source", source_id)  # type: ignore[no-any-return]

    @property
    def takes_effect(self) -> pendulum.Date | None:
        """The first day it may be in effect: its `effective` date, else its last signature's.

        A date of reduced precision gives its first day ("effective March 1992": 1 March);
        of the signatures (not the offices that only note it), the latest, since an agreement
        binds when its last party signs. None when neither is known.

        Examples:
            >>> Agreement(id="mou", signatures=[
            ...     Signature(party="fws", date="1992-03-16"),
            ...     Signature(party="usgs", date="1992-03-20"),
            ... ]).takes_effect
            Date(1992, 3, 20)
        """
        if self.effective is not None:
            return self.effective.first_day
        signed = [
            s.date.first_day
            for s in self.signatures
            if s.date is not None and s.act in (Act.SIGNED, Act.COUNTERSIGNED)
        ]
        return max(signed, default=None)

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

    def with_task(self, task: Task) -> Agreement:
        """This agreement with ``task`` in place of the task of the same id.

        Raises:
            UnknownIdError: the agreement has no task with that id.
        """
        holder = self.schedule_of(task.id)
        schedules = tuple(
            attrs.evolve(s, tasks=tuple(task if t.id == task.id else t for t in s.tasks))
            if s is holder
            else s
            for s in self.schedules
        )
        return attrs.evolve(self, schedules=schedules)

    def mark(
        self,
        task_id: str,
        status: TaskStatus | str,
        on: pendulum.Date,
        *,
        note: str | None = None,
    ) -> Agreement:
        """This agreement with task ``task_id``'s status changed on ``on`` (see `Task.changed`).

        Examples:
            >>> import pendulum, coordagree
            >>> programme = coordagree.seed_programme()
            >>> done = programme.mark("2023-tand", "completed", pendulum.Date(2023, 12, 20))
            >>> done.task("2023-tand").status.value, programme.task("2023-tand").status.value
            ('completed', 'needs-action')
            >>> [o.item for o in coordagree.overdue(done, pendulum.Date(2024, 1, 1))]
            ['2023-thads', '2023-vksnd']

        Raises:
            UnknownIdError: the agreement has no task with that id.
        """
        return self.with_task(self.task(task_id).changed(status, on, note=note))

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
    sources: dict[str, Source]
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
            sources=_first_by_id(agreement.sources),
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
