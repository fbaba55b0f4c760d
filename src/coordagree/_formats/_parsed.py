"""What a parser returns: plain data, with the source position of each JSON Pointer."""

from __future__ import annotations

from typing import Any

import attrs

from coordagree.errors import Finding, Severity

__all__ = ["KeyedTwice", "Parsed", "refusal"]


@attrs.frozen
class Parsed:
    """Plain data parsed from a document, with the source position of each pointer if known."""

    data: Any
    positions: dict[str, tuple[int, int]]

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


def refusal(code: str, path: str, message: str, **extra: Any) -> Finding:
    """An error-level finding from reading a document."""
    return Finding(code=code, severity=Severity.ERROR, path=path, message=message, **extra)
