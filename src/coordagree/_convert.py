"""The one place that maps the model to plain data and back: a cattrs converter factory.

`make_converter` returns a fresh `cattrs.Converter` (never the global one) configured for
coordagree's document form. Downstream tools may take it and register more hooks.

Choices, each for the document form people write and read:

* scalars are strict: a number is not a string, ``true`` is not ``1``;
* `pendulum.Date` is ISO ``YYYY-MM-DD``; `pendulum.DateTime` carries its UTC offset;
* `Text` is a plain string, or a language map whose first key is the primary language;
* `Period` is ``{start, end, as_written}`` with ends at their precision, or a single string
  for one whole year, month or day (``due: "2023"``);
* `Recurrence` is RRULE text; enums are their values;
* defaults are not written, and attributes keep their class order, so output is canonical;
* ``x-`` keys on a record are its `extensions`; any other unknown key is an error.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from coordagree._duration import Duration
from coordagree._extensions import FrozenMapping, plain_data
from coordagree._fields import META, Kind, kind_of, to_decimal
from coordagree._findings import UnknownKeysError
from coordagree._partial_date import PartialDate, to_partial_date
from coordagree._period import DatePrecision, Period, parse_date
from coordagree._recurrence import Recurrence
from coordagree._text import Text
from coordagree._validators import date_hint, to_datetime
from coordagree.errors import InvalidTypeError, InvalidValueError, ModelError

__all__ = [
    "by_identity",
    "configure_converter",
    "make_converter",
    "unstructure_text",
    "unstructure_period",
    "written_period",
]

_V = TypeVar("_V")
_W = TypeVar("_W")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _wrong(expected: str, value: object, *, code: str = "wrong-type") -> InvalidTypeError:
    return InvalidTypeError(
        f"expected {expected}, got {_kind(value)} ({value!r})", field="", value=value, code=code
    )


def _here(read: Callable[[str], _W], value: str) -> _W:
    """``read(value)``, a problem placed at the value itself (the field that holds it)."""
    try:
        return read(value)
    except InvalidValueError as exc:
        exc.field = ""
        raise


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _wrong("a string", value)


def _unstructure_str(value: str) -> str:
    # Open codelist fields are str and may hold a StrEnum member: write its plain value.
    return value.value if isinstance(value, enum.Enum) else value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _wrong("an integer", value)


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _wrong("true or false", value)


def _structure_date(value: Any, _: type) -> pendulum.Date:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            day, precision = parse_date(value)
        except InvalidValueError as exc:
            exc.field = ""
            raise
        if value.count("-") == 2:
            return day
        raise InvalidValueError(
            f"expected a day (YYYY-MM-DD), got {value!r}, a {precision.value}",
            field="",
            value=value,
            code="bad-date",
        )
    raise InvalidTypeError(
        f"expected an ISO 8601 date string (YYYY-MM-DD), got {_kind(value)} ({value!r})",
        field="",
        value=value,
        code="bad-date",
        hint=date_hint(str(value)) if isinstance(value, int | float) else None,
    )


def _structure_datetime(value: Any, _: type) -> pendulum.DateTime:
    converted = to_datetime(value)
    if isinstance(converted, pendulum.DateTime) and converted.utcoffset() is not None:
        return converted
    raise InvalidValueError(
        f"expected an ISO 8601 datetime with its UTC offset, such as "
        f"2023-05-30T10:17:00+07:00, got {value!r}",
        field="",
        value=value,
        code="bad-datetime",
    )


def _structure_text(value: Any, _: type) -> Text:
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, Mapping) and value:
        for lang, text in value.items():
            if not isinstance(lang, str) or not isinstance(text, str):
                raise _wrong("a language map of strings ({vi: ..., en: ...})", value)
        (lang, text), *rest = value.items()
        return Text(text, lang=lang, translations=dict(rest))
    raise _wrong("a string or a language map ({vi: ..., en: ...})", value)


def unstructure_text(text: Text) -> str | dict[str, str]:
    """A `Text` in document form: its string, or a language map with the primary one first."""
    if text.lang is None:
        return text.value
    return {text.lang: text.value, **dict(text.translations)}


def _date_text(value: Any, *, end: bool) -> tuple[pendulum.Date, Any]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # an unquoted year in YAML or TOML
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = value.isoformat()
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"expected an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY), got {_kind(value)}",
            field="",
            value=value,
            code="bad-date",
        )
    return parse_date(value, end=end)


def _structure_period(value: Any, _: type) -> Period:
    if not isinstance(value, Mapping):
        try:
            day, precision = _date_text(value, end=False)
            last, last_precision = _date_text(value, end=True)
        except ModelError as exc:
            exc.field = ""  # the period itself is the date
            raise
        return Period(start=day, end=last, start_precision=precision, end_precision=last_precision)
    unknown = [key for key in value if key not in ("start", "end", "as_written")]
    if unknown:
        raise cattrs.ForbiddenExtraKeysError("", Period, set(unknown))
    if value.get("start") is None and value.get("end") is None:
        raise InvalidValueError(
            "a period needs 'start' or 'end' (or both)",
            field="start",
            value=value,
            code="missing-field",
        )
    problems: list[Exception] = []
    start = end = None
    if value.get("start") is not None:
        try:
            start = _date_text(value["start"], end=False)
        except ModelError as exc:
            exc.field = "start"
            problems.append(exc)
    if value.get("end") is not None:
        try:
            end = _date_text(value["end"], end=True)
        except ModelError as exc:
            exc.field = "end"
            problems.append(exc)
    as_written = value.get("as_written")
    if as_written is not None and not isinstance(as_written, str):
        problems.append(
            InvalidTypeError(
                f"expected a string, got {_kind(as_written)}", field="as_written", value=as_written
            )
        )
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise ExceptionGroup("period", problems)
    return Period(
        start=None if start is None else start[0],
        start_precision=DatePrecision.DAY if start is None else start[1],
        end=None if end is None else end[0],
        end_precision=DatePrecision.DAY if end is None else end[1],
        as_written=as_written,
    )


def unstructure_period(period: Period) -> str | dict[str, str]:
    """A period's document form, the caller's own to edit."""
    written = written_period(period)
    return written if isinstance(written, str) else dict(written)  # a copy: documents are edited


def by_identity(write: Callable[[_V], _W]) -> Callable[[_V], _W]:
    """``write``, remembered per object: its answer is shared, not to be changed.

    A loaded agreement shares one `Period` among all the tasks due in the same year, month or
    day, and one `StatusChange` among the tasks completed on the same day; finding the written
    form by identity is 20 times faster than writing it again (hashing a `Period` alone takes
    half as long as writing it). Each entry holds its object, so no other object can take that
    identity while the entry lasts; a programme has a few hundred such objects, so 4,096 do.
    """
    written: dict[int, tuple[_V, _W]] = {}

    def remembered(value: _V) -> _W:
        known = written.get(id(value))
        if known is None or known[0] is not value:
            known = (value, write(value))
            if len(written) >= 4096:
                written.clear()
            written[id(value)] = known
        return known[1]

    return remembered


def _write_period(period: Period) -> str | dict[str, str]:
    start = period.start_text
    end = period.end_text
    if (
        start is not None
        and end == start
        and period.as_written is None
        and period.start_precision is period.end_precision
    ):
        return start  # a whole year, month or day
    data = {} if start is None else {"start": start}
    if end is not None:
        data["end"] = end
    if period.as_written is not None:
        data["as_written"] = period.as_written
    return data


written_period = by_identity(_write_period)
"""A period's document form, shared by every caller: for writers that only read it."""


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # an unquoted year in YAML or TOML
    if isinstance(value, _dt.datetime | _dt.date):  # a TOML date or datetime
        converted = to_partial_date(value)
        assert isinstance(converted, PartialDate)
        return converted
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"expected a date such as 2023, 2023-05, 2023-05-29 or 2023-05-29T10:17+07:00, "
            f"got {_kind(value)} ({value!r})",
            field="",
            value=value,
            code="bad-date",
        )
    return _here(PartialDate.parse, value)


