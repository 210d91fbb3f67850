"""English reports from the parse: the clause or object a reporting verb governs, and how far the content runs."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import DEP, ORTH, TAG
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import span_of
from ..doc_tables import children_of, forms, id_list, tokens_with
from ..lexicon import CueLexicon
from ..marks import OPENING_MARKS
from ..cue_verbs import cue_lemma, cue_tokens
from ..phrases import RELATIVE_PRONOUN_TAGS, SUBJECT_DEPS, strip_punct
from .clauses import indirect_report
from .found import Found, Pattern
from .speakers import speaker_for


OBJECT_DEPS = ("ccomp", "xcomp", "dobj", "obj")
_PARTICIPLE_TAGS = frozenset({"VBG"})


class Labels(NamedTuple):
    """The ids in a Doc's arrays of the dependency labels that English complements are read by."""

    objects: frozenset[int]  # OBJECT_DEPS
    prep: int
    prep_objects: frozenset[int]  # "pobj", "pcomp"
    passive: frozenset[int]  # "auxpass", "nsubjpass"
    xcomp: int


@lru_cache(maxsize=4)
def dep_labels(strings) -> Labels:
    """The :class:`Labels` of a StringStore (a label's id is its hash, the same in every one)."""
    ids = lambda labels: frozenset(strings[label] for label in labels)  # noqa: E731
    return Labels(ids(OBJECT_DEPS), strings["prep"], ids(("pobj", "pcomp")), ids(("auxpass", "nsubjpass")), strings["xcomp"])




def english_complement(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """The clause or object a reporting verb governs: "X said (that) …", "X warned of …",
    "X bemoaned the unrest" — a clause for any cue verb, an object only for a non-weak one
    or one the parser gives a clause to."""
    if verb.dep_ == "relcl":
        relative = _object_relative(doc, sent, verb, lemma, lex)
        if relative is not None:
            return relative
    reduced = _reduced_passive(doc, sent, verb, lemma, lex) if verb.dep_ == "acl" and verb.tag_ == "VBN" else None
    if reduced is not None:
        return reduced
    # the cue's dependents by label, from the Doc's arrays: a Token made only for one that may be the content
    deps, kids, labels = id_list(doc, DEP), children_of(doc)[verb.i], dep_labels(doc.vocab.strings)
    comp = next((doc[c] for c in kids if deps[c] in labels.objects and c > verb.i
                 and not (takes_addressee(lemma, lex) and is_addressee(doc[c], lex))), None)
    if comp is not None and comp.dep_ in ("dobj", "obj") and takes_addressee(lemma, lex) and any(
            c.i < verb.i and c.dep_ in ("dative", "dobj") and c.tag_ in RELATIVE_PRONOUN_TAGS for c in verb.children):
        return None  # "what she told the station": what was told stands before the verb, the object is who heard it
    if comp is not None and comp.dep_ in ("dobj", "obj") and takes_addressee(lemma, lex):
        # "told a dispatcher (that) …", "asked Congress to …": the clause is the content
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > comp.i), None)
        if clause is None:  # "asked the students if they …": the parser may hang the question on as an adverbial
            clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > comp.i and opens_question(c, lex)), None)
        if clause is None:  # "told a dispatcher that …" parsed as a clause on the noun
            clause = next((c for c in comp.children if c.dep_ == "acl"
                           and any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in c.children)), None)
        if clause is None and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None  # "A, he told the court": the content came first, the object is who was told
        comp = clause or comp
    if comp is None:
        comp = _clause_on_phrase_after(verb, lex)  # "told X in an interview that …", "said at a rally that …"
    for_to = _for_to_clause(verb, lex) if comp is None else None  # "called for the state to build …"
    comp = comp or for_to
    if comp is None:
        lowers, nested = forms(doc), children_of(doc)
        preps = (c for c in kids if deps[c] == labels.prep and c > verb.i and (
            lowers[c] in lex.object_prepositions or f"{lemma} {lowers[c]}" in lex.verb_object_prepositions))
        # "spoke on Wednesday about the tariff": a time or a manner is no topic
        comp = next((doc[o] for p in preps for o in nested[p] if deps[o] in labels.prep_objects
                     and not _adverbial_object(doc[o], lex)), None)
    if any(deps[c] in labels.passive for c in kids):
        return _english_passive(doc, sent, verb, lemma, lex)
    if comp is None:
        return _answer(doc, sent, verb, lemma, lex)
    end = _participle_cue(comp, lex) or with_complement(verb, comp, lex)
    # a "for-to" clause without its "for": "called for [the state to build …]"
    start = comp.left_edge.i + 1 if comp is for_to else comp.left_edge.i
    start = _infinitive_subject(verb, comp, lemma, lex) or start
    end = _coordinated_cue(doc, start, end, lex) or _second_report(doc, start, end, lex) or _quoted_conjunct(doc, verb, end) or end
    end = _without_relative_aside(doc, start, end)
    if comp.dep_ == "dobj" and end - start < 2 and comp.pos_ == "PRON":
        return None  # "asked him", "denied it": a bare pronoun is no content
    content = strip_punct(span_of(doc, start, end))
    speaker = speaker_for(doc, sent, verb, lex, lower=sent.start, upper=verb.i)
    # a name alone is an object that says whom ("endorsed Cruz"); another lone word says too little
    named = comp.dep_ in ("dobj", "obj") and end - start == 1 and comp.pos_ == "PROPN" and comp.ent_type_ not in _TIME_ENTITIES
    return indirect_report(content, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex, need_clause=False,
                           min_words=1 if named else 2)




