"""Objectives and commitments: what the parties undertake, and why."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import Modality, ResponsibilityRole, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._sources import Claim
from coordagree._text import Text, to_text
from coordagree._validators import to_date, to_tuple

__all__ = ["Commitment", "Objective", "Responsibility"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Objective:
    """An aim the agreement states, separately from its contents.

    Attributes:
        id: Unique among the agreement's objectives.
        text: The aim as stated.
        sources: Ids of the sources that support it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    text: Text = attrs.field(converter=to_text, **kinds.text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Responsibility:
    """A party answerable for a commitment, and how: leading it or co-operating.

    Attributes:
        party: Id of the party.
        role: ``lead`` (chủ trì) or ``co-operating`` (phối hợp).
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    party: str = attrs.field(**kinds.ref("party"))
    role: ResponsibilityRole = attrs.field(
        default=ResponsibilityRole.CO_OPERATING,
        converter=closed(ResponsibilityRole),  # type: ignore[misc]
        **kinds.code(ResponsibilityRole, closed=True),
    )
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Commitment:
    """A coordination content (nội dung phối hợp) or obligation the parties undertake.

    Attributes:
        id: Unique among the agreement's commitments.
        title: What is undertaken, in brief.
        number: Its number in the source's list, where the source numbers them.
        description: The full wording.
        modality: Obligation, permission or prohibition.
        binding: Whether it binds the parties; None when the source does not say (an MOU
            is often explicitly non-binding).
        responsible: The parties answerable for it, each as lead or co-operating.
        objectives: Ids of the objectives it serves.
        effective: Its own effective date, where it differs from the agreement's.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    number: int | None = attrs.field(default=None, **kinds.count(minimum=1))
    description: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    modality: Modality = attrs.field(
        default=Modality.OBLIGATION,
        converter=closed(Modality),  # type: ignore[misc]
        **kinds.code(Modality, closed=True),
    )
    binding: bool | None = attrs.field(default=None, **kinds.flag())
    responsible: tuple[Responsibility, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Responsibility)
    )
    objectives: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.refs("objective")
    )
    effective: pendulum.Date | None = attrs.field(default=None, converter=to_date, **kinds.date())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    @property
    def lead(self) -> tuple[str, ...]:
        """Ids of the parties that lead it."""
        return tuple(r.party for r in self.responsible if r.role is ResponsibilityRole.LEAD)
