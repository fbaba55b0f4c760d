"""CSV for spreadsheets: occurrences (one row an occurrence) or funding rows (one row a row)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

import pendulum

from coordagree._agenda import Occurrence, occurrences
from coordagree._agreement import Agreement
from coordagree._money import FundingRow
from coordagree._period import Period
from coordagree.errors import InvalidArgumentError

__all__ = ["to_csv"]

_COLUMNS = ["kind", "item", "title", "date", "window", "owners", "index", "schedule", "status"]
_COLUMNS += ["rule"]
_FUNDING = ["payer", "payee", "amount", "currency", "qualifier", "firmness", "period", "start"]
_FUNDING += ["end", "as_written"]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula (OWASP)
_BREAKS = re.compile("\r\n?")


def _cell(value: object) -> object:
    """A text cell no spreadsheet runs as a formula, whose line breaks stay in the cell.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is led by an
    apostrophe, as OWASP advises; carriage returns become newlines, which the writer quotes
    (a lone CR would start a new row in most readers).
    """
    if not isinstance(value, str) or not value:
        return value
    text = _BREAKS.sub("\n", value)
    return "'" + text if value.startswith(_FORMULA) else text


class _Writer:
    """csv.writer whose text cells are made safe by `_cell`."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: list[Any]) -> None:
        self._writer.writerow([_cell(value) for value in row])


def to_csv(
    found: Agreement | Iterable[Occurrence] | Iterable[FundingRow],
    *,
    window: Period | None = None,
) -> str:
    """Occurrences, or funding rows, as CSV for spreadsheets: a header row, then one row each.

    Takes what the other exports take, an agreement (its occurrences within ``window``, by
    default its own period, which must then have an end), or the occurrences or funding rows
    already chosen (`occurrences`, `due`, `Agreement.funding`).

    Amounts are written exactly as their decimals (``7000000``), never as floats. A funding
    row's period is written as stated (``FY1995``) and as its first and last days. An
    occurrence's rule is the RRULE it comes from, for an item with several. A text cell that a
    spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+``, ``-``, ``@``) is led by an
    apostrophe, and carriage returns in text are written as newlines, inside quotes.

    Raises:
        InvalidArgumentError: an agreement whose period is open-ended, with no ``window``; or
            a ``window`` with occurrences or funding rows, which are chosen already.
    """
    if isinstance(found, Agreement):
        found = occurrences(found, _window(found, window))
    elif window is not None:
        raise InvalidArgumentError(
            "'window' chooses an agreement's occurrences; these are chosen already",
            argument="window",
        )
    items: list[Any] = list(found)
    out = io.StringIO()
    writer = _Writer(out)
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


def _window(agreement: Agreement, window: Period | None) -> Period:
    chosen = agreement.period if window is None else window
    if chosen is None or chosen.start is None or chosen.end is None:
        raise InvalidArgumentError(
            f"{agreement.id!r} has no period with an end ({chosen}): pass a window, "
            "e.g. to_csv(agreement, window=Period.parse('2026'))",
            argument="window",
        )
    return chosen


def _day(day: pendulum.Date | None) -> str:
    return "" if day is None else day.isoformat()