def _infinitive_subject(verb: Token, comp: Token, lemma: str, lex: CueLexicon) -> int | None:
    """Where the content starts when the cue's object is the subject of the "to" infinitive
    after it ("urged [Congress to act]", ``CueLexicon.infinitive_subject_verbs``): at the
    object, which stays the one addressed too."""
    if lemma not in lex.infinitive_subject_verbs or comp.dep_ != "xcomp" or not any(
            a.dep_ == "aux" and a.tag_ == "TO" for a in comp.children):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and verb.i < c.i < comp.i), None)
    return obj.left_edge.i if obj is not None else None


def _adverbial_object(noun: Token, lex: CueLexicon) -> bool:
    """Whether a preposition's object says when, how long or in what manner, not what about:
    a date, time or amount ("spoke on Wednesday", "spoke for 45 minutes") or a noun of manner
    (``CueLexicon.manner_nouns``: "spoke on the condition of anonymity", "on behalf of X")."""
    return noun.ent_type_ in _TIME_ENTITIES or noun.lemma_.lower() in lex.manner_nouns


_TIME_ENTITIES = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL"})


def _clause_on_phrase_after(verb: Token, lex: CueLexicon) -> Token | None:
    """A "that" clause the parser hung on the noun of a phrase after the verb, as if it were a
    relative clause ("told the paper in an interview [that …]", "said at a rally on Friday
    [that …]"): a complementizer marks it."""
    return next((c for p in verb.children if p.dep_ == "prep" and p.i > verb.i for n in p.children
                 if n.dep_ == "pobj" for c in n.children if c.dep_ in ("acl", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in c.children)), None)


