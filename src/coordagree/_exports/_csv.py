"""CSV of occurrences: one row an occurrence, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from coordagree._agenda import Occurrence
from coordagree._period import Period

__all__ = ["to_csv"]

_COLUMNS = ["kind", "item", "title", "date", "window", "owners", "index", "schedule", "status"]


def to_csv(found: Iterable[Occurrence]) -> str:
    """Occurrences as CSV for spreadsheets, one row each, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for o in found:
        writer.writerow(
            [
                o.kind,
                o.item,
                o.title.value,
                o.date.isoformat() if o.date else "",
                str(o.window) if isinstance(o.window, Period) else "",
                " ".join(o.owners),
                o.index,
                o.schedule or "",
                o.status.value if o.status else "",
            ]
        )
    return out.getvalue()
