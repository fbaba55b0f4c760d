r"""The fast path for loading JSON documents: orjson, then direct construction of the bulk.

A large agreement is almost all tasks. This module parses JSON with orjson (with the cyclic
garbage collector paused, since parsing creates millions of objects and no cycles), builds
tasks, their status changes, periods and plain texts directly, checking exactly what their
attrs validators and the cattrs hooks check, and hands the few other records (parties, people,
commitments, events...) to the ordinary converter.

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

import contextlib
import operator
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import orjson

from coordagree._agreement import Agreement
from coordagree._checks import is_id
from coordagree._codes import TaskStatus
from coordagree._collector import collector_paused
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._text import Text
from coordagree.errors import CoordagreeError

__all__ = ["Irregular", "load_json"]

_EMPTY = attrs.fields(Task).extensions.default.factory()  # type: ignore[union-attr]
_STATUS = {member.value: member for member in TaskStatus}
_NEEDS_ACTION = TaskStatus.NEEDS_ACTION
_ABSENT: Any = object()  # a key not given, told apart from one given as null
_CHANGE_KEYS = frozenset(("status", "on", "note"))
_SCHEDULE_KEYS = frozenset(("id", "period", "title", "tasks"))
# The default `Limits`: the fast path is used only when the limits are these or looser, and
# anything near them takes the checked path. Tasks nest at most 9 levels deep.
MAX_STRING = 100_000
MAX_DEPTH = 32
MAX_NODES = 1_000_000  # values outside the schedules; a task has under 100


def _constructor(cls: type) -> Callable[..., Any]:
    """A maker of instances of the slotted attrs class ``cls``, from its fields in order.

    It sets each slot directly: no converters, no validators, about 15x faster than
    ``__init__``. Callers check every value first, as the validators would.
    """
    names = [field.name for field in attrs.fields(cls)]
    setters = {f"set_{name}": cls.__dict__[name].__set__ for name in names}
    arguments = ", ".join(names)
    body = "".join(f"    set_{name}(made, {name})\n" for name in names)
    source = f"def make({arguments}):\n    made = new(cls)\n{body}    return made\n"
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, **setters}
    exec(source, namespace)
    return namespace["make"]  # type: ignore[no-any-return]


_make_task = _constructor(Task)
_make_change = _constructor(StatusChange)
_make_text = _constructor(Text)


class Irregular(Exception):  # noqa: N818 - a signal to take the checked path, not an error
    """The document needs the checked path."""


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


def _text(raw: Any, structure: Callable[[Any, Any], Any]) -> Text:
    if type(raw) is str:
        return _make_text(_checked(raw), None, ())  # type: ignore[no-any-return]
    if type(raw) is dict:
        for value in raw.values():
            _checked(value)
    return _slow(raw, Text, structure)  # type: ignore[no-any-return]


_PERIODS: dict[Any, Period] = {}


def _period(raw: Any, structure: Callable[[Any, Any], Any]) -> Period:
    if type(raw) is str or type(raw) is int:
        key: Any = raw
    elif type(raw) is dict:
        key = tuple((k, type(v), v) for k, v in raw.items())  # 1 and True differ
    else:
        raise Irregular
    try:
        return _PERIODS[key]
    except (KeyError, TypeError):
        pass
    for value in raw.values() if type(raw) is dict else (raw,):
        if type(value) is str:
            _checked(value)
    period: Period = _slow(raw, Period, structure)
    if len(_PERIODS) > 20_000:  # periods repeat: a few thousand distinct ones at most
        _PERIODS.clear()
    with contextlib.suppress(TypeError):  # an unhashable value inside: not cached
        _PERIODS[key] = period
    return period


_RULES: dict[str, Recurrence] = {}


def _recurrences(raw: Any, structure: Callable[[Any, Any], Any]) -> tuple[Recurrence, ...]:
    if type(raw) is not list:
        raise Irregular
    rules = []
    for item in raw:
        rule = _RULES.get(item) if type(item) is str else None
        if rule is None:
            rule = _slow(_checked(item), Recurrence, structure)
            if len(_RULES) < 10_000:
                _RULES[item] = rule
        rules.append(rule)
    return tuple(rules)


def _slow(raw: Any, cls: Any, structure: Callable[[Any, Any], Any]) -> Any:
    """The ordinary converter, for what is rare; any problem means the checked path."""
    try:
        return structure(raw, cls)
    except Exception:  # whatever it is, the checked path reports it properly
        raise Irregular from None


def _change(raw: Any, structure: Callable[[Any, Any], Any]) -> StatusChange:
    if type(raw) is not dict or not _CHANGE_KEYS.issuperset(raw):
        raise Irregular
    status = _STATUS.get(raw.get("status"))  # type: ignore[arg-type]
    on = raw.get("on")
    note = raw.get("note")
    if status is None or type(on) is not str:
        raise Irregular
    day = _period(on, structure)
    if day.start != day.end or day.start_precision.value != "day":
        raise Irregular
    return _make_change(  # type: ignore[no-any-return]
        status, day.start, None if note is None else _text(note, structure)
    )


# What each task key stands for when it is absent: _ABSENT where the key is required, or where
# a null must not pass for the default (lists and the status are never null).
_TASK_DEFAULTS: dict[str, Any] = {
    "id": _ABSENT,
    "title": _ABSENT,
    "description": None,
    "owners": _ABSENT,
    "executor": None,
    "partners": _ABSENT,
    "target_group": None,
    "means": None,
    "due": None,
    "recurrence": _ABSENT,
    "rotation": _ABSENT,
    "status": _ABSENT,
    "history": _ABSENT,
    "planned": None,
    "actual": None,
    "implements": _ABSENT,
}
_TASK_VALUES = operator.itemgetter(*_TASK_DEFAULTS)  # all values at once, in field order


def _task(raw: Any, structure: Callable[[Any, Any], Any]) -> Task:
    """A task built directly, checked as `Task`'s validators and the converter check it."""
    if type(raw) is not dict:
        raise Irregular
    given = _TASK_DEFAULTS | raw
    if len(given) != len(_TASK_DEFAULTS):  # a key that is not a task's
        raise Irregular
    (
        id_,
        title,
        description,
        owners,
        executor,
        partners,
        target_group,
        means,
        due,
        recurrence,
        rotation,
        status,
        history,
        planned,
        actual,
        implements,
    ) = _TASK_VALUES(given)
    return _make_task(  # type: ignore[no-any-return]
        _name(id_),
        _text(title, structure),
        None if description is None else _text(description, structure),
        () if owners is _ABSENT else _refs(owners),
        None if executor is None else _ref(executor),
        () if partners is _ABSENT else _refs(partners),
        None if target_group is None else _text(target_group, structure),
        None if means is None else _text(means, structure),
        None if due is None else _period(due, structure),
        () if recurrence is _ABSENT else _recurrences(recurrence, structure),
        () if rotation is _ABSENT else _refs(rotation),
        _NEEDS_ACTION if status is _ABSENT else _status(status),
        () if history is _ABSENT else _history(history, structure),
        None if planned is None else _period(planned, structure),
        None if actual is None else _period(actual, structure),
        () if implements is _ABSENT else _refs(implements),
        _EMPTY,
    )


