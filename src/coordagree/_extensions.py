"""Namespaced extra data: ``x-`` keys kept beside a record and round-tripped as given."""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any

import attrs

from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = ["EXTENSION_PREFIX", "Extensions", "extensions_field"]

EXTENSION_PREFIX = "x-"
"""Keys that start with this are extension data, kept rather than refused."""

Extensions = Mapping[str, Any]
"""Extension data: ``x-``-prefixed keys mapped to JSON-like values."""


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping) and not isinstance(value, types.MappingProxyType):
        return types.MappingProxyType(dict(value))
    return value


def _check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"'{attribute.name}' must be a mapping of 'x-' keys (got {value!r})",
            field=attribute.name,
            value=value,
        )
    for key in value:
        if not isinstance(key, str) or not key.startswith(EXTENSION_PREFIX):
            raise InvalidValueError(
                f"'{attribute.name}' keys must start with {EXTENSION_PREFIX!r} (got {key!r})",
                field=attribute.name,
                value=key,
                code="bad-extension",
            )


def extensions_field() -> Any:
    """An ``extensions`` attribute: a read-only mapping, compared but not hashed."""
    return attrs.field(
        factory=lambda: types.MappingProxyType({}),
        converter=_freeze,
        validator=_check,
        hash=False,
    )
