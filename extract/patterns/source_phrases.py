"""Source phrases: "laut X", "X zufolge", "nach Angaben von X", "according to X", "seinen Angaben nach"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
from spacy.attrs import DEP, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import ADJ, DET, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from ..dative_forms import plainly_nominative
from ..doc_offsets import span_of
from ..doc_tables import among, between, children_of, doc_array, forms, id_list, table_of, word_ids
from ..fronted_subjects import is_finite
from ..konjunktiv import FINITE_TAGS
from ..lexicon import CueLexicon
from ..quoted_names import naming_nouns, title_after_noun
from ..string_tests import KnownIds
from ..phrases import ends_in_noun, in_extended_attributes, noun_phrase, np_after, np_before, quoted_name, strip_punct, with_apposition


@dataclass(frozen=True)
class SourcePhrase:
    cue: Span  # "laut", "zufolge", "nach"
    source: Span | None  # the source as annotators mark it: "der Agentur X", "Angaben der Polizei", "seinen Angaben"
    phrase: Span  # everything to cut out of the content
    possessor: Token | None = None  # "seinen" in "seinen Angaben nach"


def source_phrase(doc: Doc, i: int, lex: CueLexicon, lower: int, upper: int) -> SourcePhrase | None:
    """The source phrase whose cue starts at token ``i`` ("laut der Agentur X", "X zufolge").

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> nlp = spacy.blank("de")
    >>> doc = nlp("Laut Agentur Nordpress ist es kalt.")
    >>> sp = source_phrase(doc, 0, load_lexicon("de"), 0, len(doc))
    >>> sp.cue.text, sp.source.text
    ('Laut', 'Agentur Nordpress')
    """
    sp = _source_phrase(doc, i, lex, lower, upper)
    title = _with_title(sp, upper, lex)
    if sp is not None and sp.source is not None and lex.verb_second:
        sp = _to_finite_verb(title or sp, upper, lex)
        sp = _before_finite_verb(sp)
    if title is not None and sp.source.end < title.source.end:
        sp = title  # a word of the title is no verb the source ends before
    if sp is None or sp.source is None or not doc.has_annotation("DEP"):
        return sp
    source = _without_clause_arguments(sp.source, after_cue=sp.cue.start < sp.source.start)
    if source is sp.source:
        return sp
    phrase = doc[sp.phrase.start : source.end] if sp.cue.start < source.start else doc[source.start : sp.phrase.end]
    return SourcePhrase(sp.cue, source, phrase, sp.possessor)


def _with_title(sp: SourcePhrase | None, upper: int, lex: CueLexicon) -> SourcePhrase | None:
    """The source phrase run on over the title in quotation marks that its last noun, an outlet
    or organisation noun, introduces ("laut einem Test des Magazins „auto, motor und sport“"),
    or None when there is none."""
    if sp is None or sp.source is None or sp.cue.start > sp.source.start:
        return None
    doc = sp.source.doc
    end = title_after_noun(doc, sp.source.end, upper, naming_nouns(lex))
    if end <= sp.phrase.end:
        return None
    return SourcePhrase(sp.cue, doc[sp.source.start : end], doc[sp.phrase.start : end], sp.possessor)


def _to_finite_verb(sp: SourcePhrase, upper: int, lex: CueLexicon) -> SourcePhrase:
    """A source phrase opening a verb-second sentence fills the place before the finite verb:
    the source runs up to that verb ("Nach Angaben libanesischer Sicherheitskreise | seien …",
    "Nach Aussagen von X (SPD) | bringe …"), over noun-phrase words only (not the one addressed,
    "laut X gegenüber der Zeitung", nor a source it cites, "laut X unter Berufung auf Y")."""
    doc = sp.source.doc
    if not (sp.cue.start < sp.source.start and sp.cue[0].is_sent_start):
        return sp
    verb = next((t.i for t in span_of(doc, sp.source.start, min(upper, sp.source.start + _MAX_FRONTED_SOURCE))
                 if t.pos_ in ("VERB", "AUX") and is_finite(t)), None)
    if verb is None or verb <= sp.source.start:
        return sp
    citing = _citing_openers(lex)
    if verb < sp.source.end or all((t.pos_ in _NOUN_PHRASE_POS or t.text in (",", "(", ")", "-", "„", "“"))
                                   and t.lower_ not in lex.addressee_prepositions
                                   and t.lower_ not in citing for t in span_of(doc, sp.source.end, verb)):
        source = strip_punct(span_of(doc, sp.source.start, verb))
        if source is not None and source.end > sp.source.start:
            return SourcePhrase(sp.cue, source, span_of(doc, sp.phrase.start, source.end), sp.possessor)
    return sp


def _before_finite_verb(sp: SourcePhrase) -> SourcePhrase:
    """The source after its cue ends before a word tagged as a finite verb, whatever part of
    speech the tagger gave it ("Nach Aussagen von X (SPD) | bringe[ADJ] die Entscheidung …"):
    a noun phrase holds none."""
    if sp.cue.start > sp.source.start:
        return sp
    doc = sp.source.doc
    cut = next((t.i for t in sp.source[1:] if t.tag_ in FINITE_TAGS or _misread_verb(t)), None)
    source = strip_punct(span_of(doc, sp.source.start, cut)) if cut is not None else None
    if source is None:
        return sp
    return SourcePhrase(sp.cue, source, span_of(doc, sp.phrase.start, source.end), sp.possessor)



#: STTS tags of the words that open a noun phrase: articles, pronouns used as articles
_ARTICLE_TAGS = frozenset({"ART", "PDAT", "PIAT", "PPOSAT", "PWAT"})


def _misread_verb(word: Token) -> bool:
    """A predicative adjective (STTS ADJD) between a noun and the article of the next phrase is
    a finite verb the tagger misread ("Nach Informationen des Senders X | plant[ADJD] das
    Ministerium …"): no noun phrase holds one there."""
    doc = word.doc
    return (word.tag_ == "ADJD" and word.text.islower() and doc[word.i - 1].pos_ in ("NOUN", "PROPN")
            and word.i + 1 < len(doc) and doc[word.i + 1].tag_ in _ARTICLE_TAGS)


def _citing_openers(lex: CueLexicon) -> frozenset[str]:
    """The first words of the lexicon's citing phrases ("unter" of "unter Berufung auf")."""
    return frozenset(words[0] for words in lex.citing_phrases if words)


_MAX_FRONTED_SOURCE = 14  # words of a source phrase before the finite verb, at most
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "ADP", "X"})


