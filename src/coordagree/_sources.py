"""Where facts come from: sources, numbers and other names as sources give them, and claims.

A record of an agreement is assembled from several sources (its text, a news report, a notice,
an index) that do not always agree. An `Agreement` lists its `Source` records; any record may
cite the ones that support it (``sources: [ids]``). Numbers (`Identifier`) and other names
(`OtherName`) keep every spelling a source gives, each with its sources; where sources disagree
on a value, a record holds each `Claim` beside the value it settles on.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import IdentifierScheme, NameKind, SourceKind
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._text import Text, to_text
from coordagree._validators import to_date, to_tuple

__all__ = ["Claim", "Identifier", "OtherName", "Source"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Source:
    """A source a record is taken from: the agreement's text, a news report, a notice, an index.

    Attributes:
        id: Unique among the agreement's sources; records cite it.
        kind: What sort of source; known values in `SourceKind`, others allowed.
        title: The source item's own title.
        publisher: Who published it ("Cổng thông tin điện tử tỉnh Quảng Bình").
        url: Where it was read.
        published: When it was published, at whatever precision is known, with or without a
            time.
        published_as_written: The source's wording of that ("10:17, Thứ Ba, 30-5-2023").
        author: Who wrote it ("Hồng Lựu").
        author_as_written: The byline as printed ("PV Hồng Lựu").
        retrieved: The day it was read.
        note: Anything a later reader should know (what was left out as noise).
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    kind: str | None = attrs.field(default=None, **kinds.code(SourceKind, closed=False))
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    publisher: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    url: str | None = attrs.field(default=None, **kinds.string())
    published: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    published_as_written: str | None = attrs.field(default=None, **kinds.wording(of="published"))
    author: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    author_as_written: str | None = attrs.field(default=None, **kinds.wording(of="author"))
    retrieved: pendulum.Date | None = attrs.field(default=None, converter=to_date, **kinds.date())
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Identifier:
    """A number or identifier, as a source writes it ("Số: 01/QCPH/UBND-UBMTTQ", "MOU 225-16-020").

    Several may share a scheme: spelling variants seen in different sources
    ("19/2008/NQLT/CP-UBTUMTTQVN" and "19/2008/NQLT/CP-UBMTTQVN") are each kept, with the
    sources that give them.

    Attributes:
        value: The number as written.
        scheme: What numbering it belongs to; known values in `IdentifierScheme`, others allowed.
        sources: Ids of the sources that give it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    value: str = attrs.field(**kinds.wording())
    scheme: str | None = attrs.field(default=None, **kinds.code(IdentifierScheme, closed=False))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class OtherName:
    """Another name of a body, a person or an agreement: a short form, a former name, a variant.

    Attributes:
        name: The name as written ("TAND tỉnh", "Y Déc H'Đớk").
        kind: What sort of name; known values in `NameKind`, others allowed.
        sources: Ids of the sources that give it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    name: Text = attrs.field(converter=to_text, **kinds.text())
    kind: str | None = attrs.field(default=None, **kinds.code(NameKind, closed=False))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Claim:
    """What a source says of one field of the record that holds the claim.

    Where sources disagree ("August, 1989" in one, "1990" in another), the record holds the
    value it settles on in the field itself and each source's claim here. The value is in
    document form, as the field would be written (``"1989-08"``); validation checks that it is
    one the field could hold.

    Attributes:
        field: The key of the field claimed about (``date``).
        value: The claimed value, in document form.
        value_as_written: The source's wording of it ("August, 1989").
        sources: Ids of the sources that make the claim.
        note: Why it was not taken, or anything else a reader should know.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    field: str = attrs.field(**kinds.string())
    value: Any = attrs.field(default=None, **kinds.data())
    value_as_written: str | None = attrs.field(default=None, **kinds.wording(of="value"))
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    extensions: Extensions = kinds.extensions()
