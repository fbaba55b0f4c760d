"""``toml-null``: extension data that a TOML save would refuse, found before saving."""

from __future__ import annotations

from typing import Any

import attrs

from coordagree._extensions import plain_data
from coordagree._fields import Kind, fields_of
from coordagree._formats._toml import nulls
from coordagree._validate._context import Context
from coordagree._validate._walk import records_with

__all__ = ["EMITS", "check_extensions"]

EMITS = frozenset({"toml-null"})


def _extensions(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    return fields_of(cls, Kind.EXTENSIONS)


def check_extensions(ctx: Context) -> None:
    """Warn of each null in extension data: TOML has no null, so a TOML save refuses it."""
    for path, record in records_with(ctx.agreement, _extensions, sparse=True):
        for field in _extensions(type(record)):
            data = getattr(record, field.name)
            if not data:
                continue
            for where in nulls(plain_data(data), path):
                ctx.add(
                    "toml-null",
                    where,
                    "extension data holds null, which TOML cannot write",
                    hint="leave the key out, or write JSON or YAML",
                )
