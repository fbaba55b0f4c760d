"""The agreement's terms beyond its contents: termination, amendments, related instruments."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree._checks import (
    identifier,
    instance_of,
    is_date,
    optional,
    positive,
    to_date,
)
from coordagree._codes import RelationKind, closed, member_of
from coordagree._text import Text, to_text

__all__ = ["Amendment", "RelatedInstrument", "Termination"]


def _optional_positive(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(positive)(_inst, attribute, value)


@attrs.frozen(kw_only=True)
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

    notice_days: int | None = attrs.field(default=None, validator=_optional_positive)
    in_writing: bool = attrs.field(default=True, validator=instance_of(bool))
    minimum_months: int | None = attrs.field(default=None, validator=_optional_positive)
    by_any_party: bool = attrs.field(default=True, validator=instance_of(bool))

    def earliest_end(self, start: pendulum.Date, notice_given: pendulum.Date) -> pendulum.Date:
        """The earliest day the agreement ends when notice is given on ``notice_given``."""
        end = notice_given.add(days=self.notice_days or 0)
        if self.minimum_months is not None:
            minimum = start.add(months=self.minimum_months).subtract(days=1)
            end = max(end, minimum)
        return end


@attrs.frozen(kw_only=True)
class Amendment:
    """A change made to the agreement after signing.

    Attributes:
        id: Unique among the agreement's amendments.
        date: The day it was made.
        description: What it changed.
    """

    id: str = attrs.field(validator=identifier)
    date: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    description: Text = attrs.field(converter=to_text, validator=instance_of(Text))


def _relation(value: Any) -> Any:
    return closed(RelationKind)(value)


@attrs.frozen(kw_only=True)
class RelatedInstrument:
    """Another instrument the agreement implements, supersedes, accompanies or amends.

    Attributes:
        relation: How they relate.
        title: The instrument's title.
        identifier: Its number or code ("Nghị quyết số 25-NQ/TW").
        url: Where to read it.
    """

    relation: RelationKind = attrs.field(converter=_relation, validator=member_of(RelationKind))
    title: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    identifier: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    url: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
