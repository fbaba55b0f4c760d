"""Time as agreements write it: precision everywhere, fiscal years, open ends that schedule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from dateutil import rrule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coordagree
from coordagree import (
    Agreement,
    Duration,
    Event,
    PartialDate,
    Party,
    Period,
    Review,
    Signature,
    Task,
    TaskSchedule,
    Termination,
)
from coordagree import strategies as cs
from coordagree._fields import Kind, fields_of, kind_of, walk_records

ROOT = Path(__file__).resolve().parent.parent
US_MOU = ROOT / "examples" / "us-mou-fiscal-years.yaml"


def _open_mou() -> Agreement:
    """The issue's MOU: until cancelled; an annual review, annual and quarterly reports."""
    return Agreement(
        id="mou",
        period=Period.open("2024-03-15"),
        parties=(Party(id="a", name="A"), Party(id="b", name="B")),
        reviews=(Review(id="review", kind="interim", recurrence="FREQ=YEARLY"),),
        schedules=(
            TaskSchedule(
                id="reports",
                period=Period.open("2024-03-15"),
                tasks=(
                    Task(
                        id="reports",
                        title="Annual and quarterly reports",
                        owners=("a",),
                        recurrence=(
                            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
                            "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
                        ),
                    ),
                ),
            ),
        ),
    )


def _calendar_days(ics: bytes, window: Period) -> list[tuple[str, pendulum.Date]]:
    """(uid, day) of every item a calendar application shows within ``window``."""
    assert window.start is not None
    assert window.end is not None
    low = dt.datetime(window.start.year, window.start.month, window.start.day)
    high = dt.datetime(window.end.year, window.end.month, window.end.day)
    shown: list[tuple[str, pendulum.Date]] = []
    for component in icalendar.Calendar.from_ical(ics).walk():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        start = component.decoded("dtstart")
        if "rrule" in component:
            rule = component["rrule"].to_ical()
            written = rule.decode() if isinstance(rule, bytes) else rule
            text = f"DTSTART:{start:%Y%m%d}\nRRULE:{written}"
            days = rrule.rrulestr(text, forceset=True).between(low, high, inc=True)
        else:
            days = [start] if low.date() <= start <= high.date() else []
        shown.extend((str(component["uid"]), pendulum.Date(d.year, d.month, d.day)) for d in days)
    return shown


def test_open_ended_mou_schedules_its_review_and_both_report_cadences() -> None:
    mou = _open_mou()
    assert coordagree.validate(mou).ok
    year = Period.parse("2030")
    listed = coordagree.agenda(mou, year)
    assert [o.item for o in listed if o.kind == "review"] == ["review"]
    reports = [o for o in listed if o.item == "reports"]
    assert len(reports) == 1 + 4  # the annual one, and four quarterly ones
    assert len({o.date for o in reports}) == 4  # the annual report shares a day with one
    shown = _calendar_days(coordagree.to_ics(mou), year)
    assert len(shown) == len(listed)
    assert sorted(day for _, day in shown) == sorted(o.date for o in listed if o.date)


@given(st.integers(2024, 2040), st.integers(0, 364))
def test_due_names_the_latest_occurrence_of_each_rule(year: int, day: int) -> None:
    mou = _open_mou()
    as_of = pendulum.date(year, 1, 1).add(days=day)
    owed = coordagree.due(mou, as_of)
    assert {str(o.rule) for o in owed} <= {str(r) for r in mou.schedules[0].tasks[0].recurrence}
    for o in owed:
        assert o.date is not None and o.date <= as_of
        assert o.rule is not None
        later = o.rule.dates(o.date.add(days=1), as_of)  # nothing of that rule since
        assert later == []


