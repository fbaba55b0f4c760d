"""Running generated source, registered with `linecache` as cattrs does (``gen/_lc.py``).

The fast readers and writers are generated from the field kinds; registering their source
under a unique name makes tracebacks through them show the generated lines.
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["run_generated"]

_SERIAL = itertools.count()


def run_generated(source: str, label: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """Execute ``source`` in ``namespace`` under a file name of its own; returns the namespace."""
    filename = f"<coordagree generated {label} {next(_SERIAL)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace
