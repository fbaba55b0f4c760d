"""Validation: every semantic problem in an agreement at once, as findings with stable codes.

`validate` indexes the agreement once (`_context`), then runs each rule; each rule module is
named by what it checks and declares the codes it emits (``EMITS``; a test checks that every
semantic code has exactly one owner). No rule loops over a collection for each member of
another, so validation is linear in the agreement's size. It never raises for a well-typed
agreement and never changes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from coordagree._agreement import Agreement, require_agreement
from coordagree._rules import RULES
from coordagree._validate import (
    _bodies,
    _claims,
    _codelists,
    _commitments,
    _context,
    _dates,
    _extensions,
    _fiscal,
    _hierarchy,
    _lineage,
    _references,
    _tasks,
    _texts,
    _wording,
)
from coordagree._validate._report import Report
from coordagree.errors import InvalidArgumentError, Severity

__all__ = ["RULE_MODULES", "Report", "validate"]

RULE_MODULES = (
    _context,
    _references,
    _hierarchy,
    _dates,
    _commitments,
    _tasks,
    _texts,
    _codelists,
    _claims,
    _extensions,
    _lineage,
    _bodies,
    _fiscal,
    _wording,
)
"""The modules that emit semantic findings, each with its ``EMITS``."""

_RULES = (
    _references.check_references,
    _hierarchy.check_hierarchy,
    _dates.check_dates,
    _commitments.check_commitments,
    _tasks.check_tasks,
    _texts.check_texts,
    _codelists.check_codelists,
    _claims.check_claims,
    _extensions.check_extensions,
    _bodies.check_bodies,
    _fiscal.check_fiscal_years,
    _wording.check_wording,
)


def validate(
    agreement: Agreement,
    *,
    disable: Iterable[str] = (),
    severities: Mapping[str, Severity | str] | None = None,
) -> Report:
    """Check an agreement against every semantic rule and report all findings at once.

    Args:
        agreement: The agreement to check.
        disable: Codes to switch off.
        severities: Codes to re-grade, such as ``{"commitment-count-mismatch": "info"}``.

    Returns:
        A `Report` of every finding, in document order.

    Raises:
        InvalidArgumentError: ``agreement`` is not an `Agreement`, or a code is unknown.

    Examples:
        >>> import coordagree
        >>> report = coordagree.validate(coordagree.seed_programme())
        >>> report.ok, report.codes()
        (True, ['commitment-count-mismatch'])
        >>> report.findings[0].path
        '/declared_commitments'
    """
    require_agreement(agreement)
    off = set(disable)
    regrade = {code: Severity(level) for code, level in (severities or {}).items()}
    for argument, codes in (("disable", off), ("severities", regrade.keys())):
        unknown = sorted(code for code in codes if code not in RULES)
        if unknown:
            raise InvalidArgumentError(
                f"'{argument}' names unknown codes: {', '.join(unknown)}", argument=argument
            )
    ctx = _context.Context(agreement)
    _context.index(ctx)
    for rule in _RULES:
        rule(ctx)
    findings = [
        attrs.evolve(f, severity=regrade.get(f.code, f.severity))
        for f in ctx.findings
        if f.code not in off
    ]
    return Report(tuple(sorted(findings, key=lambda f: _path_key(f.path))))


def _path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(t)) if t.isdigit() else (1, t) for t in path.split("/")[1:])
