"""Untrusted documents never crash, hang or corrupt anything.

- Mutation fuzzing: valid documents from `coordagree.strategies`, changed at a random JSON
  Pointer (a key deleted, a type changed, deep nesting, a very long string, hostile Unicode),
  written as JSON, YAML or TOML. `loads` returns an `Agreement` or raises `DocumentError` with a
  finding that points into the input; `validate` never raises; no case takes over a second
  (Hypothesis' deadline).
- Random bytes and text in every format.
- Crash-safe writes: a child process killed at random moments while it dumps.
- Concurrency: loading, validating and dumping from a thread pool.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import linecache
import multiprocessing
import os
import random
import re
import signal
import time
import traceback
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

import attrs
import pendulum
import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coordagree
from coordagree import _fields as kinds
from coordagree._fields import kinded_fields
from coordagree._pointer import pointer, resolve
from coordagree._text import Text, to_text
from coordagree._validators import to_tuple
from coordagree.errors import DocumentError
from coordagree.strategies import documents

FUZZ = settings(
    deadline=timedelta(seconds=1),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HOSTILE = [
    "\x00",
    "\x1b[31m",
    "\u202etxt.exe",  # right-to-left override
    "\u200f",
    "\ud800",  # an unpaired surrogate
    "Nguye\u0302\u0303n",  # NFD
    "🇻🇳🤝",
    "\ufeff",
    "\u2028\u2029",
    "a" * 1000,
]


def pointers(value: Any, path: str = "") -> list[str]:
    """Every JSON Pointer into ``value``, the root included."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += pointers(child, pointer(path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += pointers(child, pointer(path, index))
    return found


def exists(document: Any, path: str) -> bool:
    """Whether ``path`` names a value in ``document``."""
    try:
        resolve(document, path)
    except KeyError:
        return False
    return True


def points_into(document: Any, path: str, code: str) -> bool:
    """The finding's path exists in the input (for a missing key: where it is missing)."""
    if code in ("missing-field", "version-missing"):
        return exists(document, path.rsplit("/", 1)[0])
    return exists(document, path)


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[Any, str]:
    """A valid document, changed at one random pointer, and the format to write it in."""
    document = draw(documents(max_parties=3, max_tasks=3))
    target = draw(st.sampled_from(pointers(document)))
    operation = draw(
        st.sampled_from(["delete", "retype", "deep", "long", "unicode", "insert", "duplicate"])
    )
    replacement: Any
    if operation == "delete":
        replacement = None
    elif operation == "retype":
        replacement = draw(
            st.sampled_from([None, 0, -1, 2**70, 1.5, True, "", [], {}, ["x"], {"k": "v"}])
        )
    elif operation == "deep":
        replacement = nested(draw(st.integers(20, 300)))
    elif operation == "long":
        replacement = "ư" * draw(st.sampled_from([100_001, 250_000]))
    elif operation == "unicode":
        replacement = draw(st.sampled_from(HOSTILE)) + draw(st.text(max_size=5))
    elif operation == "insert":
        replacement = {draw(st.text(min_size=1, max_size=8)): draw(st.sampled_from(HOSTILE))}
    else:
        replacement = "duplicate"
    document = apply(document, target, operation, replacement)
    return document, draw(st.sampled_from(["json", "yaml", "toml"]))


def apply(document: Any, target: str, operation: str, replacement: Any) -> Any:
    if target == "":
        return replacement if operation not in ("delete", "duplicate", "insert") else document
    parent, _, last = target.rpartition("/")
    holder = resolve(document, parent)
    key: Any = last.replace("~1", "/").replace("~0", "~")
    if isinstance(holder, list):
        key = int(key)
    if operation == "delete":
        del holder[key]
    elif operation == "duplicate" and isinstance(holder, list):
        holder.append(copy.deepcopy(holder[key]))
    elif operation == "insert" and isinstance(holder[key], dict):
        holder[key].update(replacement)
    else:
        holder[key] = replacement
    return document


def write(document: Any, fmt: str) -> str | None:
    """The document as text in ``fmt``, or None when that notation cannot hold it."""
    try:
        if fmt == "json":
            return json.dumps(document, ensure_ascii=False)
        if fmt == "yaml":
            return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        if not isinstance(document, dict):
            return None
        return tomli_w.dumps(document)
    except (TypeError, ValueError, yaml.YAMLError, RecursionError):
        return None


