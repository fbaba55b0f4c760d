"""The regular expressions of the wording reader, one per kind of expression and language.

Each pattern finds one *atom*: a date (with its lead noun, part of day and weekday), a month,
a year, a span of years, a quarter or half, a fiscal year, a duration, or a time. The scanner
(`coordagree._wording`) keeps the longest atom where atoms overlap, then joins a time to the
date beside it and two dates around "to", "through" or "đến" into a period.
"""

from __future__ import annotations

import re

from coordagree._wording._lexicon import (
    EN_MONTHS,
    EN_NUMBERS,
    EN_WEEKDAYS,
    PARTS_OF_DAY,
    VI_WEEKDAYS,
    ZONES,
    alternation,
)

__all__ = [
    "EN_DATE_DMY",
    "EN_DATE_MDY",
    "EN_DURATION",
    "EN_FISCAL",
    "EN_MONTH",
    "EN_MONTH_YEAR",
    "EN_YEAR",
    "EN_QUARTER",
    "EN_TIME",
    "ISO",
    "NUMERIC",
    "RANGE_JOIN",
    "TIME_JOIN",
    "VI_DATE",
    "VI_DURATION",
    "VI_HALF",
    "VI_MONTH",
    "VI_QUARTER",
    "VI_TIME",
    "VI_YEAR",
    "YEAR_SPAN",
    "ZONE",
]

_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1[6-9]\d\d|2[01]\d\d)"
_START = r"(?<![\w/.:-])"  # a number starts a word
_END = r"(?![\w/]|[.,:-]\d)"  # and ends one (a full stop or comma may follow)
_DASH = r"[-–—]"

_MONTH = alternation(EN_MONTHS)
_EN_WEEKDAY = alternation(EN_WEEKDAYS)
_VI_WEEKDAY = alternation(VI_WEEKDAYS)
_PART = alternation(PARTS_OF_DAY)


def _compile(pattern: str, *, cased: bool = False) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE | (0 if cased else re.IGNORECASE))


# -- Vietnamese ---------------------------------------------------------------------------------

_VI_LEAD = rf"""
    (?:(?:buổi\s+)?(?P<part>{_PART})(?:\s+nay|\s+qua|\s+mai)?\s+)?
    (?:(?P<weekday>{_VI_WEEKDAY})\s*,?\s*)?
    (?:(?P<lead>ngày|hôm)\s+)?
"""
VI_DATE = _compile(
    rf"""
    (?<!\w)(?=\w){_VI_LEAD}
    {_START}(?:
        (?P<d>{_D})(?P<sep>[/.-]|\s[-–]\s)(?P<m>{_M})(?:(?P=sep)\s?(?P<y>{_Y}|(?<=/)\d\d))?
      | (?P<d2>{_D})\s+tháng\s+(?P<m2>{_M})(?:(?:\s+năm\s+|\s*[,/]\s*|\s+)(?P<y2>{_Y}))?
    ){_END}
    """
)
"""A Vietnamese day: "ngày 29/5/2023", "Chiều ngày 6/1", "Sáng 24.11", "ngày 11 tháng 11 năm
1995", "Thứ hai, ngày 16 tháng 12 năm 2019", "21 Tháng 9, 2025"."""

VI_MONTH = _compile(rf"(?<!\w)tháng\s+(?P<m>{_M})(?:\s*(?:/|-|năm|,)\s*(?P<y>{_Y}))?{_END}")
"""A month: "tháng 3/2022", "tháng 10 năm 2017", "tháng 12"."""

VI_YEAR = _compile(rf"(?<!\w)năm\s+(?P<y>{_Y}){_END}")
"""A year: "năm 2023"."""

YEAR_SPAN = _compile(
    rf"""
    (?:(?<!\w)(?P<lead>giai\s+đoạn|nhiệm\s+kỳ|nhiệm\s+kì|thời\s+kỳ|niên\s+khóa|niên\s+khoá
        |năm\s+học|năm)\s+)?
    {_START}(?P<a>{_Y})\s*{_DASH}\s*(?P<b>{_Y}){_END}
    """
)
"""A span of years, in either language: "giai đoạn 2023 - 2026", "nhiệm kỳ 2012-2016",
"2016-2018"."""

VI_QUARTER = _compile(
    rf"(?<!\w)quý\s+(?P<q>IV|III|II|I|[1-4])(?!\w)(?:\s*(?:/|-|năm)\s*(?P<y>{_Y}){_END})?"
)
"""A quarter: "quý I/2024", "Quý 3 năm 2023", "quý IV"."""

VI_HALF = _compile(
    rf"""
    (?<!\w)(?:(?P<n>1[01]|[1-9]|ba|sáu|chín)\s+tháng|(?P<half>nửa))
    \s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>{_Y}){_END})?(?!\w)
    """
)
"""Months from either end of a year: "6 tháng đầu năm", "6 tháng cuối năm 2024", "nửa đầu
năm 2025", "9 tháng đầu năm 2023"."""

_VI_NUMBER_WORD = (
    r"(?:một|hai|ba|bốn|sáu|bảy|bẩy|tám|chín|mười)"
    r"(?:\s+(?:mươi|mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|bẩy|tám|chín))*"
)
VI_DURATION = _compile(
    rf"""
    (?<![\w/.,])(?P<n>\d{{1,4}}|{_VI_NUMBER_WORD})\s+(?P<unit>năm|tháng|tuần|ngày)
    (?!\w)(?!\s+(?:làm\s+việc|\d))
    """
)
"""A duration: "30 ngày", "01 năm", "hai năm", "6 tháng"."""

VI_TIME = _compile(
    rf"""
    {_START}(?P<h>2[0-3]|[01]?\d)
    (?:\s*(?::|h|giờ)\s*(?P<mi>[0-5]\d)(?:\s*phút)?|\s*giờ(?!\s*\d))
    (?:\s*\(?\s*(?:GMT|UTC)\s*(?P<zs>[+−-])\s*(?P<zh>1[0-4]|0?\d)(?::?(?P<zm>[0-5]\d))?\s*\)?)?
    (?![\w/]|:\d)
    """
)
"""A time: "10:17", "08:29 GMT+7", "14 giờ 30 phút", "8h30", "9 giờ"."""


# -- English ------------------------------------------------------------------------------------

_EN_LEAD = rf"(?:(?P<weekday>{_EN_WEEKDAY}),?\s+)?"
EN_DATE_MDY = _compile(
    rf"""
    (?<!\w){_EN_LEAD}(?P<mon>{_MONTH})\s?(?P<d>{_D})(?:st|nd|rd|th)?
    (?:(?:\s*,\s*|\s+)(?P<y>{_Y}))?{_END}
    """,
    cased=True,
)
"""A US day: "September 30th, 2004", "June 30", "May 30,2014", "Friday, July 30"."""

EN_DATE_DMY = _compile(
    rf"""
    (?<!\w){_EN_LEAD}{_START}(?P<d>{_D})(?:
        (?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_Y}|\d\d)
      | -(?P<mon2>{_MONTH})-(?P<y2>{_Y})
    ){_END}
    """,
    cased=True,
)
"""A day written day first: "16 March 1992", "30 Jul 99", "30th day of September, 2004",
"21-Sep-2020"."""

EN_MONTH = _compile(
    r"(?<!\w)(?P<mon>January|February|March|April|June|July|August|September|October|November"
    r"|December)(?![\w-])(?!\s*\d)",
    cased=True,
)
"""A month named alone: "January", "in October" (not "May", which is also a verb)."""

EN_MONTH_YEAR = _compile(rf"(?<!\w)(?P<mon>{_MONTH}),?\s+(?P<y>{_Y}){_END}", cased=True)
"""A month: "December 2018", "August, 1989"."""

EN_YEAR = _compile(
    rf"(?<!\w)(?:in|In|since|Since|until|during|During|by|before|after)\s+(?P<y>{_Y})(?![\w-])"
    r"(?!\s*(?:[-–—]|to|through)\s*\d)",
    cased=True,
)
"""A year after a preposition of time: "in 1937" (its "1937"), "since 1909"."""

EN_FISCAL = _compile(
    rf"(?<!\w)(?:FY|F\.Y\.)\s?(?:(?P<y>{_Y})|(?P<yy>\d\d)){_END}"
    rf"|(?<!\w)(?:[Ff]iscal\s+[Yy]ear|FISCAL\s+YEAR)\s+(?P<y2>{_Y}){_END}",
    cased=True,
)
"""A fiscal year: "FY 1995", "FY2010", "FY21", "fiscal year 2024"."""

EN_QUARTER = _compile(
    rf"(?<!\w)Q(?P<q>[1-4])\s+(?P<y>{_Y}){_END}"
    rf"|(?<!\w)(?P<ordinal>first|second|third|fourth)\s+quarter\s+of\s+(?:calendar\s+year\s+)?"
    rf"(?P<y2>{_Y}){_END}",
    cased=True,
)
"""A quarter: "Q1 2024", "third quarter of 2023"."""

_EN_WORD = alternation(word for word in EN_NUMBERS if word not in ("a", "an"))
_EN_WORDS = rf"(?:{_EN_WORD})(?:[\s-]+(?:and\s+)?(?:{_EN_WORD}))*"
EN_DURATION = _compile(
    rf"""
    (?<![\w/.,])(?:
        (?P<n>\d{{1,4}})
      | (?P<said>{_EN_WORDS}|an?)(?:\s*\((?P<digits>\d{{1,4}})\))?
    )[\s-]+(?:calendar\s+)?(?P<unit>days?|weeks?|months?|years?)(?!\w)
    """
)
"""A duration: "thirty (30) days", "60 days", "a minimum of five years" (its "five years"),
"a five-year term" (its "five-year")."""

EN_TIME = _compile(
    rf"""
    {_START}(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*
    (?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)
    (?:\s*\(?(?P<zone>{alternation(ZONES)})\)?(?!\w))?
    |{_START}(?P<h24>2[0-3]|[01]\d):(?P<mi24>[0-5]\d)(?![\w:])
    (?:\s*\(?(?P<zone24>{alternation(ZONES)})\)?(?!\w))?
    """,
    cased=True,
)
"""A time: "4:30 p.m. (ET)", "11:59 pm", "17:20"."""


# -- either language -----------------------------------------------------------------------------

NUMERIC = _compile(
    rf"{_START}(?P<a>{_D})(?P<sep>[/-])(?P<b>{_D})(?:(?P=sep)(?P<y>{_Y}|\d\d))?{_END}"
)
"""Numbers with slashes or dashes and no lead noun: "13/10/2008", "11/30/08", "6/15"."""

ISO = _compile(
    rf"""
    {_START}(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])
    (?:T(?P<h>2[0-3]|[01]\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?P<z>Z|[+-]\d\d:\d\d)?)?{_END}
    """
)
"""ISO 8601: "2023-05-29", "2023-05-30T10:17+07:00"."""

ZONE = _compile(
    r"\s*\(\s*(?:GMT|UTC)\s*(?P<zs>[+−-])\s*(?P<zh>1[0-4]|0?\d)(?::?(?P<zm>[0-5]\d))?\s*\)",
    cased=True,
)
"""A UTC offset in brackets after a date and time: "(GMT+7)"."""

TIME_JOIN = re.compile(r"\s*(?:,|\||-|–|\s(?:on|at|lúc|vào\s+lúc))?\s*", re.IGNORECASE)
"""What may stand between a time and its date: "10:17, Thứ Ba, 30-5-2023", "4:30 p.m. on
September 22, 2010", "20/06/2018 | 08:29"."""

RANGE_JOIN = re.compile(r"\s*,?\s*(?:to|through|thru|until|till|đến|tới|[-–—])\s*", re.IGNORECASE)
"""What may stand between the two ends of a period: "September 1, 2020 to August 31, 2023",
"FY 1995 through FY 1998", "năm 2020 đến năm 2025"."""
