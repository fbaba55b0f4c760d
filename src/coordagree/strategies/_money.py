"""Funding rows: who pays whom how much, for which period."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._money import FundingRow
from coordagree._period import Period
from coordagree.strategies._base import (
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _built,
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
) -> st.SearchStrategy[tuple[FundingRow, ...]]:
    """Funding rows between ``party_ids``, one year of ``window`` each.

    Amounts are decimals in a few currencies, with qualifiers and firmness. Shrinks towards
    none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))
    years = _closed(window).split("year")
    return st.lists(
        _built(FundingRow, {"party": tuple(party_ids)}, period=st.sampled_from(years)),
        min_size=min_size,
        max_size=max_size,
    ).map(tuple)