def _structure_duration(value: Any, _: type) -> Duration:
    if not isinstance(value, str):
        raise _wrong("a duration such as P5Y or P30D", value, code="bad-duration")
    return _here(Duration.parse, value)


def _structure_decimal(value: Any, _: type) -> decimal.Decimal:
    if isinstance(value, str):
        converted = to_decimal(value)
        if isinstance(converted, decimal.Decimal) and converted.is_finite():
            return converted
    if isinstance(value, int) and not isinstance(value, bool):
        return decimal.Decimal(value)
    raise InvalidValueError(
        f"expected an amount as a decimal string such as '7000000' or '12.50', "
        f"got {_kind(value)} ({value!r})",
        field="",
        value=value,
        code="invalid-value" if isinstance(value, str) else "wrong-type",
        hint="write amounts as strings, not numbers: floats cannot hold every amount exactly"
        if isinstance(value, float)
        else None,
    )


def _structure_numbering(value: Any, _: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # "number: 2" in YAML or TOML
    if isinstance(value, str):
        return value
    raise _wrong("a number as written, such as '2.A' or 3", value)


def _structure_data(value: Any, _: Any) -> Any:
    return value  # plain data as given; its field's validator checks it


def _structure_recurrence(value: Any, _: type) -> Recurrence:
    if not isinstance(value, str):
        raise _wrong("RRULE text such as 'FREQ=YEARLY'", value, code="bad-rrule")
    return _here(Recurrence, value)


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise InvalidValueError(
            f"expected one of {allowed}, got {value!r}", field="", value=value, code="bad-code"
        ) from None


def _has_extensions(cls: type) -> bool:
    return attrs.has(cls) and "extensions" in attrs.fields_dict(cls)


def _is_record(cls: Any) -> bool:
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and cls not in (Text, Period, Recurrence, PartialDate, Duration)
    )


