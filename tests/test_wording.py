"""coordagree.wording: dates, periods and durations read from Vietnamese and English text."""

from __future__ import annotations

import datetime as _dt
import itertools
from pathlib import Path
from typing import Any

import attrs
import edtf
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coordagree
from coordagree import wording
from coordagree.errors import InvalidArgumentError, WordingError

# -- the expressions the issue quotes -----------------------------------------------------------

QUOTED = [
    ("Ngày 19.5", "vi", "Ngày 19.5", "date", "XXXX-05-19"),
    ("ngày 27 tháng 10 năm 2017", "vi", "ngày 27 tháng 10 năm 2017", "date", "2017-10-27"),
    ("6 tháng cuối năm 2024", "vi", "6 tháng cuối năm 2024", "period", "2024-07/2024-12"),
    ("nhiệm kỳ 2012 - 2016", "vi", "nhiệm kỳ 2012 - 2016", "period", "2012/2016"),
    ("Sáng 8/7", "vi", "Sáng 8/7", "date", "XXXX-07-08"),
    (
        "20/06/2018 | 08:29 GMT+7",
        "vi",
        "20/06/2018 | 08:29 GMT+7",
        "datetime",
        "2018-06-20T08:29+07:00",
    ),
    ("September 30th, 2004", "en", "September 30th, 2004", "date", "2004-09-30"),
    ("August, 1989", "en", "August, 1989", "date", "1989-08"),
    ("FY 1995 through FY 1998", "en", "FY 1995 through FY 1998", "period", "1994-10/1998-09"),
    ("a minimum of five years", "en", "five years", "duration", "P5Y"),
    ("30 days written notice", "en", "30 days", "duration", "P30D"),
    ("01-11-2010", "en", "01-11-2010", "date", "2010-01-11"),
    ("Chiều ngày 29/5/2023", "vi", "Chiều ngày 29/5/2023", "date", "2023-05-29"),
    ("giai đoạn 2023 - 2026", "vi", "giai đoạn 2023 - 2026", "period", "2023/2026"),
    ("10:17, Thứ Ba, 30-5-2023", "vi", "10:17, Thứ Ba, 30-5-2023", "datetime", "2023-05-30T10:17"),
    ("năm 2023", "vi", "năm 2023", "date", "2023"),
    ("Ngày 26/6", "vi", "Ngày 26/6", "date", "XXXX-06-26"),
]


@pytest.mark.parametrize(("text", "lang", "extent", "kind", "value"), QUOTED)
def test_the_quoted_expressions_read_as_described(
    text: str, lang: str, extent: str, kind: str, value: str
) -> None:
    (match,) = wording.find(text, lang=lang)
    assert (match.text, match.kind.value, match.edtf) == (extent, kind, value)
    assert text[match.start : match.end] == extent


def test_no_precision_is_invented() -> None:
    (year,) = wording.find("năm 2023", lang="vi")
    assert year.value == coordagree.PartialDate(year=2023)  # no month, no day
    (day,) = wording.find("Ngày 26/6", lang="vi")
    assert day.value is None and not day.year_inferred  # no year without a reference
    (moment,) = wording.find("10:17, Thứ Ba, 30-5-2023", lang="vi")
    assert isinstance(moment.value, coordagree.PartialDate)
    assert moment.value.offset is None and moment.weekday == 2  # no offset stated
    (zoned,) = wording.find("20/06/2018 | 08:29 GMT+7", lang="vi")
    assert zoned.value == coordagree.PartialDate.parse("2018-06-20T08:29+07:00")


def test_a_named_us_zone_gives_the_offset_of_its_day() -> None:
    (summer,) = wording.find("4:30 p.m. (ET) on September 22, 2010", lang="en")
    (winter,) = wording.find("4:30 p.m. (ET) on December 22, 2010", lang="en")
    assert (summer.edtf, winter.edtf) == ("2010-09-22T16:30-04:00", "2010-12-22T16:30-05:00")


def test_a_reference_gives_the_nearest_year_not_after_it() -> None:
    before = pendulum.Date(2024, 3, 1)
    (match,) = wording.find("Ngày 26/6", lang="vi", reference=before)
    assert (match.edtf, match.year_inferred) == ("2023-06-26", True)
    (same,) = wording.find("Ngày 26/6", lang="vi", reference=pendulum.Date(2024, 6, 26))
    assert same.edtf == "2024-06-26"
    (half,) = wording.find("6 tháng đầu năm", lang="vi", reference=pendulum.Date(2024, 7, 8))
    assert half.edtf == "2024-01/2024-06"
    (leap,) = wording.find("ngày 29/2", lang="vi", reference=pendulum.Date(2023, 5, 1))
    assert leap.edtf == "2020-02-29"


