r"""The fast path for loading JSON documents: orjson, then direct construction of the bulk.

A large agreement is almost all tasks. This module parses JSON with orjson (with the cyclic
garbage collector paused, since parsing creates millions of objects and no cycles), builds
tasks, their status changes, periods and plain texts directly, checking exactly what their
attrs validators and the cattrs hooks check, and hands the few other records (parties, people,
commitments, events...) to the ordinary converter.

Tasks come in a few shapes (which keys, in which order); each shape gets one generated builder,
as cattrs generates its hooks. What recurs from task to task (party ids and lists of them,
periods, recurrence rules, status changes without a note) is checked once and then shared: the
model is immutable, so sharing shows only to ``is``. The caches are bounded.

It never reports a problem. Anything irregular (an unknown or missing key, a wrong type, a
bad id or date, an ``x-`` extension, a string not in NFC, a limit approached, a key given
twice) raises `Irregular`, and the caller re-reads the document on the checked path, which
finds every problem with its JSON Pointer, line and column. So the fast path only ever returns
what the checked path would: the test suite compares the two on every drawn document.

A key given twice is found on the whole document: orjson keeps the last value silently, so
the parsed document is written back compactly and its colons counted. Every pair has one colon
outside strings and every string keeps its colons, so a pair lost to a duplicate key leaves
fewer colons than the bytes have. An escape that could be a colon (``\u003a``) also sends the
document to the checked path.
"""

from __future__ import annotations

import operator
import typing
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import orjson

from coordagree._agreement import Agreement
from coordagree._codegen import run_generated
from coordagree._codelists import TaskStatus
from coordagree._date_context import reading_of
from coordagree._fields import META, Kind, kind_of
from coordagree._formats import Limits
from coordagree._formats._json import keys_unique
from coordagree._gc import collector_paused
from coordagree._loader_facts import (
    remember_fiscal_years,
    remember_plain_texts,
    remember_unworded_periods,
)
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._text import Text
from coordagree._upgrades import UPGRADES
from coordagree._validators import is_id
from coordagree.errors import CoordagreeError

__all__ = ["Irregular", "builds_within", "load_data", "load_json", "within_limits"]

_EMPTY = attrs.fields(Task).extensions.default.factory()  # type: ignore[union-attr]
_STATUS = {member.value: member for member in TaskStatus}
_NEEDS_ACTION = TaskStatus.NEEDS_ACTION
_CHANGE_KEYS = frozenset(("status", "on", "note"))
_SCHEDULE_KEYS = frozenset(("id", "period", "title", "tasks"))
# The default `Limits`: the fast path is used only when the limits are these or looser, and
# anything near them takes the checked path. Tasks nest at most 9 levels deep.
DEFAULT_LIMITS = Limits()
MAX_STRING = DEFAULT_LIMITS.max_string
MAX_DEPTH = DEFAULT_LIMITS.max_depth
_REST_NODES = 1_000_000  # the values outside the schedules this path reads; a task has under 100


def _draft(cls: type) -> type:
    """A private subclass of the slotted attrs class ``cls`` whose slots plain assignment sets.

    An instance is built as a draft, ``draft.field = value`` for each field (which Python 3.11
    turns into a direct store to the slot), and then made a ``cls`` by assigning its
    ``__class__``, which Python allows from a subclass that adds no slots. The result is an
    ordinary, frozen ``cls``: nothing can tell how it was made. This is 3x faster than calling
    each slot descriptor's ``__set__`` and over 20x faster than ``__init__``; callers check
    every value first, as the validators would.
    """
    namespace = {"__slots__": (), "__setattr__": object.__setattr__}
    namespace["__delattr__"] = object.__delattr__  # both, or Python will not specialize stores
    return type(f"_{cls.__name__}Draft", (cls,), namespace)