#: how the parser hangs a clause's own subject or object on its verb
_CLAUSE_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "sb", "oa", "da"})


def _without_clause_arguments(source: Span, *, after_cue: bool) -> Span:
    """The source without the words of a phrase the parser makes the subject or object of a
    verb outside it: the claim's own words that the source phrase ran into ("laut Verfassung
    [der Parlamentspräsident] müsste …", "nach Angaben der Veranstalter [rund 7.000 Menschen]",
    "[die Organisation] Schätzungen zufolge nimmt …"). Only where the words agree: a name goes
    on ("dem Magazin Focus"), a genitive goes on unless its article is marked nominative or
    accusative, an extended attribute belongs to its noun, and before "zufolge" only a phrase
    right before a bare noun is cut."""
    doc = source.doc
    heads = [t.i for t in source if t.pos_ in ("NOUN", "PROPN")]
    if not heads:
        return source
    def outside_argument(t: Token) -> bool:
        return (t.dep_ in _CLAUSE_ARGUMENTS and not source.start <= t.head.i < source.end
                and t.head.pos_ in ("VERB", "AUX"))
    if after_cue:
        attribute = in_extended_attributes(source)
        for t in source:
            if t.i <= heads[0] or not outside_argument(t):
                continue
            start = min(t.left_edge.i, t.i)
            first, before = doc[start], doc[start - 1]
            if (start <= heads[0] or start in attribute or start - 1 in attribute
                    or (first.pos_ == "PROPN" and before.pos_ in ("NOUN", "PROPN"))
                    or (first.pos_ == "DET" and not set(first.morph.get("Case")) & {"Nom", "Acc"})):
                continue
            return strip_punct(doc[source.start : start]) or source
        return source
    for t in reversed(source):
        if t.i >= heads[-1] or not outside_argument(t):
            continue
        end = max(t.right_edge.i, t.i) + 1
        if end < source.end and end <= heads[-1] and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].i == heads[-1]:
            return strip_punct(doc[end : source.end]) or source
        return source
    return source


