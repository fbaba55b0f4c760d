"""Hypothesis strategies for coordagree: valid agreements, their documents, and broken ones.

Needs the ``hypothesis`` extra (``pip install 'coordagree[hypothesis]'``). Every agreement drawn
by `agreements` is referentially consistent and validates with no findings at all; it
round-trips through JSON, YAML and TOML. `broken_documents` applies one known defect to a valid
document and says which finding it must produce.

Strategies shrink towards small agreements: few parties, one schedule, no tasks, plain strings,
year-precision periods starting in 2023.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pendulum

from coordagree._agreement import Agreement
from coordagree._codes import (
    AgreementKind,
    EventKind,
    ParticipantRole,
    PartyKind,
    PartyRole,
    ResponsibilityRole,
    ReviewKind,
    TaskStatus,
)
from coordagree._commitments import Commitment, Objective, Responsibility
from coordagree._documents import to_document
from coordagree._events import Event, Participant, Signature
from coordagree._parties import Party, Person, Position
from coordagree._period import DatePrecision, Period, format_date
from coordagree._provenance import Provenance
from coordagree._recurrence import Recurrence
from coordagree._reviews import Review
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._terms import Termination
from coordagree._text import Text
from coordagree.errors import MissingExtraError

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError(
        "coordagree.strategies needs Hypothesis: pip install 'coordagree[hypothesis]'"
    ) from None

__all__ = [
    "Defect",
    "agreements",
    "broken_documents",
    "documents",
    "ids",
    "parties",
    "periods",
    "recurrences",
    "texts",
]

_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
_ALPHABET = _VIETNAMESE + _VIETNAMESE.upper() + "ĐfjwzFJWZ0123456789 ,.-()"
_LANGUAGES = ("vi", "en", "fr", "lo", "km")


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidArgument(message)


def texts(
    *, languages: tuple[str, ...] = _LANGUAGES, max_size: int = 40
) -> st.SearchStrategy[Text]:
    """Non-empty text with Vietnamese diacritics: a plain string, or a language map.

    Shrinks towards a one-letter plain string.

    Raises:
        InvalidArgument: ``languages`` is empty or ``max_size`` < 1.
    """
    _check(bool(languages), "'languages' must name at least one language")
    _check(max_size >= 1, f"'max_size' must be >= 1 (got {max_size})")
    words = st.text(_ALPHABET, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")
    plain = words.map(Text)

    @st.composite
    def tagged(draw: st.DrawFn) -> Text:
        langs = draw(st.lists(st.sampled_from(languages), min_size=1, max_size=3, unique=True))
        values = [draw(words) for _ in langs]
        return Text(
            values[0], lang=langs[0], translations=dict(zip(langs[1:], values[1:], strict=True))
        )

    return st.one_of(plain, tagged())


def ids(prefix: str = "id") -> st.SearchStrategy[str]:
    """Ids such as ``party-3``; shrinks towards ``{prefix}-0``."""
    _check(
        bool(prefix) and prefix[0].isalnum(), f"'prefix' must start with a letter (got {prefix!r})"
    )
    return st.integers(0, 10_000).map(lambda n: f"{prefix}-{n}")


@st.composite
def _day(draw: st.DrawFn, first: pendulum.Date, last: pendulum.Date) -> pendulum.Date:
    offset = draw(st.integers(0, (last - first).in_days()))
    return first.add(days=offset)


def periods(
    *,
    min_year: int = 2000,
    max_year: int = 2040,
    open_ended: bool = True,
    precisions: tuple[DatePrecision, ...] = tuple(DatePrecision),
) -> st.SearchStrategy[Period]:
    """Periods between ``min_year`` and ``max_year``, at year, month or day precision.

    Shrinks towards the single year ``min_year``.

    Raises:
        InvalidArgument: the years are out of order or outside 1..9999, or no precision is given.
    """
    _check(1 <= min_year <= max_year <= 9999, "need 1 <= min_year <= max_year <= 9999")
    _check(bool(precisions), "'precisions' must not be empty")

    @st.composite
    def draw_period(draw: st.DrawFn) -> Period:
        precision = draw(st.sampled_from(precisions))
        first = draw(_day(pendulum.Date(min_year, 1, 1), pendulum.Date(max_year, 12, 31)))
        last = draw(_day(first, pendulum.Date(max_year, 12, 31)))
        last_text = None if open_ended and draw(st.booleans()) else format_date(last, precision)
        start_text = format_date(first, precision)
        if last_text is None:
            return Period.open(start_text)
        return Period.parse(start_text, last_text)

    return draw_period()


def recurrences() -> st.SearchStrategy[Recurrence]:
    """RRULEs that always fall on their start day (so never empty in a window that has it).

    Shrinks towards ``FREQ=DAILY``.
    """
    return st.builds(
        lambda freq, interval, count: Recurrence(
            f"FREQ={freq}"
            + (f";INTERVAL={interval}" if interval > 1 else "")
            + (f";COUNT={count}" if count else "")
        ),
        st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
        st.integers(1, 4),
        st.one_of(st.none(), st.integers(1, 12)),
    )


def _code(known: type[enum.StrEnum]) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in known])


def _extensions() -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(
        st.sampled_from(["x-note", "x-source-id", "x-rank"]),
        st.one_of(st.text(_ALPHABET, max_size=10), st.integers(-1000, 1000)),
        max_size=2,
    )


@st.composite
def _parties(draw: st.DrawFn, count: int) -> tuple[Party, ...]:
    result: list[Party] = []
    for index in range(count):
        others = [p.id for p in result]
        result.append(
            Party(
                id=f"party-{index}",
                name=draw(texts()),
                short_name=draw(st.none() | texts(max_size=8)),
                kind=draw(st.none() | _code(PartyKind)),
                roles=tuple(draw(st.lists(_code(PartyRole), max_size=2, unique=True))),
                parent=draw(st.none() | st.sampled_from(others)) if others else None,
                directed_by=draw(st.none() | st.sampled_from(others)) if others else None,
                extensions=draw(_extensions()),
            )
        )
    return tuple(result)


def parties(*, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[tuple[Party, ...]]:
    """A list of parties with an acyclic hierarchy (a parent always comes earlier).

    Shrinks towards one party with no roles.
    """
    _check(1 <= min_size <= max_size, "need 1 <= min_size <= max_size")
    return st.integers(min_size, max_size).flatmap(_parties)


def _within(draw: st.DrawFn, window: Period) -> Period:
    end = window.end if window.end is not None else window.start.add(years=2)
    if draw(st.booleans()):
        return Period(
            start=window.start,
            end=end,
            start_precision=window.start_precision,
            end_precision=window.end_precision if window.end is not None else DatePrecision.DAY,
        )
    first = draw(_day(window.start, end))
    last = draw(_day(first, end))
    return Period(start=first, end=last)


@st.composite
def _task(
    draw: st.DrawFn, task_id: str, window: Period, party_ids: list[str], commitment_ids: list[str]
) -> Task:
    due = draw(st.none() | st.just(None).map(lambda _: _within(draw, window)))
    status = draw(_code(TaskStatus))
    actual = None
    history: tuple[StatusChange, ...] = ()
    if status == TaskStatus.COMPLETED:
        limit = due if due is not None else window
        actual = _within(draw, limit)
        if draw(st.booleans()) and actual.end is not None:
            history = (
                StatusChange(status=TaskStatus.IN_PROCESS, on=actual.start),
                StatusChange(status=TaskStatus.COMPLETED, on=actual.end),
            )
    rotate = draw(st.booleans())
    owners = draw(st.lists(st.sampled_from(party_ids), min_size=1, max_size=3, unique=True))
    return Task(
        id=task_id,
        title=draw(texts()),
        description=draw(st.none() | texts()),
        owners=tuple(owners),
        executor=draw(st.none() | st.sampled_from(party_ids)),
        partners=tuple(draw(st.lists(st.sampled_from(party_ids), max_size=2, unique=True))),
        target_group=draw(st.none() | texts()),
        means=draw(st.none() | texts()),
        due=due,
        recurrence=tuple(draw(st.lists(recurrences(), max_size=2))),
        rotation=tuple(owners) if rotate and len(owners) > 1 else (),
        status=status,
        history=history,
        actual=actual,
        implements=tuple(draw(st.lists(st.sampled_from(commitment_ids), max_size=2, unique=True)))
        if commitment_ids
        else (),
        extensions=draw(_extensions()),
    )


@st.composite
def _agreement(
    draw: st.DrawFn,
    max_parties: int,
    max_tasks: int,
    min_tasks: int,
    languages: tuple[str, ...],
    open_ended: bool,
) -> Agreement:
    period = draw(periods(min_year=2023, max_year=2030, open_ended=open_ended))
    party_list = draw(parties(min_size=2, max_size=max_parties))
    party_ids = [p.id for p in party_list]
    people = []
    for index in range(draw(st.integers(0, 3))):
        positions = tuple(
            Position(id=f"pos-{k}", title=draw(texts()), body=draw(st.sampled_from(party_ids)))
            for k in range(draw(st.integers(0, 3)))
        )
        people.append(Person(id=f"person-{index}", name=draw(texts()), positions=positions))
    objectives = tuple(
        Objective(id=f"objective-{i}", text=draw(texts())) for i in range(draw(st.integers(0, 3)))
    )
    numbered = draw(st.booleans())
    commitments = tuple(
        Commitment(
            id=f"commitment-{i}",
            title=draw(texts()),
            number=i + 1 if numbered else None,
            responsible=tuple(
                Responsibility(party=party, role=draw(st.sampled_from(list(ResponsibilityRole))))
                for party in draw(
                    st.lists(st.sampled_from(party_ids), min_size=1, max_size=3, unique=True)
                )
            ),
            objectives=tuple(
                draw(st.lists(st.sampled_from([o.id for o in objectives]), max_size=2, unique=True))
            )
            if objectives
            else (),
            binding=draw(st.none() | st.booleans()),
        )
        for i in range(draw(st.integers(0, 4)))
    )
    commitment_ids = [c.id for c in commitments]
    span = (
        period
        if period.end is not None
        else Period(start=period.start, end=period.start.add(years=2))
    )
    pieces = span.split("year")
    task_total = draw(st.integers(min_tasks, max_tasks))
    used = pieces[: draw(st.integers(1, len(pieces)))]
    schedules = []
    counter = 0
    for s, piece in enumerate(used):
        left = task_total - counter
        share = left if s == len(used) - 1 else draw(st.integers(min(1, left), left))
        tasks = tuple(
            draw(_task(f"task-{counter + k}", piece, party_ids, commitment_ids))
            for k in range(share)
        )
        counter += share
        schedules.append(
            TaskSchedule(
                id=f"schedule-{s}", period=piece, title=draw(st.none() | texts()), tasks=tasks
            )
        )
    events = []
    for e in range(draw(st.integers(0, 2))):
        participants = []
        for person in (
            draw(st.lists(st.sampled_from(people), max_size=2, unique_by=lambda p: p.id))
            if people
            else []
        ):
            cited = (
                draw(
                    st.lists(
                        st.sampled_from([p.id for p in person.positions]), max_size=2, unique=True
                    )
                )
                if person.positions
                else []
            )
            participants.append(
                Participant(
                    person=person.id, role=draw(_code(ParticipantRole)), positions=tuple(cited)
                )
            )
        events.append(
            Event(
                id=f"event-{e}",
                kind=draw(_code(EventKind)),
                date=draw(_day(span.start, span.end or span.start)),
                title=draw(st.none() | texts()),
                organiser=draw(st.none() | st.sampled_from(party_ids)),
                participants=tuple(participants),
            )
        )
    signatures = tuple(
        Signature(
            party=party, date=draw(st.none() | _day(span.start.subtract(days=60), span.start))
        )
        for party in draw(st.lists(st.sampled_from(party_ids), max_size=3, unique=True))
    )
    reviews = tuple(
        Review(
            id=f"review-{r}",
            kind=draw(st.sampled_from(list(ReviewKind))),
            due=draw(st.none() | st.just(None).map(lambda _: _within(draw, span))),
            recurrence=tuple(draw(st.lists(recurrences(), max_size=1))),
            hosts=tuple(draw(st.lists(st.sampled_from(party_ids), max_size=2, unique=True))),
        )
        for r in range(draw(st.integers(0, 2)))
    )
    return Agreement(
        id=draw(ids("agreement")),
        title=draw(texts(languages=languages)),
        kind=draw(_code(AgreementKind)),
        subject=draw(st.none() | texts(languages=languages)),
        languages=tuple(draw(st.lists(st.sampled_from(languages), max_size=2, unique=True))),
        timezone=draw(st.sampled_from(["Asia/Ho_Chi_Minh", "UTC", "Asia/Bangkok"])),
        period=period,
        effective=draw(st.none() | _day(span.start, span.end or span.start)),
        parties=party_list,
        people=tuple(people),
        objectives=objectives,
        commitments=commitments,
        declared_commitments=len(commitments) if draw(st.booleans()) else None,
        schedules=tuple(schedules),
        reviews=reviews,
        events=tuple(events),
        signatures=signatures,
        termination=draw(
            st.none()
            | st.builds(
                Termination,
                notice_days=st.none() | st.integers(1, 180),
                in_writing=st.booleans(),
                minimum_months=st.none() | st.integers(1, 60),
            )
        ),
        provenance=draw(
            st.none()
            | st.builds(
                Provenance,
                source=texts(),
                published=st.none()
                | st.builds(
                    lambda day, minute, hours: pendulum.datetime(
                        day.year,
                        day.month,
                        day.day,
                        minute // 60,
                        minute % 60,
                        tz=pendulum.FixedTimezone(hours * 3600),
                    ),
                    _day(pendulum.Date(2020, 1, 1), pendulum.Date(2030, 12, 31)),
                    st.integers(0, 24 * 60 - 1),
                    st.integers(-11, 12),
                ),
                author=st.none() | texts(),
            )
        ),
        extensions=draw(_extensions()),
    )


def agreements(
    *,
    max_parties: int = 6,
    max_tasks: int = 8,
    min_tasks: int = 0,
    languages: tuple[str, ...] = _LANGUAGES,
    open_ended: bool = True,
) -> st.SearchStrategy[Agreement]:
    """Valid, referentially consistent agreements that validate with no findings.

    Every reference resolves; schedules lie inside the period, tasks inside their schedules;
    text mixes plain strings and language maps with Vietnamese diacritics; periods are at year,
    month or day precision, and open-ended when ``open_ended``; tasks may recur, rotate, carry a
    status history and ``x-`` extensions. Shrinks towards two parties, one schedule and no tasks.

    Args:
        max_parties: Most parties (at least 2 are drawn).
        max_tasks: Most tasks across all schedules.
        min_tasks: Fewest tasks.
        languages: BCP 47 tags that language maps use.
        open_ended: Whether the period may have no end.

    Raises:
        InvalidArgument: a size is out of range, or ``languages`` is empty.
    """
    _check(max_parties >= 2, f"'max_parties' must be >= 2 (got {max_parties})")
    _check(
        0 <= min_tasks <= max_tasks,
        f"need 0 <= min_tasks <= max_tasks (got {min_tasks}, {max_tasks})",
    )
    _check(bool(languages), "'languages' must name at least one language")
    return _agreement(max_parties, max_tasks, min_tasks, languages, open_ended)


def documents(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid agreements as plain document data, ready for `coordagree.from_document` or dumping.

    Takes the same arguments as `agreements`.
    """
    return agreements(**kwargs).map(to_document)


