"""Every finding code coordagree reports, with its default severity and what it means.

Codes and severities are public API. Structural codes come from loading a document;
semantic ones from `validate`. Every code here has a section on the docs' validation page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from coordagree.errors import Severity

__all__ = ["RULES", "Rule"]


@attrs.frozen
class Rule:
    """A finding code: its default severity, whether it is structural, and what it means.

    Attributes:
        code: The stable code.
        severity: Its default severity (semantic rules may be re-graded).
        structural: True for problems found while loading a document.
        summary: What it means, in one line.
    """

    code: str
    severity: Severity
    structural: bool
    summary: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE = [
    # structural: the document cannot become an Agreement
    ("syntax", _E, True, "The text is not valid JSON, YAML or TOML."),
    ("encoding", _E, True, "The bytes are not UTF-8, or a string holds an unpaired surrogate."),
    ("unknown-format", _E, True, "The file's extension names no known format."),
    ("too-large", _E, True, "The document is over the size or value-count limit."),
    ("too-deep", _E, True, "The document nests deeper than the limit."),
    ("too-long", _E, True, "A string is longer than the limit."),
    ("too-many-aliases", _E, True, "A YAML document uses more aliases than the limit."),
    ("too-many-findings", _E, True, "A refused document has more findings than are listed."),
    ("bad-number", _E, True, "A number is NaN, infinite, or has more digits than can be read."),
    ("not-a-file", _E, True, "The path names a folder, a FIFO or a device, not a file."),
    ("unsafe-yaml", _E, True, "A YAML tag, merge key or object constructor was refused."),
    ("bad-key", _E, True, "A mapping key is not a string."),
    ("duplicate-key", _E, True, "A key appears twice in one mapping."),
    ("version-missing", _E, True, "The document has no `coordagree` format version key."),
    ("version-unsupported", _E, True, "The format version is unknown or newer than this one."),
    ("unknown-key", _E, True, "A key is not a field of its object (nor an `x-` extension)."),
    ("missing-field", _E, True, "A required field is absent."),
    ("wrong-type", _E, True, "A value has the wrong type."),
    ("invalid-value", _E, True, "A value is of the right type but impossible."),
    (
        "bad-date",
        _E,
        True,
        "A date is not ISO 8601 / EDTF (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `FY1995`), or names a "
        "fiscal year when no `fiscal_year_start` is stated.",
    ),
    ("bad-duration", _E, True, "A duration is not ISO 8601 (`P5Y`, `P6M`, `P2W`, `P30D`)."),
    ("bad-datetime", _E, True, "A datetime is not ISO 8601 with its UTC offset."),
    ("bad-rrule", _E, True, "A recurrence is not a valid RFC 5545 RRULE."),
    ("bad-code", _E, True, "A value is not one of a closed codelist's values."),
    ("bad-id", _E, True, "An id has characters other than letters, digits and `._:-`."),
    ("bad-timezone", _E, True, "The time zone is not an IANA zone name."),
    ("bad-extension", _E, True, "An extension key does not start with `x-`."),
    ("period-order", _E, True, "A period or position ends before it starts."),
    ("precision-mismatch", _E, True, "A year or month bound is not that unit's first/last day."),
    ("missing-language", _E, True, "Text has translations but no primary language."),
    ("duplicate-language", _E, True, "A translation repeats the primary language."),
    # semantic: the agreement is well-formed but wrong
    ("duplicate-id", _E, False, "Two records of one kind share an id."),
    ("unresolved-reference", _E, False, "An id reference names no record of its kind."),
    (
        "hierarchy-cycle",
        _E,
        False,
        "A record is its own ancestor (`parent`, `directed_by`, `member_of`).",
    ),
    ("schedule-outside-period", _E, False, "A schedule's period is not inside the agreement's."),
    (
        "task-outside-schedule",
        _E,
        False,
        "A task's due window is not inside its schedule's period.",
    ),
    ("review-outside-period", _E, False, "A review is due outside the agreement's period."),
    ("recurrence-empty", _E, False, "A recurrence produces no occurrence inside its window."),
    (
        "unanchored-recurrence",
        _W,
        False,
        "A recurrence has no known start to count from, so it has no occurrences.",
    ),
    (
        "rrule-count-and-until",
        _E,
        False,
        "An RRULE has both COUNT and UNTIL (RFC 5545 forbids it).",
    ),
    ("signature-after-end", _E, False, "A party signed after the agreement's period ended."),
    (
        "signature-event-date-mismatch",
        _W,
        False,
        "A signature's date and the date of the event it was signed at cannot be the same day.",
    ),
    (
        "amendment-before-signing",
        _W,
        False,
        "An amendment is dated before the agreement was first signed.",
    ),
    (
        "term-shorter-than-minimum",
        _W,
        False,
        "The agreement's period ends before its minimum term is over.",
    ),
    (
        "review-held-before-covered",
        _W,
        False,
        "A review was held before the period it covers began.",
    ),
    (
        "wording-mismatch",
        _W,
        False,
        "A date, period or duration disagrees with the source's wording kept beside it.",
    ),
    (
        "fiscal-year-mismatch",
        _E,
        False,
        "A fiscal-year date starts in another month than the agreement's fiscal years.",
    ),
    (
        "effective-outside-period",
        _E,
        False,
        "The agreement's or a commitment's effective date is outside the period.",
    ),
    (
        "event-start-date-mismatch",
        _E,
        False,
        "An event's start, in the agreement's time zone, falls on another day than its date.",
    ),
    ("position-not-held", _W, False, "An event cites a position its holder did not hold that day."),
    ("commitment-number-repeated", _E, False, "Two commitments have the same number."),
    ("commitment-number-gap", _W, False, "Commitment numbers skip a number."),
    ("commitment-count-mismatch", _W, False, "Fewer commitments are listed than declared."),
    ("commitment-count-exceeded", _E, False, "More commitments are listed than declared."),
    ("commitment-unassigned", _W, False, "A commitment names no responsible party."),
    ("task-no-owner", _E, False, "A task has no owner."),
    ("task-completed-without-end", _E, False, "A completed task has no actual end date."),
    ("completed-after-due", _W, False, "A task was completed after it was due."),
    (
        "status-history-mismatch",
        _W,
        False,
        "A task's status differs from its latest recorded change.",
    ),
    ("status-history-order", _W, False, "A task's status changes are not in date order."),
    ("empty-text", _E, False, "A text is empty or only white space."),
    ("text-not-nfc", _W, False, "Text is not in Unicode NFC (it is normalised on loading)."),
    ("bad-language-tag", _E, False, "A language key is not a well-formed BCP 47 tag."),
    ("unknown-code", _I, False, "An open codelist value is not one of the known values."),
    ("claim-unknown-field", _E, False, "A claim names a field its record does not have."),
    ("claim-bad-value", _W, False, "A claimed value is not one its field could hold."),
    (
        "membership-without-holder",
        _E,
        False,
        "A membership names no party, person or position, or a position without its person.",
    ),
    (
        "toml-null",
        _W,
        False,
        "Extension data holds a null, which TOML cannot write (saving as TOML is refused).",
    ),
    (
        "dangling-document",
        _W,
        False,
        "A related instrument names a coordagree document that is not among those checked.",
    ),
]

RULES: Mapping[str, Rule] = MappingProxyType(
    {
        code: Rule(code, severity, structural, summary)
        for code, severity, structural, summary in _TABLE
    }
)
"""Every finding code, structural and semantic, by code."""
