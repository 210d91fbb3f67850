"""Reporting verbs: which tokens are cues ("sagte", "teilte … mit", "said") and their lemmas.

:func:`cue_lemma` judges one token (its part of speech, lemma, particle and dependents against
the lexicon's verbs); :func:`cue_tokens` finds them in a stretch of a Doc, from the Doc's arrays
while it is read (:mod:`~quotegraph.extract.doc_tables`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_LOWER, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.parts_of_speech import AUX, NOUN, VERB
from spacy.tokens import Doc, Token
from spacy.util import load_language_data, registry

from .doc_tables import among, between, doc_array, flags, forms, id_list, kept, table_of, word_ids
from .lexicon import CueLexicon

__all__ = ["cue_lemma", "cue_tokens", "lemma_table", "lemmas_of"]

_VERBAL_DEPS = frozenset({"nsubj", "dobj", "ccomp", "xcomp", "aux"})
_PARTICLE_DEPS = frozenset({"compound:prt", "svp", "prt"})
_AUX_DEPS = frozenset({"aux", "aux:pass", "auxpass"})
_ROOT_DEPS = frozenset({"ROOT", "root"})
# German attributive and predicative adjectives, and a finite verb's tag on a word whose part of
# speech says adjective (the tagger and the morphologizer disagree: "Das sagte[VVFIN, ADJ] …"):
# read as a verb in a verb's place
_MISREAD_VERB_TAGS = frozenset({"ADJA", "ADJD", "VVFIN"})
_OPENING_ADVERB_TAGS = frozenset({"ADV", "PAV"})  # "So", "Dabei", "Nun"
# a prepositional phrase opening a verb-second clause ("Als Grund", "In seiner Mitteilung"), at
# most so many words, and the words that may open the subject after its finite verb
_PHRASE_OPENER_TAGS = frozenset({"APPR", "APPRART", "KOKOM"})
_OPENING_PHRASE_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "PPOSAT", "PIAT", "PDAT", "CARD", "$("})
_MAX_OPENING_PHRASE = 6
_SUBJECT_START_TAGS = frozenset({"ART", "NE", "PPER"})
# plain ints: numpy compares an array with an enum member of spaCy's parts of speech slowly
# (it asks the enum class for array hooks it does not have)
_VERB, _AUX, _NOUN = int(VERB), int(AUX), int(NOUN)


@lru_cache(maxsize=4)
def lemma_table(lang: str) -> dict[str, str]:
    """spaCy's lemma lookup table (form → lemma) from spacy-lookups-data, or {} if it is not
    installed.

    A statistical lemmatizer trained on little data misses irregular verb forms ("sprachen",
    "nannte"); the lookup table backs it up for the cue lexicon. It is read as the plain dict
    the package ships: a ``spacy.lookups.Table`` would hash each of its 350k keys on loading
    (seconds per process) and give the same answers.
    """
    try:
        if lang not in registry.lookups:
            return {}
        tables = registry.lookups.get(lang)
        return load_language_data(tables["lemma_lookup"]) if "lemma_lookup" in tables else {}
    except (ValueError, KeyError, ImportError, OSError):
        return {}


def lemmas_of(token: Token, lex: CueLexicon) -> list[str]:
    """The lemmas a token may have, lower case: the tagger's first, then the stems and the
    lookup table's where the lexicon asks for them (a statistical lemmatizer errs: "beruft" →
    "berufn")."""
    return _lemmas(token.lemma_, token.text, token.lower_, token.tag_, lex)


def _lemmas(lemma: str, text: str, low: str, tag: str, lex: CueLexicon) -> list[str]:
    """:func:`lemmas_of` a token with these lemma, text, lower-case form and tag."""
    out = [(lemma or text).lower()]
    if low in lex.lemma_of_form:
        out.append(lex.lemma_of_form[low])  # a form both the lemmatizer and the table miss
    if lex.regular_inflection_stems and tag in ("VBG", "VBD", "VBN", "VBZ"):
        # a statistical lemmatizer can cut an "e" ("hoping" → "hop", "retweeted" → "retweete"):
        # try the stems of the regular endings
        stem = (low[:-3] if low.endswith("ing") else low[:-2] if low.endswith("ed")
                else low[:-1] if low.endswith("es") else None)
        if stem:
            out += [c for c in (stem, stem + "e") if c not in out]
    if lex.lemma_lookup:
        found, listed = _looked_up(text, low, lex.lang)
        for lemma in found:
            if lemma not in out:
                out.append(lemma)
        if low not in out and not listed:
            # the table lists inflected forms only: a form it lacks may be the lemma itself
            # ("vermuten", which the lemmatizer reads as "vermun")
            out.append(low)
    return out


@lru_cache(maxsize=65536)
def _looked_up(text: str, lower: str, lang: str) -> tuple[tuple[str, ...], bool]:
    """The lemmas :func:`lemma_table` gives a form (lower case, in the order they are tried), and
    whether its lower-case form is listed; kept per form, as the forms recur."""
    table = lemma_table(lang)
    keys = [text, lower]
    if lower.endswith("en"):
        keys.append(lower[:-2])  # preterite plural of a strong verb: "sprachen" → "sprach"
    found = tuple(lemma.lower() for lemma in map(table.get, keys) if isinstance(lemma, str))
    return found, lower in table


def cue_lemma(token: Token, lex: CueLexicon) -> str | None:
    """The reporting-verb lemma of a token ("teilte … mit" → "mitteilen"), or None.

    A token counts when its lemma (or, with a particle, particle + lemma) is in the lexicon's
    verbs and it is tagged as a verb (any token passes when the pipeline has no tagger). While
    the Doc is read (:func:`~quotegraph.extract.doc_tables.reading`) each token is looked at once.
    """
    table = table_of(token.doc)
    if table is None:
        return _cue_lemma(token, lex)
    lemmas = table.get(("cue_lemma", id(lex)))
    if lemmas is None or token.i not in lemmas:
        lemmas = _judged(token.doc, (token.i,), table, lex)
    return lemmas[token.i]


def _judged(doc: Doc, indices, table: dict, lex: CueLexicon) -> dict[int, str | None]:
    """The cue lemmas (:func:`cue_lemma`) of the tokens at ``indices`` and of those judged
    before, by token index, kept in the Doc's ``table``: each token is judged once per lexicon,
    from candidates shared by the lexicons that differ in their verbs only."""
    judge = table.get(("cue_judge", id(lex)))
    if judge is None:
        judge = table[("cue_judge", id(lex))] = _Judge(doc, table, lex)
    lemmas, candidates, verbs, tails = judge.lemmas, judge.candidates, judge.verbs, judge.tails
    verb_like, dep, amod, particles = judge.verb_like, judge.cols.dep, judge.amod, judge.particles
    for i in indices:
        if i in lemmas:
            continue
        found = candidates.get(i)
        if found is None:
            # _lemmas_at, with what it reads looked up once (this runs at every verb of a Doc)
            base = () if i not in verb_like or dep[i] == amod else judge.lemmas_at(i)
            if tails.isdisjoint(base):
                # every candidate ends in one of the token's lemmas: none is a verb of this
                # lexicon (the candidates are left for a lexicon with more verbs to find)
                lemmas[i] = None
                continue
            if i in particles or lex.separable_particles:
                found = _with_particles(doc, judge.cols, i, lex, base)
            else:
                found = base  # no particle before or after it: the lemmas alone
            candidates[i] = found
        for c in found:
            if c in verbs:
                lemmas[i] = c if not _gated(doc[i], c, lex) else None
                break
        else:
            lemmas[i] = None
    return lemmas


def _stative(token: Token, lex: CueLexicon) -> bool:
    """Whether a participle that is also an adjective (``CueLexicon.stative_participles``) hangs
    on a copula of state (``CueLexicon.state_copulas``) with no auxiliary of an event beside it:
    "ist nicht bekannt, ob …" names what is known, no one's saying so ("wurde bekannt, dass …"
    does; "sind aufgerufen, … zu sparen" is the call's result, still a report)."""
    if token.tag_ not in _STATE_TAGS or token.lower_ not in lex.stative_participles:
        return False
    kids = [c for c in token.children if c.dep_ in _AUX_DEPS or c.dep_ == "cop"]
    return (any(c.dep_ == "cop" and c.lemma_ in lex.state_copulas for c in kids)
            and all(c.dep_ == "cop" for c in kids))


