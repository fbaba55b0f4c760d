"""coordagree's strategies registered for ``st.from_type`` (see `_coordagree_hypothesis`)."""

from __future__ import annotations

import functools
from typing import Any


def _first(found: tuple[Any, ...]) -> Any:
    return found[0]


def _register() -> None:
    """Register a strategy for every public model class (coordagree is imported by now).

    Every public model class gets a strategy that draws valid instances; classes that only make
    sense inside a larger record (a task, a commitment) are drawn from that record's strategy.
    The strategies are looked up when `st.from_type` first asks: Hypothesis runs this hook when
    it is first imported, which may be from inside ``coordagree.strategies`` itself.

    Called by the entry point `_coordagree_hypothesis` when coordagree is already imported,
    else by coordagree's own import when it finds Hypothesis loaded.
    """
    import sys

    from hypothesis import strategies as st

    module = sys.modules["coordagree"]

    for name in _MODEL_CLASSES:
        st.register_type_strategy(getattr(module, name), _strategy_for)


# Every public model class; `_registered` gives each its strategy (a test draws them all).
_MODEL_CLASSES = (
    "Agreement", "Period", "Text", "Recurrence", "Party", "Person", "Position", "Objective",
    "Commitment", "Responsibility", "Task", "StatusChange", "TaskSchedule", "Review", "Event",
    "Participant", "Signature", "Termination", "Amendment", "RelatedInstrument", "Source",
    "Identifier", "OtherName", "Claim", "PartialDate", "Membership", "FundingRow", "Duration",
)  # fmt: skip


def _strategy_for(cls: type) -> Any:
    return _registered()[cls]


@functools.cache
def _registered() -> dict[type, Any]:
    from hypothesis import strategies as st

    import coordagree as ca
    from coordagree import strategies as cs

    def one(strategy: st.SearchStrategy[tuple[Any, ...]]) -> st.SearchStrategy[Any]:
        return strategy.filter(bool).map(_first)

    return {
        ca.Agreement: cs.agreements(),
        ca.Period: cs.periods(),
        ca.Text: cs.texts(),
        ca.Recurrence: cs.recurrences(),
        ca.Party: one(cs.parties(max_size=1)),
        ca.Person: one(cs.people(max_size=1)),
        ca.Position: one(
            cs.people(max_size=1).map(lambda found: found[0].positions if found else ())
        ),
        ca.Objective: one(cs.objectives(max_size=1)),
        ca.Commitment: one(cs.commitments(max_size=1)),
        ca.Responsibility: one(
            cs.commitments(max_size=1).map(lambda c: c[0].responsible if c else ())
        ),
        ca.Task: one(cs.tasks(min_size=1, max_size=1)),
        ca.StatusChange: one(cs.tasks(min_size=1, max_size=1).map(lambda t: t[0].history)),
        ca.TaskSchedule: one(cs.schedules()),
        ca.Review: one(cs.reviews(max_size=1)),
        ca.Event: one(cs.events(max_size=1)),
        ca.Participant: one(
            cs.people(max_size=2)
            .flatmap(lambda found: cs.events(people=found, max_size=1))
            .map(lambda e: e[0].participants if e else ())
        ),
        ca.Signature: one(cs.signatures()),
        ca.Termination: cs.terminations(),
        ca.Source: one(cs.sources(max_size=1)),
        ca.Identifier: cs.identifiers(),
        ca.OtherName: cs.other_names(),
        ca.Claim: one(
            cs.agreements().map(lambda a: tuple(c for r in _records(a) for c in _claims(r)))
        ),
        ca.PartialDate: cs.partial_dates(),
        ca.Duration: cs.durations(),
        ca.Membership: cs.memberships(min_size=1, max_size=1).map(_first),
        ca.FundingRow: cs.funding_rows(min_size=1, max_size=1).map(_first),
        ca.Amendment: one(cs.amendments(max_size=1)),
        ca.RelatedInstrument: cs.related_instruments(min_size=1, max_size=1).map(_first),
    }


def _records(agreement: Any) -> Any:
    from coordagree._fields import walk_records

    return [record for _, record in walk_records(agreement)]


def _claims(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, "claims", ()))
