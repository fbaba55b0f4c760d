"""Settings for ``coordagree validate`` from a project's files, as ruff and yamllint read theirs.

The nearest ``coordagree.toml`` (its top-level keys) or ``pyproject.toml`` with a
``[tool.coordagree]`` table, from the current folder up, gives ``select``, ``ignore`` and
``exclude`` (lists of strings) and ``strict`` (a boolean); the command line adds to the lists
and can turn ``strict`` on.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import attrs

__all__ = ["ConfigError", "Settings", "find_settings"]


class ConfigError(ValueError):
    """A settings file is unreadable or holds a key or value it should not."""


@attrs.frozen
class Settings:
    """What a project's settings say.

    Attributes:
        select: Codes to report (all when empty).
        ignore: Codes never to report.
        exclude: Glob patterns of files and folders a folder walk passes over.
        strict: Warnings fail too.
        source: The file they came from, if any.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    strict: bool = False
    source: Path | None = None


_LISTS = ("select", "ignore", "exclude")


def _read(path: Path, table: dict[str, Any]) -> Settings:
    unknown = sorted(set(table) - {*_LISTS, "strict"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting {unknown[0]!r} (expected {', '.join(_LISTS)} or strict)"
        )
    values: dict[str, Any] = {}
    for key in _LISTS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{path}: {key} must be a list of strings, got {value!r}")
        values[key] = tuple(value)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{path}: strict must be true or false, got {strict!r}")
    return Settings(**values, strict=strict, source=path)


def find_settings(start: Path | None = None) -> Settings:
    """The settings of the nearest project file from ``start`` (the current folder) up."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        for name in ("coordagree.toml", "pyproject.toml"):
            path = here / name
            if not path.is_file():
                continue
            try:
                data = tomllib.loads(path.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read it ({exc})") from None
            if name == "coordagree.toml":
                return _read(path, data)
            table = data.get("tool", {}).get("coordagree")
            if isinstance(table, dict):
                return _read(path, table)
    return Settings()