_STATE_TAGS = frozenset({"ADJD", "VVPP"})


class _Judge:
    """What :func:`_judged` reads for one Doc and lexicon, gathered once: the answers so far
    (by lexicon, and the candidates by the lexicon's kind), the verbs and their endings, the
    Doc's columns, verb-like tokens and particles."""

    def __init__(self, doc: Doc, table: dict, lex: CueLexicon):
        self.lemmas = table.setdefault(("cue_lemma", id(lex)), {})
        self.kind = _sans_verbs(lex)
        self.candidates = table.setdefault(("cue_candidates", self.kind), {})
        self.verbs, self.tails = lex.verbs, _endings(lex.verbs)
        self.cols: _Columns = kept(doc, "cue_columns", _Columns)
        self.verb_like = self.cols.verb_like(doc, lex)
        self.amod = self.cols.amod if lex.parse_rules else None
        self.particles = kept(doc, "particles_by_head", _particles_by_head)
        self.known = _KNOWN_LEMMAS.setdefault(self.kind, {})

    def lemmas_at(self, i: int) -> tuple[str, ...]:
        """:func:`_lemmas_at` of a verb-like token ``i`` that is no attributive participle."""
        cols = self.cols
        key = (cols.lemma[i], cols.orth[i], cols.lower_id[i], cols.tag[i])
        found = self.known.get(key)
        if found is None:
            if len(self.known) > _MAX_KNOWN:
                self.known.clear()
            found = self.known[key] = _lemmas_of_ids(cols.strings, self.kind, *key)
        return found


