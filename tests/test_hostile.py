"""Each defect an adversarial review found is a regression test here, bounded in time.

Every test runs under an alarm (`_bounded`): a case that hangs fails after a generous bound
instead of stalling the suite. The bound is a guard, not a timing claim; the times a user
sees are measured by the benchmarks.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import tempfile
import tracemalloc
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import coordagree
from coordagree import Limits
from coordagree._formats import parse, render
from coordagree._formats._yaml import _parse_checked, parse_yaml
from coordagree.errors import DocumentError

ROOT = Path(__file__).resolve().parent.parent
_SEED_YAML = coordagree.dumps(coordagree.seed_programme(), "yaml")
_SEED_JSON = coordagree.dumps(coordagree.seed_programme(), "json")
_SEED_TOML = coordagree.dumps(coordagree.seed_programme(), "toml")


class _TookTooLong(Exception):  # noqa: N818 - raised by the alarm, reported as a failure
    pass


@pytest.fixture(autouse=True)
def _bounded() -> Iterator[None]:
    """Fail, rather than hang, a case that runs past 30 seconds."""

    def expired(_signum: int, _frame: Any) -> None:
        raise _TookTooLong("the case ran past its 30-second bound")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _refused(text: str | bytes, fmt: str, limits: Limits | None = None) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(text, fmt, limits=limits)  # type: ignore[arg-type]
    return caught.value


def _with_extension(fmt: str, value: str) -> str:
    """The seed document with ``x-a`` written as ``value``, raw, in ``fmt``."""
    if fmt == "yaml":
        return _SEED_YAML + f"x-a: {value}\n"
    if fmt == "json":
        return _SEED_JSON.rstrip().removesuffix("}") + f', "x-a": {value}}}'
    return f"x-a = {value}\n" + _SEED_TOML


# One rule for input: every failure is a DocumentError with a finding and a pointer.


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_an_integer_of_5000_digits_is_a_finding(fmt: str) -> None:
    error = _refused(_with_extension(fmt, "9" * 5000), fmt)
    (finding,) = error.findings
    assert finding.code == "bad-number"
    assert "5000 digits" in finding.message or "4300" in finding.message
    assert finding.line is not None or finding.path == "/x-a"


@pytest.mark.parametrize(
    ("fmt", "value"),
    [
        ("json", "NaN"),
        ("json", "Infinity"),
        ("json", "-Infinity"),
        ("json", "1e999"),
        ("yaml", ".nan"),
        ("yaml", "-.inf"),
        ("yaml", "1e999"),
        ("toml", "nan"),
        ("toml", "-inf"),
    ],
)
def test_nan_and_infinities_are_refused_at_their_pointer(fmt: str, value: str) -> None:
    (finding,) = _refused(_with_extension(fmt, value), fmt).findings
    assert (finding.code, finding.path) == ("bad-number", "/x-a")
    assert finding.hint == "quote it to keep it as text"


@pytest.mark.parametrize("text", ["x-a: !!int abc\n", "x-a: !!bool maybe\n", "x-a: !!float x\n"])
def test_a_tagged_scalar_its_constructor_refuses_is_a_syntax_finding(text: str) -> None:
    (finding,) = _refused(_SEED_YAML + text, "yaml").findings
    assert (finding.code, finding.path) == ("syntax", "/x-a")


def test_yaml_scalars_are_read_by_the_yaml_1_2_core_schema() -> None:
    text = _SEED_YAML + "x-a: [12:30, 0777, 0o17, 0x1F, 0b_, 1_000, 1e5, +12, ~, yes, True]\n"
    agreement = coordagree.loads(text, "yaml")
    assert agreement.extensions["x-a"] == [
        "12:30",  # no sexagesimal 750
        777,  # no octal 511
        15,
        31,
        "0b_",
        "1_000",
        100000.0,
        12,
        None,
        "yes",  # only true and false are booleans
        True,
    ]
    # and the strings read back as strings, here and in YAML 1.1 readers (all quoted)
    again = coordagree.dumps(agreement, "yaml")
    assert coordagree.loads(again, "yaml") == agreement
    assert yaml.safe_load(again)["x-a"][:6] == ["12:30", 777, 15, 31, "0b_", "1_000"]


@given(st.text())
def test_every_string_reads_back_unchanged_from_yaml(text: str) -> None:
    try:
        written = render({"k": text, "l": [text]}, "yaml")
    except yaml.YAMLError:  # a surrogate: no document holds one
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    assert parse(written, "yaml", Limits())[0].data == {"k": text, "l": [text]}


@pytest.mark.parametrize("character", ["\x85", "\u2028", "\u2029", "\ufeff"])
def test_line_breaks_yaml_folds_are_kept(character: str) -> None:
    seed = coordagree.seed_programme()
    title = f"Chương trình{character}phối hợp"
    changed = coordagree.loads(
        coordagree.dumps(seed, "json").replace("Chương trình phối hợp", title, 1), "json"
    )
    assert character in str(changed.title)
    assert coordagree.loads(coordagree.dumps(changed, "yaml"), "yaml") == changed


# Limits that bound the work.


def _peak_memory(call: Any) -> int:
    tracemalloc.start()
    try:
        call()
    except DocumentError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_json_document_of_too_many_values_is_refused_before_it_is_built() -> None:
    text = '{"coordagree": "1.1", "x-a": [' + ",".join(["1"] * 1_000_000) + "]}"
    limits = Limits(max_nodes=10_000)
    (finding,) = _refused(text, "json", limits).findings
    assert finding.code == "too-large"
    # a million values built would take tens of megabytes; counting the commas takes a copy
    assert _peak_memory(lambda: coordagree.loads(text, "json", limits=limits)) < 3 * len(text)


def test_a_toml_document_of_too_many_values_is_refused_before_it_is_built() -> None:
    text = "x-a = [" + ",".join(["1"] * 300_000) + "]\n" + _SEED_TOML
    limits = Limits(max_nodes=10_000)
    (finding,) = _refused(text, "toml", limits).findings
    assert finding.code == "too-large"
    assert _peak_memory(lambda: coordagree.loads(text, "toml", limits=limits)) < 5 * len(text)


@pytest.mark.parametrize("parts", [33, 20_000, 100_000])
def test_a_long_dotted_toml_key_is_refused_before_tomllib_reads_it(parts: int) -> None:
    text = _SEED_TOML + "\n[x-a]\n" + ".".join(["k"] * parts) + " = 1\n"
    (finding,) = _refused(text, "toml").findings
    assert finding.code == "too-deep"
    assert finding.line == _SEED_TOML.count("\n") + 3


def test_dots_inside_toml_strings_are_not_key_parts() -> None:
    text = "x-a = '" + ".".join(["v"] * 100) + "'\n" + _SEED_TOML
    assert coordagree.loads(text, "toml").extensions["x-a"] == ".".join(["v"] * 100)


def test_a_large_yaml_document_over_the_value_limit_gets_the_checked_readers_finding() -> None:
    text = _SEED_YAML + "x-a:\n" + "".join(f"  - [a{i}, b, c, d]\n" for i in range(50_000))
    limits = Limits(max_nodes=10_000)
    fast = _refused(text, "yaml", limits)
    with pytest.raises(DocumentError) as checked:
        _parse_checked(text, limits)
    assert fast.findings == checked.value.findings
    assert [f.code for f in fast.findings] == ["too-large"]


def test_a_large_clean_yaml_document_is_read_from_libyaml_events() -> None:
    body = "".join(f"  - [a{i}, b, {i}, 1.5, true, null]\n" for i in range(10_000))
    text = _SEED_YAML + "x-a:\n" + body
    parsed = parse_yaml(text, Limits())
    assert parsed.data == yaml.load(text, Loader=yaml.CSafeLoader)
    assert parsed.position("/x-a/9999/2") == (_SEED_YAML.count("\n") + 10_001, 16)


def test_a_long_key_is_held_to_max_string() -> None:
    text = _SEED_JSON.rstrip().removesuffix("}") + f', "x-{"a" * 2000}": 1}}'
    (finding,) = _refused(text, "json", Limits(max_string=1000)).findings
    assert (finding.code, finding.path) == ("too-long", "/x-" + "a" * 2000)
    assert finding.message.startswith("a key of 2002 characters")


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_million_unknown_keys_give_a_bounded_report(fmt: str) -> None:
    keys = 1_000_000 if fmt == "json" else 100_000
    if fmt == "json":
        text = '{"coordagree": "1.1", ' + ", ".join(f'"k{i}": 1' for i in range(keys)) + "}"
    else:
        text = "coordagree: '1.1'\n" + "".join(f"k{i}: 1\n" for i in range(keys))
    error = _refused(text, fmt)
    assert len(error.findings) == Limits().max_findings + 1
    last = error.findings[-1]
    assert last.code == "too-many-findings"
    unlisted = int(last.message.split()[0])
    assert keys - Limits().max_findings <= unlisted <= keys  # a few missing fields, too
    assert len(str(error)) < 1_000_000
    listed = [f.path for f in error.findings if f.code == "unknown-key"]
    assert listed == [f"/k{i}" for i in range(len(listed))]  # the first, in the document's order


def test_max_findings_is_settable() -> None:
    text = "coordagree: '1.1'\nid: mou\ntitle: MOU\nkind: mou\nsigned: 2024\nparty: FWS\n"
    error = _refused(text, "yaml", Limits(max_findings=1))
    assert error.codes == ["unknown-key", "too-many-findings"]
    assert error.findings[-1].message.startswith("1 more findings")


# load() reads only regular files, and no more than the limit.


def _load_refusal(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        coordagree.load(path, format="yaml")
    return caught.value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "register.yaml"
    os.mkfifo(fifo)
    assert _load_refusal(fifo).codes == ["not-a-file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    error = _load_refusal(link)
    assert error.codes == ["not-a-file"]
    assert "not a regular file" in error.findings[0].message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert _load_refusal(tmp_path).codes == ["not-a-file"]


def test_a_huge_sparse_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.yaml"
    with sparse.open("wb") as handle:
        handle.truncate(30 * 1024**3)  # 30 GB of nothing, taking no disk
    error = _load_refusal(sparse)
    assert error.codes == ["too-large"]
    assert str(30 * 1024**3) in error.findings[0].message


def test_a_file_over_a_tight_limit_is_read_no_further(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    path.write_text(_SEED_YAML, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        coordagree.load(path, limits=Limits(max_bytes=100))
    assert caught.value.codes == ["too-large"]
    assert coordagree.load(path) == coordagree.seed_programme()


def test_one_hostile_file_does_not_end_the_check_of_a_folder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from coordagree.cli import cli

    (tmp_path / "a-hostile.yaml").write_text(_SEED_YAML + "x-a: " + "9" * 5000 + "\n", "utf-8")
    (tmp_path / "b-seed.yaml").write_text(_SEED_YAML, "utf-8")
    line = _SEED_YAML.count("\n") + 1
    result = CliRunner().invoke(cli, ["validate", "-j", "1", str(tmp_path)])
    assert f"a-hostile.yaml:{line}:6: error bad-number /x-a" in result.output
    assert "2 file(s) checked, 1 with problems" in result.output
    if hasattr(os, "mkfifo"):  # named on the command line, a FIFO is refused, not waited on
        os.mkfifo(tmp_path / "c-fifo.yaml")
        result = CliRunner().invoke(cli, ["validate", str(tmp_path / "c-fifo.yaml")])
        assert "c-fifo.yaml:1:1: error not-a-file" in result.output
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_json_nested_past_the_recursion_limit_is_too_deep() -> None:
    depth = sys.getrecursionlimit() * 5
    text = '{"coordagree": "1.1", "x-a": ' + "[" * depth + "]" * depth + "}"
    assert _refused(text, "json").codes == ["too-deep"]


# Recurrences with a budget.

_TEMPLATE = """coordagree: '1.1'
id: edge
title: {title}
kind: mou
timezone: Asia/Ho_Chi_Minh
period: {{start: '{start}', end: '{end}'}}
parties:
- {{id: a, name: A, roles: [signatory]}}
schedules:
- id: s
  period: {{start: '{start}', end: '{end}'}}
  tasks:
  - {{id: t1, title: T1, owners: [a], due: '{end}'}}
  - {{id: t2, title: T2, owners: [a], due: '{start}'}}
  - {{id: t3, title: T3, owners: [a], recurrence: ['{rule}']}}
