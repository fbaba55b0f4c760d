"""``hierarchy-cycle``: no party is its own ancestor through ``parent``."""

from __future__ import annotations

from coordagree._validate._context import Context

__all__ = ["EMITS", "check_hierarchy"]

EMITS = frozenset({"hierarchy-cycle"})


def check_hierarchy(ctx: Context) -> None:
    """Report each cycle of the party hierarchy once."""
    parents = {p.id: p.parent for p in ctx.agreement.parties}
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
                f"/parties/{ctx.tables['party'][node]}/parent",
                f"party {node!r} is its own ancestor: {' → '.join([*ring, node])}",
            )
        for visited in walk:
            state[visited] = 2
