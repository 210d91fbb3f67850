"""Free indirect speech: sentences in Konjunktiv I that continue a report (or relay its frame), and hearsay with "soll … haben"."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
from spacy.attrs import ORTH, POS, TAG
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import span_text
from ..doc_tables import among, between as indices_between, doc_array, forms, kept, tokens_where, tokens_with
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma, cue_tokens
from ..konjunktiv import FINITE_TAGS, MISTAGGED_VERB_TAGS, NONFINITE_VERB_TAGS, konjunktiv_mood, may_be_konjunktiv
from ..phrases import NAME_LABELS, doc_text, ends_in_noun, np_after, sentences, strip_punct
from ..subjects import subject_of
from ..quotemarks import has_words
from .clauses import reported_mood, with_final_punct
from .found import Found, FoundIndex, Pattern, cue_chars, span_chars
from .source_phrases import is_source_noun
from .agents import passive_agent
from .speakers import is_impersonal, nominative_after_auxiliary, usable_speaker

#: Dependencies of a clause on the clause that governs it: complement, adverbial and
#: relative clauses, and a predicate the complement hangs on ("zeigte sich besorgt, dass …").
_GOVERNED_DEPS = frozenset({"ccomp", "advcl", "acl", "xcomp", "oc", "mo", "re", "rc"})
_AUXILIARY_DEPS = frozenset({"aux", "aux:pass", "cop"})


def _is_reportive_modal(token: Token, lex: CueLexicon) -> bool:
    """Present-tense "soll"/"sollen" as a finite modal: hearsay ("Er soll geflohen sein")."""
    return token.lower_ in lex.hearsay_modals and token.tag_ in ("VMFIN", "") and token.pos_ in ("AUX", "VERB", "")


def _has_perfect_infinitive(sent: Span, lex: CueLexicon) -> bool:
    """"… geflohen sein", "… angegriffen haben": with "soll", hearsay about the past; "soll …
    erreichen" or "soll … überprüft werden" is a plan or an order."""
    doc = sent.doc
    return any(i + 1 < sent.end and doc[i + 1].lower_ in lex.perfect_auxiliaries
               for i in tokens_where(doc, _is_participle_tag, sent.start, sent.end, attr=TAG))


def _is_participle_tag(tag: str) -> bool:
    return tag in ("VVPP", "VAPP", "VMPP")


def _verbal(doc: Doc) -> list[int]:
    """The tokens tagged as verbs, auxiliaries or nothing, from the Doc's POS array, and those
    whose STTS tag is a finite verb's whatever their part of speech ("Jedoch ruhe die
    Mitgliedschaft …": ADJ, VVFIN) or one a small tagger gives a rare Konjunktiv I ("Das
    bedeute[ADV] …", "Es gebe[ADJA] …"; :func:`reported_mood` judges them), kept while the Doc
    is read."""
    return kept(doc, "verbal_or_untagged", _verbal_tokens)


def _verbal_tokens(doc: Doc) -> list[int]:
    verbal = among(doc_array(doc, POS), [int(VERB), int(AUX), 0])
    tags = FINITE_TAGS | MISTAGGED_VERB_TAGS | {"ADJA"}  # reported_mood judges the mistagged ones
    finite = among(doc_array(doc, TAG), [doc.vocab.strings.add(tag) for tag in tags])
    return np.flatnonzero(verbal | finite).tolist()


def _in_reported_mood(doc: Doc, sent: Span, lex: CueLexicon) -> list[Token]:
    """The verbal tokens of ``sent`` (:func:`_verbal`) in reported mood (:func:`reported_mood`);
    those whose tag and form rule out a mood (``may_be_konjunktiv``: a participle, most
    adjectives) are passed over without a Token read."""
    texts, tags = forms(doc, ORTH), forms(doc, TAG)
    return [doc[i] for i in indices_between(_verbal(doc), doc, sent.start, sent.end)
            if may_be_konjunktiv(texts[i], tags[i], texts[i - 1] if i > 0 else None) and reported_mood(doc[i], lex)]


def _tokens(doc: Doc, indices: list[int], sent: Span) -> list[Token]:
    """The tokens of ``sent`` among the sorted token ``indices``, in order."""
    return [doc[i] for i in indices_between(indices, doc, sent.start, sent.end)]


