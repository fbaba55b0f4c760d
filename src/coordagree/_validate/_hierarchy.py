"""``hierarchy-cycle``: no record is its own ancestor through a field declared a hierarchy."""

from __future__ import annotations

from typing import Any

import attrs

from coordagree._agreement import Agreement
from coordagree._fields import Kind, fields_of, kind_of
from coordagree._validate._context import Context

__all__ = ["EMITS", "check_hierarchy"]

EMITS = frozenset({"hierarchy-cycle"})


def _links(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of ``cls`` that link its records into a hierarchy (declared so)."""
    return tuple(f for f in fields_of(cls, Kind.REF) if kind_of(f).hierarchy)


def check_hierarchy(ctx: Context) -> None:
    """Report each cycle of each hierarchy once.

    Every field declared a hierarchy is checked: parties through ``parent``, ``directed_by`` and
    ``member_of``, commitments through ``parent``.
    """
    a = ctx.agreement
    for holder in fields_of(Agreement, Kind.RECORD):
        kind = kind_of(holder)
        if kind.record is None or kind.table is None:
            continue
        records = getattr(a, holder.name)
        index = ctx.tables.get(kind.table, {})
        for link in _links(kind.record):
            _cycles(ctx, holder.name, kind.table, link.name, records, index)


def _cycles(
    ctx: Context, list_name: str, table: str, link: str, records: Any, index: dict[str, int]
) -> None:
    parents = {r.id: getattr(r, link) for r in records}
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    for start in parents:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node in parents and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = parents[node]
        if node is not None and state.get(node) == 1:
            ring = walk[walk.index(node) :]
            ctx.add(
                "hierarchy-cycle",
                f"/{list_name}/{index[node]}/{link}",
                f"{table} {node!r} is its own ancestor through {link!r}: "
                f"{' → '.join([*ring, node])}",
            )
        for visited in walk:
            state[visited] = 2
