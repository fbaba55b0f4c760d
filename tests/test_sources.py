"""Format 1.1: numbers, other names, sources and claims, lineage, extension data everywhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import coordagree
from coordagree import _documents
from coordagree import strategies as cs
from coordagree._fields import Kind, kind_of, record_classes
from coordagree._formats import Format
from coordagree.cli._check import check_across, check_file
from coordagree.errors import DocumentError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REAL = ["quy-che-vks-ta-2020.yaml", "quy-che-vks-ta-2013.yaml", "fws-usgs-mou.yaml"]
FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")


@pytest.mark.parametrize("name", REAL)
def test_real_looking_agreements_load_validate_clean_and_round_trip(name: str) -> None:
    agreement = coordagree.load(EXAMPLES / name)
    assert coordagree.validate(agreement).findings == ()
    for fmt in FORMATS:
        text = coordagree.dumps(agreement, fmt)
        assert coordagree.loads(text, fmt) == agreement
        assert _documents.read_document(text, fmt)[0] == agreement
    assert _documents._fast(coordagree.dumps(agreement), "json", None) == agreement


def test_numbers_keep_each_spelling_with_its_sources() -> None:
    quy_che = coordagree.load(EXAMPLES / "quy-che-vks-ta-2020.yaml")
    basis = quy_che.related[1]
    assert basis.relation == coordagree.RelationKind.LEGAL_BASIS
    assert [(i.value, i.sources) for i in basis.identifiers] == [
        ("19/2008/NQLT/CP-UBTUMTTQVN", ("van-ban",)),
        ("19/2008/NQLT/CP-UBMTTQVN", ("bao-dien-tu",)),
    ]
    assert basis.issuers == ("ubtumttq",) and [str(n) for n in basis.issuer_names] == ["Chính phủ"]
    mou = coordagree.load(EXAMPLES / "fws-usgs-mou.yaml")
    assert [i.value for i in mou.identifiers] == ["MOU 225-16-020", "MOU-225-16-20"]
    assert mou.party("usfws").other_names[1].kind == coordagree.NameKind.FORMER


def test_sources_disagree_and_both_claims_are_kept() -> None:
    mou = coordagree.load(EXAMPLES / "fws-usgs-mou.yaml")
    predecessor = mou.related[1]
    assert predecessor.date == coordagree.PartialDate.parse("1989-08~")
    assert predecessor.date is not None and predecessor.date.approximate
    (claim,) = predecessor.claims
    assert (claim.field, claim.value, claim.sources) == ("date", "1990", ("doi-index",))
    assert mou.source("doi-index").kind == coordagree.SourceKind.INDEX


def test_a_dangling_source_id_is_reported_at_its_pointer() -> None:
    mou = coordagree.load(EXAMPLES / "fws-usgs-mou.yaml")
    party = attrs.evolve(mou.parties[0], sources=("mou-text", "no-such-source"))
    report = coordagree.validate(attrs.evolve(mou, parties=(party, *mou.parties[1:])))
    assert [(f.code, f.path) for f in report] == [("unresolved-reference", "/parties/0/sources/1")]


@given(cs.agreements(max_tasks=3), st.data())
def test_a_dangling_source_id_on_any_citing_record_is_reported(
    agreement: coordagree.Agreement, data: st.DataObject
) -> None:
    from coordagree._fields import walk_records

    citing = [
        (path, record)
        for path, record in walk_records(agreement)
        if "sources" in attrs.fields_dict(type(record))
        and kind_of(attrs.fields_dict(type(record))["sources"]).kind is Kind.REF
    ]
    path, record = data.draw(st.sampled_from(citing))
    changed = _replace(agreement, path, attrs.evolve(record, sources=("missing-source",)))
    found = [(f.code, f.path) for f in coordagree.validate(changed)]
    assert ("unresolved-reference", f"{path}/sources/0") in found


def _replace(root: Any, path: str, new: Any) -> Any:
    if not path:
        return new
    head, _, rest = path[1:].partition("/")
    tail = "/" + rest if rest else ""
    if isinstance(root, tuple):
        index = int(head)
        return (*root[:index], _replace(root[index], tail, new), *root[index + 1 :])
    return attrs.evolve(root, **{head: _replace(getattr(root, head), tail, new)})


def test_every_citing_record_class_is_among_those_the_issue_names() -> None:
    citing = {
        cls.__name__
        for cls in record_classes(coordagree.Agreement)
        if any(
            kind_of(f).kind is Kind.REF and kind_of(f).target == "source" for f in attrs.fields(cls)
        )
    }
    named = {"Party", "Person", "Position", "Commitment", "Task", "Event", "Signature"}
    named |= {"RelatedInstrument", "Review", "Amendment"}
    assert named <= citing


def test_every_record_class_takes_extension_data() -> None:
    for cls in record_classes(coordagree.Agreement):
        assert "extensions" in attrs.fields_dict(cls), cls.__name__


# -- lineage across documents -------------------------------------------------------------------


def test_lineage_reads_both_directions() -> None:
    old = coordagree.load(EXAMPLES / "quy-che-vks-ta-2013.yaml")
    new = coordagree.load(EXAMPLES / "quy-che-vks-ta-2020.yaml")
    lineage = coordagree.Lineage([old, new])
    assert lineage.supersedes("qc-vks-ta-2020") == ("qc-vks-ta-2013",)
    assert lineage.superseded_by("qc-vks-ta-2013") == ("qc-vks-ta-2020",)
    assert lineage.chain("qc-vks-ta-2020") == ("qc-vks-ta-2013", "qc-vks-ta-2020")
    assert lineage.dangling() == ()
    alone = coordagree.Lineage([new])
    (link,) = alone.dangling()
    assert (link.agreement, link.path, link.target) == (
        "qc-vks-ta-2020",
        "/related/2",
        "qc-vks-ta-2013",
    )


def test_validate_folder_resolves_document_ids_and_reports_a_dangling_one(tmp_path: Path) -> None:
    both = check_across([check_file(EXAMPLES / name) for name in REAL])
    assert all(not r.findings for r in both)
    (alone,) = check_across([check_file(EXAMPLES / "quy-che-vks-ta-2020.yaml")])
    (finding,) = alone.findings
    assert (finding.code, finding.path, finding.line) == (
        "dangling-document",
        "/related/2/document",
        73,
    )


# -- upgrading 1.0 documents --------------------------------------------------------------------


def test_a_1_0_document_upgrades_to_1_1_without_losing_a_fact() -> None:
    old_text = (ROOT / "tests" / "data" / "v1.0" / "quang-binh-2023.yaml").read_text("utf-8")
    old = yaml.safe_load(old_text)
    upgraded = coordagree.upgrade(old)
    assert upgraded["coordagree"] == coordagree.FORMAT_VERSION == "1.1"
    (source,) = upgraded["sources"]
    provenance = old["provenance"]
    assert source == {
        "id": "provenance",
        "publisher": provenance["source"],
        **{k: v for k, v in provenance.items() if k != "source"},
    }
    rest = {k: v for k, v in upgraded.items() if k not in ("coordagree", "sources", "commitments")}
    assert rest == {
        k: v for k, v in old.items() if k not in ("coordagree", "provenance", "commitments")
    }
    for before, after in zip(old["commitments"], upgraded["commitments"], strict=True):
        # 1.0 left a co-operating role out; 1.1 writes it (its default is "not stated")
        roles = [{"role": "co-operating", **duty} for duty in before["responsible"]]
        assert after == {**before, "responsible": roles}
    agreement = coordagree.loads(old_text, "yaml")
    assert agreement.sources[0].published is not None
    assert str(agreement.sources[0].published) == provenance["published"]
    again = coordagree.loads(coordagree.dumps(agreement, "yaml"), "yaml")
    assert again == agreement
    seed = coordagree.seed_programme()  # the bundled 1.1 seed: the same, its source named
    renamed = attrs.evolve(agreement.sources[0], id="quang-binh-portal", kind="news-report")
    events = (attrs.evolve(agreement.events[0], sources=("quang-binh-portal",)),)
    assert attrs.evolve(agreement, sources=(renamed,), events=events) == seed


def test_a_1_0_related_identifier_becomes_a_number() -> None:
    document = {
        "coordagree": "1.0",
        "id": "ctr-2023",
        "title": "Chương trình",
        "kind": "coordination-programme",
        "related": [{"relation": "implements", "title": "Nghị quyết", "identifier": "25-NQ/TW"}],
    }
    for text in (json.dumps(document, ensure_ascii=False), yaml.safe_dump(document)):
        agreement = coordagree.loads(text)
        (related,) = agreement.related
        assert [i.value for i in related.identifiers] == ["25-NQ/TW"]
    assert _documents._fast(json.dumps(document), "json", None) == agreement  # fast path too


# -- extension data and TOML ---------------------------------------------------------------------


def test_a_null_in_extension_data_is_reported_before_and_refused_at_a_toml_save(
    tmp_path: Path,
) -> None:
    agreement = coordagree.load(ROOT / "tests" / "data" / "invalid" / "toml-null.yaml")
    report = coordagree.validate(agreement)
    assert [(f.code, f.path) for f in report] == [("toml-null", "/parties/0/x-office-code")]
    assert coordagree.loads(coordagree.dumps(agreement, "json")) == agreement
    assert coordagree.loads(coordagree.dumps(agreement, "yaml"), "yaml") == agreement
    with pytest.raises(DocumentError) as caught:
        coordagree.dumps(agreement, "toml")
    assert [(f.code, f.path) for f in caught.value.findings] == [
        ("toml-null", "/parties/0/x-office-code")
    ]
    target = tmp_path / "mou.toml"
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(DocumentError):
        coordagree.dump(agreement, target)
    assert target.read_text(encoding="utf-8") == "kept"  # a refused save leaves the file


def test_an_x_key_on_a_value_gets_a_hint_that_says_what_is_wrong() -> None:
    text = '{"coordagree": "1.1", "id": "x", "period": {"start": "2023", "x-note": "ghi chú"}}'
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(text)
    (finding,) = caught.value.findings
    assert finding.code == "unknown-key" and finding.path == "/period/x-note"
    assert (
        finding.hint == "a Period takes no extension data: put 'x-note' on the record that holds it"
    )


def test_title_and_kind_may_be_unknown_and_names_fall_back() -> None:
    agreement = coordagree.loads('{"coordagree": "1.1", "id": "mou-1992"}')
    assert agreement.title is None and agreement.kind is None
    assert agreement.name == "mou-1992"
    subject = attrs.evolve(agreement, subject=coordagree.Text("công tác dân vận"))
    assert subject.name == "công tác dân vận"
    assert "mou-1992" in coordagree.to_mermaid(agreement)
    assert b"X-WR-CALNAME:mou-1992" in coordagree.to_ics(agreement)


# -- PartialDate ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("1990", "year", "1990-01-01", "1990-12-31"),
        ("1992-03", "month", "1992-03-01", "1992-03-31"),
        ("2019-06-19", "day", "2019-06-19", "2019-06-19"),
        ("2018-06-20T08:29+07:00", "minute", "2018-06-20", "2018-06-20"),
        ("2023-05-30T10:17:00+07:00", "second", "2023-05-30", "2023-05-30"),
        ("1989-08~", "month", "1989-08-01", "1989-08-31"),
        ("1990?", "year", "1990-01-01", "1990-12-31"),
    ],
)
def test_partial_dates_keep_their_precision_and_span(
    text: str, precision: str, first: str, last: str
) -> None:
    date = coordagree.PartialDate.parse(text)
    assert str(date) == text and date.precision == precision
    assert (date.first_day.isoformat(), date.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize("text", ["1990-13", "2023-02-30", "29/5/2023", "2023-05-29T25:00", ""])
def test_bad_partial_dates_are_refused_with_bad_date(text: str) -> None:
    with pytest.raises(coordagree.errors.InvalidValueError) as caught:
        coordagree.PartialDate.parse(text)
    assert caught.value.code == "bad-date"


@given(cs.partial_dates())
def test_partial_dates_round_trip_through_their_text(date: coordagree.PartialDate) -> None:
    assert coordagree.PartialDate.parse(str(date)) == date
    assert date.first_day <= date.last_day


def test_long_task_lists_are_sifted_without_missing_the_one_task_that_matters() -> None:
    # Over 32 tasks, rules over optional data sift the list in C; the findings must not change.
    seed = coordagree.seed_programme()
    schedule = seed.schedules[0]
    template = schedule.tasks[0]
    tasks = [attrs.evolve(template, id=f"t-{i}") for i in range(40)]
    odd = attrs.evolve(
        tasks[37],
        sources=("quang-binh-portal", "missing"),
        claims=(coordagree.Claim(field="colour", value="x"),),
        extensions={"x-note": None},
        history=(
            coordagree.StatusChange(
                status="needs-action", on="2023-01-02", extensions={"x-by": None}
            ),
        ),
    )
    tasks[37] = odd
    changed = attrs.evolve(seed, schedules=(attrs.evolve(schedule, tasks=tuple(tasks)),))
    found = {(f.code, f.path) for f in coordagree.validate(changed)}
    base = "/schedules/0/tasks/37"
    assert {
        ("unresolved-reference", f"{base}/sources/1"),
        ("claim-unknown-field", f"{base}/claims/0/field"),
        ("toml-null", f"{base}/x-note"),
        ("toml-null", f"{base}/history/0/x-by"),
    } <= found