def _structure_factory(converter: cattrs.Converter) -> Callable[[type], Callable[..., Any]]:
    def factory(cls: type) -> Callable[..., Any]:
        # Fields whose kind reads more than their type says: a number as written also
        # comes as a plain integer ("number: 2").
        overrides: dict[str, Any] = {
            f.name: override(struct_hook=_structure_numbering)
            for f in attrs.fields(cls)
            if f.metadata.get(META) is not None and kind_of(f).kind is Kind.NUMBERING
        }
        generated: Callable[..., Any] = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,
        )
        takes_extensions = _has_extensions(cls)
        names = frozenset(f.name for f in attrs.fields(cls))

        def structure(value: Any, _: type) -> Any:
            if type(value) is cls:  # built already (the fast path's schedules): kept as it is
                return value
            if not isinstance(value, Mapping):
                raise _wrong("a mapping", value)
            if "extensions" in value:
                raise cattrs.ForbiddenExtraKeysError("", cls, {"extensions"})
            if names.issuperset(value):  # at C speed: most records have no other key
                return generated(value, cls)
            # In the document's order; no field name starts "x-" (names are identifiers). One
            # pass over the keys: a set difference first cost a million-key document 0.6 s.
            extra = {k: value[k] for k in value if isinstance(k, str) and k.startswith("x-")}
            if extra and not takes_extensions:
                raise cattrs.ForbiddenExtraKeysError("", cls, set(extra))
            if len(names.intersection(value)) + len(extra) < len(value):  # unknown keys
                return _refused(generated, value, cls, names, extra)
            if extra:
                value = {k: v for k, v in value.items() if k not in extra}
                value["extensions"] = extra
            return generated(value, cls)

        return structure

    return factory


def _from_a_field(error: BaseException) -> bool:
    notes = getattr(error, "__notes__", ())
    return any(isinstance(note, AttributeValidationNote) for note in notes)


def _refused(
    generated: Callable[..., Any],
    value: Mapping[str, Any],
    cls: type,
    names: frozenset[str],
    extra: dict[str, Any],
) -> typing.NoReturn:
    """Refuse a record with unknown keys exactly as cattrs' generated code does, cheaply.

    cattrs reports the fields' errors, then the unknown keys last, and never builds the
    record. It finds them with a set difference over every key, which for a million keys
    cost more than the rest of the document: here the fields alone are structured (their
    errors kept; a record built from them is dropped, as is an error of building it) and the
    unknown keys, found in one pass and kept in the document's order, are added after them.
    """
    refusal = UnknownKeysError(cls, [k for k in value if k not in names and k not in extra])
    known = {k: v for k, v in value.items() if k in names}
    if extra:
        known["extensions"] = extra
    try:
        generated(known, cls)
    except ClassValidationError as exc:
        if all(_from_a_field(error) for error in exc.exceptions):
            raise ClassValidationError(exc.message, [*exc.exceptions, refusal], cls) from None
    raise ClassValidationError(f"While structuring {cls.__name__}", [refusal], cls)