def check_loads(data: str | bytes, fmt: str | None, source: Any) -> None:
    """The invariant: an Agreement, or a DocumentError whose findings point into the input."""
    try:
        agreement = coordagree.loads(data, fmt)  # type: ignore[arg-type]
    except DocumentError as error:
        assert error.findings
        assert all(f.code in coordagree.RULES for f in error.findings)
        if source is not None:
            assert any(points_into(source, f.path, f.code) for f in error.findings), [
                (f.code, f.path) for f in error.findings
            ]
        return
    report = coordagree.validate(agreement)  # never raises
    assert all(f.code in coordagree.RULES for f in report)
    # TOML's dates and times in extension data are text in JSON (which has no such type), so
    # a TOML document round-trips as TOML
    same: Literal["json", "toml"] = (
        "toml" if fmt == "toml" or (fmt is None and _has_moments(agreement)) else "json"
    )
    again = coordagree.dumps(agreement, same)
    assert coordagree.loads(again, same) == agreement


def _has_moments(agreement: coordagree.Agreement) -> bool:
    import datetime as dt

    return any(
        isinstance(value, dt.date | dt.time) for value in _leaves(dict(agreement.extensions))
    )


def _leaves(value: Any) -> Any:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


@FUZZ
@given(mutated_documents())
def test_mutated_documents_load_or_fail_with_findings(case: tuple[Any, str]) -> None:
    document, fmt = case
    text = write(document, fmt)
    if text is None:
        text = json.dumps(document, ensure_ascii=False)
        fmt = "json"
    check_loads(text, fmt, document)
    encoded = text.encode("utf-8", "surrogatepass")
    check_loads(encoded, fmt, document)


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["json", "yaml", "toml", None]))
def test_random_bytes_never_crash(data: bytes, fmt: str | None) -> None:
    check_loads(data, fmt, None)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["json", "yaml", "toml", None]))
def test_random_text_never_crashes(text: str, fmt: str | None) -> None:
    check_loads(text, fmt, None)


@FUZZ
@given(
    st.sampled_from(["json", "yaml", "toml"]),
    st.sampled_from(
        [
            "{" * 5000,
            "[" * 100_000,
            "a: " * 3000 + "b",
            "- " * 20_000 + "x",
            "x = [" * 3000,
            '"' + "\\u0000" * 10_000 + '"',
            "&a [" + "*a," * 10 + "]",
            "!!python/object/apply:os.system ['true']",
            "coordagree: '1.0'\n" + "k: !!binary aGVsbG8=\n",
            "\ufeffcoordagree: '1.0'\n",
        ]
    ),
)
def test_hostile_shapes_are_refused_quickly(fmt: str, text: str) -> None:
    check_loads(text, fmt, None)


# -- crash-safe writes ------------------------------------------------------------------------


def _dump_forever(target: str, agreements: list[coordagree.Agreement], ready: Any) -> None:
    ready.set()
    while True:
        for agreement in agreements:
            coordagree.dump(agreement, target)


def _large(title: str, tasks: int) -> coordagree.Agreement:
    seed = coordagree.seed_programme()
    template = seed.schedules[0].tasks[0]
    schedule = attrs.evolve(
        seed.schedules[0],
        tasks=tuple(attrs.evolve(template, id=f"t-{i}") for i in range(tasks)),
    )
    return attrs.evolve(seed, title=coordagree.Text(title), schedules=(schedule,))


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(),
    reason="needs SIGKILL and fork",
)
def test_killed_writer_leaves_old_or_new_file_and_no_temporary(tmp_path: Path) -> None:
    versions = [_large("Phiên bản cũ", 2000), _large("Phiên bản mới", 2000)]
    expected = {coordagree.dumps(agreement, "json").encode("utf-8") for agreement in versions}
    target = tmp_path / "programme.json"
    coordagree.dump(versions[0], target)
    context: Any = multiprocessing.get_context("fork")  # the child shares the agreements
    rng = random.Random(20261129)
    kills = 0
    children: set[str] = set()
    for _ in range(60):
        ready = context.Event()
        child = context.Process(target=_dump_forever, args=(str(target), versions, ready))
        child.start()
        children.add(str(child.pid))
        assert ready.wait(30)
        time.sleep(rng.uniform(0, 0.3))  # a dump takes about 0.15 s: any moment of several
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        kills += 1
        assert target.read_bytes() in expected
        # The unnamed file vanished with the child. Only a kill in the microseconds between
        # naming it and moving it into place leaves a name, which the next write removes (a
        # child killed before it writes leaves its predecessor's name in place: one at most).
        left = [p.name for p in tmp_path.iterdir() if p.name != "programme.json"]
        assert len(left) <= 1
        for name in left:
            named = re.fullmatch(r"\.programme\.json\.(\d+)\.\w+\.coordagree\.tmp", name)
            assert named is not None and named.group(1) in children, name
    assert kills >= 50
    assert coordagree.load(target) in versions
    coordagree.dump(versions[0], target)
    assert [p.name for p in tmp_path.iterdir()] == ["programme.json"]