@attrs.frozen
class Defect:
    """A defect applied to a document, and the finding it must produce.

    Attributes:
        code: The finding's code.
        path: The finding's JSON Pointer.
        structural: True when loading fails; False when the loaded agreement fails validation.
    """

    code: str
    path: str
    structural: bool


def _break(draw: st.DrawFn, doc: dict[str, Any]) -> Defect:
    choice = draw(
        st.sampled_from(
            [
                "duplicate-id",
                "unresolved-reference",
                "task-outside-schedule",
                "bad-date",
                "unknown-key",
                "missing-field",
            ]
        )
    )
    parties_list = doc["parties"]
    if choice == "duplicate-id":
        parties_list.append(dict(parties_list[0]))
        return Defect("duplicate-id", f"/parties/{len(parties_list) - 1}/id", False)
    if choice == "unresolved-reference":
        task = doc["schedules"][0]["tasks"][0]
        task["owners"][0] = "no-such-party"
        task.pop("rotation", None)
        return Defect("unresolved-reference", "/schedules/0/tasks/0/owners/0", False)
    if choice == "task-outside-schedule":
        schedule = doc["schedules"][0]
        task = schedule["tasks"][0]
        task["due"] = "2099-12-31"
        for key in ("recurrence", "actual", "history"):
            task.pop(key, None)
        task.pop("status", None)
        return Defect("task-outside-schedule", "/schedules/0/tasks/0/due", False)
    if choice == "bad-date":
        doc["period"] = {"start": "29/5/2023"}
        return Defect("bad-date", "/period/start", True)
    if choice == "unknown-key":
        parties_list[0]["nmae"] = "typo"
        return Defect("unknown-key", "/parties/0/nmae", True)
    del parties_list[0]["name"]
    return Defect("missing-field", "/parties/0/name", True)


def broken_documents(**kwargs: Any) -> st.SearchStrategy[tuple[dict[str, Any], Defect]]:
    """A valid document with one known defect applied, with the finding it must produce.

    The defect is one of: a duplicated party id, a task owner that names no party, a task due
    outside its schedule, a day-first date (``29/5/2023``), a misspelt key, a missing required
    field. Takes the same arguments as `agreements` (at least one task is always drawn).
    """
    kwargs.setdefault("min_tasks", 1)
    kwargs["min_tasks"] = max(1, kwargs["min_tasks"])
    kwargs.setdefault("max_tasks", max(kwargs["min_tasks"], 3))

    @st.composite
    def draw_broken(draw: st.DrawFn) -> tuple[dict[str, Any], Defect]:
        doc = draw(documents(**kwargs))
        defect = _break(draw, doc)
        return doc, defect

    return draw_broken()