def _constructor(cls: type) -> Callable[..., Any]:
    """A maker of ``cls`` instances from their fields in order, built as drafts (see `_draft`)."""
    names = [field.name for field in attrs.fields(cls)]
    body = "".join(f"    made.{name} = {name}\n" for name in names)
    source = (
        f"def make({', '.join(names)}):\n    made = new(Draft)\n{body}"
        "    made.__class__ = cls\n    return made\n"
    )
    namespace: dict[str, Any] = {"new": object.__new__, "Draft": _draft(cls), "cls": cls}
    exec(source, namespace)
    return namespace["make"]  # type: ignore[no-any-return]


_make_change = _constructor(StatusChange)
_make_text = _constructor(Text)


class _Reading:
    """One load: the ordinary converter's ``structure``, and what the fast path learns."""

    __slots__ = ("consume", "fiscal_year_start", "period_wording", "plain_texts", "structure")

    def __init__(self, structure: Callable[[Any, Any], Any], *, consume: bool = True) -> None:
        self.structure = structure
        self.consume = consume  # free each task's parsed data once built (no one else has it)
        self.fiscal_year_start: int | None = None  # the month FY dates start in, as stated
        self.plain_texts = True  # every text of the schedule's tasks so far plain, not blank
        self.period_wording = False  # a period of the schedule's tasks so far kept its wording


class Irregular(Exception):  # noqa: N818 - a signal to take the checked path, not an error
    """The document needs the checked path.

    ``parsed`` is what orjson read, when the fast path stopped before touching it (at an
    unknown or extension key): the checked path may start from it instead of parsing again.
    """

    def __init__(self, parsed: Any = None) -> None:
        super().__init__()
        self.parsed = parsed


def _checked(raw: Any) -> str:
    """A string within the limits and in NFC, as the checked path would accept it silently."""
    if type(raw) is not str or len(raw) > MAX_STRING or not unicodedata.is_normalized("NFC", raw):
        raise Irregular
    return raw


def _name(raw: Any) -> str:
    """An id, checked as `identifier` checks it."""
    if type(raw) is not str or len(raw) > MAX_STRING or is_id(raw) is None:
        raise Irregular
    return raw


# Checked references and lists of them, each kept once: the same few party ids recur in every
# task, and tasks that name the same parties share one tuple (less memory, and the validator's
# passes over them stay in the processor's cache). Bounded, and shared by all loads, which only
# ever add what passed the checks.
_REFS: dict[Any, Any] = {}
_Checked = TypeVar("_Checked", str, tuple[str, ...])


def _ref(raw: Any) -> str:
    if type(raw) is not str:
        raise Irregular
    known: str | None = _REFS.get(raw)
    return _remember(_name(raw)) if known is None else known


def _refs(raw: Any) -> tuple[str, ...]:
    if type(raw) is not list:
        raise Irregular
    key = tuple(raw)
    try:
        known: tuple[str, ...] | None = _REFS.get(key)
    except TypeError:  # something unhashable inside
        raise Irregular from None
    if known is None:
        return _remember(tuple([_ref(item) for item in raw]))
    return known


def _remember(checked: _Checked) -> _Checked:
    if len(_REFS) > 20_000:
        _REFS.clear()
    _REFS[checked] = checked
    return checked


def _text(raw: Any, reading: _Reading) -> Text:
    if type(raw) is str:  # as _checked checks it, inline: every task has a title
        if len(raw) > MAX_STRING or not unicodedata.is_normalized("NFC", raw):
            raise Irregular
        if not raw or raw.isspace():  # blank, as str.strip sees it: validation will say so
            reading.plain_texts = False
        return _make_text(raw, None, ())  # type: ignore[no-any-return]
    reading.plain_texts = False
    if type(raw) is dict:
        for value in raw.values():
            _checked(value)
    return _slow(raw, Text, reading)  # type: ignore[no-any-return]


# Periods by their text: a string or year as given, or a map's items. Only maps of strings are
# kept, so a map can only match one written with the same strings (1, 1.0 and True are equal
# keys; a string equals only a string).
_PERIODS: dict[Any, Period] = {}


