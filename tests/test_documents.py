from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coordagree
from coordagree.cli._check import check_across, check_file
from coordagree.errors import DocumentError, UnsupportedVersionError
from coordagree.strategies import agreements, documents

DATA = Path(__file__).parent / "data" / "invalid"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text("utf-8"))
ROOT = Path(__file__).resolve().parent.parent
SCHEMA = coordagree.json_schema()
FORMATS = ["json", "yaml", "toml"]


@given(agreements(), st.sampled_from(FORMATS))
def test_round_trip_every_format(agreement: coordagree.Agreement, fmt: str) -> None:
    text = coordagree.dumps(agreement, fmt)  # type: ignore[arg-type]
    again = coordagree.loads(text, fmt)  # type: ignore[arg-type]
    assert again == agreement
    assert coordagree.dumps(again, fmt) == text  # type: ignore[arg-type]


@given(documents())
def test_documents_match_the_schema(document: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(json.dumps(document)))


def test_vietnamese_is_byte_exact() -> None:
    seed = coordagree.seed_programme()
    for fmt in FORMATS:
        text = coordagree.dumps(seed, fmt)  # type: ignore[arg-type]
        assert "Ban Cán sự Đảng Tòa án Nhân dân tỉnh" in text
        assert "Lê Văn Bảo" in text and "Hồ An Phong" in text
        assert coordagree.loads(text.encode("utf-8"), fmt) == seed  # type: ignore[arg-type]


def test_version_key_first_and_found_anywhere() -> None:
    text = coordagree.dumps(coordagree.seed_programme())
    assert text.startswith('{\n  "coordagree": "1.1",')
    data = json.loads(text)
    moved = {k: v for k, v in data.items() if k != "coordagree"} | {"coordagree": "1.1"}
    assert coordagree.loads(json.dumps(moved)) == coordagree.seed_programme()


def test_format_is_guessed() -> None:
    seed = coordagree.seed_programme()
    for fmt in FORMATS:
        assert coordagree.loads(coordagree.dumps(seed, fmt)) == seed  # type: ignore[arg-type]


def test_newer_version_is_refused_clearly() -> None:
    with pytest.raises(UnsupportedVersionError) as info:
        coordagree.loads('{"coordagree": "2.0", "id": "a", "title": "x", "kind": "mou"}')
    assert "needs coordagree >=" in str(info.value)
    assert info.value.findings[0].path == "/coordagree"


def test_upgrade_keeps_current_documents() -> None:
    data = coordagree.to_document(coordagree.seed_programme())
    assert coordagree.upgrade(data) == data


def test_extensions_round_trip_and_plain_unknown_keys_fail() -> None:
    doc = coordagree.to_document(coordagree.seed_programme())
    doc["x-registry"] = {"number": "12-CTr/BDVTU", "tags": ["dân vận"]}
    doc["parties"][0]["x-code"] = 7
    agreement = coordagree.from_document(doc)
    assert agreement.extensions["x-registry"]["number"] == "12-CTr/BDVTU"
    assert coordagree.to_document(agreement) == doc
    doc["parties"][0]["nmae"] = "?"
    with pytest.raises(DocumentError) as info:
        coordagree.from_document(doc)
    (finding,) = info.value.findings
    assert (finding.code, finding.path, finding.hint) == (
        "unknown-key",
        "/parties/0/nmae",
        "did you mean 'name'?",
    )


def test_day_first_date_gets_a_hint() -> None:
    text = coordagree.dumps(coordagree.seed_programme(), "yaml").replace(
        "date: '2023-05-29'", "date: 29/5/2023", 1
    )
    with pytest.raises(DocumentError) as info:
        coordagree.loads(text, "yaml")
    (finding,) = info.value.findings
    assert finding.code == "bad-date" and finding.path == "/events/0/date"
    assert finding.hint == "dates are ISO 8601: did you mean 2023-05-29?"
    assert finding.line is not None and text.splitlines()[finding.line - 1].strip().startswith(
        "date:"
    )


def test_limits_are_configurable() -> None:
    text = coordagree.dumps(coordagree.seed_programme())
    with pytest.raises(DocumentError) as info:
        coordagree.loads(text, limits=coordagree.Limits(max_bytes=100))
    assert info.value.codes == ["too-large"]
    with pytest.raises(DocumentError) as deep:
        coordagree.loads("[" * 50 + "]" * 50, "json")
    assert deep.value.codes == ["too-deep"]
    long = coordagree.to_document(coordagree.seed_programme())
    long["title"] = "x" * 2000
    with pytest.raises(DocumentError) as longer:
        coordagree.loads(json.dumps(long), limits=coordagree.Limits(max_string=1000))
    assert [(f.code, f.path) for f in longer.value.findings] == [("too-long", "/title")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_corpus(name: str) -> None:
    expected = EXPECTED[name]
    (result,) = check_across([check_file(DATA / name)])
    assert [[f.code, f.path] for f in result.findings] == expected["findings"]
    assert result.findings
    if expected["schema_rejects"] is not None:
        document = coordagree._formats.parse((DATA / name).read_bytes(), None, coordagree.Limits())[
            0
        ].data
        valid = jsonschema.Draft202012Validator(SCHEMA).is_valid(document)
        assert valid is not expected["schema_rejects"]


def test_every_rule_has_a_corpus_document() -> None:
    covered = {code for entry in EXPECTED.values() for code, _ in entry["findings"]}
    semantic = {code for code, rule in coordagree.RULES.items() if not rule.structural}
    model_only = {"fiscal-year-mismatch"}  # a document reads FY dates with its own start month
    assert semantic - model_only <= covered
    assert model_only.isdisjoint(covered)


def test_schema_file_matches_generated() -> None:
    name = f"coordagree-{coordagree.FORMAT_VERSION}.schema.json"
    shipped = ROOT / "src" / "coordagree" / "data" / name
    assert json.loads(shipped.read_text("utf-8")) == SCHEMA, "stale: run make schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_seed_validates_against_schema() -> None:
    document = coordagree.to_document(coordagree.seed_programme())
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(json.dumps(document)))


