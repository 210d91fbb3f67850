"""Writing files: every file quotegraph writes goes through :func:`write_atomically`, or
:func:`written_together` for files that must change together (a run's graph and quotes.jsonl).

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

__all__ = ["write_atomically", "written_together", "StagedFiles"]


@contextmanager
def write_atomically(path: str | os.PathLike, mode: str = "wb", **open_args) -> Iterator[IO]:
    """Open a temporary file beside ``path``; once the block ends without error, move it over ``path``.

    A crash, a full disk or an exception in the block never leaves a truncated file behind: the
    old file, if any, stays as it was, and the temporary file is removed. The new file is
    flushed to disk before it replaces the old one, and gets the permissions of any new file
    (``0o666`` under the umask; ``mkstemp`` alone would make it private). For several files
    that must change together, see :func:`written_together`.

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
    with written_together() as files, files.open(path, mode, **open_args) as out:
        yield out


class StagedFiles:
    """Files written to temporaries beside their targets, moved into place only by :meth:`commit`.

    Use it through :func:`written_together`, which commits when every file is written and
    removes the temporaries otherwise.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path]] = []

    @contextmanager
    def open(self, path: str | os.PathLike, mode: str = "wb", **open_args) -> Iterator[IO]:
        """Write ``path``'s new content into a temporary file, flushed to disk when the block ends.

        The target is untouched until :meth:`commit`. If the block fails (a full disk, an
        exception), the temporary file is removed and the error raised.
        """
        path = Path(path)
        folder = path.parent if str(path.parent) else Path(".")
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:  # a missing or unwritable folder: name the file asked for, not the temporary
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        try:
            with os.fdopen(fd, mode, **open_args) as out:
                yield out
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o666 & ~_umask())
        except BaseException:
            _unlink(tmp)
            raise
        self._staged.append((tmp, path))

    def commit(self) -> None:
        """Move every written file over its target (renames in one folder take no space)."""
        staged, self._staged = self._staged, []
        try:
            while staged:
                tmp, path = staged[0]
                try:
                    os.replace(tmp, path)
                except OSError as exc:  # e.g. the target is a folder: name it, not the temporary
                    raise OSError(exc.errno, exc.strerror, str(path)) from None
                staged.pop(0)
        finally:
            for tmp, _ in staged:
                _unlink(tmp)

    def discard(self) -> None:
        """Remove every temporary file: no target changes."""
        staged, self._staged = self._staged, []
        for tmp, _ in staged:
            _unlink(tmp)


@contextmanager
def written_together() -> Iterator[StagedFiles]:
    """Write several files so that they change together: all of them, or none.

    Each file opened with ``files.open(path)`` in the block goes to a temporary file; only
    when the block ends without error are they all moved into place. If any write fails (a
    full disk, an exception), every target keeps its old content and no temporary is left.

    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with written_together() as files:
    ...     with files.open(folder / "graph.ttl") as out:
    ...         _ = out.write(b"old graph")
    ...     with files.open(folder / "quotes.jsonl") as out:
    ...         _ = out.write(b"old quotes")
    >>> with written_together() as files:
    ...     with files.open(folder / "quotes.jsonl") as out:
    ...         _ = out.write(b"new quotes")
    ...     with files.open(folder / "graph.ttl") as out:
    ...         raise OSError(28, "No space left on device")
    Traceback (most recent call last):
    ...
    OSError: [Errno 28] No space left on device
    >>> sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    [('graph.ttl', b'old graph'), ('quotes.jsonl', b'old quotes')]
    """
    files = StagedFiles()
    try:
        yield files
    except BaseException:
        files.discard()
        raise
    files.commit()


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
