"""Sources, and the numbers and other names that records carry as sources give them."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._codelists import IdentifierScheme, NameKind
from coordagree._sources import Identifier, OtherName, Source
from coordagree.strategies._base import _NESTED, _built, _check_min, _memoised, ids

_NUMBERS = (
    "01/QCPH/UBND-UBMTTQ",
    "19/2008/NQLT/CP-UBTUMTTQVN",
    "19/2008/NQLT/CP-UBMTTQVN",
    "90/QCPH-VKS-TA",
    "MOU 225-16-020",
    "COMDTINST 16796.9",
)


@_memoised
def identifiers() -> st.SearchStrategy[Identifier]:
    """Numbers as sources write them: Vietnamese văn bản numbers, US MOU numbers.

    Each has a scheme or none; shrinks towards the first number with no scheme.
    """
    return _built(Identifier, value=st.sampled_from(_NUMBERS))


@_memoised
def other_names() -> st.SearchStrategy[OtherName]:
    """Other names: short forms, former names, spelling variants."""
    return _built(OtherName)


@_memoised
def sources(*, max_size: int = 3) -> st.SearchStrategy[tuple[Source, ...]]:
    """Sources (``source-0``, ...): texts, news reports, notices, indexes.

    Publication dates come at any precision. Shrinks towards none.

    Raises:
        InvalidArgument: ``max_size`` < 0.
    """
    _check_min("max_size", max_size, 0)
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(
            *(
                _built(
                    Source,
                    id=st.just(f"source-{i}"),
                    url=st.none() | ids("page").map(lambda page: f"https://example.gov.vn/{page}"),
                )
                for i in range(n)
            )
        )
    )


_NESTED[Identifier] = identifiers
_NESTED[OtherName] = other_names
del IdentifierScheme, NameKind
