"""Writing files: every file quotegraph writes goes through :func:`write_atomically`.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> with write_atomically(path, "w", encoding="utf-8") as out:
...     _ = out.write("Hallo")
>>> path.read_text(encoding="utf-8")
'Hallo'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["write_atomically"]


@contextmanager
def write_atomically(path: str | os.PathLike, mode: str = "wb", **open_args) -> Iterator[IO]:
    """Open a temporary file beside ``path``; once the block ends without error, move it over ``path``.

    A crash, a full disk or an exception in the block never leaves a truncated file behind: the
    old file, if any, stays as it was, and the temporary file is removed. The new file is
    flushed to disk before it replaces the old one, and gets the permissions of any new file
    (``0o666`` under the umask; ``mkstemp`` alone would make it private).

    Parameters
    ----------
    path : str or path
        The file to write. Its folder must exist (the temporary file goes there, so the final
        ``os.replace`` never crosses file systems).
    mode : str
        ``"wb"`` (the default) or ``"w"``.
    **open_args
        Passed on to :func:`open`, e.g. ``encoding="utf-8", newline="\\n"`` for text.

    Yields
    ------
    file object
        The temporary file, open for writing.

    Raises
    ------
    OSError
        If the temporary file cannot be made, written or moved into place.

    Examples
    --------
    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with write_atomically(folder / "a.bin") as out:
    ...     _ = out.write(b"old")
    >>> with write_atomically(folder / "a.bin") as out:
    ...     _ = out.write(b"new, but")
    ...     raise ValueError("stopped half way")
    Traceback (most recent call last):
    ...
    ValueError: stopped half way
    >>> (folder / "a.bin").read_bytes(), os.listdir(folder)
    (b'old', ['a.bin'])
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **open_args) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _umask() -> int:
    # the only way to read the umask is to set it, so set it straight back
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
