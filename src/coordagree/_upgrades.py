"""Upgrades between document format versions: one function a step, from plain data to plain data.

Each step takes a document of one version (its plain data, without the version key) and gives
the same facts in the next version, losing none. `coordagree.upgrade` applies them in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["UPGRADES"]


def _from_1_0(document: dict[str, Any]) -> dict[str, Any]:
    """1.0 to 1.1, fact for fact.

    The single ``provenance`` becomes a source; a related ``identifier`` a number; commitment
    numbers become text; a responsibility's role left out (1.0: co-operating) is written out;
    termination's ``notice_days`` and ``minimum_months`` become durations (``P30D``, ``P12M``).

    The provenance's ``source`` (the publisher's name) is the source's ``publisher``; it gets the
    id ``provenance``, which nothing else in a 1.0 document can use.
    """
    upgraded = dict(document)
    provenance = upgraded.pop("provenance", None)
    if isinstance(provenance, dict):
        source = {"id": "provenance"}
        for key, value in provenance.items():
            source["publisher" if key == "source" else key] = value
        existing = upgraded.get("sources")
        upgraded["sources"] = [source, *(existing if isinstance(existing, list) else [])]
    elif provenance is not None:
        upgraded["provenance"] = provenance  # not a mapping: left for the loader to report
    related = upgraded.get("related")
    if isinstance(related, list):
        upgraded["related"] = [_related_from_1_0(item) for item in related]
    commitments = upgraded.get("commitments")
    if isinstance(commitments, list):
        upgraded["commitments"] = [_commitment_from_1_0(item) for item in commitments]
    if isinstance(upgraded.get("termination"), dict):
        upgraded["termination"] = _termination_from_1_0(upgraded["termination"])
    return upgraded


def _termination_from_1_0(terms: dict[str, Any]) -> dict[str, Any]:
    """Counts of days and months become durations in those units (30 -> P30D, 12 -> P12M)."""
    moved = {}
    for key, value in terms.items():
        if key in _COUNTED and isinstance(value, int) and not isinstance(value, bool):
            name, unit = _COUNTED[key]
            moved[name] = f"P{value}{unit}"
        else:
            moved[key] = value  # anything else, for the loader to read or report
    return moved


_COUNTED = {"notice_days": ("notice", "D"), "minimum_months": ("minimum_term", "M")}


def _commitment_from_1_0(item: Any) -> Any:
    """A number as written (1.1 keeps "2.A"); a role left out was co-operating (1.1: not stated)."""
    if not isinstance(item, dict):
        return item
    moved = dict(item)
    number = moved.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        moved["number"] = str(number)
    responsible = moved.get("responsible")
    if isinstance(responsible, list):
        moved["responsible"] = [
            {**duty, "role": "co-operating"}
            if isinstance(duty, dict) and "role" not in duty
            else duty
            for duty in responsible
        ]
    return moved


def _related_from_1_0(item: Any) -> Any:
    if not isinstance(item, dict) or "identifier" not in item:
        return item
    moved = {key: value for key, value in item.items() if key != "identifier"}
    number = item["identifier"]
    moved["identifiers"] = [{"value": number}] if number is not None else []
    return moved


UPGRADES: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "1.0": ("1.1", _from_1_0),
}
"""Format version -> (next version, function that upgrades a document to it)."""
