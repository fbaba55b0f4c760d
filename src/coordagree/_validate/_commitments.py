"""The rules about commitments: numbering, declared counts, someone responsible.

Codes: ``commitment-number-repeated``, ``commitment-number-gap``, ``commitment-unassigned``,
``commitment-count-exceeded``, ``commitment-count-mismatch``.
"""

from __future__ import annotations

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
    numbers: dict[int, int] = {}
    for i, commitment in enumerate(a.commitments):
        if commitment.number is not None:
            if commitment.number in numbers:
                ctx.add(
                    "commitment-number-repeated",
                    f"/commitments/{i}/number",
                    f"number {commitment.number} is also commitment {numbers[commitment.number]}'s",
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
    unlisted = declared is not None and declared > listed
    if numbers and not unlisted:
        missing = sorted(set(range(1, max(numbers) + 1)) - numbers.keys())
        if missing:
            ctx.add(
                "commitment-number-gap",
                "/commitments",
                f"commitment numbers skip {', '.join(map(str, missing))}",
            )
    if declared is not None and declared < listed:
        ctx.add(
            "commitment-count-exceeded",
            "/declared_commitments",
            f"{listed} commitments are listed but {declared} declared",
        )
    elif unlisted:
        ctx.add(
            "commitment-count-mismatch",
            "/declared_commitments",
            f"{declared} commitments are declared but {listed} listed",
            hint="fine when the source names only some; list the rest when they are known",
        )
