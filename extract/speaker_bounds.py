"""Speaker phrases with the bounds a reader gives them: focus particles and sentence adverbs at
their edges left out ("Auch Winfried Hassemer", "Die Kanadier hingegen"), a quoted name's
marks kept ("der „Deutsche Fußball-Bund“"), and an apposition after a name or a name
after a role kept ("Ursula Castrup, die Leiterin der Fachstelle"; "der Chefankläger, Luis
Moreno Ocampo"; "Klinikdirektor Prof. Dr. Eva Brandt"), a name the phrase cuts taken whole ("Mark O" → "Mark O’Keefe"), a phrase
naming where the speaker belongs kept ("Anna Roth vom Sender Kanal 5") and one naming the
occasion of the words left out ("der Minister in einem Interview"), as are words after a person's
name that cannot modify a name ("Felix Brandt [zur Sportschau]", "Jan Kraus [in Kassel]").

Examples
--------
>>> import spacy
>>> from quotegraph.extract.records import Attribution, Mention, Quote
>>> nlp = spacy.blank("de")
>>> doc = nlp("Das sei falsch, sagte auch der „Bund“.")
>>> att = Attribution("0-14", "", Quote("Das sei falsch", 0, 14), speaker=Mention("auch der „Bund", 22, 36))
>>> tidy_speakers(doc, [att], frozenset({"auch"}))[0].speaker.text
'der „Bund“'
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import ADJ, ADP, ADV, AUX, DET, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from .doc_offsets import char_span_kept, span_of, token_bounds
from .doc_tables import doc_array, flags, forms, id_list, id_set, kept
from .quoted_names import title_after_noun
from .phrases import RELATIVE_PRONOUN_TAGS, doc_text, ends_in_noun, quoted_name_after
from .patterns.source_phrases import counts_next_noun
from .name_ends import (with_alias, with_closing_bracket, with_closing_mark, with_club_number, with_glued_name,
                        with_opening_mark)
from .records import Attribution, Mention, replaced

__all__ = ["tidy_speakers", "speaker_bounds"]

_OPENING, _CLOSING = "„»“\"", "“«”\""


def speaker_bounds(span: Span, edge_words: frozenset[str], *, apposition: bool = True,
                   affiliations: frozenset[str] = frozenset(), speech_nouns: frozenset[str] = frozenset(),
                   audiences: tuple[frozenset[str], ...] = (frozenset(), frozenset()),
                   name_prepositions: frozenset[str] = frozenset(),
                   spokesperson_nouns: frozenset[str] = frozenset(),
                   naming_nouns: frozenset[str] = frozenset(),
                   occasions: frozenset[str] = frozenset(),
                   genitives: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The character bounds of a speaker phrase as a reader gives them (see the module);
    ``apposition=False`` leaves an apposition after it out, and the names it would complete;
    a phrase after it opened by one of ``affiliations`` is kept when it names where the speaker
    belongs (:func:`_with_affiliation`); one that names the audience (``audiences``: its
    prepositions and nouns, "die Ministerin [vor Journalisten]", and the prepositions that name
    the one addressed whatever the noun, "[gegenüber der BBC]") is left out, and so are words after a
    person's name that cannot modify it (:func:`_without_words_after_person`; ``name_prepositions``
    open a phrase that can: "von", "of"); a spokesperson (``spokesperson_nouns``) keeps the body
    they speak for (:func:`_with_body_spoken_for`); an outlet or organisation noun
    (``naming_nouns``) its title in quotation marks, lower case or not
    (:func:`~quotegraph.extract.quoted_names.title_after_noun`); a phrase opened by one of
    ``occasions`` says when the words were said and is left out; ``genitives``: the articles of
    a genitive, which an alias in brackets does not end (:func:`~quotegraph.extract.name_ends.with_alias`)."""
    doc = span.doc
    start, end = span.start, span.end
    # the words at the edges read from the Doc's arrays (:func:`_words`): no Token per word
    lowers, texts, punct, space = _words(doc)[:4]
    while end - start > 1 and (lowers[start] in edge_words or (punct[start] and texts[start] not in _OPENING + "(")):
        start += 1
    while end - start > 1 and (lowers[end - 1] in edge_words or space[end - 1]
                               or (punct[end - 1] and texts[end - 1] not in _CLOSING + ")")):
        end -= 1
    end = _without_occasion(doc, start, end, speech_nouns, occasions)
    end = _without_audience(doc, start, end, *audiences)
    if apposition:
        end = _with_name_after_role(doc, start, end)
        end = title_after_noun(doc, end, len(doc), naming_nouns)
        start, end = _with_whole_names(doc, start, end)
        end = _with_apposition(doc, start, end)
        end = _with_affiliation(doc, start, end, affiliations)
        end = _with_body_spoken_for(doc, start, end, spokesperson_nouns, name_prepositions)
    end = _without_words_after_person(doc, start, end, name_prepositions)
    while end - start > 1 and doc[end - 1].tag_ == "ADJD" and doc[end - 2].pos_ in ("NOUN", "PROPN"):
        end -= 1  # "Gary Brandt [telefonisch]": an adverbial adjective is the verb's, no noun phrase ends in one
    if end - start > 2 and doc[end - 1].tag_ == "PRF" and doc[end - 2].pos_ == "ADP":
        end -= 2  # "weist Hartmann [von sich]": a reflexive phrase is the verb's, never the speaker's
    end = _without_object_after_head(doc, start, end)
    start = _after_object_pronoun(doc, start, end)
    end = _without_words_after_pronoun(doc, start, end)
    end = with_alias(doc, with_closing_bracket(doc, start, with_glued_name(doc, with_club_number(doc, end))),
                      genitives)
    start = _with_words_split_off(doc, start)
    starts, ends, _ = token_bounds(doc)
    chars = (starts[start], ends[end - 1])
    text = doc_text(doc)
    return with_opening_mark(text, *chars), with_closing_mark(text, *chars)


