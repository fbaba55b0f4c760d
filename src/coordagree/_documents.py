"""Documents: load and dump agreements as JSON, YAML or TOML, in a versioned format.

A document's first key is ``coordagree: "1.1"``, its format version; the rest is the agreement,
keyed by the classes' attribute names. This module joins `_formats` (text ⇄ plain data) and
`_convert` (plain data ⇄ model), and owns format versions and upgrades.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs

from coordagree import _fastjson
from coordagree._agreement import Agreement, require_agreement
from coordagree._atomic import write_atomic
from coordagree._convert import by_identity, make_converter, unstructure_period, written_period
from coordagree._date_context import reading_of
from coordagree._fastwrite import writer
from coordagree._findings import structure_findings
from coordagree._formats import (
    Format,
    Limits,
    Parsed,
    format_for_path,
    parse,
    render,
    render_json,
)
from coordagree._gc import collector_paused
from coordagree._pointer import pointer
from coordagree._tasks import StatusChange, Task
from coordagree._upgrades import UPGRADES
from coordagree.errors import (
    DocumentError,
    Finding,
    Severity,
    UnsupportedVersionError,
)

__all__ = [
    "FORMAT_VERSION",
    "VERSION_KEY",
    "dump",
    "dumps",
    "from_document",
    "load",
    "loads",
    "read_document",
    "to_document",
    "upgrade",
]

FORMAT_VERSION = "1.1"
"""The document format version this coordagree writes."""

VERSION_KEY = "coordagree"
"""The key that holds a document's format version."""

_UPGRADES = UPGRADES


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter for documents: `make_converter`'s, with generated writers for tasks."""
    converter = make_converter()
    change = writer(StatusChange, converter, ids=list, period=unstructure_period, records={})
    converter.register_unstructure_hook(StatusChange, change)
    converter.register_unstructure_hook(
        Task,
        writer(
            Task, converter, ids=list, period=unstructure_period, records={StatusChange: change}
        ),
    )
    return converter


def task_document(task: Task) -> dict[str, Any]:
    """A task's document form, as the converter writes it; the caller's own to edit."""
    return _converter().unstructure(task, Task)  # type: ignore[no-any-return]


@functools.cache
def _json_converter() -> cattrs.Converter:
    """The converter for JSON text: it leaves tasks as they are, for `task_json` to give.

    orjson asks for each task's plain data as it writes, and frees it at once, instead of
    holding a plain copy of every task at the same time.
    """
    converter = make_converter()  # not a copy: that keeps hooks made with the task hook
    converter.register_unstructure_hook(Task, lambda task: task)
    tasks = tuple[Task, ...]  # ... and their tuples too: orjson writes tuples as lists
    converter.register_unstructure_hook_func(lambda cls: cls == tasks, lambda value: value)
    return converter


@functools.cache
def _task_json() -> Any:
    converter = _converter()
    change = by_identity(
        writer(StatusChange, converter, ids=tuple, period=written_period, records={})
    )
    return writer(Task, converter, ids=tuple, period=written_period, records={StatusChange: change})


def task_json(task: Task) -> dict[str, Any]:
    """`task_document`, for a writer that only reads it: what tasks share is not copied.

    Tuples of ids stay tuples (orjson writes them as lists), and periods and status changes
    are written once per object and shared between the tasks that share them.
    """
    return _task_json()(task)  # type: ignore[no-any-return]


def _json_task(value: Any) -> Any:
    if type(value) is Task:
        return task_json(value)
    raise TypeError(f"{type(value).__name__} is not plain data")  # pragma: no cover - a bug


def _error(code: str, path: str, message: str, hint: str | None = None) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, path=path, message=message, hint=hint)


def _version_of(data: Mapping[str, Any]) -> str:
    if VERSION_KEY not in data:
        raise DocumentError(
            [
                _error(
                    "version-missing",
                    "",
                    f"the document has no {VERSION_KEY!r} key naming its format version",
                    hint=f'start the document with {VERSION_KEY}: "{FORMAT_VERSION}"',
                )
            ]
        )
    version = data[VERSION_KEY]
    if isinstance(version, float):  # an unquoted 1.0 in YAML or TOML
        version = repr(version)
    if not isinstance(version, str):
        raise DocumentError(
            [
                _error(
                    "version-unsupported",
                    f"/{VERSION_KEY}",
                    f"the format version must be a string such as {FORMAT_VERSION!r} "
                    f"(got {version!r})",
                )
            ]
        )
    return version


