"""The fast path for loading JSON documents: orjson, then direct construction of the bulk.

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
"""

from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import orjson

from coordagree._agreement import Agreement
from coordagree._codes import TaskStatus
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._text import Text
from coordagree.errors import CoordagreeError

__all__ = ["Irregular", "load_json"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*\Z").match
_EMPTY = attrs.fields(Task).extensions.default.factory()  # type: ignore[union-attr]
_STATUS = {member.value: member for member in TaskStatus}
_NONE: list[Any] = []  # a shared empty list: read, never changed
_TASK_KEYS = frozenset(f.name for f in attrs.fields(Task)) - {"extensions"}
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


class _Run:
    """Per-load state: how many key-value pairs and string colons were seen."""

    __slots__ = ("colons", "pairs", "structure")

    def __init__(self, structure: Callable[[Any, Any], Any]) -> None:
        self.pairs = 0
        self.colons = 0
        self.structure = structure


def _checked(raw: Any) -> str:
    """A string within the limits and in NFC, as the checked path would accept it silently."""
    if type(raw) is not str or len(raw) > MAX_STRING or not unicodedata.is_normalized("NFC", raw):
        raise Irregular
    return raw


def _string(raw: Any, run: _Run) -> str:
    checked = _checked(raw)
    run.colons += checked.count(":")
    return checked


_IDS: dict[str, int] = {}  # checked ids, with the colons in each
_ID_LISTS: dict[tuple[str, ...], int] = {}  # checked lists of ids (owners repeat)


def _identifier(raw: Any, run: _Run) -> str:
    colons = _IDS.get(raw) if type(raw) is str else None
    if colons is None:
        if type(raw) is not str or _ID(raw) is None:
            raise Irregular
        colons = raw.count(":")
        if len(_IDS) > 200_000:
            _IDS.clear()
        _IDS[raw] = colons
    run.colons += colons
    checked: str = raw
    return checked


def _identifiers(raw: Any, run: _Run) -> tuple[str, ...]:
    if type(raw) is not list:
        raise Irregular
    if not raw:
        return ()
    key = tuple(raw)
    try:
        colons = _ID_LISTS.get(key)
    except TypeError:  # something unhashable inside
        raise Irregular from None
    if colons is None:
        colons = run.colons
        for item in raw:
            _identifier(item, run)
        if len(_ID_LISTS) > 20_000:
            _ID_LISTS.clear()
        _ID_LISTS[key] = run.colons - colons
    else:
        run.colons += colons
    return key


def _text(raw: Any, run: _Run) -> Text:
    if type(raw) is str:
        return _make_text(_string(raw, run), None, ())  # type: ignore[no-any-return]
    if type(raw) is dict:
        run.pairs += len(raw)
        for value in raw.values():
            _string(value, run)
    return _slow(raw, Text, run)  # type: ignore[no-any-return]


def _optional_text(raw: Any, run: _Run) -> Text | None:
    return None if raw is None else _text(raw, run)


_PERIODS: dict[Any, Period] = {}


def _period(raw: Any, run: _Run) -> Period | None:
    if raw is None:
        return None
    if type(raw) is dict:
        run.pairs += len(raw)
        key: Any = tuple((k, type(v), v) for k, v in raw.items())  # 1 and True differ
        for value in raw.values():
            if type(value) is str:
                run.colons += value.count(":")
    elif type(raw) is str or type(raw) is int:
        key = raw
        if type(raw) is str:
            run.colons += raw.count(":")
    else:
        raise Irregular
    try:
        return _PERIODS[key]
    except (KeyError, TypeError):
        pass
    if type(raw) is dict:  # its colons are counted above
        for value in raw.values():
            if type(value) is str:
                _checked(value)
    period = _slow(raw, Period, run)
    if len(_PERIODS) > 20_000:  # periods repeat: a few thousand distinct ones at most
        _PERIODS.clear()
    with contextlib.suppress(TypeError):  # an unhashable value inside: not cached
        _PERIODS[key] = period
    return period  # type: ignore[no-any-return]


_RULES: dict[str, Recurrence] = {}


def _recurrences(raw: Any, run: _Run) -> tuple[Recurrence, ...]:
    if type(raw) is not list:
        raise Irregular
    rules = []
    for item in raw:
        rule = _RULES.get(item) if type(item) is str else None
        if rule is None:
            _string(item, run)
            rule = _slow(item, Recurrence, run)
            if len(_RULES) < 10_000:
                _RULES[item] = rule
        else:
            run.colons += item.count(":")
        rules.append(rule)
    return tuple(rules)


def _slow(raw: Any, cls: Any, run: _Run) -> Any:
    """The ordinary converter, for what is rare; any problem means the checked path."""
    try:
        return run.structure(raw, cls)
    except Exception:  # whatever it is, the checked path reports it properly
        raise Irregular from None


def _change(raw: Any, run: _Run) -> StatusChange:
    if type(raw) is not dict or not _CHANGE_KEYS.issuperset(raw):
        raise Irregular
    run.pairs += len(raw)
    status = _STATUS.get(raw.get("status"))  # type: ignore[arg-type]
    on = raw.get("on")
    if status is None or type(on) is not str:
        raise Irregular
    day = _period(on, run)
    if day is None or day.start != day.end or day.start_precision.value != "day":
        raise Irregular
    return _make_change(status, day.start, _optional_text(raw.get("note"), run))  # type: ignore[no-any-return]


def _task(raw: Any, run: _Run) -> Task:
    """A task built directly, checked as `Task`'s validators and the converter check it."""
    if type(raw) is not dict or not _TASK_KEYS.issuperset(raw):
        raise Irregular
    run.pairs += len(raw)
    get = raw.get
    title = get("title")
    executor = get("executor")
    status = _STATUS.get(get("status", "needs-action"))
    history = get("history", _NONE)
    if title is None or status is None or type(history) is not list:
        raise Irregular
    recurrence = get("recurrence")
    description = get("description")
    target_group = get("target_group")
    means = get("means")
    due = get("due")
    return _make_task(  # type: ignore[no-any-return]
        _identifier(get("id"), run),
        _text(title, run),
        None if description is None else _text(description, run),
        _identifiers(get("owners", _NONE), run),
        None if executor is None else _identifier(executor, run),
        _identifiers(get("partners", _NONE), run),
        None if target_group is None else _text(target_group, run),
        None if means is None else _text(means, run),
        None if due is None else _period(due, run),
        () if recurrence is None else _recurrences(recurrence, run),
        _identifiers(get("rotation", _NONE), run),
        status,
        tuple([_change(item, run) for item in history]) if history else (),
        _period(get("planned"), run),
        _period(get("actual"), run),
        _identifiers(get("implements", _NONE), run),
        _EMPTY,
    )


def _schedule(raw: Any, run: _Run) -> TaskSchedule:
    if type(raw) is not dict or not _SCHEDULE_KEYS.issuperset(raw) or "period" not in raw:
        raise Irregular
    run.pairs += len(raw)
    tasks = raw.get("tasks", [])
    if type(tasks) is not list:
        raise Irregular
    period = _period(raw["period"], run)
    if period is None:
        raise Irregular
    try:
        return TaskSchedule(
            id=_identifier(raw.get("id"), run),
            period=period,
            title=_optional_text(raw.get("title"), run),
            tasks=tuple([_task(item, run) for item in tasks]),
        )
    except CoordagreeError:
        raise Irregular from None


def _count_rest(value: Any, run: _Run) -> None:
    """Count pairs and string colons in what the ordinary converter reads, within the limits."""
    stack = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH or nodes > MAX_NODES:
            raise Irregular
        if type(item) is dict:
            run.pairs += len(item)
            stack.extend((child, depth + 1) for child in item.values())
        elif type(item) is list:
            stack.extend((child, depth + 1) for child in item)
        elif type(item) is str:
            _string(item, run)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it however the block ends.

    Building or writing a large agreement makes millions of objects and no cycles; each
    collection would walk all of them, which makes the work grow faster than the document.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_json(data: bytes, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    """An agreement from JSON bytes on the fast path, or `Irregular`.

    ``structure`` is the ordinary converter's ``structure``; ``version`` the format version a
    document must state to be read as it is.
    """
    # Not `collector_paused()`: its exit allocates once the collector is back on, which starts
    # a collection over all the new objects inside the call. Here they are left for the
    # program's next collection of the young generation, which would examine them anyway.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(data, version, structure)  # the parsed dicts die on return, unexamined
    finally:
        if enabled:
            gc.enable()


def _load(data: bytes, version: str, structure: Callable[[Any, Any], Any]) -> Agreement:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise Irregular from None
    if type(document) is not dict or document.get("coordagree") != version:
        raise Irregular
    run = _Run(structure)
    schedules = document.get("schedules", [])
    if type(schedules) is not list:
        raise Irregular
    built = tuple([_schedule(item, run) for item in schedules])
    rest = {k: v for k, v in document.items() if k not in ("coordagree", "schedules")}
    if any(key.startswith("x-") for key in rest):
        raise Irregular
    _count_rest(rest, run)
    run.pairs += 1 + ("schedules" in document)  # the version and schedules keys
    # A key given twice leaves one pair fewer than the colons outside strings; the checked
    # path finds which. Escaped colons (\u003a) count as colons in strings.
    colons = data.count(b":") + data.count(b"\\u003a") + data.count(b"\\u003A")
    if colons != run.pairs + run.colons:
        raise Irregular
    agreement = _slow(rest, Agreement, run)
    if not built:
        return agreement  # type: ignore[no-any-return]
    try:
        return attrs.evolve(agreement, schedules=built)  # type: ignore[no-any-return]
    except CoordagreeError:
        raise Irregular from None
