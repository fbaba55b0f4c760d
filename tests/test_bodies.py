"""Bodies an agreement creates, office-holders, acts, structured obligations and money."""

from __future__ import annotations

import decimal
from pathlib import Path

import attrs
import pendulum
import pytest

import coordagree
from coordagree import _documents
from coordagree._formats import Format
from coordagree.errors import DocumentError
from test_cli import _shown_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")


@pytest.fixture
def moa() -> coordagree.Agreement:
    return coordagree.load(EXAMPLES / "fws-usgs-committee-moa.yaml")


def test_the_committee_moa_validates_clean_and_round_trips(moa: coordagree.Agreement) -> None:
    assert coordagree.validate(moa).findings == ()
    for fmt in FORMATS:
        text = coordagree.dumps(moa, fmt)
        assert coordagree.loads(text, fmt) == moa
        assert _documents.read_document(text, fmt)[0] == moa


def test_show_prints_each_fact_of_the_committee_moa(moa: coordagree.Agreement) -> None:
    shown = _shown_text(moa)
    for fact in (
        "co-chair: fws-director / director (equal)",
        "secretariat: usfws (rotating)",
        "Established by fws-usgs-pcc-moa",
        "uscg: noted by uscg-chief as chief for uscg on 1994-09",
        "2.A. conduct the boating accident surveys",
        'exclusions: ["excluding deepwater ports"]',
        'recipients: ["g-opb"]',
        "up-to 7000000 USD FY1995 (FY 1995), subject-to-appropriations",
        "Director, U.S. Geological Survey",
    ):
        assert fact in shown, fact


def test_a_committee_and_its_seats(moa: coordagree.Agreement) -> None:
    committee = moa.party("pcc")
    assert committee.established_by == moa.id
    chairs = [m for m in committee.memberships if m.role == coordagree.MembershipRole.CO_CHAIR]
    assert [(m.person, m.position, m.equal) for m in chairs] == [
        ("fws-director", "director", True),
        ("usgs-director", "director", True),
    ]
    assert moa.person("usgs-director").name is None  # known only by the office held


def test_acts_other_than_signing(moa: coordagree.Agreement) -> None:
    noted = moa.signatures[2]
    assert (noted.act, noted.on_behalf_of, str(noted.date)) == ("noted", "uscg", "1994-09")
    assert [s.act for s in moa.signatures[:2]] == ["signed", "signed"]


def test_commitments_are_numbered_as_written_and_nested(moa: coordagree.Agreement) -> None:
    numbers = [(c.number, c.parent) for c in moa.commitments]
    assert numbers == [("1", None), ("2", None), ("2.A", "c2"), ("2.B", "c2")]
    repeated = attrs.evolve(moa.commitments[3], number="2.A")
    report = coordagree.validate(attrs.evolve(moa, commitments=(*moa.commitments[:3], repeated)))
    assert [(f.code, f.path) for f in report] == [
        ("commitment-number-repeated", "/commitments/3/number")
    ]
    other_list = attrs.evolve(moa.commitments[3], number="1")  # "1" again, under "2": fine
    changed = attrs.evolve(moa, commitments=(*moa.commitments[:3], other_list))
    assert coordagree.validate(changed).codes() == []


def test_declared_counts_that_are_lower_bounds() -> None:
    seed = coordagree.seed_programme()
    assert coordagree.validate(seed).codes() == ["commitment-count-mismatch"]
    at_least = attrs.evolve(seed, declared_commitments_bound="at-least")
    assert coordagree.validate(at_least).codes() == []
    cut_short = attrs.evolve(seed, declared_commitments=None, declared_commitments_bound="at-least")
    assert coordagree.validate(cut_short).codes() == []


def test_funding_totals_are_exact_decimals(moa: coordagree.Agreement) -> None:
    totals = coordagree.funding_totals(moa.funding, by="payer")
    assert totals == {"usfws": {"USD": decimal.Decimal("28000000")}}
    assert all(isinstance(row.amount, decimal.Decimal) for row in moa.funding)
    document = coordagree.to_document(moa)
    assert document["funding"][0]["amount"] == "7000000"  # a decimal string, never a float
    csv = coordagree.to_csv(moa.funding)
    assert csv.splitlines()[1].startswith("usfws,usgs,7000000,USD,up-to,subject-to-appropriations")


def test_a_float_amount_is_refused_with_a_hint() -> None:
    text = '{"coordagree": "1.1", "id": "m", "funding": [{"amount": 7000000.1, "currency": "USD"}]}'
    with pytest.raises(DocumentError) as caught:
        coordagree.loads(text)
    (finding,) = caught.value.findings
    assert finding.path == "/funding/0/amount"
    assert finding.hint is not None and "strings" in finding.hint


def test_member_of_cycles_are_reported() -> None:
    parties = (
        coordagree.Party(id="a", name=coordagree.Text("Hội Nông dân"), member_of="b"),
        coordagree.Party(id="b", name=coordagree.Text("Ủy ban MTTQ tỉnh"), member_of="a"),
    )
    report = coordagree.validate(coordagree.Agreement(id="x", parties=parties))
    assert [(f.code, f.path) for f in report] == [("hierarchy-cycle", "/parties/0/member_of")]


def test_positions_dated_at_any_precision() -> None:
    position = coordagree.Position(
        id="vien-truong", title=coordagree.Text("Viện trưởng"), start="2022-03", end="2023"
    )
    assert position.held_on(pendulum.date(2022, 3, 1))
    assert position.held_on(pendulum.date(2023, 12, 31))
    assert not position.held_on(pendulum.date(2024, 1, 1))
    with pytest.raises(coordagree.errors.InvalidValueError):
        coordagree.Position(id="p", title=coordagree.Text("x"), start="2023", end="2022")
