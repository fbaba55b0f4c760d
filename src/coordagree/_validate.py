"""Validation: every semantic problem in an agreement at once, as findings with stable codes.

`validate` indexes the agreement once, then runs each rule; no rule loops over a collection for
each member of another, so validation is linear in the agreement's size. It never raises for a
well-typed agreement and never changes it.
"""

from __future__ import annotations

import enum
import json
import re
import typing
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from typing import Any

import attrs
import pendulum

from coordagree._agreement import Agreement, require_agreement
from coordagree._codelists import (
    AgreementKind,
    EventKind,
    ParticipantRole,
    PartyKind,
    PartyRole,
    TaskStatus,
)
from coordagree._events import Participant
from coordagree._loader_facts import has_plain_texts
from coordagree._period import Period
from coordagree._recurrence import Recurrence, recurrence_window
from coordagree._rules import RULES
from coordagree._tasks import Task
from coordagree._text import Text
from coordagree.errors import Finding, InvalidArgumentError, Severity

__all__ = ["Report", "validate"]

_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?"
    r"(-([A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*"
    r"(-x(-[A-Za-z0-9]{1,8})+)?$|^x(-[A-Za-z0-9]{1,8})+$"
)


@attrs.frozen
class Report:
    """The findings of a validation, in document order; iterate it to get them.

    Attributes:
        findings: Every finding.
    """

    findings: tuple[Finding, ...]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings there are of each severity."""
        counted = Counter(f.severity for f in self.findings)
        return {severity: counted.get(severity, 0) for severity in Severity}

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning-level findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def codes(self) -> list[str]:
        """The codes of the findings, in order."""
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "ok": self.ok,
            "counts": {severity.value: n for severity, n in self.counts.items()},
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        """The report as a JSON document."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


# -- the index ---------------------------------------------------------------------------------


@attrs.define
class _Context:
    agreement: Agreement
    parties: dict[str, int] = attrs.Factory(dict)
    people: dict[str, int] = attrs.Factory(dict)
    positions: dict[tuple[str, str], Any] = attrs.Factory(dict)
    objectives: set[str] = attrs.Factory(set)
    commitments: set[str] = attrs.Factory(set)
    events: set[str] = attrs.Factory(set)
    findings: list[Finding] = attrs.Factory(list)

    def add(self, code: str, path: str, message: str, hint: str | None = None) -> None:
        self.findings.append(
            Finding(code=code, severity=RULES[code].severity, path=path, message=message, hint=hint)
        )


def _index(ctx: _Context) -> None:
    """Index ids once, reporting duplicates on the way."""
    a = ctx.agreement

    def unique(kind: str, base: str, records: Iterable[Any], table: Any) -> None:
        for i, record in enumerate(records):
            if record.id in table:
                ctx.add("duplicate-id", f"{base}/{i}/id", f"{kind} id {record.id!r} is used twice")
            elif isinstance(table, dict):
                table[record.id] = i
            else:
                table.add(record.id)

    unique("party", "/parties", a.parties, ctx.parties)
    unique("person", "/people", a.people, ctx.people)
    unique("objective", "/objectives", a.objectives, ctx.objectives)
    unique("commitment", "/commitments", a.commitments, ctx.commitments)
    unique("event", "/events", a.events, ctx.events)
    unique("schedule", "/schedules", a.schedules, set())
    unique("review", "/reviews", a.reviews, set())
    unique("amendment", "/amendments", a.amendments, set())
    ids = [task.id for schedule in a.schedules for task in schedule.tasks]
    if len(set(ids)) < len(ids):  # rare: find which, with their paths
        tasks: set[str] = set()
        for s, schedule in enumerate(a.schedules):
            unique("task", f"/schedules/{s}/tasks", schedule.tasks, tasks)
    for p, person in enumerate(a.people):
        seen: set[str] = set()
        for q, position in enumerate(person.positions):
            if position.id in seen:
                ctx.add(
                    "duplicate-id",
                    f"/people/{p}/positions/{q}/id",
                    f"position id {position.id!r} is used twice for {person.id!r}",
                )
            seen.add(position.id)
            ctx.positions.setdefault((person.id, position.id), position)


