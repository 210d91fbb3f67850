"""Reading gold data files: one JSON object per line, plain or gzipped."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from ..errors import InputError

__all__ = ["json_lines"]


def json_lines(path: str | Path, *, limit: int | None = None) -> Iterator[tuple[str, object]]:
    """``(source, object)`` for each non-empty line; ``source`` is ``"path:line"`` for messages.

    Raises
    ------
    InputError
        On a line that is not JSON (nested too deeply counts as not JSON).
    FileNotFoundError
        When the file does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
    >>> _ = p.write_text('{"id": 1}\\n\\n{"id": 2}\\n')
    >>> [obj["id"] for _, obj in json_lines(p)]
    [1, 2]
    """
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open

    def parsed() -> Iterator[tuple[str, object]]:
        with opener(path, "rt", encoding="utf-8") as f:
            for lineno, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                source = f"{path}:{lineno}"
                try:
                    yield source, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON ({exc.msg})", source) from None
                except RecursionError:
                    raise InputError("not JSON (nested too deeply)", source) from None

    return islice(parsed(), limit)
