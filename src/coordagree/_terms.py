"""The agreement's terms beyond its contents: termination, amendments, related instruments."""

from __future__ import annotations

import attrs
import pendulum

from coordagree import _fields as kinds
from coordagree._codelists import InstrumentKind, RelationKind
from coordagree._duration import Duration, to_duration
from coordagree._extensions import Extensions
from coordagree._fields import kinded_fields
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._sources import Claim, Identifier, OtherName
from coordagree._text import Text, to_text, to_texts
from coordagree._validators import to_tuple

__all__ = ["Amendment", "RelatedInstrument", "Termination"]


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Termination:
    """How an agreement ends other than by its period running out.

    An open-ended MOU "in force until cancelled by 30 days' written notice" is
    ``Termination(notice="P30D", in_writing=True)``; a minimum term ("a minimum of five
    years", ``P5Y``) says how long it must run before notice can take effect.

    Attributes:
        notice: The notice a party must give.
        notice_as_written: The source's wording of that ("30 days written notice").
        in_writing: Whether notice must be written.
        minimum_term: How long the agreement runs at least.
        minimum_term_as_written: The source's wording of that ("a minimum of five years").
        by_any_party: Whether any one party may give notice (else all must agree).
        sources: Ids of the sources that support it.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    notice: Duration | None = attrs.field(default=None, converter=to_duration, **kinds.duration())
    notice_as_written: str | None = attrs.field(default=None, **kinds.wording(of="notice"))
    in_writing: bool = attrs.field(default=True, **kinds.flag())
    minimum_term: Duration | None = attrs.field(
        default=None, converter=to_duration, **kinds.duration()
    )
    minimum_term_as_written: str | None = attrs.field(
        default=None, **kinds.wording(of="minimum_term")
    )
    by_any_party: bool = attrs.field(default=True, **kinds.flag())
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, **kinds.refs("source"))
    extensions: Extensions = kinds.extensions()

    def earliest_end(self, start: pendulum.Date, notice_given: pendulum.Date) -> pendulum.Date:
        """The earliest last day of an agreement that began on ``start``, notice given then.

        Notice takes effect when it has run (30 days' notice given on 1 March ends it on
        31 March); never before the minimum term is over (five years from 20 March 1992 end
        on 19 March 1997).

        Examples:
            >>> terms = Termination(notice="P30D", minimum_term="P5Y")
            >>> terms.earliest_end(pendulum.Date(1992, 3, 20), pendulum.Date(1996, 1, 1))
            Date(1997, 3, 19)
            >>> terms.earliest_end(pendulum.Date(1992, 3, 20), pendulum.Date(2001, 3, 1))
            Date(2001, 3, 31)
        """
        end = notice_given if self.notice is None else self.notice.after(notice_given)
        if self.minimum_term is not None:
            end = max(end, self.minimum_term.after(start).subtract(days=1))
        return end


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class Amendment:
    """A change made to the agreement after signing.

    Attributes:
        id: Unique among the agreement's amendments.
        description: What it changed.
        date: When it was made, at whatever precision is known (``1997-05~``).
        date_as_written: The source's wording of that.
        sources: Ids of the sources that support it.
        claims: What each source says where sources disagree.
        extensions: Namespaced extra data (``x-`` keys), kept as given.
    """

    id: str = attrs.field(**kinds.identity())
    description: Text = attrs.field(converter=to_text, **kinds.text())
    date: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, **kinds.partial_date()
    )
    date_as_written: str | None = attrs.field(default=None, **kinds.wording(of="date"))
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
    date_as_written: str | None = attrs.field(default=None, **kinds.wording(of="date"))
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
