"""The one place that turns text into plain data and back: JSON, YAML and TOML, safely.

Parsing never constructs objects (YAML tags other than the core schema are refused), refuses
duplicate keys (JSON and YAML parsers otherwise keep the last silently), and holds every
document to `Limits`. YAML keeps line and column for every JSON Pointer.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from coordagree._formats._json import parse_json, render_json
from coordagree._formats._limits import Limits, check_limits, decode
from coordagree._formats._parsed import Parsed, refusal
from coordagree._formats._toml import parse_toml, render_toml
from coordagree._formats._yaml import parse_yaml, render_yaml
from coordagree.errors import DocumentError, InvalidArgumentError

__all__ = [
    "Format",
    "Limits",
    "Parsed",
    "detect_format",
    "format_for_path",
    "parse",
    "render",
    "render_json",
]

Format = Literal["json", "yaml", "yml", "toml"]
"""A document format; ``yml`` is YAML, as the file extension is."""

_NAMES: dict[str, Format] = {"json": "json", "yaml": "yaml", "yml": "yaml", "toml": "toml"}

_EXTENSIONS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


def format_for_path(path: str) -> Format:
    """The format a file's extension names.

    Raises:
        DocumentError: the extension is not .json, .yaml, .yml or .toml.
    """
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        raise DocumentError(
            [
                refusal(
                    "unknown-format",
                    "",
                    f"cannot tell the format of {path!r}: use .json, .yaml, .yml or .toml",
                )
            ],
            source=path,
        ) from None


_TOML_START = re.compile(r"^\s*(#.*\n\s*)*([A-Za-z0-9_\"'-]+\s*=|\[)")


def detect_format(text: str) -> Format:
    """Guess a document's format from its text: JSON, TOML, else YAML."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return "json"
    if _TOML_START.match(stripped):
        return "toml"
    return "yaml"


def parse(
    data: str | bytes, fmt: Format | None, limits: Limits, read: Any = None
) -> tuple[Parsed, Format]:
    """Text or bytes to plain data, refusing what is unsafe or over the limits.

    ``read``: what orjson already read from JSON ``data``, to be checked rather than read again.

    Raises:
        DocumentError: the text is not UTF-8, not valid in its format, or over a limit.
    """
    text = decode(data, limits)
    fmt = _NAMES.get(fmt, fmt) if fmt else detect_format(text)
    if fmt == "yaml":
        return parse_yaml(text, limits), fmt  # held to the limits as it is read
    if fmt == "json":
        parsed = parse_json(text, limits, read)
    elif fmt == "toml":
        parsed = parse_toml(text, limits)
    else:
        raise DocumentError([refusal("unknown-format", "", f"unknown format {fmt!r}")])
    if not parsed.within:
        check_limits(parsed, limits)
    return parsed, fmt


def render(data: Any, fmt: Format) -> str:
    """Plain data to text in ``fmt``; key order is kept and text is written as UTF-8.

    Raises:
        InvalidArgumentError: ``fmt`` is not json, yaml (or yml) or toml.
    """
    fmt = _NAMES.get(fmt, fmt)
    if fmt == "json":
        return render_json(data).decode("utf-8")
    if fmt == "yaml":
        return render_yaml(data)
    if fmt == "toml":
        return render_toml(data)
    raise InvalidArgumentError(
        f"unknown format {fmt!r}: expected json, yaml (or yml) or toml", argument="format"
    )