#: the lemmas of verb-like tokens by their ids, per kind of lexicon (:func:`_sans_verbs`): a
#: dict look-up, cheaper than :func:`_lemmas_of_ids`' cache, as the same verbs come back Doc after Doc
_KNOWN_LEMMAS: dict[int, dict[tuple[int, int, int, int], tuple[str, ...]]] = {}
_MAX_KNOWN = 65536  # remembered per kind before starting afresh


@lru_cache(maxsize=16)
def _endings(verbs: frozenset[str]) -> frozenset[str]:
    """Every ending of every verb ("sagen", "agen", … "n"): a candidate lemma that is none of
    them ends no verb, with or without a particle before it."""
    return frozenset(verb[k:] for verb in verbs for k in range(len(verb)))


#: id(lexicon) → (the lexicon, the number of its kind without verbs); the lexicon is held so
#: its id is not reused
_SANS_VERBS: dict[int, tuple[CueLexicon, int]] = {}
_KINDS: dict[CueLexicon, int] = {}
_KIND_LEXICONS: list[CueLexicon] = []  # each kind's lexicon without verbs, by number


def _sans_verbs(lex: CueLexicon) -> int:
    """A number shared by the lexicons that differ in their verbs only (looked up by id: hashing
    a lexicon costs more than a token's candidates)."""
    entry = _SANS_VERBS.get(id(lex))
    if entry is None or entry[0] is not lex:
        stripped = replace(lex, verbs=frozenset(), frame_verbs=frozenset())
        if stripped not in _KINDS:
            _KINDS[stripped] = len(_KIND_LEXICONS)
            _KIND_LEXICONS.append(stripped)
        entry = _SANS_VERBS[id(lex)] = (lex, _KINDS[stripped])
    return entry[1]