def _object_relative(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """"a result that she said defied expectations", "the things the governor said about
    farmers", "a campaign he calls Brighter Valley": a cue in a relative clause with a subject
    of its own says something of the noun the clause hangs on, which stands in the clause as
    its object or as its clause's subject. The noun's phrase with the clause is the content
    (from the relative pronoun after a comma: "the tunnel, which the council called a waste"),
    without the clause's subject and cue, its gap ("which … was a mistake", as PolNeAR marks
    it); the clause's subject is the speaker."""
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.tag_ in RELATIVE_PRONOUN_TAGS:
        return None  # "officials who said …": the relative pronoun speaks
    after = [c for c in verb.children if c.i > verb.i]
    if any(c.dep_ in ("dobj", "obj") and c.tag_ not in RELATIVE_PRONOUN_TAGS for c in verb.children):
        return None  # the object is named: "the day he told reporters …" says nothing of the day
    clause = next((c for c in after if c.dep_ == "ccomp"), None)
    if clause is not None and any(c.dep_ in SUBJECT_DEPS and c.tag_ not in RELATIVE_PRONOUN_TAGS for c in clause.children):
        return None  # "the night she said the race was over": the clause has its own subject
    if clause is None and not after:
        return None  # "a move voters expected", "the time he spoke": nothing says what of the noun
    if any(t.tag_ == "``" or len(t.text) == 1 and t.text in OPENING_MARKS for t in doc[verb.i + 1 : verb.right_edge.i + 1]):
        return None  # "which the senator called “a disgrace”": the quoted words are the speech (settle.py)
    first = verb.left_edge
    start = first.i if first.i > 0 and (doc[first.i - 1].text == "," or first.tag_ in RELATIVE_PRONOUN_TAGS) else noun.left_edge.i
    content = strip_punct(span_of(doc, start, verb.right_edge.i + 1))
    speaker = strip_punct(span_of(doc, subject.left_edge.i, subject.right_edge.i + 1))
    if content is None or speaker is None:
        return None
    found = Found((content.start_char, content.end_char), "indirect", cue=(verb.idx, verb.idx + len(verb), lemma),
                  speaker=(speaker.start_char, speaker.end_char), pattern=Pattern.OBJECT_RELATIVE)
    if content.start < subject.left_edge.i and verb.i + 1 < content.end:
        # "which [he said] was a mistake": the speaker and the cue are no part of what was said
        found.extra["gaps"] = [(subject.left_edge.idx, verb.idx + len(verb))]
    return found


def _english_passive(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """"[The nominee] has been endorsed by [the paper]": the subject is the content, the agent
    the source; "Nothing was said at the meeting" names no source and is left out."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or pobj is None or subj.i > verb.i:
        return None
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > pobj.i), None)
    if clause is None and lemma in lex.question_verbs:
        clause = asked_about(verb, lex)  # "X was asked by Y about Z": Z was asked, X was asked it
    if clause is not None and takes_addressee(lemma, lex):
        # "X was asked by Y whether …", "X was told by Y that …": the clause is the content, X the one addressed
        content = strip_punct(doc[clause.left_edge.i : clause.right_edge.i + 1])
    else:
        content = strip_punct(doc[subj.left_edge.i : subj.right_edge.i + 1])
    # the asker ends before what was asked when the parser hung that on it
    speaker_end = clause.head.i if clause is not None and pobj.i < clause.i <= pobj.right_edge.i else pobj.right_edge.i + 1
    speaker = strip_punct(doc[pobj.left_edge.i : speaker_end])
    return indirect_report(content, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex, need_clause=False, min_words=1)


_REDUCED_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "dative"})


def _reduced_passive(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """"The bill, opposed by the senators, …", "a practice criticized by X": a cue's past
    participle hung on a noun before it, with an agent, says it of that noun: the noun's
    phrase up to the participle is the content, the agent the source. Not a verb that names
    who was addressed ("voters informed by …") or who wrote or issued a document ("a letter
    written by …", "a video posted by …"), nor one with a complement of its own ("mentioned by
    X as …", "known to be …")."""
    if (lemma in lex.addressee_verbs or lemma in lex.citing_report_verbs or lemma in lex.issuing_verbs
            or any(c.dep_ in _REDUCED_COMPLEMENT_DEPS or c.lower_ in lex.label_complements for c in verb.children)):
        return None
    noun = verb.head
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i
                  and c.lower_ in lex.passive_agent_prepositions), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    content = strip_punct(doc[noun.left_edge.i : verb.left_edge.i])
    speaker = strip_punct(doc[pobj.left_edge.i : pobj.right_edge.i + 1])
    if content is None or speaker is None:
        return None
    return indirect_report(content, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex, need_clause=False, min_words=1)


def _answer(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """"Most voters said no", "half said so": a word that answers or points back at what was
    said, right after the cue (``CueLexicon.answer_words``), is the content."""
    if verb.i + 1 >= sent.end or doc[verb.i + 1].lower_ not in lex.answer_words:
        return None
    answer = doc[verb.i + 1]
    if answer.head.i != verb.i or answer.dep_ not in ("intj", "advmod", "dobj"):
        return None
    speaker = speaker_for(doc, sent, verb, lex, lower=sent.start, upper=verb.i)
    return indirect_report(doc[answer.i : answer.i + 1], verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex,
                           need_clause=False, min_words=1)


def _for_to_clause(verb: Token, lex: CueLexicon) -> Token | None:
    """"X is calling for the state to build more housing": an infinitive with its own subject
    opened by "for" after a cue that takes "for" (``CueLexicon.object_prepositions``), which the
    parser hangs on the cue as an adverbial clause; it is what the cue asks for."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or c.tag_ not in ("VB", "VBN"):
            continue
        mark = next((m for m in c.children if m.dep_ == "mark"), None)
        if (mark is not None and mark.i == c.left_edge.i and mark.i == verb.i + 1 and mark.lower_ in lex.object_prepositions
                and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
                and any(s.dep_ in SUBJECT_DEPS for s in c.children)):
            return c
    return None


def asked_about(verb: Token, lex: CueLexicon) -> Token | None:
    """The object of "about" after a question verb ("was asked by the host [about the
    merger]"): what was asked (``CueLexicon.question_prepositions``)."""
    about = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in lex.question_prepositions), None)
    if about is None:  # "asked by a student about the stadium": the parser may hang it on the asker
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        about = next((c for c in asker.children if c.dep_ == "prep" and c.lower_ in lex.question_prepositions),
                     None) if asker is not None else None
    return next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about is not None else None


def _without_relative_aside(doc: Doc, start: int, end: int) -> int:
    """The end before a relative clause set off by a comma that closes the content: "X said he
    supports the bill[, which includes …]" — a non-restrictive relative clause on a noun of the
    content is the writer's aside about it, not what was said."""
    for t in (doc[i] for i in tokens_with(doc, _RELCL, start + 1, end, attr=DEP)):  # no Token made for the other words
        if start <= t.head.i < t.i and t.right_edge.i >= end - 2:
            first = t.left_edge
            if first.i - 1 > start and doc[first.i - 1].text == "," and first.tag_ in RELATIVE_PRONOUN_TAGS:
                return first.i - 1
    return end


_RELCL = frozenset({"relcl"})


def opens_question(clause: Token, lex: CueLexicon) -> bool:
    """Whether a clause opens with a complementizer ("if", "whether"): an indirect question."""
    return any(m.dep_ == "mark" and m.lower_ in lex.complementizers for m in clause.children)


def with_complement(verb: Token, comp: Token, lex: CueLexicon) -> int:
    """The end of an object with the complement beside it: "called [the senator a “nasty guy”]",
    "criticized [the law as a “crazy system”]", "blasted [him for not paying taxes]"."""
    end = comp.right_edge.i + 1
    if comp.dep_ != "dobj":
        return end
    for k in children_of(verb.doc)[verb.i]:  # (in text order; a Token only for those after the object)
        if k <= comp.i:
            continue
        c = verb.doc[k]
        if c.left_edge.i > end + 1:
            continue
        if (c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in lex.complement_prepositions)
                or _continues_infinitive(verb, c, comp.left_edge.i, end)):
            end = c.right_edge.i + 1
    return end


