"""JSON text: parsed by the standard library (duplicate keys recorded), written by orjson."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

from coordagree._formats._parsed import KeyedTwice, Parsed, refusal
from coordagree.errors import DocumentError

__all__ = ["parse_json", "render_json"]


def _object_pairs(pairs: list[tuple[str, Any]]) -> KeyedTwice:
    obj = KeyedTwice()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def parse_json(text: str) -> Parsed:
    try:
        data = json.loads(text, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            [refusal("syntax", "", f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno)]
        ) from None
    except RecursionError:
        raise DocumentError([refusal("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, {})


def render_json(data: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """Plain data as indented JSON in UTF-8; ``default`` turns the rest into plain data."""
    try:  # orjson writes exactly what json.dumps(indent=2) would, ten times faster
        options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE  # no copy to add it
        return orjson.dumps(data, default=default, option=options)
    except (TypeError, orjson.JSONEncodeError):  # an integer over 64 bits in an extension
        text = json.dumps(data, ensure_ascii=False, indent=2, default=default) + "\n"
        return text.encode("utf-8")