def test_stale_temporary_files_of_dead_writers_are_swept(tmp_path: Path) -> None:
    target = tmp_path / "programme.yaml"
    stale = tmp_path / f".programme.yaml.{2**22 + 12345}.deadbeef.coordagree.tmp"
    stale.write_bytes(b"half a document")
    other = tmp_path / ".other.yaml.1.deadbeef.coordagree.tmp"
    other.write_bytes(b"not ours")
    coordagree.dump(coordagree.seed_programme(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "programme.yaml"]


def test_dump_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "programme.yaml"
    coordagree.dump(coordagree.seed_programme(), target)
    target.chmod(0o640)
    coordagree.dump(coordagree.seed_programme(), target)
    assert target.stat().st_mode & 0o777 == 0o640


# -- concurrency ------------------------------------------------------------------------------


def _work(text: str) -> tuple[Any, ...]:
    agreement = coordagree.loads(text, "json")
    report = coordagree.validate(agreement)
    return agreement, report.to_json(), coordagree.dumps(agreement, "yaml")


@settings(max_examples=10, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(documents(max_tasks=4), min_size=4, max_size=8))
def test_threads_give_the_same_results_as_sequential_work(batch: list[Any]) -> None:
    texts = [json.dumps(document, ensure_ascii=False) for document in batch] * 4
    sequential = [_work(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(_work, texts))
    assert parallel == sequential


# -- regressions found by fuzzing -------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("fuzz_loads", ROOT / "fuzz" / "fuzz_loads.py")
assert _spec is not None and _spec.loader is not None
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)


@pytest.mark.parametrize(
    "case", sorted((ROOT / "tests" / "data" / "fuzz").glob("*.bin")), ids=lambda p: p.name
)
def test_fuzz_regressions(case: Path) -> None:
    """Every input a fuzzer once crashed on now passes the harness and the suite's invariant."""
    data = case.read_bytes()
    harness.test_one_input(data)
    fmt, document = harness.split(data)
    try:
        source = json.loads(document) if fmt == "json" else None
    except ValueError:
        source = None
    started = time.perf_counter()
    check_loads(document, fmt, source)
    assert time.perf_counter() - started < 1  # the bound per case; these take ms


# -- the fast JSON path agrees with the checked path ------------------------------------------


def _both(text: str) -> tuple[Any, Any]:
    from coordagree import _documents

    fast = _documents._fast(text, "json", None)
    try:
        checked: Any = _documents.read_document(text, "json")[0]
    except DocumentError as error:
        checked = error
    return fast, checked


@settings(suppress_health_check=list(HealthCheck), deadline=None)
@given(documents())
def test_fast_path_gives_what_the_checked_path_gives(document: Any) -> None:
    fast, checked = _both(json.dumps(document, ensure_ascii=False))
    assert isinstance(checked, coordagree.Agreement)
    if fast is not None:
        assert fast == checked
        assert coordagree.dumps(fast) == coordagree.dumps(checked)


@settings(suppress_health_check=list(HealthCheck), deadline=None)
@given(mutated_documents())
def test_fast_path_never_accepts_what_the_checked_path_refuses(case: tuple[Any, str]) -> None:
    document, _ = case
    try:
        text = json.dumps(document, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    fast, checked = _both(text)
    if fast is not None:
        assert fast == checked


@pytest.mark.parametrize(
    "text",
    [
        # a key given twice: the fast parser keeps the last one silently
        '{"coordagree": "1.0", "id": "x", "id": "y", "title": "T", "kind": "mou"}',
        # ... even when an escaped colon elsewhere tries to balance the count
        '{"coordagree": "1.0", "id": "x", "id": "y", "title": "a\\u003ab", "kind": "mou"}',
        '{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou", "schedules": [{"id": "s",'
        ' "period": "2023", "tasks": [{"id": "t", "id": "u", "title": "T"}]}]}',
    ],
)
def test_fast_path_refuses_duplicate_keys(text: str) -> None:
    fast, checked = _both(text)
    assert fast is None
    assert isinstance(checked, DocumentError) and checked.codes == ["duplicate-key"]


_LONG = 100_001


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("id", "a" * _LONG),  # over the string limit, though a well-formed id
        ("executor", "b" * _LONG),
        ("owners", ["c" * _LONG]),
        ("owners", None),
        ("partners", None),
        ("recurrence", None),
        ("rotation", None),
        ("implements", None),
        ("history", None),
        ("status", None),
        ("status", ["completed"]),
        ("owners", [["ban-dan-van"]]),
        ("description", None),
        ("executor", None),
        ("due", None),
        ("title", "Tuyên truyền: pháp luật"),
        ("title", "e\u0301"),  # not in NFC
    ],
)
def test_fast_path_agrees_on_each_task_value(key: str, value: Any) -> None:
    document = json.loads(coordagree.dumps(coordagree.seed_programme()))
    document["schedules"][0]["tasks"][0][key] = value
    fast, checked = _both(json.dumps(document, ensure_ascii=False))
    if isinstance(checked, DocumentError):
        assert fast is None
    else:
        assert fast is None or fast == checked  # the fast path may always defer