def _status(raw: Any) -> TaskStatus:
    try:
        return _STATUS[raw]
    except (KeyError, TypeError):
        raise Irregular from None


def _history(raw: Any, structure: Callable[[Any, Any], Any]) -> tuple[StatusChange, ...]:
    if type(raw) is not list:
        raise Irregular
    return tuple([_change(item, structure) for item in raw])


def _schedule(raw: Any, structure: Callable[[Any, Any], Any]) -> TaskSchedule:
    if type(raw) is not dict or not _SCHEDULE_KEYS.issuperset(raw) or "period" not in raw:
        raise Irregular
    tasks = raw.get("tasks", [])
    title = raw.get("title")
    if type(tasks) is not list:
        raise Irregular
    # Each task's parsed data is freed as soon as the task is built, so the memory is reused
    # at once, while it is still in the processor's cache.
    tasks.reverse()
    take = tasks.pop
    try:
        return TaskSchedule(
            id=_name(raw.get("id")),
            period=_period(raw["period"], structure),
            title=None if title is None else _text(title, structure),
            tasks=tuple([_task(take(), structure) for _ in range(len(tasks))]),
        )
    except CoordagreeError:
        raise Irregular from None


def _check_rest(value: Any) -> None:
    """Check the strings, depth and size of what the ordinary converter reads."""
    stack = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise Irregular
        if type(item) is dict:
            stack.extend((child, depth + 1) for child in item.values())
        elif type(item) is list:
            stack.extend((child, depth + 1) for child in item)
        elif type(item) is str:
            _checked(item)


def _check_unique_keys(data: bytes, document: dict[str, Any]) -> None:
    """No key given twice (see the module's docstring)."""
    try:
        written = orjson.dumps(document)
    except orjson.JSONEncodeError:  # nested deeper than orjson writes: over the limits anyway
        raise Irregular from None
    if b"\\u003" in data or data.count(b":") != written.count(b":"):
        raise Irregular


def load_json(data: bytes, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    """An agreement from JSON bytes on the fast path, or `Irregular`.

    ``structure`` is the ordinary converter's ``structure``; ``version`` the format version a
    document must state to be read as it is.
    """
    with collector_paused():  # parsing makes a million objects and no cycles
        return _load(data, version, structure)  # the parsed dicts die unexamined


def _load(data: bytes, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise Irregular from None
    if type(document) is not dict or document.get("coordagree") != version:
        raise Irregular
    _check_unique_keys(data, document)
    schedules = document.get("schedules", [])
    if type(schedules) is not list:
        raise Irregular
    built = tuple([_schedule(item, structure) for item in schedules])
    rest = {k: v for k, v in document.items() if k not in ("coordagree", "schedules")}
    if any(key.startswith("x-") for key in rest):
        raise Irregular
    _check_rest(rest)
    agreement = _slow(rest, Agreement, structure)
    if not built:
        return agreement  # type: ignore[no-any-return]
    try:
        return attrs.evolve(agreement, schedules=built)  # type: ignore[no-any-return]
    except CoordagreeError:
        raise Irregular from None
