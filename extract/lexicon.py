"""Attribution cue lexicons: reporting verbs, source prepositions, titles — data, not logic.

The word lists live in ``lexicons/<lang>/cues.json`` beside this module; a user can pass
their own file with the same keys to extend or replace them.

>>> lex = load_lexicon("de")
>>> "sagen" in lex.verbs and ("laut",) in lex.before_source
True
>>> try:
...     load_lexicon("xx")
... except UnsupportedLanguageError as exc:
...     print(exc)
no cue lexicon for language 'xx' (supported: de, en)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import UnsupportedLanguageError

__all__ = ["CueLexicon", "load_lexicon", "SUPPORTED_LANGUAGES"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en")


@dataclass(frozen=True)
class CueLexicon:
    """Word lists that drive the attribution rules for one language (all lower-cased but titles)."""

    lang: str
    verbs: frozenset[str]
    weak_verbs: frozenset[str]  # cue only with a clause or quote beside them ("glauben", "think")
    before_source: tuple[tuple[str, ...], ...]  # "laut", ("according", "to")
    after_source: frozenset[str]  # "zufolge"
    source_nouns: frozenset[str]  # "Angaben" in "nach Angaben von X"
    nach_particles: frozenset[str]
    so_particles: frozenset[str]
    wie_particles: frozenset[str]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    possessives: frozenset[str]
    titles: frozenset[str]
    media_words: frozenset[str]
    clause_nouns: frozenset[str] = frozenset()  # "die Ansicht, dass …", "the claim that …"
    title_nouns: frozenset[str] = frozenset()  # "mit dem Titel „…“": a name, not speech
    # adverbs that point back at a source named before: "Demnach ist …" (= according to it)
    source_adverbs: frozenset[str] = frozenset()
    # cues whose first object can be the addressee ("told reporters"); None: every cue
    addressee_verbs: frozenset[str] | None = None
    # whether a sentence that reports a speech act without a clause is itself the content
    # (German annotation practice) or the verb's object is (English, PARC/PolNeAR practice)
    speech_act_sentences: bool = True
    # whether a quoted fragment inside reported speech, or a quote inside a quote, is a nested
    # quote of its own (German Wikinews practice) or only part of the outer content (PARC/PolNeAR)
    nested_fragments: bool = True
    # whether a quote that goes on after its frame ("“A,” he said. “B.”") is one content with
    # its continuation (PARC/PolNeAR practice) or two quotes
    join_continued_quotes: bool = False
    # words opening the complement that makes a weak verb a speech act ("bezeichnete X als Y",
    # "sprach von …", "hält X für Y")
    act_complements: frozenset[str] = frozenset()
    # relative adverbs of report: "Berichte, wonach …" (the noun before is the source)
    relative_sources: frozenset[str] = frozenset()
    # demonstratives that open a sentence pointing back at the one before as what was
    # reported: "Israel startete die Offensive. Das meldet die Zeitung X."
    report_pointers: frozenset[str] = frozenset()
    # whether ' and '' open quotes at the top level (English papers print ''We stay,'' …); in
    # German news they set off names and titles (wiki italics), speech takes „…“, »…« or "…"
    apostrophe_quotes: bool = True
    # verbs whose object is the speaker and whose subject relays ("zitiert X mit den Worten")
    quoting_verbs: frozenset[str] = frozenset()
    # verbs that are cues only in the frame right beside a direct quote ("“…,” he continued",
    # "“…,” the statement read", "She continued, “…”"); elsewhere they report nothing ("prices
    # continued to rise")
    frame_verbs: frozenset[str] = frozenset()
    # subjects that name no one ("man", "es", "it"): a speaker candidate of the last resort
    impersonal: frozenset[str] = frozenset()
    # first-person words: speech in the speaker's own words ("ich", "wir", "I", "we")
    first_person: frozenset[str] = frozenset()
    # whether a line "Name: rest of the line" is a report of Name (English headlines and
    # transcripts), whether the turns of a dialogue printed that way are direct quotes
    # (:mod:`quotegraph.extract.transcripts`), and the labels that open such a line without
    # naming a source ("Update:")
    colon_headlines: bool = False
    transcript_turns: bool = False
    headline_labels: frozenset[str] = frozenset()
    # whether, for a learned filter (``broad`` candidates), any verb with a subject and a clause or
    # object after it is proposed as a cue (PolNeAR marks beliefs, intentions and stances too)
    broad_verb_reports: bool = False


def _lower(items) -> frozenset[str]:
    return frozenset(x.lower() for x in items)


@lru_cache(maxsize=8)
def _load(lang: str, path: str | None) -> CueLexicon:
    if path is None:
        if lang not in SUPPORTED_LANGUAGES:
            supported = ", ".join(SUPPORTED_LANGUAGES)
            raise UnsupportedLanguageError(f"no cue lexicon for language {lang!r} (supported: {supported})")
        text = resources.files("quotegraph.extract").joinpath(f"lexicons/{lang}/cues.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    data = json.loads(text)
    return CueLexicon(
        lang=lang,
        verbs=_lower(data["verbs"]),
        weak_verbs=_lower(data.get("weak_verbs", ())),
        before_source=tuple(tuple(p.lower().split()) for p in data.get("before_source", ())),
        after_source=_lower(data.get("after_source", ())),
        source_nouns=_lower(data.get("source_nouns", ())),
        nach_particles=_lower(data.get("nach_particles", ())),
        so_particles=_lower(data.get("so_particles", ())),
        wie_particles=_lower(data.get("wie_particles", ())),
        complementizers=_lower(data.get("complementizers", ())),
        pronouns=_lower(data.get("pronouns", ())),
        possessives=_lower(data.get("possessives", ())),
        titles=frozenset(data.get("titles", ())),
        media_words=_lower(data.get("media_words", ())),
        clause_nouns=_lower(data.get("clause_nouns", ())),
        title_nouns=_lower(data.get("title_nouns", ())),
        source_adverbs=_lower(data.get("source_adverbs", ())),
        addressee_verbs=_lower(data["addressee_verbs"]) if "addressee_verbs" in data else None,
        speech_act_sentences=bool(data.get("speech_act_sentences", True)),
        nested_fragments=bool(data.get("nested_fragments", True)),
        join_continued_quotes=bool(data.get("join_continued_quotes", False)),
        act_complements=_lower(data.get("act_complements", ())),
        quoting_verbs=_lower(data.get("quoting_verbs", ())),
        frame_verbs=_lower(data.get("frame_verbs", ())),
        relative_sources=_lower(data.get("relative_sources", ())),
        report_pointers=_lower(data.get("report_pointers", ())),
        apostrophe_quotes=bool(data.get("apostrophe_quotes", True)),
        impersonal=_lower(data.get("impersonal", ())),
        first_person=_lower(data.get("first_person", ())),
        colon_headlines=bool(data.get("colon_headlines", False)),
        transcript_turns=bool(data.get("transcript_turns", False)),
        headline_labels=_lower(data.get("headline_labels", ())),
        broad_verb_reports=bool(data.get("broad_verb_reports", False)),
    )


def load_lexicon(lang: str, path: str | Path | None = None) -> CueLexicon:
    """The cue lexicon for a language, from the shipped data or from ``path``.

    Parameters
    ----------
    lang : str
        "de" or "en" (or any code, when ``path`` is given).
    path : str or Path, optional
        A JSON file with the same keys as ``lexicons/de/cues.json``.

    Raises
    ------
    UnsupportedLanguageError
        For a language with no shipped lexicon and no ``path``.
    """
    return _load(lang, str(path) if path is not None else None)