def cue_tokens(doc: Doc, start: int, end: int, lex: CueLexicon) -> list[int]:
    """The indices of the reporting verbs (:func:`cue_lemma`) in ``doc[start:end]``, in order.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> doc = spacy.blank("de")("Sie sagt es und er warnt sie")
    >>> cue_tokens(doc, 0, len(doc), load_lexicon("de")), cue_tokens(doc, 2, len(doc), load_lexicon("de"))
    ([1, 5], [5])
    """
    table = table_of(doc)
    if table is None:
        return [tok.i for tok in doc[start:end] if _cue_lemma(tok, lex) is not None]
    key = ("cue_tokens", id(lex))
    if key not in table:
        # the Doc's arrays rule out most tokens at once; the others are looked at one by one
        verb_like = _verb_like_list(doc, lex)
        lemmas = _judged(doc, verb_like, table, lex)
        table[key] = [i for i in verb_like if lemmas[i] is not None]
    return between(table[key], doc, start, end)


def _verb_like_list(doc: Doc, lex: CueLexicon) -> list[int]:
    """:func:`_verb_like` as a list, kept while the Doc is read."""
    return kept(doc, ("verb_like", lex.noun_cues_need_verb_dependents), lambda d: _verb_like(d, lex).tolist())


def _verb_like(doc: Doc, lex: CueLexicon) -> np.ndarray:
    """The indices of the tokens :func:`_cue_lemma` looks at beyond its first two tests (part of
    speech, tag and dependents; a noun's verb dependents), from the Doc's arrays."""
    pos, dep, lower, head = (doc_array(doc, attr) for attr in (POS, DEP, IS_LOWER, HEAD))
    strings = doc.vocab.strings
    keep = ((pos == 0) | (pos == _VERB) | (pos == _AUX) | ((pos == _NOUN) & (lower == 1))
            | _heads_of(dep, head, word_ids(_AUX_DEPS, strings)))
    # a root with a verb's tag: the few roots are looked at one by one
    tags = id_list(doc, TAG)
    for i in np.flatnonzero(among(dep, word_ids(_ROOT_DEPS, strings))).tolist():
        keep[i] = keep[i] or _is_main_tag(tags[i], strings)
    if lex.verb_second:
        # an adjective's tag in the finite verb's place after an opening adverb: few, one by one
        # (a token with a verb's part of speech is kept above, whatever its tag)
        for i in np.flatnonzero(among(doc_array(doc, TAG), word_ids(_MISREAD_VERB_TAGS, strings))).tolist():
            keep[i] = keep[i] or _in_verb_second_place(doc[i], lex.report_pointers) or _after_opening_phrase(doc[i])
        for i in np.flatnonzero(doc_array(doc, TAG) == strings["VVPP"]).tolist():
            keep[i] = keep[i] or _participle_under_auxiliary(doc[i], lex)
    if lex.noun_cues_need_verb_dependents:
        keep &= (pos != _NOUN) | _heads_of(dep, head, word_ids(_VERBAL_DEPS, strings))
    return np.flatnonzero(keep)


@lru_cache(maxsize=1024)
def _is_main_tag(tag: int, strings) -> bool:
    """Whether a tag (by id) is a German main, auxiliary or modal verb's (VV…, VA…, VM…)."""
    return strings[tag][:2] in ("VV", "VA", "VM")


def _heads_of(dep: np.ndarray, head: np.ndarray, labels: list[int]) -> np.ndarray:
    """Which tokens have a dependent with one of the ``labels``, from the DEP and HEAD arrays
    (HEAD holds each token's offset to its head, negative ones as uint64)."""
    offsets = head.astype(np.int64)
    child = among(dep, labels) & (offsets != 0)
    out = np.zeros(len(dep), dtype=bool)
    out[(np.arange(len(dep)) + offsets)[child]] = True
    return out


