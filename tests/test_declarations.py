"""Guards derived from the field declarations: a place that forgets a field fails here.

Each test reads `attrs.fields` of every model class, so a field added to a class is covered
with no edit to this file: the strategies must draw it, validation must scan it if it is text,
and every format and both load paths must keep it.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coordagree
from coordagree import _documents
from coordagree import strategies as cs
from coordagree._fields import META, FieldKind, Kind, kind_of, record_classes, walk_records
from coordagree._formats import Format

RECORDS = record_classes(coordagree.Agreement)
FIELDS = [(cls, field) for cls in RECORDS for field in attrs.fields(cls)]
ROOT = Path(__file__).resolve().parent.parent


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    return default.factory() if hasattr(default, "factory") else default


def _set(value: Any) -> bool:
    return value is not None and value != () and value != {}


def test_every_field_of_every_record_declares_its_kind() -> None:
    for cls, field in FIELDS:
        kind = field.metadata.get(META)
        assert isinstance(kind, FieldKind), f"{cls.__name__}.{field.name}"
        assert kind.optional == (field.default is None), f"{cls.__name__}.{field.name}"
        if kind.kind is Kind.REF:
            assert kind.target is not None
        if kind.kind is Kind.RECORD:
            assert kind.record in RECORDS


def test_every_reference_names_a_table_some_record_list_forms() -> None:
    tables = {kind_of(f).table for _, f in FIELDS if kind_of(f).kind is Kind.RECORD}
    tables.add("agreement")  # the agreement's own id
    for cls, field in FIELDS:
        kind = kind_of(field)
        if kind.kind is Kind.REF:
            assert kind.target is not None
            for target in kind.target.split("|"):
                assert target in tables, f"{cls.__name__}.{field.name} -> {target}"


@functools.cache
def _drawn_values() -> dict[tuple[type, str], Any]:
    """For each (class, field), a value other than its default seen in a derandomised run."""
    seen: dict[tuple[type, str], Any] = {}

    def note(record: Any) -> None:
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            if field.default is attrs.NOTHING or value != _default(field):
                seen.setdefault((type(record), field.name), value)

    @settings(
        max_examples=600, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(cs.agreements(max_tasks=4))
    def collect(agreement: coordagree.Agreement) -> None:
        for _, record in walk_records(agreement):
            note(record)

    collect()
    for cls in RECORDS:  # what a whole agreement rarely holds, from the class's own strategy
        if all((cls, f.name) in seen for f in attrs.fields(cls)):
            continue

        @settings(
            max_examples=100,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(st.from_type(cls))
        def more(record: Any) -> None:
            for _, inner in walk_records(record):
                note(inner)

        more()
    return seen


def test_strategies_draw_every_field_of_every_record_with_a_non_default_value() -> None:
    seen = _drawn_values()
    missing = sorted(
        f"{cls.__name__}.{field.name}" for cls, field in FIELDS if (cls, field.name) not in seen
    )
    assert missing == []


# -- validation scans every text field -------------------------------------------------------


def _replace(root: Any, path: str, make: Any) -> Any:
    """``root`` with the record at JSON Pointer ``path`` replaced by ``make(record)``."""
    if not path:
        return make(root)
    head, _, rest = path[1:].partition("/")
    if isinstance(root, tuple):
        index = int(head)
        return (
            *root[:index],
            _replace(root[index], "/" + rest if rest else "", make),
            *root[index + 1 :],
        )
    inner = getattr(root, head)
    return attrs.evolve(root, **{head: _replace(inner, "/" + rest if rest else "", make)})


def _text_places(agreement: coordagree.Agreement) -> list[tuple[str, type, str]]:
    return [
        (path, type(record), field.name)
        for path, record in walk_records(agreement)
        for field in attrs.fields(type(record))
        if kind_of(field).kind is Kind.TEXT
    ]


def _blanked(agreement: coordagree.Agreement, path: str, name: str, blank: str) -> tuple[Any, str]:
    """``agreement`` with the text field ``name`` of the record at ``path`` blank, and the
    pointer where the blank text now is (a list of texts gets one blank text)."""
    holder: Any = type(_at(agreement, path))
    many = kind_of(attrs.fields_dict(holder)[name]).many
    text = coordagree.Text(blank)
    changed = _replace(
        agreement, path, lambda r: attrs.evolve(r, **{name: (text,) if many else text})
    )
    return changed, f"{path}/{name}/0" if many else f"{path}/{name}"


def _at(root: Any, path: str) -> Any:
    for step in path.split("/")[1:]:
        root = root[int(step)] if isinstance(root, tuple) else getattr(root, step)
    return root


@given(cs.agreements(max_tasks=3), st.sampled_from(["", "  ", "\u3000"]))
@settings(max_examples=20, suppress_health_check=list(HealthCheck))
def test_every_text_field_blanked_gives_empty_text_at_its_pointer(
    agreement: coordagree.Agreement, blank: str
) -> None:
    for path, _cls, name in _text_places(agreement)[:12]:
        changed, where = _blanked(agreement, path, name, blank)
        assert ("empty-text", where) in [(f.code, f.path) for f in coordagree.validate(changed)]


def test_every_text_field_of_every_class_is_blanked_somewhere() -> None:
    # The test above reaches each (class, text field) pair at least once over these agreements.
    reached: set[tuple[type, str]] = set()

    @settings(
        max_examples=200, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(cs.agreements(max_tasks=3))
    def collect(agreement: coordagree.Agreement) -> None:
        reached.update((cls, name) for _, cls, name in _text_places(agreement))

    collect()
    seed = coordagree.seed_programme()
    reached.update((cls, name) for _, cls, name in _text_places(seed))
    every = {(cls, f.name) for cls, f in FIELDS if kind_of(f).kind is Kind.TEXT}
    assert every - reached == set()
    for path, _cls, name in _text_places(seed):  # and on the seed, every one of them
        changed, where = _blanked(seed, path, name, " ")
        assert ("empty-text", where) in [(f.code, f.path) for f in coordagree.validate(changed)]


# -- every format and both load paths keep every field -----------------------------------------


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@given(cs.agreements(max_tasks=4))
@settings(suppress_health_check=list(HealthCheck))
def test_every_drawn_field_survives_every_format_on_both_paths(
    agreement: coordagree.Agreement,
) -> None:
    document = coordagree.to_document(agreement)
    has_null = _without_nulls(document) != document
    formats: tuple[Format, ...] = ("json", "yaml", "toml")
    for fmt in formats:
        if fmt == "toml" and has_null:
            continue  # TOML has no null (extension data with one is issue 17's)
        text = coordagree.dumps(agreement, fmt)
        checked, _ = _documents.read_document(text, fmt)
        assert checked == agreement
        assert coordagree.loads(text, fmt) == agreement
    fast = _documents._fast(coordagree.dumps(agreement, "json"), "json", None)
    if fast is not None:  # None: the fast path deferred (extension data, say) to the checked one
        assert fast == agreement
        for schedule in fast.schedules:
            for task in schedule.tasks:  # every fast-built object passes its own validators
                attrs.validate(task)
                for change in task.history:
                    attrs.validate(change)


def test_the_round_trip_covers_every_field() -> None:
    # What the property above round-trips: every field, with a non-default value, at least once.
    seen = _drawn_values()
    assert {(cls, f.name) for cls, f in FIELDS} <= set(seen)


# -- the two promises of the issue, tried in a scratch copy of the package ---------------------


def _scratch(tmp_path: Path, edit: Any) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
    tasks = copy / "coordagree" / "_tasks.py"
    tasks.write_text(edit(tasks.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def _run(copy: Path, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_field_declared_like_description_is_read_written_checked_and_drawn(
    tmp_path: Path,
) -> None:
    def add_location(source: str) -> str:
        doc = "        description: The full wording.\n"
        field = (
            "    description: Text | None = attrs.field(default=None, converter=to_text, "
            "**kinds.text())\n"
        )
        assert doc in source and field in source
        source = source.replace(doc, doc + "        location: Where it is done.\n", 1)
        return source.replace(field, field + field.replace("description", "location"), 1)

    copy = _scratch(tmp_path, add_location)
    result = _run(
        copy,
        """
        import json, attrs, coordagree
        from coordagree import _documents
        from hypothesis import given, settings, HealthCheck
        from coordagree import strategies as cs
        seed = coordagree.seed_programme()
        task = attrs.evolve(seed.schedules[0].tasks[0], location=coordagree.Text("Đồng Hới"))
        placed = attrs.evolve(seed, schedules=(attrs.evolve(seed.schedules[0], tasks=(task,)),))
        for fmt in ("json", "yaml", "toml"):
            text = coordagree.dumps(placed, fmt)
            assert "Đồng Hới" in text, fmt
            assert coordagree.loads(text, fmt) == placed, fmt
            assert _documents.read_document(text, fmt)[0] == placed, fmt
        assert _documents._fast(coordagree.dumps(placed, "json"), "json", None) == placed
        blank = attrs.evolve(placed, schedules=(attrs.evolve(placed.schedules[0], tasks=(
            attrs.evolve(task, location=coordagree.Text(" ")),)),))
        paths = [f.path for f in coordagree.validate(blank) if f.code == "empty-text"]
        assert paths == ["/schedules/0/tasks/0/location"], paths
        fast_blank = coordagree.loads(coordagree.dumps(blank, "json"))
        assert [f.path for f in coordagree.validate(fast_blank) if f.code == "empty-text"] == paths
        schema = coordagree.json_schema()["$defs"]["Task"]["properties"]["location"]
        assert schema["description"] == "Where it is done.", schema
        drawn = []
        @settings(max_examples=100, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(cs.agreements(min_tasks=1, max_tasks=3))
        def draw(agreement):
            drawn.extend(t.location for t in agreement.tasks if t.location is not None)
        draw()
        assert drawn
        print("ok")
        """,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"


def test_a_validator_added_to_owners_is_honoured_by_the_fast_path(tmp_path: Path) -> None:
    def no_repeats(source: str) -> str:
        anchor = "    @property\n    def is_recurring(self) -> bool:\n"
        assert anchor in source
        check = (
            "    @owners.validator\n"
            "    def _owners_once(self, attribute: Any, value: Any) -> None:\n"
            "        if len(set(value)) < len(value):\n"
            "            raise InvalidValueError(\n"
            "                'owners repeats an id', field='owners', value=value\n"
            "            )\n\n"
        )
        source = source.replace(anchor, check + anchor, 1)
        return source.replace(
            "import attrs\n",
            "from typing import Any\n\nimport attrs\n\n"
            "from coordagree.errors import InvalidValueError\n",
            1,
        )

    copy = _scratch(tmp_path, no_repeats)
    result = _run(
        copy,
        """
        import json, coordagree
        from coordagree.errors import DocumentError
        document = json.loads(coordagree.dumps(coordagree.seed_programme()))
        task = document["schedules"][0]["tasks"][0]
        task["owners"] = [task["owners"][0], task["owners"][0]]
        found = {}
        for fmt in ("json", "yaml"):
            text = json.dumps(document, ensure_ascii=False) if fmt == "json" else coordagree.dumps(
                coordagree.seed_programme(), "yaml")
            if fmt == "yaml":
                import yaml
                text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
            try:
                coordagree.loads(text, fmt)
            except DocumentError as error:
                found[fmt] = [(f.code, f.path) for f in error.findings]
        assert found.get("json") and found["json"] == found.get("yaml"), found
        print("ok")
        """,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"


def test_a_converter_hook_registered_for_text_reaches_every_record() -> None:
    converter = coordagree.make_converter()
    converter.register_unstructure_hook(coordagree.Text, lambda text: f"<{text.value}>")
    data = converter.unstructure(coordagree.seed_programme())
    titles = [task["title"] for schedule in data["schedules"] for task in schedule["tasks"]]
    assert titles and all(t.startswith("<") and t.endswith(">") for t in titles)
    assert data["title"].startswith("<") and data["parties"][0]["name"].startswith("<")


# -- the fast path on every field, with any JSON value --------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
_NEAR_VALID = st.sampled_from(
    [
        "party-0", "ban-dan-van", "bcs-tand", "ban dan van", "x\n", "", " ", "2023", "2023-02-30",
        "2023-13", "29/5/2023", "2023-05-29T10:00:00+07:00", "FREQ=YEARLY", "FREQ=NEVER",
        "FREQ=MONTHLY;BYMONTHDAY=31", "completed", "done", "lead", "Quý III/2023", "Nguye\u0302n",
        ["ban-dan-van", "ban-dan-van"], ["bcs-tand", 1], [], {}, {"start": "2023"},
        {"start": "2024", "end": "2023"}, {"vi": "Báo cáo", "en": "Report"}, {"vi": ""},
        [{"status": "completed", "on": "2023-10-07"}], [{"status": "completed"}],
        [{"status": "completed", "on": "2023-10-07", "note": 3}], 2023, 1.0, True,
    ]
)  # fmt: skip
TASK_FIELDS = [
    f.name for f in attrs.fields(coordagree.Task) if kind_of(f).kind is not Kind.EXTENSIONS
]


@pytest.mark.parametrize("name", TASK_FIELDS)
@given(value=_JSON | _NEAR_VALID)
@settings(max_examples=25, suppress_health_check=list(HealthCheck), deadline=None)
def test_fast_path_agrees_with_the_checked_path_on_any_value_of_any_task_field(
    name: str, value: Any
) -> None:
    document = json.loads(coordagree.dumps(coordagree.seed_programme()))
    document["schedules"][0]["tasks"][0][name] = value
    text = json.dumps(document, ensure_ascii=False)
    fast = _documents._fast(text, "json", None)
    try:
        checked: Any = _documents.read_document(text, "json")[0]
    except coordagree.errors.DocumentError:
        checked = None
    if checked is None:
        assert fast is None  # the fast path never accepts what the checked path refuses
    elif fast is not None:
        assert fast == checked
        for task in fast.tasks:
            attrs.validate(task)