events:
- {{id: e1, kind: meeting, title: E, date: '{end}'}}
- {{id: e2, kind: meeting, title: E2, date: '{end_year}'}}
reviews:
- {{id: r1, kind: interim, due: '{end_year}'}}
"""


def _spanning(start: str, end: str, rule: str, title: str = "Edge") -> coordagree.Agreement:
    text = _TEMPLATE.format(start=start, end=end, rule=rule, title=title, end_year=end[:4])
    return coordagree.loads(text, "yaml")


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=SECONDLY",
        "FREQ=MINUTELY",
        "FREQ=HOURLY;INTERVAL=2",
        f"FREQ=DAILY;INTERVAL={2**31}",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
        "FREQ=YEARLY;BYYEARDAY=367",
    ],
)
def test_rules_that_cannot_be_expanded_as_days_are_refused_where_they_stand(rule: str) -> None:
    text = _TEMPLATE.format(
        start="2024-01-01", end="2027-12-31", rule=rule, title="Edge", end_year="2027"
    )
    (finding,) = _refused(text, "yaml").findings
    assert (finding.code, finding.path) == ("bad-rrule", "/schedules/0/tasks/2/recurrence/0")


def test_a_rule_falling_daily_for_a_thousand_years_stops_at_the_budget() -> None:
    agreement = _spanning("2000-01-01", "3000-12-31", "FREQ=DAILY")
    assert not coordagree.validate(agreement).errors
    window = coordagree.Period.parse("2000", "3000")
    with pytest.raises(coordagree.errors.OccurrenceBudgetError) as caught:
        coordagree.occurrences(agreement, window)
    assert caught.value.budget == 100_000
    assert "occurrence_budget(per_rule=...)" in str(caught.value)
    with coordagree.occurrence_budget(per_rule=400_000):
        assert len(coordagree.occurrences(agreement, window)) > 365_000
    assert coordagree.due(agreement, pendulum.date(2001, 6, 1))  # within the budget
    coordagree.to_ics(agreement)  # the last day is found with no expansion


def test_the_query_budget_counts_every_item() -> None:
    agreement = _spanning("2024-01-01", "2027-12-31", "FREQ=WEEKLY")
    window = agreement.period
    assert window is not None
    count = len(coordagree.occurrences(agreement, window))
    with coordagree.occurrence_budget(per_query=count):
        assert len(coordagree.occurrences(agreement, window)) == count
    with (
        coordagree.occurrence_budget(per_query=count - 1),
        pytest.raises(coordagree.errors.OccurrenceBudgetError),
    ):
        coordagree.occurrences(agreement, window)


def test_the_expansion_cache_is_bounded_by_the_days_it_holds() -> None:
    from coordagree._recurrence import _CACHE, _DaysCache

    _CACHE.clear()
    rule = coordagree.Recurrence("FREQ=DAILY")
    for year in range(2000, 2100):  # a hundred windows of 3,653 days each
        rule.dates(pendulum.date(year, 1, 1), pendulum.date(year + 9, 12, 31))
    assert _CACHE._held <= _DaysCache._MOST
    rule.dates(pendulum.date(1900, 1, 1), pendulum.date(1999, 12, 31))  # 36,524: not kept
    assert _CACHE._held <= _DaysCache._MOST


def test_expansions_made_for_an_agreement_are_released_with_it() -> None:
    import gc

    from coordagree._recurrence import _CACHE

    _CACHE.clear()
    agreement = _spanning("2000-01-01", "2050-12-31", "FREQ=DAILY")
    for month in range(1, 13):
        coordagree.due(agreement, pendulum.date(2030, month, 1))
    assert _CACHE._held > 18_000  # the whole window's days, kept for the next question
    del agreement
    gc.collect()
    assert _CACHE._held == 0


def test_a_time_of_day_rule_keeps_its_days() -> None:
    rule = coordagree.Recurrence("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=30")
    day = pendulum.date(2024, 5, 29)
    assert rule.dates(day, day) == [day]
    agreement = _spanning("2024-05-29", "2024-05-29", "FREQ=DAILY;BYHOUR=9")
    hits = [o for o in coordagree.occurrences(agreement, agreement.period) if o.item == "t3"]  # type: ignore[arg-type]
    assert [o.date for o in hits] == [day]


# Every date the model accepts can be validated and exported.


@pytest.mark.parametrize(
    ("start", "end"),
    [("0001-01-01", "0001-12-31"), ("9999-01-01", "9999-12-31"), ("0001-01-01", "9999-12-31")],
)
def test_the_ends_of_the_calendar_validate_and_export(start: str, end: str) -> None:
    import icalendar

    agreement = _spanning(start, end, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31")
    coordagree.validate(agreement)
    calendar = icalendar.Calendar.from_ical(coordagree.to_ics(agreement))
    assert len(calendar.walk("VTODO")) == 3
    chart = coordagree.to_mermaid(agreement)
    assert chart.startswith("gantt\n")
    last = pendulum.Date.fromisoformat(end)
    window = coordagree.Period(start=last.subtract(days=300), end=last)
    coordagree.to_csv(coordagree.occurrences(agreement, window))
    coordagree.due(agreement, last)
    coordagree.overdue(agreement, last)
    coordagree.dumps(agreement, "yaml")


# Saves that write through.


def test_a_save_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    seed = coordagree.seed_programme()
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "programme.yaml"
    coordagree.dump(seed, target)
    link = tmp_path / "programme.yaml"
    link.symlink_to(target)
    changed = attrs.evolve(seed, id="changed")
    coordagree.dump(changed, link)
    assert link.is_symlink()
    assert coordagree.load(target) == changed
    dangling = tmp_path / "new.yaml"
    dangling.symlink_to(tmp_path / "real" / "new.yaml")
    coordagree.dump(seed, dangling)
    assert dangling.is_symlink() and coordagree.load(tmp_path / "real" / "new.yaml") == seed


def test_a_save_over_a_hard_link_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    seed = coordagree.seed_programme()
    first = tmp_path / "a.yaml"
    coordagree.dump(seed, first)
    second = tmp_path / "b.yaml"
    os.link(first, second)
    with pytest.raises(coordagree.errors.InvalidArgumentError, match="hard link"):
        coordagree.dump(attrs.evolve(seed, id="changed"), second)
    assert coordagree.load(first) == coordagree.load(second) == seed
    assert first.stat().st_ino == second.stat().st_ino


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_written_in_place_not_replaced() -> None:
    coordagree.dump(coordagree.seed_programme(), "/dev/null", format="json")
    assert Path("/dev/null").is_char_device()


def test_a_folder_cannot_be_saved_over(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    with pytest.raises(coordagree.errors.InvalidArgumentError, match="folder"):
        coordagree.dump(coordagree.seed_programme(), folder)


# Lossless where it claims to be.


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (float("nan"), "bad-number"),
        (float("inf"), "bad-number"),
        ({1: "a"}, "bad-key"),
        ({"a": {1, 2}}, "wrong-type"),
    ],
)
def test_extension_values_no_format_can_write_are_refused_where_given(
    value: object, code: str
) -> None:
    with pytest.raises(coordagree.errors.ModelError) as caught:
        coordagree.Party(id="a", name="A", extensions={"x-a": value})
    assert caught.value.code == code
    assert "/x-a" in str(caught.value)


def test_toml_dates_and_times_in_extensions_are_written_by_every_format() -> None:
    text = "x-t = 12:30:00\nx-d = 1979-05-27\nx-dt = 1979-05-27T07:32:00Z\n" + _SEED_TOML
    agreement = coordagree.loads(text, "toml")
    assert coordagree.loads(coordagree.dumps(agreement, "toml"), "toml") == agreement
    for fmt in ("json", "yaml"):
        again = coordagree.loads(coordagree.dumps(agreement, fmt), fmt)
        assert again.extensions == {
            "x-t": "12:30:00",
            "x-d": "1979-05-27",
            "x-dt": "1979-05-27T07:32:00+00:00",
        }


def test_a_named_zone_datetime_in_a_fold_is_equal_after_a_round_trip() -> None:
    moment = pendulum.datetime(2024, 11, 3, 1, 30, tz="America/New_York", fold=1)
    seed = coordagree.seed_programme()
    event = attrs.evolve(seed.events[0], start=moment)
    assert event.start is not None and event.start.utcoffset() == moment.utcoffset()
    assert event.start.timestamp() == moment.timestamp()
    agreement = attrs.evolve(seed, events=(event,))
    for fmt in ("json", "yaml", "toml"):
        assert coordagree.loads(coordagree.dumps(agreement, fmt), fmt) == agreement


# Outputs that cannot be injected: hostile text drawn into every text a export writes.

_SNIPPETS = [
    "\nEND:VTODO\nBEGIN:VEVENT\nSUMMARY:injected\n",
    "\r",
    "\r\n",
    "\x85",
    "\u2028",
    "section Injected",
    "title Injected",
    'click id_t1 href "javascript:alert(1)"',
    "%% comment",
    "%%{init: {}}%%",
    "2024-01-01, 3d",
    '=HYPERLINK("http://x")',
    "+1",
    "-1",
    "@SUM(A1)",
    "\tTAB",
    "::error::injected",
    "\n::stop-commands::x\n",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "[link=http://x]click[/link]",
    "[/]",
    "a;b:c#d,e\\f\"g'",
]
_HOSTILE_TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(_SNIPPETS),
            st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=4,
    )
    .map("".join)
    .map(lambda text: unicodedata.normalize("NFC", text))
    .filter(str.strip)
)


def _hostile_agreement(texts: list[str]) -> coordagree.Agreement:
    seed = coordagree.seed_programme()
    title, task_title, party, place, summary = texts
    schedule = seed.schedules[0]
    tasks: tuple[Any, ...] = (
        attrs.evolve(schedule.tasks[0], title=task_title, description=summary),
    )
    tasks += tuple(
        attrs.evolve(task, title=f"{task_title} {i}") for i, task in enumerate(schedule.tasks[1:])
    )
    return attrs.evolve(
        seed,
        title=title,
        parties=(attrs.evolve(seed.parties[0], name=party), *seed.parties[1:]),
        schedules=(attrs.evolve(schedule, tasks=tasks), *seed.schedules[1:]),
        events=tuple(attrs.evolve(e, place=place, summary=summary) for e in seed.events),
    )


_KEYWORD_START = re.compile(
    r"(?i)\s*(section|title|click|call|href|dateformat|axisformat|excludes|includes|"
    r"todaymarker|tickinterval|weekday|weekend|acctitle|accdescr|gantt|topaxis|"
    r"inclusiveenddates|\d{4}-\d\d-\d\d|%%)"
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_HOSTILE_TEXT, min_size=5, max_size=5))
def test_no_export_carries_a_component_row_directive_or_command_from_data(
    texts: list[str],
) -> None:
    import csv
    import io

    import icalendar

    agreement = _hostile_agreement(texts)
    seed = coordagree.seed_programme()
    # iCalendar: exactly the components the seed has, each summary the text as written
    made = icalendar.Calendar.from_ical(coordagree.to_ics(agreement))
    expected = icalendar.Calendar.from_ical(coordagree.to_ics(seed))
    assert [c.name for c in made.walk()] == [c.name for c in expected.walk()]
    # RFC 5545 TEXT: each line break a newline, no other control character
    written = re.sub("\r\n?|[\x85\u2028\u2029]", "\n", texts[1])
    assert str(made.walk("VTODO")[0]["SUMMARY"]) == re.sub("[\x00-\x08\x0b-\x1f\x7f]", "", written)
    # CSV: one row per occurrence, each of the header's width, no cell a formula
    assert seed.period is not None
    found = coordagree.occurrences(agreement, seed.period)
    rows = list(csv.reader(io.StringIO(coordagree.to_csv(found), newline="")))
    assert len(rows) == len(found) + 1
    assert {len(row) for row in rows} == {len(rows[0])}
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row[1:]
    )
    # Mermaid: every line is one the exporter writes; no label opens a directive or comment
    chart = coordagree.to_mermaid(agreement, horizon=pendulum.date(2026, 12, 31))
    for line in chart.splitlines()[1:]:
        assert line.startswith("    "), line
        body = line[4:]
        if body.startswith(("title ", "dateFormat ", "section ", "%% undated task: ")):
            assert "%%" not in body[3:] or body.startswith("%% undated task: ")
            continue
        label, colon, data = body.partition(" :")
        assert colon and ":" not in label and "#" not in label and ";" not in label
        assert not _KEYWORD_START.match(label), line
        assert data.split(",")[0].strip() in {"milestone", "done", "active"} or data.startswith(
            "id_"
        )


@settings(max_examples=40, deadline=None)
@given(_HOSTILE_TEXT)
def test_terminal_and_annotation_output_carries_no_escape_or_command(text: str) -> None:
    from click.testing import CliRunner

    from coordagree.cli import cli
    from coordagree.cli._check import check_file

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        document, keyed = Path(folder) / "a.yaml", Path(folder) / "b.json"
        coordagree.dump(_hostile_agreement([text] * 5), document)
        # a key of hostile text, reported (unknown-key) with the key in its pointer and message
        keyed.write_text('{"coordagree": "1.1", ' + json.dumps(text) + ": 1}", "utf-8")
        shown = runner.invoke(cli, ["show", str(document)]).output
        assert "\x1b" not in shown and "\x07" not in shown
        agenda = runner.invoke(cli, ["agenda", str(document), "--as-of", "2024-06-30"]).output
        assert "\x1b" not in agenda and "\r" not in agenda
        annotated = runner.invoke(cli, ["validate", "--format", "github", str(keyed)]).output
        # The runner reads a command from a line that starts with "::", lines ending at LF:
        # each finding is one such line, and data starts none.
        lines = annotated.rstrip("\n").split("\n")
        assert len(lines) == len(check_file(keyed).findings)
        assert any("title=unknown-key::" in line for line in lines)
        for line in lines:
            assert line.startswith(("::error file=", "::warning file=", "::notice file=")), line
            assert "\r" not in line


def test_show_draws_a_deep_party_chain_without_recursion() -> None:
    import io

    from rich.console import Console

    from coordagree.cli._show import _NESTING, render_show

    depth = 3 * sys.getrecursionlimit()  # a recursive walk would fail long before
    parties = [coordagree.Party(id="p0", name="Cơ quan 0")] + [
        coordagree.Party(id=f"p{i}", name=f"Cơ quan {i}", parent=f"p{i - 1}")
        for i in range(1, depth)
    ]
    agreement = attrs.evolve(
        coordagree.seed_programme(),
        parties=tuple(parties),
        schedules=(),
        commitments=(),
        signatures=(),
        events=(),
        people=(),
    )
    out = io.StringIO()
    Console(file=out, width=100).print(render_show(agreement))
    text = out.getvalue()
    shown = [int(n) for n in re.findall(r"Cơ quan (\d+)", text)]
    assert sorted(shown) == list(range(depth))  # each party once
    assert f"Cơ quan {depth - 1} under p{depth - 2}" in text  # deep ones say where they are
    assert f"Cơ quan {_NESTING - 1} under" not in text  # the first levels are a tree
    widest = max(len(line) for line in text.splitlines())
    assert widest <= 100  # the nesting stops growing: lines do not widen with the depth


def test_show_lists_parties_in_a_cycle_of_parents() -> None:
    import io

    from rich.console import Console

    from coordagree.cli._show import render_show

    parties = (
        coordagree.Party(id="a", name="Sở A", parent="b"),
        coordagree.Party(id="b", name="Sở B", parent="a"),
    )
    agreement = attrs.evolve(coordagree.seed_programme(), parties=parties)
    out = io.StringIO()
    Console(file=out, width=100).print(render_show(agreement))
    assert "Sở A under b" in out.getvalue() and "Sở B under a" in out.getvalue()