def _period(raw: Any, reading: _Reading) -> Period:
    kind = type(raw)
    if kind is dict:
        if "as_written" in raw:
            reading.period_wording = True
        key: Any = (reading.fiscal_year_start, *raw.items())
    elif kind is str or kind is int:
        key = raw if reading.fiscal_year_start is None else (reading.fiscal_year_start, raw)
    else:
        raise Irregular
    try:
        return _PERIODS[key]
    except (KeyError, TypeError):  # not yet seen, or a list inside
        pass
    texts = [value for value in (raw.values() if kind is dict else (raw,)) if type(value) is str]
    for text in texts:
        _checked(text)
    period: Period = _slow(raw, Period, reading)
    if kind is not dict or len(texts) == len(raw):
        if len(_PERIODS) > 20_000:  # periods repeat: a few thousand distinct ones at most
            _PERIODS.clear()
        _PERIODS[key] = period
    return period


_RULES: dict[str, Recurrence] = {}


def _recurrences(raw: Any, reading: _Reading) -> tuple[Recurrence, ...]:
    if type(raw) is not list:
        raise Irregular
    rules = []
    for item in raw:
        rule = _RULES.get(item) if type(item) is str else None
        if rule is None:
            rule = _slow(_checked(item), Recurrence, reading)
            if len(_RULES) < 10_000:
                _RULES[item] = rule
        rules.append(rule)
    return tuple(rules)


def _slow(raw: Any, cls: Any, reading: _Reading) -> Any:
    """The ordinary converter, for what is rare; any problem means the checked path."""
    try:
        return reading.structure(raw, cls)
    except Exception:  # whatever it is, the checked path reports it properly
        raise Irregular from None


# Status changes without a note, by (status, day): the same few hundred recur in every history.
_CHANGES: dict[tuple[Any, Any], StatusChange] = {}


def _change(raw: Any, reading: _Reading) -> StatusChange:
    if type(raw) is not dict or not _CHANGE_KEYS.issuperset(raw):
        raise Irregular
    key = (raw.get("status"), raw.get("on"))
    note = raw.get("note")
    if note is None:
        try:
            known = _CHANGES.get(key)
        except TypeError:  # a list or map where a string belongs
            raise Irregular from None
        if known is not None:
            return known
    on = key[1]
    if type(key[0]) is not str or type(on) is not str:
        raise Irregular  # a list or map where a string belongs
    status = _STATUS.get(key[0])
    if status is None:
        raise Irregular
    day = _period(on, reading)
    if day.start != day.end or day.start_precision.value != "day":
        raise Irregular
    change: StatusChange = _make_change(
        status, day.start, None if note is None else _text(note, reading), _EMPTY
    )
    if note is None and len(_CHANGES) < 20_000:
        _CHANGES[key] = change
    return change


# How a field of each kind is read when its key is given: the reader's name and whether it takes
# the reading. A kind not listed here is read by the ordinary converter (exactly the checked
# path), so a new kind is correct before it is fast.
_READERS: dict[Kind, tuple[str, bool]] = {
    Kind.ID: ("name", False),
    Kind.TEXT: ("text", True),
    Kind.PERIOD: ("period", True),
    Kind.RECURRENCES: ("recurrences", True),
}
_FAST_RECORDS: dict[type, Callable[[Any, _Reading], Any]] = {}  # filled below: status changes


