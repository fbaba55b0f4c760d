"""``claim-unknown-field`` and ``claim-bad-value``: what each claim says fits its record.

A claim is about a field its record has, and claims a value that field could hold, read as
the document converter reads the field.
"""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs
import cattrs

from coordagree._convert import make_converter
from coordagree._fields import Kind, kind_of
from coordagree._sources import Claim
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

__all__ = ["EMITS", "check_claims"]

EMITS = frozenset({"claim-unknown-field", "claim-bad-value"})

# What a claim cannot be about: the record's identity and its own bookkeeping.
_NOT_CLAIMABLE = (Kind.ID, Kind.EXTENSIONS)


@functools.cache
def _claims(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    return tuple(f for f in attrs.fields(cls) if kind_of(f).record is Claim)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _claimable(cls: type) -> dict[str, Any]:
    """The fields of ``cls`` a claim may be about, with their types."""
    known = _CLAIMABLE.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    known = _CLAIMABLE[cls] = {
        f.name: hints[f.name]
        for f in attrs.fields(cls)
        if kind_of(f).kind not in _NOT_CLAIMABLE
        and kind_of(f).record is not Claim
        and f.name != "sources"
    }
    return known


_CLAIMABLE: dict[type, dict[str, Any]] = {}


def check_claims(ctx: Context) -> None:
    """Report claims about no field, and claimed values their field could not hold."""
    for path, record in records_with(ctx.agreement, _claims, sparse=True):
        fields = _claimable(type(record))
        for field in _claims(record.__class__):
            for i, claim in enumerate(getattr(record, field.name)):
                where = f"{path}/{field.name}/{i}"
                if claim.field not in fields:
                    ctx.add(
                        "claim-unknown-field",
                        f"{where}/field",
                        f"{type(record).__name__} has no field {claim.field!r} to claim about",
                        hint=f"one of: {', '.join(fields)}",
                    )
                    continue
                if claim.value is None:
                    continue  # a claim may give only the source's wording
                try:
                    _converter().structure(claim.value, fields[claim.field])
                except Exception:  # any reason: it is not a value of that field
                    ctx.add(
                        "claim-bad-value",
                        f"{where}/value",
                        f"{claim.value!r} is not a value {type(record).__name__}."
                        f"{claim.field} could hold",
                    )
