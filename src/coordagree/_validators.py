"""attrs validators and converters shared by the model classes.

They raise coordagree's own errors, in attrs' message form: name the field, say what was
expected, show what was got.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import pendulum

from coordagree._date_context import Order, current_reading
from coordagree.errors import InvalidTypeError, InvalidValueError

T = TypeVar("T")

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._:-]*"
"""What an id is: letters, digits and ``._:-``, starting with a letter or digit."""
is_id = re.compile(ID_PATTERN).fullmatch
"""Whether a whole string is an id (``re`` matches ``$`` before a final newline; this does not)."""
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_FISCAL = re.compile(r"^(?:FY|fy|Fiscal Year|fiscal year)[\s-]*(\d{4})$")


def _type_name(value: object) -> str:
    return type(value).__name__


def instance_of(*types: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Like ``attrs.validators.instance_of``, raising `InvalidTypeError`."""
    expected = " or ".join(t.__name__ for t in types)

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidTypeError(
                f"'{attribute.name}' must be {expected} (got {value!r}, a {_type_name(value)})",
                field=attribute.name,
                value=value,
            )

    return check


def optional(
    check: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Accept None, else run ``check``."""

    def run(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(inst, attribute, value)

    return run


def each(*types: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Every member of a tuple is an instance of one of ``types``."""
    expected = " or ".join(t.__name__ for t in types)

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, types):
                raise InvalidTypeError(
                    f"'{attribute.name}[{index}]' must be {expected} "
                    f"(got {item!r}, a {_type_name(item)})",
                    field=attribute.name,
                    value=item,
                )

    return check


def identifier(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An id: letters, digits and ``. _ : -``, starting with a letter or digit."""
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"'{attribute.name}' must be str (got {value!r}, a {_type_name(value)})",
            field=attribute.name,
            value=value,
        )
    if not is_id(value):
        raise InvalidValueError(
            f"'{attribute.name}' must be an id of letters, digits and '._:-', "
            f"starting with a letter or digit (got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-id",
        )


def identifiers(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Every member of a tuple is an id."""
    for item in value:
        identifier(inst, attribute, item)


def to_tuple(value: Iterable[Any] | None) -> Any:
    """Converter: any iterable (not a str or mapping) becomes a tuple; None becomes ().

    Typed by what it takes, so a type checker refuses ``Task(owners=42)`` as the class does.
    """
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes | Mapping):
        # Left as is: the validator then names the field and the wrong type.
        return value
    try:
        return tuple(value)
    except TypeError:  # not iterable (42): left as is, for the validator to name
        return value


def to_date(value: pendulum.Date | _dt.date | str | None) -> Any:
    """Converter: a date, datetime or ISO ``YYYY-MM-DD`` string becomes a `pendulum.Date`.

    Anything else is returned unchanged, so that the field's validator names it.
    """
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return pendulum.Date.fromisoformat(value)
        except ValueError:
            return value
    return value


def date_hint(text: str, order: Order | None = None) -> str | None:
    """A hint for a date written the local way, such as ``29/5/2023``, ``5/2023`` or ``FY 1995``.

    A numeric date is read in ``order`` (by default the order of the document being read, from
    its language: day first for Vietnamese, month first for US English); when nothing decides
    and both readings are dates, the hint gives both.
    """
    order = order or current_reading().order
    stripped = text.strip()
    match = _SLASHED.match(stripped)
    if match:
        first, second, year = (int(part) for part in match.groups())
        readings = {
            "day first": _iso(year, second, first),
            "month first": _iso(year, first, second),
        }
        valid = {how: iso for how, iso in readings.items() if iso is not None}
        if not valid:
            return "dates are ISO 8601: YYYY-MM-DD"
        if len(set(valid.values())) == 1:
            return f"dates are ISO 8601: did you mean {next(iter(valid.values()))}?"
        wanted = order.replace("-", " ") if order else None
        if wanted in valid:
            return f"dates are ISO 8601: did you mean {valid[wanted]} (read {wanted})?"
        both = " or ".join(f"{iso} ({how})" for how, iso in valid.items())
        return f"dates are ISO 8601: did you mean {both}?"
    match = _MONTH_YEAR.match(stripped)
    if match and 1 <= int(match.group(1)) <= 12:
        month, year = (int(part) for part in match.groups())
        return f"dates are ISO 8601: did you mean {year:04d}-{month:02d}?"
    match = _FISCAL.match(stripped)
    if match:
        return f"a fiscal year is written FY and its four digits: did you mean FY{match.group(1)}?"
    worded = _worded_hint(stripped, order)
    if worded is not None:
        return worded
    return "dates are ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY for a month or a year"


def _worded_hint(text: str, order: Order | None) -> str | None:
    """The hint for a source's wording given as a date ("Chiều ngày 29/5/2023")."""
    from coordagree._wording import edtf_of, scan  # its patterns compile on first use

    lang = {"day-first": "vi", "month-first": "en"}.get(order or "")
    found = scan(text, lang)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)):
        return None
    (expression,) = found
    if expression.kind not in ("date", "datetime") or len(expression.readings) != 1:
        return None
    value = edtf_of(expression.readings[0], 1)
    if value.startswith("XXXX"):
        return (
            f"this is a source's wording, and it states no year ({value}): write the date "
            "as YYYY-MM-DD and keep the wording in the *_as_written field beside it"
        )
    return (
        f"this is a source's wording: did you mean {value}? Keep the wording itself in the "
        "*_as_written field beside the date"
    )


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A `pendulum.Date` (not a datetime)."""
    if isinstance(value, pendulum.Date) and not isinstance(value, _dt.datetime):
        return
    hint = date_hint(value) if isinstance(value, str) else None
    raise InvalidTypeError(
        f"'{attribute.name}' must be a date (got {value!r})",
        field=attribute.name,
        value=value,
        code="bad-date",
        hint=hint,
    )


def to_datetime(value: _dt.datetime | str | None) -> Any:
    """Converter: an aware datetime or an ISO string with offset becomes a `pendulum.DateTime`.

    A datetime in a named zone is held at its UTC offset, as a document writes it: in a fold
    (the repeated hour when clocks go back) a named-zone datetime compares unequal to every
    datetime of another zone, so it could never equal itself read back.
    """
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and not isinstance(value.tzinfo, pendulum.FixedTimezone):
            fixed = pendulum.FixedTimezone(int(offset.total_seconds()))
            return pendulum.instance(value.astimezone(fixed))
        return value if isinstance(value, pendulum.DateTime) else pendulum.instance(value)
    if isinstance(value, str):
        try:
            parsed = _dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        if parsed.tzinfo is not None and "T" in value:
            return pendulum.instance(parsed)
    return value


def is_aware_datetime(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A `pendulum.DateTime` with a UTC offset."""
    if isinstance(value, pendulum.DateTime) and value.utcoffset() is not None:
        return
    raise InvalidTypeError(
        f"'{attribute.name}' must be a datetime with a UTC offset, "
        f"such as 2023-05-30T10:17:00+07:00 (got {value!r})",
        field=attribute.name,
        value=value,
        code="bad-datetime",
    )
