"""Pausing Python's cyclic garbage collector while building or writing many objects."""

from __future__ import annotations

import gc
from types import TracebackType

__all__ = ["collector_paused"]


class collector_paused:  # noqa: N801 - used like a function: `with collector_paused():`
    """Pause the cyclic garbage collector for a block, and restore it however the block ends.

    Loading, dumping or scheduling a large agreement makes hundreds of thousands of objects and
    no reference cycles; each collection on the way would walk all of them (and everything else
    the program holds), so the work would grow faster than the agreement. The new objects are
    examined once, by the program's next collection of the young generation.

    A class rather than a generator-based context manager: leaving a generator allocates once
    the collector is back on, which would start that collection at once, inside the block's
    caller. A collector the caller had paused stays paused.
    """

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._enabled:
            gc.enable()
