"""``empty-text``, ``bad-language-tag`` and ``text-not-nfc``: every text field of every record.

The fields scanned are those the declarations say can hold text (`Kind.TEXT`, and the strings
of `Kind.WORDING`, `Kind.STRING`, open `Kind.CODE` and `Kind.TAGS`); a new text field is
scanned with no edit here. Building a path for every string costs more than all other rules
together, so a quick scan without paths decides whether the walk that builds them is needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import chain
from operator import attrgetter
from typing import Any

import attrs

from coordagree._agreement import Agreement
from coordagree._fields import Kind, fields_of, kind_of
from coordagree._loader_facts import has_plain_texts
from coordagree._tasks import Task
from coordagree._text import Text
from coordagree._validate._context import Context

__all__ = ["BCP47", "EMITS", "check_texts", "text_fields"]

EMITS = frozenset({"empty-text", "bad-language-tag", "text-not-nfc"})

BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?"
    r"(-([A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*"
    r"(-x(-[A-Za-z0-9]{1,8})+)?$|^x(-[A-Za-z0-9]{1,8})+$"
)


def _holds_text(field: attrs.Attribute[Any]) -> bool:
    kind = kind_of(field)
    if kind.kind is Kind.CODE:
        return not kind.closed
    return kind.kind in _TEXT_KINDS


_TEXT_KINDS: tuple[Kind, ...] = (Kind.TEXT, Kind.WORDING, Kind.STRING, Kind.NUMBERING, Kind.TAGS)
_TEXT_KINDS += (Kind.TIMEZONE,)
_TEXT_KINDS += (Kind.RECORD,)


def text_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class that can hold free text or records holding it."""
    found = _TEXT_FIELDS.get(cls)
    if found is None:
        found = _TEXT_FIELDS[cls] = tuple(f.name for f in attrs.fields(cls) if _holds_text(f))
    return found


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}


def _values(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every Text and str in a model's text fields, with its path, depth first, linear in size."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, Text | str):
            yield where, item
        elif isinstance(item, tuple):
            stack.extend((f"{where}/{i}", v) for i, v in reversed(list(enumerate(item))))
        elif item is not None and attrs.has(type(item)):
            for name in reversed(text_fields(type(item))):
                stack.append((f"{where}/{name}", getattr(item, name)))


def _bad_languages(text: Text) -> list[str]:
    return [lang for lang in text.languages if not BCP47.fullmatch(lang)]


def _is_empty(text: Text) -> bool:
    return any(not value.strip() for value in (text.value, *(t for _, t in text.translations)))


def _bad_text(text: Text) -> bool:
    if text.lang is None and not text.translations:
        return not text.value.strip()
    return bool(_bad_languages(text)) or _is_empty(text)


def _texts_fine(texts: list[Text]) -> bool:
    """Whether none of ``texts`` has a problem; plain texts need only their value checked."""
    plain = [text.value for text in texts if text.lang is None and not text.translations]
    if len(plain) == len(texts):
        return all(map(str.strip, plain))
    return not any(map(_bad_text, texts))


def _task_texts(tasks: tuple[Task, ...]) -> Iterator[list[Any]]:
    """The texts of ``tasks`` field by field (and those of the records they hold), no paths."""
    records = {f.name for f in fields_of(Task, Kind.RECORD)}
    for name in text_fields(Task):
        if name not in records:
            yield [text for text in map(attrgetter(name), tasks) if text is not None]
            continue
        nested = list(chain.from_iterable(map(attrgetter(name), tasks)))
        if nested:  # a task's records (status changes): each text field of theirs at once
            for inner in text_fields(type(nested[0])):
                yield [text for text in map(attrgetter(inner), nested) if text is not None]


def _any_text_problem(agreement: Agreement) -> bool:
    """Whether any text or string needs reporting: one pass over the text fields, no paths."""
    for schedule in agreement.schedules:  # the bulk, field by field, iterated in C
        if has_plain_texts(schedule):  # the fast loader saw each of its task texts
            continue
        for texts in _task_texts(schedule.tasks):
            if all(type(t) is Text for t in texts):
                if not _texts_fine(texts):
                    return True
            elif _has_problem(texts):
                return True
    stack: list[Any] = [
        getattr(agreement, name) for name in text_fields(Agreement) if name != "schedules"
    ]
    stack.extend(schedule.title for schedule in agreement.schedules)
    return _has_problem(stack)


def _has_problem(stack: list[Any]) -> bool:
    is_nfc = unicodedata.is_normalized
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is Text:
            if _bad_text(item):
                return True
        elif kind is str:
            if not is_nfc("NFC", item):
                return True
        elif kind is tuple:
            stack.extend(item)
        elif item is not None and attrs.has(kind):
            stack.extend([getattr(item, name) for name in text_fields(kind)])
    return False


def _texts_by_walk(agreement: Agreement) -> list[tuple[str, str, str]]:
    """(code, path, message) of every text problem, from a walk that builds every path."""
    found: list[tuple[str, str, str]] = []
    for path, value in _values(agreement, ""):
        if isinstance(value, Text):
            found.extend(
                ("bad-language-tag", path, f"language key {lang!r} is not BCP 47")
                for lang in _bad_languages(value)
            )
            if _is_empty(value):
                found.append(("empty-text", path, "the text is empty"))
        elif not unicodedata.is_normalized("NFC", value):
            found.append(("text-not-nfc", path, "the text is not in Unicode NFC"))
    return found


def check_texts(ctx: Context) -> None:
    for lang_index, lang in enumerate(ctx.agreement.languages):
        if not BCP47.fullmatch(lang):
            ctx.add("bad-language-tag", f"/languages/{lang_index}", f"{lang!r} is not BCP 47")
    # Building a path for every string costs more than all other rules together, so a quick
    # scan decides whether the walk that builds them is needed.
    if _any_text_problem(ctx.agreement):
        for code, path, message in _texts_by_walk(ctx.agreement):
            ctx.add(code, path, message)