# -- rules -------------------------------------------------------------------------------------


def _refs(ctx: _Context) -> None:
    a = ctx.agreement

    def check(table: Any, kind: str, path: str, value: str | None) -> None:
        if value is not None and value not in table:
            ctx.add("unresolved-reference", path, f"no {kind} has id {value!r}")

    def check_all(table: Any, kind: str, path: str, values: Iterable[str]) -> None:
        for i, value in enumerate(values):
            check(table, kind, f"{path}/{i}", value)

    parties = ctx.parties
    for i, party in enumerate(a.parties):
        check(parties, "party", f"/parties/{i}/parent", party.parent)
        check(parties, "party", f"/parties/{i}/directed_by", party.directed_by)
    for i, person in enumerate(a.people):
        for j, position in enumerate(person.positions):
            check(parties, "party", f"/people/{i}/positions/{j}/body", position.body)
    for i, commitment in enumerate(a.commitments):
        for j, duty in enumerate(commitment.responsible):
            check(parties, "party", f"/commitments/{i}/responsible/{j}/party", duty.party)
        check_all(
            ctx.objectives, "objective", f"/commitments/{i}/objectives", commitment.objectives
        )
    party_ids = set(parties)
    commitment_ids = ctx.commitments
    for s, schedule in enumerate(a.schedules):
        tasks = schedule.tasks
        # Every reference of the schedule's tasks at once. Tasks that name the same parties
        # share one tuple when loaded, so each distinct list is checked once.
        if (
            party_ids.issuperset(chain.from_iterable({task.owners for task in tasks}))
            and party_ids.issuperset({task.executor for task in tasks} - {None})
            and party_ids.issuperset(chain.from_iterable({task.partners for task in tasks}))
            and party_ids.issuperset(chain.from_iterable({task.rotation for task in tasks}))
            and commitment_ids.issuperset(chain.from_iterable({task.implements for task in tasks}))
        ):
            continue
        for t, task in enumerate(tasks):
            if (  # the common case, answered in C; the paths are built only for a miss
                party_ids.issuperset(task.owners)
                and (task.executor is None or task.executor in party_ids)
                and party_ids.issuperset(task.partners)
                and party_ids.issuperset(task.rotation)
                and commitment_ids.issuperset(task.implements)
            ):
                continue
            base = f"/schedules/{s}/tasks/{t}"
            check_all(parties, "party", f"{base}/owners", task.owners)
            check(parties, "party", f"{base}/executor", task.executor)
            check_all(parties, "party", f"{base}/partners", task.partners)
            check_all(parties, "party", f"{base}/rotation", task.rotation)
            check_all(commitment_ids, "commitment", f"{base}/implements", task.implements)
    for r, review in enumerate(a.reviews):
        check_all(parties, "party", f"/reviews/{r}/hosts", review.hosts)
        check_all(parties, "party", f"/reviews/{r}/rotation", review.rotation)
    for e, event in enumerate(a.events):
        check(parties, "party", f"/events/{e}/organiser", event.organiser)
        for p, participant in enumerate(event.participants):
            base = f"/events/{e}/participants/{p}"
            check(ctx.people, "person", f"{base}/person", participant.person)
            check(parties, "party", f"{base}/party", participant.party)
            if participant.person in ctx.people:
                for q, position_id in enumerate(participant.positions):
                    if (participant.person, position_id) not in ctx.positions:
                        ctx.add(
                            "unresolved-reference",
                            f"{base}/positions/{q}",
                            f"{participant.person!r} has no position with id {position_id!r}",
                        )
    for i, signature in enumerate(a.signatures):
        check(parties, "party", f"/signatures/{i}/party", signature.party)
        check(ctx.people, "person", f"/signatures/{i}/person", signature.person)
        check(ctx.events, "event", f"/signatures/{i}/event", signature.event)


