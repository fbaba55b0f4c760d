"""The document format's JSON Schema (draft 2020-12), generated from the model classes.

Each attrs class becomes a ``$defs`` entry whose properties are its attributes, typed from their
annotations and refined by their declared kinds (ids and references carry the id pattern,
counts their minimum, open codelists their known values as examples). The few types with their
own document form (`Text`, `Period`, dates, RRULEs) have hand-written entries here, next to the
converter hooks that read them. The same schema ships as
``coordagree/data/coordagree-<version>.schema.json``: ``make schema`` writes it, and a test fails
when it is stale.
"""

from __future__ import annotations

import enum
import inspect
import re
import typing
from typing import Any

import attrs
import pendulum

from coordagree._agreement import Agreement
from coordagree._documents import FORMAT_VERSION, VERSION_KEY
from coordagree._duration import Duration
from coordagree._extensions import EXTENSION_PREFIX
from coordagree._fields import Kind, kind_of
from coordagree._partial_date import PartialDate
from coordagree._period import Period
from coordagree._recurrence import Recurrence
from coordagree._text import Text
from coordagree._validators import ID_PATTERN

__all__ = ["json_schema"]

_ID_PATTERN = f"^{ID_PATTERN}$"  # JSON Schema regexes: $ is the end of the string
_DAY = r"^\d{4}-\d{2}-\d{2}$"
_REDUCED = r"^(\d{4}(-\d{2}(-\d{2})?)?|FY\d{4})$"

_SPECIAL: dict[Any, tuple[str, dict[str, Any]]] = {
    Text: (
        "Text",
        {
            "description": "Human text: a string, or a language map whose first key is the "
            "primary language.",
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"type": "string"},
                    "additionalProperties": {"type": "string"},
                },
            ],
        },
    ),
    Period: (
        "Period",
        {
            "description": "An inclusive period. A single date (YYYY, YYYY-MM, YYYY-MM-DD or "
            "FY1995) is that whole year, month, day or fiscal year; an object gives a start "
            "(absent: not known), an end (absent: open-ended), at least one of them, and the "
            "source's wording.",
            "oneOf": [
                {"$ref": "#/$defs/ReducedDate"},
                {
                    "type": "object",
                    "properties": {
                        "start": {"$ref": "#/$defs/ReducedDate"},
                        "end": {"$ref": "#/$defs/ReducedDate"},
                        "as_written": {"type": "string"},
                    },
                    "anyOf": [{"required": ["start"]}, {"required": ["end"]}],
                    "additionalProperties": False,
                },
            ],
        },
    ),
    pendulum.Date: (
        "Date",
        {"description": "An ISO 8601 day.", "type": "string", "pattern": _DAY},
    ),
    pendulum.DateTime: (
        "DateTime",
        {
            "description": "An ISO 8601 datetime with its UTC offset.",
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$",
        },
    ),
    PartialDate: (
        "PartialDate",
        {
            "description": "A date at the precision its source gives (EDTF level 1): YYYY, "
            "YYYY-MM, YYYY-MM-DD, or a time YYYY-MM-DDTHH:MM[:SS] with or without its UTC "
            "offset, or a fiscal year FY1995 (its months from the agreement's "
            "fiscal_year_start); a final ~ marks it approximate, ? uncertain, % both (an "
            "unquoted year is accepted).",
            "oneOf": [
                {
                    "type": "string",
                    "pattern": r"^(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?"
                    r"(Z|[+-]\d{2}:\d{2})?)?)?)?|FY\d{4})[?~%]?$",
                },
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        },
    ),
    Duration: (
        "Duration",
        {
            "description": "An ISO 8601 duration in calendar units: P5Y, P6M, P2W, P30D, P1Y6M.",
            "type": "string",
            "pattern": r"^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
        },
    ),
    Recurrence: (
        "Recurrence",
        {
            "description": "An RFC 5545 RRULE, such as FREQ=YEARLY;BYMONTH=12.",
            "type": "string",
            "pattern": r"^(RRULE:)?([A-Za-z]+=[^;]*;)*[A-Za-z]+=[^;]*$",
        },
    ),
}

