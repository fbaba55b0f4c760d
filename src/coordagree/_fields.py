"""Field kinds: every model field is declared once, with what the other paths need to know.

A model field says what it holds through attrs metadata (attrs' ``docs/extending.md`` keeps
metadata for exactly this)::

    @attrs.frozen(kw_only=True, field_transformer=kinded_fields)
    class Task:
        title: Text = attrs.field(**text())
        owners: tuple[str, ...] = attrs.field(default=(), **refs("party"))

`text()`, `refs` and the other kind functions put a `FieldKind` in the field's metadata. The
field transformer `kinded_fields` then gives each field the converter and validator its
kind implies (optional when the default is None), keeping any validator the declaration adds
beside it. Everything else is derived from these declarations by reading `attrs.fields`:

* the document converter (cattrs generates its hooks from the fields and their types);
* the fast JSON readers and the JSON writer (`coordagree._fastjson`), which know how each
  kind is read and written, and defer to the checked path for a field whose converter or
  validator is not its kind's own;
* validation: the unresolved-reference check of every `REF` field, the text scan of every
  `TEXT` field and the codelist check of every open `CODE` field;
* the JSON Schema, and what the Hypothesis strategies draw.

Value classes with a document form of their own (`Text`, `Period`, `Recurrence`) are not
records and carry no kinds.
"""

from __future__ import annotations

import decimal
import enum
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pendulum

from coordagree._codelists import closed as _closed
from coordagree._codelists import member_of
from coordagree._duration import is_duration, to_duration
from coordagree._extensions import freeze_extensions
from coordagree._extensions import validate_extensions as _check_extensions
from coordagree._partial_date import PartialDate, to_partial_date, to_partial_dates
from coordagree._period import Period, to_period
from coordagree._recurrence import Recurrence
from coordagree._text import Text, to_text, to_texts
from coordagree._validators import (
    each,
    identifier,
    identifiers,
    instance_of,
    is_aware_datetime,
    is_date,
    optional,
    to_date,
    to_datetime,
    to_tuple,
)
from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "META",
    "FieldKind",
    "Kind",
    "code",
    "amount",
    "count",
    "currency",
    "data",
    "date",
    "datetime",
    "document",
    "extensions",
    "fields_of",
    "implied",
    "flag",
    "identity",
    "kind_of",
    "kinded_fields",
    "numbering",
    "partial_date",
    "partial_dates",
    "period",
    "record",
    "record_classes",
    "records",
    "recurrences",
    "ref",
    "refs",
    "string",
    "tags",
    "text",
    "texts",
    "timezone",
    "to_decimal",
    "to_recurrences",
    "walk_records",
    "wording",
]

META = "coordagree"
"""The metadata key under which a field's `FieldKind` is kept."""

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class Kind(enum.StrEnum):
    """What sort of value a field holds; each path reads and writes one sort one way."""

    ID = "id"
    """The record's own id."""
    TEXT = "text"
    """Human text (`Text`): scanned for blank text and language tags."""
    WORDING = "wording"
    """A source's wording kept verbatim (``*_as_written``)."""
    STRING = "string"
    """Any other free string (a URL, a number as printed)."""
    NUMBERING = "numbering"
    """A number in a list as written ("2.A", "(1)", "Điều 5"); a document may give an integer."""
    CODE = "code"
    """A codelist value: closed (an enum member) or open (a string, known values listed)."""
    REF = "ref"
    """An id of another record, or a list of them."""
    PERIOD = "period"
    """A `Period`."""
    DATE = "date"
    """A day (`pendulum.Date`)."""
    DATETIME = "datetime"
    """A moment with its UTC offset (`pendulum.DateTime`)."""
    PARTIAL_DATE = "partial-date"
    """A date at whatever precision the source gives (`PartialDate`)."""
    RECURRENCES = "recurrences"
    """RRULEs (`Recurrence`)."""
    RECORD = "record"
    """A nested record, or a list of them."""
    COUNT = "count"
    """A whole number with a lower bound (and an upper one, for a month)."""
    DURATION = "duration"
    """A length of time in calendar units (`pendulum.Duration`, written ``P5Y``, ``P30D``)."""
    FLAG = "flag"
    """True or false (or None: not stated)."""
    TAGS = "tags"
    """BCP 47 language tags."""
    TIMEZONE = "timezone"
    """An IANA time zone name."""
    EXTENSIONS = "extensions"
    """``x-`` extension data."""
    DATA = "data"
    """Plain data kept as given (a claimed value, in its document form)."""
    AMOUNT = "amount"
    """An amount of money (`decimal.Decimal`, written as a decimal string, never a float)."""
    CURRENCY = "currency"
    """An ISO 4217 currency code (``USD``, ``VND``)."""
    DOCUMENT = "document"
    """The id of another coordagree document (resolved across a folder, not in one)."""