def _clause_head(verb: Token) -> Token:
    """The head of the clause a finite verb is the auxiliary of ("behandelt" for "würde")."""
    return verb.head if verb.dep_ in _AUXILIARY_DEPS and verb.head.i != verb.i else verb


def governed_report(doc: Doc, sent: Span, verbs: list[Token], lex: CueLexicon) -> Found | None:
    """"Die Aktivistin zeigte sich besorgt, dass … würde", "X kritisierte …, es sei …": reported
    mood only in a clause that an indicative clause with a subject governs. That subject's
    view is reported (the Konjunktiv of a dependent clause attributes it to the subject of
    the clause above), whatever its verb: it is the speaker, its verb the cue, the dependent
    clause the content. None when a main clause is in reported mood itself (then the
    sentence continues a report before it), or the governor is passive or has no subject
    that can speak."""
    if not verbs or not doc.has_annotation("DEP"):
        return None
    governor = content = None
    for verb in verbs:
        head = _clause_head(verb)
        while head.dep_ == "conj" and head.head.i != head.i:
            head = _clause_head(head.head)  # "weil X … habe und … dürfe": the first conjunct's clause
        if head.dep_ not in _GOVERNED_DEPS or head.head.i == head.i:
            return None  # a main clause in reported mood
        up = head.head
        # a predicate or noun the clause hangs on ("besorgt, dass", "Strategie, die … solle")
        while up.dep_ not in ("ROOT", "root") and up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        if up.pos_ not in ("VERB", "AUX"):
            return None
        up = _clause_head(up) if up.pos_ == "AUX" else up
        if governor is None:
            governor, content = up, head
        elif governor.i != up.i:
            return None
    # "zeigte sich besorgt, dass …", "wollte …, dass": the subject belongs to the verb the predicate hangs on
    while (governor.dep_ in ("xcomp", "oc") and governor.head.i != governor.i
           and not any(c.dep_ in ("nsubj", "sb") for c in governor.children)):
        governor = governor.head
    if reported_mood(governor, lex) or any(reported_mood(c, lex) for c in governor.children if c.dep_ in _AUXILIARY_DEPS):
        return None  # the governing clause in reported mood too: the sentence continues a report
    if any(c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass") for c in governor.children):
        return None  # a passive names no one whose view it is
    speaker = usable_speaker(subject_of(governor, sent.start, sent.end, lex), lex)
    if (speaker is None or speaker.root.pos_ not in ("NOUN", "PROPN", "PRON") or speaker.root.lower_ in lex.impersonal
            or content.left_edge.i <= speaker.start < content.right_edge.i + 1):
        return None
    clause = strip_punct(doc[content.left_edge.i : content.right_edge.i + 1])
    if clause is None or not has_words(span_text(clause), 3) or clause.start <= governor.i < clause.end:
        return None
    return Found((clause.start_char, with_final_punct(doc, clause)), "indirect", cue=cue_chars(governor, governor.lemma_.lower()),
                 speaker=span_chars(speaker), pattern=Pattern.KONJUNKTIV)


def _viewpoint_holder(doc: Doc, sent: Span, verbs: list[Token], lex: CueLexicon) -> Span | None:
    """"Für den Theologen X sei der Rücktritt verständlich": a phrase of
    ``CueLexicon.viewpoint_prepositions`` that opens a sentence and fills the whole place before
    its finite verb in reported mood names whose view the sentence gives, when it names a
    person or body (a name, or a definite title or organisation noun); else None."""
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    if first is None or first.lower_ not in lex.viewpoint_prepositions:
        return None
    finite = next((t for t in verbs if t.i > first.i + 1), None)
    if finite is None or not finite.tag_.endswith("FIN"):
        return None
    phrase = strip_punct(doc[first.i + 1 : finite.i])
    if phrase is None or any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or t.text == "," for t in phrase):
        return None  # only a noun phrase before the verb ("Für X, der …, sei", "Für Kinder unter zehn sei" are not)
    if not (any(t.ent_type_ in NAME_LABELS for t in phrase) or _speaking_body(phrase, lex)):
        return None  # "Für die Kinder sei das gut": the phrase names no one who speaks
    return phrase


def _hearsay(doc: Doc, speaker: tuple[int, int] | None, lex: CueLexicon) -> bool:
    """Whether a speaker is a noun of hearsay with only its article ("Dem Vernehmen nach …"):
    it names no one, so no later sentence goes on with it as its speaker."""
    span = doc.char_span(*speaker, alignment_mode="expand") if speaker is not None else None
    return (span is not None and len(span) == 2 and span[0].pos_ == "DET"
            and span[1].lower_ in lex.hearsay_nouns)