def test_a_us_mou_of_fiscal_years_round_trips_validates_and_splits() -> None:
    mou = coordagree.load(US_MOU)
    assert list(coordagree.validate(mou)) == []
    assert [str(s.date) for s in mou.signatures] == ["1992-03-16", "1992-03-20"]
    meeting = mou.events[0].date
    assert meeting is not None
    assert (str(meeting), meeting.precision) == ("1992-03", "month")
    assert str(mou.amendments[0].date) == "1997-05~"
    for fmt in ("json", "yaml", "toml"):
        text = coordagree.dumps(mou, fmt)
        assert coordagree.loads(text, fmt) == mou
        assert "FY1995" in text and "1994-10-01" not in text  # no invented day
    funded = mou.funding[0].period
    assert funded is not None
    years = funded.split("fiscal-year")
    assert [(y.start.month, y.start.day) for y in years if y.start] == [(10, 1)] * 4
    assert [str(y) for y in years] == ["FY1995", "FY1996", "FY1997", "FY1998"]


def test_the_fast_path_reads_fiscal_years_by_each_documents_own_start() -> None:
    def document(month: int) -> str:
        task = {"id": "t", "title": "Báo cáo", "owners": ["a"], "due": "FY1995"}
        schedule = {"id": "s", "period": "FY1995", "tasks": [task]}
        return json.dumps(
            {"coordagree": "1.1", "id": "a", "fiscal_year_start": month, "schedules": [schedule]}
        )

    def due(month: int) -> str:
        read = coordagree.loads(document(month))
        (task,) = read.schedules[0].tasks
        assert task.due is not None
        return str(task.due.start)

    for _ in range(2):  # a second read hits the period cache: it must not mix the two up
        assert due(10) == "1994-10-01"
        assert due(7) == "1994-07-01"
    assert coordagree.loads(document(10)) == coordagree.loads(document(10), "yaml")


def test_a_rotation_whose_order_is_not_stated_invents_no_host() -> None:
    review = Review(
        id="r", kind="interim", recurrence="FREQ=YEARLY", rotation=("a", "b"),
        rotation_order_stated=False,
    )  # fmt: skip
    mou = attrs.evolve(_open_mou(), reviews=(review,))
    found = [o for o in coordagree.occurrences(mou, Period.parse("2025", "2027")) if o.item == "r"]
    assert len(found) == 3
    assert all(o.owners == () for o in found)
    stated = attrs.evolve(review, rotation_order_stated=True)
    assert [stated.hosts_for(i) for i in range(3)] == [("a",), ("b",), ("a",)]


def test_a_yearly_review_over_whole_years_counts_from_when_the_agreement_takes_effect() -> None:
    programme = Agreement(
        id="p",
        period=Period.parse("2023", "2026"),
        signatures=(Signature(party="a", date="2023-05-29"),),
        parties=(Party(id="a", name="A"),),
        reviews=(Review(id="r", kind="interim", recurrence="FREQ=YEARLY"),),
    )
    days = [str(o.date) for o in coordagree.occurrences(programme, Period.parse("2023", "2026"))]
    assert days == ["2023-05-29", "2024-05-29", "2025-05-29", "2026-05-29"]
    stated = attrs.evolve(programme, effective="2023-06")
    first = coordagree.occurrences(stated, Period.parse("2023"))[0]
    assert str(first.date) == "2023-06-01"


def test_an_unanchored_recurrence_is_reported_not_dropped() -> None:
    task = Task(id="t", title="Báo cáo", owners=("a",), recurrence="FREQ=MONTHLY")
    schedule = TaskSchedule(id="s", period=Period.parse(None, "2025-12-31"), tasks=(task,))
    mou = Agreement(id="m", parties=(Party(id="a", name="A"),), schedules=(schedule,))
    findings = coordagree.validate(mou)
    assert [(f.code, f.path) for f in findings] == [
        ("unanchored-recurrence", "/schedules/0/tasks/0/recurrence")
    ]
    assert findings.ok  # a warning: nothing is wrong, only unknown


@given(cs.durations(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)))
def test_durations_round_trip_and_count_in_their_units(duration: Duration, day: dt.date) -> None:
    assert Duration.parse(str(duration)) == duration
    start = pendulum.Date(day.year, day.month, day.day)
    after = duration.after(start)
    assert after >= start
    assert after == start.add(
        years=duration.years, months=duration.months, weeks=duration.weeks, days=duration.days
    )