def _unstructure_factory(converter: cattrs.Converter) -> Callable[[type], Callable[..., Any]]:
    def factory(cls: type) -> Callable[..., Any]:
        generated: Callable[..., Any] = make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=True
        )
        if not _has_extensions(cls):
            return generated

        def unstructure(instance: Any) -> dict[str, Any]:
            data: dict[str, Any] = generated(instance)
            extra = data.pop("extensions", None)
            if extra:
                data.update(extra)
            return data

        return unstructure

    return factory


def _is_tuple(cls: Any) -> bool:
    args: tuple[Any, ...] = tuple(getattr(cls, "__args__", ()))
    return getattr(cls, "__origin__", None) is tuple and len(args) == 2 and args[-1] is Ellipsis


def _tuple_factory(converter: cattrs.Converter) -> Callable[[Any], Callable[..., Any]]:
    def factory(cls: Any) -> Callable[..., Any]:
        item_type: Any = typing.get_args(cls)[0]
        handler = converter.get_structure_hook(item_type)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _wrong("a list", value)
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(handler(item, item_type))
                except Exception as exc:
                    exc.add_note(
                        IterableValidationNote(f"Structuring @ index {index}", index, item_type)
                    )
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
            return tuple(items)

        return structure

    return factory


def configure_converter(converter: cattrs.Converter) -> None:
    """Configure ``converter`` for coordagree's document form (cattrs' ``preconf`` pattern).

    Every record's hooks are generated by cattrs from its fields, through the hooks registered
    here for the values (`Text`, `Period`, dates, RRULEs, codes), so a hook registered on the
    converter afterwards for one of those types reaches every record that holds it.

    Args:
        converter: A `cattrs.Converter`, best made with ``forbid_extra_keys=True`` and
            ``detailed_validation=True`` as `make_converter` makes it.

    Examples:
        >>> import cattrs, coordagree
        >>> converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
        >>> coordagree.configure_converter(converter)
        >>> converter.register_unstructure_hook(coordagree.Text, lambda text: text.value.upper())
        >>> task = coordagree.Task(id="t-1", title=coordagree.Text("Báo cáo quý"))
        >>> converter.unstructure(task)
        {'id': 't-1', 'title': 'BÁO CÁO QUÝ'}
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_unstructure_hook(str, _unstructure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(pendulum.Date, _structure_date)
    converter.register_unstructure_hook(pendulum.Date, lambda day: day.isoformat())
    converter.register_structure_hook(pendulum.DateTime, _structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, lambda moment: moment.isoformat())
    converter.register_structure_hook(Text, _structure_text)
    converter.register_unstructure_hook(Text, unstructure_text)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, unstructure_period)
    converter.register_structure_hook(decimal.Decimal, _structure_decimal)
    converter.register_unstructure_hook(decimal.Decimal, str)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(Duration, _structure_duration)
    converter.register_unstructure_hook(Duration, str)
    converter.register_structure_hook_func(lambda t: t is Any, _structure_data)
    converter.register_structure_hook(Recurrence, _structure_recurrence)
    converter.register_unstructure_hook(Recurrence, str)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook(FrozenMapping, plain_data)
    converter.register_structure_hook_factory(_is_tuple, _tuple_factory(converter))
    converter.register_structure_hook_factory(_is_record, _structure_factory(converter))
    converter.register_unstructure_hook_factory(_is_record, _unstructure_factory(converter))


def make_converter() -> cattrs.Converter:
    """A new converter between coordagree's classes and plain, JSON-ready data.

    Plain data is what `json.loads` returns: dicts, lists, strings, numbers, booleans, None.
    The converter reports every problem it meets (cattrs' detailed validation); coordagree's
    loaders turn those into findings with JSON Pointer paths. It is a `cattrs.Converter`
    configured by `configure_converter`.

    Returns:
        A fresh `cattrs.Converter`; register more hooks on it freely.

    Examples:
        >>> import coordagree
        >>> converter = coordagree.make_converter()
        >>> converter.unstructure(coordagree.Period.parse("2023", "2026"))
        {'start': '2023', 'end': '2026'}
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter)
    return converter
