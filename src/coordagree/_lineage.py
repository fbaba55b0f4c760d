"""Lineage across documents: what an agreement supersedes, amends or implements, both ways.

Each agreement states its links in `Agreement.related`; a link whose instrument is itself
recorded as a coordagree document names it in ``document``. `Lineage` reads the links of a set
of agreements (a province's register, say) and answers both directions: an agreement that
says it ``supersedes`` another is what the other is ``superseded-by``, whichever of the two
states it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from coordagree._agreement import Agreement
from coordagree._codelists import INVERSE_RELATIONS, RelationKind
from coordagree._terms import RelatedInstrument

__all__ = ["Lineage", "Link"]


@attrs.frozen
class Link:
    """One link an agreement states: it relates to ``target`` as ``relation`` says.

    Attributes:
        agreement: The id of the agreement that states it.
        index: Where in that agreement's ``related`` list.
        relation: How the agreement relates to the instrument (``supersedes``).
        target: The id of the coordagree document that records the instrument, if given.
        instrument: The related instrument as recorded.
    """

    agreement: str
    index: int
    relation: str
    target: str | None
    instrument: RelatedInstrument

    @property
    def path(self) -> str:
        """The JSON Pointer of the link in its agreement's document."""
        return f"/related/{self.index}"


class Lineage:
    """The links between a set of agreements, read both ways.

    Examples:
        >>> import coordagree
        >>> old = coordagree.Agreement(id="qc-2013", title=coordagree.Text("Quy chế 2013"))
        >>> new = coordagree.Agreement(
        ...     id="qc-2020",
        ...     related=(coordagree.RelatedInstrument(relation="supersedes", document="qc-2013"),),
        ... )
        >>> lineage = coordagree.Lineage([old, new])
        >>> lineage.superseded_by("qc-2013"), lineage.supersedes("qc-2020")
        (('qc-2020',), ('qc-2013',))
        >>> lineage.chain("qc-2013")
        ('qc-2013', 'qc-2020')
    """

    def __init__(self, agreements: Iterable[Agreement]) -> None:
        self.agreements: dict[str, Agreement] = {}
        for agreement in agreements:
            self.agreements.setdefault(agreement.id, agreement)
        self.links: tuple[Link, ...] = tuple(
            Link(a.id, i, item.relation, item.document, item)
            for a in self.agreements.values()
            for i, item in enumerate(a.related)
        )

    def stated_by(self, agreement_id: str) -> tuple[Link, ...]:
        """The links agreement ``agreement_id`` states."""
        return tuple(link for link in self.links if link.agreement == agreement_id)

    def related(self, agreement_id: str, relation: str) -> tuple[str, ...]:
        """Ids of the documents ``agreement_id`` relates to as ``relation``, in the order found.

        Either side may state it: a ``supersedes`` here, or a ``superseded-by`` there.
        """
        found: list[str] = []
        inverse = INVERSE_RELATIONS.get(relation)
        for link in self.links:
            if link.agreement == agreement_id and link.relation == relation and link.target:
                found.append(link.target)
            elif inverse and link.target == agreement_id and link.relation == inverse:
                found.append(link.agreement)
        return tuple(dict.fromkeys(found))

    def supersedes(self, agreement_id: str) -> tuple[str, ...]:
        """Ids of the documents ``agreement_id`` replaces."""
        return self.related(agreement_id, RelationKind.SUPERSEDES)

    def superseded_by(self, agreement_id: str) -> tuple[str, ...]:
        """Ids of the documents that replace ``agreement_id``."""
        return self.related(agreement_id, RelationKind.SUPERSEDED_BY)

    def chain(self, agreement_id: str) -> tuple[str, ...]:
        """The line of succession through ``agreement_id``, oldest first (first of each step)."""
        line = [agreement_id]
        seen = {agreement_id}
        while (earlier := self.supersedes(line[0])) and earlier[0] not in seen:
            line.insert(0, earlier[0])
            seen.add(earlier[0])
        while (later := self.superseded_by(line[-1])) and later[0] not in seen:
            line.append(later[0])
            seen.add(later[0])
        return tuple(line)

    def dangling(self) -> tuple[Link, ...]:
        """The links whose ``document`` is not among the agreements read."""
        return tuple(
            link for link in self.links if link.target and link.target not in self.agreements
        )
