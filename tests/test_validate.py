from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coordagree
from coordagree.errors import DocumentError, InvalidArgumentError, Severity
from coordagree.strategies import Defect, agreements, broken_documents


def test_seed_has_exactly_the_expected_warning() -> None:
    report = coordagree.validate(coordagree.seed_programme())
    assert report.ok
    assert [(f.code, f.severity, f.path) for f in report] == [
        ("commitment-count-mismatch", Severity.WARNING, "/declared_commitments")
    ]
    assert report.counts == {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 0}
    data = json.loads(report.to_json())
    assert data["counts"] == {"error": 0, "warning": 1, "info": 0}
    assert data["findings"][0]["severity"] == "warning"


def test_rules_can_be_disabled_or_regraded() -> None:
    seed = coordagree.seed_programme()
    assert len(coordagree.validate(seed, disable=["commitment-count-mismatch"])) == 0
    regraded = coordagree.validate(seed, severities={"commitment-count-mismatch": "error"})
    assert not regraded.ok
    with pytest.raises(InvalidArgumentError, match="unknown codes: no-such-code"):
        coordagree.validate(seed, disable=["no-such-code"])


def test_validate_refuses_non_agreements() -> None:
    with pytest.raises(InvalidArgumentError):
        coordagree.validate({"id": "x"})  # type: ignore[arg-type]


def test_many_problems_reported_at_once() -> None:
    seed = coordagree.seed_programme()
    broken = attrs.evolve(
        seed,
        parties=(*seed.parties, seed.parties[0]),
        declared_commitments=2,
    )
    codes = coordagree.validate(broken).codes()
    assert sorted(codes) == ["commitment-count-exceeded", "duplicate-id"]


@given(agreements())
def test_strategy_agreements_validate_clean(agreement: coordagree.Agreement) -> None:
    assert list(coordagree.validate(agreement)) == []


@given(broken_documents())
def test_broken_documents_yield_their_finding(pair: tuple[dict[str, object], Defect]) -> None:
    document, defect = pair
    try:
        agreement = coordagree.from_document(document)
    except DocumentError as exc:
        assert defect.structural
        assert [(f.code, f.path) for f in exc.findings] == [(defect.code, defect.path)]
        return
    assert not defect.structural
    assert [(f.code, f.path) for f in coordagree.validate(agreement)] == [
        (defect.code, defect.path)
    ]


@given(agreements(max_tasks=4), st.sampled_from(["", "  ", "Nguye\u0302n", "x"]))
def test_text_scan_finds_a_problem_exactly_when_the_full_walk_does(
    agreement: coordagree.Agreement, odd: str
) -> None:
    from coordagree._validate import _any_text_problem, _texts_by_walk

    seeded = attrs.evolve(agreement, kind=odd or agreement.kind) if odd.strip() else agreement
    if agreement.parties and odd:
        party = attrs.evolve(agreement.parties[0], kind=odd)
        seeded = attrs.evolve(seeded, parties=(party, *agreement.parties[1:]))
    assert _any_text_problem(seeded) == bool(_texts_by_walk(seeded))


def test_text_scan_knows_every_text_field_of_a_task() -> None:
    from coordagree._validate import _TASK_TEXTS, _text_fields

    assert _text_fields(coordagree.Task) == _TASK_TEXTS
    assert set(_text_fields(coordagree.TaskSchedule)) == {"title", "tasks"}


@pytest.mark.parametrize("tag", ["vi\n", "vi-", "v", "vi VN"])
def test_language_tags_must_be_whole_bcp47_tags(tag: str) -> None:
    # "vi\n" passed re.match(r"...$"), which matches $ before a final newline
    seed = coordagree.seed_programme()
    title = coordagree.Text("Chương trình", lang=tag)
    report = coordagree.validate(attrs.evolve(seed, languages=(tag,), title=title))
    assert [(f.code, f.path) for f in report.findings if f.code == "bad-language-tag"] == [
        ("bad-language-tag", "/languages/0"),
        ("bad-language-tag", "/title"),
    ]
