"""Building blocks: text, ids, periods, recurrences, codes, the swarm, fields drawn by kind."""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import itertools
import math
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from coordagree._date_context import fiscal_year_of
from coordagree._duration import Duration
from coordagree._fields import META, Kind, kind_of
from coordagree._partial_date import PartialDate
from coordagree._period import DatePrecision, Period, format_date
from coordagree._recurrence import Recurrence
from coordagree._sources import Claim
from coordagree._text import Text

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
    precisions: tuple[DatePrecision, ...] | None = None,
    fiscal_year_start: int | None = None,
    unknown_start: bool = False,
) -> st.SearchStrategy[Period]:
    """Periods between ``min_year`` and ``max_year``, at year, month, day or fiscal-year precision.

    Fiscal years (``FY2024``) are drawn only with ``fiscal_year_start`` (the month they start
    in); ``precisions`` defaults to every precision that allows. With ``unknown_start``, some
    periods have no start ("by 30 September 1995"). Shrinks towards the single year
    ``min_year``.

    Raises:
        InvalidArgument: the years are out of order or outside 2..9999, no precision is given,
            or fiscal years are asked for without ``fiscal_year_start``.
    """
    _check(2 <= min_year <= max_year <= 9999, "need 2 <= min_year <= max_year <= 9999")
    _check(
        fiscal_year_start is None or 1 <= fiscal_year_start <= 12,
        "'fiscal_year_start' must be a month from 1 to 12",
    )
    if precisions is None:
        precisions = tuple(DatePrecision) if fiscal_year_start else _CALENDAR
    _check(bool(precisions), "'precisions' must not be empty")
    _check(
        fiscal_year_start is not None or DatePrecision.FISCAL_YEAR not in precisions,
        "fiscal-year precision needs 'fiscal_year_start'",
    )
    months = fiscal_year_start or 1

    @st.composite
    def draw_period(draw: st.DrawFn) -> Period:
        precision = draw(st.sampled_from(precisions))
        first = draw(_day(pendulum.Date(min_year, 1, 1), pendulum.Date(max_year, 12, 31)))
        last = draw(_day(first, pendulum.Date(max_year, 12, 31)))
        if precision is DatePrecision.FISCAL_YEAR:
            start_text = f"FY{fiscal_year_of(first, months):04d}"
            end_text = f"FY{fiscal_year_of(last, months):04d}"
        else:
            start_text = format_date(first, precision)
            end_text = format_date(last, precision)
        fiscal = fiscal_year_start
        if open_ended and draw(st.booleans()):
            return Period.open(start_text, fiscal_year_start=fiscal)
        if unknown_start and draw(st.booleans()):
            return Period.parse(None, end_text, fiscal_year_start=fiscal)
        return Period.parse(start_text, end_text, fiscal_year_start=fiscal)

    return draw_period()


_CALENDAR = (DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY)


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


_CITABLE: contextvars.ContextVar[Mapping[str, tuple[str, ...]]] = contextvars.ContextVar(
    "coordagree_strategy_citable"
)


@contextlib.contextmanager
def _citing(refs: Mapping[str, tuple[str, ...]]) -> Iterator[None]:
    """Within the block, records drawn by kind may cite these ids (the agreement's sources)."""
    token = _CITABLE.set({**_CITABLE.get({}), **refs})
    try:
        yield
    finally:
        _CITABLE.reset(token)


# Nested records drawn by kind, as `_nested` fills it in: class -> strategy of one record.
_NESTED: dict[type, Callable[[], st.SearchStrategy[Any]]] = {}