def _opens_unit(word: Token) -> bool:
    """Whether a word after a preposition of rates opens a unit, not a source: a singular common
    noun with no article ("per graduate", "per year"), a number or an adjective ("per thousand
    cubic feet", "per square foot"); a name, an article or a possessive opens a source ("per CTV
    News", "per the report")."""
    return word.tag_ in _UNIT_TAGS or word.pos_ in ("NUM", "ADJ", "X")


_UNIT_TAGS = frozenset({"NN", "CD", "JJ", "FW"})


def _source_phrase(doc: Doc, i: int, lex: CueLexicon, lower: int, upper: int) -> SourcePhrase | None:
    """:func:`source_phrase` as the words give it, before the parse is heard."""
    tok = doc[i]
    low = tok.lower_
    if low in lex.source_adverbs:
        # "Demnach ist …": the source was named before; the speaker linker may find it
        return SourcePhrase(doc[i : i + 1], None, doc[i : i + 1])
    for words in lex.before_source:
        if words and words[0] != low:
            continue  # cheap first-word test before building the tuple
        n = len(words)
        if n == 1 and low in lex.rate_prepositions and i + 1 < upper and _opens_unit(doc[i + 1]):
            continue  # "$120 per square foot", "per capita", "growth per year": a rate, not a source
        if i + n <= upper and tuple(forms(doc)[i : i + n]) == words:
            src = _english_prep_object(doc, i + n - 1, upper, opens=i == lower) if lex.parse_rules else None
            if src is not None:
                return SourcePhrase(doc[i : i + n], src, doc[i : src.end])
            src = quoted_name(doc, i + n, upper) or np_after(doc, i + n, upper, lex)
            if src is None or src.start != i + n:
                src = noun_phrase(doc, i + n, upper, lex)  # one opening with an adjective: "laut neuen Zahlen"
            if src is not None and src.start == i + n:
                src = _before_next_phrase(src, lex)
                return SourcePhrase(doc[i : i + n], src, doc[i : src.end])
    if low in lex.after_source and i > lower:
        # "X zufolge" / "seinen Angaben zufolge"
        src = np_before(doc, i, lower, lex)
        # "die Gruppen gewinnen[ADJ, the root] Medienberichten zufolge": the clause's predicate, whatever
        # the tagger took it for, ends the phrase before the source
        root = next((t.i for t in reversed(src[:-1]) if t.dep_ == "ROOT" and t.pos_ in ("ADJ", "VERB", "AUX")), None) \
            if src is not None else None
        src = doc[root + 1 : src.end] if root is not None else src
        if src is not None:
            # "die Organisation Schätzungen zufolge": a source noun right after another noun opens the source
            opening = next((t.i for t in reversed(src[1:]) if is_source_noun(t, lex) and t.tag_ == doc[t.i - 1].tag_ == "NN"
                            and not t.ent_type_ and not doc[t.i - 1].ent_type_), None)
            src = doc[opening : src.end] if opening is not None else src
            poss = _possessor(src, lex)
            return SourcePhrase(doc[i : i + 1], src, doc[src.start : i + 1], poss)
    if low in lex.source_noun_prepositions and i + 1 < upper:
        # "nach Angaben (von|des) X", "nach Ansicht von X", "nach eigenen Angaben"
        j = i + 1
        while j < upper and (doc[j].pos_ in ("ADJ", "DET") or doc[j].lower_ in lex.possessives
                             or _saxon_genitive(doc, j, upper, lex)) and not is_source_noun(doc[j], lex):
            j += 1
        if j < upper and is_source_noun(doc[j], lex):
            poss = next((t for t in doc[i + 1 : j] if t.lower_ in lex.possessives), None)
            k = j + 1
            if k < upper and (doc[k].lower_ in lex.agent_prepositions or doc[k].lower_ in lex.genitive_articles):
                first = k + 1 if doc[k].lower_ in lex.agent_prepositions else k
                src = np_after(doc, first, upper, lex)
                if src is not None and any(t.pos_ in ("VERB", "AUX") for t in doc[first : src.start]):
                    # not a phrase after a verb: "nach dem Gesetz von 1961 [konnten die Länder]" ends at the number
                    end = next((m for m in range(first, upper) if doc[m].pos_ not in ("NUM", "NOUN", "PROPN", "ADJ", "DET")), upper)
                    src = doc[first:end] if end > first else None
                if src is not None:
                    count = next((t.i for t in src[1:] if not t.ent_type_ and _opens_count(t)), None)
                    src = doc[src.start : count] if count is not None else src  # "des Amtes [13 Prozent der …]"
                    src = with_apposition(src, upper, lex)  # "nach Angaben von X, einem Manager der Firma,"
                    return SourcePhrase(doc[i : i + 1], doc[i + 1 : src.end], doc[i : src.end])
            whole = noun_phrase(doc, j, upper, lex)  # "Meinung politischer Beobachter", "Angaben der Polizei"
            whole = _before_next_phrase(whole, lex, adjectives=False) if whole is not None else None
            end = whole.end if whole is not None and poss is None else j + 1
            return SourcePhrase(doc[i : i + 1], doc[i + 1 : end], doc[i : end], poss)
    if low in lex.source_noun_prepositions and lex.parse_rules and i + 1 < upper:
        # "in a CBS News poll released Monday": the parse gives the whole object of the preposition
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and is_source_noun(obj, lex) and obj.i > i + 1 and obj.tag_ != "PRP$":
            src = _english_prep_object(doc, i, upper, opens=i == lower)
            if src is not None and src.start == i + 1 and not any(t.lower_ in lex.possessives for t in src[:1]):
                return SourcePhrase(doc[i : i + 1], src, doc[i : src.end])
    if is_source_noun(tok, lex) and i > lower and i + 1 < upper and doc[i + 1].lower_ in lex.source_noun_prepositions:
        # "seinen Angaben nach", "eigenen Angaben nach"
        poss = next((t for t in doc[max(lower, i - 2) : i] if t.lower_ in lex.possessives), None)
        if poss is not None:
            return SourcePhrase(doc[i + 1 : i + 2], doc[poss.i : i + 1], doc[poss.i : i + 2], poss)
        if doc[i - 1].lower_ in lex.determiners and _ends_postposition(doc, i + 2, upper):
            # "Dem Vernehmen nach soll …": an article, no owner (not "schickte den Bericht nach Rom")
            return SourcePhrase(doc[i + 1 : i + 2], doc[i - 1 : i + 1], doc[i - 1 : i + 2])
    return None