def _read_expression(
    cls: type, field: attrs.Attribute[Any], value: str, namespace: dict[str, Any]
) -> str:
    """The source that reads ``value`` for ``field`` as the checked path would, or `Irregular`.

    Each reader does what the field's kind implies (its converter and validator, see
    `coordagree._fields.implied`). A field whose converter is not its kind's own takes the
    checked path; a validator the declaration adds is run by the builder afterwards.
    """
    kind = kind_of(field)
    if field.converter is not kind.converter:  # type: ignore[comparison-overlap]
        raise Irregular  # a converter the fast path does not know: the checked path runs it
    many, maybe = kind.many, kind.optional
    name = f"_{field.name}"
    if kind.kind is Kind.REF:
        read = "refs({0})" if many else "ref({0})"
    elif kind.kind is Kind.CODE and kind.closed and not many:
        assert kind.codes is not None
        namespace[f"codes{name}"] = {member.value: member for member in kind.codes}
        read = f"code({{0}}, codes{name})"
    elif kind.kind is Kind.RECORD and many and kind.record in _FAST_RECORDS:
        namespace[f"record{name}"] = _FAST_RECORDS[kind.record]
        read = f"records({{0}}, reading, record{name})"
    elif (kind.kind in _READERS and not many) or kind.kind is Kind.RECURRENCES:
        reader, takes_reading = _READERS[kind.kind]
        read = f"{reader}({{0}}, reading)" if takes_reading else f"{reader}({{0}})"
    else:  # read by the ordinary converter, for the field's own type, its limits checked
        namespace[f"type{name}"] = typing.get_type_hints(cls)[field.name]
        return f"slow_checked({value}, type{name}, reading, depth)"
    if maybe and not many:
        read = f"None if {{0}} is None else {read}"
    return read.format(value)


def _builder(cls: type, shape: tuple[str, ...], depth: int) -> Callable[[Any, Any], Any]:
    """A function that builds a ``cls`` from a map with exactly these keys, in this order.

    ``depth`` is how deep in a document the record's values are (a task's: 5), so that what the
    ordinary converter reads is held to the depth limit as the checked path holds it.

    Records in a document come in a few shapes (which keys, in which order), so each shape gets
    one generated function, as cattrs generates hooks: it takes all values at once, reads only
    the keys given with the reader of each field's kind, writes the defaults in, builds the
    record as a draft (see `_draft`), and runs any validator a field adds to its kind's.
    """
    fields = [f for f in attrs.fields(cls) if kind_of(f).kind is not Kind.EXTENSIONS]
    names = {f.name for f in fields}
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    if not names >= set(shape) or not required <= set(shape):
        raise Irregular  # a key that is not a field, or a required one missing
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        raise Irregular  # the fast path would skip them
    given = {key: f"v{i}" for i, key in enumerate(shape)}
    namespace: dict[str, Any] = {
        "values": operator.itemgetter(*shape),
        "new": object.__new__,
        "Draft": _draft(cls),
        "cls": cls,
        "name": _name,
        "text": _text,
        "ref": _ref,
        "refs": _refs,
        "period": _period,
        "recurrences": _recurrences,
        "code": _code,
        "records": _records,
        "slow_checked": _slow_checked,
        "depth": depth,
        "EMPTY": _EMPTY,
        "check": _check_added,
    }
    lines = []
    for field in fields:
        if field.name in given:
            value = _read_expression(cls, field, given[field.name], namespace)
        else:
            namespace[f"default_{field.name}"] = field.default
            value = f"default_{field.name}"
        lines.append(f"    made.{field.name} = {value}\n")
    added = tuple(f for f in fields if f.validator is not kind_of(f).validator)
    namespace["added"] = added
    unpack = f"    {', '.join(given.values())} = values(raw)\n"  # one key: the value itself
    source = (
        "def build(raw, reading):\n"
        f"{unpack}"
        "    made = new(Draft)\n"
        f"{''.join(lines)}"
        "    made.extensions = EMPTY\n"
        "    made.__class__ = cls\n"
        f"{'    check(made, added)' + chr(10) if added else ''}"
        "    return made\n"
    )
    return run_generated(source, f"{cls.__name__}_{len(shape)}", namespace)["build"]  # type: ignore[no-any-return]


def _check_added(made: Any, added: tuple[attrs.Attribute[Any], ...]) -> None:
    """Run the validators the fields' declarations add to their kinds' (`attrs.validate` does)."""
    try:
        for field in added:
            field.validator(made, field, getattr(made, field.name))  # type: ignore[misc]
    except Exception:
        raise Irregular from None