_DONE = {"status": "completed", "on": "2023-10-07"}


@pytest.mark.parametrize(
    ("key", "first", "then"),
    [
        # a period map read before, then one equal to it in Python but not in JSON
        ("due", {"start": "2023", "end": "2024"}, {"start": "2023", "end": 2024}),
        ("due", {"start": "2023", "end": "2024"}, {"start": "2023", "end": ["2024"]}),
        ("due", {"start": "2023"}, {"start": "2023", "start ": "2023"}),
        ("due", "2023", 2023),
        ("due", {"start": 2023}, {"start": 2023.0}),  # 2023 == 2023.0, but a float is no year
        ("due", 2023, 2023.0),
        ("due", 1, True),
        ("due", "2023", {"start": "2023"}),
        # a status change read before, then one with a note, a null note, an odd key or value
        ("history", [_DONE], [{**_DONE, "note": "Đã xong: báo cáo"}]),
        ("history", [_DONE], [{**_DONE, "note": None}]),
        ("history", [_DONE], [{**_DONE, "by": "tand"}]),
        ("history", [_DONE], [{**_DONE, "status": ["completed"]}]),
        ("history", [_DONE], [{**_DONE, "on": "2023-10-07T08:00:00"}]),
        ("history", [_DONE], [{"on": "2023-10-07"}]),
        # a task shape read before, then the same keys in another order, or one key more
        ("title", "Nhiệm vụ", "Nhiệm vụ"),
        ("owners", ["tand"], None),
        ("x-note", None, "ghi chú"),
    ],
)
def test_fast_path_answers_do_not_depend_on_what_it_read_before(
    key: str, first: Any, then: Any
) -> None:
    document = json.loads(coordagree.dumps(coordagree.seed_programme()))
    task = document["schedules"][0]["tasks"][0]
    task[key] = first
    fast, checked = _both(json.dumps(document, ensure_ascii=False))
    assert fast is not None or first is None  # read on the fast path: now in its caches
    assert fast == checked or fast is None
    del task[key]
    task.update({key: then} if key != "title" else dict(reversed(list(task.items()))))
    fast, checked = _both(json.dumps(document, ensure_ascii=False))
    if isinstance(checked, DocumentError):
        assert fast is None
    else:
        assert fast is None or fast == checked


