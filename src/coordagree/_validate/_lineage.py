"""``dangling-document``: across a set of documents, every ``related`` document id is there.

One agreement cannot know which other documents exist, so this rule runs over a set of them
(``coordagree validate FOLDER/``), not in `validate`.
"""

from __future__ import annotations

from collections.abc import Iterable

from coordagree._agreement import Agreement
from coordagree._lineage import Lineage
from coordagree._rules import RULES
from coordagree.errors import Finding

__all__ = ["EMITS", "check_documents"]

EMITS = frozenset({"dangling-document"})


def check_documents(agreements: Iterable[Agreement]) -> dict[str, list[Finding]]:
    """For each agreement id, a finding for each related document id not among ``agreements``."""
    lineage = Lineage(agreements)
    found: dict[str, list[Finding]] = {}
    rule = RULES["dangling-document"]
    for link in lineage.dangling():
        found.setdefault(link.agreement, []).append(
            Finding(
                code="dangling-document",
                severity=rule.severity,
                path=f"{link.path}/document",
                message=f"no document checked has id {link.target!r} "
                f"({link.relation} {link.instrument.label})",
                hint="check the id, or check that document with this one",
            )
        )
    return found
