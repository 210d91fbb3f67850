"""Who a quote was said to: the addressee, read from the dependents of its cue and its speaker.

"sagte X der Zeitung", "erklärte sie gegenüber dem Sender", "forderte die Regierung auf",
"Die Männer werden beschuldigt", "im Interview mit der Zeitung", "so X gegenüber der Zeitung",
"told reporters", "said to the crowd", "in an interview with CNN", "Speaking to reporters, X
said". Which dependents count is language data (the ``addressee_*``, ``subject_cases``,
``verb_*_prepositions``, ``object_addressee_verbs`` and ``conversation_*`` fields of the
lexicon), read from the parse: a dative object, a prepositional phrase with an addressee
preposition, the object (or passive subject) of a cue that addresses someone ("auffordern",
"urge"), the partner of a conversation or speech-act noun, the audience of a participle of
speech; then the same phrases hung on the speaker (:mod:`~quotegraph.extract.addressee_candidates`
lists them; this module chooses one and sets it). A phrase that is part of the speaker, the
quote or the relaying source, or the agent of a passive cue, is never the addressee; a
speaker span that swallowed the addressee ("sagte Ministerin A der Zeitung B", "der
Bürgermeister in einem Interview mit X") is cut before it, and a quote that begins with it
("Nach Angaben X gegenüber dem Sender ist …") starts after it.

>>> import spacy
>>> from quotegraph.extract.lexicon import load_lexicon
>>> from quotegraph.extract.records import Attribution, Cue, Mention, Quote
>>> nlp = spacy.blank("en")
>>> doc = spacy.tokens.Doc(nlp.vocab, words=["He", "told", "reporters", "it", "was", "over"],
...     heads=[1, 1, 1, 4, 1, 4], deps=["nsubj", "ROOT", "dative", "nsubj", "ccomp", "acomp"],
...     pos=["PRON", "VERB", "NOUN", "PRON", "AUX", "ADJ"], lemmas=["he", "tell", "reporter", "it", "be", "over"])
>>> att = Attribution("20-31", "", Quote("it was over", 20, 31, "indirect"),
...                   speaker=Mention("He", 0, 2), cue=Cue("told", 3, 7, "tell"))
>>> add_addressees(doc, [att], load_lexicon("en"))[0].addressee.text
'reporters'
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Doc, Span, Token

from .lexicon import CueLexicon
from .marks import CLOSING_MARKS, OPENING_MARKS
from .abbreviations import genitive_after_alias
from .cue_verbs import cue_lemma
from .dative_forms import adjective_head
from .doc_offsets import char_span_kept, span_of
from .doc_tables import head_list
from .addressee_candidates import (CORE_OBJECTS, candidates, disagrees, not_subject,
                                   object_among_subjects, preposition_of, speaker_candidates, state_passive, stray_dative,
                                   subjects_of)
from .head_names import noun_in
from .noun_cues import noun_cue_candidates
from .phrases import SUBJECT_DEPS, doc_text, quoted_name, strip_punct, through_closing_mark
from .records import Attribution, Mention, Quote, replaced
from .roles import cut_before

__all__ = ["add_addressees", "addressee_of", "cue_token"]

def cue_token(doc: Doc, att: Attribution) -> Token | None:
    """The verb of an attribution's cue (the root of its span), or None for a cue that is no
    verb ("laut", "according to") or an attribution without a cue."""
    if att.cue is None:
        return None
    span = char_span_kept(doc, att.cue.start, att.cue.end, "expand")
    if span is None or not len(span):
        return None
    heads = head_list(doc)  # (no Token made for a head; "t.head in span" walks the span's tokens)
    verbs = [t for t in span if _is_verb(t) and not (span.start <= heads[t.i] < span.end and heads[t.i] != t.i)]
    return verbs[0] if verbs else None


def _noun_cue(doc: Doc, att: Attribution, lex: CueLexicon) -> Iterator[Token]:
    """The candidates of a cue that is the noun of a speech act ("erteilte X den Befehl"), see
    :func:`~quotegraph.extract.noun_cues.noun_cue_candidates`."""
    span = char_span_kept(doc, att.cue.start, att.cue.end, "expand") if att.cue is not None else None
    if span is not None and len(span) and span.root.pos_ == "NOUN":
        yield from noun_cue_candidates(span.root, lex)


def _is_verb(token: Token) -> bool:
    """A verb by its part of speech or by its fine tag ("aufgefordert" tagged ADJ but VVPP: the
    POS model and the tagger disagree on participles)."""
    return token.pos_ in ("VERB", "AUX") or token.tag_[:1] == "V"


#: dependents after a noun that belong to its phrase ("Minister Jan Berg, der Sprecher der Partei")
_DESCRIBING = frozenset({"amod", "appos", "compound", "flat", "flat:name", "nummod", "nmod", "nmod:poss",
                         "poss", "punct", "cc", "conj", "prep", "pobj", "nk", "ag", "pnc", "app"})


_NAME_TAGS = frozenset({"NE", "NNP", "NNPS"})  # a proper noun's fine tag, when its part of speech says noun


def _describes(child: Token, lex: CueLexicon) -> bool:
    """Whether a dependent after a noun is part of its phrase: a name, an apposition, a genitive
    or a name's preposition ("des Vereins", "of the party"), not a complement ("als …", "zu …")."""
    if child.dep_ not in _DESCRIBING:
        return False
    if (child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_ and child.tag_ not in _NAME_TAGS
            and child.i == child.head.i + 1):
        return False  # "dem Minister Einmischung vor": no common noun stands in apposition unmarked
    if (child.dep_ in ("flat", "flat:name", "appos") and (child.pos_ == "NOUN" or child.tag_ == "NN")
            and child.head.pos_ == "PROPN" and not child.ent_type_ and child.i == child.head.i + 1):
        # "werfen Luna Menschenhandel vor": a common noun after a name, in no name the recogniser
        # found, is the verb's object ("Lena Vogt[NN, PER]" stays one name)
        return False
    prep = child.lower_ if child.dep_ == "prep" else preposition_of(child)
    if prep is not None and any(c.tag_ == "PPOSAT" or c.dep_ in ("det:poss", "poss") for c in child.children):
        return False  # "dankte den Helfern [für ihre Arbeit]": a phrase with a possessive names no body
    return prep is None or prep in lex.name_prepositions or prep in lex.genitive_articles


