"""Plain records passed from extraction to the graph: the only contract between the two stages.

Every record is a frozen dataclass with character offsets into the article text as given,
so ``article.text[start:end] == record.text`` always holds. Records convert to and from
plain dicts (the ``quotes.jsonl`` format) with :func:`attribution_to_dict` and
:func:`attribution_from_dict`.

Examples
--------
>>> art = Article(id="a1", text="Er sagte: „Wir bleiben.“", language="de")
>>> q = Quote(text="Wir bleiben.", start=11, end=23, kind="direct")
>>> art.text[q.start:q.end] == q.text
True
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any, Literal, TypeVar

__all__ = [
    "QUOTE_KINDS",
    "ENTITY_TYPES",
    "Article",
    "Entity",
    "Mention",
    "Cue",
    "Quote",
    "Attribution",
    "ArticleResult",
    "article_id_for",
    "local_attribution_id",
    "replaced",
    "attribution_to_dict",
    "attribution_from_dict",
    "article_to_dict",
    "article_meta",
    "article_from_dict",
    "result_to_dict",
    "result_from_dict",
]

QuoteKind = Literal["direct", "indirect", "mixed", "free_indirect", "reported"]
EntityType = Literal["person", "organization", "media", "location", "other"]

#: The kinds of reported speech, in the words of the quotes.jsonl contract.
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "free_indirect", "reported")
#: Entity types a speaker or mediator can have.
ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "media", "location", "other")


def article_id_for(text: str) -> str:
    """A stable id for an article that came without one: the first 16 hex digits of its SHA-1.

    >>> article_id_for("Hallo Welt")
    '28cbbc72d6a52617'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """A news article: its text exactly as given, and what is known about it."""

    id: str
    text: str
    language: str = "de"
    title: str | None = None
    url: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    site: str | None = None  # the site or outlet that published it ("Hafenkurier"), if known
    source: str | None = None  # file (and line) it came from, for messages


