"""Reported speech acts without quoted words ("Die Opposition warnte vor dem Entwurf.") and broad verb candidates."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import numpy as np
from spacy.attrs import DEP, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import span_of, span_text, token_bounds
from ..doc_tables import children_of, doc_array, id_list, table_of
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma, cue_tokens
from ..phrases import CharSpans, sentences, strip_punct
from ..subjects import subject_of
from ..quotemarks import has_words
from .clauses import indirect_report, with_final_punct
from .complements import OBJECT_DEPS, Labels, dep_labels, with_complement
from .found import Found, FoundIndex, Pattern, cue_chars, outside, span_chars
from .speakers import source_for_impersonal, usable_speaker


def find_reported_acts(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Sentences that report a speech act without quoting it: "Ein Mitarbeiter sprach von
    einem Klima der Gewalt.", "Die Opposition warnte eindringlich vor dem Entwurf."

    The whole sentence is the reported content; its subject is the speaker, the verb the cue.
    A sentence that only points back at a quote ("Das sagte er am Montag.") is left out.
    """
    if not doc.has_annotation("DEP") or not lex.speech_act_sentences:
        return
    # the cues found so far, by where they start (what this finder adds has its cue in its own
    # sentence, so it never counts for a later one)
    cued = sorted((f.cue[0], k) for k, f in enumerate(found) if f.cue is not None)
    cue_starts = [start for start, _ in cued]
    for sent in sentences(doc):
        cues = cue_tokens(doc, sent.start, sent.end, lex)
        if not cues or not found.outside(sent.start_char, sent.end_char):
            continue  # no cue, nothing to report by
        # "“…?” Trump asked on Monday.": the sentence is the frame of a quote before it
        inside = cued[bisect_left(cue_starts, sent.start_char):bisect_left(cue_starts, sent.end_char)]
        if any(not found[k].overlaps(sent.start_char, sent.end_char) for _, k in inside):
            continue
        content = strip_punct(sent)
        if content is None or not has_words(span_text(content), 5):
            continue
        for tok in (doc[i] for i in cues):
            lower = _after_adverbial_clause(sent, tok, lex)
            if lower > sent.start:
                content = strip_punct(doc[lower : sent.end])  # the clause that reports, without when or why
                if content is None or not has_words(span_text(content), 5):
                    break
            lemma = cue_lemma(tok, lex)
            if lemma in lex.weak_verbs and not _act_complement(tok, lex):
                continue
            if lemma in lex.weak_verbs and _act_complement(tok, lex, quoted=True):
                continue  # "bezeichnete den Plan als „Wortbruch“": the quoted words are the quote, not the sentence
            if lemma in lex.judging_verbs and not _act_complement(tok, lex):
                continue  # "kritisierte den Entwurf": a topic, not what was said of it
            if ((lemma in lex.non_act_verbs and not any(c.lower_ in lex.expletives for c in tok.children))
                    or (lemma in lex.reflexive_non_act_verbs and _reflexive(tok, lex))):
                continue  # "Der Plan sieht … vor", "entschied sich für …": no speech act ("so heißt es in …" is one)
            if (tok.dep_ not in ("ROOT", "root") and tok.head.dep_ not in ("ROOT", "root")) or tok.dep_.startswith("acl"):
                continue  # a verb of a relative clause describes what its noun did ("die Grippe, die Opfer forderte")
            if any(c.dep_.startswith("aux") and c.lemma_.lower() in lex.intention_modals for c in tok.children):
                continue  # "will die Bevölkerung informieren": an intention, not an act
            if (any(c.dep_ in ("cop", "aux") and c.lemma_.lower() in lex.state_copulas for c in tok.children)
                    and any(c.tag_ == "PTKZU" for c in tok.children)):
                continue  # "sind 36 Todesopfer zu beklagen": what is to be said, no one saying it
            objects = [c for c in tok.children if c.dep_ in ("obj", "dobj", "oa", "ccomp")]
            # "Das sagte er": a pronoun points back at a quote; "Das Auswärtige Amt" is a determiner
            if (any(c.lower_ in lex.pointers for c in objects)
                    or any(t.lower_ in lex.pointers and t.i < tok.i and t.dep_ != "det" for t in sent[:2])):
                break
            if any(c.dep_ in ("auxpass", "nsubjpass", "nsubj:pass", "aux:pass") for c in tok.children):
                break  # "Nothing was said": a passive names no speaker
            speaker = subject_of(tok, lower, sent.end, lex)
            if speaker is None and tok.dep_ == "conj" and tok.head.i != tok.i:
                # "Die Partei griff das Thema auf und fordert harte Maßnahmen": coordinated verbs share the subject
                speaker = subject_of(tok.head, sent.start, sent.end, lex)
            if speaker is not None and lemma in lex.weak_verbs:
                # the complement the parser hung on the subject is no part of it ("die Polizei von …")
                cut = next((t.i for t in speaker[1:] if t.i > tok.i and t.lower_ in lex.act_complements and t.pos_ == "ADP"), None)
                speaker = strip_punct(doc[speaker.start : cut]) if cut is not None else speaker
            # "In den Schreiben forderte man …": the document speaks for "man"
            source = source_for_impersonal(doc, tok, speaker, lower, sent.end, lex)
            if speaker is None or not _plausible_speaker(speaker, lex):
                break
            speaker = source
            yield Found((content.start_char, with_final_punct(doc, content)), "reported",
                        cue=cue_chars(tok, lemma), speaker=span_chars(speaker), pattern=Pattern.ACT)
            break