@attrs.frozen(kw_only=True)
class FieldKind:
    """A field's kind, as its declaration states it (the `META` entry of its metadata).

    Attributes:
        kind: What it holds.
        many: A tuple of values rather than one.
        optional: None is allowed (the field's default is None); set by `kinded_fields`.
        target: For `Kind.REF`, the table the id points into (``"party"``); ``a|b`` for either
            (``agreement|commitment``: the agreement's own id is in table ``agreement``).
        within: For `Kind.REF`, the field of the same record whose referent holds the table
            (a participant's ``positions`` are positions of its ``person``).
        codes: For `Kind.CODE`, the known values.
        closed: For `Kind.CODE`, whether only the known values are allowed.
        record: For `Kind.RECORD`, the nested class.
        table: For `Kind.RECORD`, the table the records' ids form (``"party"``), if any.
        minimum: For `Kind.COUNT`, the least value.
        maximum: For `Kind.COUNT`, the greatest value, if any.
        hierarchy: For `Kind.REF` to the record's own table: the links form a hierarchy, which
            validation checks for cycles (``parent``, ``member_of``).
        of: For `Kind.WORDING`, the field of the same record whose value the wording states
            (``date_as_written`` words ``date``); validation checks that the two agree.
        validator: The validator the kind implies, set by `kinded_fields` (a field may add its own).
        converter: The converter the kind implies, set by `kinded_fields`.
    """

    kind: Kind
    many: bool = False
    optional: bool = False
    target: str | None = None
    within: str | None = None
    codes: type[enum.StrEnum] | None = None
    closed: bool = False
    record: type | None = None
    table: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    hierarchy: bool = False
    of: str | None = None
    validator: Validator | None = attrs.field(default=None, eq=False)
    converter: Callable[[Any], Any] | None = attrs.field(default=None, eq=False)


def _meta(kind: FieldKind) -> dict[str, Any]:
    return {"metadata": {META: kind}}


def identity() -> dict[str, Any]:
    """The record's own ``id``."""
    return _meta(FieldKind(kind=Kind.ID))


def text() -> dict[str, Any]:
    """Human text: a `Text`, given as a string or a language map."""
    return _meta(FieldKind(kind=Kind.TEXT))


def texts() -> dict[str, Any]:
    """Several human texts (names of bodies that are not parties)."""
    return _meta(FieldKind(kind=Kind.TEXT, many=True))


def wording(of: str | None = None) -> dict[str, Any]:
    """A source's wording kept as written; ``of`` names the field whose value it states."""
    return _meta(FieldKind(kind=Kind.WORDING, of=of))


def numbering() -> dict[str, Any]:
    """A number in a list, as the source writes it."""
    return _meta(FieldKind(kind=Kind.NUMBERING))


def string() -> dict[str, Any]:
    """A free string that is not human text to be checked (a URL, a code as printed)."""
    return _meta(FieldKind(kind=Kind.STRING))


def code(codes: type[enum.StrEnum], *, closed: bool, many: bool = False) -> dict[str, Any]:
    """A value of the codelist ``codes``: only its members when ``closed``."""
    return _meta(FieldKind(kind=Kind.CODE, codes=codes, closed=closed, many=many))


def ref(target: str, *, within: str | None = None, hierarchy: bool = False) -> dict[str, Any]:
    """The id of a record in the table ``target`` (see `records`)."""
    return _meta(FieldKind(kind=Kind.REF, target=target, within=within, hierarchy=hierarchy))


