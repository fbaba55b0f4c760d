"""Objectives and commitments: what the parties undertake, and why."""

from __future__ import annotations

import attrs

from coordagree import _fields as kinds
from coordagree._codelists import Modality, ResponsibilityRole, closed
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._sources import Claim
from coordagree._text import Text, to_text, to_texts
from coordagree._validators import to_tuple

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
    """A party answerable for a commitment, and how: leading it, co-operating, or alone.

    Attributes:
        party: Id of the party.
        role: ``lead`` (chủ trì), ``co-operating`` (phối hợp), ``sole`` ("allocated solely
            to"), or ``not-stated`` when the source does not say.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    party: str = attrs.field(**kinds.ref("party"))
    role: ResponsibilityRole = attrs.field(
        default=ResponsibilityRole.NOT_STATED,
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
        number: Its number as the source writes it ("2", "2.A", "(1)", "Điều 5"); unique
            among the commitments of one list (the same `parent`).
        parent: Id of the commitment it is a sub-item of ("2.A" of "2").
        description: The full wording.
        modality: Obligation, permission or prohibition.
        binding: Whether it binds the parties; None when the source does not say (an MOU
            is often explicitly non-binding).
        responsible: The parties answerable for it, each as lead or co-operating.
        objectives: Ids of the objectives it serves.
        effective: Its own effective date, where it differs from the agreement's, at whatever
            precision is known.
        effective_as_written: The source's wording of that.
        scope: Where or to what it applies ("seaward of the coast line").
        exclusions: What it does not cover ("excluding deepwater ports").
        recipients: Ids of the parties its reports go to ("to G-OPB").
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    number: str | None = attrs.field(default=None, **kinds.numbering())
    parent: str | None = attrs.field(default=None, **kinds.ref("commitment", hierarchy=True))
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
    effective: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    effective_as_written: str | None = attrs.field(default=None, **kinds.wording(of="effective"))
    scope: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    exclusions: tuple[Text, ...] = attrs.field(default=(), converter=to_texts, **kinds.texts())
    recipients: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()

    @property
    def lead(self) -> tuple[str, ...]:
        """Ids of the parties that lead it."""
        return tuple(r.party for r in self.responsible if r.role is ResponsibilityRole.LEAD)
