"""The words the wording reader knows: months, weekdays, numbers, parts of day, time zones."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "EN_MONTHS",
    "EN_NUMBERS",
    "EN_WEEKDAYS",
    "PARTS_OF_DAY",
    "ROMAN",
    "VI_NUMBERS",
    "VI_WEEKDAYS",
    "ZONES",
    "alternation",
    "number_of",
]

EN_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    start=1,
):
    for _form in (_name, _name.upper(), _name[:3], _name[:3].upper()):
        EN_MONTHS[_form] = _number
        EN_MONTHS[_form + "."] = _number
EN_MONTHS.update({"Sept": 9, "Sept.": 9, "SEPT": 9, "SEPT.": 9})
del EN_MONTHS["May."], EN_MONTHS["MAY."]

EN_WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), start=1
):
    for _form in (_name, _name.upper(), _name[:3] + ".", _name[:3].upper() + "."):
        EN_WEEKDAYS[_form] = _number

VI_WEEKDAYS: dict[str, int] = {
    "thứ hai": 1,
    "thứ ba": 2,
    "thứ tư": 3,
    "thứ năm": 4,
    "thứ sáu": 5,
    "thứ bảy": 6,
    "thứ bẩy": 6,
    "chủ nhật": 7,
    "thứ 2": 1,
    "thứ 3": 2,
    "thứ 4": 3,
    "thứ 5": 4,
    "thứ 6": 5,
    "thứ 7": 6,
    "cn": 7,
}
"""Vietnamese weekdays, lower case, ISO numbers (1 is Monday)."""

PARTS_OF_DAY: dict[str, str] = {
    "sáng": "morning",
    "trưa": "noon",
    "chiều": "afternoon",
    "tối": "evening",
    "đêm": "night",
}
"""Vietnamese parts of day, lower case, as `PartOfDay` values."""

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
"""Quarters as Roman numerals (quý I to quý IV), lower case."""

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_NUMBERS = {**_EN_UNITS, **_EN_TENS, "hundred": 100, "a": 1, "an": 1}
"""English number words (lower case) the reader combines: "one hundred twenty" is 120."""

VI_NUMBERS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mươi": 10,
    "mốt": 1,
}
"""Vietnamese number words (lower case): "mười hai" is 12, "hai mươi" 20."""

ZONES: dict[str, int | None] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "ET": None,
    "CT": None,
    "MT": None,
    "PT": None,
}
"""US and universal zone names: a fixed offset in minutes, or None for a zone whose offset
depends on the date (Eastern Time), resolved through `GENERIC_ZONES`."""

GENERIC_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
"""The IANA zone each generic US zone name stands for."""


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def number_of(text: str) -> int | None:
    """The number ``text`` writes in digits, English words or Vietnamese words; else None."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    english = [EN_NUMBERS.get(word) for word in words if word != "and"]
    if english and all(value is not None for value in english):
        total = 0
        for value in english:
            assert value is not None
            total = total * value if value == 100 else total + value
        return total
    vietnamese = [VI_NUMBERS.get(word) for word in words]
    if vietnamese and all(value is not None for value in vietnamese):
        total = 0
        for word, value in zip(words, vietnamese, strict=True):
            assert value is not None
            if word == "mươi":
                total = (total or 1) * 10
            elif word == "mười":
                total += 10
            else:
                total += value
        return total
    return None
