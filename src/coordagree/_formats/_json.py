"""JSON text: parsed by the standard library (duplicate keys recorded), written by orjson.

Before parsing, the values a text holds are counted from its bytes (commas and brackets
outside strings), so a document over `Limits.max_nodes` is refused without being built.
Numbers a document cannot hold are reported at their pointer by `check_limits`: NaN and
infinities as the floats Python reads, an integer of more digits than Python reads as an
`Unreadable` marker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import orjson

from coordagree._formats._limits import Limits, shallow
from coordagree._formats._parsed import KeyedTwice, Parsed, Unreadable, refusal
from coordagree._gc import collector_paused
from coordagree.errors import DocumentError

__all__ = ["json_values", "keys_unique", "parse_json", "render_json"]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_EMPTY = re.compile(r"\[\s*\]|\{\s*\}")
_DIGITS = 4_300  # what Python's int() reads from text (sys.get_int_max_str_digits)


def json_values(text: str, most: int) -> int:
    """How many values a JSON text holds (exactly, for valid JSON), counted up to about ``most``.

    Each non-empty container has one value more than the commas in it: the values are the root,
    the commas and the non-empty containers. A text shorter than ``most`` is not counted.
    """
    if len(text) <= most:
        return 0
    bound = 1 + text.count(",") + text.count("[") + text.count("{")
    if bound <= most:
        return bound
    bare = _STRING.sub('""', text)
    return 1 + bare.count(",") + bare.count("[") + bare.count("{") - len(_EMPTY.findall(bare))


def keys_unique(data: bytes, document: Any) -> bool:
    r"""Whether no key is given twice in JSON ``data`` that orjson read as ``document``.

    orjson keeps the last of two equal keys silently. Written again compactly, the document has
    one colon for each pair outside strings and every string keeps its colons, so a pair lost
    to a duplicate key leaves one colon fewer (an escaped colon, ``\\u003a``, is left to the
    caller's slower way).
    """
    try:
        written = orjson.dumps(document)
    except orjson.JSONEncodeError:  # nested deeper than orjson writes: over the limits anyway
        return False
    if b"\\" in data and b"\\u003" in data:  # (found at memchr's speed; most have none)
        return False
    return data.count(b":") == written.count(b":")


def _short(raw: bytes, most: int) -> bool:
    """Whether no string or key in JSON ``raw`` can be longer than ``most`` characters.

    With no escape in the text, a string is the bytes between two quotes, so a text with no
    run of more than ``most`` bytes after a quote has none longer (a character is at least a
    byte); found at the regular-expression engine's speed.
    """
    if len(raw) <= most:
        return True
    return b"\\" not in raw and re.search(b'"[^"]{%d}' % (most + 1), raw) is None


def _number(text: str) -> Any:
    if len(text.lstrip("-")) > _DIGITS:
        digits = len(text.lstrip("-"))
        return Unreadable(f"an integer of {digits} digits; a number has at most {_DIGITS}")
    return int(text)


def _object_pairs(pairs: list[tuple[str, Any]]) -> KeyedTwice:
    obj = KeyedTwice()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def parse_json(text: str, limits: Limits | None = None, read: Any = None) -> Parsed:
    if limits is not None and json_values(text, limits.max_nodes) > limits.max_nodes:
        message = f"the document has more than {limits.max_nodes} values"
        raise DocumentError([refusal("too-large", "", message)])
    raw = text.encode("utf-8")
    try:  # orjson where it can (or what it read already): ten times the standard library
        with collector_paused():  # a million objects, and no cycles
            data = orjson.loads(raw) if read is None else read
    except orjson.JSONDecodeError:  # a big integer, NaN, an escaped surrogate, an error
        pass
    else:
        if keys_unique(raw, data):
            # orjson refuses NaN, infinities, big integers and unpaired surrogates, and the
            # values were counted above: the lengths and the depth are left to check.
            within = (
                limits is not None
                and _short(raw, limits.max_string)
                and shallow(data, limits.max_depth)
            )
            return Parsed(data, {}, within=within)
    try:
        try:
            data = json.loads(text, object_pairs_hook=_object_pairs)
        except ValueError as exc:
            if isinstance(exc, json.JSONDecodeError):
                raise
            # An integer of more digits than int() reads: read again, marking where it is.
            data = json.loads(text, object_pairs_hook=_object_pairs, parse_int=_number)
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
