"""What every rule reads: the agreement, its tables of ids, and the findings so far.

The tables come from the declarations: every `Kind.RECORD` field with a ``table`` makes one
(`Agreement.parties` the ``party`` table, `TaskSchedule.tasks` the ``task`` table), and a
table that a reference names ``within`` another record (a participant's ``positions``, within
its ``person``) is kept per holder. An id given twice in one table is ``duplicate-id``.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from coordagree._agreement import Agreement
from coordagree._fields import Kind, fields_of, kind_of, record_classes
from coordagree._rules import RULES
from coordagree.errors import Finding

__all__ = ["EMITS", "Context", "index"]

EMITS = frozenset({"duplicate-id"})


@attrs.define
class Context:
    """One validation: the agreement, its id tables, the findings."""

    agreement: Agreement
    tables: dict[str, dict[str, int]] = attrs.Factory(dict)
    scoped: dict[str, dict[tuple[str, str], Any]] = attrs.Factory(dict)
    findings: list[Finding] = attrs.Factory(list)

    def add(self, code: str, path: str, message: str, hint: str | None = None) -> None:
        """Record a finding of ``code`` at ``path``."""
        self.findings.append(
            Finding(code=code, severity=RULES[code].severity, path=path, message=message, hint=hint)
        )

    def table(self, name: str) -> dict[str, int]:
        """The ids of table ``name`` (each with its index where it is a top-level list)."""
        return self.tables.setdefault(name, {})


@functools.cache
def _scoped_tables() -> dict[str, str]:
    """Table -> the field whose referent holds it, from every reference declared ``within``."""
    found: dict[str, str] = {}
    for cls in record_classes(Agreement):
        for field in fields_of(cls, Kind.REF):
            kind = kind_of(field)
            if kind.within is not None and kind.target is not None:
                found[kind.target] = kind.within
    return found


@functools.cache
def _holders() -> list[tuple[type, attrs.Attribute[Any]]]:
    """Every (class, field) of a record list that forms a table, outside the agreement."""
    return [
        (cls, field)
        for cls in record_classes(Agreement)
        if cls is not Agreement
        for field in fields_of(cls, Kind.RECORD)
        if kind_of(field).table is not None
    ]


def index(ctx: Context) -> None:
    """Index ids once, reporting duplicates on the way."""
    a = ctx.agreement
    scoped = _scoped_tables()
    ctx.table("agreement")[a.id] = 0  # for references to the agreement itself

    def unique(kind: str, base: str, records: Any, table: dict[str, int], owner: str = "") -> None:
        for i, record in enumerate(records):
            if record.id in table:
                ctx.add(
                    "duplicate-id",
                    f"{base}/{i}/id",
                    f"{kind} id {record.id!r} is used twice{owner}",
                )
            else:
                table[record.id] = i

    for field in fields_of(Agreement, Kind.RECORD):
        name = kind_of(field).table
        if name is not None:
            unique(name, f"/{field.name}", getattr(a, field.name), ctx.table(name))
    for holder_cls, field in _holders():
        name = kind_of(field).table
        assert name is not None
        holders = [
            r
            for f in fields_of(Agreement, Kind.RECORD)
            if kind_of(f).record is holder_cls
            for r in _each(a, f)
        ]
        paths = [
            p
            for f in fields_of(Agreement, Kind.RECORD)
            if kind_of(f).record is holder_cls
            for p in _paths(a, f)
        ]
        if name in scoped:
            held = ctx.scoped.setdefault(name, {})
            for path, holder in zip(paths, holders, strict=True):
                seen: dict[str, int] = {}
                unique(
                    name,
                    f"{path}/{field.name}",
                    getattr(holder, field.name),
                    seen,
                    f" for {holder.id!r}",
                )
                for record in getattr(holder, field.name):
                    held.setdefault((holder.id, record.id), record)
            continue
        ids = [record.id for holder in holders for record in getattr(holder, field.name)]
        table = ctx.table(name)
        if len(set(ids)) == len(ids):  # the common case, without paths
            table.update(dict.fromkeys(ids, 0))
            continue
        for path, holder in zip(paths, holders, strict=True):
            unique(name, f"{path}/{field.name}", getattr(holder, field.name), table)


def _each(agreement: Agreement, field: attrs.Attribute[Any]) -> list[Any]:
    value = getattr(agreement, field.name)
    return list(value) if kind_of(field).many else ([] if value is None else [value])


def _paths(agreement: Agreement, field: attrs.Attribute[Any]) -> list[str]:
    value = getattr(agreement, field.name)
    if kind_of(field).many:
        return [f"/{field.name}/{i}" for i in range(len(value))]
    return [] if value is None else [f"/{field.name}"]
