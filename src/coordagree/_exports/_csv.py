"""CSV for spreadsheets: occurrences (one row an occurrence) or funding rows (one row a row)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import pendulum

from coordagree._agenda import Occurrence
from coordagree._money import FundingRow
from coordagree._period import Period

__all__ = ["to_csv"]

_COLUMNS = ["kind", "item", "title", "date", "window", "owners", "index", "schedule", "status"]
_COLUMNS += ["rule"]
_FUNDING = ["payer", "payee", "amount", "currency", "qualifier", "firmness", "period", "start"]
_FUNDING += ["end", "as_written"]


def to_csv(found: Iterable[Occurrence] | Iterable[FundingRow]) -> str:
    """Occurrences, or funding rows, as CSV for spreadsheets: a header row, then one row each.

    Amounts are written exactly as their decimals (``7000000``), never as floats. A funding
    row's period is written as stated (``FY1995``) and as its first and last days. An
    occurrence's rule is the RRULE it comes from, for an item with several.
    """
    items: list[Any] = list(found)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if items and isinstance(items[0], FundingRow):
        writer.writerow(_FUNDING)
        for row in items:
            period = row.period
            writer.writerow(
                [
                    row.payer or "",
                    row.payee or "",
                    str(row.amount),
                    row.currency,
                    row.qualifier.value,
                    row.firmness.value if row.firmness else "",
                    str(period) if period else "",
                    _day(period.start) if period else "",  # days, for a spreadsheet to sort
                    _day(period.end) if period else "",
                    (period.as_written or "") if period else "",
                ]
            )
        return out.getvalue()
    writer.writerow(_COLUMNS)
    for o in items:
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
                o.rule.rule if o.rule else "",
            ]
        )
    return out.getvalue()


def _day(day: pendulum.Date | None) -> str:
    return "" if day is None else day.isoformat()
