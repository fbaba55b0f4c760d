"""The benchmark's generator keeps working (timings are for `benchmarks/run.py`, not tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import coordagree
from coordagree import _documents

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from generate import generate, generate_json


def test_generator_is_deterministic_and_valid() -> None:
    data = generate_json(200)
    assert data == generate_json(200)
    agreement = coordagree.loads(data)
    assert len(list(agreement.tasks)) == 200
    assert [len(schedule.tasks) for schedule in agreement.schedules] == [50, 50, 50, 50]
    assert len(agreement.parties) == 10
    assert len(coordagree.validate(agreement)) == 0
    assert "Tuyên truyền" in data.decode("utf-8")


def test_benchmark_documents_take_the_fast_path_and_match_the_checked_one() -> None:
    data = generate_json(300, seed=7)
    fast = _documents._fast(data, "json", None)
    assert fast is not None
    assert fast == _documents.read_document(data, "json")[0]
    assert coordagree.loads(coordagree.dumps(fast, "yaml"), "yaml") == fast


def test_generated_document_matches_the_json_schema() -> None:
    import jsonschema

    jsonschema.Draft202012Validator(coordagree.json_schema()).validate(generate(40))


def test_strategy_speed_script_counts_choices() -> None:
    from strategies_speed import choices_per_example

    assert 50 < choices_per_example() < 2_000  # a count, not a timing: the script works
