"""Termination terms, amendments and related instruments (lineage)."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._period import Period
from coordagree._terms import Amendment, RelatedInstrument, Termination
from coordagree.strategies._base import (
    _DEFAULT_WINDOW,
    _built,
    _check_min,
    _check_sizes,
    _closed,
    _day,
    _first,
    _memoised,
    _reduced,
    durations,
    ids,
    texts,
)


@_memoised
def terminations() -> st.SearchStrategy[Termination]:
    """Termination terms: notice, writing, a minimum term; shrinks towards none set."""
    return _built(
        Termination,
        notice=st.none() | durations(),
        in_writing=st.booleans(),
        minimum_term=st.none() | durations(),
        by_any_party=st.booleans(),
    )


@_memoised
def amendments(
    *, window: Period = _DEFAULT_WINDOW, max_size: int = 2
) -> st.SearchStrategy[tuple[Amendment, ...]]:
    """Amendments (``amendment-0``, ...) dated inside ``window``; shrinks towards none.

    A date may be stated to the day, month or year, marked approximate or uncertain
    (``1997-05~``), or not stated.

    Raises:
        InvalidArgument: ``max_size`` < 0.
    """
    _check_min("max_size", max_size, 0)
    span = _closed(window)
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(
            *(
                _built(
                    Amendment,
                    id=st.just(f"amendment-{i}"),
                    date=st.none() | _reduced(_day(_first(span), span.end or _first(span))),
                    description=texts(),
                )
                for i in range(n)
            )
        )
    )


@_memoised
def related_instruments(
    *, min_size: int = 0, max_size: int = 2
) -> st.SearchStrategy[tuple[RelatedInstrument, ...]]:
    """Instruments an agreement implements, supersedes, accompanies or amends.

    Shrinks towards ``min_size`` of them.

    Raises:
        InvalidArgument: the sizes are out of order.
    """
    _check_sizes("min_size", "max_size", (min_size, max_size))
    return st.lists(
        _built(
            RelatedInstrument,
            url=st.none() | ids("doc").map(lambda doc: f"https://example.gov.vn/{doc}"),
        ),
        min_size=min_size,
        max_size=max_size,
    ).map(tuple)
