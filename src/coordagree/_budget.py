"""How many occurrences recurrences may expand to: per rule, and per query.

A rule that falls every day for a thousand years, or a query over many such rules, would cost
gigabytes; expansion stops at the budget and raises `OccurrenceBudgetError`. The budget is
held in a context variable, so a thread or task can raise it for one block of work.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import attrs

__all__ = ["Budget", "current_budget", "occurrence_budget"]


@attrs.frozen
class Budget:
    """Most occurrences one rule may expand to in one call, and one query may return."""

    per_rule: int = 100_000  # a rule falling daily for 270 years
    per_query: int = 500_000  # about 150 MB of occurrences


_DEFAULT = Budget()
_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)


def current_budget() -> Budget:
    """The budget in force here."""
    return _CURRENT.get() or _DEFAULT


@contextlib.contextmanager
def occurrence_budget(
    *, per_rule: int | None = None, per_query: int | None = None
) -> Iterator[Budget]:
    """Set the occurrence budget for a block: most occurrences per rule and per query.

    The defaults are 100,000 per rule (a rule falling daily for 270 years) and 500,000 per
    query (`occurrences`, `agenda`, `due`, `overdue` and the exports); past them, expansion
    stops with `OccurrenceBudgetError` instead of exhausting memory.

    Examples:
        >>> import coordagree
        >>> seed = coordagree.seed_programme()
        >>> len(coordagree.occurrences(seed, seed.period))
        4
        >>> with coordagree.occurrence_budget(per_query=3):  # doctest: +ELLIPSIS
        ...     coordagree.occurrences(seed, seed.period)
        Traceback (most recent call last):
        ...
        coordagree.errors.OccurrenceBudgetError: the query gives more than 3 occurrences...
    """
    now = current_budget()
    budget = Budget(
        per_rule=now.per_rule if per_rule is None else per_rule,
        per_query=now.per_query if per_query is None else per_query,
    )
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)
