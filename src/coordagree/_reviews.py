"""Planned reviews of the agreement: interim (sơ kết) and final (tổng kết)."""

from __future__ import annotations

import attrs

from coordagree import _fields as kinds
from coordagree._codelists import ReviewKind, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields, to_recurrences
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._period import Period, to_period
from coordagree._recurrence import Recurrence
from coordagree._sources import Claim
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple

__all__ = ["Review"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Review:
    """A review the agreement provides for, and what is known of it once held.

    "Hằng năm sơ kết ... luân phiên tổ chức" is a yearly interim review hosted in turn; "the
    parties will review this MOU periodically" is ``periodic`` with no rule; "the review of
    2018, held on 24/4/2019" `covers` 2018 and was `held` on 2019-04-24.

    A yearly rule over a period stated only to the year (or month) starts no earlier than the
    agreement's effective or signing date, not on 1 January.

    Attributes:
        id: Unique among the agreement's reviews.
        kind: ``interim`` (sơ kết) or ``final`` (tổng kết).
        title: What it is called.
        as_written: The source's wording of the provision.
        due: When it is due: a day, or a window.
        recurrence: RRULEs it repeats by, starting where `due` starts.
        periodic: Whether it recurs at an interval the source does not state (then it has no
            `recurrence`, and no occurrence is invented for it).
        hosts: Ids of the parties that hold it.
        rotation: Ids of the parties that host it in turn, one occurrence each.
        rotation_order_stated: Whether `rotation` lists the hosts in the order they host; when
            the source does not say who hosts first, occurrences have no host rather than an
            invented one.
        covers: The period it reviews ("the review of 2018").
        held: When it was held, at whatever precision is known.
        held_as_written: The source's wording of that ("ngày 24/4/2019").
        reported_in: Ids of the sources that report it (a report issued by a third body is a
            source too, with its numbers).
        produced: Ids of what it produced: an amendment, the next year's schedule.
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
    as_written: str | None = attrs.field(default=None, **kinds.wording())
    due: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    recurrence: tuple[Recurrence, ...] = attrs.field(
        default=(), converter=to_recurrences, **kinds.recurrences()
    )
    periodic: bool = attrs.field(default=False, **kinds.flag())
    hosts: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    rotation: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    rotation_order_stated: bool = attrs.field(default=True, **kinds.flag())
    covers: Period | None = attrs.field(default=None, converter=to_period, **kinds.period())
    held: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    held_as_written: str | None = attrs.field(default=None, **kinds.wording(of="held"))
    reported_in: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.refs("source")
    )
    produced: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.refs("amendment|schedule")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    def hosts_for(self, occurrence: int) -> tuple[str, ...]:
        """The hosts of the ``occurrence``-th occurrence (0-based), rotation applied.

        None is invented: a rotation whose order is not stated gives no host.
        """
        if self.rotation and not self.rotation_order_stated:
            return ()
        if self.rotation:
            return (self.rotation[occurrence % len(self.rotation)],)
        return self.hosts
