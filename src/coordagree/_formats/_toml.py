"""TOML text: read by the standard library's tomllib, written by tomli-w (an extra)."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from coordagree._formats._parsed import Parsed, refusal
from coordagree._pointer import pointer
from coordagree.errors import DocumentError, MissingExtraError

__all__ = ["nulls", "parse_toml", "render_toml"]

_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_toml(text: str) -> Parsed:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        code = "duplicate-key" if "overwrite" in message or "redefine" in message else "syntax"
        raise DocumentError(
            [
                refusal(
                    code,
                    "",
                    f"not valid TOML: {_TOML_WHERE.sub('', message).strip()}",
                    line=line,
                    column=column,
                )
            ]
        ) from None
    except RecursionError:
        raise DocumentError([refusal("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, {})


def render_toml(data: Any) -> str:
    """Plain data as TOML.

    Raises:
        DocumentError: the data holds a null (``None``), which TOML cannot write: one finding
            (``toml-null``) at the JSON Pointer of each.
    """
    found = nulls(data)
    if found:
        raise DocumentError(
            [
                refusal(
                    "toml-null",
                    where,
                    "TOML cannot write null (it has no such value)",
                    hint="leave the key out, or save as JSON or YAML",
                )
                for where in found
            ]
        )
    try:
        import tomli_w
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError(
            "writing TOML needs tomli-w: pip install 'coordagree[toml]'"
        ) from None
    return str(tomli_w.dumps(data))


def nulls(data: Any, path: str = "") -> list[str]:
    """The JSON Pointer of every None in plain data at ``path``."""
    found = []
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, item = stack.pop()
        if item is None:
            found.append(where)
        elif isinstance(item, dict):
            stack.extend((pointer(where, key), value) for key, value in item.items())
        elif isinstance(item, list):
            stack.extend((f"{where}/{i}", value) for i, value in enumerate(item))
    return sorted(found)