def _words(doc: Doc) -> tuple:
    """What the bounds read of every token, kept while the Doc is read: lower-case forms, texts,
    punctuation and space flags, and as ids fine tags, parts of speech, entity IOB codes (1
    inside, 3 first), entity labels and trailing-space flags."""
    return kept(doc, "speaker_bound_words", _read_words)


def _read_words(doc: Doc) -> tuple:
    return (forms(doc, LOWER), forms(doc, ORTH), flags(doc, IS_PUNCT), flags(doc, IS_SPACE), id_list(doc, TAG),
            id_list(doc, POS), id_list(doc, ENT_IOB), id_list(doc, ENT_TYPE), id_list(doc, SPACY))


def _same_line(doc: Doc, start: int, end: int) -> bool:
    return not _line_break_in(doc, start, end - 1)


def _line_break_in(doc: Doc, start: int, end: int) -> bool:
    """Whether a token of ``doc[start:end]`` has a line break in its text or its whitespace
    after it, found in the Doc's text (:func:`~quotegraph.extract.doc_offsets.token_bounds`)
    without a Token made for each.

    >>> import spacy
    >>> doc = spacy.blank("en")("Anna Roth\\nof X said")
    >>> [_line_break_in(doc, a, b) for a, b in ((0, 2), (1, 3), (3, 6), (3, 2))]
    [False, True, False, False]
    >>> all(_line_break_in(doc, a, b) == any("\\n" in t.text_with_ws for t in doc[a:b])
    ...     for a in range(-3, 7) for b in range(-3, 7))
    True
    """
    bounds = range(len(doc))[start:end]  # as the slice doc[start:end] reads them
    if bounds.stop <= bounds.start:
        return False
    starts, _, ws_ends = token_bounds(doc)
    return "\n" in doc_text(doc)[starts[bounds.start] : ws_ends[bounds.stop - 1]]


_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def _named(token: Token) -> bool:
    return token.ent_type_ not in _NOT_NAMES