def _continues_infinitive(verb: Token, clause: Token, start: int, end: int) -> bool:
    """Whether a bare infinitive the parser hung on a finite verb continues the "to"-infinitive
    that ``doc[start:end]`` ends with: "advocates rules [to end A, stop B and remove C]". A base
    form cannot be a second predicate of "advocates" or "advocated", so it shares the "to"."""
    doc = verb.doc
    if verb.tag_ not in ("VBZ", "VBD") or clause.tag_ != "VB" or clause.dep_ not in ("advcl", "conj"):
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("mark", "aux") and c.lower_ != "to" for c in clause.children):
        return False  # "…, so they stop B", "…, and will stop B": a clause of its own
    if any(t.text not in (",", "and", "or") for t in doc[end : clause.left_edge.i]):
        return False
    return any(t.tag_ == "VB" and t.right_edge.i == end - 1
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) for t in doc[start:end])


def _quoted_conjunct(doc: Doc, verb: Token, end: int) -> int | None:
    """Where a content runs on through a clause wholly in quotation marks that follows it
    after "but" or "and": 'He's claiming that fraud is “a big problem” but “nobody has the
    guts to talk about it.”' The parser hangs that clause on the cue; a narrator's own clause
    would not stand in quotation marks, so it is the speaker's too."""
    cc = end + 1 if end < len(doc) and doc[end].text == "," else end
    if cc + 1 >= len(doc) or doc[cc].dep_ != "cc" or doc[cc + 1].tag_ != "``":
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == cc + 1), None)
    if conj is None:
        return None
    last = conj.right_edge.i
    while last > cc and doc[last].is_space:  # the parser hangs a paragraph break on the clause
        last -= 1
    if doc[last].tag_ != "''" and not (last + 1 < len(doc) and doc[last + 1].tag_ == "''"):
        return None  # the quotation ends inside the clause: the rest is the narrator's
    if any(t.tag_ == "''" for t in doc[cc + 2 : last - 1]):
        return None
    return last + 1


