"""Exports a person can look at: iCalendar, Mermaid Gantt charts, CSV of occurrences.

One module a format: `_ics`, `_mermaid`, `_csv`.
"""

from coordagree._exports._csv import to_csv
from coordagree._exports._ics import to_ics
from coordagree._exports._mermaid import to_mermaid

__all__ = ["to_csv", "to_ics", "to_mermaid"]
