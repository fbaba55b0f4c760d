"""The wording reader: dates, periods and durations found in text, with their extents and EDTF.

This layer knows words and numbers only, not the model: it returns `Found` expressions whose
parts are what the text states (a day with no year keeps ``year=None``), and writes them in
EDTF. `coordagree.wording` builds the model's values from them; the ``bad-date`` hint reads
with it too.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Callable
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from coordagree._wording import _patterns as p
from coordagree._wording._lexicon import (
    EN_MONTHS,
    EN_WEEKDAYS,
    GENERIC_ZONES,
    PARTS_OF_DAY,
    ROMAN,
    VI_WEEKDAYS,
    ZONES,
    number_of,
)

__all__ = [
    "LANGUAGES",
    "Found",
    "Stated",
    "duration_edtf",
    "edtf_of",
    "language_of",
    "resolved_offset",
    "scan",
]

LANGUAGES = ("vi", "en")
"""The languages the reader knows: Vietnamese, and US English."""


class Stated(NamedTuple):
    """One point of time as the text states it; a part not stated is None."""

    year: int | None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None  # minutes east of UTC
    fiscal: bool = False  # a fiscal year, named by the calendar year it ends in
    zone: str | None = None  # a zone whose offset depends on the day ("ET")


class Found(NamedTuple):
    """One expression: where it is, what kind, and each way it may be read (usually one)."""

    start: int
    end: int
    kind: str  # date, datetime, period, duration
    readings: tuple[tuple[Stated, Stated | None], ...] = ()  # (first, last); last for periods
    duration: tuple[int, int, int, int] | None = None  # years, months, weeks, days
    part_of_day: str | None = None
    weekday: int | None = None


def language_of(lang: str | None) -> str | None:
    """``vi``, ``en`` or None, from a BCP 47 tag such as ``vi-VN`` or ``en-US``."""
    if lang is None:
        return None
    base = lang.split("-")[0].lower()
    if base not in LANGUAGES:
        raise ValueError(f"the wording reader knows {' and '.join(LANGUAGES)}, not {lang!r}")
    return base


# -- atoms --------------------------------------------------------------------------------------


class _Hit(dict[str, Any]):
    """One alternative's groups of a match, by their own names, with where the match lies."""

    __slots__ = ("_end", "_start", "string")

    def __init__(self, groups: dict[str, Any], start: int, end: int, string: str) -> None:
        super().__init__(groups)
        self._start, self._end, self.string = start, end, string

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    number = int(text)
    if len(text) == 2:  # 08 is 2008, 95 is 1995
        return number + (2000 if number < 70 else 1900)
    return number


_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(year: int | None, month: int, day: int) -> bool:
    if day <= 28 or (month != 2 and day <= _MONTH_DAYS[month]):
        return True
    if month != 2 or day > 29:
        return False
    return year is None or calendar.isleap(year)  # 29 Feb is valid with no year


def _part(match: _Hit) -> str | None:
    part = match["part"]
    return PARTS_OF_DAY[part.lower()] if part else None


def _vi_weekday(match: _Hit) -> int | None:
    weekday = match["weekday"]
    return VI_WEEKDAYS[" ".join(weekday.lower().split())] if weekday else None


def _vi_date(match: _Hit, lang: str | None) -> Found | None:
    if match["d2"]:
        day, month, year = (match["d2"], match["m2"], match["y2"])
    else:
        day, month, year = (match["d"], match["m"], match["y"])
    led = match["part"] or match["weekday"] or match["lead"]
    if year is None and not led:
        return None  # "8/7" alone may be anything; "Sáng 8/7" is a day
    if lang != "vi" and not match["d2"] and not led:
        return None  # numbers alone are read by NUMERIC, in the language's order
    stated = Stated(_year(year), int(month), int(day))
    if not _valid(stated.year, int(month), int(day)):
        return None
    return Found(
        match.start(),
        match.end(),
        "date",
        ((stated, None),),
        part_of_day=_part(match),
        weekday=_vi_weekday(match),
    )


def _vi_month(match: _Hit, lang: str | None) -> Found | None:
    month, year = (match["m"], match["y"])
    return Found(match.start(), match.end(), "date", ((Stated(_year(year), int(month)), None),))


def _year_only(match: _Hit, lang: str | None) -> Found | None:
    return Found(match.start(), match.end(), "date", ((Stated(int(match["y"])), None),))


def _year_span(match: _Hit, lang: str | None) -> Found | None:
    first, last = int(match["a"]), int(match["b"])
    if not 0 < last - first <= 100:
        return None
    return Found(match.start(), match.end(), "period", ((Stated(first), Stated(last)),))


def _months(start: int, end: int, year: int | None, match: _Hit) -> Found:
    reading = (Stated(year, start), Stated(year, end))
    return Found(match.start(), match.end(), "period", (reading,))


def _vi_quarter(match: _Hit, lang: str | None) -> Found | None:
    quarter = match["q"]
    number = ROMAN[quarter.lower()] if quarter.isalpha() else int(quarter)
    return _months(3 * number - 2, 3 * number, _year(match["y"]), match)


def _vi_half(match: _Hit, lang: str | None) -> Found | None:
    count = 6 if match["half"] else number_of(match["n"]) or 0
    year = _year(match["y"])
    if match["which"].lower() == "đầu":
        return _months(1, count, year, match)
    return _months(13 - count, 12, year, match)


def _duration(count: int | None, unit: str, match: _Hit) -> Found | None:
    if count is None or count == 0:
        return None
    position = {"năm": 0, "year": 0, "tháng": 1, "month": 1, "tuần": 2, "week": 2}.get(
        unit.lower().rstrip("s"), 3
    )
    parts = [0, 0, 0, 0]
    parts[position] = count
    years, months, weeks, days = parts
    return Found(match.start(), match.end(), "duration", duration=(years, months, weeks, days))


def _vi_duration(match: _Hit, lang: str | None) -> Found | None:
    return _duration(number_of(match["n"]), match["unit"], match)


def _en_duration(match: _Hit, lang: str | None) -> Found | None:
    said = match["digits"] or match["n"] or match["said"]
    return _duration(number_of(said), match["unit"], match)


def _en_weekday(match: _Hit) -> int | None:
    weekday = match["weekday"]
    return EN_WEEKDAYS[weekday] if weekday else None


def _en_date(match: _Hit, lang: str | None) -> Found | None:
    month = EN_MONTHS[match.get("mon2") or match["mon"]]
    day, year = int(match["d"]), match.get("y2") or match["y"]
    if not _valid(_year(year), month, day):
        return None
    stated = Stated(_year(year), month, day)
    return Found(match.start(), match.end(), "date", ((stated, None),), weekday=_en_weekday(match))


def _en_month_year(match: _Hit, lang: str | None) -> Found | None:
    stated = Stated(int(match["y"]), EN_MONTHS[match["mon"]])
    return Found(match.start(), match.end(), "date", ((stated, None),))


def _en_year(match: _Hit, lang: str | None) -> Found | None:
    year = match["y"]
    stated = Stated(int(year))
    return Found(match.end() - len(year), match.end(), "date", ((stated, None),))


def _en_month(match: _Hit, lang: str | None) -> Found | None:
    stated = Stated(None, EN_MONTHS[match["mon"]])
    return Found(match.start(), match.end(), "date", ((stated, None),))


def _en_fiscal(match: _Hit, lang: str | None) -> Found | None:
    year = _year(match["y"] or match["yy"] or match["y2"])
    stated = Stated(year, fiscal=True)
    return Found(match.start(), match.end(), "period", ((stated, stated),))


def _en_quarter(match: _Hit, lang: str | None) -> Found | None:
    ordinal = match["ordinal"]
    number = (
        ("first", "second", "third", "fourth").index(ordinal) + 1 if ordinal else int(match["q"])
    )
    return _months(3 * number - 2, 3 * number, _year(match["y"] or match["y2"]), match)


_FOLLOWS_A_WORD = re.compile(
    r"(?:until|by|on|before|after|through|to|from|and|or|since|maybe|than|of|dated|date:)\s*$",
    re.IGNORECASE,
)


def _numeric(match: _Hit, lang: str | None) -> Found | None:
    text = match.string
    first, second, year = int(match["a"]), int(match["b"]), _year(match["y"])
    if year is None:
        if match["sep"] == "-" or lang == "vi":
            return None  # "6-15" is a score or a range; Vietnamese days need a lead (VI_DATE)
        if not _FOLLOWS_A_WORD.search(text, 0, match.start()):
            return None  # "6/15" is a day only after "until", "by", "on"...
    orders = {"vi": ((first, second),), "en": ((second, first),)}.get(
        lang or "", ((first, second), (second, first))
    )
    readings = tuple(
        (Stated(year, month, day), None)
        for day, month in orders
        if month <= 12 and _valid(year, month, day)
    )
    readings = tuple(dict.fromkeys(readings))
    if not readings:
        return None
    return Found(match.start(), match.end(), "date", readings)


def _iso(match: _Hit, lang: str | None) -> Found | None:
    year, month, day = (int(part) for part in (match["y"], match["m"], match["d"]))
    if not _valid(year, month, day):
        return None
    hour, minute, zone = (match["h"], match["mi"], match["z"])
    offset = None
    if zone == "Z":
        offset = 0
    elif zone:
        offset = (-1 if zone[0] == "-" else 1) * (int(zone[1:3]) * 60 + int(zone[4:6]))
    stated = Stated(
        year,
        month,
        day,
        None if hour is None else int(hour),
        None if minute is None else int(minute),
        offset,
    )
    return Found(match.start(), match.end(), "datetime" if hour else "date", ((stated, None),))


def _vi_time(match: _Hit, lang: str | None) -> Found | None:
    hour, minute = int(match["h"]), int(match["mi"] or 0)
    offset = None
    if match["zh"]:
        sign = -1 if match["zs"] in "-−" else 1
        offset = sign * (int(match["zh"]) * 60 + int(match["zm"] or 0))
    stated = Stated(None, hour=hour, minute=minute, offset=offset)
    return Found(match.start(), match.end(), "time", ((stated, None),))


def _en_time(match: _Hit, lang: str | None) -> Found | None:
    if match["h24"]:
        hour, minute, zone = int(match["h24"]), int(match["mi24"]), None
        zone = match["zone24"]
    else:
        hour, minute = int(match["h"]) % 12, int(match["mi"] or 0)
        if match["ampm"].lower().startswith("p"):
            hour += 12
        zone = match["zone"]
    offset = ZONES[zone] if zone else None
    stated = Stated(None, hour=hour, minute=minute, offset=offset, zone=zone)
    return Found(match.start(), match.end(), "time", ((stated, None),))


_Reader = Callable[[Any, "str | None"], "Found | None"]

# Each language's patterns, in the order they are tried where several match at one place: a
# longer reading first ("6 tháng cuối năm 2024" before "6 tháng", "năm 2023 - 2024" before
# "năm 2023", a day before the duration its "08 tháng" looks like).
_VIETNAMESE: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (p.VI_HALF, _vi_half),
    (p.YEAR_SPAN, _year_span),
    (p.VI_DATE, _vi_date),
    (p.VI_QUARTER, _vi_quarter),
    (p.VI_MONTH, _vi_month),
    (p.VI_YEAR, _year_only),
    (p.ISO, _iso),
    (p.VI_DURATION, _vi_duration),
    (p.VI_TIME, _vi_time),
)
_ENGLISH: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (p.EN_DATE_DMY, _en_date),
    (p.EN_DATE_MDY, _en_date),
    (p.EN_MONTH_YEAR, _en_month_year),
    (p.EN_MONTH, _en_month),
    (p.EN_FISCAL, _en_fiscal),
    (p.EN_QUARTER, _en_quarter),
    (p.YEAR_SPAN, _year_span),
    (p.ISO, _iso),
    (p.EN_YEAR, _en_year),
    (p.EN_DURATION, _en_duration),
    (p.EN_TIME, _en_time),
)
_LAST = ((p.NUMERIC, _numeric),)


