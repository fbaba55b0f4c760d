"""``unknown-code``: a value of an open codelist field that is not one of its known values.

Every open `Kind.CODE` field is checked, from the declarations; the message names the list
by its class (`PartyRole` is "party role").
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Any

import attrs

from coordagree._fields import Kind, fields_of, kind_of
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

__all__ = ["EMITS", "check_codelists"]

EMITS = frozenset({"unknown-code"})


def _label(codes: type) -> str:
    return " ".join(word.lower() for word in re.findall(r"[A-Z][a-z]*", codes.__name__))


def _open_codes(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    found = _OPEN.get(cls)
    if found is None:
        found = _OPEN[cls] = tuple(f for f in fields_of(cls, Kind.CODE) if not kind_of(f).closed)
    return found


_OPEN: dict[type, tuple[attrs.Attribute[Any], ...]] = {}


@functools.cache
def _values(codes: type[enum.StrEnum]) -> frozenset[str]:
    return frozenset(member.value for member in codes)


def check_codelists(ctx: Context) -> None:
    """Report each open-codelist value that is not a known one (an ``info`` finding)."""
    for path, record in records_with(ctx.agreement, _open_codes):
        for field in _open_codes(type(record)):
            kind = kind_of(field)
            assert kind.codes is not None
            value: Any = getattr(record, field.name)
            items = value if kind.many else (() if value is None else (value,))
            allowed = _values(kind.codes)
            for i, item in enumerate(items):
                if item not in allowed:
                    where = f"{path}/{field.name}" + (f"/{i}" if kind.many else "")
                    ctx.add(
                        "unknown-code",
                        where,
                        f"{item!r} is not a known {_label(kind.codes)} "
                        f"({', '.join(sorted(allowed))})",
                    )