def _in_verb_second_place(token: Token, pointers: frozenset[str] = frozenset()) -> bool:
    """Whether a word the tagger read as an adjective stands where a verb-second clause puts
    its finite verb: right after one adverb opening the sentence, before a lower-case word or
    none ("So erklärte FDP-Finanzexperte X, …", "Dabei betonte der Minister, …"; an
    attributive adjective needs an article or a preposition before it); or right after a
    demonstrative of ``pointers`` opening the sentence ("Das berichteten Mitarbeiter der …")
    when the noun after it cannot agree with that as its article ("Das berichtete Ereignis" is
    a noun phrase) or no finite verb follows in the sentence ("Das sagte Ministerin X am
    Montag.": the tagger that read a noun phrase gives the title its article's gender too)."""
    i = token.i
    if i == 0:
        return False
    before = token.doc[i - 1]
    if before.is_sent_start is not True:
        return False
    if before.lower_ in pointers and before.text[:1].isupper():
        after = token.doc[i + 1] if i + 1 < len(token.doc) else None
        return (after is not None and after.pos_ in ("NOUN", "PROPN")
                and (not _neuter_singular(after) or not _finite_verb_after(token)))
    return not token.text[:1].isupper() and before.tag_ in _OPENING_ADVERB_TAGS


def _finite_verb_after(token: Token) -> bool:
    """Whether a finite verb (tag V?FIN) follows the token in its sentence."""
    doc, i = token.doc, token.i + 1
    while i < len(doc) and not doc[i].is_sent_start:
        if doc[i].tag_ in _FINITE_TAGS:
            return True
        i += 1
    return False


_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})


def _after_opening_phrase(token: Token) -> bool:
    """Whether a lower-case word the tagger read as an adjective follows a prepositional phrase
    opening the sentence and comes before an article, a name or a personal pronoun: the place
    of a verb-second clause's finite verb ("Als Grund nannte die Sprecherin …", "In seiner
    Mitteilung resümiert Anna Weber: …"; an attributive adjective stands before its noun)."""
    doc, i = token.doc, token.i
    if token.text[:1].isupper() or i + 1 >= len(doc) or doc[i + 1].tag_ not in _SUBJECT_START_TAGS:
        return False
    start = next((k for k in range(i - 1, max(-1, i - 1 - _MAX_OPENING_PHRASE), -1) if doc[k].is_sent_start), None)
    return (start is not None and start < i - 1 and doc[start].tag_ in _PHRASE_OPENER_TAGS
            and all(t.tag_ in _OPENING_PHRASE_TAGS for t in doc[start + 1 : i]))


def _participle_under_auxiliary(token: Token, lex: CueLexicon) -> bool:
    """Whether a main verb's participle (tagged VVPP, whatever its part of speech) hangs on an
    auxiliary of the perfect (``CueLexicon.perfect_auxiliaries``): the parser made the
    auxiliary its head ("Die Frauen hatten angegeben[ADJ], dass …")."""
    return token.tag_ == "VVPP" and token.head.i != token.i and token.head.lemma_ in lex.perfect_auxiliaries


def _neuter_singular(noun: Token) -> bool:
    """Whether a noun may be neuter singular, as "das" before it as its article needs (unknown
    gender or number counts as may)."""
    gender, number = noun.morph.get("Gender"), noun.morph.get("Number")
    return (not gender or "Neut" in gender) and (not number or "Sing" in number)


def _cue_lemma(token: Token, lex: CueLexicon) -> str | None:
    """The first of the token's :func:`_cue_candidates` that is one of the lexicon's verbs."""
    lemma = next((c for c in _cue_candidates(token, lex) if c in lex.verbs), None)
    return None if lemma is not None and _gated(token, lemma, lex) else lemma


def _gated(token: Token, lemma: str, lex: CueLexicon) -> bool:
    """Whether a token whose lemma is a cue verb reports nothing in its place: a stative
    participle (:func:`_stative`), a verb of viewing without its view (:func:`_without_view`) or
    one that needs a clause without one (``CueLexicon.clause_only_verbs``), or one that reports
    only in a frame of "as" with "it" outside it (:func:`_without_as_it`)."""
    return bool((lex.state_copulas and _stative(token, lex))
                or (lemma in lex.as_it_verbs and _without_as_it(token, lex))
                or (lemma in lex.view_verbs and _without_view(token, lex))
                or (lemma in lex.clause_only_verbs and not any(c.dep_ in _CLAUSE_DEPS for c in token.children)))


