"""SARIF 2.1.0, the report GitHub code scanning and other tools read, from validate's results."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from coordagree._rules import RULES
from coordagree.cli._check import FileResult
from coordagree.errors import Severity

__all__ = ["sarif"]

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _version() -> str:
    try:
        return version("coordagree")
    except PackageNotFoundError:  # run from a source tree
        return "0"


def sarif(results: list[FileResult]) -> dict[str, Any]:
    """One SARIF log: a run of coordagree, its rules, and a result for each finding."""
    used = sorted({finding.code for result in results for finding in result.findings})
    rules = [
        {
            "id": code,
            "shortDescription": {"text": RULES[code].summary if code in RULES else code},
            "defaultConfiguration": {
                "level": _LEVELS[RULES[code].severity] if code in RULES else "error"
            },
            "helpUri": f"https://coordagree.readthedocs.io/reference/codes/#{code}",
        }
        for code in used
    ]
    found = [
        {
            "ruleId": finding.code,
            "ruleIndex": used.index(finding.code),
            "level": _LEVELS[finding.severity],
            "message": {
                "text": f"{finding.path or '/'}: {finding.message}"
                + (f" (hint: {finding.hint})" if finding.hint else "")
            },
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": result.path},
                        "region": {
                            "startLine": finding.line or 1,
                            "startColumn": finding.column or 1,
                        },
                    },
                    "logicalLocations": [{"fullyQualifiedName": finding.path or "/"}],
                }
            ],
        }
        for result in results
        for finding in result.findings
    ]
    return {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "coordagree",
                        "version": _version(),
                        "informationUri": "https://coordagree.readthedocs.io",
                        "rules": rules,
                    }
                },
                "results": found,
            }
        ],
    }