@given(
    cs.durations(), cs.durations(), st.dates(dt.date(1990, 1, 1), dt.date(2050, 1, 1)),
    st.integers(0, 4000),
)  # fmt: skip
def test_the_earliest_end_respects_notice_and_minimum_term(
    notice: Duration, minimum: Duration, day: dt.date, later: int
) -> None:
    terms = Termination(notice=notice, minimum_term=minimum)
    start = pendulum.Date(day.year, day.month, day.day)
    given_on = start.add(days=later)
    end = terms.earliest_end(start, given_on)
    assert end >= notice.after(given_on)
    assert end >= minimum.after(start).subtract(days=1)
    assert end in (notice.after(given_on), minimum.after(start).subtract(days=1))


def test_termination_counts_from_1_0_become_durations() -> None:
    old: dict[str, Any] = {"coordagree": "1.0", "id": "m", "title": "T", "kind": "mou"}
    old["termination"] = {"notice_days": 30, "minimum_months": 12, "in_writing": True}
    upgraded = coordagree.upgrade(old)
    assert upgraded["termination"] == {"notice": "P30D", "minimum_term": "P12M", "in_writing": True}
    terms = coordagree.from_document(old).termination
    assert terms is not None
    assert (terms.notice, terms.minimum_term) == (Duration(days=30), Duration(months=12))


def _signed_at(date: str, event_date: str | None, *, amendment: str | None = None) -> Agreement:
    return Agreement(
        id="m",
        period=Period.parse("1992", "1999"),
        parties=(Party(id="a", name="A"),),
        events=(Event(id="e", kind="signing", date=event_date),),
        signatures=(Signature(party="a", date=date, event="e"),),
        amendments=()
        if amendment is None
        else (coordagree.Amendment(id="x", description="Sửa đổi", date=amendment),),
    )


def test_dates_are_compared_as_spans_never_as_invented_days() -> None:
    def codes(agreement: Agreement) -> list[str]:
        return [f.code for f in coordagree.validate(agreement)]

    assert codes(_signed_at("1992-03-16", "1992-03")) == []  # the day is in the month
    assert codes(_signed_at("1992-03-16", "1992-04")) == ["signature-event-date-mismatch"]
    assert codes(_signed_at("1992-03-16", None, amendment="1992-03")) == []
    assert codes(_signed_at("1992-03-16", None, amendment="1992-02~")) == [
        "amendment-before-signing"
    ]
    commitment = coordagree.Commitment(
        id="c",
        title="Phối hợp",
        effective="1991",
        responsible=(coordagree.Responsibility(party="a", role="lead"),),
    )
    outside = attrs.evolve(_signed_at("1992-03-16", None), commitments=(commitment,))
    assert "effective-outside-period" in codes(outside)
    december = attrs.evolve(commitment, effective="1991-12~")  # still every day before 1992
    assert "effective-outside-period" in codes(attrs.evolve(outside, commitments=(december,)))
    within = attrs.evolve(commitment, effective="1992")
    assert codes(attrs.evolve(outside, commitments=(within,))) == []


def test_a_review_is_checked_against_the_period_it_covers() -> None:
    review = Review(id="r", kind="interim", covers=Period.parse("2018"), held="2019-04-24")
    programme = Agreement(id="p", period=Period.parse("2017", "2020"), reviews=(review,))
    assert list(coordagree.validate(programme)) == []
    early = attrs.evolve(programme, reviews=(attrs.evolve(review, held="2017"),))
    assert [f.code for f in coordagree.validate(early)] == ["review-held-before-covered"]


def test_a_fiscal_year_of_another_start_month_is_an_error() -> None:
    state = Period.fiscal_years(1995, 1998, start_month=7)
    mou = Agreement(id="m", fiscal_year_start=10, period=state)
    assert [(f.code, f.path) for f in coordagree.validate(mou)] == [
        ("fiscal-year-mismatch", "/period")
    ]
    assert list(coordagree.validate(attrs.evolve(mou, fiscal_year_start=7))) == []
    task = Task(id="t", title="Báo cáo", owners=("a",), due=state)
    tasks = Agreement(
        id="m",
        fiscal_year_start=7,
        parties=(Party(id="a", name="A"),),
        schedules=(TaskSchedule(id="s", period=state, tasks=(task,)),),
    )
    assert list(coordagree.validate(tasks)) == []
    wrong = attrs.evolve(tasks, fiscal_year_start=None)
    assert {f.path for f in coordagree.validate(wrong)} == {
        "/schedules/0/period",
        "/schedules/0/tasks/0/due",
    }