def _record_reader(cls: type, depth: int) -> Callable[[Any, _Reading], Any]:
    """A reader of ``cls`` records, whose values are ``depth`` deep, through generated builders."""
    shapes: dict[tuple[str, ...], Callable[[Any, Any], Any]] = {}

    def read(raw: Any, reading: _Reading) -> Any:
        if type(raw) is not dict:
            raise Irregular
        shape = tuple(raw)
        build = shapes.get(shape)
        if build is None:
            if len(shapes) > 1_000:
                shapes.clear()
            build = shapes[shape] = _builder(cls, shape, depth)
        return build(raw, reading)

    return read


def _declared_as(cls: type, expected: tuple[tuple[str, Kind, bool], ...]) -> bool:
    """Whether ``cls`` is declared as a hand-written reader such as `_change` assumes.

    That is: exactly these fields (name, kind, optional), each with nothing but its kind's
    converter and validator.
    """
    fields = attrs.fields(cls)
    return (
        not hasattr(cls, "__attrs_post_init__")
        and tuple((f.name, kind_of(f).kind, kind_of(f).optional) for f in fields) == expected
        and all(
            f.validator is kind_of(f).validator and f.converter is kind_of(f).converter
            for f in fields
        )
    )


# Status changes recur by the thousand: `_change` reads them with a cache, as long as the class
# is declared as it assumes; otherwise the generated builders read them.
_FAST_RECORDS[StatusChange] = (
    _change
    if _declared_as(
        StatusChange,
        (
            ("status", Kind.CODE, False),
            ("on", Kind.DATE, False),
            ("note", Kind.TEXT, True),
            ("extensions", Kind.EXTENSIONS, False),  # never given here: an x- key defers
        ),
    )
    and attrs.fields(StatusChange).status.metadata[META].codes is TaskStatus
    else _record_reader(StatusChange, 7)  # document, schedules, [s], tasks, [t], history, [h]
)


def _code(raw: Any, codes: dict[Any, Any]) -> Any:
    try:
        return codes[raw]
    except (KeyError, TypeError):
        raise Irregular from None


def _records(raw: Any, reading: _Reading, read: Callable[[Any, _Reading], Any]) -> tuple[Any, ...]:
    if type(raw) is not list:
        raise Irregular
    return tuple([read(item, reading) for item in raw])


_task: Callable[[Any, _Reading], Task] = _record_reader(Task, 5)  # document, schedules... [t]
"""A task built directly, checked as `Task`'s validators and the converter check it."""


def _schedule(raw: Any, reading: _Reading) -> TaskSchedule:
    if type(raw) is not dict or not _SCHEDULE_KEYS.issuperset(raw) or "period" not in raw:
        raise Irregular
    tasks = raw.get("tasks", [])
    title = raw.get("title")
    if type(tasks) is not list:
        raise Irregular
    # Each task's parsed data is freed as soon as the task is built, so the memory is reused
    # at once, while it is still in the processor's cache (unless the caller keeps the data).
    if not reading.consume:
        tasks = list(tasks)
    tasks.reverse()
    take = tasks.pop
    try:
        id_ = _name(raw.get("id"))
        period = _period(raw["period"], reading)
        heading = None if title is None else _text(title, reading)
        reading.plain_texts = True  # until a task's text says otherwise
        reading.period_wording = False  # until a task's period keeps its wording
        built = tuple([_task(take(), reading) for _ in range(len(tasks))])
        schedule = TaskSchedule(id=id_, period=period, title=heading, tasks=built)
    except CoordagreeError:
        raise Irregular from None
    if reading.plain_texts:
        remember_plain_texts(schedule)
    if not reading.period_wording:
        remember_unworded_periods(schedule)
    remember_fiscal_years(schedule, reading.fiscal_year_start)  # as its FY dates were read
    return schedule


def _upgraded(document: dict[str, Any], version: str) -> dict[str, Any]:
    while document.get("coordagree") != version:
        following, step = UPGRADES[document["coordagree"]]
        document = step(document)
        document["coordagree"] = following
    return document


def _slow_checked(raw: Any, cls: Any, reading: _Reading, depth: int) -> Any:
    """`_slow`, after checking the strings, depth and size of ``raw``, ``depth`` deep."""
    if type(raw) is dict or type(raw) is list or type(raw) is str:
        _check_rest(raw, depth)
    return _slow(raw, cls, reading)


