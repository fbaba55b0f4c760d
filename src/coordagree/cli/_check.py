"""Checking a file end to end (parse, structure, validate) for the command line.

A `FileResult` is plain data (it pickles), so files can be checked in worker processes; what
needs every document at once (`check_across`) reads only the ids each result carries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from coordagree._agreement import Agreement
from coordagree._documents import nfc_findings, positioned, read_document, read_file
from coordagree._formats import Format, Limits, Parsed, format_for_path
from coordagree._validate import validate
from coordagree._validate._lineage import dangling
from coordagree.errors import DocumentError, Finding, Severity

__all__ = ["STDIN", "DocumentLink", "FileResult", "check_across", "check_file"]

_UNPARSEABLE = {"syntax", "encoding", "unknown-format", "not-a-file", "too-large"}


@attrs.frozen
class DocumentLink:
    """A related instrument that names another coordagree document, and where it is written."""

    path: str
    target: str
    relation: str
    label: str
    line: int | None
    column: int | None


@attrs.frozen
class FileResult:
    """The findings for one file, and whether it could not be read or parsed at all.

    Attributes:
        path: The file.
        findings: Every finding, each with its line and column.
        unreadable: Whether the file could not be read or parsed at all.
        document: The id of the agreement it holds, once read.
        links: The coordagree documents its related instruments name.
    """

    path: str
    findings: tuple[Finding, ...]
    unreadable: bool = False
    document: str | None = None
    links: tuple[DocumentLink, ...] = ()

    def ok(self, *, strict: bool = False) -> bool:
        """No error (and, when ``strict``, no warning either)."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return not self.unreadable and not any(f.severity in failing for f in self.findings)

    def to_dict(self, *, strict: bool = False) -> dict[str, Any]:
        """JSON-ready: the file, whether it passes, and each finding with its place and code."""
        return {
            "file": self.path,
            "ok": self.ok(strict=strict),
            "findings": [
                {"file": self.path, "line": f.line, "column": f.column, **f.to_dict()}
                for f in self.findings
            ],
        }


STDIN = "<stdin>"
"""The name a document read from standard input (``-``) is reported under."""


def check_file(path: Path, stdin: bytes | None = None) -> FileResult:
    """Load and validate one file, collecting every finding rather than raising.

    The path ``-`` is the document ``stdin`` holds (read from standard input), its format
    told from its text.
    """
    name = str(path)
    fmt: Format | None
    try:
        if name == "-":
            name, fmt, data = STDIN, None, stdin or b""
        else:
            fmt = format_for_path(name)
            data = read_file(name, Limits())
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
    links = _links(agreement, parsed)
    return FileResult(name, (*placed, *extra), document=agreement.id, links=links)


def _links(agreement: Agreement, parsed: Parsed) -> tuple[DocumentLink, ...]:
    found = []
    for i, item in enumerate(agreement.related):
        if item.document:
            path = f"/related/{i}/document"
            line, column = parsed.position(path)
            found.append(DocumentLink(path, item.document, item.relation, item.label, line, column))
    return tuple(found)


def check_across(results: list[FileResult]) -> list[FileResult]:
    """``results`` with the findings that need all the documents at once.

    Those are related document ids that name none of them (``dangling-document``), each with
    its line and column. Where two files hold the same agreement id, the first one's links
    count, and both are told.
    """
    known: dict[str, FileResult] = {}
    for result in results:
        if result.document is not None:
            known.setdefault(result.document, result)
    across = {
        document: [
            dangling(link.path, link.target, link.relation, link.label, link.line, link.column)
            for link in first.links
            if link.target not in known
        ]
        for document, first in known.items()
    }
    done = []
    for result in results:
        found = across.get(result.document, []) if result.document is not None else []
        if found:
            result = attrs.evolve(result, findings=(*result.findings, *found))
        done.append(result)
    return done
