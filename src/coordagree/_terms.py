"""The agreement's terms beyond its contents: termination, amendments, related instruments."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import RelationKind, closed
from coordagree._fields import kinded_fields
from coordagree._text import Text, to_text
from coordagree._validators import to_date

__all__ = ["Amendment", "RelatedInstrument", "Termination"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Termination:
    """How an agreement ends other than by its period running out.

    An open-ended MOU "in force until terminated by 30 days' written notice" is
    ``Termination(notice_days=30, in_writing=True)``; a minimum duration says how long it must
    run before notice can take effect.

    Attributes:
        notice_days: Days of notice a party must give.
        in_writing: Whether notice must be written.
        minimum_months: Months the agreement runs at least.
        by_any_party: Whether any one party may give notice (else all must agree).
    """

    notice_days: int | None = attrs.field(default=None, **kinds.count(minimum=1))
    in_writing: bool = attrs.field(default=True, **kinds.flag())
    minimum_months: int | None = attrs.field(default=None, **kinds.count(minimum=1))
    by_any_party: bool = attrs.field(default=True, **kinds.flag())

    def earliest_end(self, start: pendulum.Date, notice_given: pendulum.Date) -> pendulum.Date:
        """The earliest day the agreement ends when notice is given on ``notice_given``."""
        end = notice_given.add(days=self.notice_days or 0)
        if self.minimum_months is not None:
            minimum = start.add(months=self.minimum_months).subtract(days=1)
            end = max(end, minimum)
        return end


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Amendment:
    """A change made to the agreement after signing.

    Attributes:
        id: Unique among the agreement's amendments.
        date: The day it was made.
        description: What it changed.
    """

    id: str = attrs.field(**kinds.identity())
    date: pendulum.Date = attrs.field(converter=to_date, **kinds.date())
    description: Text = attrs.field(converter=to_text, **kinds.text())


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class RelatedInstrument:
    """Another instrument the agreement implements, supersedes, accompanies or amends.

    Attributes:
        relation: How they relate.
        title: The instrument's title.
        identifier: Its number or code ("Nghị quyết số 25-NQ/TW").
        url: Where to read it.
    """

    relation: RelationKind = attrs.field(
        converter=closed(RelationKind),  # type: ignore[misc]
        **kinds.code(RelationKind, closed=True),
    )
    title: Text = attrs.field(converter=to_text, **kinds.text())
    identifier: str | None = attrs.field(default=None, **kinds.string())
    url: str | None = attrs.field(default=None, **kinds.string())