def _phrase(doc: Doc, head: Token, outside: list[tuple[int, int]], lex: CueLexicon) -> Span | None:
    """The phrase of ``head`` (its subtree without the preposition before it and the
    punctuation around it), cut where it runs into a span it may not overlap."""
    start, end = (adjective_head(head) or head).left_edge.i, head.i + 1  # "der Rheinischen Post"
    while start < head.i and (doc[start].dep_ == "case" or doc[start].text in (",", ";")
                              or (doc[start].pos_ == "ADV" and doc[start].dep_ == "advmod")):
        # a comma the parser hung on the phrase before its preposition too ("…, gegenüber dem
        # Sender"); a focus adverb before it is the clause's ("wird auch dem Verein vorgeworfen")
        start += 1
    for child in head.lefts:
        # a phrase with its own preposition the parser hung before the head is the clause's
        # ("sagte am Montag Reportern": when, not to whom)
        if (child.pos_ in ("NOUN", "PROPN") and child.tag_ != "ADJA" and child.right_edge.i < head.i
                and any(c.dep_ == "case" and c.i < child.i for c in child.children)):
            start = max(start, child.right_edge.i + 1)
    for child in head.rights:  # the name and what describes it, not the verb's other arguments
        if not _describes(child, lex):
            break
        end = child.right_edge.i + 1
    end = _name_after_noun(doc, head, end)
    while end - 1 > head.i and doc[end - 1].tag_ in ("PAV", "PTKVZ"):
        # a pronominal adverb or the verb's particle the parser hung on the phrase ("forderte X
        # dazu auf", "warf X (Partei) vor")
        end -= 1
    for lo, hi in outside:  # keep the side of the head that touches no quote, speaker or source
        for k in range(start, end):
            t = doc[k]
            if t.idx < hi and lo < t.idx + len(t):
                if k <= head.i:
                    start = k + 1
                else:
                    # the blocked word's own article goes with it ("den Passagieren | den Befehl")
                    first = t.left_edge.i
                    end = first if head.i < first < k else k
                    break
    if doc[start].text == "(":
        # "(OK) der Weltmeisterschaft": a bracket closed before the head holds another phrase's alias
        closing = next((k for k in range(start + 1, head.i) if doc[k].text == ")"), None)
        start = closing + 1 if closing is not None else start
    if not (start <= head.i < end):
        return None
    span = strip_punct(through_closing_mark(_through_title(doc, start, end, outside)))
    if span is not None and span.start > 0 and doc[span.end - 1].text in CLOSING_MARKS \
            and doc[span.start - 1].text in OPENING_MARKS:  # „Beijing Shibao“: the name's marks both
        span = doc[span.start - 1:span.end]
    return span if span is not None and span.start <= head.i < span.end else None


