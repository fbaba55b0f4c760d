"""Which files ``coordagree validate`` checks: the documents among the paths it is given.

A file named on the command line is checked. A folder is walked for ``.json``, ``.yaml``,
``.yml`` and ``.toml`` files that are coordagree documents (their first key is
``coordagree``), passing over hidden folders, virtual environments, ``site-packages``,
``node_modules``, ``__pycache__``, what git ignores (asked of git itself in a work tree; else
the folder's ``.gitignore``, plain patterns only) and what ``--exclude`` names: ``validate .``
in a project checks its documents, not its ``pyproject.toml`` or ``mkdocs.yml``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["SUFFIXES", "discover", "is_document"]

SUFFIXES = frozenset({".json", ".yaml", ".yml", ".toml"})
"""The file extensions of documents."""

_SKIPPED = frozenset({"site-packages", "node_modules", "__pycache__"})
_FIRST_KEY = re.compile(
    rb'\A(?:\xef\xbb\xbf)?(?:\s*(?:#[^\n]*)?\n)*\s*(?:\{\s*)?["\']?coordagree["\']?\s*[:=]'
)


def is_document(path: Path) -> bool:
    """Whether ``path`` begins with a ``coordagree`` key (comments and a BOM allowed before)."""
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return True  # let the check report why it cannot be read
    return _FIRST_KEY.match(head) is not None


_LISTED = ("--cached", "--others", "--exclude-standard", "--", ".")


def _git_listed(root: Path) -> frozenset[str] | None:
    """The files git would show under ``root``, relative to it; None outside a work tree.

    ``git ls-files --cached --others --exclude-standard`` applies every ignore rule as git
    does (nested ``.gitignore`` files, ``!`` negations, ``.git/info/exclude``, the global
    excludes file), and keeps a tracked file even where a pattern matches it, as git does.
    """
    import subprocess

    try:
        listed = subprocess.run(
            [*("git", "-C", str(root), "ls-files", "-z"), *_LISTED],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):  # no git here
        return None
    if listed.returncode != 0:  # not a work tree
        return None
    return frozenset(os.fsdecode(name) for name in listed.stdout.split(b"\0") if name)


def _ignored_by(folder: Path) -> list[str]:
    """The folder's ``.gitignore`` patterns, outside a git work tree (negations not followed)."""
    try:
        lines = (folder / ".gitignore").read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [
        line.strip().rstrip("/")
        for line in lines
        if line.strip() and not line.startswith(("#", "!"))
    ]


def _matches(relative: str, name: str, patterns: Iterable[str]) -> bool:
    return any(
        fnmatch.fnmatch(relative, pattern.lstrip("/")) or fnmatch.fnmatch(name, pattern)
        for pattern in patterns
    )


def _folders_of(files: Iterable[str]) -> set[str]:
    """Every folder (relative, ``a`` and ``a/b`` for ``a/b/c.yaml``) that holds one of ``files``."""
    folders: set[str] = set()
    for name in files:
        parts = name.split("/")[:-1]
        folders.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    return folders


def _walk(root: Path, exclude: list[str]) -> Iterator[Path]:
    tracked = _git_listed(root)
    patterns = [*exclude, *(_ignored_by(root) if tracked is None else ())]
    # In a work tree, a folder git shows no file in (an ignored build/, site/) is not entered.
    shown = None if tracked is None else _folders_of(tracked)
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in _SKIPPED
            and not (here / name / "pyvenv.cfg").exists()  # a virtual environment
            and not _matches((here / name).relative_to(root).as_posix(), name, patterns)
            and (shown is None or (here / name).relative_to(root).as_posix() in shown)
        )
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() not in SUFFIXES or name.startswith("."):
                continue
            relative = path.relative_to(root).as_posix()
            if _matches(relative, name, patterns):
                continue
            if tracked is not None and relative not in tracked:  # git ignores it
                continue
            if is_document(path):
                yield path


def discover(
    paths: Iterable[str], exclude: Iterable[str] = (), *, only_documents: bool = False
) -> Iterator[Path]:
    """The files to check, in the order given (a folder's in sorted order).

    ``-`` is standard input. With ``only_documents``, a named file that is not a coordagree
    document is passed over too (as a pre-commit hook, which names every YAML file, needs).

    Raises:
        FileNotFoundError: a path does not exist.
    """
    patterns = list(exclude)
    for raw in paths:
        if raw == "-":
            yield Path("-")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, patterns)
        elif path.exists():
            if _matches(path.as_posix(), path.name, patterns):
                continue
            if not only_documents or is_document(path):
                yield path
        else:
            raise FileNotFoundError(raw)