def _topic_before(doc: Doc, sent: Span, lex: CueLexicon) -> tuple[int, int] | None:
    """The subject of the main clause of the sentence right before a sentence in reported mood
    that no report precedes ("Am Rande der Sitzung nahm der Ministerpräsident Stellung. Jeder
    Pädagoge könne …"): the one whose view the next sentence reports, when it can speak."""
    root = _main_verb(sent)
    copula = any(c.dep_ == "cop" for c in root.children)  # "X ist besorgt."
    if (root.pos_ not in ("VERB", "AUX") and not copula) or reported_mood(root, lex):
        return None
    if any(c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass") for c in root.children):
        # "Die Forderungen wurden von Minister X als unrealistisch bezeichnet.": a passive
        # reporting verb's agent is the one whose view goes on
        agent = passive_agent(doc, root, sent.start, sent.end, lex) if cue_lemma(root, lex) else None
        if agent is None and cue_lemma(root, lex):
            # "In einem Bericht von X werden die Maßnahmen als … bezeichnet.": with no agent, the
            # document the passive names is the source
            return span_chars(_document_before(doc, root, sent, lex))
        return span_chars(agent) if agent is not None and any(t.ent_type_ in NAME_LABELS for t in agent) else None
    subject = subject_of(root, sent.start, sent.end, lex)
    if subject is None:
        # "Am 15. Mai hat die Wahlkommission … entschieden": a subject the parser made an object
        subject = nominative_after_auxiliary(doc, root, sent.end, lex)
    speaker = usable_speaker(subject, lex)
    if speaker is None or not (any(t.ent_type_ in NAME_LABELS for t in speaker) or _speaking_body(speaker, lex)):
        return None  # a named person or body, not any noun the sentence is about
    return span_chars(speaker)


def _document_before(doc: Doc, verb: Token, sent: Span, lex: CueLexicon) -> Span | None:
    """The document a clause names before its verb with a preposition of place ("In einem
    Bericht von X", ``CueLexicon.document_prepositions``) when a source noun heads it, or None."""
    prep = next((t for t in doc[sent.start : verb.i] if t.lower_ in lex.document_prepositions), None)
    phrase = np_after(doc, prep.i + 1, verb.i, lex) if prep is not None else None
    return phrase if phrase is not None and is_source_noun(phrase.root, lex) else None


def _main_verb(sent: Span) -> Token:
    """The root of a sentence, or where the parser split it in parts (:func:`sentences` joins
    them: "Berlins | Regierender Bürgermeister X bedauerte …") the first root that is a verb."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    return next((t for t in sent if t.head.i == t.i and t.pos_ in ("VERB", "AUX")), root)


def _speaking_body(phrase: Span, lex: CueLexicon) -> bool:
    """Whether a definite phrase names one who speaks by its head: a title, an organisation
    noun or an institution's (``seat_nouns``), also as a compound's last part ("der
    Bürgermeister", "die Wahlkommission", "die Kriminalpolizei")."""
    head = phrase.root
    if head.pos_ != "NOUN" or phrase[0].lower_ not in lex.determiners or phrase[0].lower_.startswith("ein"):
        return False
    nouns = _lower_words(lex.titles | lex.organisation_nouns | lex.seat_nouns)
    return head.lower_ in nouns or ends_in_noun(head.lower_, nouns, shortest=4)


@lru_cache(maxsize=4)
def _lower_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _reports_on_its_own(cue: Token, sent: Span, lex: CueLexicon) -> bool:
    """Whether a cue makes its sentence a report of its own, not one that goes on with the
    report before it: a finite cue said by someone. An infinitive or a participle that found
    nothing ("Man habe den Botschafter einbestellt, um zu protestieren.", "Die Diagnose sei
    bestätigt worden.") leaves the sentence's reported mood to the report before it."""
    return cue.tag_ not in NONFINITE_VERB_TAGS and not _said_by_no_one(cue, sent, lex)


def _said_by_no_one(cue: Token, sent: Span, lex: CueLexicon) -> bool:
    """Whether a cue's subject is no one ("Kein Lehrer", "Niemand"): no speech act of its own."""
    subject = subject_of(cue, sent.start, sent.end, lex) if lex.negative_words else None
    return subject is not None and subject[0].lower_ in lex.negative_words


def find_subjunctive_continuations(doc: Doc, lex: CueLexicon, found: FoundIndex, *,
                                   broad: bool = False) -> Iterator[Found]:
    """Sentences in reported-speech mood (Konjunktiv I) with no finite cue of their own, and
    hearsay with "soll … haben/sein".

    In news, such a sentence continues someone's reported speech (free indirect speech): one
    right after a report takes its speaker, and consecutive ones merge into one quote; further
    away (up to a dozen sentences) the speaker is left open rather than guessed. ``broad``:
    one with no report before it in reach is a candidate too (pattern "konjunktiv_far").
    """
    if not lex.reported_mood:
        return
    ends = sorted((f for f in found if f.pattern != Pattern.EMBEDDED or (f.cue is not None and f.speaker is not None)),
                  key=lambda f: f.quote[1])
    sents = sentences(doc)
    text = doc_text(doc)
    for k, sent in enumerate(sents):
        if not found.outside(sent.start_char, sent.end_char) or any(
                _reports_on_its_own(doc[i], sent, lex) for i in cue_tokens(doc, sent.start, sent.end, lex)):
            continue  # explained already, or a sentence with a cue of its own (not "Kein Lehrer müsse fürchten")
        verbs = _in_reported_mood(doc, sent, lex)
        modals = [t for t in _tokens(doc, tokens_with(doc, lex.hearsay_modals), sent) if _is_reportive_modal(t, lex)]
        reportive = modals if _has_perfect_infinitive(sent, lex) else []
        # "Das Werk soll 2009 öffnen.": a plan or an order, reported only right after a report
        planned = bool(modals) and not (verbs or reportive)
        if not (verbs or reportive or planned):
            continue
        governed = governed_report(doc, sent, verbs, lex)
        if governed is not None:
            ends.append(governed)
            yield governed
            continue
        holder = _viewpoint_holder(doc, sent, verbs, lex) if verbs else None
        content = strip_punct(sent) if holder is not None else None
        if content is not None and has_words(span_text(content), 3):
            # "Für den Theologen X sei der Rücktritt verständlich": X's view, whatever came before
            f = Found((content.start_char, with_final_punct(doc, content)), "free_indirect", pattern=Pattern.KONJUNKTIV)
            f.speaker = span_chars(holder)
            ends.append(f)
            yield f
            continue
        # a quoted fragment in a frame of its own ("Er nannte den Plan „einen Wortbruch“.") is a
        # report only the next sentence goes on with, in Konjunktiv I (not a plan, not a conditional)
        right_after = any(konjunktiv_mood(t) == "I" for t in verbs) and k > 0
        prev = [f for f in ends if f.quote[1] <= sent.start_char
                and (f.pattern != Pattern.EMBEDDED or right_after and f.quote[1] > sents[k - 1].start_char)]
        if not prev and planned:
            continue
        if not prev and not verbs:
            # "Der Täter soll … geflohen sein.": reportive "sollen" marks hearsay on its own
            content = strip_punct(sent)
            if content is not None and has_words(span_text(content), 4):
                f = Found((content.start_char, with_final_punct(doc, content)), "free_indirect", pattern=Pattern.SOLLEN)
                ends.append(f)
                yield f
            continue
        # the report that ends last before it (``ends`` grows as continuations are found)
        last = max(prev, key=lambda f: f.quote[1]) if prev else None
        far = last is None
        if last is not None:
            gap = text[last.quote[1] : sent.start_char]
            between = [s for s in sents[max(0, k - 3) : k] if s.start_char >= last.quote[1]]
            far = gap.count("\n\n") > 4 or len(between) > 12
        if planned and (far or between):
            continue
        # no report in reach, but the sentence before has a named subject of its own: its view
        # ("Staatspräsident X ist besorgt. Der Konflikt sei nicht ethnisch motiviert.")
        topic = _topic_before(doc, sents[k - 1], lex) if far and k > 0 and not planned else None
        if far and not broad and topic is None:
            continue
        content = strip_punct(sent)
        if content is None or not has_words(span_text(content), 3):
            continue
        end = with_final_punct(doc, content)
        if topic is not None:
            f = Found((content.start_char, end), "free_indirect", pattern=Pattern.KONJUNKTIV, inherited=True)
            f.speaker = topic
            ends.append(f)
            yield f
            continue
        # Konjunktiv II alone ("sie hätten", "würden") is also the mood of conditionals: with
        # no one to attribute it to, it is no report
        only_ii = bool(verbs) and all(konjunktiv_mood(t) == "II" for t in verbs)
        if far:
            if only_ii:
                continue
            # no report in reach: reported mood alone, a candidate for the learned filter
            f = Found((content.start_char, end), "free_indirect", pattern=Pattern.KONJUNKTIV_FAR)
            ends.append(f)
            yield f
            continue
        if last.pattern in (Pattern.KONJUNKTIV, Pattern.KONJUNKTIV_FAR) and text[last.quote[1] : content.start_char].strip() == "":
            last.quote = (last.quote[0], end)  # the same speaker goes on: one quote over the sentences
            continue
        f = Found((content.start_char, end), "free_indirect", pattern=Pattern.KONJUNKTIV, inherited=True)
        # the speaker goes on only right after the report; further away it is a guess; an
        # impersonal "man"/"es" names no one to go on
        f.speaker = (last.speaker if len(between) <= 1 and not is_impersonal(doc, last.speaker, lex)
                     and not _hearsay(doc, last.speaker, lex) else None)
        if k > 0 and sents[k - 1].start_char >= last.quote[1]:
            # a sentence between with a named subject of its own: its subject's view goes on
            f.speaker = _topic_before(doc, sents[k - 1], lex) or f.speaker
        if f.speaker is None and only_ii:
            continue
        if f.speaker is None and last.speaker is None and len(between) <= 1 and last.pattern == Pattern.DIRECT:
            # a frameless quote before it gets its speaker only when speakers are inherited
            # (:func:`~.settle.inherit_speakers`): this sentence goes on with that one
            f.extra["continues"] = last
        ends.append(f)
        yield f


def _names_a_speaker(span: Span, lex: CueLexicon) -> bool:
    """Whether a frame's subject names someone who speaks: a name, or a title or spokesperson
    noun at its head ("Der Nachbar" is left out: most such subjects of a frame in reported mood
    are the content's own subject, "Der Abschuss des Bären sei …")."""
    head = span.root
    return head.ent_type_ in NAME_LABELS or head.lemma_ in lex.titles or head.lemma_ in lex.spokesperson_nouns


def relay_reported_frames(doc: Doc, lex: CueLexicon, found: list[Found]) -> None:
    """A report whose own frame stands in reported mood right after another report ("Der
    Anwalt sagte, die Polizei habe Fehler gemacht. Polizeisprecher Y habe erklärt: „…“"): the
    frame is the first reporter's words, so its speaker is relayed by that reporter. The previous report's
    speaker (and its relays) go outside the frame's own relays. Only a subject that names a
    speaker is relayed (:func:`_names_a_speaker`): a pronoun ("Er behaupte") may be the
    reporter again."""
    if not lex.reported_mood:
        return
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    ordered = sorted((f for f in found if f.pattern != Pattern.EMBEDDED and f.speaker is not None),
                     key=lambda f: f.quote[1])
    for f in found:
        if f.cue is None or f.speaker is None or f.inherited or f.quote[0] < f.cue[0]:
            continue  # only a frame before its content, with a speaker of its own
        cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        verb = next((t for t in cue if t.pos_ == "VERB"), None) if cue is not None else None
        if verb is None or verb.dep_ != "ROOT":
            continue  # a frame in a clause of its own sentence is read where that clause is
        if not any(reported_mood(t, lex) for t in (verb, *verb.children) if t is verb or t.dep_ in _AUXILIARY_DEPS):
            continue  # "Ein Zeuge habe erklärt: …", "Der Nachbar behaupte, …"
        speaker = doc.char_span(*f.speaker, alignment_mode="expand")
        if speaker is None or not _names_a_speaker(speaker, lex):
            continue
        k = bisect_right(starts, verb.idx) - 1
        if k < 1:
            continue
        before = sents[k - 1]
        prev = [g for g in ordered if before.start_char <= g.quote[0] and g.quote[1] <= sents[k].start_char and g is not f]
        if not prev:
            continue
        last = prev[-1]
        if last.speaker == f.speaker or is_impersonal(doc, last.speaker, lex) or last.speaker in f.mediators:
            continue
        f.set_mediators((*f.mediators, last.speaker, *last.mediators))