def _major_minor(version: str) -> tuple[int, int] | None:
    major, _, minor = version.partition(".")
    if major.isdigit() and (minor.isdigit() or not minor):
        return int(major), int(minor or 0)
    return None


def upgrade(data: Mapping[str, Any]) -> dict[str, Any]:
    """A document's plain data, upgraded to the current format version.

    Each older version that can be upgraded has a step to the next; steps are applied in turn.
    A document already at `FORMAT_VERSION` comes back as a copy.

    Raises:
        UnsupportedVersionError: the version is missing, malformed, newer than this coordagree
            reads, or older with no upgrade path.
    """
    from coordagree import __version__

    document = dict(data)
    version = _version_of(document)
    while version != FORMAT_VERSION:
        here, current = _major_minor(version), _major_minor(FORMAT_VERSION)
        if here is not None and current is not None and here > current:
            raise UnsupportedVersionError(
                [
                    _error(
                        "version-unsupported",
                        f"/{VERSION_KEY}",
                        f"this document is format {version}, newer than {FORMAT_VERSION}: "
                        f"it needs coordagree >= a release that reads format {version} "
                        f"(this is coordagree {__version__})",
                        hint="upgrade coordagree: pip install -U coordagree",
                    )
                ]
            )
        if version not in _UPGRADES:
            raise UnsupportedVersionError(
                [
                    _error(
                        "version-unsupported",
                        f"/{VERSION_KEY}",
                        f"format version {version!r} is not one coordagree knows "
                        f"(it reads {FORMAT_VERSION}) and has no upgrade path",
                        hint=f'the current format is {VERSION_KEY}: "{FORMAT_VERSION}"',
                    )
                ]
            )
        version, step = _UPGRADES[version]
        document = step(document)
        document[VERSION_KEY] = version
    return document


def from_document(data: Any, *, source: str | None = None) -> Agreement:
    """An `Agreement` from a document's plain data (what `json.loads` gives).

    Raises:
        DocumentError: with every structural problem found, each at its JSON Pointer.
    """
    return _structure(Parsed(data, {}), source)


def _structure(parsed: Parsed, source: str | None, most: int | None = None) -> Agreement:
    data = parsed.data
    if not isinstance(data, Mapping):
        raise DocumentError(
            [_error("wrong-type", "", "a document must be a mapping of keys to values")],
            source=source,
        )
    try:
        body = upgrade(data)
    except DocumentError as exc:
        raise type(exc)(positioned(exc.findings, parsed), source=source) from None
    body.pop(VERSION_KEY)
    try:
        with reading_of(body):  # FY dates and date hints, as the document states them
            return _converter().structure(body, Agreement)
    except Exception as exc:
        findings = structure_findings(exc, most=Limits().max_findings if most is None else most)
        raise DocumentError(positioned(findings, parsed), source=source) from None


def positioned(findings: Any, parsed: Parsed) -> list[Finding]:
    """Each finding with the line and column of its path, where the parse recorded them."""
    placed = []
    for finding in findings:
        line, column = parsed.position(finding.path)
        placed.append(attrs.evolve(finding, line=line, column=column))
    return placed


def to_document(agreement: Agreement) -> dict[str, Any]:
    """An agreement as a document's plain data: version first, defaults left out."""
    require_agreement(agreement)
    return {VERSION_KEY: FORMAT_VERSION, **_converter().unstructure(agreement)}


def read_document(
    data: str | bytes,
    format: Format | None = None,
    *,
    limits: Limits | None = None,
    source: str | None = None,
    read: Any = None,
) -> tuple[Agreement, Parsed]:
    """Parse and structure a document, returning the agreement and the parsed data with positions.

    ``read`` is what orjson already read from JSON ``data``, if anything: it is not read again.

    Raises:
        DocumentError: with every problem found.
    """
    limits = limits or Limits()
    try:
        parsed, fmt = parse(data, format, limits, read)
    except DocumentError as exc:
        raise DocumentError(exc.findings, source=source) from None
    if fmt == "yaml" and _fastjson.builds_within(limits):  # parse_yaml held it to the rest
        try:  # YAML is read with no key twice: the fast builders take its data as JSON's
            built = _fastjson.load_data(parsed.data, FORMAT_VERSION, _converter().structure)
            return built, attrs.evolve(parsed, nfc=True)  # each string it read was in NFC
        except _fastjson.Irregular:
            pass
    return _structure(parsed, source, limits.max_findings), parsed


