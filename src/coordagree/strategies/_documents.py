"""Documents of agreements, and documents broken in one known way."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from coordagree._documents import to_document
from coordagree.strategies._agreements import agreements


def documents(**kwargs: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid agreements as plain document data, ready for `coordagree.from_document` or dumping.

    Takes the same arguments as `agreements`.
    """
    return agreements(**kwargs).map(to_document)


@attrs.frozen
class Defect:
    """A defect applied to a document, and the finding it must produce.

    Attributes:
        code: The finding's code.
        path: The finding's JSON Pointer.
        structural: True when loading fails; False when the loaded agreement fails validation.
    """

    code: str
    path: str
    structural: bool


def _break(draw: st.DrawFn, doc: dict[str, Any]) -> Defect:
    choice = draw(
        st.sampled_from(
            [
                "duplicate-id",
                "unresolved-reference",
                "task-outside-schedule",
                "bad-date",
                "unknown-key",
                "missing-field",
            ]
        )
    )
    parties_list = doc["parties"]
    if choice == "duplicate-id":
        parties_list.append(dict(parties_list[0]))
        return Defect("duplicate-id", f"/parties/{len(parties_list) - 1}/id", False)
    if choice == "unresolved-reference":
        task = doc["schedules"][0]["tasks"][0]
        task["owners"][0] = "no-such-party"
        task.pop("rotation", None)
        return Defect("unresolved-reference", "/schedules/0/tasks/0/owners/0", False)
    if choice == "task-outside-schedule":
        schedule = doc["schedules"][0]
        task = schedule["tasks"][0]
        task["due"] = "2099-12-31"
        for key in ("recurrence", "actual", "history"):
            task.pop(key, None)
        task.pop("status", None)
        return Defect("task-outside-schedule", "/schedules/0/tasks/0/due", False)
    if choice == "bad-date":
        doc["period"] = {"start": "29/5/2023"}
        return Defect("bad-date", "/period/start", True)
    if choice == "unknown-key":
        parties_list[0]["nmae"] = "typo"
        return Defect("unknown-key", "/parties/0/nmae", True)
    del parties_list[0]["name"]
    return Defect("missing-field", "/parties/0/name", True)


def broken_documents(**kwargs: Any) -> st.SearchStrategy[tuple[dict[str, Any], Defect]]:
    """A valid document with one known defect applied, with the finding it must produce.

    The defect is one of: a duplicated party id, a task owner that names no party, a task due
    outside its schedule, a day-first date (``29/5/2023``), a misspelt key, a missing required
    field. Takes the same arguments as `agreements` (at least one task is always drawn).
    """
    kwargs.setdefault("min_tasks", 1)
    kwargs["min_tasks"] = max(1, kwargs["min_tasks"])
    kwargs.setdefault("max_tasks", max(kwargs["min_tasks"], 3))

    @st.composite
    def draw_broken(draw: st.DrawFn) -> tuple[dict[str, Any], Defect]:
        doc = draw(documents(**kwargs))
        defect = _break(draw, doc)
        return doc, defect

    return draw_broken()
