"""The agreement's terms beyond its contents: termination, amendments, related instruments."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import InstrumentKind, RelationKind
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._sources import Claim, Identifier, OtherName
from coordagree._text import Text, to_text, to_texts
from coordagree._validators import to_date, to_tuple

__all__ = ["Amendment", "RelatedInstrument", "Termination"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
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
        sources: Ids of the sources that support it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    notice_days: int | None = attrs.field(default=None, **kinds.count(minimum=1))
    in_writing: bool = attrs.field(default=True, **kinds.flag())
    minimum_months: int | None = attrs.field(default=None, **kinds.count(minimum=1))
    by_any_party: bool = attrs.field(default=True, **kinds.flag())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()

    def earliest_end(self, start: pendulum.Date, notice_given: pendulum.Date) -> pendulum.Date:
        """The earliest day the agreement ends when notice is given on ``notice_given``."""
        end = notice_given.add(days=self.notice_days or 0)
        if self.minimum_months is not None:
            minimum = start.add(months=self.minimum_months).subtract(days=1)
            end = max(end, minimum)
        return end


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Amendment:
    """A change made to the agreement after signing.

    Attributes:
        id: Unique among the agreement's amendments.
        date: The day it was made.
        description: What it changed.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    date: pendulum.Date = attrs.field(converter=to_date, **kinds.date())
    description: Text = attrs.field(converter=to_text, **kinds.text())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    extensions: Extensions = kinds.extensions()


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class RelatedInstrument:
    """Another instrument, and how the agreement relates to it: its lineage.

    Provincial quy chế cite their legal bases ("Căn cứ Nghị quyết liên tịch số
    19/2008/NQLT/..."), supersede earlier ones ("thay cho Quy chế phối hợp số 90/QCPH-VKS-TA
    ngày 30-9-2013") and come with companions signed at the same ceremony; US MOUs have
    predecessors and successors and sit as "Enclosure (3)" of an instruction. Where the other
    instrument is itself recorded as a coordagree document, ``document`` names its id, and
    ``coordagree validate FOLDER/`` checks that it is there.

    Attributes:
        relation: How the agreement relates to it; known values in `RelationKind`, others
            allowed.
        identifiers: Its numbers, as each source writes them.
        title: Its title, where known.
        other_names: Its other titles.
        kind: What sort of instrument; known values in `InstrumentKind`, others allowed.
        date: When it was made, at whatever precision is known.
        date_as_written: The source's wording of that ("ngày 30-9-2013").
        issuers: Ids of the parties that issued it.
        issuer_names: The bodies that issued it and are not parties of the agreement (one
            list of ids and one of names, rather than one list of either: a mistyped id would
            otherwise pass for a name).
        document: The id of the coordagree document that records it, if any.
        url: Where to read it.
        sources: Ids of the sources that mention it.
        claims: What each source says where sources disagree (its date, say).
        note: Anything else a reader should know.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    relation: str = attrs.field(**kinds.code(RelationKind, closed=False))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(Identifier)
    )
    title: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    other_names: tuple[OtherName, ...] = attrs.field(
        default=(), converter=to_tuple, **kinds.records(OtherName)
    )
    kind: str | None = attrs.field(default=None, **kinds.code(InstrumentKind, closed=False))
    date: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    date_as_written: str | None = attrs.field(default=None, **kinds.wording())
    issuers: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("party"))
    issuer_names: tuple[Text, ...] = attrs.field(default=(), converter=to_texts, **kinds.texts())
    document: str | None = attrs.field(default=None, **kinds.document())
    url: str | None = attrs.field(default=None, **kinds.string())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=to_tuple, **kinds.records(Claim))
    note: Text | None = attrs.field(default=None, converter=to_text, **kinds.text())
    extensions: Extensions = kinds.extensions()

    @property
    def label(self) -> str:
        """How to name it in a message: its title, else its first number, else its relation."""
        if self.title is not None:
            return self.title.value
        if self.identifiers:
            return self.identifiers[0].value
        return self.relation
