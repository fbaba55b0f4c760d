"""Atomic file writes: a temporary file in the same folder, flushed, then moved into place.

Readers, and a process killed at any moment, see the complete old file or the complete new one.
On Linux the data is written to an unnamed file (``O_TMPFILE``), which vanishes with a killed
process; it gets a name only for the instant before ``os.replace``. Elsewhere the temporary file
is named from the start. Either way a name left behind by a killed writer
(``.NAME.PID.RANDOM.coordagree.tmp``) is removed by the next write to the same file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import tempfile

from coordagree.errors import InvalidArgumentError

__all__ = ["write_atomic"]

_SUFFIX = ".coordagree.tmp"


def _temporary_name(folder: str, base: str) -> str:
    return os.path.join(folder, f".{base}.{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours to signal
        return True
    return True


def _sweep(folder: str, base: str) -> None:
    """Remove temporary files that writers of ``base`` died holding."""
    pattern = re.compile(rf"^\.{re.escape(base)}\.(\d+)\.[0-9a-z_]+{re.escape(_SUFFIX)}$")
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = pattern.match(entry.name)
            if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _mode(name: str) -> int:
    try:
        return os.stat(name).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.fsync(handle)


def _unnamed(folder: str, mode: int) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, mode)
    except OSError as error:  # the file system cannot: fall back to a named file
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _name_unnamed(handle: int, name: str) -> None:
    """Give the unnamed file ``handle`` the name ``name``.

    ``os.link`` calls ``linkat`` with ``AT_SYMLINK_FOLLOW`` (which follows the ``/proc``
    link to the open file) only when given a directory descriptor, hence ``src_dir_fd``.
    """
    descriptors = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(handle), name, src_dir_fd=descriptors, follow_symlinks=True)
    finally:
        os.close(descriptors)


def _writable_target(name: str) -> str | None:
    """The file a write to ``name`` replaces (a symlink's target); None to write in place."""
    target = os.path.realpath(name)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(status.st_mode):
        raise InvalidArgumentError(f"{name!r} is a folder, not a file", argument="path")
    if not stat.S_ISREG(status.st_mode):
        return None  # a FIFO, a device or a socket: written through, never replaced
    if status.st_nlink > 1:
        raise InvalidArgumentError(
            f"{name!r} has {status.st_nlink - 1} other hard link(s): replacing it would leave "
            "them holding the old document; save to another name, or remove the other links",
            argument="path",
        )
    return target


def _write_in_place(name: str, data: bytes) -> None:
    handle = os.open(name, os.O_WRONLY)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix.

    A failure at any point (a full disk, a kill) leaves the old file intact; the temporary file
    is removed where the process survives to do so, and by the next write otherwise.

    A symlink is followed: its target is replaced atomically and the link stays a link. A FIFO
    or a device (``/dev/null``, ``/dev/stdout``) is written in place, as any program writes to
    one; nothing is replaced. A file with other hard links is refused, since replacing it
    would leave the other names holding the old document.

    Raises:
        InvalidArgumentError: ``path`` is a folder, or a file with other hard links.
    """
    name = _writable_target(os.fspath(path))
    if name is None:
        return _write_in_place(os.fspath(path), data)
    folder = os.path.dirname(os.path.abspath(name))
    base = os.path.basename(name)
    _sweep(folder, base)
    mode = _mode(name)
    temporary: str | None = None
    handle = _unnamed(folder, mode)
    try:
        if handle is not None:
            _write_all(handle, data)
            temporary = _temporary_name(folder, base)
            _name_unnamed(handle, temporary)
        else:
            handle, temporary = tempfile.mkstemp(
                dir=folder, prefix=f".{base}.{os.getpid()}.", suffix=_SUFFIX
            )
            _write_all(handle, data)
            os.chmod(temporary, mode)
        os.replace(temporary, name)
        temporary = None
        _sync_folder(folder)
    finally:
        if handle is not None:
            os.close(handle)
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _sync_folder(folder: str) -> None:
    """Make the rename durable: flush the folder's entry table (where the platform can)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
