"""What a parser returns: plain data, with the source position of each JSON Pointer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from coordagree.errors import Finding, Severity

__all__ = ["KeyedTwice", "Parsed", "Unreadable", "refusal"]


@attrs.frozen
class Parsed:
    """Plain data parsed from a document, with the source position of each pointer if known.

    ``nfc`` is set once every string in it is known to be in Unicode NFC (the fast builders
    check each one they read); ``within`` once the parser has held it to its limits.
    """

    data: Any
    positions: Mapping[str, tuple[int, int]]
    nfc: bool = False
    within: bool = False

    def position(self, path: str) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return None, None
            path = path.rsplit("/", 1)[0]


class KeyedTwice(dict[str, Any]):
    """A mapping that remembers the keys it saw twice, for parsers that keep the last silently."""

    duplicates: list[str]


@attrs.frozen
class Unreadable:
    """Where a parser met a number no document may hold (NaN, infinity, too many digits).

    It stands in the data for `check_limits` to report at its pointer (``bad-number``).
    """

    reason: str


def refusal(code: str, path: str, message: str, **extra: Any) -> Finding:
    """An error-level finding from reading a document."""
    return Finding(code=code, severity=Severity.ERROR, path=path, message=message, **extra)