def test_dump_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "programme.yaml"
    seed = coordagree.seed_programme()
    coordagree.dump(seed, target)
    before = target.read_bytes()

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        coordagree.dump(coordagree.Agreement(id="other", title="x", kind="mou"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["programme.yaml"]
    monkeypatch.undo()
    assert coordagree.load(target) == seed


def test_load_with_validation_reports_semantic_errors(tmp_path: Path) -> None:
    path = DATA / "unresolved-reference.yaml"
    assert coordagree.load(path).id == "my-programme"
    with pytest.raises(DocumentError) as info:
        coordagree.load(path, validate=True)
    assert [(f.code, f.path, f.line) for f in info.value.findings] == [
        ("unresolved-reference", "/schedules/0/tasks/0/owners/1", 39)
    ]


@given(documents())
def test_json_output_is_what_the_standard_library_writes(document: dict[str, object]) -> None:
    agreement = coordagree.from_document(document)
    expected = json.dumps(coordagree.to_document(agreement), ensure_ascii=False, indent=2) + "\n"
    assert coordagree.dumps(agreement, "json") == expected


@settings(max_examples=10)
@given(agreements(max_tasks=4), st.sampled_from(["json", "yaml"]))
def test_dump_writes_what_dumps_returns(agreement: coordagree.Agreement, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"programme.{fmt}"
        coordagree.dump(agreement, path)
        assert path.read_bytes() == coordagree.dumps(agreement, fmt).encode("utf-8")  # type: ignore[arg-type]


@given(agreements(min_tasks=1, max_tasks=6))
def test_hand_written_task_hook_writes_what_the_generated_one_would(
    agreement: coordagree.Agreement,
) -> None:
    from cattrs.gen import make_dict_unstructure_fn

    from coordagree._documents import task_document

    converter = coordagree.make_converter()
    generated = make_dict_unstructure_fn(coordagree.Task, converter, _cattrs_omit_if_default=True)
    for task in agreement.tasks:
        expected = generated(task)
        extra = expected.pop("extensions", None)
        expected.update(extra or {})
        assert task_document(task) == expected
        assert list(task_document(task)) == list(expected)  # the same key order


@given(agreements(min_tasks=1, max_tasks=6))
def test_task_json_writes_what_task_document_does_and_shares_only_with_writers(
    agreement: coordagree.Agreement,
) -> None:
    import orjson

    from coordagree._documents import task_document, task_json

    for task in agreement.tasks:
        assert orjson.dumps(task_json(task)) == orjson.dumps(task_document(task))
    # task_document's lists and maps are the caller's own: editing one changes no later answer
    for task in agreement.tasks:
        for value in task_document(task).values():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value[0].clear()
            elif isinstance(value, dict):
                value.clear()
    again = coordagree.loads(coordagree.dumps(agreement))
    assert again == agreement


def test_validating_load_of_fast_json_reports_semantic_errors_once(tmp_path: Path) -> None:
    document = coordagree.to_document(coordagree.seed_programme())
    document["schedules"][0]["tasks"][0]["owners"] = ["no-such-party"]
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert coordagree.load(path).id == document["id"]  # well-formed: the fast path reads it
    with pytest.raises(DocumentError) as info:
        coordagree.load(path, validate=True)
    assert [(f.code, f.path) for f in info.value.findings] == [
        ("commitment-count-mismatch", "/declared_commitments"),
        ("unresolved-reference", "/schedules/0/tasks/0/owners/0"),
    ]
    with pytest.raises(DocumentError):
        coordagree.loads(path.read_text("utf-8"), validate=True)


def _values_in(data: object) -> int:
    if isinstance(data, dict):
        return 1 + sum(_values_in(v) for v in data.values())
    if isinstance(data, list):
        return 1 + sum(_values_in(v) for v in data)
    return 1


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_max_nodes_counts_the_same_values_in_every_format(fmt: str) -> None:
    seed = coordagree.seed_programme()
    text = coordagree.dumps(seed, fmt)  # type: ignore[arg-type]
    values = _values_in(coordagree.to_document(seed))
    assert coordagree.loads(text, fmt, limits=coordagree.Limits(max_nodes=values)) == seed  # type: ignore[arg-type]
    with pytest.raises(coordagree.errors.DocumentError) as caught:
        coordagree.loads(text, fmt, limits=coordagree.Limits(max_nodes=values - 1))  # type: ignore[arg-type]
    assert [f.code for f in caught.value.findings] == ["too-large"]
