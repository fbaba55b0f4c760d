"""The ``coordagree`` script's entry point: the command line, or why it cannot start.

The command line needs the ``cli`` extra (click and rich); without it, the script says so in
one line and exits 2 instead of printing a ``ModuleNotFoundError`` traceback.
"""

from __future__ import annotations

import importlib.util
import sys

__all__ = ["main"]

_NEEDED = ("click", "rich")


def main() -> None:
    """Run the command line, or explain which extra it needs."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"coordagree: the command line needs {' and '.join(missing)}: "
            "pip install 'coordagree[cli]'",
            file=sys.stderr,
        )
        sys.exit(2)
    from coordagree.cli import main as run

    run()
