"""Writers of a record's document form generated from its field kinds, for the bulk of a dump.

A large agreement is almost all tasks, and cattrs' generated hook spends most of its time in
calls it makes for every value. `writer` generates, from the same declarations, a function that
writes a record exactly as the converter would (fields in order, defaults left out, extensions
last), with the common kinds written inline and every other field handed to the converter. A
test compares the two on drawn records.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from coordagree._codegen import run_generated
from coordagree._convert import unstructure_text
from coordagree._extensions import plain_data
from coordagree._fields import Kind, kind_of

__all__ = ["writer"]


def writer(
    cls: type,
    converter: cattrs.Converter,
    *,
    ids: Callable[[tuple[str, ...]], Any],
    period: Callable[[Any], Any],
    records: Mapping[type, Callable[[Any], Any]],
) -> Callable[[Any], dict[str, Any]]:
    """A function writing a ``cls`` record as ``converter`` would, generated from its kinds.

    Args:
        cls: The model class.
        converter: Writes the fields of kinds this module does not write inline.
        ids: Writes a tuple of ids (a list for callers that edit, the tuple for writers).
        period: Writes a `Period`.
        records: Writers of nested records by class (status changes); others go to the
            converter.
    """
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {
        "ids": ids,
        "period": period,
        "text": unstructure_text,
        "plain": plain_data,
        "unstructure": converter.unstructure,
    }
    lines = ["def write(record):\n", "    data = {}\n"]
    extensions = None
    for field in attrs.fields(cls):
        kind = kind_of(field)
        name = field.name
        if kind.kind is Kind.EXTENSIONS:
            extensions = name
            continue
        value = f"record.{name}"
        if kind.kind is Kind.TEXT and not kind.many:
            expression = "(v.value if v.lang is None else text(v))"
        elif kind.kind is Kind.REF and kind.many:
            expression = "ids(v)"
        elif kind.kind in (Kind.ID, Kind.REF, Kind.WORDING, Kind.STRING):
            expression = "v"
        elif kind.kind is Kind.PERIOD:
            expression = "period(v)"
        elif kind.kind is Kind.RECURRENCES:
            expression = "[r.rule for r in v]"
        elif kind.kind is Kind.CODE and kind.closed and not kind.many:
            assert kind.codes is not None
            namespace[f"codes_{name}"] = {member: member.value for member in kind.codes}
            expression = f"codes_{name}[v]"
        elif kind.kind is Kind.RECORD and kind.many and kind.record in records:
            namespace[f"write_{name}"] = records[kind.record]  # type: ignore[index]
            expression = f"[write_{name}(item) for item in v]"
        else:
            namespace[f"type_{name}"] = hints[name]
            expression = f"unstructure(v, type_{name})"
        default = field.default
        if default is attrs.NOTHING:
            test = None
        elif default is None or isinstance(default, enum.Enum):
            namespace[f"default_{name}"] = default
            test = f"v is not default_{name}"
        elif default == ():
            test = "v"
        else:
            namespace[f"default_{name}"] = default
            test = f"v != default_{name}"
        lines.append(f"    v = {value}\n")
        if test is None:
            lines.append(f"    data[{name!r}] = {expression}\n")
        else:
            lines.append(f"    if {test}:\n        data[{name!r}] = {expression}\n")
    if extensions is not None:
        lines.append(f"    if record.{extensions}:\n")
        lines.append(f"        data.update(plain(record.{extensions}))\n")
    lines.append("    return data\n")
    return run_generated("".join(lines), f"writer {cls.__name__}", namespace)["write"]  # type: ignore[no-any-return]
