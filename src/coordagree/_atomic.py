"""Atomic file writes: a temporary file in the same folder, flushed, then moved into place."""

from __future__ import annotations

import contextlib
import os
import tempfile

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix.

    A failure at any point (a full disk, a kill) leaves the old file intact and removes the
    temporary file where the process survives to do so.
    """
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, os.stat(name).st_mode & 0o777)
        os.replace(temporary, name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