def nfc_findings(parsed: Parsed) -> list[Finding]:
    """A warning for each string in the document that was not in Unicode NFC."""
    if parsed.nfc:
        return []
    findings = []
    stack: list[tuple[str, Any]] = [("", parsed.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if not unicodedata.is_normalized("NFC", value):
                line, column = parsed.position(path)
                findings.append(
                    Finding(
                        code="text-not-nfc",
                        severity=Severity.WARNING,
                        path=path,
                        message="text is not in Unicode NFC; it was normalised on loading",
                        line=line,
                        column=column,
                    )
                )
        elif isinstance(value, dict):
            stack.extend((pointer(path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}/{i}", v) for i, v in enumerate(value))
    return sorted(findings, key=lambda f: f.path)


def loads(
    data: str | bytes,
    format: Format | None = None,
    *,
    validate: bool = False,
    limits: Limits | None = None,
) -> Agreement:
    """An `Agreement` from a document's text.

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"yaml"`` or ``"toml"``; guessed from the text when None.
        validate: Also run every semantic rule; error-level findings then fail the load.
        limits: Bounds on size, depth and YAML aliases; `Limits()` when None.

    Raises:
        DocumentError: with every problem found, each with a code, JSON Pointer path and
            message (and line and column for YAML).

    Examples:
        >>> import coordagree
        >>> text = '''
        ... coordagree: "1.1"
        ... id: demo
        ... title: Biên bản ghi nhớ
        ... kind: mou
        ... period: {start: 2024-03, end: 2025}
        ... '''
        >>> agreement = coordagree.loads(text, "yaml")
        >>> str(agreement.title), str(agreement.period)
        ('Biên bản ghi nhớ', '2024-03 – 2025')
        >>> try:
        ...     coordagree.loads(text.replace("2024-03", "3/2024"), "yaml")
        ... except coordagree.errors.DocumentError as error:
        ...     (finding,) = error.findings
        >>> finding.code, finding.path, finding.line, finding.column
        ('bad-date', '/period/start', 6, 17)
        >>> finding.hint
        'dates are ISO 8601: did you mean 2024-03?'
    """
    return _read(data, format, limits, validate=validate, source=None)


def _read(
    data: str | bytes,
    format: Format | None,
    limits: Limits | None,
    *,
    validate: bool,
    source: str | None,
) -> Agreement:
    """The fast path when it can, else the checked one; with ``validate``, semantic errors fail.

    Only a failed validation re-reads the document on the checked path, for the positions of
    its findings; the report already made is reused, not run again.
    """
    report = None
    agreement, read = _fast_or_read(data, format, limits)
    if agreement is not None:
        if not validate:
            return agreement
        report = _run_validate(agreement)
        if report.ok:
            return agreement
    agreement, parsed = read_document(data, format, limits=limits, source=source, read=read)
    if validate:
        _raise_if_invalid(agreement, parsed, source, report)
    return agreement


def _fast(data: str | bytes, format: Format | None, limits: Limits | None) -> Agreement | None:
    """The agreement from the fast path, or None when the document needs the checked path."""
    return _fast_or_read(data, format, limits)[0]


def _fast_or_read(
    data: str | bytes, format: Format | None, limits: Limits | None
) -> tuple[Agreement | None, Any]:
    """The agreement from the fast path, or None when the document needs the checked path.

    The fast path reads JSON only, under the default limits or looser ones; it returns only
    what the checked path would (see `coordagree._fastjson`). With None comes what orjson
    read, where the fast path stopped before touching it, for the checked path to reuse.
    """
    limits = limits or Limits()
    if format not in ("json", None):
        return None, None
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:
        return None, None
    if not _fastjson.within_limits(raw, limits) or (format is None and not _JSON_OBJECT.match(raw)):
        return None, None
    try:
        return _fastjson.load_json(raw, FORMAT_VERSION, _converter().structure), None
    except _fastjson.Irregular as irregular:
        return None, irregular.parsed


_JSON_OBJECT = re.compile(rb"\s*\{")  # matched in place: no copy of a large document


def _run_validate(agreement: Agreement) -> Any:
    """`coordagree.validate`, imported when first needed (validation imports documents)."""
    from coordagree._validate import validate

    return validate(agreement)


def _raise_if_invalid(
    agreement: Agreement, parsed: Parsed, source: str | None, report: Any = None
) -> None:
    """Raise with every finding, positioned, when any is an error; ``report`` if made already."""
    if report is None:
        report = _run_validate(agreement)
    findings = [*positioned(report.findings, parsed), *nfc_findings(parsed)]
    if any(f.severity is Severity.ERROR for f in findings):
        raise DocumentError(findings, source=source)


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    validate: bool = False,
    limits: Limits | None = None,
) -> Agreement:
    """An `Agreement` from a file; the format comes from the extension unless given.

    Raises:
        DocumentError: the document has problems (all of them, with line and column for YAML),
            is over `Limits.max_bytes` (known before it is read), or the path names a folder,
            a FIFO or a device rather than a regular file (``not-a-file``).
        OSError: the file cannot be read.
    """
    name = os.fspath(path)
    fmt = format or format_for_path(name)
    data = read_file(name, limits or Limits())
    return _read(data, fmt, limits, validate=validate, source=name)


def read_file(name: str, limits: Limits) -> bytes:
    """The bytes of a regular file, held to ``limits.max_bytes`` before and while reading.

    A FIFO would wait for a writer for ever and a device such as ``/dev/zero`` never ends, so
    only regular files are read (a symlink is followed); the size is checked on the open file,
    and no more than the limit is read, should the file grow meanwhile.

    Raises:
        DocumentError: ``not-a-file`` or ``too-large``.
        OSError: the file cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(name, flags)  # non-blocking: opening a FIFO does not wait for a writer
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a FIFO or a device"
            raise DocumentError(
                [_error("not-a-file", "", f"{name!r} is {kind}, not a regular file")],
                source=name,
            )
        if status.st_size > limits.max_bytes:
            size = status.st_size
            message = f"the document is {size} bytes, over the limit of {limits.max_bytes}"
            raise DocumentError([_error("too-large", "", message)], source=name)
        chunks, size = [], 0
        while size <= limits.max_bytes:
            chunk = os.read(descriptor, limits.max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > limits.max_bytes:
        message = f"the document is over the limit of {limits.max_bytes} bytes"
        raise DocumentError([_error("too-large", "", message)], source=name)
    return b"".join(chunks)


def dumps(agreement: Agreement, format: Format = "json") -> str:
    """An agreement as document text: canonical (stable key order, NFC, no defaults).

    Examples:
        >>> import coordagree
        >>> print(coordagree.dumps(coordagree.seed_programme(), "yaml")[:57])
        coordagree: '1.1'
        id: qb-dan-van-tu-phap-2023-2026
        title:
    """
    if format == "json":
        return _json_bytes(agreement).decode("utf-8")
    with collector_paused():  # a document is many small objects and no cycles
        return render(to_document(agreement), format)


def _json_bytes(agreement: Agreement) -> bytes:
    require_agreement(agreement)
    with collector_paused():  # a document is many small objects and no cycles
        document = {VERSION_KEY: FORMAT_VERSION, **_json_converter().unstructure(agreement)}
        return render_json(document, _json_task)


def dump(
    agreement: Agreement,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
) -> None:
    """Write an agreement to a file, atomically: a failed write leaves any old file intact.

    The text is rendered first, written to a temporary file in the same folder, flushed to
    disk, then moved over ``path`` with `os.replace`.
    """
    name = os.fspath(path)
    fmt = format or format_for_path(name)
    # JSON is written as orjson encodes it: no round trip through a str of the whole document.
    data = _json_bytes(agreement) if fmt == "json" else dumps(agreement, fmt).encode("utf-8")
    write_atomic(name, data)
