from __future__ import annotations

import json
from typing import Any

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
    from coordagree._validate._texts import _any_text_problem, _texts_by_walk

    seeded = attrs.evolve(agreement, kind=odd or agreement.kind) if odd.strip() else agreement
    if agreement.parties and odd:
        party = attrs.evolve(agreement.parties[0], kind=odd)
        seeded = attrs.evolve(seeded, parties=(party, *agreement.parties[1:]))
    assert _any_text_problem(seeded) == bool(_texts_by_walk(seeded))


def test_text_scan_reads_the_text_fields_the_declarations_name() -> None:
    from coordagree._validate._texts import text_fields

    assert text_fields(coordagree.Task) == (
        "title",
        "description",
        "target_group",
        "means",
        "history",
        "claims",
    )
    assert set(text_fields(coordagree.TaskSchedule)) == {"title", "tasks"}
    assert "id" not in text_fields(coordagree.Party) and "parent" not in text_fields(
        coordagree.Party
    )


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


def _fast_and_checked(document: dict[str, object]) -> tuple[coordagree.Agreement, object]:
    from coordagree import _documents

    text = json.dumps(document, ensure_ascii=False)
    fast = _documents._fast(text, "json", None)
    assert fast is not None  # read on the fast path, which records what it saw
    return fast, _documents.read_document(text, "json")[0]


_DONE = {"status": "completed", "on": "2023-10-07"}


def _two_schedules() -> dict[str, Any]:
    """The seed programme's document with a second schedule, a copy of the first."""
    document: dict[str, Any] = json.loads(coordagree.dumps(coordagree.seed_programme()))
    first = document["schedules"][0]
    tasks = [{**task, "id": f"{task['id']}-b"} for task in first["tasks"]]
    document["schedules"].append({**first, "id": f"{first['id']}-b", "tasks": tasks})
    return document


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("title", "", "empty-text"),
        ("title", "   ", "empty-text"),
        ("title", "\u3000", "empty-text"),  # an ideographic space is blank too
        ("title", {"vi": "Nhiệm vụ", "en": " "}, "empty-text"),
        ("title", {"vi": "Nhiệm vụ", "not a tag": "x"}, "bad-language-tag"),
        ("description", "\t", "empty-text"),
        ("means", {"vi": " "}, "empty-text"),
        ("history", [{**_DONE, "note": " "}], "empty-text"),
    ],
)
def test_validating_a_fast_loaded_agreement_finds_its_text_problems(
    key: str, value: object, code: str
) -> None:
    from coordagree._loader_facts import has_plain_texts

    document = _two_schedules()
    document["schedules"][1]["tasks"][-1][key] = value
    fast, checked = _fast_and_checked(document)
    assert has_plain_texts(fast.schedules[0])  # the other schedule's texts are all plain
    assert not has_plain_texts(fast.schedules[1])
    findings = coordagree.validate(fast).findings
    assert code in [f.code for f in findings]
    assert findings == coordagree.validate(checked).findings  # type: ignore[arg-type]


def test_only_the_loaded_schedule_itself_is_known_to_have_plain_texts() -> None:
    from coordagree._loader_facts import has_plain_texts

    fast, checked = _fast_and_checked(_two_schedules())
    assert all(has_plain_texts(schedule) for schedule in fast.schedules)
    assert not any(has_plain_texts(s) for s in checked.schedules)  # type: ignore[attr-defined]
    copy = attrs.evolve(fast.schedules[0])
    assert copy == fast.schedules[0] and not has_plain_texts(copy)


@given(
    agreements(min_tasks=1, max_tasks=4),
    st.sampled_from(["", " ", "\u3000", "\t\n", "Nhiệm vụ"]),
    st.data(),
)
def test_fast_loaded_agreements_validate_as_checked_ones_do(
    agreement: coordagree.Agreement, title: str, data: st.DataObject
) -> None:
    from coordagree import _documents

    document = json.loads(coordagree.dumps(agreement))
    tasks = [task for schedule in document["schedules"] for task in schedule.get("tasks", [])]
    data.draw(st.sampled_from(tasks))["title"] = title
    text = json.dumps(document, ensure_ascii=False)
    fast = _documents._fast(text, "json", None)
    checked = _documents.read_document(text, "json")[0]
    if fast is not None:
        assert coordagree.validate(fast).findings == coordagree.validate(checked).findings


def test_every_semantic_code_has_exactly_one_rule_module() -> None:
    import inspect

    from coordagree._validate import RULE_MODULES

    owners: dict[str, list[str]] = {}
    for module in RULE_MODULES:
        source = inspect.getsource(module)
        for code in module.EMITS:
            owners.setdefault(code, []).append(module.__name__)
            assert source.count(f'"{code}"') >= 2, f"{module.__name__} declares {code} only"
    semantic = {code for code, rule in coordagree.RULES.items() if not rule.structural}
    assert set(owners) == semantic
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}