def _participle_cue(comp: Token, lex: CueLexicon) -> int | None:
    """Where a participle cue after a comma starts a second report inside the content:
    "X said [A], citing B" / "…, adding that B" — the participle has its own content."""
    doc = comp.doc
    texts = forms(doc, ORTH)
    # the subtree lies between its edges: look at it only if a participle after a comma does
    if not any(_after_comma(texts, i) for i in tokens_with(doc, _PARTICIPLE_TAGS, comp.i + 1, comp.right_edge.i + 1, attr=TAG)):
        return None
    for t in comp.subtree:
        if (t.i > comp.i and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and _after_comma(texts, t.i)
                and cue_lemma(t, lex) is not None and any(c.dep_ in OBJECT_DEPS for c in t.children)):
            return t.i - 1 if texts[t.i - 1] == "," else t.i - 2
    return None


_CLOSING_MARKS = frozenset({'"', "”", "''", "’"})


def _after_comma(texts: list[str], i: int) -> bool:
    """Whether the token at ``i`` follows a comma, or a comma and the closing mark of a quote
    ('… "coastal values," stating …')."""
    return i > 0 and (texts[i - 1] == "," or (i > 1 and texts[i - 1] in _CLOSING_MARKS and texts[i - 2] == ","))


def _coordinated_cue(doc: Doc, start: int, end: int, lex: CueLexicon) -> int | None:
    """Where a second cue verb coordinated inside the content starts a report of its own:
    "X said [A] and warned B", "X says [A], and added B" — a conjunct cue verb with no subject
    of its own, after "and"/"but"; the content ends before the conjunction."""
    for t in (doc[k] for k in cue_tokens(doc, start + 1, end, lex)):  # the Doc's cue verbs, known
        if t.dep_ != "conj" or t.pos_ != "VERB":
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in t.children):
            continue
        k = t.i - 1
        while k > start and doc[k].pos_ == "ADV":
            k -= 1
        if doc[k].dep_ == "cc" and doc[k].lower_ in lex.coordinators:
            return k - 1 if doc[k - 1].text == "," else k
    return None


def _second_report(doc: Doc, start: int, end: int, lex: CueLexicon) -> int | None:
    """Where a clause with a cue verb and a subject of its own, opened by a conjunction of
    contrast (``CueLexicon.contrast_conjunctions``), starts a second report: "Most said [A],
    while a fifth said B" — the writer sets two reports side by side; the content ends before
    the conjunction. (Not after "and": "X says A and Y says B" was tried and lowered the
    PolNeAR train figures.)"""
    for t in (doc[k] for k in cue_tokens(doc, start + 1, end, lex)):
        if t.dep_ not in ("advcl", "conj") or t.pos_ != "VERB" or not any(c.dep_ in SUBJECT_DEPS for c in t.children):
            continue
        k = t.left_edge.i
        if doc[k].lower_ not in lex.contrast_conjunctions:
            continue
        if k > start + 1:
            return k - 1 if doc[k - 1].text == "," else k
    return None


def takes_addressee(lemma: str, lex: CueLexicon) -> bool:
    """Whether a cue's first object can be the person spoken to ("told reporters"); for the
    others a person object is what is reported ("endorsed Clinton", "attacked the senator").
    A lexicon without ``addressee_verbs`` treats every cue so."""
    return lex.addressee_verbs is None or lemma in lex.addressee_verbs


def is_addressee(token: Token, lex: CueLexicon) -> bool:
    """"told reporters", "asked him": the object is the addressee, not the content."""
    return token.dep_ in ("dobj", "obj") and (
        token.pos_ == "PRON" or token.ent_type_ in ("PERSON", "PER", "ORG", "NORP")
        or token.lower_ in lex.addressee_nouns
    )