# -- the strategies draw every precision -------------------------------------------------------


def _dates_of(agreement: Agreement) -> list[Any]:
    found: list[Any] = []
    for _, record in walk_records(agreement):
        for field in fields_of(type(record), Kind.PERIOD, Kind.PARTIAL_DATE):
            value = getattr(record, field.name)
            found.extend(value if kind_of(field).many else [value])
    return [value for value in found if value is not None]


def _features(value: Any) -> set[str]:
    if isinstance(value, PartialDate):
        marks = {"approximate"} if value.approximate else set()
        marks |= {"uncertain"} if value.uncertain else set()
        return {f"date:{value.precision}", *marks}
    assert isinstance(value, Period)
    found = {f"start:{value.start_precision.value}", f"end:{value.end_precision.value}"}
    if value.start is None:
        found.add("start:unknown")
    if value.end is None:
        found.add("end:open")
    return found


def test_strategies_draw_every_precision() -> None:
    seen: set[str] = set()

    @settings(
        max_examples=400, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(cs.agreements(max_tasks=4))
    def collect(agreement: Agreement) -> None:
        for value in _dates_of(agreement):
            seen.update(_features(value))
        if any(e.date is None for e in agreement.events):
            seen.add("event:undated")

    collect()
    wanted = {
        *(f"date:{p}" for p in ("fiscal-year", "year", "month", "day", "minute")),
        "approximate",
        "uncertain",
        *(f"start:{p.value}" for p in coordagree.DatePrecision),
        *(f"end:{p.value}" for p in coordagree.DatePrecision),
        "start:unknown",
        "end:open",
        "event:undated",
    }
    assert wanted <= seen, sorted(wanted - seen)


def test_show_prints_dates_at_their_precision() -> None:
    from click.testing import CliRunner

    from coordagree.cli import cli

    result = CliRunner().invoke(cli, ["show", str(US_MOU)])
    assert result.exit_code == 0, result.output
    for shown in ("1992-03-16", "1997-05~", "FY1995", "P30D", "P5Y"):
        assert shown in result.output


@pytest.mark.parametrize("languages", [["vi"], ["en-US"], []])
def test_fiscal_year_text_without_a_start_month_is_refused_with_a_hint(
    languages: list[str],
) -> None:
    document = {"coordagree": "1.1", "id": "m", "languages": languages, "effective": "FY1994"}
    with pytest.raises(coordagree.errors.DocumentError) as caught:
        coordagree.from_document(document)
    (finding,) = caught.value.findings
    assert (finding.code, finding.path) == ("bad-date", "/effective")
    with coordagree.reading_dates(fiscal_year_start=10):
        assert PartialDate.parse("FY1994").first_day == pendulum.date(1993, 10, 1)


def test_a_loaded_schedules_fiscal_years_are_checked_once_the_start_month_changes() -> None:
    task = {"id": "t", "title": "Báo cáo", "owners": ["a"], "due": "FY1995"}
    document = {
        "coordagree": "1.1",
        "id": "m",
        "fiscal_year_start": 10,
        "parties": [{"id": "a", "name": "A"}],
        "schedules": [{"id": "s", "period": "FY1995", "tasks": [task]}],
    }
    loaded = coordagree.loads(json.dumps(document))  # the fast path records how it read them
    assert list(coordagree.validate(loaded)) == []
    moved = attrs.evolve(loaded, fiscal_year_start=7)
    assert [(f.code, f.path) for f in coordagree.validate(moved)] == [
        ("fiscal-year-mismatch", "/schedules/0/period"),
        ("fiscal-year-mismatch", "/schedules/0/tasks/0/due"),
    ]
