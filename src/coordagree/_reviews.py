"""Planned reviews of the agreement: interim (sơ kết) and final (tổng kết)."""

from __future__ import annotations

import attrs

from coordagree import _fields as kinds
from coordagree._codelists import ReviewKind, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields, to_recurrences
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._sources import Claim
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple

__all__ = ["Review"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
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
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    kind: ReviewKind = attrs.field(
        converter=closed(ReviewKind),  # type: ignore[misc]
        **kinds.code(ReviewKind, closed=True),
    )
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    due: Period | None = attrs.field(default=None, **kinds.period())
    recurrence: tuple[Recurrence, ...] = attrs.field(
        default=(), converter=to_recurrences, **kinds.recurrences()
    )
    hosts: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    rotation: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def hosts_for(self, occurrence: int) -> tuple[str, ...]:
        """The hosts of the ``occurrence``-th occurrence (0-based), rotation applied."""
        if self.rotation:
            return (self.rotation[occurrence % len(self.rotation)],)
        return self.hosts
