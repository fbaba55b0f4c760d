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

__all__ = ["EMITS", "check_documents", "dangling"]

EMITS = frozenset({"dangling-document"})


def check_documents(agreements: Iterable[Agreement]) -> dict[str, list[Finding]]:
    """For each agreement id, a finding for each related document id not among ``agreements``."""
    lineage = Lineage(agreements)
    found: dict[str, list[Finding]] = {}
    for link in lineage.dangling():
        assert link.target is not None
        found.setdefault(link.agreement, []).append(
            dangling(f"{link.path}/document", link.target, link.relation, link.instrument.label)
        )
    return found


def dangling(
    path: str, target: str, relation: str, label: str, line: int | None = None,
    column: int | None = None,
) -> Finding:  # fmt: skip
    """The ``dangling-document`` finding for a related instrument naming document ``target``."""
    return Finding(
        code="dangling-document",
        severity=RULES["dangling-document"].severity,
        path=path,
        message=f"no document checked has id {target!r} ({relation} {label})",
        hint="check the id, or check that document with this one",
        line=line,
        column=column,
    )