def _name_after_noun(doc: Doc, head: Token, end: int) -> int:
    """``end`` run on over a name right after a common noun that the parser hung on the verb
    instead ("told the radio station WKXT", "the broadcaster Channel Four"): the name is the
    noun's. Not a date ("told reporters Monday") nor a subject of its own ("told the court
    Smith had lied"). The name may hang higher up the noun's chain ("ein Sprecher des Ministeriums
    der Nachrichtenagentur dpa": "dpa" on "Sprecher")."""
    if head.pos_ != "NOUN":
        return end
    k = end
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("DATE", "TIME"):
        k += 1
    above = {head.i, *(a.i for a in head.ancestors), *range(end, k)}
    if k == end or any(doc[j].dep_ in SUBJECT_DEPS or doc[j].head.i not in above for j in range(end, k)):
        return end
    return k


def _through_title(doc: Doc, start: int, end: int, outside: list[tuple[int, int]]) -> Span:
    """``doc[start:end]``, run on to the closing mark of a title in quotation marks it opens
    but does not close, when only nouns, names and the words of a name stand between ("der
    „Bild am Sonntag“": the parser hung "am Sonntag" on "Bild" as a phrase of its own); the
    title is one name."""
    opened = [k for k in range(start, end) if doc[k].text in OPENING_MARKS]
    if not opened or any(doc[k].text in CLOSING_MARKS for k in range(opened[-1] + 1, end)):
        return doc[start:end]
    for k in range(end, min(end + 5, len(doc))):
        t = doc[k]
        if any(lo < t.idx + len(t) and t.idx < hi for lo, hi in outside) or t.pos_ in ("VERB", "AUX") \
                or (t.is_punct and t.text not in CLOSING_MARKS):
            break
        if t.text in CLOSING_MARKS:
            return doc[start:k + 1]
    return doc[start:end]


