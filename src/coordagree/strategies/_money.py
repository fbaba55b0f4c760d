"""Funding rows: who pays whom how much, for which period."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._money import FundingRow
from coordagree._period import Period
from coordagree.strategies._base import (
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _built,
    _check,
    _check_refs,
    _check_sizes,
    _closed,
    _memoised,
)


@_memoised
def funding_rows(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    min_size: int = 0,
    max_size: int = 3,
    fiscal_year_start: int | None = None,
) -> st.SearchStrategy[tuple[FundingRow, ...]]:
    """Funding rows between ``party_ids``, one year of ``window`` each.

    With ``fiscal_year_start``, the years are fiscal years (``FY2024``) starting in that month.

    Amounts are decimals in a few currencies, with qualifiers and firmness. Shrinks towards
    none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))
    _check(
        fiscal_year_start is None or 1 <= fiscal_year_start <= 12,
        "'fiscal_year_start' must be a month from 1 to 12",
    )
    span = _closed(window)
    years = (
        span.split("year")
        if fiscal_year_start is None
        else span.split("fiscal-year", fiscal_year_start=fiscal_year_start)
    )
    return st.lists(
        _built(FundingRow, {"party": tuple(party_ids)}, period=st.sampled_from(years)),
        min_size=min_size,
        max_size=max_size,
    ).map(tuple)