def _without_as_it(token: Token, lex: CueLexicon) -> bool:
    """Whether a verb of ``CueLexicon.as_it_verbs`` lacks its frame: "as" before it
    (``CueLexicon.as_particles``) and "it", the words it frames, as its object ("As one critic
    put it, …"); "put the bill on hold" has neither."""
    kids = list(token.children)
    return not (any(c.dep_ == "mark" and c.lower_ in lex.as_particles and c.i < token.i for c in kids)
                and any(c.dep_ in ("dobj", "obj") and c.lower_ == "it" and c.i > token.i for c in kids))


def _without_view(token: Token, lex: CueLexicon) -> bool:
    """Whether a verb of viewing (``CueLexicon.view_verbs``) lacks what makes it a view: an
    active verb with an object and a label complement after it ("see him as a threat", also hung
    on the object); "saw the movie" and the passive "is seen as" (no one's view named) do not."""
    kids = list(token.children)
    if any(c.dep_ in _PASSIVE_DEPS for c in kids):
        return True
    objects = [c for c in kids if c.dep_ in ("dobj", "obj") and c.i > token.i]
    return not objects or not any(c.lower_ in lex.label_complements and c.dep_ == "prep" and c.i > token.i
                                  for c in kids + list(objects[0].children))


_PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "aux:pass", "nsubj:pass"})
#: a verb's clause complements ("found [that wages rose]", "found the plan [too costly]")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "oprd"})


def _cue_candidates(token: Token, lex: CueLexicon) -> tuple[str, ...]:
    """The lemmas a token may report by, in the order they are tried against the lexicon's
    verbs: with a particle child, with a particle written before it, with a separated particle
    later in its sentence, then alone. They do not depend on the verbs, so a lexicon with more
    verbs (:func:`~quotegraph.extract.patterns.frames.with_frame_verbs`) reads the same ones
    (:func:`cue_lemma` keeps them per token)."""
    # the first two tests, also read from the Doc's arrays by _verb_like: keep them the same
    if (token.pos_ and token.pos_ not in ("VERB", "AUX", "") and not (token.pos_ == "NOUN" and token.text.islower())
            and not (token.tag_[:2] in ("VV", "VA", "VM") and token.dep_ in ("ROOT", "root"))
            and not any(c.dep_ in _AUX_DEPS for c in token.children)
            and not (lex.verb_second and token.tag_ in _MISREAD_VERB_TAGS
                     and (_in_verb_second_place(token, lex.report_pointers) or _after_opening_phrase(token)))
            and not (lex.verb_second and _participle_under_auxiliary(token, lex))):
        # a main verb the POS model missed ("empfahl" ADV, "wurde angegeben" ADJD) passes; a
        # particle ("bekannt gegeben") does not
        return ()
    if token.dep_ == "amod" and lex.parse_rules:
        # an attributive participle reports nothing ("the disputed sea"); where the parser is
        # reliable only (a German parse may call "Das sagte Lindner" an "amod")
        return ()
    if token.pos_ == "NOUN" and lex.noun_cues_need_verb_dependents and not any(c.dep_ in _VERBAL_DEPS for c in token.children):
        return ()  # "the court term", "his plan"; a verb tagged as a noun ("tweets that …") has verb dependents
    lemmas = lemmas_of(token, lex)
    out: list[str] = []
    for child in _particle_children(token):
        out += [child.lower_ + lemma for lemma in lemmas]
    if lex.separable_particles and token.i > 0:
        # "wie … bekannt gab": a particle written apart before the finite verb
        prev = token.doc[token.i - 1]
        if prev.is_alpha and prev.text.islower():
            out += [prev.lower_ + lemma for lemma in lemmas]
    if lex.separable_particles and token.tag_ in _PARTICLE_VERB_TAGS:
        # a separated particle the parser did not attach: "teilte … mit."; also after a finite
        # verb the tagger read as an adjective, which got this far only in a verb's place
        sent = token.sent if token.doc.has_annotation("SENT_START") else None
        if sent is not None:
            for other in sent[token.i - sent.start + 1 :]:
                nxt = token.doc[other.i + 1] if other.i + 1 < len(token.doc) else None
                # a bracket holds an aside inside the clause: "warf X (CDU) vor, …"
                at_clause_end = nxt is None or (nxt.is_punct and nxt.text not in _BRACKETS)
                if other.tag_ == "PTKVZ" or (at_clause_end and other.is_alpha and other.text.islower()):
                    # "teilte … mit", "gab … bekannt": the particle closes the clause
                    out += [other.lower_ + lemma for lemma in lemmas]
                    if other.tag_ == "PTKVZ":
                        break
                if at_clause_end:
                    break
    return (*out, *lemmas)


