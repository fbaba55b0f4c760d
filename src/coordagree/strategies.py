"""Hypothesis strategies for coordagree: valid agreements, their documents, and broken ones.

Needs the ``hypothesis`` extra (``pip install 'coordagree[hypothesis]'``). Every agreement drawn
by `agreements` is referentially consistent and validates with no findings at all; it
round-trips through JSON, YAML and TOML. `broken_documents` applies one known defect to a valid
document and says which finding it must produce.

Strategies shrink towards small agreements: few parties, one schedule, no tasks, plain strings,
year-precision periods starting in 2023.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import itertools
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs
import pendulum

from coordagree._agreement import Agreement
from coordagree._codelists import (
    AgreementKind,
    EventKind,
    Modality,
    ParticipantRole,
    PartOfDay,
    PartyKind,
    PartyRole,
    RelationKind,
    ResponsibilityRole,
    ReviewKind,
    TaskStatus,
)
from coordagree._commitments import Commitment, Objective, Responsibility
from coordagree._documents import to_document
from coordagree._events import Event, Participant, Signature
from coordagree._fields import Kind, kind_of
from coordagree._parties import Party, Person, Position
from coordagree._period import DatePrecision, Period, format_date
from coordagree._provenance import Provenance
from coordagree._recurrence import Recurrence
from coordagree._reviews import Review
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._terms import Amendment, RelatedInstrument, Termination
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
    "amendments",
    "broken_documents",
    "commitments",
    "documents",
    "events",
    "ids",
    "objectives",
    "parties",
    "people",
    "periods",
    "provenances",
    "recurrences",
    "related_instruments",
    "reviews",
    "schedules",
    "signatures",
    "tasks",
    "terminations",
    "texts",
]

_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
_ALPHABET = _VIETNAMESE + _VIETNAMESE.upper() + "ĐfjwzFJWZ0123456789 ,.-()"
_LANGUAGES = ("vi", "en", "fr", "lo", "km")


_F = TypeVar("_F", bound=Callable[..., Any])
_T = TypeVar("_T")


def _memoised(function: _F) -> _F:
    """Build each strategy once per argument set: building costs more than drawing.

    Strategies are immutable, so sharing one between callers is safe; unhashable arguments
    (a list instead of a tuple) just skip the cache.
    """
    cached = functools.lru_cache(maxsize=1024)(function)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:
            return function(*args, **kwargs)
        return cached(*args, **kwargs)

    return cast(_F, wrapper)


@functools.cache
def _one_of(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@functools.cache
def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@functools.cache
def _none_or_one_of(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """None or one of ``values``, as one choice (``_maybe(_one_of(...))`` takes three draws)."""
    return st.sampled_from((None, *values))


@functools.cache
def _rule_lists(max_size: int) -> st.SearchStrategy[list[Recurrence]]:
    return st.lists(recurrences(), max_size=max_size)


@functools.cache
def _subsets(values: tuple[Any, ...], min_size: int, max_size: int) -> st.SearchStrategy[Any]:
    """Lists of distinct ``values``, in their order; shrinks towards the fewest, earliest ones.

    All the subsets are listed up front when there are few (a handful of parties), so one is
    drawn with one choice instead of one per element.
    """
    sizes = range(min_size, min(max_size, len(values)) + 1)
    if sum(math.comb(len(values), size) for size in sizes) > 5_000:
        return st.lists(st.sampled_from(values), min_size=min_size, max_size=max_size, unique=True)
    return st.sampled_from(
        [chosen for size in sizes for chosen in itertools.combinations(values, size)]
    )


def _check_min(name: str, value: int, least: int) -> None:
    _check(value >= least, f"'{name}' must be >= {least} (got {value})")


def _check_sizes(low: str, high: str, sizes: tuple[int, int]) -> None:
    _check(0 <= sizes[0] <= sizes[1], f"need 0 <= {low} <= {high} (got {sizes[0]}, {sizes[1]})")


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidArgument(message)


@_memoised
def texts(
    *, languages: tuple[str, ...] = _LANGUAGES, max_size: int = 40
) -> st.SearchStrategy[Text]:
    """Non-empty text with Vietnamese diacritics: a plain string, or a language map.

    Shrinks towards a one-letter plain string.

    Raises:
        InvalidArgument: ``languages`` is empty or ``max_size`` < 1.
    """
    _check(bool(languages), "'languages' must name at least one language")
    _check_min("max_size", max_size, 1)
    return _texts(tuple(languages), max_size)


@functools.cache
def _words(max_size: int) -> st.SearchStrategy[str]:
    """Strings from the alphabet that are not blank: a blank one gets a letter in front.

    Mapped rather than filtered: Hypothesis re-validates a filtered text strategy on every
    draw, which made drawing agreements several times slower.
    """
    return _strings(max_size).map(_not_blank)


def _not_blank(value: str) -> str:
    return value if value.strip() else "a" + value[1:]


def _plain_text(value: str) -> Text:
    return Text(_not_blank(value))


@functools.cache
def _texts(languages: tuple[str, ...], max_size: int) -> st.SearchStrategy[Text]:
    # Strategies are built once per argument set: building one costs more than drawing from it.
    words = _words(max_size)
    plain = _strings(max_size).map(_plain_text)

    @st.composite
    def tagged(draw: st.DrawFn) -> Text:
        langs = draw(_subsets(languages, 1, 3))
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


@functools.cache
def _day(first: pendulum.Date, last: pendulum.Date) -> st.SearchStrategy[pendulum.Date]:
    """Days from ``first`` to ``last``; shrinks towards ``first``."""
    return st.integers(0, (last - first).in_days()).map(lambda days: first.add(days=days))


@_memoised
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


@functools.cache
def recurrences() -> st.SearchStrategy[Recurrence]:
    """RRULEs that always fall on their start day (so never empty in a window that has it).

    Daily, weekly, monthly or yearly, every 1 to 4 periods, unbounded or for 1 to 12
    occurrences: 208 rules, drawn as one choice. Shrinks towards ``FREQ=DAILY``.
    """
    return st.sampled_from(
        [
            Recurrence(
                f"FREQ={freq}"
                + (f";INTERVAL={interval}" if interval > 1 else "")
                + (f";COUNT={count}" if count else "")
            )
            for freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
            for interval in range(1, 5)
            for count in (None, *range(1, 13))
        ]
    )


@functools.cache
def _code(known: type[enum.StrEnum]) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in known])


# Extensions a record may carry, drawn as one choice: every record of an agreement may have
# some, and drawing each key and value would cost more than the rest of the record.
_EXTENSION_SAMPLES: tuple[dict[str, Any], ...] = (
    {},
    {"x-note": "ghi chú"},
    {"x-rank": 3},
    {"x-source-id": "src-17", "x-rank": -1000},
    {"x-note": "Đã ký ngày 29/5", "x-source-id": "QB-2023-08"},
    {"x-note": "", "x-rank": 0, "x-source-id": "a"},
)


@functools.cache
def _extensions() -> st.SearchStrategy[dict[str, Any]]:
    return st.sampled_from(_EXTENSION_SAMPLES)


# -- swarm testing: each agreement uses a random subset of the optional features ----------------
#
# Drawing every optional part of every record makes each example large and slow to draw. As in
# swarm testing, `agreements` first draws which features an example uses, and the record
# strategies below leave the others out without drawing them: examples are smaller and more
# varied, and each feature still appears in about half of them. Used on their own, the record
# strategies draw every feature.

_FEATURES = (
    "translations",
    "details",
    "wording",
    "extensions",
    "recurrence",
    "instruments",
    "commitments",
    "reviews",
    "events",
)


@attrs.frozen
class _Swarm:
    """What the agreement being drawn uses: its optional features and its languages."""

    enabled: frozenset[str] = frozenset(_FEATURES)
    languages: tuple[str, ...] = _LANGUAGES


_SWARM: contextvars.ContextVar[_Swarm] = contextvars.ContextVar("coordagree_strategy_swarm")
_EVERYTHING = _Swarm()


def _swarm() -> _Swarm:
    return _SWARM.get(_EVERYTHING)


@contextlib.contextmanager
def _using(swarm: _Swarm) -> Iterator[None]:
    token = _SWARM.set(swarm)
    try:
        yield
    finally:
        _SWARM.reset(token)


@functools.cache
def _strings(max_size: int) -> st.SearchStrategy[str]:
    """Strings from the alphabet, one character or more; blank ones too."""
    return st.text(_ALPHABET, min_size=1, max_size=max_size)


def _text(draw: st.DrawFn, max_size: int = 40) -> Text:
    """A text: a language map only when the example uses translations."""
    swarm = _swarm()
    if "translations" in swarm.enabled:
        return draw(texts(languages=swarm.languages, max_size=max_size))
    return Text(_not_blank(draw(_strings(max_size))))  # one draw: no .map


def _detail(draw: st.DrawFn, max_size: int = 40) -> Text | None:
    """An optional descriptive text (a description, a place...), or None."""
    if not _details():
        return None
    return _text(draw, max_size) if draw(st.booleans()) else None


def _optional(draw: st.DrawFn, strategy: st.SearchStrategy[_T]) -> _T | None:
    """An optional detail that is not text (an effective day...), or None."""
    return draw(_maybe(strategy)) if _details() else None


def _details() -> bool:
    """Whether the example uses descriptive details."""
    return "details" in _swarm().enabled


def _rules(draw: st.DrawFn, max_size: int) -> tuple[Recurrence, ...]:
    """RRULEs, or none."""
    return tuple(draw(_rule_lists(max_size))) if "recurrence" in _swarm().enabled else ()


def _as_written(draw: st.DrawFn) -> str | None:
    """A source's wording, or None."""
    return draw(_wording()) if "wording" in _swarm().enabled else None


