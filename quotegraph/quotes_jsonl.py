"""quotes.jsonl: one JSON object per attribution, written atomically and without duplicate ids."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from quotegraph.extract.records import ArticleResult, Attribution, attribution_to_dict
from quotegraph.graph.files import write_atomically

__all__ = ["write_jsonl", "write_attributions"]


def write_jsonl(results: Iterable[ArticleResult], path: str | Path, *, append: bool = True) -> int:
    """Write one JSON object per attribution (the quotes.jsonl contract), atomically.

    With ``append``, lines already in the file are kept and an attribution whose ``id`` is
    already there is not written again. Returns the number of new lines.
    """
    return write_attributions((att for result in results for att in result.attributions), path, append=append)


def write_attributions(attributions: Iterable[Attribution], path: str | Path, *, append: bool = True) -> int:
    """:func:`write_jsonl` for attributions: streamed, so only the ids are held in memory.

    >>> import tempfile, pathlib
    >>> from quotegraph.extract.records import Quote
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "quotes.jsonl"
    >>> att = Attribution(id="a1:0-5", article="a1", quote=Quote("„Ja.“", 0, 5))
    >>> write_attributions([att], p), write_attributions([att], p), len(p.read_text().splitlines())
    (1, 0, 1)
    """
    path = Path(path)
    seen: set[str] = set()
    keep_old = append and path.exists()
    if keep_old:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    seen.add(json.loads(line)["id"])
                except (json.JSONDecodeError, KeyError, TypeError):
                    pass
    new = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with write_atomically(path, "w", encoding="utf-8") as out:
        if keep_old:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        out.write(line if line.endswith("\n") else line + "\n")
        for att in attributions:
            if att.id in seen:
                continue
            seen.add(att.id)
            out.write(json.dumps(attribution_to_dict(att), ensure_ascii=False) + "\n")
            new += 1
    return new