#: the tags of a finite verb a separated particle may close the clause of ("gab … bekannt"):
#: an adjective's too, for a verb the tagger missed ("Das gab[ADJA] X bekannt")
_PARTICLE_VERB_TAGS = frozenset({"VVFIN", "VVIMP", "", "ADJA", "ADJD"})


def _candidates_at(doc: Doc, i: int, lex: CueLexicon) -> tuple[str, ...]:
    """:func:`_cue_candidates` of token ``i`` while the Doc is read, from the Doc's columns
    (:class:`_Columns`): no Token is built."""
    cols: _Columns = kept(doc, "cue_columns", _Columns)
    return _with_particles(doc, cols, i, lex, _lemmas_at(doc, cols, i, lex))


def _lemmas_at(doc: Doc, cols: _Columns, i: int, lex: CueLexicon) -> tuple[str, ...]:
    """:func:`lemmas_of` token ``i``, or none where :func:`_cue_candidates` gives none: the
    first tests are :func:`_verb_like`'s, which reads them from the Doc's arrays."""
    if i not in cols.verb_like(doc, lex) or (lex.parse_rules and cols.dep[i] == cols.amod):
        return ()
    return _lemmas_of_ids(cols.strings, _sans_verbs(lex), cols.lemma[i], cols.orth[i], cols.lower_id[i], cols.tag[i])


@lru_cache(maxsize=65536)
def _lemmas_of_ids(strings, kind: int, lemma: int, orth: int, lower: int, tag: int) -> tuple[str, ...]:
    """:func:`_lemmas` of a token whose lemma, text, lower-case form and tag have these ids, for
    the lexicons of one kind (:func:`_sans_verbs`); kept per ids, as the verbs come back Doc after Doc."""
    return tuple(_lemmas(strings[lemma], strings[orth], strings[lower], strings[tag], _KIND_LEXICONS[kind]))


def _with_particles(doc: Doc, cols: _Columns, i: int, lex: CueLexicon, lemmas: tuple[str, ...]) -> tuple[str, ...]:
    """The candidates of token ``i`` with these lemmas: each with the token's particles before
    it (:func:`_cue_candidates`), then the lemmas alone."""
    if not lemmas:
        return ()
    out: list[str] = []
    for k in kept(doc, "particles_by_head", _particles_by_head).get(i, ()):
        out += [cols.strings[cols.lower_id[k]] + lemma for lemma in lemmas]
    if lex.separable_particles and i > 0 and cols.alpha[i - 1] and cols.text[i - 1].islower():
        out += [cols.strings[cols.lower_id[i - 1]] + lemma for lemma in lemmas]  # "wie … bekannt gab"
    if lex.separable_particles and cols.strings[cols.tag[i]] in _PARTICLE_VERB_TAGS and cols.sentence_starts is not None:
        # "teilte … mit": the first token after i in its sentence that is a particle or ends a
        # clause is the one _cue_candidates' walk stops at
        stops = cols.particle_stops(doc)
        k = bisect_right(stops, i)
        j = stops[k] if k < len(stops) else len(doc)
        starts = cols.sentence_starts
        s = bisect_right(starts, i)
        if j < (starts[s] if s < len(starts) else len(doc)) and (
                cols.tag[j] == cols.ptkvz or (cols.alpha[j] and cols.text[j].islower())):
            out += [cols.strings[cols.lower_id[j]] + lemma for lemma in lemmas]
    return (*out, *lemmas)


