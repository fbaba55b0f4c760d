"""Checking a file end to end (parse, structure, validate) for the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from coordagree._agreement import Agreement
from coordagree._documents import nfc_findings, positioned, read_document
from coordagree._formats import Parsed, format_for_path
from coordagree._validate import validate
from coordagree._validate._lineage import check_documents
from coordagree.errors import DocumentError, Finding, Severity

__all__ = ["FileResult", "check_across", "check_file"]

_UNPARSEABLE = {"syntax", "encoding", "unknown-format"}


@attrs.frozen
class FileResult:
    """The findings for one file, and whether it could not be read or parsed at all."""

    path: str
    findings: tuple[Finding, ...]
    unreadable: bool = False
    agreement: Agreement | None = attrs.field(default=None, eq=False, repr=False)
    parsed: Parsed | None = attrs.field(default=None, eq=False, repr=False)

    def ok(self, *, strict: bool = False) -> bool:
        """No error (and, when ``strict``, no warning either)."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return not self.unreadable and not any(f.severity in failing for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the file and each finding with file, line, column, code, path..."""
        return {
            "file": self.path,
            "ok": self.ok(),
            "findings": [
                {"file": self.path, "line": f.line, "column": f.column, **f.to_dict()}
                for f in self.findings
            ],
        }


def check_file(path: Path) -> FileResult:
    """Load and validate one file, collecting every finding rather than raising."""
    name = str(path)
    try:
        fmt = format_for_path(name)
        data = path.read_bytes()
    except DocumentError as exc:
        return FileResult(name, exc.findings, unreadable=True)
    except OSError as exc:
        problem = Finding(
            code="unreadable",
            severity=Severity.ERROR,
            path="",
            message=f"cannot read the file: {exc.strerror or exc}",
        )
        return FileResult(name, (problem,), unreadable=True)
    try:
        agreement, parsed = read_document(data, fmt, source=name)
    except DocumentError as exc:
        codes = {f.code for f in exc.findings}
        return FileResult(name, exc.findings, unreadable=codes <= _UNPARSEABLE)
    report = validate(agreement)
    placed = positioned(report.findings, parsed)
    seen = {(f.code, f.path) for f in placed}
    extra = [f for f in nfc_findings(parsed) if (f.code, f.path) not in seen]
    return FileResult(name, (*placed, *extra), agreement=agreement, parsed=parsed)


def check_across(results: list[FileResult]) -> list[FileResult]:
    """``results`` with the findings that need all the documents at once.

    Those are related document ids that name none of them (``dangling-document``), each with
    its line and column.
    """
    across = check_documents(r.agreement for r in results if r.agreement is not None)
    done = []
    for result in results:
        found = across.get(result.agreement.id, []) if result.agreement is not None else []
        if found and result.parsed is not None:
            result = attrs.evolve(
                result, findings=(*result.findings, *positioned(found, result.parsed))
            )
        done.append(result)
    return done