def _with_whole_names(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The bounds grown over a name the phrase cuts ("Mark O" → "Mark O’Keefe", "Angaben der
    Hilfsorganisation Ärzte" → "… Ärzte ohne Grenzen"), as the entity recogniser marks it."""
    first, last = start, end
    _, texts, _, _, tags, _, iob, labels, _ = _words(doc)
    not_names, possessive = id_set(_NOT_NAMES, doc.vocab.strings), doc.vocab.strings["POS"]
    # a name's first part is capitalised ("Last week Stumpf", read as one name, is no name)
    while first > 0 and iob[first] == _INSIDE and texts[first - 1][:1].isupper() and labels[first] not in not_names:
        first -= 1
    while (last < len(doc) and iob[last] == _INSIDE and tags[last] != possessive and labels[last] not in not_names
           and not counts_next_noun(doc[last])):
        # not a possessive ending the recogniser took in ("Donald Trump’s"), nor a number it ran
        # into the name that counts a noun ("des Bundesamtes [13] Prozent", "nach Behördenangaben
        # [62 Personen]", the recogniser taking both in): a name counts no noun
        last += 1
    return (first, last) if _same_line(doc, first, last) else (start, end)


_TITLE = re.compile(r"[A-ZÄÖÜ][a-zäöü]{0,4}\.")  # an abbreviated title before a name ("Dr.", "Prof.")


def _with_name_after_role(doc: Doc, start: int, end: int) -> int:
    """The end after a person's name right after a role noun that ends the phrase
    ("Klinikdirektor" → "Klinikdirektor Prof. Dr. Eva Brandt"): the name is whom the role names."""
    _, texts, _, space, _, pos, iob, labels, _ = _words(doc)
    if pos[end - 1] != NOUN or labels[end - 1]:
        return end
    k = end
    while k < len(doc) and k - end < 3 and iob[k] != _BEGIN and (space[k] or _TITLE.fullmatch(texts[k])):
        k += 1  # "Prof. Dr.", a doubled space
    if k >= len(doc) or iob[k] != _BEGIN or labels[k] not in id_set(_PERSONS, doc.vocab.strings):
        return end
    stop = k + 1
    while stop < len(doc) and iob[stop] == _INSIDE:
        stop += 1
    return stop if _same_line(doc, start, stop) else end


def _with_apposition(doc: Doc, start: int, end: int) -> int:
    """The end after an apposition the parse hangs on the phrase ("X, die Leiterin der …,").

    Only a phrase after a comma that the parser calls an apposition of a word inside the span,
    headed by a noun or name, on the same line, up to the next comma or the end of its subtree
    (:func:`tidy_speakers` also keeps it out of the quote and the cue: "Rush Limbaugh, the
    move reeks of fear" is a clause the parser misread).
    """
    if end + 1 >= len(doc) or forms(doc, ORTH)[end] != ",":  # (most speakers: no Token made)
        return end
    window = doc[end + 1 : min(len(doc), end + _APPOSITION_REACH)]
    head = next((t for t in _before_punct(window) if t.dep_ == "appos" and start <= t.head.i < end), None)
    if head is None:
        return _with_role_after_person(doc, end, window) or _with_relative_clause(doc, start, end)
    if head.pos_ not in ("NOUN", "PROPN") and head.ent_type_ not in _PERSONS:
        return end  # (a person's name the tagger took for another word is still a name: "Jens[ADV] Berg")
    stop = next((t.i for t in doc[head.i + 1: head.right_edge.i + 2] if t.text in (",", ";", ":") or t.is_sent_end
                 and t.is_punct), None)
    if stop is None:
        stop = head.right_edge.i + 1
    if _line_break_in(doc, end, stop):
        return end
    return stop


_APPOSITION_REACH = 8  # words after the comma to the apposition's head ("a local party leader")


def _with_role_after_person(doc: Doc, end: int, window: Span) -> int | None:
    """The end after a role the parse did not call an apposition, set off by a comma after a
    person's name and closing the sentence or followed by a comma ("so Jan Berger, Sprecher der
    Feuerwehr."): a noun phrase with no verb, number or name of a time, which says who the
    person is. None when there is none."""
    if doc[end - 1].ent_type_ not in _PERSONS:
        return None
    words = _before_punct(window)
    k = end + 1 + len(words)
    if not words or k >= len(doc) or doc[k].text not in (",", ".") or _line_break_in(doc, end, k):
        return None
    first_noun = next((t for t in words if t.pos_ not in ("DET", "ADJ")), None)
    if (first_noun is None or first_noun.pos_ != "NOUN" or first_noun.ent_type_
            or any(t.pos_ in ("VERB", "AUX", "NUM", "PRON", "SCONJ", "ADV") or t.like_num for t in words)):
        return None
    return k


_RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})


