from __future__ import annotations

import json
import unicodedata

import attrs
import pendulum
import pytest

import coordagree
from coordagree import (
    Party,
    PartyRole,
    Period,
    Recurrence,
    StatusChange,
    Task,
    TaskStatus,
    Termination,
    Text,
)
from coordagree.errors import InvalidArgumentError, InvalidTypeError, InvalidValueError
from quang_binh_2023 import build


@pytest.fixture(scope="module")
def seed() -> coordagree.Agreement:
    return build()


def test_seed_holds_every_fact(seed: coordagree.Agreement) -> None:
    assert str(seed.title) == "Chương trình phối hợp về công tác dân vận giai đoạn 2023 - 2026"
    assert seed.period is not None and seed.period.as_written == "giai đoạn 2023 - 2026"
    assert seed.declared_commitments == 9 and len(seed.commitments) == 4
    assert seed.party("ban-dan-van").parent == "tinh-uy"
    assert seed.party("tand").directed_by == "bcs-tand"
    assert not seed.party("tand").has_role(PartyRole.SIGNATORY)
    bao = seed.person("le-van-bao")
    assert [str(p.title) for p in bao.positions] == [
        "Ủy viên Ban Thường vụ",
        "Trưởng ban Dân vận",
        "Chủ nhiệm Ủy ban Kiểm tra",
    ]
    signing = seed.events[0]
    assert signing.date == coordagree.PartialDate.parse("2023-05-29")
    assert signing.part_of_day == "afternoon" and signing.date_as_written == "Chiều ngày 29/5/2023"
    assert signing.chair is not None and signing.chair.person == "le-van-bao"
    assert [a.person for a in signing.attendees] == ["ho-an-phong"]
    first = seed.task("2023-tand")
    assert first.owners == ("ban-dan-van", "bcs-tand") and first.executor == "tand"
    assert first.partners == ("he-thong-tham-muu",)
    assert first.due == Period.parse("2023", as_written="trong năm 2023")
    (source,) = seed.sources
    assert source.kind == "news-report" and source.author_as_written == "PV Hồng Lựu"
    assert source.published is not None
    assert source.published.moment == pendulum.parse("2023-05-30T10:17:00+07:00")
    assert seed.events[0].sources == (source.id,)


def test_lookups(seed: coordagree.Agreement) -> None:
    assert {p.id for p in seed.sub_bodies("tinh-uy")} == {
        "ban-thuong-vu",
        "ubkt-tinh-uy",
        "ban-dan-van",
    }
    assert [t.id for t in seed.tasks_of("tand")] == ["2023-tand"]
    assert len(seed.tasks_of("tinh-uy", include_sub_bodies=True)) == 3
    assert seed.tasks_of("tinh-uy") == ()
    assert seed.schedule_of("2023-thads").id == "2023"
    assert [p.id for p in seed.people_at("ubnd-tinh")] == ["ho-an-phong"]
    with pytest.raises(coordagree.UnknownIdError) as info:
        seed.party("nobody")
    assert (
        info.value.id == "nobody"
        and str(info.value) == "the agreement has no party with id 'nobody'"
    )


def test_frozen(seed: coordagree.Agreement) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        seed.id = "x"  # type: ignore[misc]
    changed = attrs.evolve(seed, id="other")
    assert changed.id == "other" and seed.id != "other"


def test_text_is_nfc_and_multilingual() -> None:
    decomposed = unicodedata.normalize("NFD", "Ban Dân vận")
    text = Text(decomposed, lang="vi", translations={"en": "Mass Mobilisation Board"})
    assert text.value == "Ban Dân vận" and unicodedata.is_normalized("NFC", text.value)
    assert text.get("en") == "Mass Mobilisation Board" and text.get("fr") is None
    assert text.languages == ("vi", "en")
    with pytest.raises(InvalidValueError, match="need 'lang'"):
        Text("x", translations={"en": "y"})


def test_wrong_types_name_the_field() -> None:
    with pytest.raises(InvalidTypeError) as info:
        Party(id="a", name=5)  # type: ignore[arg-type]  # mypy refuses it too
    assert str(info.value) == "'name' must be Text (got 5, a int)"
    with pytest.raises(InvalidValueError, match="'id' must be an id"):
        Party(id="has space", name="x")
    with pytest.raises(InvalidValueError, match="'status' must be one of"):
        Task(id="t", title="x", status="done")
    with pytest.raises(InvalidValueError, match="RRULE") as rrule:
        Recurrence("FREQ=SOMETIMES")
    assert rrule.value.code == "bad-rrule"