def _by_kind(field: attrs.Attribute[Any], refs: Mapping[str, tuple[str, ...]]) -> Any:
    """A strategy for ``field`` from its kind alone, or None when it needs more context."""
    kind = kind_of(field)
    k = kind.kind
    refs = {**_CITABLE.get({}), **refs}
    strategy: st.SearchStrategy[Any] | None
    if k is Kind.TEXT:
        if kind.many:
            return st.lists(texts(), max_size=2).map(tuple)
        strategy = texts()
    elif k is Kind.WORDING:
        return _wording()
    elif k is Kind.NUMBERING:
        strategy = st.sampled_from(["1", "2.A", "(1)", "Điều 5"])
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
        low = kind.minimum or 0
        strategy = st.integers(low, low + 20 if kind.maximum is None else kind.maximum)
    elif k is Kind.DURATION:
        strategy = durations()
    elif k is Kind.DATE:
        strategy = _day(_DEFAULT_WINDOW.start, _DEFAULT_WINDOW.end or _DEFAULT_WINDOW.start)
    elif k is Kind.PERIOD:
        fiscal = _FISCAL.get(None)
        strategy = periods(
            min_year=2023,
            max_year=2026,
            open_ended=False,
            fiscal_year_start=fiscal,
            precisions=tuple(DatePrecision) if fiscal else _CALENDAR,
        )
    elif k is Kind.TAGS:
        return _subsets(_LANGUAGES, 0, 2).map(tuple)
    elif k is Kind.EXTENSIONS:
        return _extensions() if "extensions" in _swarm().enabled else st.just({})
    elif k is Kind.DOCUMENT:
        strategy = ids("document")
    elif k is Kind.PARTIAL_DATE:
        strategy = partial_dates()
    elif k is Kind.DATA:
        strategy = st.sampled_from(["1989-08", 1990, True, ["a", "b"], {"x": "ý kiến"}])
    elif k is Kind.AMOUNT:
        strategy = st.decimals(min_value=0, max_value=10**10, places=2)
    elif k is Kind.CURRENCY:
        strategy = st.sampled_from(["USD", "VND", "EUR"])
    elif k is Kind.RECORD and kind.many and kind.record in _NESTED:
        if not _details():
            return st.just(())
        return st.lists(_NESTED[kind.record](), max_size=2).map(tuple)
    elif k is Kind.REF and refs.get(kind.target or ""):
        choices = tuple(refs[kind.target or ""])
        if kind.many:
            return _subsets(choices, 0, 2).map(tuple)
        strategy = st.sampled_from(choices)
    else:
        return None  # ids, nested records, recurrences, moments: each strategy draws its own
    if kind.many:  # a list of what one value is
        return st.lists(strategy, max_size=2).map(tuple)
    return _maybe(strategy) if kind.optional else strategy


@functools.cache
def durations() -> st.SearchStrategy[Duration]:
    """Durations as agreements state them: years, months, weeks or days, or a mix.

    Shrinks towards ``P1D``.
    """
    single = st.one_of(
        st.builds(lambda n: Duration(days=n), st.integers(1, 180)),
        st.builds(lambda n: Duration(weeks=n), st.integers(1, 12)),
        st.builds(lambda n: Duration(months=n), st.integers(1, 24)),
        st.builds(lambda n: Duration(years=n), st.integers(1, 10)),
    )
    mixed = st.builds(
        Duration,
        years=st.integers(0, 5),
        months=st.integers(0, 11),
        weeks=st.integers(0, 3),
        days=st.integers(0, 6),
    )
    return single | mixed


_FISCAL: contextvars.ContextVar[int | None] = contextvars.ContextVar("coordagree_strategy_fiscal")


@contextlib.contextmanager
def _fiscal(start_month: int | None) -> Iterator[None]:
    """Within the block, periods drawn by kind may be fiscal years starting in ``start_month``."""
    token = _FISCAL.set(start_month)
    try:
        yield
    finally:
        _FISCAL.reset(token)