def _cycles(ctx: _Context) -> None:
    parents = {p.id: p.parent for p in ctx.agreement.parties}
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    for start in parents:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node in parents and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = parents[node]
        if node is not None and state.get(node) == 1:
            ring = walk[walk.index(node) :]
            ctx.add(
                "hierarchy-cycle",
                f"/parties/{ctx.parties[node]}/parent",
                f"party {node!r} is its own ancestor: {' → '.join([*ring, node])}",
            )
        for visited in walk:
            state[visited] = 2


def _recurrences(
    ctx: _Context, base: str, rules: tuple[Recurrence, ...], window: Period | None
) -> None:
    for k, rule in enumerate(rules):
        path = f"{base}/recurrence/{k}"
        if rule.has_count_and_until:
            ctx.add("rrule-count-and-until", path, f"{rule.rule!r} has both COUNT and UNTIL")
        if (
            window is not None
            and window.end is not None
            and not rule.falls_within(window.start, window.end)
        ):
            ctx.add(
                "recurrence-empty",
                path,
                f"{rule.rule!r} falls on no day from {window.start} to {window.end}",
            )


def _dates(ctx: _Context) -> None:
    a = ctx.agreement
    period = a.period
    for s, schedule in enumerate(a.schedules):
        if period is not None and not period.contains(schedule.period):
            ctx.add(
                "schedule-outside-period",
                f"/schedules/{s}/period",
                f"schedule {schedule.id!r} ({schedule.period}) is not inside the agreement's "
                f"period ({period})",
            )
        tasks = schedule.tasks
        # Tasks due in the same year, month or day share one period when loaded.
        dues = [task.due for task in tasks if task.due is not None]
        windows = dict(zip(map(id, dues), dues, strict=True)).values()  # each object once
        outside = not all(map(schedule.period.contains, windows))
        recurring = [t for t, task in enumerate(tasks) if task.recurrence]
        for t in range(len(tasks)) if outside else recurring:
            task = tasks[t]
            if outside and task.due is not None and not schedule.period.contains(task.due):
                ctx.add(
                    "task-outside-schedule",
                    f"/schedules/{s}/tasks/{t}/due",
                    f"task {task.id!r} is due {task.due}, outside its schedule ({schedule.period})",
                )
            if task.recurrence:
                window = recurrence_window(task.due, schedule.period, period)
                _recurrences(ctx, f"/schedules/{s}/tasks/{t}", task.recurrence, window)
    for r, review in enumerate(a.reviews):
        if review.due is not None and period is not None and not period.contains(review.due):
            ctx.add(
                "review-outside-period",
                f"/reviews/{r}/due",
                f"review {review.id!r} is due {review.due}, outside the agreement's period "
                f"({period})",
            )
        if review.recurrence:
            window = recurrence_window(review.due, period)
            _recurrences(ctx, f"/reviews/{r}", review.recurrence, window)
    if period is not None:
        for i, signature in enumerate(a.signatures):
            if (
                signature.date is not None
                and period.end is not None
                and signature.date > period.end
            ):
                ctx.add(
                    "signature-after-end",
                    f"/signatures/{i}/date",
                    f"{signature.party!r} signed on {signature.date}, after the period ended "
                    f"({period.end})",
                )
        if a.effective is not None and not period.contains(a.effective):
            ctx.add(
                "effective-outside-period",
                "/effective",
                f"the agreement takes effect on {a.effective}, outside its period ({period})",
            )
    for e, event in enumerate(a.events):
        if event.start is not None and a.day_of(event.start) != event.date:
            ctx.add(
                "event-start-date-mismatch",
                f"/events/{e}/start",
                f"{event.start.isoformat()} is {a.day_of(event.start)} in {a.timezone}, "
                f"but the event's date is {event.date}",
                "date is the day in the agreement's time zone; check the offset or the date",
            )
        for p, participant in enumerate(event.participants):
            for q, position_id in enumerate(participant.positions):
                position = ctx.positions.get((participant.person, position_id))
                if position is not None and not position.held_on(event.date):
                    ctx.add(
                        "position-not-held",
                        f"/events/{e}/participants/{p}/positions/{q}",
                        f"{participant.person!r} did not hold {position_id!r} on {event.date}",
                    )