def test_the_garbage_collector_is_restored_whatever_happens() -> None:
    import gc

    text = coordagree.dumps(coordagree.seed_programme())
    assert gc.isenabled()
    coordagree.loads(text)
    coordagree.dumps(coordagree.seed_programme())
    assert gc.isenabled()
    seed = coordagree.seed_programme()
    year = coordagree.Period.parse("2023")
    coordagree.agenda(seed, year)
    coordagree.due(seed, pendulum.Date(2024, 1, 1))
    coordagree.occurrences(seed, year)
    assert gc.isenabled()
    with pytest.raises(DocumentError):
        coordagree.loads('{"coordagree": "1.0", "id": 5, "title": "T", "kind": "mou"}')
    assert gc.isenabled()
    gc.disable()
    try:
        coordagree.loads(text)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_fast_path_defers_nesting_deeper_than_orjson_writes() -> None:
    # orjson reads 1,024 levels but writes 254: found by the mutation fuzzer as a raw TypeError
    deep = "[" * 300 + "]" * 300
    text = '{"coordagree": "1.0", "id": "x", "title": "T", "kind": "mou", "subject": ' + deep + "}"
    fast, checked = _both(text)
    assert fast is None
    assert isinstance(checked, DocumentError) and checked.codes == ["too-deep"]


def test_fast_path_builds_ordinary_frozen_objects() -> None:
    import weakref

    from coordagree import _documents

    document = json.loads(coordagree.dumps(coordagree.seed_programme()))
    document["schedules"][0]["tasks"][0]["history"] = [_DONE, {**_DONE, "note": "Đã xong"}]
    fast = _documents._fast(json.dumps(document, ensure_ascii=False), "json", None)
    assert fast is not None
    tasks = [task for schedule in fast.schedules for task in schedule.tasks]
    changes = [change for task in tasks for change in task.history]
    assert tasks and changes
    made_fast: list[Any] = [*tasks, *changes, *(task.title for task in tasks)]
    for made in made_fast:
        assert type(made) in (coordagree.Task, coordagree.StatusChange, coordagree.Text)
        assert copy.copy(made) == made
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.extensions = {}
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del made.extensions
        assert weakref.ref(made)() is made
    assert tasks[0] == attrs.evolve(tasks[0])  # equal to one made by __init__
    assert hash(tasks[0].title) == hash(attrs.evolve(tasks[0].title))


def _no_repeats(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if len(set(value)) < len(value):
        raise ValueError(f"{attribute.name} repeats an id")


def _shouted(value: Any) -> Any:
    return Text(value.upper()) if isinstance(value, str) else value


@attrs.frozen(kw_only=True, field_transformer=kinded_fields)
class _Probe:
    id: str = attrs.field(**kinds.identity())
    title: Text = attrs.field(converter=to_text, **kinds.text())
    owners: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_no_repeats, **kinds.refs("party")
    )
    place: Text | None = attrs.field(default=None, converter=_shouted, **kinds.text())
    extensions: Mapping[str, Any] = kinds.extensions()


def test_generated_builders_honour_a_validator_a_field_adds() -> None:
    from coordagree import _documents, _fastjson

    reading = _fastjson._Reading(_documents._converter().structure)
    build = _fastjson._builder(_Probe, ("id", "title", "owners"), 5)
    made = build({"id": "a", "title": "Ghi chú", "owners": ["p", "q"]}, reading)
    assert made == _Probe(id="a", title=Text("Ghi chú"), owners=("p", "q"))
    attrs.validate(made)
    with pytest.raises(_fastjson.Irregular):  # the added validator runs, so the checked path
        build({"id": "a", "title": "Ghi chú", "owners": ["p", "p"]}, reading)
    with pytest.raises(ValueError, match="repeats"):
        _Probe(id="a", title=Text("x"), owners=("p", "p"))


def test_generated_builders_defer_a_field_with_a_converter_of_its_own() -> None:
    from coordagree import _documents, _fastjson

    reading = _fastjson._Reading(_documents._converter().structure)
    _fastjson._builder(_Probe, ("id", "title"), 5)  # no such field given: fine
    with pytest.raises(_fastjson.Irregular):  # `place` converts as its kind does not
        _fastjson._builder(_Probe, ("id", "title", "place"), 5)
    with pytest.raises(_fastjson.Irregular):  # a required field missing
        _fastjson._builder(_Probe, ("title",), 5)
    del reading


