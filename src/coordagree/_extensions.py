"""Namespaced extra data: ``x-`` keys kept beside a record and round-tripped as given."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from coordagree._pointer import pointer
from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "EXTENSION_PREFIX",
    "Extensions",
    "FrozenMapping",
    "freeze_extensions",
    "plain_data",
    "validate_extensions",
]

EXTENSION_PREFIX = "x-"
"""Keys that start with this are extension data, kept rather than refused."""

Extensions = Mapping[str, Any]
"""Extension data: ``x-``-prefixed keys mapped to JSON-like values."""


class FrozenMapping(Mapping[str, Any]):
    """A read-only mapping of extension data that pickles, as a ``mappingproxy`` does not.

    Records are sent to other processes (``multiprocessing``, ``concurrent.futures``) by
    pickling them; it compares equal to any mapping with the same items.
    """

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMapping):
            return self._data == other._data
        return isinstance(other, Mapping) and self._data == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMapping, (dict(self._data),))


def freeze_extensions(value: Any) -> Any:
    """Converter: a mapping becomes a read-only copy (a read-only one is kept)."""
    if isinstance(value, Mapping) and not isinstance(value, FrozenMapping):
        return FrozenMapping(dict(value))
    return value


def validate_extensions(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a mapping whose keys all start with ``x-``, of values every format writes."""
    if not value and isinstance(value, Mapping):
        return  # most records have none
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
    _check_writable(attribute.name, value)


# What every format can write: JSON's values, and TOML's dates and times (written as ISO 8601
# text in JSON and YAML, which have no such type).
_SCALARS = (str, bool, int, type(None), _dt.date, _dt.time)  # datetime is a date


_PLAIN_TYPES = frozenset({str, int, bool, type(None)})


def _surely_writable(value: Any) -> bool:
    """Whether every value is plainly writable, judged with no path built (most data is).

    False only means "look closer": `_check_writable` then finds what, and where, if anything.
    """
    if not all(type(key) is str for key in value):  # the extensions themselves: any mapping
        return False
    stack = list(value.values())
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _PLAIN_TYPES:
            continue
        if kind is dict:
            if not all(type(key) is str for key in item):
                return False
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is float:
            if not math.isfinite(item):
                return False
        else:
            return False  # a mapping of another type, a date, a time...: the careful walk
    return True


def _check_writable(field: str, value: Any) -> None:
    """Refuse, where it is given, a value that some format could not write back as it is."""
    if _surely_writable(value):
        return
    stack: list[tuple[str, Any]] = [(f"/{key}", item) for key, item in value.items()]
    while stack:
        where, item = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                raise InvalidValueError(
                    f"'{field}' at {where} holds {item}, which no document can (NaN and "
                    "infinities are refused)",
                    field=field,
                    value=item,
                    code="bad-number",
                )
        elif isinstance(item, Mapping):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise InvalidTypeError(
                        f"'{field}' at {where} has the key {key!r}: keys are text",
                        field=field,
                        value=key,
                        code="bad-key",
                    )
                stack.append((pointer(where, key), child))
        elif isinstance(item, list | tuple):
            stack.extend((f"{where}/{i}", child) for i, child in enumerate(item))
        elif not isinstance(item, _SCALARS):
            raise InvalidTypeError(
                f"'{field}' at {where} holds a {type(item).__name__}, which documents cannot "
                "write: extension values are text, numbers, booleans, null, lists, maps, and "
                "TOML's dates and times",
                field=field,
                value=item,
            )


def plain_data(value: Any) -> Any:
    """Extension data (or any value nested in it) as plain data: maps as dicts, lists as lists."""
    if isinstance(value, Mapping):
        return {key: plain_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(item) for item in value]
    return value
