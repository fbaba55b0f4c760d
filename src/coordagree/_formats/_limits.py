"""`Limits`, and the one walk that holds parsed data to them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import attrs

from coordagree._formats._parsed import KeyedTwice, Parsed, Unreadable, refusal
from coordagree._gc import collector_paused
from coordagree._pointer import pointer
from coordagree.errors import DocumentError, Finding

__all__ = [
    "Limits",
    "check_limits",
    "decode",
    "limit_findings",
    "positioned_error",
    "shallow",
]


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds every loaded document is held to; exceeding one is a `DocumentError`.

    The defaults admit any real agreement (a 100,000-task programme is about 30 MB) and refuse
    what only an attack or an accident produces.

    Attributes:
        max_bytes: Largest document, in bytes.
        max_depth: Deepest nesting of mappings and lists.
        max_string: Longest string, in characters.
        max_aliases: Most YAML aliases (``*name``) in one document.
        max_nodes: Most values in one document (mappings, lists and scalars, not keys),
            counted alike in JSON, YAML and TOML, each YAML alias expansion again.
        max_alias_nodes: Most values YAML aliases may add to what is written: a document that
            repeats a few shared blocks is fine, one that multiplies them is an attack.
        max_findings: Most findings a refused document lists; the rest are counted in one
            last finding (``too-many-findings``).
    """

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 32
    max_string: int = 100_000
    max_aliases: int = 100
    max_nodes: int = 10_000_000
    max_alias_nodes: int = 10_000
    max_findings: int = 1_000


def decode(data: str | bytes, limits: Limits) -> str:
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > limits.max_bytes:
        raise DocumentError(
            [
                refusal(
                    "too-large",
                    "",
                    f"the document is {size} bytes, over the limit of {limits.max_bytes}",
                )
            ]
        )
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                [
                    refusal(
                        "encoding",
                        "",
                        f"the document is not UTF-8: byte {exc.start} is {data[exc.start]:#04x}",
                    )
                ]
            ) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentError(
            [
                refusal(
                    "encoding",
                    "",
                    f"the document holds an unpaired surrogate at character {exc.start}",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


Trail = tuple[Any, str | int] | None
"""Where a value is, as (parent's trail, key or index): a path made only when one is needed."""


def path_of(trail: Trail) -> str:
    """The JSON Pointer of a trail."""
    steps: list[str | int] = []
    while trail is not None:
        trail, step = trail
        steps.append(step)
    path = ""
    for step in reversed(steps):
        path = pointer(path, step)
    return path


def _walk(value: Any) -> Iterator[tuple[Trail, Any, int]]:
    """Every value in document order with its trail and level; no path string is built."""
    stack: list[tuple[Any, Trail, int]] = [(value, None, 0)]
    while stack:
        item, trail, level = stack.pop()
        yield trail, item, level
        kind = type(item)
        if kind is dict or kind is KeyedTwice:
            stack.extend((v, (trail, k), level + 1) for k, v in reversed(item.items()))
        elif kind is list:
            stack.extend((v, (trail, i), level + 1) for i, v in reversed(list(enumerate(item))))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unpaired(path: str) -> Finding:
    return refusal(
        "encoding",
        path,
        "the text holds an unpaired surrogate (an escape such as \\ud800 with no partner)",
    )


_QUOTE = "quote it to keep it as text"


def _too_long(path: str, length: int, limits: Limits, what: str) -> Finding:
    message = f"{what} of {length} characters, over the limit of {limits.max_string}"
    return refusal("too-long", path, message)


def shallow(data: Any, most: int) -> bool:
    """Whether no value of ``data`` is nested deeper than ``most``, visiting containers only."""
    level, containers = 0, [data] if type(data) is dict or type(data) is list else []
    while containers:
        if any(containers):  # a non-empty container's values are one level down
            level += 1
        if level > most:
            return False
        containers = [
            child
            for item in containers
            for child in (item.values() if type(item) is dict else item)
            if type(child) is dict or type(child) is list
        ]
    return True


def check_limits(parsed: Parsed, limits: Limits) -> None:
    """Hold parsed data to ``limits``, in every format alike: depth, values, strings, keys.

    ``max_nodes`` counts values (mappings, lists and scalars, not keys), as the YAML composer
    counts them while it builds (an alias counted each time it repeats what it names).

    Raises:
        DocumentError: with every problem found.
    """
    findings = limit_findings(parsed.data, limits)
    if findings:
        raise positioned_error(parsed, findings)


def positioned_error(parsed: Parsed, findings: list[Finding]) -> DocumentError:
    """A `DocumentError` of ``findings``, each with its line and column in ``parsed``."""
    return DocumentError(
        [
            attrs.evolve(f, line=parsed.position(f.path)[0], column=parsed.position(f.path)[1])
            for f in findings
        ]
    )


def limit_findings(data: Any, limits: Limits) -> list[Finding]:
    """What `check_limits` finds in plain data, without positions; stops at a count or depth."""
    with collector_paused():  # a tuple for each value, and no cycles
        return _limit_findings(data, limits)


def _limit_findings(data: Any, limits: Limits) -> list[Finding]:
    findings: list[Finding] = []
    most_nodes, most_depth, longest = limits.max_nodes, limits.max_depth, limits.max_string
    for count, (trail, value, depth) in enumerate(_walk(data), start=1):
        if count > most_nodes:
            message = f"the document has more than {most_nodes} values"
            findings.append(refusal("too-large", path_of(trail), message))
            break
        if depth > most_depth:
            message = f"the document nests deeper than {most_depth} levels"
            findings.append(refusal("too-deep", path_of(trail), message))
            break
        kind = type(value)
        if kind is str:
            if not value.isascii() and not _encodable(value):
                findings.append(_unpaired(path_of(trail)))
            if len(value) > longest:
                findings.append(_too_long(path_of(trail), len(value), limits, "a string"))
        elif kind is dict or kind is KeyedTwice:
            for key in value:
                # An escape (JSON "\ud800", YAML "\uD800") can make a string the bytes could not.
                if not key.isascii() and not _encodable(key):
                    findings.append(_unpaired(path_of((trail, key))))
                if len(key) > longest:
                    findings.append(_too_long(path_of((trail, key)), len(key), limits, "a key"))
            if kind is KeyedTwice and value.duplicates:
                findings.extend(
                    refusal(
                        "duplicate-key",
                        path_of((trail, key)),
                        f"the key {key!r} appears twice in one object",
                    )
                    for key in dict.fromkeys(value.duplicates)
                )
        elif kind is Unreadable:
            findings.append(refusal("bad-number", path_of(trail), value.reason, hint=_QUOTE))
        elif kind is float and not math.isfinite(value):
            message = f"{value} is not a finite number; NaN and infinities are refused"
            findings.append(refusal("bad-number", path_of(trail), message, hint=_QUOTE))
    return findings
