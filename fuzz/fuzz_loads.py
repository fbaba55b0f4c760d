"""Coverage-guided fuzzing of `coordagree.loads` with atheris (libFuzzer for Python).

The first byte of each input picks the format (JSON, YAML, TOML or guessed); the rest is the
document. The invariant is the one the test suite checks: `loads` returns an `Agreement`, which
validates without raising, round-trips, and exports to iCalendar, Mermaid and CSV (or stops at
the occurrence budget), or raises `DocumentError` with at least one finding whose code is
documented. Anything else is a crash, which atheris saves as ``crash-*``. The seed corpus holds
the hostile classes the test suite covers too: numbers no format holds back, YAML 1.1
scalars, long TOML dotted keys, RRULEs that cannot be expanded, text that injects into
exports.

Run (``pip install -e ".[fuzz]"``)::

    python fuzz/fuzz_loads.py fuzz/corpus -max_total_time=3600 -rss_limit_mb=2048

and turn each crash into a regression test: ``python fuzz/fuzz_loads.py --keep crash-<hash>``
copies it to ``tests/data/fuzz/``, where ``tests/test_robustness.py`` replays every file.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

FORMATS = ("json", "yaml", "toml", None)


def split(data: bytes) -> tuple[str | None, bytes]:
    """The format the first byte picks, and the document."""
    return FORMATS[data[0] % len(FORMATS)], data[1:]


def test_one_input(data: bytes) -> None:
    """Load one input; raise on anything but an Agreement or a DocumentError with findings."""
    import coordagree
    from coordagree.errors import DocumentError

    if not data:
        return
    fmt, document = split(data)
    try:
        agreement = coordagree.loads(document, fmt)  # type: ignore[arg-type]
    except DocumentError as error:
        if not error.findings or any(f.code not in coordagree.RULES for f in error.findings):
            raise AssertionError(f"findings without a documented code: {error.findings}") from None
        return
    coordagree.validate(agreement)
    if coordagree.loads(coordagree.dumps(agreement, "json"), "json") != agreement:
        raise AssertionError("the agreement does not round-trip")
    export(agreement)


def export(agreement: object) -> None:
    """Every export of a loaded agreement ends: an output, or the budget's error."""
    import coordagree
    from coordagree.errors import OccurrenceBudgetError

    try:
        coordagree.to_ics(agreement)  # type: ignore[arg-type]
        coordagree.to_mermaid(agreement)  # type: ignore[arg-type]
        period = agreement.period  # type: ignore[attr-defined]
        if period is not None and period.end is not None:
            coordagree.to_csv(coordagree.occurrences(agreement, period))  # type: ignore[arg-type]
    except OccurrenceBudgetError:
        pass  # a rule that falls too often for the window: refused, as documented


def keep(crash: str) -> Path:
    """Copy a crash input into the regression folder the tests replay."""
    data = Path(crash).read_bytes()
    fmt, _ = split(data) if data else (None, b"")
    target = Path(__file__).parent.parent / "tests" / "data" / "fuzz"
    name = f"{fmt or 'guess'}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
    shutil.copyfile(crash, target / name)
    return target / name


def main() -> None:
    """Fuzz, or with ``--keep FILE...`` file crashes as regression tests."""
    if sys.argv[1:2] == ["--keep"]:
        for crash in sys.argv[2:]:
            print(keep(crash))
        return
    import atheris

    with atheris.instrument_imports():
        import coordagree  # noqa: F401 - instrumented for coverage

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
