"""Provenance: where a record of an agreement came from."""

from __future__ import annotations

import attrs
import pendulum

from coordagree._checks import (
    instance_of,
    is_aware_datetime,
    is_date,
    optional,
    to_date,
    to_datetime,
)
from coordagree._text import Text, to_optional_text, to_text

__all__ = ["Provenance"]


@attrs.frozen(kw_only=True)
class Provenance:
    """The source a record was taken from, with its wording beside normalised values.

    Attributes:
        source: The source's name ("Cổng thông tin điện tử tỉnh Quảng Bình").
        url: Where it was read.
        title: The source item's own title.
        published: When it was published, with its UTC offset.
        published_as_written: The source's wording of that ("10:17, Thứ Ba, 30-5-2023").
        author: Who wrote it ("Hồng Lựu").
        author_as_written: The byline as printed ("PV Hồng Lựu").
        retrieved: The day it was read.
        note: Anything a later reader should know (what was left out as noise).
    """

    source: Text = attrs.field(converter=to_text, validator=instance_of(Text))
    url: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    title: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    published: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_datetime, validator=optional(is_aware_datetime)
    )
    published_as_written: str | None = attrs.field(
        default=None, validator=optional(instance_of(str))
    )
    author: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
    author_as_written: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    retrieved: pendulum.Date | None = attrs.field(
        default=None, converter=to_date, validator=optional(is_date)
    )
    note: Text | None = attrs.field(
        default=None, converter=to_optional_text, validator=optional(instance_of(Text))
    )
