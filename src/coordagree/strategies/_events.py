"""Reviews, events with their participants, and signatures."""

from __future__ import annotations

import pendulum
from hypothesis import strategies as st

from coordagree._codelists import (
    EventKind,
    ParticipantRole,
    PartOfDay,
    ReviewKind,
)
from coordagree._events import Event, Participant, Signature
from coordagree._partial_date import PartialDate
from coordagree._parties import Person
from coordagree._period import Period
from coordagree._reviews import Review
from coordagree.strategies._base import (
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _as_written,
    _check_min,
    _check_refs,
    _closed,
    _code,
    _complete,
    _day,
    _detail,
    _details,
    _first,
    _maybe,
    _memoised,
    _none_or_one_of,
    _reduced,
    _rules,
    _subsets,
    _within,
)


@st.composite
def _draw_reviews(
    draw: st.DrawFn,
    party_ids: tuple[str, ...],
    span: Period,
    max_size: int,
    produced_ids: tuple[str, ...],
) -> tuple[Review, ...]:
    found = []
    for index in range(draw(st.integers(0, max_size))):
        rules = _rules(draw, 2)
        hosts = tuple(draw(_subsets(tuple(party_ids), 0, 2)))
        rotation = hosts if rules and len(hosts) > 1 and draw(st.booleans()) else ()
        covers = _within(draw, span) if _details() and draw(st.booleans()) else None
        held = None
        if covers is not None and draw(st.booleans()):
            assert covers.start is not None
            last = (covers.end or covers.start).add(years=1)
            held = draw(_reduced(_day(covers.start, last)))
        found.append(
            _complete(
                draw,
                Review,
                {"amendment|schedule": produced_ids},
                id=f"review-{index}",
                covers=covers,
                held=held,
                periodic=not rules and draw(st.booleans()),
                kind=draw(st.sampled_from(list(ReviewKind))),
                title=_detail(draw),
                due=(_within(draw, span) if draw(st.booleans()) else None),
                recurrence=rules,
                hosts=hosts,
                rotation=rotation,
            )
        )
    return tuple(found)


@st.composite
def _draw_events(
    draw: st.DrawFn,
    span: Period,
    party_ids: tuple[str, ...],
    people: tuple[Person, ...],
    timezone: str,
    max_size: int,
) -> tuple[Event, ...]:
    found = []
    for index in range(draw(st.integers(0, max_size))):
        participants = []
        chosen = (
            draw(st.lists(st.sampled_from(people), max_size=2, unique_by=lambda p: p.id))
            if people
            else []
        )
        for person in chosen:
            cited = (
                draw(
                    st.lists(
                        st.sampled_from([p.id for p in person.positions]),
                        max_size=2,
                        unique=True,
                    )
                )
                if person.positions
                else []
            )
            participants.append(
                _complete(
                    draw,
                    Participant,
                    person=person.id,
                    role=draw(_code(ParticipantRole)),
                    positions=tuple(cited),
                    party=draw(_none_or_one_of(tuple(party_ids))),
                )
            )
        assert span.start is not None
        day = draw(_day(span.start, span.end or span.start))
        date = draw(_reduced(st.just(day)) | st.none()) if _details() else PartialDate.of_date(day)
        minute = None if date is None else draw(_maybe(st.integers(0, 24 * 60 - 1)))
        start = (
            None
            if minute is None
            else pendulum.datetime(
                day.year, day.month, day.day, minute // 60, minute % 60, tz=timezone
            )
        )
        found.append(
            _complete(
                draw,
                Event,
                id=f"event-{index}",
                kind=draw(_code(EventKind)),
                date=date,
                title=_detail(draw),
                start=start,
                part_of_day=draw(_none_or_one_of(tuple(PartOfDay))),
                date_as_written=_as_written(draw),
                place=_detail(draw),
                organiser=draw(_none_or_one_of(tuple(party_ids))),
                participants=tuple(participants),
                summary=_detail(draw),
            )
        )
    return tuple(found)


@_memoised
def reviews(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    max_size: int = 2,
    produced_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[tuple[Review, ...]]:
    """Interim and final reviews (``review-0``, ...) due inside ``window``.

    A review is due on a day or in a window, or recurs by one or two rules, or is periodic
    with no rule stated; recurring reviews may rotate between hosts, in an order stated or
    not. A review may cover a part of ``window`` and have been held then or up to a year
    later (at day, month or year precision), and may name what it produced among
    ``produced_ids`` (amendment and schedule ids). Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_reviews(party_ids, span, max_size, tuple(produced_ids))


@_memoised
def events(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    people: tuple[Person, ...] = (),
    timezone: str = "UTC",
    max_size: int = 2,
) -> st.SearchStrategy[tuple[Event, ...]]:
    """Events (``event-0``, ...) on days inside ``window``, with participants from ``people``.

    Participants cite positions their person holds; an exact start, when drawn, falls on the
    event's date in ``timezone``. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty or ``max_size`` < 0.
    """
    _check_refs(party_ids)
    _check_min("max_size", max_size, 0)
    span = _closed(window)

    return _draw_events(span, party_ids, people, timezone, max_size)


@st.composite
def _signature(
    draw: st.DrawFn,
    party: str,
    window: Period,
    holders: tuple[tuple[str, str | None], ...],
    event_ids: tuple[str, ...],
) -> Signature:
    person: str | None = None
    position: str | None = None
    signed_by_someone: bool = bool(holders) and draw(st.booleans())
    if signed_by_someone:
        chosen: tuple[str, str | None] = draw(st.sampled_from(holders))
        person = chosen[0]
        position = chosen[1] if draw(st.booleans()) else None
    return _complete(
        draw,
        Signature,
        {"event": event_ids},
        party=party,
        person=person,
        position=position,
        date=draw(st.none() | _reduced(_day(_first(window).subtract(days=60), _first(window)))),
    )


@_memoised
def signatures(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    holders: tuple[tuple[str, str | None], ...] = (),
    event_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[tuple[Signature, ...]]:
    """Signatures by distinct parties, dated up to 60 days before ``window`` starts.

    Each may name a signer from ``holders`` (pairs of a person id and one of their position
    ids, or None), and one of ``event_ids`` as the event at which it was signed. Acts (signed,
    noted...) and parties signed for are drawn too. Shrinks towards none.

    Raises:
        InvalidArgument: ``party_ids`` is empty.
    """
    _check_refs(party_ids)
    return _subsets(tuple(party_ids), 0, 3).flatmap(
        lambda chosen: st.tuples(
            *(_signature(party, window, tuple(holders), tuple(event_ids)) for party in chosen)
        )
    )
