"""quotes.jsonl: one JSON object per attribution, written atomically and without duplicate ids.

Added to, it keeps the lines of other articles and replaces those of the articles written
again, as the graph replaces their named graphs: an article extracted anew never keeps stale
quotes (with offsets into its old text).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from pathlib import Path

from quotegraph.extract.records import ArticleResult, Attribution, article_meta, attribution_to_dict
from quotegraph.errors import OutputError
from quotegraph.graph.files import StagedFiles, write_atomically

__all__ = ["write_jsonl", "write_attributions"]


def write_jsonl(results: Iterable[ArticleResult], path: str | Path, *, append: bool = True) -> int:
    """Write one JSON object per attribution (the quotes.jsonl contract), atomically.

    With ``append``, the lines of other articles already in the file are kept, and those of
    the articles in ``results`` are replaced by their new ones. Returns the number of lines
    written for ``results``.
    """
    results = list(results)
    return write_attributions(((att, article_meta(result.article)) for result in results for att in result.attributions),
                              path, append=append, replacing={result.article.id for result in results})


def write_attributions(attributions: Iterable[Attribution | tuple[Attribution | dict, dict | None]], path: str | Path, *, append: bool = True,
                       replacing: Collection[str] = (), files: StagedFiles | None = None) -> int:
    """:func:`write_jsonl` for attributions: streamed, so only the ids are held in memory.

    Each item is an attribution, or an attribution and its article's metadata
    (:func:`~quotegraph.extract.records.article_meta`), written as the line's ``article_meta``;
    in a pair the attribution may be its quotes.jsonl object already
    (:func:`~quotegraph.extract.records.attribution_to_dict`, as a run's journal holds it).

    With ``append``, the old lines of the articles in ``replacing`` are dropped (those articles
    are written again); other old lines are kept, and an attribution whose ``id`` is already
    there is not written again. With ``files`` the new file is staged there, to be moved into
    place together with others (:func:`~quotegraph.graph.files.written_together`).

    Raises :class:`~quotegraph.errors.OutputError` (naming the file) if it cannot be written.

    >>> import tempfile, pathlib
    >>> from quotegraph.extract.records import Quote
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "quotes.jsonl"
    >>> att = Attribution(id="a1:0-5", article="a1", quote=Quote("„Ja.“", 0, 5))
    >>> write_attributions([att], p), write_attributions([att], p), len(p.read_text().splitlines())
    (1, 0, 1)
    """
    path = Path(path)
    replacing = set(replacing)
    keep_old = append and path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with (files.open if files is not None else write_atomically)(path, "w", encoding="utf-8") as out:
            new = _write_lines(out, attributions, path if keep_old else None, replacing)
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc), str(path)) from None
    return new


def _write_lines(out, attributions: Iterable[Attribution | tuple[Attribution | dict, dict | None]], old: Path | None, replacing: set[str]) -> int:
    """Write the kept lines of the ``old`` file, then the new attributions; return how many are new."""
    seen: set[str] = set()
    new = 0
    if old is not None:
        with old.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                article, att_id = _article_and_id(line)
                if article in replacing:
                    continue
                if att_id is not None:
                    seen.add(att_id)
                out.write(line if line.endswith("\n") else line + "\n")
    for item in attributions:
        att, meta = item if isinstance(item, tuple) else (item, None)
        line = att if type(att) is dict else attribution_to_dict(att)
        if line["id"] in seen:
            continue
        seen.add(line["id"])
        if meta is not None:
            line = line | {"article_meta": meta}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        new += 1
    return new


def _article_and_id(line: str) -> tuple[str | None, str | None]:
    """The article and attribution id of a quotes.jsonl line (None for what it lacks)."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    article, att_id = data.get("article"), data.get("id")
    return (article if isinstance(article, str) else None), (att_id if isinstance(att_id, str) else None)