def addressee_of(doc: Doc, att: Attribution, lex: CueLexicon) -> tuple[Span | None, bool, Span | None]:
    """The addressee of one attribution (or None), whether the speaker is that addressee
    taken for the speaker ("Die Männer werden beschuldigt": the subject of a passive cue that
    addresses someone is the one addressed; who spoke is not said), and then the cue's own
    subject, the speaker, if it has one ("Kritiker werfen Obama vor").

    The candidates of :func:`candidates` are taken in order; one inside the quote (unless the
    quote is the whole sentence, cue included) or the mediator, or inside the speaker's own
    phrase, is passed over.
    """
    verb = cue_token(doc, att)
    if verb is None and att.cue is None:
        return None, False, None
    quote = (att.quote.start, att.quote.end)
    if verb is not None and quote[0] <= verb.idx < quote[1]:  # a speech act sentence: its quote holds the frame too
        quote = (verb.idx, verb.idx)
    mediator = (att.mediator.start, att.mediator.end) if att.mediator else None
    speaker = (att.speaker.start, att.speaker.end) if att.speaker else None
    # the cue's own dependents first (a noun cue's: "die Aufforderung an X"); then what hangs on
    # the speaker ("so X gegenüber Y", "according to X speaking to Y": a cue that is no verb, or
    # one the tagger called a verb)
    own = candidates(verb, _lemma_with_particle(verb, lex), lex) if verb is not None else _noun_cue(doc, att, lex)
    if verb is not None and verb.dep_ == "amod" and verb.head.i > verb.i:
        # "Das sagte[amod] Anna Roth der Zeitung": the parser read the cue as an adjective of the
        # speaker's noun and hung the verb's phrases on that noun
        own = chain(own, candidates(verb.head, _lemma_with_particle(verb, lex), lex))
    heads = chain(own, speaker_candidates(doc, speaker, lex))
    for head in heads:
        head = _noun_of_modifier(head)
        if verb is not None and _passive_agent(head, verb, lex):
            continue  # "wurde von der Regierung beschuldigt": who spoke, not who was spoken to
        if head.lower_ in lex.time_nouns:
            # "sagte dieser Tage": when it was said, not to whom; the parser may hang the
            # addressee after it on it ("sagte dieser Tage der Zeitung")
            head = next((c for c in head.rights if c.dep_ in ("nmod", "appos") and c.pos_ in ("NOUN", "PROPN")
                         and preposition_of(c) is None), None)
            if head is None:
                continue
        after = head.right_edge.i + 1
        if after < len(doc) and doc[after].lower_ in lex.after_source:
            continue  # "sagte die Kanzlerin einigen Teilnehmern zufolge": who told it, unattached
        if quote[0] <= head.idx < quote[1] and _opens_quote(doc, head, quote, lex):
            quote = (_phrase_end(doc, head, lex), quote[1])  # "Nach Angaben X| gegenüber dem Sender ist …"
        opens = _opens_infinitive_content(head, verb, att, lex)
        if (quote[0] <= head.idx < quote[1] and not opens) or (mediator and mediator[0] <= head.idx < mediator[1]):
            continue
        in_speaker = speaker is not None and speaker[0] <= head.idx < speaker[1]
        det = next((c for c in head.lefts if c.dep_ == "det"), None)
        if in_speaker and det is not None and genitive_after_alias(doc, det.i, lex.genitive_articles):
            continue  # "das Organisationskomitee (OK) der Weltmeisterschaft": the speaker's genitive
        if not in_speaker and _towards_in_another_phrase(head, speaker, lex):
            continue  # "Deren Haltung gegenüber der Partei bezeichnete er als …": whom an attitude is towards
        subject = _subject_beside(doc, speaker, head, verb, lex) if in_speaker else None
        if subject is not None and att.quote.gaps and any(a <= subject.idx < b for a, b in att.quote.spans()):
            subject = None  # the subject of the words around a frame ("The ferry, X told them, was …") is theirs
        is_speaker = in_speaker and (head.dep_ in lex.passive_subject_dependents or subject is not None
                                     or (verb is not None and head.head == verb and state_passive(verb, lex)
                                         and head.dep_ not in CORE_OBJECTS))
        if in_speaker and not is_speaker and not (_after_speaker_head(doc, speaker, head)
                                                   or _attached_inside(head, speaker, lex)
                                                   or stray_dative(head, lex)
                                                   # "die Aufforderung der Polizei an X": the
                                                   # noun's "an" the parser hung on its genitive
                                                   or (verb is None
                                                       and preposition_of(head) in lex.directed_prepositions)):
            continue
        blocked = ([] if opens else [quote]) + ([mediator] if mediator else [])
        if verb is None and att.cue is not None:
            blocked.append((att.cue.start, att.cue.end))  # "den Passagieren den Befehl": the noun cue is no part of it
        if speaker and not in_speaker:
            blocked.append(speaker)
        span = _phrase(doc, head, blocked, lex)
        if span is not None:
            return span, is_speaker, (_phrase(doc, subject, [quote], lex) if subject is not None else None)
    return None, False, None


def _opens_infinitive_content(head: Token, verb: Token | None, att: Attribution, lex: CueLexicon) -> bool:
    """Whether the candidate is the cue's object that opens the content as the subject of its
    infinitive ("urged [Congress] to act": ``CueLexicon.infinitive_subject_verbs``): it is
    addressed though it is part of what was said."""
    return (verb is not None and head.head == verb and head.dep_ in ("dobj", "obj")
            and head.left_edge.idx == att.quote.start and cue_lemma(verb, lex) in lex.infinitive_subject_verbs)