def refs(target: str, *, within: str | None = None) -> dict[str, Any]:
    """Ids of records in the table ``target``."""
    return _meta(FieldKind(kind=Kind.REF, target=target, within=within, many=True))


def period() -> dict[str, Any]:
    """A `Period`."""
    return _meta(FieldKind(kind=Kind.PERIOD))


def date() -> dict[str, Any]:
    """A day."""
    return _meta(FieldKind(kind=Kind.DATE))


def datetime() -> dict[str, Any]:
    """A moment with its UTC offset."""
    return _meta(FieldKind(kind=Kind.DATETIME))


def amount() -> dict[str, Any]:
    """An amount of money, exactly (a decimal)."""
    return _meta(FieldKind(kind=Kind.AMOUNT))


def currency() -> dict[str, Any]:
    """An ISO 4217 currency code."""
    return _meta(FieldKind(kind=Kind.CURRENCY))


def partial_date() -> dict[str, Any]:
    """A date at whatever precision the source gives."""
    return _meta(FieldKind(kind=Kind.PARTIAL_DATE))


def partial_dates() -> dict[str, Any]:
    """Several dates at whatever precision the sources give."""
    return _meta(FieldKind(kind=Kind.PARTIAL_DATE, many=True))


def data() -> dict[str, Any]:
    """Plain data (strings, numbers, booleans, lists, maps), kept as given."""
    return _meta(FieldKind(kind=Kind.DATA))


def document() -> dict[str, Any]:
    """The id of another coordagree document."""
    return _meta(FieldKind(kind=Kind.DOCUMENT))


def recurrences() -> dict[str, Any]:
    """RRULEs."""
    return _meta(FieldKind(kind=Kind.RECURRENCES, many=True))


def record(cls: type) -> dict[str, Any]:
    """A nested record of class ``cls``."""
    return _meta(FieldKind(kind=Kind.RECORD, record=cls))


def records(cls: type, *, table: str | None = None) -> dict[str, Any]:
    """Nested records of class ``cls``; their ids form the table ``table`` if given."""
    return _meta(FieldKind(kind=Kind.RECORD, record=cls, many=True, table=table))


def count(*, minimum: int = 0) -> dict[str, Any]:
    """A whole number, at least ``minimum``."""
    return _meta(FieldKind(kind=Kind.COUNT, minimum=minimum))


def month() -> dict[str, Any]:
    """A month of the year, 1 to 12 (the month a fiscal year starts in)."""
    return _meta(FieldKind(kind=Kind.COUNT, minimum=1, maximum=12))


def duration() -> dict[str, Any]:
    """A length of time: ``P5Y`` ("a minimum of five years"), ``P30D`` ("30 days' notice")."""
    return _meta(FieldKind(kind=Kind.DURATION))


def flag() -> dict[str, Any]:
    """True or false."""
    return _meta(FieldKind(kind=Kind.FLAG))


def tags() -> dict[str, Any]:
    """BCP 47 language tags."""
    return _meta(FieldKind(kind=Kind.TAGS, many=True))


def timezone() -> dict[str, Any]:
    """An IANA time zone name."""
    return _meta(FieldKind(kind=Kind.TIMEZONE))


def extensions() -> Any:
    """The ``extensions`` field: ``x-`` data in a read-only mapping, compared but not hashed.

    A whole field rather than its kind: mypy then sees that it has a default.
    """
    return attrs.field(factory=_no_extensions, hash=False, **_meta(FieldKind(kind=Kind.EXTENSIONS)))


def _no_extensions() -> Any:
    return freeze_extensions({})


def to_recurrences(value: Any) -> Any:
    """Converter: RRULE text, or a list of it, becomes a tuple of `Recurrence`."""
    if isinstance(value, str):
        value = (value,)
    value = to_tuple(value)
    if isinstance(value, tuple):
        return tuple(Recurrence(item) if isinstance(item, str) else item for item in value)
    return value


# -- what each kind implies --------------------------------------------------------------------