_PHRASE_ENDS = frozenset(",;:.!?()[]\"“”„»«—–")


def _before_punct(window: Span) -> list[Token]:
    """The words of ``window`` before its first mark that ends a phrase (a hyphen does not:
    "a policy-focused conservative")."""
    out = []
    for t in window:
        if t.text in _PHRASE_ENDS:
            break
        out.append(t)
    return out


def _with_relative_clause(doc: Doc, start: int, end: int) -> int:
    """The end after a relative clause set off by a comma (at ``end``) that the parse hangs on
    the phrase ("Roy Neal, who managed the campaign,"): it says who the speaker is. Up to the
    comma that closes it or the end of its subtree, on the same line."""
    first = doc[end + 1]
    verb = next((a for a in (first, first.head) if a.dep_ in _RELATIVE_DEPS and start <= a.head.i < end), None)
    relative = "Rel" in first.morph.get("PronType") or first.tag_ in RELATIVE_PRONOUN_TAGS
    if verb is None or verb.left_edge.i != first.i or not relative:
        return end
    stop = next((t.i for t in doc[first.i + 1 : verb.right_edge.i + 1] if t.text in (",", ";", ":")), verb.right_edge.i + 1)
    return end if _line_break_in(doc, end, stop) else stop


def _without_occasion(doc: Doc, start: int, end: int, speech_nouns: frozenset[str],
                      occasions: frozenset[str] = frozenset()) -> int:
    """The end before a prepositional phrase that names the occasion or medium of the words, not
    the speaker ("der Minister [in einem Interview]", "die Ministerin [in ihrer Rede]"): its noun is
    a noun of speech or statement (or a compound ending in one: "Pressemitteilung"), or its
    preposition one of ``occasions``, which say when ("der Trainer [nach dem Spiel]")."""
    if end - start < 2:
        return end  # no word after the first
    pos = id_list(doc, POS)  # only a preposition is made a Token
    k = next((t.i for t in (doc[i] for i in range(start + 1, end) if pos[i] == ADP)
              if (noun := _object_of_preposition(t)) is not None and start < noun.i < end and _set_apart(t, start)
              and (_speech_noun(noun, speech_nouns) or t.lower_ in occasions)), None)
    if k is None:
        return end
    while k > start + 1 and doc[k - 1].is_punct and doc[k - 1].text not in _CLOSING + ")":
        k -= 1  # "Peter Sharp, der Direktor der Reederei, [in einer Pressemitteilung]"
    return k


def _object_of_preposition(preposition: Token) -> Token | None:
    """The noun a preposition governs: its head where it is a case marker (UD: "in[case]
    einem Interview"), its object where it heads the phrase (ClearNLP: "in[prep] a phone
    interview[pobj]")."""
    if preposition.dep_ == "case":
        return preposition.head
    if preposition.dep_ == "prep":
        return next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return None


def _set_apart(preposition: Token, start: int) -> bool:
    """Whether a preposition's phrase may stand apart from the speaker: any in a UD parse (it
    hangs on its noun; the speech noun decides); in a ClearNLP parse, which hangs it on the
    name as often as on the verb, one after a comma, a bracket or a name ("said X, a steward,
    [in a phone interview]", "Dan Brill (D-Ore.) [in an interview]"), not one after a common
    noun ("the increase [in hate speech]", "a source [on the call]")."""
    if preposition.dep_ == "case":
        return True
    before = preposition.doc[preposition.i - 1] if preposition.i > start else None
    return before is not None and (before.text in (",", ")") or before.pos_ == "PROPN")


