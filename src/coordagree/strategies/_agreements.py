"""Whole agreements, drawn with swarm testing."""

from __future__ import annotations

import contextlib
import functools

import attrs
import pendulum
from hypothesis import strategies as st

from coordagree._agreement import Agreement
from coordagree._codelists import (
    AgreementKind,
)
from coordagree._date_context import fiscal_year_of
from coordagree._duration import Duration
from coordagree._partial_date import PartialDate
from coordagree.strategies._base import (
    _FEATURES,
    _LANGUAGES,
    _T,
    _as_written,
    _check,
    _check_min,
    _check_sizes,
    _citing,
    _closed,
    _code,
    _complete,
    _day,
    _detail,
    _extras,
    _first,
    _fiscal,
    _maybe,
    _optional,
    _reduced,
    _subsets,
    _Swarm,
    _swarm,
    _text,
    _using,
    ids,
    periods,
)
from coordagree.strategies._commitments import commitments, objectives
from coordagree.strategies._events import events, reviews, signatures
from coordagree.strategies._instruments import (
    amendments,
    related_instruments,
    terminations,
)
from coordagree.strategies._money import funding_rows
from coordagree.strategies._parties import memberships, parties, people
from coordagree.strategies._sources import sources
from coordagree.strategies._tasks import schedules


@functools.cache
def _feature_flags() -> st.SearchStrategy[int]:
    """One bit per feature, drawn as one choice; shrinks towards none (0)."""
    return st.integers(0, 2 ** len(_FEATURES) - 1)


def _uses(draw: st.DrawFn, feature: str, strategy: st.SearchStrategy[_T], empty: _T) -> _T:
    """A part of the agreement, drawn only when the example uses ``feature``."""
    return draw(strategy) if feature in _swarm().enabled else empty


@st.composite
def _agreement(
    draw: st.DrawFn,
    max_parties: int,
    max_tasks: int,
    min_tasks: int,
    languages: tuple[str, ...],
    open_ended: bool,
) -> Agreement:
    flags = draw(_feature_flags())
    enabled = frozenset(feature for bit, feature in enumerate(_FEATURES) if flags >> bit & 1)
    with _using(_Swarm(enabled, languages)), contextlib.ExitStack() as citing:
        sources_drawn = _uses(draw, "instruments", sources(), ())
        citing.enter_context(_citing({"source": tuple(s.id for s in sources_drawn)}))
        fiscal = draw(st.sampled_from([None, None, 10, 7, 4, 1]))
        citing.enter_context(_fiscal(fiscal))
        period = draw(
            periods(min_year=2023, max_year=2030, open_ended=open_ended, fiscal_year_start=fiscal)
        )
        if draw(st.booleans()):
            period = attrs.evolve(period, as_written=_as_written(draw))
        party_list = draw(parties(min_size=2, max_size=max_parties))
        party_ids = tuple(p.id for p in party_list)
        citing.enter_context(_citing({"party": party_ids}))
        timezone = draw(st.sampled_from(["Asia/Ho_Chi_Minh", "UTC", "Asia/Bangkok"]))
        span = _closed(period)
        # people take part in events: one feature for both
        people_drawn = _uses(draw, "events", people(party_ids=party_ids, window=span), ())
        objectives_drawn = _uses(draw, "commitments", objectives(), ())
        commitments_drawn = _uses(
            draw,
            "commitments",
            commitments(
                party_ids=party_ids,
                objective_ids=tuple(o.id for o in objectives_drawn),
                window=span,
            ),
            (),
        )
        events_drawn = _uses(
            draw,
            "events",
            events(window=span, party_ids=party_ids, people=people_drawn, timezone=timezone),
            (),
        )
        agreement_id = draw(ids("agreement"))
        holders = tuple(
            (person.id, position.id if position else None)
            for person in people_drawn
            for position in (*person.positions, None)
        )
        signatures_drawn = _uses(
            draw,
            "events",
            signatures(
                window=span,
                party_ids=party_ids,
                holders=holders,
                event_ids=tuple(e.id for e in events_drawn),
            ),
            (),
        )
        event_dates = {event.id: event.date for event in events_drawn}
        signatures_drawn = tuple(  # signed at an event: on its day
            attrs.evolve(s, date=event_dates[s.event]) if s.event is not None else s
            for s in signatures_drawn
        )
        amendments_drawn = _uses(draw, "instruments", amendments(window=span), ())
        signed = [s.date.first_day for s in signatures_drawn if s.date is not None]
        amendments_drawn = tuple(  # never before the first signature
            attrs.evolve(a, date=None)
            if a.date is not None and signed and a.date.surely_before(min(signed))
            else a
            for a in amendments_drawn
        )
        schedules_drawn = draw(
            schedules(
                window=period,
                party_ids=party_ids,
                commitment_ids=tuple(c.id for c in commitments_drawn),
                min_tasks=min_tasks,
                max_tasks=max_tasks,
            )
        )
        termination = _uses(draw, "instruments", _maybe(terminations()), None)
        if termination is not None and termination.minimum_term is not None and period.end:
            start = _first(period)
            if termination.minimum_term.after(start).subtract(days=1) > period.end:
                days = (period.end - start).in_days() + 1  # the whole period, at least
                termination = attrs.evolve(termination, minimum_term=Duration(days=days))
        if "events" in enabled and len(party_list) > 2 and draw(st.booleans()):
            # the last party is a body the agreement (or its first commitment) creates
            body = attrs.evolve(
                party_list[-1],
                established_by=draw(
                    st.sampled_from([agreement_id, *(c.id for c in commitments_drawn[:1])])
                ),
                memberships=draw(memberships(party_ids=party_ids[:-1], holders=holders)),
            )
            party_list = (*party_list[:-1], body)
        return _complete(
            draw,
            Agreement,
            id=agreement_id,
            title=None if draw(st.integers(0, 5)) == 5 else _text(draw),  # many sources give none
            kind=None if draw(st.integers(0, 5)) == 5 else draw(_code(AgreementKind)),
            subject=_detail(draw),
            languages=tuple(draw(_subsets(languages, 0, 2))),
            timezone=timezone,
            period=period,
            fiscal_year_start=fiscal,
            effective=_optional(draw, _effective(_first(span), span.end or _first(span), fiscal)),
            parties=party_list,
            people=people_drawn,
            objectives=objectives_drawn,
            commitments=commitments_drawn,
            declared_commitments=len(commitments_drawn) if draw(st.booleans()) else None,
            schedules=schedules_drawn,
            reviews=_uses(
                draw,
                "reviews",
                reviews(
                    window=span,
                    party_ids=party_ids,
                    produced_ids=(
                        *(a.id for a in amendments_drawn),
                        *(s.id for s in schedules_drawn),
                    ),
                ),
                (),
            ),
            events=events_drawn,
            signatures=signatures_drawn,
            termination=termination,
            amendments=amendments_drawn,
            related=_uses(draw, "instruments", related_instruments(), ()),
            sources=sources_drawn,
            funding=_uses(
                draw,
                "instruments",
                funding_rows(window=span, party_ids=party_ids, fiscal_year_start=fiscal),
                (),
            ),
            extensions=_extras(draw),
        )


