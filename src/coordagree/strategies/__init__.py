"""Hypothesis strategies for coordagree: valid agreements, their documents, and broken ones.

Needs the ``hypothesis`` extra (``pip install 'coordagree[hypothesis]'``). Every agreement drawn
by `agreements` is referentially consistent and validates with no findings at all; it
round-trips through JSON, YAML and TOML. `broken_documents` applies one known defect to a valid
document and says which finding it must produce.

One module a kind of record: `_base` (text, ids, periods, recurrences, the swarm, fields
drawn by kind), `_sources`, `_parties`, `_money`, `_commitments`, `_tasks`, `_events`,
`_instruments`, `_agreements`, `_documents`.

Strategies shrink towards small agreements: few parties, one schedule, no tasks, plain strings,
year-precision periods starting in 2023.
"""

from __future__ import annotations

from coordagree.errors import MissingExtraError

try:
    import hypothesis  # noqa: F401 - only to say what is missing
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError(
        "coordagree.strategies needs Hypothesis: pip install 'coordagree[hypothesis]'"
    ) from None

from coordagree.strategies._agreements import agreements
from coordagree.strategies._base import durations, ids, partial_dates, periods, recurrences, texts
from coordagree.strategies._commitments import commitments, objectives
from coordagree.strategies._documents import Defect, broken_documents, documents
from coordagree.strategies._events import events, reviews, signatures
from coordagree.strategies._instruments import (
    amendments,
    related_instruments,
    terminations,
)
from coordagree.strategies._money import funding_rows
from coordagree.strategies._parties import memberships, parties, people
from coordagree.strategies._sources import identifiers, other_names, sources
from coordagree.strategies._tasks import schedules, tasks

__all__ = [
    "Defect",
    "agreements",
    "amendments",
    "broken_documents",
    "commitments",
    "documents",
    "durations",
    "events",
    "funding_rows",
    "identifiers",
    "ids",
    "memberships",
    "objectives",
    "other_names",
    "parties",
    "people",
    "partial_dates",
    "periods",
    "recurrences",
    "related_instruments",
    "reviews",
    "schedules",
    "signatures",
    "sources",
    "tasks",
    "terminations",
    "texts",
]
