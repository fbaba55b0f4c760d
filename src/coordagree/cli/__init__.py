"""The ``coordagree`` command line: validate, show, agenda, export, schema, convert, new, wording.

Needs the ``cli`` extra. Exit codes: 0 clean; 1 a document has an error-level finding (or a
warning, with ``--strict``); 2 a file is missing or unreadable, or the command line is wrong.
Heavy imports happen inside commands, so ``coordagree --help`` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from coordagree.cli._colour import echo, paint
from coordagree.cli._escape import github_data, github_property, one_line

__all__ = ["main"]

_FORMATS = ("json", "yaml", "yml", "toml")


class _Fail(click.ClickException):
    """A problem for a person: one clear line, exit code 2."""

    exit_code = 2


def _stdin() -> bytes:
    """Standard input, read no further than the size limit (one byte more tells it is over)."""
    from coordagree._formats import Limits

    return sys.stdin.buffer.read(Limits().max_bytes + 1)


def _checked(files: list[Path], jobs: int) -> Iterator[Any]:
    """`check_file` of each file, in order, in up to ``jobs`` processes (0: one per core)."""
    import functools

    from coordagree.cli._check import check_file

    check = functools.partial(check_file, stdin=_stdin()) if Path("-") in files else check_file
    workers = min(jobs or os.cpu_count() or 1, len(files))
    if workers <= 1:
        yield from map(check, files)
        return
    import concurrent.futures
    import multiprocessing

    # fork where it is safe (Linux): the workers start with coordagree already imported
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        # Small chunks keep the output flowing; each costs a round trip, so not too small.
        yield from pool.map(check, files, chunksize=max(1, min(16, len(files) // (8 * workers))))


def _indented(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def _load(path: str | None) -> Any:
    import coordagree
    from coordagree.errors import DocumentError

    if path is None:
        return coordagree.seed_programme()
    if path == "-":  # standard input: its format told from its text
        try:
            return coordagree.loads(_stdin())
        except DocumentError as exc:
            raise click.ClickException(f"<stdin>: {exc}") from None
    if Path(path).is_dir():
        raise _Fail(f"{path}: is a folder; give a file (validate takes folders)")
    if not Path(path).is_file():
        raise _Fail(f"{path}: no such file")
    try:
        return coordagree.load(path)
    except DocumentError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coordagree")
@click.option("--debug", is_flag=True, help="Show the Python traceback of unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Record, check, exchange and schedule inter-agency agreements."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="How to print findings (sarif: SARIF 2.1.0, for code scanning).",
)
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Processes to check files in (0, the default: one per core).",
)
@click.option("--select", multiple=True, help="Report only these codes (repeat, or a,b).")
@click.option("--ignore", multiple=True, help="Never report these codes (repeat, or a,b).")
@click.option("--exclude", multiple=True, help="Pass over files and folders matching this glob.")
@click.option(
    "--only-documents",
    is_flag=True,
    help="Pass over named files that are not coordagree documents (for pre-commit).",
)
def validate(
    paths: tuple[str, ...],
    output: str,
    strict: bool,
    jobs: int,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    only_documents: bool,
) -> None:
    """Check documents (files or folders, recursively) and print every finding.

    A folder is walked for coordagree documents (files whose first key is coordagree), passing
    over hidden folders, virtual environments and what .gitignore or --exclude name. Settings
    come from the nearest coordagree.toml or pyproject.toml [tool.coordagree] (select, ignore,
    exclude, strict). Files are checked in parallel and reported in the order given, each as
    soon as it and the files before it are done; a file naming other documents by id waits for
    the end, when all ids are known. Exit 0 when clean, 1 when any document has an error (or a
    warning, with --strict), 2 when nothing is found to check, a file is missing or is not
    JSON, YAML or TOML at all, or a setting is wrong.
    """
    from coordagree.cli._config import ConfigError, find_settings
    from coordagree.cli._discover import discover

    try:
        settings = find_settings()
    except ConfigError as exc:
        raise _Fail(str(exc)) from None
    strict = strict or settings.strict
    chosen = _codes((*settings.select, *select), "--select")
    dropped = _codes((*settings.ignore, *ignore), "--ignore")
    try:
        files = list(discover(paths, (*settings.exclude, *exclude), only_documents=only_documents))
    except FileNotFoundError as exc:
        raise _Fail(f"{exc.args[0]}: no such file or folder") from None
    if not files:
        if only_documents:
            return  # a hook named no document: nothing to do
        raise _Fail(f"no coordagree documents found in {' '.join(paths)}")
    _validate_files(files, output, strict, jobs, chosen, dropped)


def _codes(given: tuple[str, ...], option: str) -> frozenset[str]:
    import coordagree

    codes = frozenset(code.strip() for item in given for code in item.split(",") if code.strip())
    unknown = sorted(codes - set(coordagree.RULES))
    if unknown:
        raise _Fail(f"{option}: unknown code {unknown[0]!r} (the codes page lists them all)")
    return codes


def _validate_files(
    files: list[Path],
    output: str,
    strict: bool,
    jobs: int,
    chosen: frozenset[str],
    dropped: frozenset[str],
) -> None:
    import attrs

    from coordagree.cli._check import FileResult, check_across

    shown: list[FileResult] = []
    first = True

    def kept(result: FileResult) -> FileResult:
        if not chosen and not dropped:
            return result
        findings = tuple(
            f for f in result.findings if (not chosen or f.code in chosen) and f.code not in dropped
        )
        return attrs.evolve(result, findings=findings)

    def show(result: FileResult) -> None:
        nonlocal first
        result = kept(result)
        shown.append(result)
        if output == "sarif":
            return  # one log at the end
        if output == "json":
            item = json.dumps(result.to_dict(strict=strict), ensure_ascii=False, indent=2)
            click.echo(("" if first else ",\n") + _indented(item), nl=False)
            first = False
            return
        for finding in result.findings:
            if output == "github":  # every value escaped: no key can issue a command
                level = {"error": "error", "warning": "warning"}.get(finding.severity, "notice")
                click.echo(
                    f"::{level} file={github_property(result.path)},line={finding.line or 1},"
                    f"col={finding.column or 1},title={github_property(finding.code)}::"
                    + github_data(f"{finding.path or '/'}: {finding.message}")
                )
            else:  # plain lines: a register prints thousands, and they are not markup
                echo(
                    one_line(f"{result.path}:{finding.line or 1}:{finding.column or 1}: ")
                    + paint(finding.severity.value)
                    + one_line(
                        f" {finding.code} {finding.path or '/'}: {finding.message}"
                        + (f" (hint: {finding.hint})" if finding.hint else "")
                    )
                )

    if output == "json":
        click.echo('{\n  "files": [\n', nl=False)
    checked = []
    for result in _checked(files, jobs):
        checked.append(result)
        if not result.links:  # one naming other documents waits until every id is known
            show(result)
    for result in check_across(checked):  # related documents named by id must be among them
        if result.links:
            show(result)
    unreadable = any(r.unreadable for r in shown)
    failing = any(not r.ok(strict=strict) for r in shown)
    if output == "sarif":
        from coordagree.cli._sarif import sarif

        click.echo(json.dumps(sarif(shown), ensure_ascii=False, indent=2))
    elif output == "json":
        ok = json.dumps(not failing and not unreadable)
        click.echo(("\n" if shown else "") + f'  ],\n  "ok": {ok}\n}}')
    elif output == "text":
        bad = sum(1 for r in shown if not r.ok(strict=strict))
        click.echo(f"{len(shown)} file(s) checked, {bad} with problems")
    if unreadable:
        sys.exit(2)
    if failing:
        sys.exit(1)


@cli.command()
@click.argument("path", required=False)
def show(path: str | None) -> None:
    """Show a programme at a glance (the bundled Quảng Bình programme when PATH is omitted)."""
    from rich.console import Console

    from coordagree.cli._show import render_show

    Console(highlight=False).print(render_show(_load(path)))


def _date(value: str, name: str) -> Any:
    import pendulum

    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        from coordagree._validators import date_hint

        raise click.BadParameter(
            f"{value!r} is not a date; {date_hint(value)}", param_hint=name
        ) from None


@cli.command()
@click.argument("path", required=False)
@click.option(
    "--as-of",
    "as_of",
    default="today",
    show_default=True,
    help="The day to ask about (YYYY-MM-DD), or today in the agreement's time zone.",
)
@click.option("--party", help="Only this party and its sub-bodies.")
@click.option("--window", help="Also list what falls in this window: YYYY, YYYY-MM or START..END.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
@click.option(
    "--fail-on-overdue/--exit-zero",
    "fail_on_overdue",
    default=True,
    show_default=True,
    help="Exit 1 when something is overdue, as a check in CI would; --exit-zero keeps 0.",
)
def agenda(
    path: str | None,
    as_of: str,
    party: str | None,
    window: str | None,
    output: str,
    fail_on_overdue: bool,
) -> None:
    """What is due and overdue as of a day (PATH defaults to the bundled programme).

    Exit 1 when something is overdue (--fail-on-overdue, the default; --exit-zero keeps 0).
    """
    import pendulum

    import coordagree
    from coordagree.errors import CoordagreeError

    agreement = _load(path)
    day = pendulum.today(agreement.timezone).date() if as_of == "today" else _date(as_of, "--as-of")
    try:
        overdue = {(o.item, o.index) for o in coordagree.overdue(agreement, day, party)}
        due = coordagree.due(agreement, day, party)
        span = None
        items: Any = ()
        if window:
            start, _, end = window.partition("..")
            span = coordagree.Period.parse(start, end or None)
            items = coordagree.agenda(agreement, span, party)
    except CoordagreeError as exc:
        raise _Fail(str(exc)) from None
    late = [o for o in due if (o.item, o.index) in overdue]
    if output == "json":
        rows = [
            {
                "item": o.item,
                "kind": o.kind,
                "title": str(o.title),
                "date": o.date.isoformat(),
                "owners": list(o.owners),
                "overdue": (o.item, o.index) in overdue,
            }
            for o in due
        ]
        click.echo(
            json.dumps(
                {"as_of": day.isoformat(), "due": rows, "overdue": len(late)},
                ensure_ascii=False,
                indent=2,
            )
        )
    elif output == "csv":
        _write(coordagree.to_csv(due), None)
    else:
        click.echo(f"As of {day.isoformat()}: {len(due)} due, {len(late)} of them overdue")
        for o in due:  # a document's text, one line each and no control character
            flag = paint("OVERDUE" if (o.item, o.index) in overdue else "due", padded=8)
            echo(f"  {flag} " + one_line(f"{o.date} {o.item}: {o.title} [{', '.join(o.owners)}]"))
        if span is not None:
            click.echo(f"In {span}:")
            for o in items:
                when = o.date if o.date is not None else o.window  # a month, for an event of one
                click.echo(one_line(f"  {when} {o.kind:6} {o.item}: {o.title}"))
            for o in items.undated:
                click.echo(one_line(f"  (undated) {o.kind:6} {o.item}: {o.title}"))
    if late and fail_on_overdue:
        sys.exit(1)


@cli.command()
@click.argument("path", required=False)
@click.option(
    "--to",
    "target",
    type=click.Choice(["ics", "mermaid", "csv", "json", "yaml", "toml"]),
    required=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (else stdout).")
def export(path: str | None, target: str, output: str | None) -> None:
    """Export a programme as a calendar, a Gantt chart, a CSV of occurrences or a document."""
    import coordagree

    agreement = _load(path)
    data: str | bytes
    if target == "ics":
        data = coordagree.to_ics(agreement)
    elif target == "mermaid":
        data = coordagree.to_mermaid(agreement)
    elif target == "csv":
        window = agreement.period
        if window is None or window.end is None:
            raise _Fail("a CSV of occurrences needs an agreement with a closed period")
        data = coordagree.to_csv(coordagree.occurrences(agreement, window))
    else:
        data = coordagree.dumps(agreement, target)  # type: ignore[arg-type]
    _write(data, output)


def _write(data: str | bytes, output: str | None) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or output == "-":  # "-" is standard output, not a file named "-"
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    from coordagree._atomic import write_atomic

    write_atomic(output, raw)


@cli.command()
def schema() -> None:
    """Print the document format's JSON Schema."""
    import coordagree

    click.echo(json.dumps(coordagree.json_schema(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["json", "yaml", "toml"]),
    help="The format to write (else from TARGET's extension; needed when TARGET is -).",
)
def convert(source: str, target: str, fmt: str | None) -> None:
    """Convert a document between JSON, YAML and TOML (formats from the extensions).

    SOURCE - reads standard input; TARGET - writes standard output (give --to).
    """
    import coordagree
    from coordagree.errors import DocumentError

    agreement = _load(source)
    if target == "-":
        if fmt is None:
            raise _Fail("writing to standard output (-) needs --to json, yaml or toml")
        _write(coordagree.dumps(agreement, fmt), None)  # type: ignore[arg-type]
        return
    try:
        coordagree.dump(agreement, target, format=fmt)  # type: ignore[arg-type]
    except DocumentError as exc:
        raise _Fail(str(exc)) from None


@cli.command()
@click.argument("target", required=False)
def new(target: str | None) -> None:
    """Write a skeleton document that validates (stdout when TARGET is omitted or -).

    In the format TARGET's extension names: YAML with comments, or the same document as JSON or
    TOML.
    """
    import coordagree
    from coordagree.cli._skeleton import SKELETON
    from coordagree.errors import DocumentError

    schema = coordagree.json_schema()["$id"]
    commented = f"# yaml-language-server: $schema={schema}\n{SKELETON}"  # editors read it
    if target is None or target == "-":
        click.echo(commented, nl=False)
        return
    if os.path.exists(target):
        raise _Fail(f"{target}: already exists; not overwritten")

    from coordagree._formats import format_for_path

    try:
        fmt = format_for_path(target)
    except DocumentError as exc:
        raise _Fail(str(exc)) from None
    if fmt == "yaml":  # the commented skeleton
        _write(commented, target)
    else:  # the same document in the format the name says (JSON and TOML keep no comments)
        _write(coordagree.dumps(coordagree.loads(SKELETON, "yaml"), fmt), target)


@cli.command()
@click.argument("text")
@click.option(
    "--lang",
    type=click.Choice(["vi", "en", "any"]),
    default="any",
    show_default=True,
    help="The text's language: numeric days are read day first in vi, month first in en; "
    "with any, a day that reads both ways is given both ways.",
)
@click.option("--reference", help="The day the text was written (YYYY-MM-DD): gives a year.")
@click.option(
    "--fiscal-year-start", type=click.IntRange(1, 12), help="The month fiscal years start in."
)
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def wording(
    text: str, lang: str, reference: str | None, fiscal_year_start: int | None, output: str
) -> None:
    """Find the dates, periods and durations in TEXT, with their extents and EDTF values.

    Exits 1 when TEXT holds none.
    """
    from coordagree import wording as reader

    matches = reader.find(
        text,
        lang=None if lang == "any" else lang,
        reference=None if reference is None else _date(reference, "--reference"),
        fiscal_year_start=fiscal_year_start,
    )
    if output == "json":
        rows = [
            {
                "text": match.text,
                "start": match.start,
                "end": match.end,
                "kind": match.kind.value,
                "edtf": match.edtf,
                "readings": list(match.readings),
                "part_of_day": None if match.part_of_day is None else match.part_of_day.value,
                "weekday": match.weekday,
                "year_inferred": match.year_inferred,
            }
            for match in matches
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for match in matches:
            extra = f" ({match.part_of_day.value})" if match.part_of_day else ""
            click.echo(
                f"{match.start}-{match.end}\t{match.kind.value}\t{match.edtf}{extra}\t"
                f"{one_line(match.text)}"
            )
    if not matches:
        click.echo("no date, period or duration found", err=True)
        sys.exit(1)


def main() -> None:
    """Run the command line; unexpected errors print one line unless ``--debug`` is given."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            traceback.print_exc()
        else:
            click.echo(f"Error: {exc} (run with --debug for details)", err=True)
        sys.exit(2)
