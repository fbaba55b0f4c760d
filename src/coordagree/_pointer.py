"""JSON Pointers (RFC 6901): building them and following them."""

from __future__ import annotations

from typing import Any

__all__ = ["pointer", "resolve"]


def pointer(base: str, token: str | int) -> str:
    """``base`` extended by one reference token, escaped as RFC 6901 says."""
    text = str(token).replace("~", "~0").replace("/", "~1")
    return f"{base}/{text}"


def resolve(document: Any, path: str) -> Any:
    """The value at ``path`` in ``document``.

    Raises:
        KeyError: the path does not exist in the document.
    """
    if path == "":
        return document
    if not path.startswith("/"):
        raise KeyError(path)
    current = document
    for raw in path[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            raise KeyError(path)
    return current
