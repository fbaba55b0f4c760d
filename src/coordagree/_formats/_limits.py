"""`Limits`, and the one walk that holds parsed data to them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from coordagree._formats._parsed import KeyedTwice, Parsed, refusal
from coordagree._pointer import pointer
from coordagree.errors import DocumentError, Finding

__all__ = ["Limits", "check_limits", "decode"]


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
    """

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 32
    max_string: int = 100_000
    max_aliases: int = 100
    max_nodes: int = 10_000_000
    max_alias_nodes: int = 10_000


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


def _walk(value: Any, path: str, depth: int) -> Iterator[tuple[str, Any, int]]:
    stack = [(value, path, depth)]
    while stack:
        item, where, level = stack.pop()
        yield where, item, level
        if isinstance(item, dict):
            stack.extend((v, pointer(where, k), level + 1) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, f"{where}/{i}", level + 1) for i, v in reversed(list(enumerate(item))))


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


def check_limits(parsed: Parsed, limits: Limits) -> None:
    """Hold parsed data to ``limits``, in every format alike: depth, values, strings, keys.

    ``max_nodes`` counts values (mappings, lists and scalars, not keys), as the YAML composer
    counts them while it builds (an alias counted each time it repeats what it names).

    Raises:
        DocumentError: with every problem found.
    """
    findings: list[Finding] = []
    for count, (path, value, depth) in enumerate(_walk(parsed.data, "", 0), start=1):
        if count > limits.max_nodes:
            findings.append(
                refusal(
                    "too-large",
                    path,
                    f"the document has more than {limits.max_nodes} values",
                )
            )
            break
        if depth > limits.max_depth:
            findings.append(
                refusal(
                    "too-deep", path, f"the document nests deeper than {limits.max_depth} levels"
                )
            )
            break
        if isinstance(value, dict):
            # An escape (JSON "\ud800", YAML "\uD800") can make a string the bytes could not.
            findings.extend(_unpaired(pointer(path, key)) for key in value if not _encodable(key))
        elif isinstance(value, str) and not _encodable(value):
            findings.append(_unpaired(path))
        if isinstance(value, KeyedTwice) and value.duplicates:
            findings.extend(
                refusal(
                    "duplicate-key",
                    pointer(path, key),
                    f"the key {key!r} appears twice in one object",
                )
                for key in dict.fromkeys(value.duplicates)
            )
        elif isinstance(value, str) and len(value) > limits.max_string:
            findings.append(
                refusal(
                    "too-long",
                    path,
                    f"a string of {len(value)} characters, over the limit of {limits.max_string}",
                )
            )
    if findings:
        raise DocumentError(
            [
                attrs.evolve(f, line=parsed.position(f.path)[0], column=parsed.position(f.path)[1])
                for f in findings
            ]
        )
