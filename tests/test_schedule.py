from __future__ import annotations

import datetime as dt

import attrs
import icalendar
import pendulum
import pytest
from dateutil import rrule
from hypothesis import given
from hypothesis import strategies as st

import coordagree
from coordagree import Period
from coordagree.errors import InvalidArgumentError
from coordagree.strategies import agreements

SEED = coordagree.seed_programme()
RECURRING = coordagree.Agreement(
    id="recurring",
    title="Báo cáo quý",
    kind="coordination-programme",
    period=Period.parse("2024", "2026"),
    parties=(coordagree.Party(id="a", name="Sở Tư pháp"),),
    schedules=(
        coordagree.TaskSchedule(
            id="s",
            period=Period.parse("2024", "2026"),
            tasks=(
                coordagree.Task(
                    id="quarterly",
                    title="Báo cáo quý",
                    owners=("a",),
                    recurrence=("FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",),
                ),
            ),
        ),
    ),
)


def _window(agreement: coordagree.Agreement) -> Period:
    assert agreement.period is not None
    start = agreement.period.start
    assert start is not None  # the strategies' agreements have one
    end = agreement.period.end or start.add(years=2)
    return Period(start=start.subtract(days=90), end=end)


# Every occurrence of a closed agreement the strategies draw (up to 2030); an open-ended one
# repeats for ever, so "ever" is a horizon a little past that.
EVER = Period.parse("1900", "2045")  # past every date the strategies draw (periods end by 2040)


