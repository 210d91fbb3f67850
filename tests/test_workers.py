"""Worker processes give the same records, in the same order, as one process (tail chunks included)."""

from __future__ import annotations

import pytest

from quotegraph.extract.records import Article
from quotegraph.extractor import Extractor
from quotegraph.workers import extract_in_processes

SENTENCES = [
    "„Wir bleiben hier“, sagte Eva Kern.",
    "Der Minister sagte, die Lage sei ernst.",
    "Laut der Polizei wurde niemand verletzt.",
    "Das Wetter war gut.",
    "„Das ist falsch“, erklärte der Sprecher der Stadt.",
]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i:02d}", text=SENTENCES[i % len(SENTENCES)] + f" Es war der {i + 1}. Tag.", language="de")
            for i in range(n)]


@pytest.mark.parametrize("n", [1, 9])
def test_workers_keep_input_order_and_records(n):
    articles = _articles(n)
    extractor = Extractor(lang="de")
    alone = list(extractor.run(articles))
    skipped = []
    # chunks of 2 for 9 articles: the last ones are cut smaller (with_small_tail)
    together = list(extract_in_processes(articles, extractor, workers=2, chunk_size=2, on_skip=skipped.append))
    assert [r.article.id for r in together] == [a.id for a in articles]
    assert together == alone
    assert skipped == []
    assert sum(len(r.attributions) for r in together) >= 1


def test_a_failing_article_is_skipped_in_place():
    articles = _articles(5)
    articles[3] = Article(id="bad", text="Text ohne Pipeline.", language="xx")
    skipped = []
    out = list(extract_in_processes(articles, Extractor(lang="auto"), workers=2, chunk_size=2, on_skip=skipped.append))
    assert [r.article.id for r in out] == ["a00", "a01", "a02", "a04"]
    assert [s.source for s in skipped] == ["bad"]
