"""Money: funding rows (who pays whom how much, for which period), and their totals."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from typing import Literal

import attrs

from coordagree import _fields as kinds
from coordagree._codelists import AmountQualifier, Firmness, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields, to_decimal
from coordagree._period import Period, to_period
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple
from coordagree.errors import InvalidArgumentError

__all__ = ["FundingRow", "funding_totals"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class FundingRow:
    """One row of a funding schedule: "up to $7 million per year, FY 1995 through FY 1998".

    Amounts are decimals (a document writes them as decimal strings, ``"7000000"``), never
    floats, in an ISO 4217 currency.

    Attributes:
        payer: Id of the party that pays.
        payee: Id of the party that receives.
        amount: How much, as a decimal.
        currency: The ISO 4217 currency code (``USD``, ``VND``).
        qualifier: How the amount is stated: exactly, up to, not to exceed, at least, estimated.
        firmness: How firmly it is promised (committed, projected, subject to
            appropriations), where the source says.
        period: The period it is for (a fiscal year, a calendar year, any period).
        purpose: What it pays for.
        sources: Ids of the sources that give it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    payer: str | None = attrs.field(default=None, **kinds.ref("party"))
    payee: str | None = attrs.field(default=None, **kinds.ref("party"))
    amount: decimal.Decimal = attrs.field(converter=to_decimal, **kinds.amount())
    currency: str = attrs.field(**kinds.currency())
    qualifier: AmountQualifier = attrs.field(
        default=AmountQualifier.EXACTLY,
        converter=closed(AmountQualifier),  # type: ignore[misc]
        **kinds.code(AmountQualifier, closed=True),
    )
    firmness: Firmness | None = attrs.field(
        default=None,
        converter=closed(Firmness),  # type: ignore[misc]
        **kinds.code(Firmness, closed=True),
    )
    period: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    purpose: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()


Totals = dict[str, dict[str, decimal.Decimal]]


def funding_totals(
    rows: Iterable[FundingRow], *, by: Literal["period", "payer", "payee"] = "period"
) -> Totals:
    """The sums of funding rows per period (its text) or per party, and per currency.

    Caps ("up to") are summed as stated; filter the rows by `qualifier` or `firmness` first to
    total only what is committed.

    Examples:
        >>> from coordagree import FundingRow, Period
        >>> rows = [
        ...     FundingRow(payer="usfws", amount="7000000", currency="USD",
        ...                qualifier="up-to", period=Period.parse("1995")),
        ...     FundingRow(payer="usgs", amount="250000.50", currency="USD",
        ...                period=Period.parse("1995")),
        ... ]
        >>> funding_totals(rows)
        {'1995': {'USD': Decimal('7250000.50')}}
    """
    if by not in ("period", "payer", "payee"):
        raise InvalidArgumentError(
            f"'by' must be 'period', 'payer' or 'payee' (got {by!r})", argument="by"
        )
    totals: Totals = {}
    for row in to_tuple(rows):
        if by == "period":
            key = str(row.period) if row.period is not None else "(no period)"
        else:
            key = getattr(row, by) or "(not stated)"
        per_currency = totals.setdefault(key, {})
        per_currency[row.currency] = per_currency.get(row.currency, decimal.Decimal(0)) + row.amount
    return totals