def _saxon_genitive(doc: Doc, j: int, upper: int, lex: CueLexicon) -> bool:
    """A name in the genitive right before a source noun ("nach Grupps Meinung")."""
    tok = doc[j]
    return (tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.text.endswith("s")
            and j + 1 < upper and is_source_noun(doc[j + 1], lex))


def _ends_postposition(doc: Doc, after: int, upper: int) -> bool:
    """Whether the token at ``after`` can follow a postposition ("… nach soll", "… nach
    zunehmend"), not open its object ("nach Rom", "nach dem Spiel")."""
    nxt = doc[after] if after < upper else None
    if nxt is not None and nxt.pos_ == "ADV" and doc[after - 1].dep_ == "case" and doc[after - 1].head.i >= after:
        return False  # "die Sicht nach oben": an adverb of direction, the parser's preposition hung after it
    # an adjective used as an adverb may follow ("nach zunehmend"; STTS ADJD), an attributive one opens an object
    return nxt is None or nxt.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON") or nxt.tag_ == "ADJD"


def _before_next_phrase(src: Span, lex: CueLexicon, *, adjectives: bool = True) -> Span:
    """A source cut before a lower-case adjective after its noun, which opens the phrase the
    claim goes on with ("laut Polizei [armen Familien]", "laut BBC [britische Staatsbürger]");
    an adjective inside a name is capitalised ("laut Zeitung Neue Presse"). Without
    ``adjectives`` only before a common noun right after a noun or name, outside any name
    ("laut Airbus [Bestellungen für …]"): after a source noun a lower-case adjective opens its
    genitive ("nach Angaben libanesischer Sicherheitskreise"). A number that counts the noun
    after it opens the next phrase either way ("nach Behördenangaben [62 Personen]")."""
    doc = src.doc
    # "laut einer am Dienstag veröffentlichten Pressemitteilung": an attribute's own adjective
    attributes = in_extended_attributes(src)
    cut = next((t.i for t in src[1:] if doc[t.i - 1].pos_ in ("NOUN", "PROPN") and not _genitive_owner(t, lex) and (
                (adjectives and t.pos_ == "ADJ" and t.text.islower() and t.i not in attributes)
                # a genitive after a source noun is its owner; an adjective in another case opens
                # the next phrase ("nach Expertenmeinung [große Bedeutung]")
                or (not adjectives and t.pos_ == "ADJ" and t.text.islower() and _other_case(t))
                # a common noun right after a head, outside any name, opens the next phrase too
                # ("laut Airbus [Bestellungen für …]"); a name after a role noun does not
                or (t.pos_ == "NOUN" and t.is_alpha and not t.ent_type_ and doc[t.i - 1].ent_iob_ != "I"
                    and doc[t.i - 1].tag_ in ("NN", "NE") and not is_source_noun(t, lex))
                # so does a number counting the noun after it ("nach Behördenangaben [62 Personen]")
                or (not t.ent_type_ and _opens_count(t))
                # and a phrase in the nominative, no genitive ("laut Verfassung [der Parlamentspräsident]")
                or (t.dep_ == "det" and t.head.i > t.i and plainly_nominative(t.head, lex))
                # and, after a name, a preposition before a count ("laut BBC [von rund 10.000 Menschen]")
                or (t.pos_ == "ADP" and (doc[t.i - 1].pos_ == "PROPN" or doc[t.i - 1].ent_type_) and t.i + 1 < src.end
                    and _opens_count(doc[t.i + 1])))), None)
    return src.doc[src.start : cut] if cut is not None else src