def test_numbers_are_read_in_the_languages_order_or_both_ways() -> None:
    assert wording.find("01-11-2010", lang="vi")[0].edtf == "2010-11-01"
    assert wording.find("01-11-2010", lang="en")[0].edtf == "2010-01-11"
    (both,) = wording.find("01-11-2010", lang=None)
    assert both.readings == ("2010-11-01", "2010-01-11") and both.value is None
    assert both.edtf == "[2010-11-01,2010-01-11]"
    (one,) = wording.find("13/10/2008", lang=None)  # only one reading is a date
    assert one.readings == ("2008-10-13",)


def test_prepositions_and_punctuation_stay_outside() -> None:
    text = "Từ ngày 1/6/2024 đến ngày 30/9/2024, trong giai đoạn 2023 - 2026."
    matches = wording.find(text, lang="vi")
    assert [m.text for m in matches] == [
        "ngày 1/6/2024 đến ngày 30/9/2024",
        "giai đoạn 2023 - 2026",
    ]
    assert matches[0].edtf == "2024-06-01/2024-09-30"
    english = wording.find("signed on June 1, 2009, in effect from 2016-2018.", lang="en")
    assert [m.text for m in english] == ["June 1, 2009", "2016-2018"]


def test_document_numbers_are_not_dates() -> None:
    text = "Thông tư liên tịch số 04/2012/TTLT và Quyết định 1509.11-2009-1, 4/4 thôn"
    assert wording.find(text, lang="vi") == ()


def test_values_are_model_objects() -> None:
    period = wording.period("giai đoạn 2023 - 2026", lang="vi")
    assert period == coordagree.Period.parse("2023", "2026", as_written="giai đoạn 2023 - 2026")
    quarter = wording.period("quý I/2024", lang="vi")
    assert (quarter.start, quarter.end) == (pendulum.Date(2024, 1, 1), pendulum.Date(2024, 3, 31))
    year = wording.period("năm 2023", lang="vi")
    assert (year.start, year.end, year.as_written) == (
        pendulum.Date(2023, 1, 1),
        pendulum.Date(2023, 12, 31),
        "năm 2023",
    )
    funded = wording.period("FY 1995 through FY 1998", lang="en")
    assert funded.start_precision is coordagree.DatePrecision.FISCAL_YEAR
    assert str(wording.date("Chiều ngày 29/5/2023", lang="vi")) == "2023-05-29"
    assert wording.duration("thirty (30) days", lang="en") == coordagree.Duration(days=30)
    assert wording.duration("01 năm", lang="vi") == coordagree.Duration(years=1)


def test_parse_reads_one_whole_expression_or_says_why_not() -> None:
    assert wording.parse("  Sáng 8/7 ", lang="vi").text == "Sáng 8/7"
    with pytest.raises(WordingError, match="found none") as none:
        wording.parse("không có ngày nào", lang="vi")
    assert isinstance(none.value, ValueError)
    with pytest.raises(WordingError, match="found 2") as two:
        wording.parse("năm 2023 và năm 2024", lang="vi")
    assert two.value.offset == len("năm 2023 và ")
    with pytest.raises(WordingError, match="not part of it"):
        wording.parse("a minimum of five years", lang="en")
    with pytest.raises(WordingError, match="lang='en'"):
        wording.parse("September 30th, 2004", lang="vi")
    with pytest.raises(WordingError, match="states no year"):
        wording.date("Ngày 26/6", lang="vi")
    with pytest.raises(WordingError, match="may be read two ways"):
        wording.date("01-11-2010", lang=None)
    with pytest.raises(WordingError, match="is a period"):
        wording.date("giai đoạn 2023 - 2026", lang="vi")
    with pytest.raises(InvalidArgumentError, match="knows vi and en"):
        wording.find("x", lang="fr")


def test_bcp47_tags_are_accepted() -> None:
    assert wording.find("01-11-2010", lang="vi-VN")[0].edtf == "2010-11-01"
    assert wording.find("01-11-2010", lang="en-US")[0].edtf == "2010-01-11"


def test_a_fiscal_year_start_can_be_given() -> None:
    (state,) = wording.find("Fiscal Year 2027", lang="en", fiscal_year_start=7)
    assert state.edtf == "2026-07/2027-06"
    assert wording.find("FY2010", lang="en")[0].edtf == "2009-10/2010-09"  # US federal


def test_parts_of_day_are_kept() -> None:
    parts = {
        "Sáng 8/7": "morning",
        "Trưa 8/7": "noon",
        "Chiều 8/7": "afternoon",
        "Tối 8/7": "evening",
        "Đêm 8/7": "night",
    }
    for text, part in parts.items():
        (match,) = wording.find(text, lang="vi")
        assert match.part_of_day == coordagree.PartOfDay(part), text


