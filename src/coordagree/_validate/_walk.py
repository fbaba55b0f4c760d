"""Walks over an agreement's records that go only where a kind of field can be."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from itertools import chain
from operator import attrgetter
from typing import Any

import attrs

from coordagree._fields import Kind, fields_of, kind_of, record_classes

__all__ = ["Select", "records_with"]


Select = Callable[[type], tuple["attrs.Attribute[Any]", ...]]


@functools.cache
def _reaches(cls: type, select: Select) -> bool:
    """Whether ``cls`` or a record class below it has a field ``select`` picks."""
    return any(select(inner) for inner in record_classes(cls))


def records_with(
    root: Any,
    select: Select,
    *,
    path: str = "",
    skip: tuple[type, str] | None = None,
    sparse: bool = False,
) -> Iterator[tuple[str, Any]]:
    """Every record under ``root`` (itself included) with a field ``select`` picks, and its pointer.

    In document order. Subtrees that cannot hold such a field are not entered, nor the field
    ``skip`` names (class, field name). With ``sparse``, a record whose picked fields and
    nested records are all empty (None, an empty list or mapping) is passed over, and long
    lists are sifted for such records in C: what a rule over optional data needs, on an
    agreement of 100,000 tasks that hardly use it.
    """
    stack: list[tuple[str, Any]] = [(path, root)]
    while stack:
        where, item = stack.pop()
        picked, plan = _plan(item.__class__, select, skip)
        if picked:
            yield where, item
        if not plan:
            continue
        nested: list[tuple[str, Any]] = []
        for name, many, record in plan:
            value = getattr(item, name)
            if many and sparse and len(value) > 32:
                keep = _used(value, record, select)
                if keep:  # usually none: then the list is not read again
                    nested.extend(
                        (f"{where}/{name}/{i}", r) for i, r in enumerate(value) if id(r) in keep
                    )
            elif many:
                nested.extend((f"{where}/{name}/{i}", r) for i, r in enumerate(value))
            elif value is not None:
                nested.append((f"{where}/{name}", value))
        stack.extend(reversed(nested))


@functools.cache
def _plan(
    cls: type, select: Select, skip: tuple[type, str] | None
) -> tuple[bool, tuple[tuple[str, bool, type], ...]]:
    """Whether ``select`` picks fields of ``cls``, and the record fields worth entering."""
    plan = []
    for field in fields_of(cls, Kind.RECORD):
        kind = kind_of(field)
        if skip is not None and skip == (cls, field.name):
            continue
        if kind.record is None or not _reaches(kind.record, select):
            continue
        plan.append((field.name, kind.many, kind.record))
    return bool(select(cls)), tuple(plan)


def _used(records: tuple[Any, ...], cls: type, select: Select) -> set[int]:
    """The ids of ``records`` with a picked field that is not empty, or holding such a record.

    Each field is sifted in C (``filter`` over an attribute getter); records nested in them are
    sifted the same way, and only a hit there is traced back to its holder in Python.
    """
    used: set[int] = set()
    for field in select(cls):
        used.update(map(id, filter(attrgetter(field.name), records)))
    for field in fields_of(cls, Kind.RECORD):
        kind = kind_of(field)
        if kind.record is None or not _reaches(kind.record, select):
            continue
        get = attrgetter(field.name)
        if kind.many:
            children = tuple(chain.from_iterable(map(get, records)))
        else:
            children = tuple(child for child in map(get, records) if child is not None)
        hits = _used(children, kind.record, select) if children else set()
        if hits:
            for record in records:
                inner = get(record)
                if any(id(child) in hits for child in (inner if kind.many else (inner,))):
                    used.add(id(record))
    return used