def _genitive_owner(word: Token, lex: CueLexicon) -> bool:
    """Whether an adjective right after a source noun opens its owner in the genitive plural,
    which takes no article and ends the adjective in "-er" ("Angaben [libanesischer]
    Sicherheitskreise", "laut Angaben [kanadischer] Medien"), whatever case the tagger gives it."""
    doc = word.doc
    if word.pos_ != "ADJ" or not word.text.endswith("er") or not is_source_noun(doc[word.i - 1], lex):
        return False
    k = word.i + 1
    while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text.endswith("er"):
        k += 1
    return k < len(doc) and doc[k].pos_ == "NOUN"


def counts_next_noun(word: Token) -> bool:
    """Whether ``word`` is a number before the noun it counts ("13 Prozent"): the noun opens a
    phrase of its own, not the one before the number."""
    doc = word.doc
    return word.pos_ == "NUM" and word.i + 1 < len(doc) and doc[word.i + 1].pos_ == "NOUN"


def _opens_count(word: Token) -> bool:
    """Whether ``word`` opens a counted phrase: the number (:func:`counts_next_noun`) or a
    lower-case adverb right before it ("[rund] 7.000 Menschen", "[etwa] 20 Häuser")."""
    doc = word.doc
    return counts_next_noun(word) or (word.pos_ in ("ADJ", "ADV") and word.text.islower()
                                      and word.i + 1 < len(doc) and counts_next_noun(doc[word.i + 1]))


def _other_case(word: Token) -> bool:
    """Whether the tagger marks a word's case and not as genitive."""
    cases = word.morph.get("Case")
    return bool(cases) and "Gen" not in cases


def _english_prep_object(doc: Doc, prep: int, upper: int, *, opens: bool) -> Span | None:
    """The whole object of the preposition at ``prep`` ("according to [his Facebook profile]",
    "according to [a count by The Associated Press]"), from the parse: the object's subtree
    when it starts right after the preposition, up to ``upper``, a semicolon or a quotation mark;
    when the phrase ``opens`` the sentence, also up to the comma before the claim."""
    if not doc.has_annotation("DEP"):
        return None
    obj = next((c for c in doc[prep].children if c.dep_ == "pobj"), None)
    if obj is None or obj.left_edge.i != prep + 1:
        return None
    end = min(obj.right_edge.i + 1, upper)
    stops = (";", '"', "“", "”", "''", ",") if opens else (";", '"', "“", "”", "''")
    end = next((t.i for t in doc[prep + 1 : end] if t.text in stops), end)
    span = strip_punct(doc[prep + 1 : end]) if end > prep + 1 else None
    return span if span is not None and len(span) else None


def is_source_noun(token: Token, lex: CueLexicon) -> bool:
    """"Angaben", and German compounds ending in one ("Polizeiangaben", "Medienberichten")."""
    return source_word(token.lower_, token.text, lex)


def source_word(low: str, text: str, lex: CueLexicon) -> bool:
    """:func:`is_source_noun` of a token's lower-case form and text (read from the Doc's arrays)."""
    if low in lex.source_nouns:
        return True
    if not lex.compound_source_nouns or not text[:1].isupper():
        return False
    return _ends_in_source_noun(low, lex)


