"""Objectives and commitments: what the parties undertake, and why."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree._checks import (
    each,
    identifier,
    identifiers,
    instance_of,
    is_date,
    optional,
    positive,
    to_date,
    to_tuple,
)
from coordagree._codes import Modality, ResponsibilityRole, closed, member_of
from coordagree._extensions import Extensions, extensions_field
from coordagree._text import Text, to_optional_text, to_text

__all__ = ["Commitment", "Objective", "Responsibility"]


@attrs.frozen(kw_only=True)
class Objective:
    """An aim the agreement states, separately from its contents.

    Attributes:
        id: Unique among the agreement's objectives.
        text: The aim as stated.
    """

    id: str = attrs.field(validator=identifier)
    text: Text = attrs.field(converter=to_text, validator=instance_of(Text))


@attrs.frozen(kw_only=True)
class Responsibility:
    """A party answerable for a commitment, and how: leading it or co-operating.

    Attributes:
        party: Id of the party.
        role: ``lead`` (chủ trì) or ``co-operating`` (phối hợp).
    """

    party: str = attrs.field(validator=identifier)
    role: ResponsibilityRole = attrs.field(
        default=ResponsibilityRole.CO_OPERATING,
        converter=closed(ResponsibilityRole),  # type: ignore[misc]  # attrs plugin: converter factory
        validator=member_of(ResponsibilityRole),
    )


def _optional_bool(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(instance_of(bool))(_inst, attribute, value)


@attrs.frozen(kw_only=True)
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
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(validator=identifier)
    title: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    number: int | None = attrs.field(default=None, validator=optional(positive))
    description: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    modality: Modality = attrs.field(
        default=Modality.OBLIGATION,
        converter=closed(Modality),  # type: ignore[misc]  # attrs plugin: converter factory
        validator=member_of(Modality),
    )
    binding: bool | None = attrs.field(default=None, validator=_optional_bool)
    responsible: tuple[Responsibility, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), each(Responsibility)]
    )
    objectives: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[instance_of(tuple), identifiers]
    )
    effective: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=optional(is_date)
    )
    extensions: Extensions = extensions_field()

    @property
    def lead(self) -> tuple[str, ...]:
        """Ids of the parties that lead it."""
        return tuple(r.party for r in self.responsible if r.role is ResponsibilityRole.LEAD)
