"""Colour for a person at a terminal: severities and OVERDUE stand out, and nothing else.

click writes colour only to a terminal and strips it from pipes and files. ``NO_COLOR``
(https://no-color.org) turns it off everywhere; ``FORCE_COLOR`` turns it on for a pipe (a
CI log that shows colour, or a test). Styles are added around words the command chose,
after the document's text has been made safe (`coordagree.cli._escape`), so a document can
never bring its own.
"""

from __future__ import annotations

import os
from typing import Any

import click

__all__ = ["echo", "paint"]

_STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "cyan"},
    "OVERDUE": {"fg": "red", "bold": True},
}


def _wanted() -> bool | None:
    """False under NO_COLOR, True under FORCE_COLOR, else None: click asks the terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


def paint(word: str, *, padded: int = 0) -> str:
    """``word`` in its style (a severity, or ``OVERDUE``), padded to ``padded`` columns first."""
    style = _STYLES.get(word.strip())
    text = word.ljust(padded)
    return text if style is None else click.style(text, **style)


def echo(line: str) -> None:
    """One line to standard output, coloured as `_wanted` says."""
    click.echo(line, color=_wanted())