def _effective(
    first: pendulum.Date, last: pendulum.Date, fiscal: int | None
) -> st.SearchStrategy[PartialDate]:
    """When an agreement takes effect: a day, its month or year, or its fiscal year."""
    days = _day(first, last)
    stated = _reduced(days)
    if fiscal is None:
        return stated
    in_fiscal_years = days.map(
        lambda day: PartialDate(year=fiscal_year_of(day, fiscal), fiscal_year_start=fiscal)
    )
    return stated | in_fiscal_years


def agreements(
    *,
    max_parties: int = 6,
    max_tasks: int = 8,
    min_tasks: int = 0,
    languages: tuple[str, ...] = _LANGUAGES,
    open_ended: bool = True,
) -> st.SearchStrategy[Agreement]:
    """Valid, referentially consistent agreements that validate with no findings.

    Every reference resolves; schedules lie inside the period, tasks inside their schedules;
    text mixes plain strings and language maps with Vietnamese diacritics; periods are at year,
    month or day precision, and open-ended when ``open_ended``; tasks may recur, rotate, carry a
    status history and ``x-`` extensions. Shrinks towards two parties, one schedule and no tasks.

    Each example first draws which optional features it uses (swarm testing): language maps,
    descriptive details (descriptions, places, executors, planned windows...), as-written
    wording, ``x-`` extensions, recurrences, commitments and objectives, reviews, events with
    the people who attend them and the signatures, and other instruments (amendments, related
    instruments, termination, sources, funding). Examples are smaller, so quicker to draw, and more
    varied than if every record drew every feature; each feature is in about half of them.

    Args:
        max_parties: Most parties (at least 2 are drawn).
        max_tasks: Most tasks across all schedules.
        min_tasks: Fewest tasks.
        languages: BCP 47 tags that language maps use.
        open_ended: Whether the period may have no end.

    Raises:
        InvalidArgument: a size is out of range, or ``languages`` is empty.
    """
    _check_min("max_parties", max_parties, 2)
    _check_sizes("min_tasks", "max_tasks", (min_tasks, max_tasks))
    _check(bool(languages), "'languages' must name at least one language")
    return _agreement(max_parties, max_tasks, min_tasks, languages, open_ended)
