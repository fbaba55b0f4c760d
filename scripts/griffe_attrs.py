"""A Griffe extension: the constructors attrs generates, shown in the API reference.

Griffe reads the source, where an attrs class has no ``__init__`` (attrs writes it when the
class is made), so mkdocstrings showed no constructor for any model class. This extension
imports each class Griffe found and, where ``attrs.has`` says it is an attrs class, gives it
the ``__init__`` attrs made: each field's alias, keyword-only or not, its default, and the
type the constructor takes (the converter's, where it is typed: ``due: Period | str | date |
None``), else the field's declared type. `mkdocs.yml` loads it; a docs test reads the result.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from typing import Any

import attrs
import griffe

__all__ = ["AttrsConstructors"]


def _default(field: attrs.Attribute[Any]) -> str | None:
    default = field.default
    if default is attrs.NOTHING:
        return None
    factory = getattr(default, "factory", None)  # an attrs.Factory
    if factory is not None:
        return f"{getattr(factory, '__name__', 'factory')}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


_TUPLE = re.compile(r"tuple\[(.+), \.\.\.\]")
_PRIVATE = re.compile(r"\bcoordagree\.(?:_\w+\.)+")


def _spelled(annotation: object) -> str:
    """An annotation as a reader writes it: ``Recurrence``, not ``coordagree._recurrence...``."""
    text = annotation.__qualname__ if isinstance(annotation, type) else str(annotation)
    return _PRIVATE.sub("", text).replace("_dt.", "datetime.")


def _annotation(field: attrs.Attribute[Any], taken: inspect.Parameter | None) -> str | None:
    """What the constructor takes: the converter's type where it has one, else the field's."""
    declared = None if field.type is None else _spelled(field.type)
    if taken is None or taken.annotation in (inspect.Parameter.empty, "Any"):
        return declared
    accepted = _spelled(taken.annotation)
    tupled = _TUPLE.fullmatch(declared or "")
    if accepted == "Iterable[Any] | None" and tupled:  # `to_tuple`: any iterable of the items
        return f"Iterable[{tupled.group(1)}]"
    return accepted


def _constructor(node: griffe.Class, runtime: type) -> griffe.Function:
    taken = inspect.signature(runtime.__init__).parameters  # type: ignore[misc]
    parameters = [
        griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword),
    ]
    for field in attrs.fields(runtime):
        if not field.init:
            continue
        name = field.alias or field.name
        parameters.append(
            griffe.Parameter(
                name,
                annotation=_annotation(field, taken.get(name)),
                kind=griffe.ParameterKind.keyword_only
                if field.kw_only
                else griffe.ParameterKind.positional_or_keyword,
                default=_default(field),
            )
        )
    return griffe.Function(
        "__init__",
        lineno=0,
        endlineno=0,
        parent=node,
        parameters=griffe.Parameters(*parameters),
        returns="None",
    )


def _runtime(node: griffe.Class) -> Any:
    try:
        return getattr(importlib.import_module(node.module.path), node.name)
    except (ImportError, AttributeError):  # a class made in a function, or not importable
        return None


def _walk(node: griffe.Module | griffe.Class, seen: set[str]) -> None:
    if node.path in seen:
        return
    seen.add(node.path)
    if isinstance(node, griffe.Class) and "__init__" not in node.members:
        runtime = _runtime(node)
        if isinstance(runtime, type) and attrs.has(runtime):
            node.set_member("__init__", _constructor(node, runtime))
    for member in list(node.members.values()):
        if not member.is_alias and (member.is_module or member.is_class):
            _walk(member, seen)  # type: ignore[arg-type]


class AttrsConstructors(griffe.Extension):
    """Give every attrs class Griffe loads the constructor attrs generated for it."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Walk the loaded package once it is whole."""
        _walk(pkg, set())