def _without_audience(doc: Doc, start: int, end: int, prepositions: frozenset[str], nouns: frozenset[str],
                      addressing: frozenset[str] = frozenset()) -> int:
    """The end before a prepositional phrase that names whom the words were for ("die Ministerin
    [vor Journalisten in Berlin]", "der Sprecher [gegenüber Reportern]"): a preposition of
    ``prepositions`` whose noun is one of ``nouns``, or one of ``addressing``, which names the
    one addressed whatever its noun ("X, Y, [gegenüber der BBC]"); the addressee is read from
    it later."""
    if not prepositions and not addressing:
        return end
    lowers, texts, punct, _, _, pos = _words(doc)[:6]
    for i in range(start + 1, end - 1):
        if pos[i] != ADP or lowers[i] not in prepositions | addressing:
            continue
        j = i + 1
        while j < end - 1 and pos[j] in (DET, ADJ):
            j += 1  # "vor dem versammelten Parlament"
        if lowers[i] in addressing or lowers[j] in nouns:
            while i > start + 1 and punct[i - 1] and texts[i - 1] not in _CLOSING + ")":
                i -= 1  # "…, Deftalgne Tessema[, gegenüber der BBC]"
            return i
    return end


_PERSONS = frozenset({"PER", "PERSON"})
_INSIDE, _BEGIN = 1, 3  # ENT_IOB of a token inside an entity ("I") and of its first ("B")
#: what cannot modify a person's name: where or how the words were said, or the verb
_NOT_AFTER_PERSON = frozenset({ADP, ADV, ADJ, VERB, AUX})


def _without_words_after_person(doc: Doc, start: int, end: int, name_prepositions: frozenset[str]) -> int:
    """The end right after a person's name that is followed, inside the phrase, by words that
    cannot modify a name: where or how the words were said, or another of the verb's phrases the
    parse hung on the name ("Felix Brandt [zur Sportschau]", "Jan Kraus [in Kassel]", "Rolf Meier
    [telefonisch]"). A person's name takes no such modifier; a party in brackets, an apposition,
    a coordinated name and a phrase naming where the speaker belongs ("von der Gewerkschaft")
    stay."""
    iob, pos, label = id_list(doc, ENT_IOB), id_list(doc, POS), id_list(doc, ENT_TYPE)
    persons = {doc.vocab.strings[name] for name in _PERSONS}
    k = end - 2
    while k >= start and not (label[k] in persons and iob[k + 1] != _INSIDE):
        k -= 1
    if k < start or pos[k] not in (PROPN, NOUN):  # (the tagger may call a surname a noun)
        return end
    # "aus heiterem Himmel", "aus persönlichen Gründen": a bare phrase of an adjective and a common
    # noun after the preposition says how or why, it names no place nor body the person belongs to
    # (a capitalised noun after a lower-case adjective: German spelling, where this is read)
    adverbial = (k + 3 < end + 1 and pos[k + 2] == ADJ and doc[k + 2].is_lower and pos[k + 3] == NOUN
                 and doc[k + 3].text[:1].isupper())
    if pos[k + 1] not in _NOT_AFTER_PERSON or (doc[k + 1].lower_ in name_prepositions and not adverbial) or (
            pos[k + 1] == ADJ and k + 2 < end and pos[k + 2] in (NOUN, PROPN)):
        return end  # a party in brackets, an apposition, "von der Gewerkschaft", "Jelpkes neuer Mitarbeiter"
    return k + 1