def test_generated_builders_show_their_source_in_tracebacks() -> None:
    from coordagree import _documents, _fastjson

    reading = _fastjson._Reading(_documents._converter().structure)
    build = _fastjson._builder(_Probe, ("id", "title"), 5)
    filename = build.__code__.co_filename
    assert filename.startswith("<coordagree generated _Probe")
    assert "made.title = text(v1, reading)" in "".join(linecache.getlines(filename))
    try:
        build({"id": "a", "title": 42}, reading)
    except _fastjson.Irregular as error:
        assert error.__traceback__ is not None
        frames = traceback.format_tb(error.__traceback__)
        assert any("made.title = text(v1, reading)" in frame for frame in frames)
    else:  # pragma: no cover - a number is no title
        pytest.fail("a number was taken for a title")


def test_fast_path_takes_task_periods_whose_wording_has_a_colon() -> None:
    from coordagree import _documents

    agreement = coordagree.seed_programme()
    schedule = agreement.schedules[0]
    task = attrs.evolve(
        schedule.tasks[0], due=coordagree.Period.parse("2023", as_written="hạn: trong năm 2023")
    )
    worded = attrs.evolve(
        agreement, schedules=(attrs.evolve(schedule, tasks=(task, *schedule.tasks[1:])),)
    )
    text = coordagree.dumps(worded, "json")
    assert _documents._fast(text, "json", None) == worded


def test_status_changes_are_read_by_the_cached_reader_while_declared_as_it_assumes() -> None:
    # A field added to StatusChange sends its documents to the generic builders (correct, but
    # slower and unshared); the fast reader must keep being the one used while it fits.
    from coordagree import _fastjson

    assert _fastjson._FAST_RECORDS[coordagree.StatusChange] is _fastjson._change


@pytest.mark.parametrize("depth", range(22, 28))
def test_fast_path_holds_a_tasks_claims_to_the_depth_limit(depth: int) -> None:
    """A value the ordinary converter reads inside a task is as deep in the document as ever."""
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    task = {
        "id": "t",
        "title": "T",
        "owners": ["a"],
        "claims": [{"field": "title", "value": value}],
    }
    document = {
        "coordagree": "1.1",
        "id": "a",
        "schedules": [{"id": "s", "period": "2023", "tasks": [task]}],
    }
    fast, checked = _both(json.dumps(document))
    assert (fast is not None) == isinstance(checked, coordagree.Agreement)


def test_fast_path_defers_a_status_change_whose_status_is_a_list() -> None:
    change = {"status": ["completed"], "on": "2023-05-29", "note": "Đã xong"}
    task = {"id": "t", "title": "T", "owners": ["a"], "history": [change]}
    document = {
        "coordagree": "1.1",
        "id": "a",
        "schedules": [{"id": "s", "period": "2023", "tasks": [task]}],
    }
    fast, checked = _both(json.dumps(document))
    assert fast is None and isinstance(checked, DocumentError)


_HOSTILE_SCALARS = {
    "yaml": [
        ".nan",
        "-.inf",
        "1e999",
        "9" * 5000,
        "12:30",
        "0777",
        "0b_",
        "0o17",
        "!!int abc",
        "!!bool maybe",
        "!!float x",
        "1_000",
        "<<",
    ],
    "json": ["NaN", "Infinity", "-Infinity", "1e999", "9" * 5000, "-" + "9" * 5000],
    "toml": ["nan", "-inf", "9" * 5000, "12:30:00", "1979-05-27T07:32:00-08:00"],
}


@FUZZ
@given(
    documents(max_parties=2, max_tasks=2),
    st.sampled_from(sorted(_HOSTILE_SCALARS)),
    st.data(),
)
def test_hostile_scalars_load_or_fail_with_findings(
    document: dict[str, Any], fmt: str, data: st.DataObject
) -> None:
    """Numbers no format holds back and YAML 1.1 scalars, written raw into extension data."""
    token = data.draw(st.sampled_from(_HOSTILE_SCALARS[fmt]))
    text = write(document, fmt)
    if text is None:
        return
    if fmt == "yaml":
        text += f"x-hostile: {token}\n"
    elif fmt == "json":
        text = text.replace("{", '{"x-hostile": ' + token + ", ", 1)
    else:
        text = f"x-hostile = {token}\n" + text
    check_loads(text, fmt, None)