def _noun_of_modifier(token: Token) -> Token:
    """The noun an adjective before it modifies, for a candidate the parser made of the
    adjective ("Gegenüber den Stuttgarter Nachrichten": the preposition hung on "Stuttgarter",
    tagged an adjective, though its part of speech may say noun);
    any other token itself."""
    noun = token.head
    adjective = token.pos_ == "ADJ" or token.tag_ == "ADJA"
    if token.dep_ == "amod" and adjective and noun.i > token.i and noun.pos_ in ("NOUN", "PROPN"):
        return noun
    return token


def _towards_in_another_phrase(head: Token, speaker: tuple[int, int] | None, lex: CueLexicon) -> bool:
    """Whether ``head`` is the object of an addressee preposition ("gegenüber") inside the phrase
    of a common noun that is not the speaker's ("ihre Haltung gegenüber der Partei", "die
    Skepsis gegenüber der Regierung"): the phrase says whom that noun is towards, not to whom the
    words were said. The parser hangs the speaker's own "gegenüber" phrase on the speaker's
    noun ("sagte der Sprecher gegenüber der Zeitung"), which is kept."""
    carrier = head.head
    if (speaker is None or carrier.pos_ != "NOUN" or carrier.i >= head.i
            or preposition_of(head) not in lex.addressee_prepositions):
        return False
    return not (speaker[0] <= carrier.idx < speaker[1]) and carrier.lower_ not in lex.time_nouns


def _lemma_with_particle(verb: Token, lex: CueLexicon) -> str | None:
    """The cue's lemma, with the separated particle that closes its clause when the tagger's
    tag kept :func:`cue_lemma` from looking for one ("forderte[ADJA] Mussawi dazu auf"); a
    particle that makes another verb than a cue gives that verb, whose dative is no one spoken
    to ("schreibt der Partei den Verdienst zu": zuschreiben, not schreiben)."""
    lemma = cue_lemma(verb, lex)
    if lemma is None or not lex.separable_particles:
        return lemma
    for token in span_of(verb.doc, verb.i + 1, verb.sent.end):
        if token.is_punct:
            break
        if token.tag_ == "PTKVZ":
            joined = token.lower_ + lemma
            if joined in lex.verbs or (token.head == verb and token.dep_ == "compound:prt"
                                       and not lemma.startswith(token.lower_)):
                return joined  # (cue_lemma may have joined it already: "mitteilen")
            return lemma
    return lemma


def _attached_inside(head: Token, speaker: tuple[int, int], lex: CueLexicon) -> int | None:
    """Where the conversation or participle of speech that carries the addressee opens inside
    the speaker span, if it does ("der Bürgermeister in einem Interview mit X", "a spokeswoman
    speaking to X": the speaker ends before it)."""
    carrier = head.head
    if carrier.pos_ == "ADP":  # ClearNLP: the preposition stands between ("speaking to X")
        carrier = carrier.head
    if carrier == head or not (noun_in(carrier, lex.conversation_nouns, lex) or carrier.dep_ == "acl"):
        return None
    edge = carrier.left_edge.idx
    return edge if speaker[0] < edge < speaker[1] else None


def _quote_after(text: str, quote: Quote, at: int) -> Quote:
    """The quote from the first word after ``at``."""
    start = at
    while start < quote.end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    return replaced(quote, text=text[start:quote.end], start=start)


