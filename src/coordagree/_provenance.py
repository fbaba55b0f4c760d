"""Provenance: where a record of an agreement came from."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._fields import kinded_fields
from coordagree._text import Text, to_text
from coordagree._validators import to_date, to_datetime

__all__ = ["Provenance"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
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

    source: Text = attrs.field(converter=to_text, **kinds.text())
    url: str | None = attrs.field(default=None, **kinds.string())
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    published: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_datetime, **kinds.datetime()
    )
    published_as_written: str | None = attrs.field(default=None, **kinds.wording())
    author: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    author_as_written: str | None = attrs.field(default=None, **kinds.wording())
    retrieved: pendulum.Date | None = attrs.field(default=None, converter=to_date, **kinds.date())
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
