"""Namespaced extra data: ``x-`` keys kept beside a record and round-tripped as given."""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any

import attrs

from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "EXTENSION_PREFIX",
    "Extensions",
    "freeze_extensions",
    "plain_data",
    "validate_extensions",
]

EXTENSION_PREFIX = "x-"
"""Keys that start with this are extension data, kept rather than refused."""

Extensions = Mapping[str, Any]
"""Extension data: ``x-``-prefixed keys mapped to JSON-like values."""


def freeze_extensions(value: Any) -> Any:
    """Converter: a mapping becomes a read-only copy (a read-only one is kept)."""
    if isinstance(value, Mapping) and not isinstance(value, types.MappingProxyType):
        return types.MappingProxyType(dict(value))
    return value


def validate_extensions(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a mapping whose keys all start with ``x-``."""
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


def plain_data(value: Any) -> Any:
    """Extension data (or any value nested in it) as plain data: maps as dicts, lists as lists."""
    if isinstance(value, Mapping):
        return {key: plain_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(item) for item in value]
    return value
