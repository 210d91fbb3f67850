"""A processed Doc to plain records: the hand-over from spaCy to the rest of quotegraph.

>>> import spacy
>>> from quotegraph.extract.records import Article
>>> from quotegraph.extract import pipeline  # registers qg_attribution
>>> nlp = spacy.blank("de"); _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("qg_attribution")
>>> art = Article(id="a1", text="„Wir bleiben hier und kämpfen“, sagte Anton Weber.")
>>> result = doc_to_result(nlp(art.text), art)
>>> att = result.attributions[0]
>>> art.text[att.quote.start:att.quote.end] == att.quote.text, att.cue.lemma
(True, 'sagen')
"""

from __future__ import annotations

from spacy.tokens import Doc

from dataclasses import replace

from .metadata import find_metadata
from .records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote

__all__ = ["doc_to_result", "attribution_id", "with_metadata"]


def attribution_id(article_id: str, start: int, end: int) -> str:
    """The id of the attribution whose quote spans [start, end) of an article.

    >>> attribution_id("a1", 10, 42)
    'a1:10-42'
    """
    return f"{article_id}:{start}-{end}"


def _mention(text: str, row: list | None) -> Mention | None:
    if not row:
        return None
    start, end, entity, etype = row
    return Mention(text[start:end], start, end, entity, etype)


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    """The records of one article from its Doc (which must have run ``qg_attribution``).

    Raises
    ------
    ValueError
        If the Doc's text is not the article's text (offsets would not match).
    """
    if doc.text != article.text:
        raise ValueError(f"article {article.id}: the Doc's text differs from the article text")
    rows = doc._.qg_attributions or []
    text = article.text
    ids = [attribution_id(article.id, r["start"], r["end"]) for r in rows]
    atts = []
    for row, aid in zip(rows, ids):
        cue = row["cue"]
        atts.append(Attribution(
            id=aid,
            article=article.id,
            quote=Quote(text[row["start"]:row["end"]], row["start"], row["end"], row["kind"]),
            speaker=_mention(text, row["speaker"]),
            cue=Cue(text[cue[0]:cue[1]], cue[0], cue[1], cue[2]) if cue else None,
            mediator=_mention(text, row["mediator"]),
            parent=ids[row["parent"]] if row["parent"] is not None else None,
        ))
    entities = tuple(Entity(e["name"], e["type"], tuple(e["aliases"])) for e in (doc._.qg_entities or []))
    return ArticleResult(with_metadata(article), tuple(atts), entities)


def with_metadata(article: Article) -> Article:
    r"""The article with headline, authors and agencies filled in from its text where missing.

    >>> a = with_metadata(Article(id="a", text="Kurz und knapp\n\nVon: Erika Muster\n\nText. (dpa)"))
    >>> a.title, a.authors, a.agencies
    ('Kurz und knapp', ('Erika Muster',), ('dpa',))
    """
    meta = find_metadata(article.text)
    return replace(
        article,
        title=article.title or meta.title,
        authors=article.authors or meta.authors,
        agencies=article.agencies or meta.agencies,
    )