@functools.cache
def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates at every precision from a year to a second, some approximate or uncertain.

    Times come with or without a UTC offset. Shrinks towards a year.
    """
    return st.builds(
        _partial,
        st.integers(1990, 2030),
        st.integers(0, 12),
        st.integers(0, 28),
        st.integers(-1, 24 * 60 - 1),
        st.none() | st.integers(0, 59),
        st.none() | st.sampled_from([0, 420, -300, 330]),
        st.sampled_from(["", "", "~", "?", "%"]),
    )


def _partial(
    year: int, month: int, day: int, minute: int, second: int | None, offset: int | None, mark: str
) -> PartialDate:
    parts: dict[str, Any] = {"year": year}
    if month:
        parts["month"] = month
        if day:
            parts["day"] = day
            if minute >= 0:
                parts.update(hour=minute // 60, minute=minute % 60)
                parts.update(second=second, offset=offset)
    return PartialDate(
        **parts, approximate=mark in "~%" and bool(mark), uncertain=mark in "?%" and bool(mark)
    )


def _complete(
    draw: st.DrawFn, cls: type[_T], refs: Mapping[str, tuple[str, ...]] | None = None, **given: Any
) -> _T:
    """A ``cls`` from ``given``, every other field drawn by its kind where it can be."""
    for field in attrs.fields(cast(Any, cls)):
        if field.name not in given:
            if kind_of(field).record is Claim:
                given[field.name] = draw(_claims_about(cast(type, cls))) if _details() else ()
                continue
            strategy = _by_kind(field, refs or {})
            if strategy is not None:
                given[field.name] = draw(strategy)
    return cls(**given)


_CLAIMABLE = (Kind.TEXT, Kind.WORDING, Kind.STRING, Kind.PARTIAL_DATE, Kind.DATE, Kind.COUNT)


@functools.cache
def _claims_about(cls: type) -> st.SearchStrategy[tuple[Claim, ...]]:
    """Claims about fields of ``cls``, each value in document form, as a source gives it."""
    from coordagree._convert import make_converter

    converter = make_converter()
    hints = typing.get_type_hints(cls)
    claimable = [
        f
        for f in attrs.fields(cls)
        if kind_of(f).kind in _CLAIMABLE and not kind_of(f).many and f.name != "id"
    ]
    if not claimable:
        return st.just(())

    @st.composite
    def claim(draw: st.DrawFn) -> Claim:
        field = draw(st.sampled_from(claimable))
        required = {META: attrs.evolve(kind_of(field), optional=False)}
        strategy = _by_kind(field.evolve(metadata=required), {})
        value = converter.unstructure(draw(strategy), hints[field.name])
        return _complete(draw, Claim, field=field.name, value=value)

    return st.lists(claim(), max_size=2).map(tuple)


def _built(
    cls: type[_T], refs: Mapping[str, tuple[str, ...]] | None = None, **given: Any
) -> st.SearchStrategy[_T]:
    """Like `st.builds` of ``cls`` from the strategies ``given``.

    Every other field is drawn by its kind as each example is drawn, so it sees the swarm and
    the ids that may be cited.
    """

    @st.composite
    def build(draw: st.DrawFn) -> _T:
        values = {name: draw(strategy) for name, strategy in given.items()}
        return _complete(draw, cls, refs, **values)

    return build()


def _first(window: Period) -> pendulum.Date:
    """The first day of a window the strategies drew (theirs always have one)."""
    assert window.start is not None
    return window.start


def _reduced(days: st.SearchStrategy[pendulum.Date]) -> st.SearchStrategy[PartialDate]:
    """A day from ``days``, as a source may state it: the day, its month or its year.

    Some are marked approximate or uncertain, as EDTF writes them (``1997-05~``, ``1990?``).
    """

    def state(day: pendulum.Date, precision: int, mark: str) -> PartialDate:
        parts = {"year": day.year, "month": day.month, "day": day.day}
        kept = dict(list(parts.items())[: precision + 1])
        return PartialDate(**kept, approximate=mark in ("~", "%"), uncertain=mark in ("?", "%"))

    return st.builds(
        state, days, st.sampled_from([2, 2, 1, 0]), st.sampled_from(["", "", "~", "?", "%"])
    )


def _within(draw: st.DrawFn, window: Period) -> Period:
    start = _first(window)
    end = window.end if window.end is not None else start.add(years=2)
    if draw(st.booleans()):
        return Period(
            start=window.start,
            end=end,
            start_precision=window.start_precision,
            end_precision=window.end_precision if window.end is not None else DatePrecision.DAY,
            as_written=_as_written(draw),
        )
    first = draw(_day(start, end))
    last = draw(_day(first, end))
    return Period(start=first, end=last, as_written=_as_written(draw))


@functools.cache
def _wording() -> st.SearchStrategy[str | None]:
    """A source's wording, as written: absent, or a short phrase that states no date.

    Drawn letters can spell a date ("January", "năm 2023"), which would then disagree with
    the value beside it and draw a ``wording-mismatch`` the example did not mean; every
    expression the wording reader finds is cut out, so a valid agreement stays valid.
    """
    return st.none() | _words(20).map(_unreadable)


def _unreadable(value: str) -> str:
    """``value`` without the dates, periods and durations the reader finds in either language."""
    from coordagree._wording import scan  # compiled on first use, as validation does

    for _ in range(len(value) + 1):  # each pass shortens the text, so this ends
        found = scan(value, None)
        if not found:
            return value
        for match in reversed(found):
            value = value[: match.start] + value[match.end :]
        value = _not_blank(value)
    return "a"


def _closed(window: Period) -> Period:
    return (
        window
        if window.end is not None
        else Period(start=_first(window), end=_first(window).add(years=2))
    )


_COMRADE = Text("đồng chí")
_DEFAULT_WINDOW = Period(start=pendulum.Date(2023, 1, 1), end=pendulum.Date(2026, 12, 31))
_DEFAULT_PARTIES = ("party-0", "party-1")


def _check_refs(party_ids: tuple[str, ...] | list[str]) -> None:
    _check(bool(party_ids), "'party_ids' must name at least one party")
