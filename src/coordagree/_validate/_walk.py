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
        cls = type(item)
        if select(cls):
            yield where, item
        nested: list[tuple[str, Any]] = []
        for field in fields_of(cls, Kind.RECORD):
            inner_kind = kind_of(field)
            if skip is not None and skip == (cls, field.name):
                continue
            if inner_kind.record is None or not _reaches(inner_kind.record, select):
                continue
            value = getattr(item, field.name)
            if inner_kind.many and sparse and len(value) > 32:
                keep = _used(value, inner_kind.record, select)
                if keep:  # usually none: then the list is not read again
                    nested.extend(
                        (f"{where}/{field.name}/{i}", r)
                        for i, r in enumerate(value)
                        if id(r) in keep
                    )
            elif inner_kind.many:
                nested.extend((f"{where}/{field.name}/{i}", r) for i, r in enumerate(value))
            elif value is not None:
                nested.append((f"{where}/{field.name}", value))
        stack.extend(reversed(nested))


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
