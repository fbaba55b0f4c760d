"""Each defect an adversarial review found is a regression test here, bounded in time.

Every test runs under an alarm (`_bounded`): a case that hangs fails after a generous bound
instead of stalling the suite. The bound is a guard, not a timing claim; the times a user
sees are measured by the benchmarks.
"""

from __future__ import annotations

import os
import signal
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
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
    body = "".join(f"  - [a{i}, b, {i}, 1.5, true, null]\n" for i in range(50_000))
    text = _SEED_YAML + "x-a:\n" + body
    parsed = parse_yaml(text, Limits())
    assert parsed.data == yaml.load(text, Loader=yaml.CSafeLoader)
    assert parsed.position("/x-a/49999/2") == (_SEED_YAML.count("\n") + 50_001, 17)


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
