"""Planned reviews of the agreement: interim (sơ kết) and final (tổng kết)."""

from __future__ import annotations

import attrs

from coordagree._checks import each, identifier, identifiers, instance_of, optional, to_tuple
from coordagree._codes import ReviewKind, closed, member_of
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._tasks import to_recurrences
from coordagree._text import Text, to_optional_text

__all__ = ["Review"]


@attrs.frozen(kw_only=True)
class Review:
    """A review the agreement provides for: yearly interim reviews, a final review at the end.

    Attributes:
        id: Unique among the agreement's reviews.
        kind: ``interim`` (sơ kết) or ``final`` (tổng kết).
        title: What it is called.
        due: When it is due: a day, or a window.
        recurrence: RRULEs it repeats by, starting where `due` starts.
        hosts: Ids of the parties that hold it.
        rotation: Ids of the parties that host it in turn, one occurrence each.
    """

    id: str = attrs.field(validator=identifier)
    kind: ReviewKind = attrs.field(converter=closed(ReviewKind), validator=member_of(ReviewKind))  # type: ignore[misc]  # attrs plugin: converter factory
    title: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    due: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    recurrence: tuple[Recurrence, ...] = attrs.field(
        default=(), converter=to_recurrences, validator=[instance_of(tuple), each(Recurrence)]
    )
    hosts: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), identifiers]
    )
    rotation: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), identifiers]
    )

    def hosts_for(self, occurrence: int) -> tuple[str, ...]:
        """The hosts of the ``occurrence``-th occurrence (0-based), rotation applied."""
        if self.rotation:
            return (self.rotation[occurrence % len(self.rotation)],)
        return self.hosts
