"""``dangling-document``: across a set of documents, every ``related`` document id is there.

One agreement cannot know which other documents exist, so this rule runs over a set of them
(``coordagree validate FOLDER/``, from the ids and links each file's result carries), not in
`validate`; `dangling` makes its finding.
"""

from __future__ import annotations

from coordagree._rules import RULES
from coordagree.errors import Finding

__all__ = ["EMITS", "dangling"]

EMITS = frozenset({"dangling-document"})


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