def _commitments(ctx: _Context) -> None:
    a = ctx.agreement
    numbers: dict[int, int] = {}
    for i, commitment in enumerate(a.commitments):
        if commitment.number is not None:
            if commitment.number in numbers:
                ctx.add(
                    "commitment-number-repeated",
                    f"/commitments/{i}/number",
                    f"number {commitment.number} is also commitment {numbers[commitment.number]}'s",
                )
            else:
                numbers[commitment.number] = i
        if not commitment.responsible:
            ctx.add(
                "commitment-unassigned",
                f"/commitments/{i}/responsible",
                f"commitment {commitment.id!r} names no responsible party",
            )
    listed = len(a.commitments)
    declared = a.declared_commitments
    unlisted = declared is not None and declared > listed
    if numbers and not unlisted:
        missing = sorted(set(range(1, max(numbers) + 1)) - numbers.keys())
        if missing:
            ctx.add(
                "commitment-number-gap",
                "/commitments",
                f"commitment numbers skip {', '.join(map(str, missing))}",
            )
    if declared is not None and declared < listed:
        ctx.add(
            "commitment-count-exceeded",
            "/declared_commitments",
            f"{listed} commitments are listed but {declared} declared",
        )
    elif unlisted:
        ctx.add(
            "commitment-count-mismatch",
            "/declared_commitments",
            f"{declared} commitments are declared but {listed} listed",
            hint="fine when the source names only some; list the rest when they are known",
        )


def _finished_in_time(task: Task) -> bool:
    end = task.actual.end if task.actual is not None else None
    due = task.due.end if task.due is not None else None
    return end is not None and (due is None or end <= due)


def _tasks(ctx: _Context) -> None:
    completed = TaskStatus.COMPLETED
    for s, schedule in enumerate(ctx.agreement.schedules):
        tasks = schedule.tasks
        for t, task in [  # the tasks any rule below can apply to
            (t, task)
            for t, task in enumerate(tasks)
            if task.history or task.status is completed or not task.owners
        ]:
            history = task.history
            if (  # the usual completed task: one change, to completed, by the due day
                len(history) == 1
                and task.owners
                and history[0].status is task.status
                and (task.status is not completed or _finished_in_time(task))
            ):
                continue
            base = f"/schedules/{s}/tasks/{t}"
            if not task.owners and not task.rotation:
                ctx.add("task-no-owner", f"{base}/owners", f"task {task.id!r} has no owner")
            finished = task.actual.end if task.actual is not None else None
            if task.status is TaskStatus.COMPLETED:
                if finished is None:
                    ctx.add(
                        "task-completed-without-end",
                        f"{base}/actual",
                        f"task {task.id!r} is completed but has no actual end date",
                    )
                elif task.due is not None and task.due.end is not None and finished > task.due.end:
                    ctx.add(
                        "completed-after-due",
                        f"{base}/actual",
                        f"task {task.id!r} was completed on {finished}, after it was due "
                        f"({task.due.end})",
                    )
            if task.history:
                days = [change.on for change in task.history]
                if days != sorted(days):
                    ctx.add(
                        "status-history-order",
                        f"{base}/history",
                        f"task {task.id!r} has status changes out of date order",
                    )
                latest = max(enumerate(task.history), key=lambda pair: (pair[1].on, pair[0]))[1]
                if latest.status is not task.status:
                    ctx.add(
                        "status-history-mismatch",
                        f"{base}/status",
                        f"task {task.id!r} is {task.status.value} but its latest change "
                        f"({latest.on}) says {latest.status.value}",
                    )


