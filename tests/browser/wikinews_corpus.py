"""The Wikinews dev split as a corpus for the network page's tests and benchmark: extracted once, repeated with distinct ids.

The 150 German articles are read from the shared data folder (``$QUOTEGRAPH_DATA`` or
``../shared/data``, never copied into the repository) and run through the real extractor;
:func:`repeated` copies the results under new article ids (``dev-id~2`` …), so 16 copies make a
corpus of 2,400 articles whose graph has the dev split's people, 16 times as many quotes, without
extracting 16 times.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from quotegraph.extract.records import ArticleResult

ROOT = Path(__file__).resolve().parents[2]


def dev_path() -> Path:
    """Where the Wikinews dev split is (it may be missing: callers skip)."""
    return Path(os.environ.get("QUOTEGRAPH_DATA") or ROOT.parent / "shared" / "data") / "wikinews-de" / "dev.jsonl.gz"


def dev_results() -> list[ArticleResult]:
    """The extraction results of the 150 dev articles (about 15 s with the German pipeline), dated."""
    from quotegraph import api
    from quotegraph.extract.evaluation.wikinews import as_article, read_wikinews

    results = api.extract([as_article(g) for g in read_wikinews(dev_path())], lang="de")
    return [dated(r) for r in results]


def dated(result: ArticleResult) -> ArticleResult:
    """The result with its article's date, which Wikinews writes in the document name ("… (2005-08-20)"),
    for the page's timeline."""
    found = re.search(r"\((\d{4}-\d{2}-\d{2})\)", result.article.id)
    return dataclasses.replace(result, article=dataclasses.replace(result.article, date=found.group(1))) if found else result


def renumbered(result: ArticleResult, article_id: str) -> ArticleResult:
    """The same result under another article id: the article, its attributions' ids and parents."""
    old = result.article.id

    def moved(att_id: str | None) -> str | None:
        return f"{article_id}{att_id[len(old):]}" if att_id and att_id.startswith(f"{old}:") else att_id

    atts = tuple(dataclasses.replace(a, id=moved(a.id), article=article_id, parent=moved(a.parent))
                 for a in result.attributions)
    return dataclasses.replace(result, article=dataclasses.replace(result.article, id=article_id), attributions=atts)


def repeated(results: list[ArticleResult], times: int) -> list[ArticleResult]:
    """``results`` and ``times - 1`` copies of them under distinct article ids.

    >>> from quotegraph.extract.records import Article, Attribution, Quote
    >>> r = ArticleResult(Article(id="a", text="x"), (Attribution(id="a:0-1", article="a", quote=Quote("x", 0, 1)),))
    >>> [(x.article.id, x.attributions[0].id) for x in repeated([r], 2)]
    [('a', 'a:0-1'), ('a~2', 'a~2:0-1')]
    """
    return [r if k == 1 else renumbered(r, f"{r.article.id}~{k}") for k in range(1, times + 1) for r in results]
