"""coordagree's exceptions and the finding type they carry.

Every exception coordagree raises on purpose derives from `CoordagreeError`; each leaf also
derives from the builtin that fits, so ``except ValueError`` keeps working::

    CoordagreeError(Exception)
    ├── ModelError                      a model value is impossible
    │   ├── InvalidValueError(ValueError)   right type, impossible value
    │   └── InvalidTypeError(TypeError)     wrong type
    ├── DocumentError(ValueError)       a document cannot be loaded; `.findings` lists every problem
    │   └── UnsupportedVersionError         the document's format version is not readable
    ├── InvalidArgumentError(ValueError) a function argument is unusable (window, as_of, party id)
    │   └── UnknownIdError(KeyError)        a lookup named an id the agreement does not have
    ├── OccurrenceBudgetError(ValueError) expanding recurrences would pass the occurrence budget
    ├── WordingError(ValueError)        wording is not the one expression asked for
    └── MissingExtraError(ImportError)  an optional feature's extra is not installed

Classes, attributes and finding codes are public API; message wording may improve.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "CoordagreeError",
    "DocumentError",
    "Finding",
    "InvalidArgumentError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "ModelError",
    "OccurrenceBudgetError",
    "Severity",
    "UnknownIdError",
    "UnsupportedVersionError",
    "WordingError",
]


class Severity(enum.StrEnum):
    """How serious a finding is; the value reads the same in Python and in JSON."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a document or an agreement.

    Attributes:
        code: Stable identifier of the rule, such as ``"unresolved-reference"``.
        severity: How serious it is.
        path: JSON Pointer (RFC 6901) into the document form, ``""`` for the whole document.
        message: What is wrong, for a person.
        hint: How to fix it, where a common slip is recognised.
        line: 1-based line in the source file, where known.
        column: 1-based column in the source file, where known.
    """

    code: str
    severity: Severity
    path: str
    message: str
    hint: str | None = None
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """This finding as plain JSON-ready data, leaving out what is unknown."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
        }
        for key in ("hint", "line", "column"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def __str__(self) -> str:
        where = self.path or "/"
        if self.line is not None:
            where = f"{where} (line {self.line}, column {self.column})"
        text = f"{where}: {self.message} [{self.code}]"
        return f"{text}; hint: {self.hint}" if self.hint else text


class CoordagreeError(Exception):
    """The root of every error coordagree raises on purpose."""


class ModelError(CoordagreeError):
    """A model class was given a value it cannot hold.

    Attributes:
        field: The attribute that was refused, such as ``"end"``.
        code: Stable finding code, such as ``"period-order"``.
        value: The value that was refused.
        hint: How to fix it, where a common slip is recognised.
    """

    default_code = "invalid-value"

    def __init__(
        self,
        message: str,
        *,
        field: str,
        value: object = None,
        code: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value
        self.code = code or self.default_code
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; hint: {self.hint}" if self.hint else self.message


class InvalidValueError(ModelError, ValueError):
    """A value of the right type that the model cannot accept (an end before its start)."""


class InvalidTypeError(ModelError, TypeError):
    """A value of the wrong type (a number where text is expected)."""

    default_code = "wrong-type"


class DocumentError(CoordagreeError, ValueError):
    """A document could not be loaded; `findings` lists every problem found, not only the first.

    Attributes:
        findings: Every problem, each with a code, a JSON Pointer path and a message.
        source: The file the document came from, where known.
    """

    def __init__(self, findings: Iterable[Finding], *, source: str | None = None) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.findings)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} in the document:"]
        lines.extend(f"  {finding}" for finding in self.findings)
        return "\n".join(lines)

    @property
    def codes(self) -> Sequence[str]:
        """The codes of the findings, in order."""
        return [finding.code for finding in self.findings]


class UnsupportedVersionError(DocumentError):
    """The document's ``coordagree:`` format version cannot be read by this version."""


class InvalidArgumentError(CoordagreeError, ValueError):
    """A function was called with an argument it cannot use.

    Attributes:
        argument: The name of the argument, such as ``"window"``.
    """

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class UnknownIdError(InvalidArgumentError, KeyError):
    """A lookup named an id the agreement does not have.

    Attributes:
        kind: What was looked up ("party", "person", ...).
        id: The id that was not found.
    """

    def __init__(self, kind: str, id: str) -> None:
        super().__init__(f"the agreement has no {kind} with id {id!r}", argument=kind)
        self.kind = kind
        self.id = id

    def __str__(self) -> str:
        return str(self.args[0])


class OccurrenceBudgetError(CoordagreeError, ValueError):
    """Expanding recurrences would give more occurrences than the budget allows.

    A rule that falls daily for a thousand years, or a query over many such rules, is refused
    before it costs gigabytes; ask about a shorter window, or raise the budget with
    `coordagree.occurrence_budget`.

    Attributes:
        budget: The number of occurrences allowed.
    """

    def __init__(self, message: str, *, budget: int) -> None:
        super().__init__(message)
        self.budget = budget


class WordingError(CoordagreeError, ValueError):
    """Wording is not the one date, period or duration it was read as (`coordagree.wording`).

    Attributes:
        text: The wording.
        offset: Where in it the problem is (a character offset, from 0).
    """

    def __init__(self, message: str, *, text: str, offset: int = 0) -> None:
        super().__init__(message)
        self.text = text
        self.offset = offset


class MissingExtraError(CoordagreeError, ImportError):
    """An optional feature was used without its extra (``pip install coordagree[ics]``)."""