def _check_rest(value: Any, depth: int = 0) -> None:
    """Check the strings, depth and size of what the ordinary converter reads."""
    stack = [(value, depth)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > _REST_NODES:
            raise Irregular
        if type(item) is dict:
            stack.extend((child, depth + 1) for child in item.values())
        elif type(item) is list:
            stack.extend((child, depth + 1) for child in item)
        elif type(item) is str:
            _checked(item)


def _check_unique_keys(data: bytes, document: dict[str, Any]) -> None:
    """No key given twice (see `keys_unique`)."""
    if not keys_unique(data, document):
        raise Irregular


def builds_within(limits: Limits) -> bool:
    """Whether the builders' checks (strings and depth, at the defaults) hold to ``limits``.

    Looser limits are fine, tighter ones are not.
    """
    return limits.max_string >= MAX_STRING and limits.max_depth >= MAX_DEPTH


def within_limits(data: bytes, limits: Limits) -> bool:
    """Whether the fast path may read ``data`` under ``limits`` and answer as the checked one.

    It checks strings and depth against the default limits, so looser ones are fine, tighter
    ones are not. ``max_nodes`` is bounded from the bytes: a JSON document has at most one
    value for each colon, comma and opening bracket, plus one.
    """
    if len(data) > limits.max_bytes or not builds_within(limits):
        return False
    if len(data) < limits.max_nodes:  # every value takes at least a byte
        return True
    bound = 1 + data.count(b":") + data.count(b",") + data.count(b"[")
    return bound <= limits.max_nodes


def load_json(data: bytes, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    """An agreement from JSON bytes on the fast path, or `Irregular`.

    ``structure`` is the ordinary converter's ``structure``; ``version`` the format version a
    document must state to be read as it is.
    """
    with collector_paused():  # parsing makes a million objects and no cycles
        return _load(data, version, _Reading(structure))  # the parsed dicts die unexamined


def load_data(document: Any, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    """An agreement from a document's plain data, or `Irregular`; the data is left as it is.

    For data already read with no key twice and within the limits (YAML's, from libyaml).
    """
    if type(document) is not dict:
        raise Irregular
    with collector_paused():
        return _built(document, version, _Reading(structure, consume=False))


def _load(data: bytes, version: str, reading: _Reading) -> Agreement:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise Irregular from None
    if type(document) is not dict:
        raise Irregular
    if document.get("coordagree") == version and not _DOCUMENT_KEYS.issuperset(document):
        raise Irregular(document)  # an extension or an unknown key: the data as read, untouched
    _check_unique_keys(data, document)
    return _built(document, version, reading)


_DOCUMENT_KEYS = frozenset(
    {"coordagree", *(f.name for f in attrs.fields(Agreement) if f.name != "extensions")}
)


def _built(document: dict[str, Any], version: str, reading: _Reading) -> Agreement:
    stated = document.get("coordagree")
    if stated != version:  # an older version is upgraded as plain data, as the checked path does
        if type(stated) is not str or stated not in UPGRADES:
            raise Irregular
        try:
            document = _upgraded(document, version)
        except Exception:  # whatever it is, the checked path reports it properly
            raise Irregular from None
    schedules = document.get("schedules", [])
    if type(schedules) is not list:
        raise Irregular
    if not _DOCUMENT_KEYS.issuperset(document):
        raise Irregular  # an extension or an unknown key: the checked path reads or reports it
    rest = {k: v for k, v in document.items() if k not in ("coordagree", "schedules")}
    with reading_of(document) as stated:  # FY dates, as the checked path reads them
        reading.fiscal_year_start = stated.fiscal_year_start
        built = tuple([_schedule(item, reading) for item in schedules])
        _check_rest(rest)
        if built:  # passed through as built (`_convert`): the agreement is made once
            rest["schedules"] = built
        return _slow(rest, Agreement, reading)  # type: ignore[no-any-return]