def _ends_in_source_noun(low: str, lex: CueLexicon) -> bool:
    return _compound_of_source_noun(low, lex.source_nouns)


@lru_cache(maxsize=65536)
def _compound_of_source_noun(low: str, source_nouns: frozenset[str]) -> bool:
    # a compound: its last k letters are a source noun of 6+ letters, with 3+ letters before it;
    # kept per word, as the same words come back Doc after Doc
    return ends_in_noun(low, source_nouns, shortest=6)


def speakers_own_words(sp: SourcePhrase, lex: CueLexicon) -> bool:
    """Whether a source phrase names only how its speaker spoke: "X said in a statement
    Saturday that …", "In a written statement, X said": a noun of the speaker's own speech
    (``CueLexicon.conversation_nouns``) with no owner and no one named beside it (time aside)
    relays nothing; "in a statement from the ministry" names a source."""
    source = sp.source
    if source is None or sp.possessor is not None:
        return False
    # the noun, not the parser's root: a time after it may be the root ("a statement Thursday")
    noun = next((t for t in reversed(source) if t.pos_ == "NOUN" and t.lower_ in lex.conversation_nouns), None)
    return noun is not None and all(t.i == noun.i or t.pos_ in _PLAIN_MODIFIER_POS or t.dep_ == "amod"
                                    or t.ent_type_ in _TIME_ENTITIES for t in source)