def _extras(draw: st.DrawFn) -> dict[str, Any]:
    """``x-`` extensions, or none."""
    return draw(_extensions()) if "extensions" in _swarm().enabled else {}


# -- fields drawn by their kind ----------------------------------------------------------------
#
# Each strategy below draws the fields whose values depend on the rest of the agreement (ids,
# windows, consistent histories) itself. Every other field is drawn from its declared kind, so
# a field added to a model class is drawn with no edit here; references are drawn from the ids
# a strategy passes in ``refs``. A test checks that every field of every class is drawn with a
# value other than its default within a derandomised run.


def _by_kind(field: attrs.Attribute[Any], refs: Mapping[str, tuple[str, ...]]) -> Any:
    """A strategy for ``field`` from its kind alone, or None when it needs more context."""
    kind = kind_of(field)
    k = kind.kind
    strategy: st.SearchStrategy[Any] | None
    if k is Kind.TEXT:
        strategy = texts()
    elif k is Kind.WORDING:
        return _wording()
    elif k is Kind.STRING:
        strategy = _strings(20)
    elif k is Kind.CODE and kind.codes is not None:
        values = tuple(member.value for member in kind.codes)
        if kind.many:
            return _subsets(values, 0, 2).map(tuple)
        strategy = st.sampled_from(list(kind.codes)) if kind.closed else _code(kind.codes)
    elif k is Kind.FLAG:
        strategy = st.booleans()
    elif k is Kind.COUNT:
        strategy = st.integers(kind.minimum or 0, (kind.minimum or 0) + 20)
    elif k is Kind.DATE:
        strategy = _day(_DEFAULT_WINDOW.start, _DEFAULT_WINDOW.end or _DEFAULT_WINDOW.start)
    elif k is Kind.PERIOD:
        strategy = periods(min_year=2023, max_year=2026, open_ended=False)
    elif k is Kind.TAGS:
        return _subsets(_LANGUAGES, 0, 2).map(tuple)
    elif k is Kind.EXTENSIONS:
        return _extensions() if "extensions" in _swarm().enabled else st.just({})
    elif k is Kind.REF and refs.get(kind.target or ""):
        choices = tuple(refs[kind.target or ""])
        if kind.many:
            return _subsets(choices, 0, 2).map(tuple)
        strategy = st.sampled_from(choices)
    else:
        return None  # ids, nested records, recurrences, moments: each strategy draws its own
    return _maybe(strategy) if kind.optional else strategy


