"""TOML text: read by the standard library's tomllib, written by tomli-w (an extra).

tomllib builds everything it reads, and a long dotted key (``a.b.c…``) costs it quadratic
time, so the text is measured first: a key of more parts than `Limits.max_depth` and a text
writing far more values than `Limits.max_nodes` are refused before tomllib sees them.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from coordagree._formats._limits import Limits
from coordagree._formats._parsed import Parsed, refusal
from coordagree._pointer import pointer
from coordagree.errors import DocumentError, MissingExtraError

__all__ = ["nulls", "parse_toml", "render_toml"]

_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")
# Possessive, and starting where a part can: a long run of digits costs no backtracking.
_PART = r"""(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
# Strings and comments, whose dots, commas and brackets are text, not structure.
_TEXT = re.compile(r'''"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*''')
_LONG_NUMBER = re.compile(r"[0-9_]{4301,}")


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _measure(text: str, limits: Limits) -> None:
    """Refuse, before parsing, a key nested past the depth limit or a text of far too many values.

    Every value is written with at least one of ``=``, ``,``, ``[`` and ``{`` (an inline table's
    values with at most three), so a text with more than three of them per value allowed holds
    too many; the exact count is made on the parsed data.
    """
    # Each string (a key part or a value) stands as "", keeping its line breaks.
    bare = _TEXT.sub(lambda m: '""' + "\n" * m.group().count("\n"), text)
    long_key = re.search(rf"{_PART}(?:[ \t]*\.[ \t]*{_PART}){{{limits.max_depth},}}", bare)
    if long_key is not None:
        line, column = _where(bare, long_key.start())
        message = f"a dotted key of more than {limits.max_depth} parts nests deeper than the limit"
        raise DocumentError([refusal("too-deep", "", message, line=line, column=column)])
    most = 3 * limits.max_nodes + 1
    if len(text) > most and sum(bare.count(mark) for mark in "=,[{") > most:
        message = f"the document has more than {limits.max_nodes} values"
        raise DocumentError([refusal("too-large", "", message)])


def parse_toml(text: str, limits: Limits | None = None) -> Parsed:
    if limits is not None:
        _measure(text, limits)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        code = "duplicate-key" if "overwrite" in message or "redefine" in message else "syntax"
        raise DocumentError(
            [
                refusal(
                    code,
                    "",
                    f"not valid TOML: {_TOML_WHERE.sub('', message).strip()}",
                    line=line,
                    column=column,
                )
            ]
        ) from None
    except ValueError:  # not a TOMLDecodeError: an integer of more digits than int() reads
        found = _LONG_NUMBER.search(text)
        line, column = _where(text, found.start()) if found else (None, None)
        raise DocumentError(
            [
                refusal(
                    "bad-number",
                    "",
                    "a number has more digits than can be read (at most 4300)",
                    line=line,
                    column=column,
                    hint="quote it to keep it as text",
                )
            ]
        ) from None
    except RecursionError:
        raise DocumentError([refusal("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, {})


def render_toml(data: Any) -> str:
    """Plain data as TOML.

    Raises:
        DocumentError: the data holds a null (``None``), which TOML cannot write: one finding
            (``toml-null``) at the JSON Pointer of each.
    """
    found = nulls(data)
    if found:
        raise DocumentError(
            [
                refusal(
                    "toml-null",
                    where,
                    "TOML cannot write null (it has no such value)",
                    hint="leave the key out, or save as JSON or YAML",
                )
                for where in found
            ]
        )
    try:
        import tomli_w
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError(
            "writing TOML needs tomli-w: pip install 'coordagree[toml]'"
        ) from None
    return str(tomli_w.dumps(data))


def nulls(data: Any, path: str = "") -> list[str]:
    """The JSON Pointer of every None in plain data at ``path``."""
    found = []
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, item = stack.pop()
        if item is None:
            found.append(where)
        elif isinstance(item, dict):
            stack.extend((pointer(where, key), value) for key, value in item.items())
        elif isinstance(item, list):
            stack.extend((f"{where}/{i}", value) for i, value in enumerate(item))
    return sorted(found)