def _without_object_after_head(doc: Doc, start: int, end: int) -> int:
    """The end before a possessive that opens another phrase right after the phrase's noun:
    the verb's object the parse hung on the speaker ("das Gericht [seine Entscheidung]"). A
    possessive in the genitive names the owner and stays ("der Vater seiner Frau")."""
    tags, pos = _words(doc)[4:6]  # a Token only for a possessive
    for k in range(start + 1, end):
        if (tags[k] == doc.vocab.strings["PPOSAT"] and pos[k - 1] in (NOUN, PROPN)
                and "Gen" not in doc[k].morph.get("Case") and not doc[k].lower_.endswith(("er", "es"))):
            return k
    return end


#: fine tags of a personal pronoun (STTS: "er", "sie"); a demonstrative ("Die", "Der") may be an
#: article the tagger misread ("Die taz")
_LONE_PRONOUN_TAGS = frozenset({"PPER"})


def _after_object_pronoun(doc: Doc, start: int, end: int) -> int:
    """The start after a personal pronoun in the dative or accusative that opens the phrase
    before a name: the one spoken to, which the parser made the subject with the speaker as its
    apposition ("sagte [ihm] Anna Krolle")."""
    if end - start < 2 or _words(doc)[4][start] not in id_set(_LONE_PRONOUN_TAGS, doc.vocab.strings):
        return start  # (most phrases: no Token made)
    first = doc[start]
    if (end - start > 1 and first.tag_ in _LONE_PRONOUN_TAGS and first.morph.get("Case") in (["Dat"], ["Acc"])
            and doc[start + 1].pos_ == "PROPN"):
        return start + 1
    return start


def _without_words_after_pronoun(doc: Doc, start: int, end: int) -> int:
    """The end right after a third-person pronoun that opens the phrase and is followed by more
    words without a comma: the verb's object the parse hung on it ("würdigte er [Soleimanis
    Lebensweg]"). A pronoun takes no attribute that way; a first or second person may ("wir
    Europäer") and is left."""
    if end - start < 2 or _words(doc)[4][start] not in id_set(_LONE_PRONOUN_TAGS, doc.vocab.strings):
        return end  # (most phrases: no Token made)
    first, after = doc[start], doc[start + 1] if end - start > 1 else None
    if (after is None or first.tag_ not in _LONE_PRONOUN_TAGS or "3" not in first.morph.get("Person", ["3"])
            or first.morph.get("Reflex") == ["Yes"] or after.is_punct or after.pos_ == "CCONJ"
            or not (after.pos_ in ("DET", "ADP") or after.text[:1].isupper())  # what may open a phrase
            or any(t.pos_ in ("VERB", "AUX") for t in doc[start + 1 : end])):  # a span over a clause: not this
        return end
    return start + 1


def _speech_noun(token: Token, nouns: frozenset[str]) -> bool:
    low = token.lower_
    return token.pos_ == "NOUN" and (low in nouns or ends_in_noun(low, nouns, shortest=4))


def _with_affiliation(doc: Doc, start: int, end: int, prepositions: frozenset[str]) -> int:
    """The end after a prepositional phrase right after the speaker that holds a name and says
    where the speaker belongs ("Anna Roth vom Sender Kanal 5", "die Behörde in Genf"), up to
    the end of its noun phrase: on the same line, before a comma, a verb or a further phrase.

    The parser's attachment is not asked: it hangs such a phrase on the verb as often as on the
    speaker. A phrase with no name ("der Minister in einem Interview") and a pronoun ("er vom
    Verband") are left out.
    """
    words = _words(doc)
    if end >= len(doc) or words[0][end] not in prepositions or (end - start == 1 and words[5][start] == PRON):
        return end
    name = quoted_name_after(doc, end, prepositions, min(len(doc), end + 14))
    if name is not None and _same_line(doc, start, name.end):
        return name.end  # "von der „Aktion Kinder helfen“": a name in quotation marks, whatever its words
    noun = doc[end].head
    if doc[end].dep_ != "case" or noun.i <= end:
        return end
    stop = _noun_phrase_end(doc, end + 1, noun)
    if stop <= noun.i or not _same_line(doc, start, stop):
        return end
    if not any(t.pos_ == "PROPN" or (t.ent_type_ and _named(t)) for t in doc[end + 1 : stop]):
        return end
    return stop