def _str(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _expand_ics(component: icalendar.cal.Component) -> list[pendulum.Date]:
    """The days a calendar application would show for a recurring component."""
    start = component.decoded("dtstart")
    rules = component["rrule"] if isinstance(component["rrule"], list) else [component["rrule"]]
    text = f"DTSTART:{start:%Y%m%d}\n" + "\n".join(f"RRULE:{_str(r.to_ical())}" for r in rules)
    days = rrule.rrulestr(text, forceset=True)
    assert EVER.end is not None  # a rule with no end (an open-ended agreement) is cut there
    last = dt.datetime(EVER.end.year, EVER.end.month, EVER.end.day)
    return [
        pendulum.Date(d.year, d.month, d.day)
        for d in days.between(dt.datetime(start.year, start.month, start.day), last, inc=True)
    ]


def test_ics_recurrences_start_at_the_first_occurrence_and_end_with_their_window() -> None:
    calendar = icalendar.Calendar.from_ical(coordagree.to_ics(RECURRING))
    (todo,) = calendar.walk("VTODO")
    assert todo.decoded("dtstart") == pendulum.date(2024, 3, 31)
    assert _expand_ics(todo)[-1] == pendulum.date(2026, 12, 31)
    assert len(_expand_ics(todo)) == 12


def test_seed_tasks_in_2023_agenda_and_overdue_in_2024() -> None:
    agenda = coordagree.agenda(SEED, Period.years(2023))
    assert [(o.kind, o.item, o.date) for o in agenda] == [
        ("event", "hoi-nghi-ky-ket", pendulum.date(2023, 5, 29)),
        ("task", "2023-tand", pendulum.date(2023, 12, 31)),
        ("task", "2023-thads", pendulum.date(2023, 12, 31)),
        ("task", "2023-vksnd", pendulum.date(2023, 12, 31)),
    ]
    assert [o.item for o in coordagree.overdue(SEED, pendulum.date(2024, 1, 1))] == [
        "2023-tand",
        "2023-thads",
        "2023-vksnd",
    ]
    assert coordagree.overdue(SEED, pendulum.date(2023, 12, 31)) == []
    assert len(coordagree.due(SEED, pendulum.date(2023, 12, 31))) == 3


def test_agenda_for_a_party_includes_sub_bodies() -> None:
    mine = coordagree.agenda(SEED, Period.years(2023), party="tinh-uy")
    assert {o.item for o in mine} == {"hoi-nghi-ky-ket", "2023-tand", "2023-thads", "2023-vksnd"}
    court = coordagree.agenda(SEED, Period.years(2023), party="tand")
    assert [o.item for o in court] == ["2023-tand"]


def test_bad_arguments_name_the_argument() -> None:
    with pytest.raises(InvalidArgumentError) as window:
        coordagree.agenda(SEED, Period.open("2023"))
    assert window.value.argument == "window"
    with pytest.raises(InvalidArgumentError) as party:
        coordagree.agenda(SEED, Period.years(2023), party="nobody")
    assert party.value.argument == "party"
    with pytest.raises(InvalidArgumentError) as as_of:
        coordagree.due(SEED, "2024-01-01")  # type: ignore[arg-type]
    assert as_of.value.argument == "as_of"


def test_undated_tasks_are_listed_not_dropped() -> None:
    schedule = SEED.schedules[0]
    task = coordagree.Task(id="undated", title="chưa có hạn", owners=("ban-dan-van",))
    changed = coordagree.Agreement(
        **{
            **{f: getattr(SEED, f) for f in ("id", "title", "kind", "period", "parties")},
            "schedules": (coordagree.TaskSchedule(id="s", period=schedule.period, tasks=(task,)),),
        }
    )
    agenda = coordagree.agenda(changed, Period.years(2023))
    assert [o.item for o in agenda.undated] == ["undated"]


def test_rotation_and_recurrence() -> None:
    task = coordagree.Task(
        id="so-ket",
        title="Sơ kết hằng năm",
        owners=("a", "b"),
        rotation=("a", "b"),
        recurrence=("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",),
    )
    agreement = coordagree.Agreement(
        id="x",
        title="x",
        kind="mou",
        period=Period.years(2023, 2026),
        parties=(coordagree.Party(id="a", name="A"), coordagree.Party(id="b", name="B")),
        schedules=(
            coordagree.TaskSchedule(id="s", period=Period.years(2023, 2026), tasks=(task,)),
        ),
    )
    found = coordagree.occurrences(agreement, Period.years(2023, 2026))
    assert [(o.date.year, o.owners) for o in found if o.date] == [
        (2023, ("a",)),
        (2024, ("b",)),
        (2025, ("a",)),
        (2026, ("b",)),
    ]
    later = coordagree.occurrences(agreement, Period.years(2025))
    assert [(o.index, o.owners) for o in later] == [(2, ("a",))]


@given(agreements(), st.sampled_from(["year", "quarter"]))
def test_occurrences_in_window_sorted_and_split_consistent(
    agreement: coordagree.Agreement, unit: str
) -> None:
    window = _window(agreement)
    whole = coordagree.occurrences(agreement, window)
    dated = [o for o in whole if o.date is not None]
    assert all(window.contains(o.date) for o in dated if o.date is not None)
    # an event known only to the month or year is listed where its span meets the window
    spans = [o.window for o in whole if o.date is None]
    assert all(span is not None and window.overlaps(span) for span in spans)
    assert [o.sort_key for o in whole] == sorted(o.sort_key for o in whole)
    pieces = [
        o
        for piece in window.split(unit)  # type: ignore[arg-type]
        for o in coordagree.occurrences(agreement, piece)
        if o.date is not None
    ]
    assert pieces == dated
    for o in whole:
        if o.kind == "task":
            assert o.schedule is not None
            schedule = next(s for s in agreement.schedules if s.id == o.schedule)
            assert o.date is not None and schedule.period.contains(o.date)


@given(agreements(), st.integers(0, 2000))
def test_overdue_is_part_of_due(agreement: coordagree.Agreement, offset: int) -> None:
    day = pendulum.date(2023, 1, 1).add(days=offset)
    due = {(o.item, o.index) for o in coordagree.due(agreement, day)}
    late = {(o.item, o.index) for o in coordagree.overdue(agreement, day)}
    assert late <= due


@given(agreements())
def test_ics_holds_every_item_and_recurrences_fall_on_the_agenda_days(
    agreement: coordagree.Agreement,
) -> None:
    calendar = icalendar.Calendar.from_ical(coordagree.to_ics(agreement))
    components = [*calendar.walk("VTODO"), *calendar.walk("VEVENT")]
    shown: dict[tuple[str, str], set[pendulum.Date]] = {}
    for component in components:
        kind, item = str(component["uid"]).split("@")[0].split("-", 1)
        if "rrule" in component:
            days = _expand_ics(component)
            assert days[0] == component.decoded("dtstart")
        else:
            days = (
                [component.decoded("due" if "due" in component else "dtstart")]
                if ("dtstart" in component or "due" in component)  # a deadline alone: its due
                else []
            )
        # An event with an exact start is shown at that moment: on its day in the agreement's zone.
        local = [agreement.day_of(d) if isinstance(d, dt.datetime) else d for d in days]
        for key in {(kind, item), (kind, item.rsplit("-", 1)[0])}:
            shown.setdefault(key, set()).update(local)
    found = coordagree.occurrences(agreement, EVER)
    for kind, item in {(o.kind, o.item) for o in found}:
        # an event known only to the month or year: the calendar shows its whole span
        expected = {
            o.date if o.date is not None or o.window is None else o.window.start
            for o in found
            if (o.kind, o.item) == (kind, item)
        }
        assert (kind, item) in shown
        assert shown[(kind, item)] == expected
    for task in agreement.tasks:
        if not task.recurrence:
            todo = next(
                c
                for c in components
                if str(c["uid"]) == f"task-{task.id}@{agreement.id}.coordagree"
            )
            assert str(todo["summary"]) == task.title.value
    for event in agreement.events:
        if event.start is None and event.date is None:
            continue  # no date at all: nothing a calendar can show
        vevent = next(
            c for c in components if str(c["uid"]) == f"event-{event.id}@{agreement.id}.coordagree"
        )
        if event.start is not None:
            assert vevent.decoded("dtstart") == event.start
            continue
        assert event.date is not None  # an event with no date at all is in no calendar
        span = coordagree.event_span(event.date)
        assert vevent.decoded("dtstart") == span.start
        if span.end is not None and span.end != span.start:
            assert vevent.decoded("dtend") == span.end.add(days=1)


def test_seed_exports() -> None:
    ics = coordagree.to_ics(SEED)
    calendar = icalendar.Calendar.from_ical(ics)
    summaries = {str(todo["summary"]) for todo in calendar.walk("VTODO")}
    assert "Tuyên truyền vận động các đương sự tự nguyện thi hành án" in summaries
    assert len(calendar.walk("VTODO")) == 3 and len(calendar.walk("VEVENT")) == 1
    assert coordagree.to_ics(SEED) == ics  # deterministic
    chart = coordagree.to_mermaid(SEED)
    assert chart.startswith("gantt\n")
    assert "section nhiệm vụ cụ thể trong năm 2023" in chart
    assert ":milestone, id_event-hoi-nghi-ky-ket, 2023-05-29, 0d" in chart
    by_party = coordagree.to_mermaid(SEED, by="party")
    assert "section Ban Dân vận Tỉnh ủy" in by_party
    csv_text = coordagree.to_csv(coordagree.occurrences(SEED, Period.years(2023)))
    header = "kind,item,title,date,window,owners,index,schedule,status,rule"
    assert csv_text.splitlines()[0] == header
    assert len(csv_text.splitlines()) == 5


def test_workload() -> None:
    board = next(w for w in coordagree.workload(SEED) if w.party == "ban-dan-van")
    assert (board.total, board.by_status, board.by_schedule) == (
        3,
        {"needs-action": 3},
        {"2023": 3},
    )


def test_csv_takes_an_agreement_as_the_other_exports_do() -> None:
    assert SEED.period is not None
    whole = coordagree.to_csv(coordagree.occurrences(SEED, SEED.period))
    assert coordagree.to_csv(SEED) == whole
    window = Period.parse("2023-05")
    assert coordagree.to_csv(SEED, window=window) == coordagree.to_csv(
        coordagree.occurrences(SEED, window)
    )
    open_ended = attrs.evolve(SEED, period=Period.open("2023"))
    with pytest.raises(InvalidArgumentError, match="pass a window") as raised:
        coordagree.to_csv(open_ended)
    assert raised.value.argument == "window"
    with pytest.raises(InvalidArgumentError, match="chosen already"):
        coordagree.to_csv(coordagree.occurrences(SEED, window), window=window)
