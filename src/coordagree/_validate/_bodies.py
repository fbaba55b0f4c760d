"""``membership-without-holder``: every seat on a body has a party, a person or an office."""

from __future__ import annotations

from coordagree._validate._context import Context

__all__ = ["EMITS", "check_bodies"]

EMITS = frozenset({"membership-without-holder"})


def check_bodies(ctx: Context) -> None:
    """Report memberships that name no holder, or an office without the person who holds it."""
    for p, party in enumerate(ctx.agreement.parties):
        for m, membership in enumerate(party.memberships):
            where = f"/parties/{p}/memberships/{m}"
            if membership.party is not None or membership.person is not None:
                continue
            if membership.position is not None:
                message = f"the seat names position {membership.position!r} but not its person"
            else:
                message = f"a {membership.role} seat on {party.id!r} names no party or person"
            ctx.add(
                "membership-without-holder",
                where,
                message,
                hint="an office held by someone unnamed is a person with no name holding it",
            )