def _with_body_spoken_for(doc: Doc, start: int, end: int, spokesperson_nouns: frozenset[str],
                          prepositions: frozenset[str]) -> int:
    """The end after the body a spokesperson at the phrase's end speaks for, when the parser
    hangs it on them, in the genitive or after one of ``prepositions`` ("einen Sprecher [des
    Ministeriums]", "a spokesman [for the ministry]"; not "der Sprecher gegenüber der Zeitung"):
    its noun phrase, on the same line, up to a comma, a verb or a further phrase. Without it the
    speaker is no one."""
    lowers, pos = _words(doc)[0], _words(doc)[5]
    if end >= len(doc) or pos[end - 1] != NOUN or not _spokesperson(lowers[end - 1], spokesperson_nouns):
        return end
    last = doc[end - 1]
    owner = next((c for c in last.rights if c.i >= end and c.left_edge.i == end and c.pos_ in ("NOUN", "PROPN")
                  or c.i == end and c.pos_ == "ADP"), None)
    if owner is not None and doc[end].pos_ == "ADP" and doc[end].lower_ not in prepositions:
        return end
    if owner is None:
        return end
    noun = owner if owner.pos_ != "ADP" else next((c for c in owner.children if c.pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return end
    stop = _noun_phrase_end(doc, end + 1, noun)
    return stop if stop > noun.i and _same_line(doc, start, stop) else end


def _noun_phrase_end(doc: Doc, first: int, noun: Token) -> int:
    """The end of the noun phrase of ``noun`` read from token ``first``: before a verb, a further
    prepositional phrase after the noun or punctuation other than marks, brackets and hyphens."""
    return next((t.i for t in doc[first : noun.right_edge.i + 1] if t.pos_ in ("VERB", "AUX")
                 or (t.pos_ == "ADP" and t.i > noun.i) or (t.is_punct and t.text not in _OPENING + _CLOSING + "()-")),
                noun.right_edge.i + 1)


def _spokesperson(low: str, nouns: frozenset[str]) -> bool:
    """Whether a noun's lower-case form is a spokesperson noun, also as the last part of a
    compound ("Ministeriumssprecher")."""
    return low in nouns or any(low.endswith(n) for n in nouns if len(low) > len(n) + 3)


_NOUN_PHRASE_WORDS = frozenset({DET, ADJ, NOUN, PROPN})
_SENTENCE_ENDS = frozenset(".!?:“”«»\"")


def _with_words_split_off(doc: Doc, start: int) -> int:
    """The start before the words that open the sentence when the parser split them off as
    sentences of their own right before the phrase ("Kölns | Präsident Wolfgang Overath",
    "Internationale | Medien berichteten", "Regierungssprecher | Yukio | Edano erklärte"):
    determiners, adjectives and nouns alone (four at most), on the same line, begin no sentence
    without the phrase after them."""
    first = start
    while first > 0 and start - first < _SPLIT_OFF_WORDS and doc[first].is_sent_start:
        before = _sentence_start(doc, first - 1)
        words = span_of(doc, before, first)
        if any(t.pos not in _NOUN_PHRASE_WORDS or not t.is_alpha for t in words) or not _same_line(doc, before, first + 1):
            return start
        first = before
        prev = doc[first - 1] if first else None
        if prev is None or prev.text[-1:] in _SENTENCE_ENDS or "\n" in prev.text_with_ws:
            return first if start - first <= _SPLIT_OFF_WORDS else start
    return start


_SPLIT_OFF_WORDS = 4


def _sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start`` (the last token at or before ``i`` that starts a sentence, else 0),
    found by bisection in the Doc's sentence starts: spaCy walks the tokens both ways per call."""
    starts = kept(doc, "sentence_start_tokens", _sentence_start_tokens)
    k = bisect_right(starts, i) - 1
    return starts[k] if k >= 0 else 0


def _sentence_start_tokens(doc: Doc) -> list[int]:
    return np.flatnonzero(doc_array(doc, SENT_START) == 1).tolist()


def tidy_speakers(doc: Doc, attributions: list[Attribution], edge_words: frozenset[str],
                  affiliations: frozenset[str] = frozenset(), speech_nouns: frozenset[str] = frozenset(),
                  audiences: tuple[frozenset[str], ...] = (frozenset(), frozenset()),
                  name_prepositions: frozenset[str] = frozenset(),
                  spokesperson_nouns: frozenset[str] = frozenset(),
                  naming_nouns: frozenset[str] = frozenset(),
                  occasions: frozenset[str] = frozenset(),
                  genitives: frozenset[str] = frozenset()) -> list[Attribution]:
    """The attributions with each speaker phrase given its reader's bounds
    (:func:`speaker_bounds`); a speaker that would lose every word is left as it is."""
    text = doc_text(doc)
    cue_starts = sorted(a.cue.start for a in attributions if a.cue is not None)
    out = []
    for att in attributions:
        sp = att.speaker
        span = char_span_kept(doc, sp.start, sp.end, "expand") if sp is not None else None
        if span is None or len(span) == 0:
            out.append(att)
            continue
        start, end = speaker_bounds(span, edge_words, affiliations=affiliations, speech_nouns=speech_nouns,
                                    audiences=audiences, name_prepositions=name_prepositions,
                                    spokesperson_nouns=spokesperson_nouns, naming_nouns=naming_nouns,
                                    occasions=occasions, genitives=genitives)
        if _runs_into(text, sp, start, end, att):
            start, end = speaker_bounds(span, edge_words, apposition=False,  # never into the quote or cue
                                        name_prepositions=name_prepositions)
        end = _without_reporting_relative(doc, start, end, cue_starts)
        if any(sp.end <= m.start < end for m in att.mediators):
            end = sp.end  # never grown over a relay ("wurde X von der Agentur Y zitiert")
        if (start, end) != (sp.start, sp.end) and start < end:
            att = replaced(att, speaker=Mention(text[start:end], start, end, sp.entity, sp.type))
        out.append(att)
    return out


def _without_reporting_relative(doc: Doc, start: int, end: int, cue_starts: list[int]) -> int:
    """The character end before a relative clause set off by a comma inside the speaker phrase
    that holds a report of its own (a cue in ``cue_starts``: "Roy Neal[, who said last week
    that …,] said"): it tells what the speaker said elsewhere, not who the speaker is."""
    span = char_span_kept(doc, start, end, "expand")
    if span is None:
        return end
    texts = _words(doc)[1]
    for comma in (doc[k] for k in range(span.start + 1, span.end - 1) if texts[k] == ","):
        first = doc[comma.i + 1]
        verb = next((a for a in (first, first.head) if a.dep_ in _RELATIVE_DEPS and span.start <= a.head.i < comma.i), None)
        if verb is None or verb.left_edge.i != first.i or not (
                "Rel" in first.morph.get("PronType") or first.tag_ in RELATIVE_PRONOUN_TAGS):
            continue
        last = doc[verb.right_edge.i]
        k = bisect_right(cue_starts, first.idx - 1)
        if k < len(cue_starts) and cue_starts[k] < last.idx + len(last.text):
            return comma.idx
    return end


_MARKS = frozenset(_OPENING + _CLOSING)


def _runs_into(text: str, speaker: Mention, start: int, end: int, att: Attribution) -> bool:
    """Whether bounds ``start``–``end`` given to ``speaker`` run into its attribution's quote or
    cue. A quote joined over its frame ("“A,” said X, a lawyer. “B.”") holds the speaker
    already: there, what the bounds add must hold no quotation mark."""
    if att.cue is not None and start < att.cue.end and att.cue.start < end:
        return True
    quote = att.quote
    if not (start < quote.end and quote.start < end):
        return False
    if speaker.start < quote.end and quote.start < speaker.end:
        added = text[start : speaker.start] + text[speaker.end : end]
        return any(ch in _MARKS for ch in added)
    return True