class _Columns:
    """What :func:`_candidates_at` reads of a Doc's tokens, as lists from its arrays (kept while
    it is read)."""

    def __init__(self, doc: Doc):
        self.strings = doc.vocab.strings
        self.tag, self.dep, self.lemma = id_list(doc, TAG), id_list(doc, DEP), id_list(doc, LEMMA)
        self.orth, self.lower_id = id_list(doc, ORTH), id_list(doc, LOWER)
        self.text, self.alpha = forms(doc, ORTH), flags(doc, IS_ALPHA)
        self.amod, self.ptkvz = self.strings["amod"], self.strings["PTKVZ"]
        # where sentences start, as Token.sent reads them (None: the Doc has no sentences)
        self.sentence_starts = (np.flatnonzero(doc_array(doc, SENT_START) == 1).tolist()
                                if doc.has_annotation("SENT_START") else None)
        self._verb_like: dict[bool, frozenset[int]] = {}
        self._stops: list[int] | None = None

    def verb_like(self, doc: Doc, lex: CueLexicon) -> frozenset[int]:
        """The indices of :func:`_verb_like` as a set."""
        flag = lex.noun_cues_need_verb_dependents
        if flag not in self._verb_like:
            self._verb_like[flag] = frozenset(_verb_like_list(doc, lex))
        return self._verb_like[flag]

    def particle_stops(self, doc: Doc) -> list[int]:
        """The tokens a separated particle is looked for up to: a particle (PTKVZ) or the end
        of a clause (the last token, or one before punctuation other than a bracket)."""
        if self._stops is None:
            stop = doc_array(doc, TAG) == self.ptkvz
            punct = doc_array(doc, IS_PUNCT) != 0
            punct &= ~np.isin(doc_array(doc, ORTH), [self.strings[b] for b in _BRACKETS])
            stop[:-1] |= punct[1:]
            stop[-1:] = True
            self._stops = np.flatnonzero(stop).tolist()
        return self._stops


#: punctuation that does not end the clause a separated particle closes
_BRACKETS = ("(", ")", "[", "]")


def _particle_children(token: Token) -> list[Token]:
    """The token's children that are verb particles ("teilte … mit", "pointed out"), in order.
    While the Doc is read, looked up among the Doc's particles, found once from its arrays."""
    doc = token.doc
    if table_of(doc) is None:
        return [c for c in token.children if c.dep_ in _PARTICLE_DEPS or c.tag_ == "PTKVZ"]
    return [doc[k] for k in kept(doc, "particles_by_head", _particles_by_head).get(token.i, ())]


def _particles_by_head(doc: Doc) -> dict[int, list[int]]:
    """The indices of the Doc's verb particles (by dependency or the tag PTKVZ) by their head's
    index, in order: the children :func:`_particle_children` keeps."""
    strings = doc.vocab.strings
    dep, tag = doc_array(doc, DEP), doc_array(doc, TAG)
    offsets = doc_array(doc, HEAD).astype(np.int64)
    particle = (among(dep, word_ids(_PARTICLE_DEPS, strings)) | (tag == strings["PTKVZ"])) & (offsets != 0)
    out: dict[int, list[int]] = {}
    found = np.flatnonzero(particle)
    for k, head in zip(found.tolist(), (found + offsets[found]).tolist()):
        out.setdefault(head, []).append(k)
    return out