_REDUCED_DATE = {
    "description": "A date at year, month, day or fiscal-year precision: YYYY, YYYY-MM, "
    "YYYY-MM-DD or FY1995 (an unquoted year is accepted).",
    "oneOf": [
        {"type": "string", "pattern": _REDUCED},
        {"type": "integer", "minimum": 1, "maximum": 9999},
    ],
}


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style class docstring, by attribute name."""
    docs: dict[str, str] = {}
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    try:
        start = lines.index("Attributes:") + 1
    except ValueError:
        return docs
    name = None
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break  # the next section
        entry = re.match(r"^ {4}(\w+)(?: \([^)]*\))?: (.*)$", line)
        if entry:
            name = entry.group(1)
            docs[name] = entry.group(2).strip()
        elif name and line.strip():
            docs[name] += " " + line.strip()
    return docs


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {"ReducedDate": _REDUCED_DATE}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp in _SPECIAL:
            name, schema = _SPECIAL[tp]
            self.defs.setdefault(name, schema)
            return self.ref(name)
        if origin in (typing.Union, __import__("types").UnionType):
            members = [a for a in args if a is not type(None)]
            inner = (
                self.of(members[0])
                if len(members) == 1
                else {"anyOf": [self.of(m) for m in members]}
            )
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(
                tp.__name__,
                {
                    "description": (tp.__doc__ or "").strip().splitlines()[0],
                    "enum": [m.value for m in tp],
                },
            )
            return self.ref(tp.__name__)
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if isinstance(tp, type) and attrs.has(tp):
            self.record(tp)
            return self.ref(tp.__name__)
        raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - a new type needs a rule

    def field(self, field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
        """A field's schema: its type's, refined by what its kind says."""
        kind = kind_of(field)
        one: dict[str, Any] | None = None
        if kind.kind in (Kind.ID, Kind.REF):
            one = {"type": "string", "pattern": _ID_PATTERN}
        elif kind.kind is Kind.AMOUNT:
            one = {
                "description": "A decimal amount, written as a string ('7000000', '12.50').",
                "type": "string",
                "pattern": r"^-?\d+(\.\d+)?$",
            }
        elif kind.kind is Kind.NUMBERING:
            one = {"type": ["string", "integer"]}
        elif kind.kind is Kind.CURRENCY:
            one = {"type": "string", "pattern": "^[A-Z]{3}$"}
        elif kind.kind is Kind.DATA:
            return {}  # plain data, checked against the field it claims about by validation
        elif kind.kind is Kind.DOCUMENT:
            one = {"type": "string", "pattern": _ID_PATTERN}
        elif kind.kind is Kind.COUNT:
            one = {"type": "integer", "minimum": kind.minimum or 0}
            if kind.maximum is not None:
                one["maximum"] = kind.maximum
        elif kind.kind is Kind.CODE and not kind.closed and kind.codes is not None:
            one = {"type": "string", "examples": [member.value for member in kind.codes]}
        if one is None:
            return self.of(hint)
        if kind.many:
            return {"type": "array", "items": one}
        return {"anyOf": [one, {"type": "null"}]} if kind.optional else one

    def record(self, cls: type) -> dict[str, Any]:
        if cls.__name__ in self.defs:
            return self.defs[cls.__name__]  # type: ignore[no-any-return]
        schema: dict[str, Any] = {"type": "object"}
        self.defs[cls.__name__] = schema
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        described = _attribute_docs(cls)
        for field in attrs.fields(cls):
            if field.name == "extensions":
                schema["patternProperties"] = {f"^{EXTENSION_PREFIX}": {}}
                continue
            prop = self.field(field, hints[field.name])
            if field.name in described:
                prop = {"description": described[field.name], **prop}
            properties[field.name] = prop
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().splitlines()
        if doc:
            schema["description"] = doc[0]
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of coordagree documents, generated from the classes.

    What the loader refuses structurally, the schema refuses too, except the few checks JSON
    Schema cannot express (an end before a start, an RRULE that dateutil cannot read, a date
    that does not exist such as 2023-02-30).

    Examples:
        >>> import coordagree
        >>> coordagree.json_schema()["properties"]["coordagree"]["const"]
        '1.1'
    """
    builder = _Builder()
    agreement = builder.record(Agreement)
    root: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://coordagree.readthedocs.io/schema/coordagree-{FORMAT_VERSION}.schema.json",
        "title": f"coordagree document, format {FORMAT_VERSION}",
        "description": "An inter-agency agreement: coordination programme, regulation, MOU.",
        "type": "object",
        "properties": {
            VERSION_KEY: {
                "description": "The format version; the first key of every document.",
                "const": FORMAT_VERSION,
            },
            **agreement["properties"],
        },
        "required": [VERSION_KEY, *agreement["required"]],
        "patternProperties": agreement["patternProperties"],
        "additionalProperties": False,
        "$defs": dict(sorted((k, v) for k, v in builder.defs.items() if k != "Agreement")),
    }
    return root
