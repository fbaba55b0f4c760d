"""Objectives and commitments."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._codelists import (
    Modality,
    ResponsibilityRole,
)
from coordagree._commitments import Commitment, Objective, Responsibility
from coordagree._period import Period
from coordagree.strategies._base import (
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _built,
    _check_min,
    _check_refs,
    _closed,
    _complete,
    _day,
    _detail,
    _extras,
    _memoised,
    _none_or_one_of,
    _optional,
    _subsets,
    _text,
    texts,
)


@st.composite
def _draw_commitments(
    draw: st.DrawFn,
    party_ids: tuple[str, ...],
    objective_ids: tuple[str, ...],
    span: Period,
    max_size: int,
) -> tuple[Commitment, ...]:
    numbered = draw(st.booleans())
    count = draw(st.integers(0, max_size))
    # With two or more, the last may be a sub-item of the first ("1.A" under "1").
    nested = count >= 2 and draw(st.booleans())

    def number(i: int) -> str | None:
        if not numbered:
            return None
        return "1.A" if nested and i == count - 1 else str(i + 1)

    return tuple(
        _complete(
            draw,
            Commitment,
            id=f"commitment-{i}",
            title=_text(draw),
            number=number(i),
            parent="commitment-0" if nested and i == count - 1 else None,
            description=_detail(draw),
            modality=draw(st.sampled_from(list(Modality))),
            binding=draw(_none_or_one_of((False, True))),
            responsible=tuple(
                _complete(
                    draw,
                    Responsibility,
                    party=party,
                    role=draw(st.sampled_from(list(ResponsibilityRole))),
                )
                for party in draw(_subsets(tuple(party_ids), 1, 3))
            ),
            objectives=tuple(draw(_subsets(objective_ids, 0, 2))) if objective_ids else (),
            effective=_optional(draw, _day(span.start, span.end or span.start)),
            extensions=_extras(draw),
        )
        for i in range(count)
    )


@_memoised
def objectives(*, max_size: int = 3) -> st.SearchStrategy[tuple[Objective, ...]]:
    """Objectives (``objective-0``, ...); shrinks towards none.

    Raises:
        InvalidArgument: ``max_size`` < 0.
    """
    _check_min("max_size", max_size, 0)
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(
            *(_built(Objective, id=st.just(f"objective-{i}"), text=texts()) for i in range(n))
        )
    )


@_memoised
def commitments(
    *,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    objective_ids: tuple[str, ...] = (),
    window: Period = _DEFAULT_WINDOW,
    max_size: int = 4,
) -> st.SearchStrategy[tuple[Commitment, ...]]:
    """Commitments (``commitment-0``, ...), each with at least one responsible party.

    Either all are numbered 1, 2, 3, ... or none is; modality, binding-ness and an effective day
    inside ``window`` vary. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_commitments(party_ids, objective_ids, span, max_size)