def _all(*checks: Validator) -> Validator:
    """One validator running ``checks`` in turn (one object, so the fast path can name it)."""

    def run(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for check in checks:
            check(inst, attribute, value)

    return run


def _at_least(minimum: int, maximum: int | None = None) -> Validator:
    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        instance_of(int)(_inst, attribute, value)
        if value < minimum:
            raise InvalidValueError(
                f"'{attribute.name}' must be >= {minimum} (got {value!r})",
                field=attribute.name,
                value=value,
            )
        if maximum is not None and value > maximum:
            raise InvalidValueError(
                f"'{attribute.name}' must be from {minimum} to {maximum} (got {value!r})",
                field=attribute.name,
                value=value,
            )

    return check


_ZONES: set[str] = set()  # names pendulum knew: a register's documents repeat a few


def _timezone(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(str)(_inst, attribute, value)
    if value in _ZONES:
        return
    try:
        pendulum.timezone(value)  # reads the zone's rules: a tenth of a millisecond
        _ZONES.add(value)  # only IANA names get here, a few hundred at most
    except Exception:  # pendulum raises its own InvalidTimezone, a ValueError in some versions
        raise InvalidValueError(
            f"'{attribute.name}' must be an IANA time zone such as 'Asia/Ho_Chi_Minh' "
            f"(got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-timezone",
        ) from None


def to_decimal(value: Any) -> Any:
    """Converter: a decimal string or an int becomes a `decimal.Decimal` (a float does not)."""
    if isinstance(value, str):
        try:
            return decimal.Decimal(value.replace(",", "").replace("_", ""))
        except decimal.InvalidOperation:
            return value
    if isinstance(value, int) and not isinstance(value, bool):
        return decimal.Decimal(value)
    return value


def _decimal(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, decimal.Decimal) or not value.is_finite():
        raise InvalidTypeError(
            f"'{attribute.name}' must be a decimal amount such as '7000000' or '12.50' "
            f"(got {value!r})",
            field=attribute.name,
            value=value,
        )


_ISO_4217 = re.compile(r"[A-Z]{3}")


def _currency(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(str)(_inst, attribute, value)
    if not _ISO_4217.fullmatch(value):
        raise InvalidValueError(
            f"'{attribute.name}' must be an ISO 4217 code such as 'USD' or 'VND' (got {value!r})",
            field=attribute.name,
            value=value,
            code="bad-code",
        )


def _plain_data(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Plain data only: what JSON, YAML and TOML can all hold (no None inside lists or maps)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                raise InvalidTypeError(
                    f"'{attribute.name}' keys must be strings (got {value!r})",
                    field=attribute.name,
                    value=value,
                )
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif not isinstance(item, str | int | float | bool):
            raise InvalidTypeError(
                f"'{attribute.name}' must be plain data: strings, numbers, booleans, lists "
                f"and maps (got {item!r})",
                field=attribute.name,
                value=value,
            )


def _strings(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(tuple)(_inst, attribute, value)
    each(str)(_inst, attribute, value)


def _ids(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(tuple)(_inst, attribute, value)
    identifiers(_inst, attribute, value)


def implied(kind: FieldKind) -> tuple[Callable[[Any], Any] | None, Validator]:
    """The converter (or None) and the validator that ``kind`` implies."""
    return _implied(attrs.evolve(kind, validator=None, converter=None))


@functools.cache
def _implied(kind: FieldKind) -> tuple[Callable[[Any], Any] | None, Validator]:
    k, many, maybe = kind.kind, kind.many, optional if kind.optional else _same
    if k is Kind.ID:
        return None, identifier
    if k is Kind.TEXT:
        if many:
            return to_texts, _all(instance_of(tuple), each(Text))
        return to_text, maybe(instance_of(Text))
    if k in (Kind.WORDING, Kind.STRING, Kind.NUMBERING):
        return None, maybe(instance_of(str))
    if k is Kind.CODE:
        assert kind.codes is not None
        if many:
            return to_tuple, _strings
        if kind.closed:
            return _closed(kind.codes), maybe(member_of(kind.codes))
        return None, maybe(instance_of(str))
    if k is Kind.REF:
        return (to_tuple, _ids) if many else (None, maybe(identifier))
    if k is Kind.PERIOD:
        return to_period, maybe(instance_of(Period))
    if k is Kind.DATE:
        return to_date, maybe(is_date)
    if k is Kind.DATETIME:
        return to_datetime, maybe(is_aware_datetime)
    if k is Kind.PARTIAL_DATE:
        if many:
            return to_partial_dates, _all(instance_of(tuple), each(PartialDate))
        return to_partial_date, maybe(instance_of(PartialDate))
    if k is Kind.DATA:
        return None, maybe(_plain_data)
    if k is Kind.AMOUNT:
        return to_decimal, maybe(_decimal)
    if k is Kind.CURRENCY:
        return None, maybe(_currency)
    if k is Kind.DOCUMENT:
        return None, maybe(identifier)
    if k is Kind.RECURRENCES:
        return to_recurrences, _all(instance_of(tuple), each(Recurrence))
    if k is Kind.RECORD:
        assert kind.record is not None
        if many:
            return to_tuple, _all(instance_of(tuple), each(kind.record))
        return None, maybe(instance_of(kind.record))
    if k is Kind.COUNT:
        return None, maybe(_at_least(kind.minimum or 0, kind.maximum))
    if k is Kind.DURATION:
        return to_duration, maybe(is_duration)
    if k is Kind.FLAG:
        return None, maybe(instance_of(bool))
    if k is Kind.TAGS:
        return to_tuple, _strings
    if k is Kind.TIMEZONE:
        return None, _timezone
    return freeze_extensions, _check_extensions


def _same(check: Validator) -> Validator:
    return check


def kinded_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Attrs field transformer: give each field the converter and validator of its kind.

    A field is optional when its default is None. A validator the declaration adds runs after
    the kind's own (the fast path then runs the field's validator too); a converter it gives
    replaces the kind's (the fast path then defers such a field to the checked path).

    Raises:
        TypeError: a field has no kind (every model field declares one).
    """
    done = []
    for field in fields:
        kind = field.metadata.get(META)
        if not isinstance(kind, FieldKind):
            raise TypeError(f"{cls.__name__}.{field.name} declares no field kind")
        kind = attrs.evolve(kind, optional=field.default is None)
        converter, validator = implied(kind)
        kind = attrs.evolve(kind, validator=validator, converter=converter)
        extra = field.validator
        done.append(
            field.evolve(
                converter=field.converter if field.converter is not None else converter,
                validator=validator if extra is None else _all(validator, extra),
                metadata={**field.metadata, META: kind},
            )
        )
    return done


def kind_of(field: attrs.Attribute[Any]) -> FieldKind:
    """The kind a model field declares."""
    kind: FieldKind = field.metadata[META]
    return kind


def fields_of(cls: type, *kinds: Kind) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of model class ``cls`` of the given kinds, in declaration order."""
    key = (cls, kinds)
    found = _BY_KIND.get(key)
    if found is None:
        found = _BY_KIND[key] = tuple(f for f in attrs.fields(cls) if kind_of(f).kind in kinds)
    return found


_BY_KIND: dict[tuple[type, tuple[Kind, ...]], tuple[attrs.Attribute[Any], ...]] = {}


@functools.cache  # classes are declared once: every validation asks the same question
def record_classes(root: type) -> tuple[type, ...]:
    """Every model class reachable from ``root`` through `Kind.RECORD` fields, ``root`` first."""
    found: list[type] = []
    stack = [root]
    while stack:
        cls = stack.pop(0)
        if cls in found:
            continue
        found.append(cls)
        stack.extend(kind_of(f).record for f in attrs.fields(cls) if kind_of(f).record)  # type: ignore[misc]
    return tuple(found)


def walk_records(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every record in ``value`` with its JSON Pointer, depth first, in document order."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        yield where, item
        nested: list[tuple[str, Any]] = []
        for field in fields_of(type(item), Kind.RECORD):
            inner = getattr(item, field.name)
            if kind_of(field).many:
                nested.extend((f"{where}/{field.name}/{i}", r) for i, r in enumerate(inner))
            elif inner is not None:
                nested.append((f"{where}/{field.name}", inner))
        stack.extend(reversed(nested))