@dataclass(frozen=True)
class Entity:
    """A person or organisation that speaks, relays or is mentioned, merged within an article."""

    name: str  # canonical name, e.g. the longest full form seen ("Alexander Lukaschenko")
    type: str = "person"
    aliases: tuple[str, ...] = ()
    # False when no name of it is a name, only a description ("die Polizei", "the campaign"): one
    # within its article, which the graph never joins with another article's
    named: bool = True


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity; may be a pronoun ("Er") or a description."""

    text: str
    start: int
    end: int
    entity: str | None = None  # canonical Entity.name it resolves to, if known
    type: str | None = None
    named: bool = True  # False when the entity is known only by a description (see Entity.named)


@dataclass(frozen=True)
class Cue:
    """The word(s) that mark speech: a reporting verb, "laut", "zufolge", "according to"."""

    text: str
    start: int
    end: int
    lemma: str = ""


@dataclass(frozen=True)
class Quote:
    """The content of what was said, as it stands in the text. ``gaps`` are the character
    spans inside it that are not its words: the source or frame that interrupts it ("Die
    Boote sind [laut X] zudem recht klein"); ``text`` runs over them."""

    text: str
    start: int
    end: int
    kind: str = "direct"
    gaps: tuple[tuple[int, int], ...] = ()

    def spans(self) -> tuple[tuple[int, int], ...]:
        """The quote's own words as character spans: [start, end) without its gaps.

        >>> Quote("A laut X B", 0, 10, "indirect", gaps=((2, 8),)).spans()
        ((0, 2), (8, 10))
        """
        out, at = [], self.start
        for lo, hi in sorted(self.gaps):
            if lo > at:
                out.append((at, lo))
            at = max(at, hi)
        if at < self.end:
            out.append((at, self.end))
        return tuple(out)


@dataclass(frozen=True)
class Attribution:
    """Who said a quote (speaker), with which cue, to whom (addressee), relayed by whom (mediator),
    naming whom (mentions).

    The one record of an attribution from the extractor's decision to the graph: the spaCy
    component puts these on ``doc._.qg_attributions`` (their ids not yet prefixed with the
    article's, see :func:`local_attribution_id`), the quote filter judges them, and
    :func:`quotegraph.extract.convert.doc_to_result` gives them their article. The speaker
    linker, coreference and the filter take and give these records; only the patterns work
    on a mutable candidate of their own (:class:`~quotegraph.extract.patterns.found.Found`).
    ``possessor``, ``pattern``, ``inherited`` and ``score`` say how the extractor decided; they
    are no part of the attribution's identity (equality) nor of ``quotes.jsonl``.
    """

    id: str
    article: str
    quote: Quote
    speaker: Mention | None = None
    cue: Cue | None = None
    mediator: Mention | None = None
    parent: str | None = None  # id of the attribution this quote is nested in
    # who it was said to: "sagte X der Zeitung", "told reporters", "im Gespräch mit Y"
    addressee: Mention | None = None
    # the relays inside the outermost one (``mediator``), from the speaker's side outward: a
    # spokeswoman's agency before the paper that cites it; ``mediators`` is the whole chain
    relays: tuple[Mention, ...] = ()
    # the people, organisations and places named inside the quote, each resolved to its entity
    # ("Berger" inside the quote: the "Tom Berger" named before), in the order they stand
    mentions: tuple[Mention, ...] = ()
    # the possessive naming the source ("seinen Angaben nach"): coreference resolves it to the speaker
    possessor: Mention | None = field(default=None, compare=False)
    pattern: str = field(default="", compare=False)  # which rule found it (a feature of the quote filter)
    inherited: bool = field(default=False, compare=False)  # the speaker was taken from the quote before
    score: float | None = field(default=None, compare=False)  # the quote filter's probability, when it ran

    def __post_init__(self):
        if self.mediator is None and self.relays:  # no outermost relay, no chain inside it
            object.__setattr__(self, "relays", ())

    @property
    def confidence(self) -> float | None:
        """How likely the learned parts judge this attribution right, 0 to 1: the quote filter's
        probability (None when the filter did not run). It was chosen over the filter's and the
        speaker linker's probabilities combined, which ranked attributions worse on the train
        splits."""
        return self.score

    @property
    def mediators(self) -> tuple[Mention, ...]:
        """Every relay, from the speaker's side outward; the last is ``mediator``."""
        return (*self.relays, self.mediator) if self.mediator is not None else ()


def local_attribution_id(start: int, end: int) -> str:
    """The id of an attribution within its Doc ("START-END"); prefixed with the article id
    ("ARTICLE:START-END") once the article is known.

    >>> local_attribution_id(10, 42)
    '10-42'
    """
    return f"{start}-{end}"


R = TypeVar("R")


def replaced(record: R, **changes: Any) -> R:
    """``dataclasses.replace(record, **changes)`` for the records of this module, made by copying
    the record's fields: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, and ``replace`` reads the fields first, several times the cost of the
    copy (the stages of ``qg_attribution`` replace every attribution more than once).
    ``__post_init__`` runs as it runs after ``replace``.

    >>> from dataclasses import replace
    >>> q = Quote("Wir bleiben.", 11, 23)
    >>> replaced(q, kind="indirect") == replace(q, kind="indirect"), replaced(q, start=12).start, q.start
    (True, 12, 11)
    >>> replaced(Attribution("11-23", "", q, mediator=Mention("X", 0, 1), relays=(Mention("Y", 3, 4),)), mediator=None).relays
    ()
    >>> replaced(q, speaker=None)
    Traceback (most recent call last):
    TypeError: Quote has no field speaker
    """
    cls = type(record)
    if not changes.keys() <= _field_names(cls):
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(changes.keys() - _field_names(cls)))}")
    new = object.__new__(cls)
    values = new.__dict__
    values.update(record.__dict__)
    values.update(changes)
    if hasattr(cls, "__post_init__"):
        new.__post_init__()
    return new


@lru_cache(maxsize=None)
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.init)


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = field(default=())

    def entity(self, name: str | None) -> Entity | None:
        """The entity with this canonical name, or None."""
        for ent in self.entities:
            if ent.name == name:
                return ent
        return None


def _span_dict(span: Any, with_entity: bool = False) -> dict | None:
    if span is None:
        return None
    out = {"text": span.text, "start": span.start, "end": span.end}
    if with_entity:
        out["entity"] = span.entity
        out["type"] = span.type
        if not span.named and span.entity is not None:  # written only when false: older lines stay valid
            out["named"] = False
    return out


def attribution_to_dict(att: Attribution) -> dict:
    """One line of quotes.jsonl.

    >>> q = Quote("Wir bleiben.", 11, 23, "direct")
    >>> d = attribution_to_dict(Attribution(id="a1:11-23", article="a1", quote=q))
    >>> d["kind"], d["text"], d["speaker"]
    ('direct', 'Wir bleiben.', None)
    """
    return {
        "id": att.id,
        "article": att.article,
        "kind": att.quote.kind,
        "text": att.quote.text,
        "start": att.quote.start,
        "end": att.quote.end,
        "cue": _span_dict(att.cue) | {"lemma": att.cue.lemma} if att.cue else None,
        "speaker": _span_dict(att.speaker, with_entity=True),
        "mediator": _span_dict(att.mediator, with_entity=True),
        "addressee": _span_dict(att.addressee, with_entity=True),
        "mediators": [_span_dict(m, with_entity=True) for m in att.mediators],
        "mentions": [_span_dict(m, with_entity=True) for m in att.mentions],
        "parent": att.parent,
        "confidence": att.confidence,
    } | ({"gaps": [list(g) for g in att.quote.gaps]} if att.quote.gaps else {})