def _complete(
    draw: st.DrawFn, cls: type[_T], refs: Mapping[str, tuple[str, ...]] | None = None, **given: Any
) -> _T:
    """A ``cls`` from ``given``, every other field drawn by its kind where it can be."""
    for field in attrs.fields(cast(Any, cls)):
        if field.name not in given:
            strategy = _by_kind(field, refs or {})
            if strategy is not None:
                given[field.name] = draw(strategy)
    return cls(**given)


def _built(
    cls: type[_T], refs: Mapping[str, tuple[str, ...]] | None = None, **given: Any
) -> st.SearchStrategy[_T]:
    """`st.builds` of ``cls`` from ``given``, every other field drawn by its kind."""
    for field in attrs.fields(cast(Any, cls)):
        if field.name not in given:
            strategy = _by_kind(field, refs or {})
            if strategy is not None:
                given[field.name] = strategy
    return st.builds(cls, **given)


@st.composite
def _parties(draw: st.DrawFn, count: int) -> tuple[Party, ...]:
    result: list[Party] = []
    for index in range(count):
        others = tuple(p.id for p in result)
        result.append(
            _complete(
                draw,
                Party,
                id=f"party-{index}",
                name=_text(draw),
                short_name=_detail(draw, max_size=8),
                kind=draw(_none_or_one_of(tuple(kind.value for kind in PartyKind))),
                roles=tuple(draw(_subsets(tuple(m.value for m in PartyRole), 0, 2))),
                parent=draw(_none_or_one_of(others)),
                directed_by=draw(_none_or_one_of(others)),
                extensions=_extras(draw),
            )
        )
    return tuple(result)


