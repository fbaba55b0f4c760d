"""Walks over an agreement's records that go only where a kind of field can be."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
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
    root: Any, select: Select, *, path: str = "", skip: tuple[type, str] | None = None
) -> Iterator[tuple[str, Any]]:
    """Every record under ``root`` (itself included) with a field ``select`` picks, and its pointer.

    In document order. Subtrees that cannot hold such a field are not entered, nor the field
    ``skip`` names (class, field name).
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
            if inner_kind.many:
                nested.extend((f"{where}/{field.name}/{i}", r) for i, r in enumerate(value))
            elif value is not None:
                nested.append((f"{where}/{field.name}", value))
        stack.extend(reversed(nested))