def attribution_from_dict(data: dict) -> Attribution:
    """The inverse of :func:`attribution_to_dict`.

    >>> q = Quote("Wir bleiben.", 11, 23, "direct")
    >>> a = Attribution(id="a1:11-23", article="a1", quote=q, cue=Cue("sagte", 3, 8, "sagen"),
    ...                 speaker=Mention("die Polizei", 25, 36, "Polizei", "other", named=False),
    ...                 mentions=(Mention("Kiel", 15, 19, "Kiel", "location"),))
    >>> attribution_from_dict(attribution_to_dict(a)) == a
    True
    """

    def mention(d: dict | None) -> Mention | None:
        if d is None:
            return None
        return Mention(d["text"], d["start"], d["end"], d.get("entity"), d.get("type"), d.get("named", True))

    cue = data.get("cue")
    return Attribution(
        id=data["id"],
        article=data["article"],
        quote=Quote(data["text"], data["start"], data["end"], data["kind"], tuple(map(tuple, data.get("gaps") or ()))),
        speaker=mention(data.get("speaker")),
        cue=Cue(cue["text"], cue["start"], cue["end"], cue.get("lemma", "")) if cue else None,
        mediator=mention(data.get("mediator")),
        parent=data.get("parent"),
        addressee=mention(data.get("addressee")),
        relays=tuple(mention(m) for m in (data.get("mediators") or [])[:-1]),
        mentions=tuple(mention(m) for m in data.get("mentions") or ()),
        score=data.get("confidence"),
    )


def article_to_dict(article: Article) -> dict:
    """An article as a plain dict (the JSONL input format, plus metadata)."""
    d = asdict(article)
    d["authors"] = list(article.authors)
    d["agencies"] = list(article.agencies)
    return d


def article_meta(article: Article) -> dict:
    """What is known about an article besides its text and id: each of its quotes.jsonl lines
    carries it as ``article_meta`` (the fields of the JSONL input format, null or [] if unknown).

    >>> article_meta(Article(id="a1", text="…", url="https://kiel.example/a", site="Kieler Blatt"))
    {'title': None, 'url': 'https://kiel.example/a', 'date': None, 'language': 'de', 'site': 'Kieler Blatt', 'authors': [], 'agencies': []}
    """
    return {"title": article.title, "url": article.url, "date": article.date, "language": article.language,
            "site": article.site, "authors": list(article.authors), "agencies": list(article.agencies)}


def article_from_dict(data: dict) -> Article:
    """The inverse of :func:`article_to_dict` (unknown keys are ignored).

    >>> art = Article(id="a1", text="Hallo.", authors=("Eva Kern",))
    >>> article_from_dict(article_to_dict(art)) == art
    True
    """
    known = {f.name for f in fields(Article)}
    values = {k: v for k, v in data.items() if k in known}
    for name in ("authors", "agencies"):
        values[name] = tuple(values.get(name) or ())
    return Article(**values)


def result_to_dict(result: ArticleResult) -> dict:
    """A whole article result as a plain, JSON-ready dict (what run journals and Spark parts hold).

    >>> art = Article(id="a1", text="Er sagte: „Wir bleiben.“")
    >>> att = Attribution(id="a1:11-23", article="a1", quote=Quote("Wir bleiben.", 11, 23))
    >>> res = ArticleResult(art, (att,), (Entity("Eva Kern", "person", ("Kern",)), Entity("Polizei", "other", named=False)))
    >>> result_from_dict(result_to_dict(res)) == res
    True
    """
    return {
        "article": article_to_dict(result.article),
        "attributions": [attribution_to_dict(att) for att in result.attributions],
        "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} | ({} if e.named else {"named": False})
                     for e in result.entities],
    }


def result_from_dict(data: dict) -> ArticleResult:
    """The inverse of :func:`result_to_dict`."""
    return ArticleResult(
        article=article_from_dict(data["article"]),
        attributions=tuple(attribution_from_dict(d) for d in data.get("attributions", ())),
        entities=tuple(Entity(e["name"], e.get("type", "person"), tuple(e.get("aliases", ())), e.get("named", True))
                       for e in data.get("entities", ())),
    )