@_memoised
def parties(*, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[tuple[Party, ...]]:
    """A list of parties with an acyclic hierarchy (a parent always comes earlier).

    Shrinks towards one party with no roles.
    """
    _check(1 <= min_size <= max_size, "need 1 <= min_size <= max_size")
    return st.integers(min_size, max_size).flatmap(_parties)


# Composite strategies are module-level: decorating one costs more than drawing from it.


@st.composite
def _draw_people(
    draw: st.DrawFn, party_ids: tuple[str, ...], window: Period, max_size: int
) -> tuple[Person, ...]:
    found = []
    last = window.end or window.start
    for index in range(draw(st.integers(0, max_size))):
        positions = tuple(
            _complete(
                draw,
                Position,
                id=f"pos-{k}",
                title=_text(draw),
                body=draw(_one_of(tuple(party_ids))),
                start=draw(_maybe(_day(window.start.subtract(years=5), window.start))),
                end=draw(_maybe(_day(last, last.add(years=5)))),  # after every event
            )
            for k in range(draw(st.integers(0, 3)))
        )
        found.append(
            _complete(
                draw,
                Person,
                id=f"person-{index}",
                name=_text(draw),
                honorific=draw(_none_or_one_of((_COMRADE,))),
                positions=positions,
            )
        )
    return tuple(found)


@st.composite
def _draw_commitments(
    draw: st.DrawFn,
    party_ids: tuple[str, ...],
    objective_ids: tuple[str, ...],
    span: Period,
    max_size: int,
) -> tuple[Commitment, ...]:
    numbered = draw(st.booleans())
    return tuple(
        _complete(
            draw,
            Commitment,
            id=f"commitment-{i}",
            title=_text(draw),
            number=i + 1 if numbered else None,
            description=_detail(draw),
            modality=draw(st.sampled_from(list(Modality))),
            binding=draw(_none_or_one_of((False, True))),
            responsible=tuple(
                _complete(
                    draw,
                    Responsibility,
                    party=party,
                    role=draw(st.sampled_from(list(ResponsibilityRole))),
                )
                for party in draw(_subsets(tuple(party_ids), 1, 3))
            ),
            objectives=tuple(draw(_subsets(objective_ids, 0, 2))) if objective_ids else (),
            effective=_optional(draw, _day(span.start, span.end or span.start)),
            extensions=_extras(draw),
        )
        for i in range(draw(st.integers(0, max_size)))
    )


@st.composite
def _draw_schedules(
    draw: st.DrawFn,
    pieces: tuple[Period, ...],
    party_ids: tuple[str, ...],
    commitment_ids: tuple[str, ...],
    min_tasks: int,
    max_tasks: int,
) -> tuple[TaskSchedule, ...]:
    total = draw(st.integers(min_tasks, max_tasks))
    used = pieces[: draw(st.integers(1, len(pieces)))]
    found = []
    counter = 0
    for index, piece in enumerate(used):
        left = total - counter
        share = left if index == len(used) - 1 else draw(st.integers(min(1, left), left))
        drawn = draw(
            tasks(
                window=piece,
                party_ids=party_ids,
                commitment_ids=commitment_ids,
                min_size=share,
                max_size=share,
                first=counter,
            )
        )
        counter += share
        found.append(
            _complete(
                draw,
                TaskSchedule,
                id=f"schedule-{index}",
                period=piece,
                title=_detail(draw),
                tasks=drawn,
            )
        )
    return tuple(found)


@st.composite
def _draw_reviews(
    draw: st.DrawFn, party_ids: tuple[str, ...], span: Period, max_size: int
) -> tuple[Review, ...]:
    found = []
    for index in range(draw(st.integers(0, max_size))):
        rules = _rules(draw, 1)
        hosts = tuple(draw(_subsets(tuple(party_ids), 0, 2)))
        found.append(
            _complete(
                draw,
                Review,
                id=f"review-{index}",
                kind=draw(st.sampled_from(list(ReviewKind))),
                title=_detail(draw),
                due=(_within(draw, span) if draw(st.booleans()) else None),
                recurrence=rules,
                hosts=hosts,
                rotation=hosts if rules and len(hosts) > 1 and draw(st.booleans()) else (),
            )
        )
    return tuple(found)


@st.composite
def _draw_events(
    draw: st.DrawFn,
    span: Period,
    party_ids: tuple[str, ...],
    people: tuple[Person, ...],
    timezone: str,
    max_size: int,
) -> tuple[Event, ...]:
    found = []
    for index in range(draw(st.integers(0, max_size))):
        participants = []
        chosen = (
            draw(st.lists(st.sampled_from(people), max_size=2, unique_by=lambda p: p.id))
            if people
            else []
        )
        for person in chosen:
            cited = (
                draw(
                    st.lists(
                        st.sampled_from([p.id for p in person.positions]),
                        max_size=2,
                        unique=True,
                    )
                )
                if person.positions
                else []
            )
            participants.append(
                _complete(
                    draw,
                    Participant,
                    person=person.id,
                    role=draw(_code(ParticipantRole)),
                    positions=tuple(cited),
                    party=draw(_none_or_one_of(tuple(party_ids))),
                )
            )
        day = draw(_day(span.start, span.end or span.start))
        minute = draw(_maybe(st.integers(0, 24 * 60 - 1)))
        start = (
            None
            if minute is None
            else pendulum.datetime(
                day.year, day.month, day.day, minute // 60, minute % 60, tz=timezone
            )
        )
        found.append(
            _complete(
                draw,
                Event,
                id=f"event-{index}",
                kind=draw(_code(EventKind)),
                date=day,
                title=_detail(draw),
                start=start,
                part_of_day=draw(_none_or_one_of(tuple(PartOfDay))),
                date_as_written=_as_written(draw),
                place=_detail(draw),
                organiser=draw(_none_or_one_of(tuple(party_ids))),
                participants=tuple(participants),
                summary=_detail(draw),
            )
        )
    return tuple(found)


def _within(draw: st.DrawFn, window: Period) -> Period:
    end = window.end if window.end is not None else window.start.add(years=2)
    if draw(st.booleans()):
        return Period(
            start=window.start,
            end=end,
            start_precision=window.start_precision,
            end_precision=window.end_precision if window.end is not None else DatePrecision.DAY,
            as_written=_as_written(draw),
        )
    first = draw(_day(window.start, end))
    last = draw(_day(first, end))
    return Period(start=first, end=last, as_written=_as_written(draw))


@functools.cache
def _wording() -> st.SearchStrategy[str | None]:
    """A source's wording, as written: absent, or a short Vietnamese phrase."""
    return st.none() | _words(20)


def _closed(window: Period) -> Period:
    return (
        window
        if window.end is not None
        else Period(start=window.start, end=window.start.add(years=2))
    )


_COMRADE = Text("đồng chí")
_DEFAULT_WINDOW = Period(start=pendulum.Date(2023, 1, 1), end=pendulum.Date(2026, 12, 31))
_DEFAULT_PARTIES = ("party-0", "party-1")


def _check_refs(party_ids: tuple[str, ...] | list[str]) -> None:
    _check(bool(party_ids), "'party_ids' must name at least one party")


@_memoised
def people(
    *,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    window: Period = _DEFAULT_WINDOW,
    max_size: int = 3,
) -> st.SearchStrategy[tuple[Person, ...]]:
    """People (``person-0``, ...) holding positions at the given parties.

    Positions start on or before ``window``'s start and never end inside it, so an event in the
    window may cite any of them. Shrinks towards no people.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)

    return _draw_people(party_ids, window, max_size)


@_memoised
def objectives(*, max_size: int = 3) -> st.SearchStrategy[tuple[Objective, ...]]:
    """Objectives (``objective-0``, ...); shrinks towards none.

    Raises:
        InvalidArgument: ``max_size`` < 0.
    """
    _check_min("max_size", max_size, 0)
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(*(texts() for _ in range(n))).map(
            lambda found: tuple(Objective(id=f"objective-{i}", text=t) for i, t in enumerate(found))
        )
    )


@_memoised
def commitments(
    *,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    objective_ids: tuple[str, ...] = (),
    window: Period = _DEFAULT_WINDOW,
    max_size: int = 4,
) -> st.SearchStrategy[tuple[Commitment, ...]]:
    """Commitments (``commitment-0``, ...), each with at least one responsible party.

    Either all are numbered 1, 2, 3, ... or none is; modality, binding-ness and an effective day
    inside ``window`` vary. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_commitments(party_ids, objective_ids, span, max_size)


@st.composite
def _task(
    draw: st.DrawFn,
    task_id: str,
    window: Period,
    party_ids: tuple[str, ...],
    commitment_ids: tuple[str, ...],
) -> Task:
    due = _within(draw, window) if draw(st.booleans()) else None
    status = draw(_code(TaskStatus))
    actual = None
    history: tuple[StatusChange, ...] = ()
    limit = due if due is not None else window
    if status == TaskStatus.COMPLETED:
        actual = _within(draw, limit)
        if draw(st.booleans()) and actual.end is not None:
            history = (
                StatusChange(status=TaskStatus.IN_PROCESS, on=actual.start),
                StatusChange(status=TaskStatus.COMPLETED, on=actual.end, note=_detail(draw)),
            )
    elif status != TaskStatus.NEEDS_ACTION and draw(st.booleans()):
        history = (
            StatusChange(status=status, on=draw(_day(limit.start, limit.end or limit.start))),
        )
    rotate = draw(st.booleans())
    owners = draw(_subsets(tuple(party_ids), 1, 3))
    return _complete(
        draw,
        Task,
        id=task_id,
        title=_text(draw),
        description=_detail(draw),
        owners=tuple(owners),
        executor=draw(_none_or_one_of(tuple(party_ids))) if _details() else None,
        partners=tuple(draw(_subsets(tuple(party_ids), 0, 2))) if _details() else (),
        target_group=_detail(draw),
        means=_detail(draw),
        due=due,
        recurrence=_rules(draw, 2),
        rotation=tuple(owners) if rotate and len(owners) > 1 else (),
        status=status,
        history=history,
        planned=_within(draw, limit) if _details() and draw(st.booleans()) else None,
        actual=actual,
        implements=tuple(draw(_subsets(commitment_ids, 0, 2))) if commitment_ids else (),
        extensions=_extras(draw),
    )


@_memoised
def tasks(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    commitment_ids: tuple[str, ...] = (),
    min_size: int = 0,
    max_size: int = 4,
    first: int = 0,
) -> st.SearchStrategy[tuple[Task, ...]]:
    """Tasks (``task-{first}``, ...) due inside ``window``, owned by the given parties.

    Tasks may be undated, recur (RRULEs that fall on their start day), rotate between their
    owners, carry a status history coherent with their status, and implement commitments.
    Shrinks towards ``min_size`` undated, one-off tasks with one owner.

    Raises:
        InvalidArgument: ``party_ids`` is empty, or the sizes are out of order.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.tuples(
            *(_task(f"task-{first + k}", window, party_ids, commitment_ids) for k in range(n))
        )
    )


@_memoised
def schedules(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    commitment_ids: tuple[str, ...] = (),
    min_tasks: int = 0,
    max_tasks: int = 8,
) -> st.SearchStrategy[tuple[TaskSchedule, ...]]:
    """Yearly task schedules (``schedule-0``, ...) covering the first years of ``window``.

    Between ``min_tasks`` and ``max_tasks`` tasks in all, with ids unique across schedules.
    An open-ended window is planned for its first two years. Shrinks towards one schedule.

    Raises:
        InvalidArgument: ``party_ids`` is empty, or the task counts are out of order.
    """
    _check_refs(party_ids)
    _check_sizes("min_tasks", "max_tasks", (min_tasks, max_tasks))
    pieces = _closed(window).split("year")

    return _draw_schedules(pieces, party_ids, commitment_ids, min_tasks, max_tasks)


@_memoised
def reviews(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    max_size: int = 2,
) -> st.SearchStrategy[tuple[Review, ...]]:
    """Interim and final reviews (``review-0``, ...) due inside ``window``.

    A review is due on a day or in a window, or recurs; recurring reviews may rotate between
    hosts. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_reviews(party_ids, span, max_size)


@_memoised
def events(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    people: tuple[Person, ...] = (),
    timezone: str = "UTC",
    max_size: int = 2,
) -> st.SearchStrategy[tuple[Event, ...]]:
    """Events (``event-0``, ...) on days inside ``window``, with participants from ``people``.

    Participants cite positions their person holds; an exact start, when drawn, falls on the
    event's date in ``timezone``. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_events(span, party_ids, people, timezone, max_size)


@_memoised
def signatures(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    person_ids: tuple[str, ...] = (),
    event_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[tuple[Signature, ...]]:
    """Signatures by distinct parties, dated up to 60 days before ``window`` starts.

    Each may name one of ``person_ids`` as the signer and one of ``event_ids`` as the event
    at which it was signed. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty.
    """
    _check_refs(party_ids)
    refs = {"person": tuple(person_ids), "event": tuple(event_ids)}
    return _subsets(tuple(party_ids), 0, 3).flatmap(
        lambda chosen: st.tuples(
            *(
                _built(
                    Signature,
                    refs,
                    party=st.just(party),
                    date=st.none() | _day(window.start.subtract(days=60), window.start),
                )
                for party in chosen
            )
        )
    )


@_memoised
def terminations() -> st.SearchStrategy[Termination]:
    """Termination terms: notice days, writing, a minimum duration; shrinks towards none set."""
    return _built(
        Termination,
        notice_days=st.none() | st.integers(1, 180),
        in_writing=st.booleans(),
        minimum_months=st.none() | st.integers(1, 60),
        by_any_party=st.booleans(),
    )


@_memoised
def provenances() -> st.SearchStrategy[Provenance]:
    """Where a record came from: source, publication time with an offset, bylines as written.

    Shrinks towards a source name only.
    """
    moments = st.builds(
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
    )
    return _built(
        Provenance,
        source=texts(),
        url=st.none() | ids("page").map(lambda page: f"https://example.gov.vn/{page}"),
        title=st.none() | texts(),
        published=st.none() | moments,
        published_as_written=_wording(),
        author=st.none() | texts(),
        author_as_written=_wording(),
        retrieved=st.none() | _day(pendulum.Date(2020, 1, 1), pendulum.Date(2030, 12, 31)),
        note=st.none() | texts(),
    )


@_memoised
def amendments(
    *, window: Period = _DEFAULT_WINDOW, max_size: int = 2
) -> st.SearchStrategy[tuple[Amendment, ...]]:
    """Amendments (``amendment-0``, ...) dated inside ``window``; shrinks towards none.

    Raises:
        InvalidArgument: ``max_size`` < 0.
    """
    _check_min("max_size", max_size, 0)
    span = _closed(window)
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(
            *(
                _built(
                    Amendment,
                    id=st.just(f"amendment-{i}"),
                    date=_day(span.start, span.end or span.start),
                    description=texts(),
                )
                for i in range(n)
            )
        )
    )


@_memoised
def related_instruments(
    *, min_size: int = 0, max_size: int = 2
) -> st.SearchStrategy[tuple[RelatedInstrument, ...]]:
    """Instruments an agreement implements, supersedes, accompanies or amends.

    Shrinks towards ``min_size`` of them.

    Raises:
        InvalidArgument: the sizes are out of order.
    """
    _check_sizes("min_size", "max_size", (min_size, max_size))
    return st.lists(
        _built(
            RelatedInstrument,
            relation=st.sampled_from(list(RelationKind)),
            title=texts(),
            identifier=st.none() | st.sampled_from(["08/CTr-TU", "số 12-QC/BDVTU", "1234/QĐ-UBND"]),
            url=st.none() | ids("doc").map(lambda doc: f"https://example.gov.vn/{doc}"),
        ),
        min_size=min_size,
        max_size=max_size,
    ).map(tuple)


@functools.cache
def _feature_flags() -> st.SearchStrategy[int]:
    """One bit per feature, drawn as one choice; shrinks towards none (0)."""
    return st.integers(0, 2 ** len(_FEATURES) - 1)


def _uses(draw: st.DrawFn, feature: str, strategy: st.SearchStrategy[_T], empty: _T) -> _T:
    """A part of the agreement, drawn only when the example uses ``feature``."""
    return draw(strategy) if feature in _swarm().enabled else empty


@st.composite
def _agreement(
    draw: st.DrawFn,
    max_parties: int,
    max_tasks: int,
    min_tasks: int,
    languages: tuple[str, ...],
    open_ended: bool,
) -> Agreement:
    flags = draw(_feature_flags())
    enabled = frozenset(feature for bit, feature in enumerate(_FEATURES) if flags >> bit & 1)
    with _using(_Swarm(enabled, languages)):
        period = draw(periods(min_year=2023, max_year=2030, open_ended=open_ended))
        if draw(st.booleans()):
            period = attrs.evolve(period, as_written=_as_written(draw))
        party_list = draw(parties(min_size=2, max_size=max_parties))
        party_ids = tuple(p.id for p in party_list)
        timezone = draw(st.sampled_from(["Asia/Ho_Chi_Minh", "UTC", "Asia/Bangkok"]))
        span = _closed(period)
        # people take part in events: one feature for both
        people_drawn = _uses(draw, "events", people(party_ids=party_ids, window=span), ())
        objectives_drawn = _uses(draw, "commitments", objectives(), ())
        commitments_drawn = _uses(
            draw,
            "commitments",
            commitments(
                party_ids=party_ids,
                objective_ids=tuple(o.id for o in objectives_drawn),
                window=span,
            ),
            (),
        )
        events_drawn = _uses(
            draw,
            "events",
            events(window=span, party_ids=party_ids, people=people_drawn, timezone=timezone),
            (),
        )
        return _complete(
            draw,
            Agreement,
            id=draw(ids("agreement")),
            title=_text(draw),
            kind=draw(_code(AgreementKind)),
            subject=_detail(draw),
            languages=tuple(draw(_subsets(languages, 0, 2))),
            timezone=timezone,
            period=period,
            effective=_optional(draw, _day(span.start, span.end or span.start)),
            parties=party_list,
            people=people_drawn,
            objectives=objectives_drawn,
            commitments=commitments_drawn,
            declared_commitments=len(commitments_drawn) if draw(st.booleans()) else None,
            schedules=draw(
                schedules(
                    window=period,
                    party_ids=party_ids,
                    commitment_ids=tuple(c.id for c in commitments_drawn),
                    min_tasks=min_tasks,
                    max_tasks=max_tasks,
                )
            ),
            reviews=_uses(draw, "reviews", reviews(window=span, party_ids=party_ids), ()),
            events=events_drawn,
            signatures=_uses(
                draw,
                "events",
                signatures(
                    window=span,
                    party_ids=party_ids,
                    person_ids=tuple(p.id for p in people_drawn),
                    event_ids=tuple(e.id for e in events_drawn),
                ),
                (),
            ),
            termination=_uses(draw, "instruments", _maybe(terminations()), None),
            amendments=_uses(draw, "instruments", amendments(window=span), ()),
            related=_uses(draw, "instruments", related_instruments(), ()),
            provenance=_uses(draw, "instruments", _maybe(provenances()), None),
            extensions=_extras(draw),
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

    Each example first draws which optional features it uses (swarm testing): language maps,
    descriptive details (descriptions, places, executors, planned windows...), as-written
    wording, ``x-`` extensions, recurrences, commitments and objectives, reviews, events with
    the people who attend them and the signatures, and other instruments (amendments, related
    instruments, termination, provenance). Examples are smaller, so quicker to draw, and more
    varied than if every record drew every feature; each feature is in about half of them.

    Args:
        max_parties: Most parties (at least 2 are drawn).
        max_tasks: Most tasks across all schedules.
        min_tasks: Fewest tasks.
        languages: BCP 47 tags that language maps use.
        open_ended: Whether the period may have no end.

    Raises:
        InvalidArgument: a size is out of range, or ``languages`` is empty.
    """
    _check_min("max_parties", max_parties, 2)
    _check_sizes("min_tasks", "max_tasks", (min_tasks, max_tasks))
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