def _passive_agent(head: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether a candidate is the agent of a passive cue: the cue has a passive auxiliary and
    the phrase opens with an agent preposition ("von", "by")."""
    if not any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return False
    first = head.left_edge
    before = head.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ in lex.agent_prepositions or (
        first.i == head.i and before is not None and before.lower_ in lex.agent_prepositions)


def _opens_quote(doc: Doc, head: Token, quote: tuple[int, int], lex: CueLexicon) -> bool:
    """Whether an addressee phrase with its preposition opens the quote, which then ran on over
    the frame ("Nach Angaben X gegenüber dem Sender ist …": the content starts after it)."""
    first = head.left_edge
    return (first.idx == quote[0] and first.dep_ == "case" and first.lower_ in lex.addressee_prepositions
            and _phrase_end(doc, head, lex) < quote[1])


def _phrase_end(doc: Doc, head: Token, lex: CueLexicon) -> int:
    """Where the phrase of ``head`` ends (a character offset)."""
    span = _phrase(doc, head, [], lex)
    return span.end_char if span is not None else head.idx + len(head)


def _subject_beside(doc: Doc, speaker: tuple[int, int], head: Token, verb: Token | None,
                    lex: CueLexicon) -> Token | None:
    """The cue's own subject, when the speaker span is the cue's object ("sagte Reportern[Dat]",
    "forderte Mussawi auf", "Kritiker werfen Obama vor"): its head is an object of the cue, in
    a case no subject is in, or the object of two subjects, while the cue has a subject of its
    own outside the span; else None."""
    span = char_span_kept(doc, *speaker, "expand")
    if verb is None or span is None or span.root != head or head.head != verb:
        return None
    every = subjects_of(verb, lex)
    # "Das hat der Sprecher gesagt": a pointer back at the report is what was said, not who
    subjects = [c for c in every if c != head and not (speaker[0] <= c.idx < speaker[1])
                and not (c.pos_ == "PRON" and c.lower_ in lex.report_pointers)]
    taken = (head.dep_ in CORE_OBJECTS or not_subject(head, lex) or head == object_among_subjects(every, verb, lex)
             or (disagrees(head, verb) and any(not disagrees(s, verb) for s in subjects)))
    return subjects[0] if subjects and taken else None


def _after_speaker_head(doc: Doc, speaker: tuple[int, int], head: Token) -> bool:
    """Whether ``head`` sits in the speaker span only because the span ran on past its own
    phrase ("Ministerin A der Zeitung B"): the addressee's phrase ends the span and is not
    part of the speaker's own subtree."""
    span = char_span_kept(doc, *speaker, "expand")
    if span is None:
        return False
    root = span.root
    return head.i > root.i and head.head != root and not head.is_ancestor(root) and not root.is_ancestor(head)


def add_addressees(doc: Doc, attributions: list[Attribution], lex: CueLexicon) -> list[Attribution]:
    """The attributions with their addressees set (and a speaker that swallowed its
    addressee cut before it)."""
    if not (lex.addressee_dependents or lex.addressee_cases or lex.addressee_prepositions
            or lex.conversation_nouns or lex.object_addressee_verbs or lex.addressee_verbs):
        return attributions
    out = []
    text = doc_text(doc)
    cut_speakers: dict[tuple[int, int], Mention] = {}  # a speaker span as found → the same cut before its addressee
    for att in attributions:
        outlet = quoted_outlet_after_cue(doc, att, lex)
        span, was_speaker, subject = (outlet, False, None) if outlet is not None else addressee_of(doc, att, lex)
        if span is None:
            out.append(att)
            continue
        start, end = span.start_char, span.end_char
        changes: dict = {"addressee": Mention(text[start:end], start, end)}
        quote = att.quote
        if quote.start < start < quote.end and text[quote.start:start].strip().lower() in lex.addressee_prepositions:
            changes["quote"] = _quote_after(text, quote, end)  # the quote ran on over the frame
        spk = att.speaker
        if was_speaker:  # the cue's own subject spoke, if it has one
            changes["speaker"] = Mention(subject.text, subject.start_char, subject.end_char) if subject else None
        elif spk is not None and (spk.start < start < spk.end or _attached_inside(span.root, (spk.start, spk.end), lex)):
            opens = (_attached_inside(span.root, (spk.start, spk.end), lex)
                     or max(spk.start, min(start, span.root.left_edge.idx)))
            cut = cut_before(text, spk, opens)  # the addressee's preposition (or conversation) goes with it
            if cut is not None:
                changes["speaker"] = cut_speakers[(spk.start, spk.end)] = cut
        out.append(replaced(att, **changes))
    # a report that goes on with the speaker of the one before ("…, sagte X der Zeitung. Die
    # Arbeitgeber hätten …") took that speaker's span as found: the speaker, not the addressee
    out = [replaced(att, speaker=cut_speakers[key]) if att.speaker is not None and att.addressee is None
           and (key := (att.speaker.start, att.speaker.end)) in cut_speakers else att for att in out]
    return _addressees_going_on(text, out)


def _addressees_going_on(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """A direct quote with no frame of its own that goes on with the speaker of the quote right
    before it (``inherited``) was said to the same one: "„…“, sagte er dem Sender. „…“", or
    the quote inside that report ("sagte sie vor der Presse, X „sei …“"). Right before: only
    that report's frame, closed by its sentence's end, stands between; a report in reported
    mood going on is another's telling, not these words said again (it keeps none).

    >>> t = "„Ja“, sagte Ola dem Sender. „Nein.“"
    >>> first = Attribution("a", "d", Quote(t[:4], 0, 4, "direct"), speaker=Mention("Ola", 12, 15),
    ...                     addressee=Mention("dem Sender", 16, 26))
    >>> second = Attribution("b", "d", Quote(t[28:], 28, 35, "direct"), speaker=Mention("Ola", 12, 15),
    ...                      inherited=True)
    >>> _addressees_going_on(t, [first, second])[1].addressee.text
    'dem Sender'
    """
    told = [a for a in attributions if a.addressee is not None and a.speaker is not None]
    if not told:
        return attributions
    out = []
    for att in attributions:
        if att.inherited and att.cue is None and att.addressee is None and att.speaker is not None \
                and att.quote.kind == "direct":
            before = [a for a in told if a.quote.start < att.quote.start and a.speaker == att.speaker]
            last = max(before, key=lambda a: a.quote.start, default=None)
            if last is not None and _right_after(text, last, att.quote.start):
                att = replaced(att, addressee=last.addressee)
        out.append(att)
    return out


def _right_after(text: str, told: Attribution, start: int) -> bool:
    """Whether a quote starting at ``start`` lies inside ``told``'s quote, or follows its frame
    with nothing but the frame's closing punctuation between (no new sentence, no paragraph)."""
    if start < told.quote.end:
        return True
    frame_end = max(told.quote.end, told.addressee.end, told.speaker.end, told.cue.end if told.cue else 0)
    gap = text[frame_end:start] if frame_end <= start else None
    return gap is not None and "\n" not in gap and all(not c.isalnum() for c in gap)


def quoted_outlet_after_cue(doc: Doc, att: Attribution, lex: CueLexicon) -> Span | None:
    """A title in quotation marks after a dative article right after the cue, or after a
    speaker that follows the cue ("X sagte der „Abendpost“, …", "…, sagte X dem „Hafenkurier“"):
    an outlet spoken to, whatever the parser made of it (it hangs the title on the clause after
    it, or on the speaker); None when there is none, or when the title opens a compound ("der
    „Kurier“-Reporter") or the speaker is not known."""
    # a dative article, or one that is dative or genitive ("der"), never one only of the genitive
    articles = lex.dative_determiners | (lex.genitive_articles - lex.genitive_only_determiners)
    if att.cue is None or att.speaker is None or not articles:
        return None
    cue = char_span_kept(doc, att.cue.start, att.cue.end, "expand")
    if cue is None or cue.root.pos_ not in ("VERB", "AUX"):  # (not "laut einem Bericht der „…“")
        return None
    starts = [cue.end]
    if att.speaker.start >= att.cue.end:  # "sagte X der „…“": after the speaker, or the end of it
        speaker = char_span_kept(doc, att.speaker.start, att.speaker.end, "expand")
        if speaker is None or speaker.start != cue.end:
            return None
        starts = range(speaker.start + 1, speaker.end + 1)
    for i in starts:
        # inside the speaker only right after a name: after a common noun it is its owner
        # ("die Online-Ausgabe der „Abendpost“")
        if i + 1 >= len(doc) or doc[i].lower_ not in articles or (
                i != starts[-1] and doc[i - 1].pos_ != "PROPN" and not doc[i - 1].ent_type_):
            continue
        name = quoted_name(doc, i + 1, min(len(doc), i + 9))
        if name is not None and not (name.end < len(doc) and doc[name.end].text[:1] in "-‐"):
            return doc[i : name.end]
    return None


def quoted_addressees(attributions: list[Attribution]) -> list[bool]:
    """For each attribution, whether it is a quoted fragment inside another's addressee ("sagte
    der Minister der „Bild am Sonntag“": the paper's name, not words of the minister)."""
    spans = [(a.addressee.start, a.addressee.end) for a in attributions if a.addressee is not None]
    return [a.quote.kind == "direct" and a.pattern == "embedded"
            and any(start <= a.quote.start and a.quote.end <= end for start, end in spans)
            for a in attributions]
