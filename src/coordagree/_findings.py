"""Turning cattrs' nested structuring errors into findings with JSON Pointer paths."""

from __future__ import annotations

import difflib
import heapq
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from coordagree._extensions import EXTENSION_PREFIX
from coordagree._pointer import pointer
from coordagree.errors import Finding, ModelError, Severity

__all__ = ["UnknownKeysError", "structure_findings"]


class UnknownKeysError(ForbiddenExtraKeysError):
    """A record's unknown keys as a list in the document's order, not cattrs' set.

    `coordagree._convert` finds them in one pass; a set of a million keys cost 0.4 s to build
    and would list them in no useful order.
    """

    def __init__(self, cl: type, keys: list[str]) -> None:
        super().__init__("", cl, set())
        self.in_order = keys

    def __str__(self) -> str:
        return f"Extra fields in constructor for {self.cl.__name__}: {', '.join(self.in_order)}"


def _extra_keys(exc: ForbiddenExtraKeysError) -> list[str] | set[str]:
    return exc.in_order if isinstance(exc, UnknownKeysError) else exc.extra_fields


def _steps(exc: BaseException) -> list[str | int]:
    steps: list[str | int] = []
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            steps.append(note.name)
        elif isinstance(note, IterableValidationNote):
            steps.append(note.index)
    return steps


def _leaves(exc: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            where = path
            for step in _steps(sub):
                where = pointer(where, step)
            yield from _leaves(sub, where)
    else:
        yield path, exc


def _field_names(cls: Any) -> list[str]:
    if isinstance(cls, type) and attrs.has(cls):
        return [f.name for f in attrs.fields(cls) if f.name != "extensions"]
    return ["start", "end", "as_written"]


def _unknown_keys(
    path: str, exc: ForbiddenExtraKeysError, most: int | None = None
) -> Iterator[Finding]:
    names = _field_names(exc.cl)
    keys = _extra_keys(exc)
    if isinstance(keys, list):  # in the document's order (`UnknownKeysError`), as lines are
        first = keys if most is None else keys[:most]
    elif most is None or most >= len(keys):
        first = sorted(keys)
    else:
        first = heapq.nsmallest(most, keys)
    for count, key in enumerate(first):
        # "did you mean" for the first hundred: past them, the keys are not typos
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6) if count < 100 else []
        owner_name = getattr(exc.cl, "__name__", "this object")
        if key == "extensions":
            hint = f"write extension data as keys starting with {EXTENSION_PREFIX!r}"
        elif key.startswith(EXTENSION_PREFIX):
            hint = (
                f"a {owner_name} takes no extension data: put {key!r} on the record that holds it"
            )
        elif close:
            hint = f"did you mean {close[0]!r}?"
        else:
            hint = f"extension data goes in keys starting with {EXTENSION_PREFIX!r}"
        owner = getattr(exc.cl, "__name__", "this object")
        yield Finding(
            code="unknown-key",
            severity=Severity.ERROR,
            path=pointer(path, key),
            message=f"unknown key {key!r} in {owner}; expected one of: {', '.join(names)}",
            hint=hint,
        )


def _finding(path: str, exc: BaseException, most: int | None = None) -> Iterator[Finding]:
    if isinstance(exc, ForbiddenExtraKeysError):
        yield from _unknown_keys(path, exc, most)
    elif isinstance(exc, ModelError):
        if exc.field and not path.endswith("/" + exc.field):
            path = pointer(path, exc.field)
        yield Finding(
            code=exc.code,
            severity=Severity.ERROR,
            path=path,
            message=exc.message,
            hint=exc.hint,
        )
    elif isinstance(exc, KeyError):
        name = path.rsplit("/", 1)[-1]
        yield Finding(
            code="missing-field",
            severity=Severity.ERROR,
            path=path,
            message=f"the required field {name!r} is missing",
        )
    else:
        yield Finding(
            code="wrong-type",
            severity=Severity.ERROR,
            path=path,
            message=str(exc) or type(exc).__name__,
        )


def structure_findings(
    exc: BaseException, base: str = "", most: int | None = None
) -> list[Finding]:
    """Every finding in a structuring error, each at its JSON Pointer under ``base``.

    With ``most``, at most that many are listed and the rest are counted: one last finding,
    ``too-many-findings``, says how many more there are (a document of a million unknown keys
    gives a short report, made in the time its first findings take).
    """
    if not isinstance(exc, BaseValidationError | BaseExceptionGroup):
        return list(_finding(base, exc))
    found: list[Finding] = []
    rest = 0
    for path, leaf in _leaves(exc, base):
        size = len(_extra_keys(leaf)) if isinstance(leaf, ForbiddenExtraKeysError) else 1
        room = size if most is None else max(0, most - len(found))
        taken = list(itertools.islice(_finding(path, leaf, room), room))  # no hint for the rest
        found.extend(taken)
        rest += max(0, size - len(taken))
    if rest:
        found.append(
            Finding(
                code="too-many-findings",
                severity=Severity.ERROR,
                path=base,
                message=f"{rest} more findings are not listed (at most {most} are)",
                hint="fix the ones listed and load again, or raise Limits.max_findings",
            )
        )
    return found