def test_status_history_answers_the_past() -> None:
    task = Task(
        id="t",
        title="x",
        status=TaskStatus.COMPLETED,
        history=(
            StatusChange(status=TaskStatus.IN_PROCESS, on=pendulum.date(2023, 3, 1)),
            StatusChange(status=TaskStatus.COMPLETED, on=pendulum.date(2023, 9, 1)),
        ),
    )
    assert task.status_on(pendulum.date(2023, 1, 1)) is TaskStatus.NEEDS_ACTION
    assert task.status_on(pendulum.date(2023, 5, 1)) is TaskStatus.IN_PROCESS
    assert task.status_on(pendulum.date(2023, 9, 1)) is TaskStatus.COMPLETED


def test_rotation() -> None:
    task = Task(id="t", title="x", owners=("a", "b"), rotation=("a", "b"))
    assert [task.owner_for(i) for i in range(3)] == [("a",), ("b",), ("a",)]


def test_termination_by_notice() -> None:
    terms = Termination(notice="P30D", minimum_term="P12M")
    start = pendulum.date(2024, 1, 1)
    assert terms.earliest_end(start, pendulum.date(2024, 3, 1)) == pendulum.date(2024, 12, 31)
    assert terms.earliest_end(start, pendulum.date(2025, 3, 1)) == pendulum.date(2025, 3, 31)


def test_recurrence_dates() -> None:
    rule = Recurrence("RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15")
    assert rule.rule == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"
    days = rule.dates(pendulum.date(2023, 1, 1), pendulum.date(2025, 12, 31))
    assert days == [pendulum.date(y, 12, 15) for y in (2023, 2024, 2025)]
    assert Recurrence("FREQ=DAILY;COUNT=2;UNTIL=20240101").has_count_and_until


def test_day_of_is_the_local_day_in_the_agreement_time_zone() -> None:
    seed = coordagree.seed_programme()
    late_utc = pendulum.datetime(2023, 5, 29, 18, 30, tz="UTC")  # 01:30 on the 30th in Hà Nội
    assert seed.day_of(late_utc) == pendulum.date(2023, 5, 30)
    assert attrs.evolve(seed, timezone="UTC").day_of(late_utc) == pendulum.date(2023, 5, 29)
    with pytest.raises(InvalidArgumentError, match="moment"):
        seed.day_of(pendulum.naive(2023, 5, 29))


@pytest.mark.parametrize("bad", ["", "-start", "has space", "ends-in-newline\n", "đ"])
def test_ids_are_refused_unless_the_whole_string_is_an_id(bad: str) -> None:
    # "ends-in-newline\n" passed re.match(r"^...$"), which matches $ before a final newline
    with pytest.raises(InvalidValueError) as info:
        coordagree.Party(id=bad, name="Ban Dân vận")
    assert info.value.code == "bad-id"


def test_a_document_id_ending_in_a_newline_is_refused_with_its_pointer() -> None:
    document = coordagree.to_document(coordagree.seed_programme())
    document["schedules"][0]["tasks"][0]["id"] = "2023-tand\n"
    with pytest.raises(coordagree.errors.DocumentError) as info:
        coordagree.loads(json.dumps(document))
    assert [(f.code, f.path) for f in info.value.findings] == [
        ("bad-id", "/schedules/0/tasks/0/id")
    ]


def test_marking_a_task_keeps_it_consistent_with_validation() -> None:
    import pendulum

    import coordagree
    from coordagree.errors import UnknownIdError

    seed = coordagree.seed_programme()
    started = seed.mark("2023-tand", "in-process", pendulum.Date(2023, 10, 1))
    done = started.mark("2023-tand", "completed", pendulum.Date(2023, 12, 20), note="xong")
    task = done.task("2023-tand")
    assert task.status is coordagree.TaskStatus.COMPLETED
    assert [(c.status.value, str(c.on)) for c in task.history] == [
        ("in-process", "2023-10-01"),
        ("completed", "2023-12-20"),
    ]
    assert task.actual == coordagree.Period.parse("2023-10-01", "2023-12-20")
    codes = {f.code for f in coordagree.validate(done).findings}
    assert not codes & {
        "task-completed-without-end",
        "status-history-mismatch",
        "status-history-order",
    }
    assert [o.item for o in coordagree.overdue(done, pendulum.Date(2024, 1, 1))] == [
        "2023-thads",
        "2023-vksnd",
    ]
    assert seed.task("2023-tand").status is coordagree.TaskStatus.NEEDS_ACTION  # unchanged
    assert [t.id for t in done.tasks] == [t.id for t in seed.tasks]  # in place, in order
    early = seed.mark("2023-tand", "completed", pendulum.Date(2023, 6, 1))
    late_note = early.mark("2023-tand", "in-process", pendulum.Date(2023, 5, 1))
    recorded = late_note.task("2023-tand")
    assert [str(c.on) for c in recorded.history] == ["2023-05-01", "2023-06-01"]
    assert recorded.status is coordagree.TaskStatus.COMPLETED  # the latest change is current
    assert "status-history-mismatch" not in {
        f.code for f in coordagree.validate(late_note).findings
    }
    with pytest.raises(UnknownIdError):
        seed.mark("no-such-task", "completed", pendulum.Date(2023, 6, 1))