def _values(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every Text and str in a model, with its path, depth first, linear in size."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, Text | str):
            yield where, item
        elif isinstance(item, tuple):
            stack.extend((f"{where}/{i}", v) for i, v in reversed(list(enumerate(item))))
        elif attrs.has(type(item)) and not isinstance(item, Period):
            for field in reversed(attrs.fields(type(item))):
                if field.name != "extensions":
                    stack.append((f"{where}/{field.name}", getattr(item, field.name)))


# Fields that hold ids only: their validator admits ASCII letters, digits and ``._:-``, which
# are always NFC and never empty, so the text scan skips them.
_ID_FIELDS = frozenset(
    (
        "id",
        "party",
        "person",
        "body",
        "parent",
        "directed_by",
        "executor",
        "organiser",
        "event",
        "owners",
        "partners",
        "rotation",
        "implements",
        "hosts",
    )
)
_NO_TEXT = (Period, pendulum.Date, pendulum.DateTime, int, bool, enum.Enum, Recurrence)


def _text_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class that can hold free text or records holding it."""
    found = _TEXT_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = tuple(
            f.name
            for f in attrs.fields(cls)
            if f.name != "extensions"
            and f.name not in _ID_FIELDS
            and not (cls is Participant and f.name == "positions")
            and not all(
                isinstance(arg, type) and issubclass(arg, _NO_TEXT)
                for arg in _leaves(hints[f.name])
            )
        )
        _TEXT_FIELDS[cls] = found
    return found


def _leaves(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    if not args:
        return [hint]
    return [
        leaf for arg in args if arg is not type(None) and arg is not ... for leaf in _leaves(arg)
    ]


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}

# The text fields of a task that `_any_text_problem` scans one by one; a test checks that they
# are all of them, so a new text field is not missed by the quick scan.
_TASK_TEXTS = ("title", "description", "target_group", "means", "history")


def _bad_languages(text: Text) -> list[str]:
    return [lang for lang in text.languages if not _BCP47.fullmatch(lang)]


def _is_empty(text: Text) -> bool:
    return any(not value.strip() for value in (text.value, *(t for _, t in text.translations)))


def _bad_text(text: Text) -> bool:
    if text.lang is None and not text.translations:
        return not text.value.strip()
    return bool(_bad_languages(text)) or _is_empty(text)


def _texts_fine(texts: list[Text]) -> bool:
    """Whether none of ``texts`` has a problem; plain texts need only their value checked."""
    plain = [text.value for text in texts if text.lang is None and not text.translations]
    if len(plain) == len(texts):
        return all(map(str.strip, plain))
    return not any(map(_bad_text, texts))


def _any_text_problem(agreement: Agreement) -> bool:
    """Whether any text or string needs reporting: one pass over the text fields, no paths."""
    is_nfc = unicodedata.is_normalized
    for schedule in agreement.schedules:  # the bulk, field by field, iterated in C
        if has_plain_texts(schedule):  # the fast loader saw each of its task texts
            continue
        tasks = schedule.tasks
        for texts in (
            [task.title for task in tasks],
            [task.description for task in tasks if task.description is not None],
            [task.target_group for task in tasks if task.target_group is not None],
            [task.means for task in tasks if task.means is not None],
            [c.note for task in tasks for c in task.history if c.note is not None],
        ):
            if not _texts_fine(texts):
                return True
    stack: list[Any] = [
        getattr(agreement, name) for name in _text_fields(Agreement) if name != "schedules"
    ]
    stack.extend(schedule.title for schedule in agreement.schedules)
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is Text:
            if _bad_text(item):
                return True
        elif kind is str:
            if not is_nfc("NFC", item):
                return True
        elif kind is tuple:
            stack.extend(item)
        elif item is not None and attrs.has(kind):
            stack.extend([getattr(item, name) for name in _text_fields(kind)])
    return False


def _texts_by_walk(agreement: Agreement) -> list[tuple[str, str, str]]:
    """(code, path, message) of every text problem, from a walk that builds every path."""
    found: list[tuple[str, str, str]] = []
    for path, value in _values(agreement, ""):
        if isinstance(value, Text):
            found.extend(
                ("bad-language-tag", path, f"language key {lang!r} is not BCP 47")
                for lang in _bad_languages(value)
            )
            if _is_empty(value):
                found.append(("empty-text", path, "the text is empty"))
        elif not unicodedata.is_normalized("NFC", value):
            found.append(("text-not-nfc", path, "the text is not in Unicode NFC"))
    return found


def _texts(ctx: _Context) -> None:
    for lang_index, lang in enumerate(ctx.agreement.languages):
        if not _BCP47.fullmatch(lang):
            ctx.add("bad-language-tag", f"/languages/{lang_index}", f"{lang!r} is not BCP 47")
    # Building a path for every string costs more than all other rules together, so a quick
    # scan decides whether the walk that builds them is needed.
    if _any_text_problem(ctx.agreement):
        for code, path, message in _texts_by_walk(ctx.agreement):
            ctx.add(code, path, message)


_KNOWN: list[tuple[str, type[enum.StrEnum], Callable[[Agreement], Iterator[tuple[str, str]]]]] = [
    ("agreement kind", AgreementKind, lambda a: iter([("/kind", a.kind)])),
    (
        "party kind",
        PartyKind,
        lambda a: ((f"/parties/{i}/kind", p.kind) for i, p in enumerate(a.parties) if p.kind),
    ),
    (
        "party role",
        PartyRole,
        lambda a: (
            (f"/parties/{i}/roles/{j}", role)
            for i, p in enumerate(a.parties)
            for j, role in enumerate(p.roles)
        ),
    ),
    (
        "event kind",
        EventKind,
        lambda a: ((f"/events/{i}/kind", e.kind) for i, e in enumerate(a.events)),
    ),
    (
        "participant role",
        ParticipantRole,
        lambda a: (
            (f"/events/{i}/participants/{j}/role", p.role)
            for i, e in enumerate(a.events)
            for j, p in enumerate(e.participants)
        ),
    ),
]


def _codes(ctx: _Context) -> None:
    for label, known, values in _KNOWN:
        allowed = {member.value for member in known}
        for path, value in values(ctx.agreement):
            if value not in allowed:
                ctx.add(
                    "unknown-code",
                    path,
                    f"{value!r} is not a known {label} ({', '.join(sorted(allowed))})",
                )


_RULE_GROUPS = (_refs, _cycles, _dates, _commitments, _tasks, _texts, _codes)


def validate(
    agreement: Agreement,
    *,
    disable: Iterable[str] = (),
    severities: Mapping[str, Severity | str] | None = None,
) -> Report:
    """Check an agreement against every semantic rule and report all findings at once.

    Args:
        agreement: The agreement to check.
        disable: Codes to switch off.
        severities: Codes to re-grade, such as ``{"commitment-count-mismatch": "info"}``.

    Returns:
        A `Report` of every finding, in document order.

    Raises:
        InvalidArgumentError: ``agreement`` is not an `Agreement`, or a code is unknown.

    Examples:
        >>> import coordagree
        >>> report = coordagree.validate(coordagree.seed_programme())
        >>> report.ok, report.codes()
        (True, ['commitment-count-mismatch'])
        >>> report.findings[0].path
        '/declared_commitments'
    """
    require_agreement(agreement)
    off = set(disable)
    regrade = {code: Severity(level) for code, level in (severities or {}).items()}
    for argument, codes in (("disable", off), ("severities", regrade.keys())):
        unknown = sorted(code for code in codes if code not in RULES)
        if unknown:
            raise InvalidArgumentError(
                f"'{argument}' names unknown codes: {', '.join(unknown)}", argument=argument
            )
    ctx = _Context(agreement)
    _index(ctx)
    for group in _RULE_GROUPS:
        group(ctx)
    findings = [
        attrs.evolve(f, severity=regrade.get(f.code, f.severity))
        for f in ctx.findings
        if f.code not in off
    ]
    return Report(tuple(sorted(findings, key=lambda f: _path_key(f.path))))


def _path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(t)) if t.isdigit() else (1, t) for t in path.split("/")[1:])