class _Reading:
    """A language's patterns as one: the text is searched once, each hit read by its reader."""

    def __init__(self, entries: tuple[tuple[re.Pattern[str], _Reader], ...]) -> None:
        self.entries = entries
        parts = []
        for index, (pattern, _) in enumerate(entries):
            prefix = f"p{index}_"
            source = re.sub(r"\(\?P<(\w+)>", rf"(?P<{prefix}\1>", pattern.pattern)
            source = re.sub(r"\(\?P=(\w+)\)", rf"(?P={prefix}\1)", source)
            cased = not pattern.flags & re.IGNORECASE
            parts.append(f"(?P<p{index}>(?{'-' if cased else ''}i:{source}))")
        # Every expression starts a word: the engine tries the alternatives only there.
        self.combined = re.compile(
            rf"(?<!\w)(?=\w)(?:{'|'.join(parts)})", re.VERBOSE | re.IGNORECASE
        )
        self.index = {f"p{index}": index for index in range(len(entries))}
        self.groups: list[tuple[tuple[str, ...], tuple[int, ...]]] = []
        for index, (pattern, _) in enumerate(entries):
            names = tuple(pattern.groupindex)
            numbers = tuple(self.combined.groupindex[f"p{index}_{name}"] for name in names)
            self.groups.append((names, numbers))

    def atoms(self, text: str, lang: str | None) -> list[Found]:
        """The expressions of ``text`` before any are joined, in order, none overlapping."""
        atoms: list[Found] = []
        position, size = 0, len(text)
        search = self.combined.search
        while position < size:
            match = search(text, position)
            if match is None:
                break
            first = self.index[match.lastgroup]  # type: ignore[index]
            _, read = self.entries[first]
            names, numbers = self.groups[first]
            found = read(_hit(match, names, numbers), lang)
            if found is None:  # refused: the later alternatives may read it
                found = self._others(text, match.start(), first, lang)
            if found is None:
                position = match.start() + 1
                continue
            atoms.append(found)
            position = max(found.end, match.start() + 1)
        return atoms

    def _others(self, text: str, at: int, tried: int, lang: str | None) -> Found | None:
        for pattern, read in self.entries[tried + 1 :]:
            match = pattern.match(text, at)
            if match is not None:
                found = read(_Hit(match.groupdict(), at, match.end(), text), lang)
                if found is not None:
                    return found
        return None


def _hit(match: re.Match[str], names: tuple[str, ...], numbers: tuple[int, ...]) -> _Hit:
    values = match.group(*numbers) if len(numbers) > 1 else (match.group(numbers[0]),)
    return _Hit(dict(zip(names, values)), match.start(), match.end(), match.string)  # noqa: B905


_READINGS = {
    "vi": _Reading(_VIETNAMESE + _LAST),
    "en": _Reading(_ENGLISH + _LAST),
    None: _Reading(_VIETNAMESE + _ENGLISH + _LAST),
}


# -- the scan -----------------------------------------------------------------------------------


def _with_time(text: str, date: Found, time: Found, start: int, end: int) -> Found | None:
    clock = time.readings[0][0]
    readings = []
    for first, _ in date.readings:
        if first.day is None:
            return None  # a time belongs to a day, not to a month
        at = first._replace(
            hour=clock.hour, minute=clock.minute, offset=clock.offset, zone=clock.zone
        )
        readings.append((at, None))
    zone = p.ZONE.match(text, end) if clock.offset is None else None
    if zone is not None:  # "06:16, Thứ Sáu, 16/09/2022 (GMT+7)"
        sign = -1 if zone.group("zs") in "-−" else 1
        offset = sign * (int(zone.group("zh")) * 60 + int(zone.group("zm") or 0))
        readings = [(first._replace(offset=offset), last) for first, last in readings]
        end = zone.end()
    return Found(
        start,
        end,
        "datetime",
        tuple(readings),
        part_of_day=date.part_of_day,
        weekday=date.weekday,
    )


def _joined(text: str, atoms: list[Found]) -> list[Found]:
    """Times joined to the day beside them, then two days (or fiscal years) into a period."""

    def timed(atom: Found, after: Found) -> Found | None:
        if {atom.kind, after.kind} != {"date", "time"}:
            return None
        if not p.TIME_JOIN.fullmatch(text, atom.end, after.start):
            return None
        date, time = (atom, after) if atom.kind == "date" else (after, atom)
        return _with_time(text, date, time, atom.start, after.end)

    def spanned(atom: Found, after: Found) -> Found | None:
        if not _can_join(atom, after) or not p.RANGE_JOIN.fullmatch(text, atom.end, after.start):
            return None
        return _period(atom, after)

    days = [atom for atom in _pairs(atoms, timed) if atom.kind != "time"]  # a lone time goes
    return _pairs(days, spanned)