def find_broad_verb_reports(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Candidates for a learned filter (``broad`` only, ``CueLexicon.broad_verb_reports``): any
    verb with a subject and a clause, object or prepositional object after it that no other
    pattern explained — "X endorsed Trump", "X voted for the bill", "X sees Y as Z",
    "X plans to run". Beliefs, intentions and stances count as attributions in PolNeAR; which
    verbs and constructions are worth keeping is for the filter to learn (pattern "broad_verb").

    The complement is the content, the verb the cue, its subject (or its governor's, for
    "tried to rebuke the front-runner") the source. A verb whose infinitive complement has its
    own complement leaves the report to that verb.
    """
    if not doc.has_annotation("DEP") or not lex.broad_verb_reports:
        return
    used = CharSpans((f.cue[0], f.cue[1]) for f in found if f.cue is not None)
    verbs = np.flatnonzero(doc_array(doc, POS) == int(VERB)).tolist()  # int: numpy is slow with an enum member
    # every verb of the Doc is asked: its place, part of speech and dependents are read from the
    # Doc's arrays, a Token made only for a verb that may report
    starts, pos, deps, kids = token_bounds(doc)[0], id_list(doc, POS), id_list(doc, DEP), children_of(doc)
    labels = dep_labels(doc.vocab.strings)
    xcomp, passive = labels.xcomp, labels.passive
    for sent in sentences(doc):
        taken: list[Found] = []
        for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
            idx = starts[i]
            if used.covers(idx):
                continue
            if not (found.outside(idx, idx + 1) and outside(taken, idx, idx + 1)):
                continue
            if _complement_at(i, deps, kids, labels) is None:
                continue  # no complement, no report (_broad_verb_report's first test, without a Token)
            # a passive names no source ("was seen as …"); in "tried to rebuke the front-runner"
            # the infinitive ("rebuke") reports
            if any(deps[c] in passive or (deps[c] == xcomp and pos[c] == _VERB and c > i
                                          and _complement_at(c, deps, kids, labels) is not None)
                   for c in kids[i]):
                continue
            tok = doc[i]
            hit = _broad_verb_report(doc, sent, tok, lex)
            if hit is not None and found.outside(*hit.quote) and outside(taken, *hit.quote):
                taken.append(hit)
                yield hit


def broad_complement(verb: Token) -> Token | None:
    """The first clause, object or prepositional object after a verb ("endorsed [Trump]",
    "voted for [the bill]", "plans [to run]")."""
    doc = verb.doc
    if table_of(doc) is not None:  # the Doc's labels and children are kept
        k = _complement_at(verb.i, id_list(doc, DEP), children_of(doc), dep_labels(doc.vocab.strings))
        return doc[k] if k is not None else None
    for c in sorted(verb.children, key=lambda c: c.i):
        if c.i < verb.i:
            continue
        if c.dep_ in OBJECT_DEPS:
            return c
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def _complement_at(i: int, deps: list[int], kids: list[list[int]], labels: Labels) -> int | None:
    """:func:`broad_complement` of token ``i`` as an index, from the Doc's dependency labels
    (ids) and children (in text order)."""
    for c in kids[i]:
        if c < i:
            continue
        if deps[c] in labels.objects:
            return c
        if deps[c] == labels.prep:
            obj = next((g for g in kids[c] if deps[g] in labels.prep_objects), None)
            if obj is not None:
                return obj
    return None


_VERB = int(VERB)


def _broad_verb_report(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> Found | None:
    """The broad verb report of a verb with no passive dependent (its caller tests that)."""
    comp = broad_complement(verb)
    if comp is None:
        return None
    if comp.pos_ == "PRON" and comp.left_edge.i == comp.right_edge.i and cue_lemma(verb, lex) is None:
        # "did it", "thanked them": a bare pronoun is no content, unless a reporting verb takes
        # it ("Two senators endorsed her", "Most oppose it": a stance on someone named before)
        return None
    # the speaker first: most verbs have none before them, and then the content is not read
    speaker = usable_speaker(subject_of(verb, sent.start, verb.i, lex), lex)
    if speaker is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        speaker = usable_speaker(subject_of(verb.head, sent.start, verb.head.i, lex), lex)
    if speaker is None or speaker.root.pos_ not in ("PRON", "PROPN", "NOUN"):
        return None
    end = with_complement(verb, comp, lex)
    content = strip_punct(span_of(doc, comp.left_edge.i, end))
    if content is None:
        return None
    return indirect_report(content, verb, verb.lemma_.lower(), speaker, Pattern.BROAD_VERB, doc, sent, lex, need_clause=False,
                   min_words=1)


def _act_complement(verb: Token, lex: CueLexicon, *, quoted: bool = False) -> bool:
    """Whether a weak verb has the complement that makes it a speech act: "bezeichnete den
    Angriff als Verteidigung", "sprach von einem Erfolg", "hält das für unbedenklich";
    ``quoted``: one that holds quotation marks ("als „Wortbruch“")."""
    def opens_complement(phrase: Token) -> bool:
        return (phrase.left_edge.lower_ in lex.act_complements and phrase.left_edge.i > verb.i
                and (not quoted or any(t.is_quote for t in phrase.subtree))
                and (phrase.left_edge.lower_ not in lex.predicative_act_complements or has_object))

    # "hält das für unbedenklich": a predicative complement says something of an object ("spricht für X" does not)
    has_object = any(c.dep_ in _OBJECT_DEPS for c in verb.children)

    # the parser may hang the complement on the subject ("spricht die Polizei von …"), also on
    # a name or apposition in it ("sprach Angela Merkel von …", "sprach die Agentur Reuters von
    # …"), or, a label ("nannte den Plan als …"), on the object; "hält einen Anteil von …" is no act
    return any(opens_complement(c) or (c.dep_ in _SUBJECT_DEPS and any(opens_complement(g) for g in c.subtree if g != c))
               or (c.dep_ in _OBJECT_DEPS and any(opens_complement(g) and g.left_edge.lower_ in lex.object_act_complements
                                                  for g in c.children))
               for c in verb.children)


_SUBJECT_DEPS = frozenset({"nsubj", "sb"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "oa"})


def _reflexive(verb: Token, lex: CueLexicon) -> bool:
    """Whether a verb has a reflexive pronoun, as its object or in a phrase it governs
    ("entschied sich für …", "konnte das Spiel für sich entscheiden")."""
    return any(c.lower_ in lex.reflexive_pronouns or (c.pos_ == "ADP" and any(g.lower_ in lex.reflexive_pronouns for g in c.children))
               for c in verb.children)


def _after_adverbial_clause(sent: Span, verb: Token, lex: CueLexicon) -> int:
    """Where the verb's clause starts: after an adverbial clause opening the sentence ("Während
    X nichts ändern wollte, plädierte Y für …": Y speaks, not X), else at the sentence start."""
    first = sent[0]
    if first.lower_ in lex.adverbial_conjunctions and first.pos_ == "SCONJ":
        comma = next((t.i for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
        if comma is not None:
            return comma + 1
    return sent.start


def _plausible_speaker(span: Span, lex: CueLexicon) -> bool:
    """A subject that can speak: not a number phrase ("Zwölf Todesopfer forderte ein Taifun"),
    not an object the parser took for a subject ("Den … Einsatz lehnen … ab"), not no one
    ("Kein Lehrer müsse um seine Stelle fürchten": the words of whoever spoke before)."""
    first = span[0]
    return (first.pos_ != "NUM" and first.lower_ not in lex.object_determiners and first.lower_ not in lex.negative_words
            and len(span) <= 12)
