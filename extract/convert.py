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

from .doc_offsets import doc_text
from .metadata import find_metadata
from .records import Article, ArticleResult, local_attribution_id, replaced

__all__ = ["doc_to_result", "attribution_id", "in_article", "with_metadata"]


def attribution_id(article_id: str, start: int, end: int) -> str:
    """The id of the attribution whose quote spans [start, end) of an article.

    >>> attribution_id("a1", 10, 42)
    'a1:10-42'
    """
    return in_article(article_id, local_attribution_id(start, end))


def in_article(article_id: str, local_id: str) -> str:
    """An id local to a Doc ("START-END") as the article's ("ARTICLE:START-END").

    >>> in_article("a1", "10-42") == attribution_id("a1", 10, 42)
    True
    """
    return f"{article_id}:{local_id}"


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    """The records of one article from its Doc (which must have run ``qg_attribution``): the
    Doc's attributions with the article's id in theirs.

    Raises
    ------
    ValueError
        If the Doc's text is not the article's text (offsets would not match).
    """
    if doc_text(doc) != article.text:  # (doc.text joins a Token per word; doc_text reads the arrays)
        raise ValueError(f"article {article.id}: the Doc's text differs from the article text")
    atts = tuple(replaced(att, id=in_article(article.id, att.id), article=article.id,
                         parent=in_article(article.id, att.parent) if att.parent is not None else None)
                 for att in doc._.qg_attributions or ())
    return ArticleResult(with_metadata(article), atts, tuple(doc._.qg_entities or ()))


def with_metadata(article: Article) -> Article:
    r"""The article with headline, authors and agencies filled in from its text where missing.

    >>> a = with_metadata(Article(id="a", text="Kurz und knapp\n\nVon: Erika Muster\n\nText. (dpa)"))
    >>> a.title, a.authors, a.agencies
    ('Kurz und knapp', ('Erika Muster',), ('dpa',))
    """
    meta = find_metadata(article.text)
    return replaced(
        article,
        title=article.title or meta.title,
        authors=article.authors or meta.authors,
        agencies=article.agencies or meta.agencies,
    )
