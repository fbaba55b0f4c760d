"""Parties and the people who hold positions at them."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._codelists import (
    PartyKind,
    PartyRole,
)
from coordagree._parties import Membership, Party, Person, Position
from coordagree._period import Period
from coordagree.strategies._base import (
    _COMRADE,
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _check,
    _check_refs,
    _check_sizes,
    _complete,
    _day,
    _detail,
    _extras,
    _first,
    _maybe,
    _memoised,
    _none_or_one_of,
    _one_of,
    _reduced,
    _subsets,
    _text,
)


@st.composite
def _parties(draw: st.DrawFn, count: int) -> tuple[Party, ...]:
    result: list[Party] = []
    for index in range(count):
        others = tuple(p.id for p in result)
        result.append(
            _complete(
                draw,
                Party,
                id=f"party-{index}",
                name=_text(draw),
                short_name=_detail(draw, max_size=8),
                kind=draw(_none_or_one_of(tuple(kind.value for kind in PartyKind))),
                roles=tuple(draw(_subsets(tuple(m.value for m in PartyRole), 0, 2))),
                parent=draw(_none_or_one_of(others)),
                directed_by=draw(_none_or_one_of(others)),
                member_of=draw(_none_or_one_of(others)),
                extensions=_extras(draw),
            )
        )
    return tuple(result)


@_memoised
def parties(*, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[tuple[Party, ...]]:
    """A list of parties with an acyclic hierarchy (a parent always comes earlier).

    Shrinks towards one party with no roles.
    """
    _check(1 <= min_size <= max_size, "need 1 <= min_size <= max_size")
    return st.integers(min_size, max_size).flatmap(_parties)


# Composite strategies are module-level: decorating one costs more than drawing from it.


@st.composite
def _draw_people(
    draw: st.DrawFn, party_ids: tuple[str, ...], window: Period, max_size: int
) -> tuple[Person, ...]:
    found = []
    first = _first(window)
    last = window.end or first
    for index in range(draw(st.integers(0, max_size))):
        positions = tuple(
            _complete(
                draw,
                Position,
                id=f"pos-{k}",
                title=_text(draw),
                body=draw(_one_of(tuple(party_ids))),
                start=draw(_maybe(_reduced(_day(first.subtract(years=5), first)))),
                end=draw(_maybe(_reduced(_day(last, last.add(years=5))))),  # after every event
            )
            for k in range(draw(st.integers(0, 3)))
        )
        found.append(
            _complete(
                draw,
                Person,
                id=f"person-{index}",
                name=_text(draw),
                honorific=draw(_none_or_one_of((_COMRADE,))),
                positions=positions,
            )
        )
    return tuple(found)


@_memoised
def people(
    *,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    window: Period = _DEFAULT_WINDOW,
    min_size: int = 0,
    max_size: int = 3,
) -> st.SearchStrategy[tuple[Person, ...]]:
    """People (``person-0``, ...) holding positions at the given parties.

    Positions start on or before ``window``'s start and never end inside it, so an event in the
    window may cite any of them. Shrinks towards no people.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))

    return _draw_people(party_ids, window, max_size)


@st.composite
def _membership(
    draw: st.DrawFn, party_ids: tuple[str, ...], holders: tuple[tuple[str, str | None], ...]
) -> Membership:
    held_by_person: bool = bool(holders) and draw(st.booleans())
    if held_by_person:
        chosen: tuple[str, str | None] = draw(st.sampled_from(holders))
        return _complete(draw, Membership, person=chosen[0], position=chosen[1], party=None)
    return _complete(draw, Membership, party=draw(st.sampled_from(party_ids)), person=None)


@_memoised
def memberships(
    *,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    holders: tuple[tuple[str, str | None], ...] = (),
    min_size: int = 0,
    max_size: int = 3,
) -> st.SearchStrategy[tuple[Membership, ...]]:
    """Seats on a body: parties from ``party_ids``, or people and their offices (``holders``).

    Roles are such as chair, co-chair and secretariat. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))
    return st.lists(
        _membership(tuple(party_ids), tuple(holders)), min_size=min_size, max_size=max_size
    ).map(tuple)