# -- the gold set ---------------------------------------------------------------------------------


def _benchmark() -> Any:
    """benchmarks/wording.py, whose reading of the gold set the docs report: one scoring."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "wording.py"
    spec = importlib.util.spec_from_file_location("wording_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _benchmark()
PARTS = BENCH.PARTS


def test_the_gold_set_is_well_formed() -> None:
    total = 0
    for part in PARTS:
        for item in BENCH.gold(part):
            assert item["lang"] in ("vi", "en") and item["source"], item
            spans = sorted(BENCH.spans(item))
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), item
            for expected in item["expect"]:
                assert expected["kind"] in {kind.value for kind in wording.MatchKind}
            total += len(item["expect"])
    assert total >= 150


@pytest.mark.parametrize("part", PARTS)
def test_the_gold_set_is_read_well(part: str) -> None:
    """Exact-extent F1 at least 0.90 and value accuracy at least 0.95 on every part."""
    scores = BENCH.ours(part)
    assert scores["f1"] >= 0.90, (scores["precision"], scores["recall"])
    assert scores["value_accuracy"] >= 0.95


# -- properties -----------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "ngày",
        "tháng",
        "năm",
        "Sáng",
        "Chiều",
        "quý",
        "giai đoạn",
        "nhiệm kỳ",
        "FY",
        "June",
        "May",
        "days",
        "years",
        "through",
        "đến",
        "to",
        "in",
        "Thứ Ba",
        "GMT+7",
        "p.m.",
        "(30)",
        "thirty",
        "6 tháng đầu năm",
    ]
)
_PIECES = st.one_of(
    _WORDS,
    st.integers(0, 2100).map(str),
    st.sampled_from([" ", "/", "-", ".", ",", ":", " – ", " | ", "\n", "…"]),
    st.text(max_size=3),
)
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@given(_TEXTS, st.sampled_from(["vi", "en", None]))
@settings(max_examples=400)
def test_matches_are_in_order_never_overlap_and_slice_the_text(text: str, lang: str | None) -> None:
    matches = wording.find(text, lang=lang)
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert match.text == match.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


def _edtf_parses(value: str) -> None:
    """The EDTF library reads every value; minute-precision times with their seconds added.

    EDTF (the Library of Congress's profile) writes times with seconds; ISO 8601-2 allows the
    minute precision the source states, which is what the reader writes.
    """
    if value.startswith("P"):
        pendulum.parse(value)  # ISO 8601 durations are not EDTF; pendulum reads them
        return
    if "T" in value:
        day, _, time = value.partition("T")
        zone = time[5:]
        value = f"{day}T{time[:5]}:00{zone}"
    edtf.parse_edtf(value)


@given(_TEXTS, st.sampled_from(["vi", "en", None]))
@settings(max_examples=300)
def test_every_edtf_value_parses_with_an_edtf_library(text: str, lang: str | None) -> None:
    for match in wording.find(text, lang=lang):
        for reading in match.readings:
            _edtf_parses(reading)
        if len(match.readings) > 1:
            edtf.parse_edtf(match.edtf)  # the set of both readings


_VI_FORMS = (
    lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    lambda d: f"ngày {d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"Chiều ngày {d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
)
_EN_FORMS = (
    lambda d: d.strftime("%B ") + f"{d.day}, {d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.day} " + d.strftime("%B %Y"),
)
_DAYS = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2099, 12, 31))


@given(_DAYS, st.integers(0, len(_VI_FORMS) - 1), st.integers(0, len(_EN_FORMS) - 1))
def test_a_day_written_either_way_reads_back_as_that_day(day: _dt.date, vi: int, en: int) -> None:
    expected = coordagree.PartialDate.of_date(day)
    for text, lang in ((_VI_FORMS[vi](day), "vi"), (_EN_FORMS[en](day), "en")):
        sentence = f"Ký kết vào {text}." if lang == "vi" else f"Signed on {text}."
        (match,) = wording.find(sentence, lang=lang)
        assert match.text == text and match.value == expected
        _edtf_parses(match.edtf)


@given(st.integers(1900, 2090), st.integers(1, 10))
def test_a_span_of_years_reads_back_as_those_years(first: int, length: int) -> None:
    last = first + length
    for lead in ("giai đoạn", "nhiệm kỳ"):
        period = wording.period(f"{lead} {first} - {last}", lang="vi")
        assert (period.start, period.end) == (
            pendulum.Date(first, 1, 1),
            pendulum.Date(last, 12, 31),
        )


@given(st.integers(1, 400), st.sampled_from(["ngày", "tháng", "năm", "tuần"]))
def test_a_duration_reads_back_as_its_count(count: int, unit: str) -> None:
    duration = wording.duration(f"{count} {unit}", lang="vi")
    expected = {"ngày": "days", "tháng": "months", "năm": "years", "tuần": "weeks"}[unit]
    assert duration == coordagree.Duration(**{expected: count})


# -- in the library -------------------------------------------------------------------------------


def test_validate_reports_a_value_that_disagrees_with_its_wording() -> None:
    seed = coordagree.seed_programme()
    assert "wording-mismatch" not in {f.code for f in coordagree.validate(seed).findings}
    event = seed.events[0]
    assert event.date_as_written == "Chiều ngày 29/5/2023"
    moved = attrs.evolve(event, date=coordagree.PartialDate.parse("2023-05-30"))
    report = coordagree.validate(attrs.evolve(seed, events=(moved, *seed.events[1:])))
    (finding,) = [f for f in report.findings if f.code == "wording-mismatch"]
    assert finding.path == "/events/0/date"
    assert finding.severity is coordagree.Severity.WARNING
    assert "2023-05-29" in finding.message


def test_validate_reads_period_wording_and_leaves_unreadable_wording_alone() -> None:
    seed = coordagree.seed_programme()
    assert seed.period is not None
    wrong = attrs.evolve(seed.period, as_written="giai đoạn 2023 - 2027")
    report = coordagree.validate(attrs.evolve(seed, period=wrong))
    assert [f.path for f in report.findings if f.code == "wording-mismatch"] == ["/period"]
    vague = attrs.evolve(seed.period, as_written="trong nhiều năm tới")
    report = coordagree.validate(attrs.evolve(seed, period=vague))
    assert "wording-mismatch" not in {f.code for f in report.findings}


def test_every_wording_field_names_the_field_it_states() -> None:
    from coordagree._fields import Kind, fields_of, kind_of, record_classes

    seen = 0
    for cls in record_classes(coordagree.Agreement):
        names = {field.name for field in attrs.fields(cls)}
        for field in fields_of(cls, Kind.WORDING):
            of = kind_of(field).of
            if field.name.endswith("_as_written"):
                assert of == field.name.removesuffix("_as_written"), (cls, field.name)
                seen += 1
            assert of is None or of in names, (cls, field.name)
    assert seen >= 10
    assert not fields_of(coordagree.Task, Kind.WORDING)  # tasks' periods carry their own


def test_the_bad_date_hint_reads_wording() -> None:
    with pytest.raises(coordagree.errors.InvalidValueError) as caught:
        coordagree.PartialDate.parse("Chiều ngày 29/5/2023")
    assert caught.value.hint is not None and "2023-05-29" in caught.value.hint
    with pytest.raises(coordagree.errors.InvalidValueError) as yearless:
        coordagree.PartialDate.parse("Ngày 26/6")
    assert yearless.value.hint is not None and "states no year" in yearless.value.hint


def test_vietnamese_text_survives_unchanged() -> None:
    text = "Hội nghị ký kết Quy chế phối hợp, Chiều ngày 29/5/2023, tại Đồng Hới"
    (match,) = wording.find(text, lang="vi")
    assert match.text == "Chiều ngày 29/5/2023"
    assert text.encode("utf-8").decode("utf-8") == text


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_tasks_worded_period_is_checked_on_every_load_path(fmt: Any) -> None:
    """The loader records schedules with no worded task period; the others are still read."""
    from coordagree._loader_facts import has_unworded_periods

    seed = coordagree.seed_programme()
    schedule = seed.schedules[0]
    worded = coordagree.Period.parse("2023-12", as_written="trong năm 2024")
    first = attrs.evolve(schedule.tasks[0], due=worded)
    tasks = (first, *schedule.tasks[1:])
    changed = attrs.evolve(
        seed, schedules=(attrs.evolve(schedule, tasks=tasks), *seed.schedules[1:])
    )
    text = coordagree.dumps(changed, fmt)
    for agreement in (coordagree.loads(text, fmt), changed):
        codes = [(f.code, f.path) for f in coordagree.validate(agreement).findings]
        assert ("wording-mismatch", "/schedules/0/tasks/0/due") in codes
    loaded = coordagree.loads(text, fmt)
    assert not has_unworded_periods(loaded.schedules[0])
    unworded = attrs.evolve(
        schedule, tasks=tuple(attrs.evolve(t, due=coordagree.Period.parse("2023")) for t in tasks)
    )
    plain = coordagree.loads(coordagree.dumps(attrs.evolve(seed, schedules=(unworded,)), fmt), fmt)
    assert has_unworded_periods(plain.schedules[0])
