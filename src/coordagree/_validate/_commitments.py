"""The rules about commitments: numbering, declared counts, someone responsible.

Codes: ``commitment-number-repeated``, ``commitment-number-gap``, ``commitment-unassigned``,
``commitment-count-exceeded``, ``commitment-count-mismatch``.
"""

from __future__ import annotations

from coordagree._codelists import CountBound
from coordagree._validate._context import Context

__all__ = ["EMITS", "check_commitments"]

EMITS = frozenset(
    {
        "commitment-number-repeated",
        "commitment-number-gap",
        "commitment-unassigned",
        "commitment-count-exceeded",
        "commitment-count-mismatch",
    }
)


def check_commitments(ctx: Context) -> None:
    """Report numbering slips, counts that disagree, commitments nobody answers for."""
    a = ctx.agreement
    lists: dict[str | None, dict[str, int]] = {}  # parent -> number -> index, per list
    for i, commitment in enumerate(a.commitments):
        if commitment.number is not None:
            numbers = lists.setdefault(commitment.parent, {})
            if commitment.number in numbers:
                ctx.add(
                    "commitment-number-repeated",
                    f"/commitments/{i}/number",
                    f"number {commitment.number!r} is also commitment "
                    f"{numbers[commitment.number]}'s in the same list",
                )
            else:
                numbers[commitment.number] = i
        if not commitment.responsible:
            ctx.add(
                "commitment-unassigned",
                f"/commitments/{i}/responsible",
                f"commitment {commitment.id!r} names no responsible party",
            )
    listed = len(a.commitments)
    declared = a.declared_commitments
    at_least = a.declared_commitments_bound is CountBound.AT_LEAST
    unlisted = declared is not None and declared > listed
    if not unlisted and not at_least:
        for parent, numbers in lists.items():
            counted = {int(n) for n in numbers if n.isdigit()}  # "1", "2"...: a count to check
            missing = sorted(set(range(1, max(counted, default=0) + 1)) - counted)
            if missing:
                where = "top-level" if parent is None else f"{parent!r}'s"
                ctx.add(
                    "commitment-number-gap",
                    "/commitments",
                    f"{where} commitment numbers skip {', '.join(map(str, missing))}",
                )
    if declared is not None and declared < listed and not at_least:
        ctx.add(
            "commitment-count-exceeded",
            "/declared_commitments",
            f"{listed} commitments are listed but {declared} declared",
        )
    elif unlisted and not at_least:
        ctx.add(
            "commitment-count-mismatch",
            "/declared_commitments",
            f"{declared} commitments are declared but {listed} listed",
            hint="fine when the source names only some; list the rest when they are known",
        )