def _pairs(atoms: list[Found], join: Callable[[Found, Found], Found | None]) -> list[Found]:
    """``atoms`` with each neighbouring pair that ``join`` joins replaced by the joined one."""
    result: list[Found] = []
    index = 0
    while index < len(atoms):
        joined = join(atoms[index], atoms[index + 1]) if index + 1 < len(atoms) else None
        if joined is not None:
            result.append(joined)
            index += 2
        else:
            result.append(atoms[index])
            index += 1
    return result


def _can_join(first: Found, last: Found) -> bool:
    fiscal = first.kind == last.kind == "period" and first.readings[0][0].fiscal
    return fiscal or (first.kind == last.kind == "date")


def _period(first: Found, last: Found) -> Found | None:
    readings = []
    for (one, _), (other, _) in zip(first.readings, last.readings, strict=False):
        if one.year is None and other.year is not None:  # "June 1 to September 30, 2024"
            year = other.year
            if (one.month or 1, one.day or 1) > (other.month or 12, other.day or 31):
                year -= 1
            one = one._replace(year=year)
        if one.year is not None and other.year is not None and _first_day(one) > _last_day(other):
            return None
        readings.append((one, other))
    if not readings:
        return None
    return Found(first.start, last.end, "period", tuple(readings))


def _first_day(stated: Stated) -> _dt.date:
    assert stated.year is not None
    return _dt.date(stated.year, stated.month or 1, stated.day or 1)


def _last_day(stated: Stated) -> _dt.date:
    assert stated.year is not None
    month = stated.month or 12
    return _dt.date(stated.year, month, stated.day or calendar.monthrange(stated.year, month)[1])


def scan(text: str, lang: str | None) -> list[Found]:
    """Every date, date-time, period and duration in ``text``, in order, none overlapping."""
    atoms = _READINGS[lang].atoms(text, lang)
    if len(atoms) == 1:
        return atoms if atoms[0].kind != "time" else []
    return _joined(text, atoms)


# -- EDTF ---------------------------------------------------------------------------------------


def _offset_text(offset: int) -> str:
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def resolved_offset(stated: Stated) -> int | None:
    """The offset a stated zone gives on the stated day: ET is -05:00 or -04:00 by the day."""
    if stated.zone is None or ZONES.get(stated.zone) is not None:
        return stated.offset
    if stated.year is None or stated.day is None or stated.hour is None:
        return None
    moment = _dt.datetime(
        stated.year,
        stated.month or 1,
        stated.day,
        stated.hour,
        stated.minute or 0,
        tzinfo=ZoneInfo(GENERIC_ZONES[stated.zone]),
    )
    offset = moment.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def _point(stated: Stated, fiscal_year_start: int, *, end: bool) -> str:
    year = "XXXX" if stated.year is None else f"{stated.year:04d}"
    if stated.fiscal:
        assert stated.year is not None
        if fiscal_year_start == 1:
            return f"{stated.year:04d}-{12 if end else 1:02d}"
        if end:
            return f"{stated.year:04d}-{fiscal_year_start - 1:02d}"
        return f"{stated.year - 1:04d}-{fiscal_year_start:02d}"
    text = year
    if stated.month is not None:
        text += f"-{stated.month:02d}"
    if stated.day is not None:
        text += f"-{stated.day:02d}"
    if stated.hour is not None:
        text += f"T{stated.hour:02d}:{stated.minute or 0:02d}"
        offset = resolved_offset(stated)
        if offset is not None:
            text += _offset_text(offset)
    return text


def edtf_of(reading: tuple[Stated, Stated | None], fiscal_year_start: int) -> str:
    """One reading in EDTF (ISO 8601-2): ``2023-05-29``, ``XXXX-05-19``, ``2024-07/2024-12``."""
    first, last = reading
    if last is None:
        return _point(first, fiscal_year_start, end=False)
    return (
        f"{_point(first, fiscal_year_start, end=False)}/{_point(last, fiscal_year_start, end=True)}"
    )


def duration_edtf(duration: tuple[int, int, int, int]) -> str:
    """A duration in ISO 8601: ``P30D``, ``P5Y``."""
    units = zip(duration, "YMWD", strict=True)
    return "P" + "".join(f"{count}{unit}" for count, unit in units if count)