#: the words a noun of speech may carry and still name no one ("a written statement"), and the
#: entity types of a time after it ("a statement Saturday", "a September 2015 statement")
_PLAIN_MODIFIER_POS = frozenset({"DET", "ADJ", "ADV", "NUM", "PUNCT"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _possessor(span: Span, lex: CueLexicon) -> Token | None:
    first = span[0]
    if first.lower_ in lex.possessives and is_source_noun(span[-1], lex):
        return first
    return None


def source_phrases_in(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> list[SourcePhrase]:
    """The source phrases in the tokens [lower, upper), left to right, none inside another;
    kept per range while the Doc is read (the patterns and the speaker linker ask of the same
    sentences)."""
    table = table_of(doc)
    if table is None:
        return _source_phrases_in(doc, lower, upper, lex)
    key = ("source_phrases_in", id(lex), lower, upper)
    known = table.get(key)
    if known is None:
        known = table[key] = tuple(_source_phrases_in(doc, lower, upper, lex))
    return list(known)


def _source_phrases_in(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> list[SourcePhrase]:
    out = []
    i = lower
    for start in source_phrase_starts(doc, lower, upper, lex):
        if start < i:
            continue  # inside the phrase before
        sp = source_phrase(doc, start, lex, lower, upper)
        if sp is not None:
            out.append(sp)
            i = max(sp.phrase.end, start + 1)
    return out


def source_phrase_starts(doc: Doc, lower: int, upper: int, lex: CueLexicon) -> list[int]:
    """The tokens in [lower, upper) where a source phrase may start: only there can
    :func:`source_phrase` find one (its cue word, a source noun, a pointer like "demnach")."""
    key = ("source_phrase_starts", id(lex))
    table = table_of(doc)
    if table is None:  # every token of the range: reading the whole Doc's arrays would cost more
        return list(range(len(doc))[lower:upper])
    if key not in table:
        starts = _may_start(doc, lex).tolist()
        if _first_words(lex.before_source) is not None and doc.has_annotation("DEP"):
            # a preposition that opens no phrase whatever the bounds ("in the city", "by phone")
            # is left out here, not read again for every stretch of text that holds it
            opens = _Openers(doc, lex)
            starts = [i for i in starts if opens.may_open(i)]
        table[key] = starts
    return between(table[key], doc, lower, upper)


class _Openers:
    """Which tokens :func:`_source_phrase` can find a phrase at for some bounds, from the Doc's
    columns: a test it fails at every token it passes over (a phrase's first words, a source
    noun within reach of a preposition, the parser's object of the preposition) rules out a
    start for any bounds, as a shorter stretch only stops its walks sooner."""

    def __init__(self, doc: Doc, lex: CueLexicon):
        strings = doc.vocab.strings
        self.lex, self.n = lex, len(doc)
        self.lowers, self.texts = forms(doc), forms(doc, ORTH)
        self.pos, self.deps, self.tags = id_list(doc, POS), id_list(doc, DEP), id_list(doc, TAG)
        self.kids = children_of(doc)
        self.pobj, self.possessive_tag = strings["pobj"], strings["PRP$"]
        self.phrases = _phrases_by_first_word(lex.before_source)
        self._source_noun: dict[int, bool] = {}

    def source_noun(self, j: int) -> bool:
        """:func:`is_source_noun` of token ``j``."""
        known = self._source_noun.get(j)
        if known is None:
            low, lex = self.lowers[j], self.lex
            known = self._source_noun[j] = low in lex.source_nouns or (
                lex.compound_source_nouns and self.texts[j][:1].isupper() and _ends_in_source_noun(low, lex))
        return known

    def may_open(self, i: int) -> bool:
        """False only where :func:`_source_phrase` at ``i`` is None for every ``lower`` and ``upper``."""
        lex, low = self.lex, self.lowers[i]
        if low in lex.source_adverbs or low in lex.after_source or self.source_noun(i):
            return True
        if any(tuple(self.lowers[i : i + len(words)]) == words for words in self.phrases.get(low, ())):
            return True
        if low not in lex.source_noun_prepositions:
            return False
        # "nach Angaben …", "nach Grupps Meinung": the walk over articles, adjectives, possessives
        # and genitive names to a source noun (the whole Doc ahead: bounds only cut it short)
        j, pos, texts = i + 1, self.pos, self.texts
        while j < self.n and (pos[j] == _ADJ or pos[j] == _DET or self.lowers[j] in lex.possessives
                              or (pos[j] in (_PROPN, _NOUN) and texts[j][:1].isupper() and texts[j].endswith("s")
                                  and j + 1 < self.n and self.source_noun(j + 1))) and not self.source_noun(j):
            j += 1
        if j < self.n and self.source_noun(j):
            return True
        # "in a CBS News poll": the parser's object of the preposition is a source noun
        obj = next((c for c in self.kids[i] if self.deps[c] == self.pobj), None)
        return (lex.parse_rules and obj is not None and self.source_noun(obj) and obj > i + 1
                and self.tags[obj] != self.possessive_tag)


def _may_start(doc: Doc, lex: CueLexicon) -> np.ndarray:
    """The indices of the tokens whose lower-case form opens a source phrase or is a source
    noun (:func:`is_source_noun`), from the Doc's array of lower-case forms."""
    firsts = _first_words(lex.before_source)
    if firsts is None:
        return np.arange(len(doc))
    strings = doc.vocab.strings
    lower = doc_array(doc, LOWER)
    keep = among(lower, word_ids(_start_words(firsts, lex.source_adverbs, lex.after_source, lex.source_noun_prepositions,
                                              lex.source_nouns), strings))
    if lex.compound_source_nouns:  # "Polizeiangaben": is_source_noun on each distinct form, then on its tokens
        compounds = _compounds(lex.source_nouns).passing(set(lower[~keep].tolist()), strings)
        for i in np.flatnonzero(among(lower, list(compounds))).tolist():
            keep[i] = is_source_noun(doc[i], lex)
    return np.flatnonzero(keep)


@lru_cache(maxsize=8)
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases before a source by their first word (none may be empty: see :func:`_first_words`)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        out.setdefault(words[0], []).append(words)
    return {first: tuple(words) for first, words in out.items()}


@lru_cache(maxsize=8)
def _start_words(*words: frozenset[str]) -> frozenset[str]:
    """The words a source phrase may start with, all in one set (made once per lexicon)."""
    return frozenset().union(*words)


@lru_cache(maxsize=8)
def _compounds(source_nouns: frozenset[str]) -> KnownIds:
    """The lower-case forms (by id) that are compounds of one of ``source_nouns``
    (:func:`_compound_of_source_noun`), each form looked at once per process."""
    return KnownIds(partial(_compound_of_source_noun, source_nouns=source_nouns))


@lru_cache(maxsize=8)
def _first_words(before_source: tuple[tuple[str, ...], ...]) -> frozenset[str] | None:
    """The first words of the phrases before a source (None if one is empty: any word may start)."""
    return None if any(not words for words in before_source) else frozenset(words[0] for words in before_source)


_ADJ, _DET, _NOUN, _PROPN = int(ADJ), int(DET), int(NOUN), int(PROPN)  # plain ints, compared per token
