"""Who a quote was said to: the addressee, read from the dependents of its cue and its speaker.

"sagte X der Zeitung", "erklärte sie gegenüber dem Sender", "forderte die Regierung auf",
"Die Männer werden beschuldigt", "im Interview mit der Zeitung", "so X gegenüber der Zeitung",
"told reporters", "said to the crowd", "in an interview with CNN", "Speaking to reporters, X
said". Which dependents count is language data (the ``addressee_*``, ``subject_cases``,
``verb_*_prepositions``, ``object_addressee_verbs`` and ``conversation_*`` fields of the
lexicon), read from the parse: a dative object, a prepositional phrase with an addressee
preposition, the object (or passive subject) of a cue that addresses someone ("auffordern",
"urge"), the partner of a conversation or speech-act noun, the audience of a participle of
speech; then the same phrases hung on the speaker. A phrase that is part of the speaker, the
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
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .lexicon import CueLexicon
from .marks import CLOSING_MARKS, OPENING_MARKS
from .cue_verbs import cue_lemma
from .head_names import noun_in
from .phrases import doc_text, strip_punct, through_closing_mark
from .records import Attribution, Mention, Quote
from .roles import cut_before

__all__ = ["add_addressees", "addressee_of", "cue_token"]

#: entity labels of someone who can be spoken to (spaCy's German and English models)
_ADDRESSABLE = frozenset({"PER", "PERSON", "ORG", "NORP"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_PLACES = frozenset({"LOC", "GPE", "FAC"})


def cue_token(doc: Doc, att: Attribution) -> Token | None:
    """The verb of an attribution's cue (the root of its span), or None for a cue that is no
    verb ("laut", "according to") or an attribution without a cue."""
    if att.cue is None:
        return None
    span = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if _is_verb(t) and not (t.head in span and t.head != t)]
    return verbs[0] if verbs else None


def _is_verb(token: Token) -> bool:
    """A verb by its part of speech or by its fine tag ("aufgefordert" tagged ADJ but VVPP: the
    POS model and the tagger disagree on participles)."""
    return token.pos_ in ("VERB", "AUX") or token.tag_[:1] == "V"


def _is_addressable(token: Token, lex: CueLexicon) -> bool:
    """A person, organisation or group one can speak to: a (non-reflexive) pronoun, a name the
    NER knows as such, or an audience noun ("reporters", "Journalisten")."""
    if token.pos_ == "PRON":
        return not _is_reflexive(token, lex) and token.lower_ not in lex.impersonal
    return any(t.ent_type_ in _ADDRESSABLE or noun_in(t, lex.addressee_nouns, lex) or noun_in(t, lex.media_words, lex)
               for t in _name_tokens(token))


def _is_title(token: Token) -> bool:
    """A proper name that names no place: the title of an outlet or show the NER does not know
    ("sagte zur Sportschau"); a place after "vor", "an", "zu" is what is spoken of ("warnte
    vor Russland")."""
    return token.pos_ == "PROPN" and not any(t.ent_type_ in _PLACES for t in _name_tokens(token))


def _name_tokens(token: Token) -> list[Token]:
    """The noun and the parts of its name ("Nachrichtenagentur dpa", "ARD Sportschau")."""
    return [token] + [c for c in token.children if c.dep_ in ("compound", "flat", "flat:name", "appos")
                      and not _other_case(c, token)]


def _other_case(a: Token, b: Token) -> bool:
    """Whether two nominals are marked for different cases: then one is no apposition of the
    other, which agrees in case ("zum Rücktritt[Dat] Hartmanns[Gen]": whose resignation)."""
    ca, cb = set(a.morph.get("Case")), set(b.morph.get("Case"))
    return bool(ca) and bool(cb) and not (ca & cb)


def _is_reflexive(token: Token, lex: CueLexicon) -> bool:
    """"äußerte sich", "said himself": the speaker again, not someone spoken to."""
    return "Yes" in token.morph.get("Reflex") or token.lower_ in lex.reflexive_pronouns


def _preposition(token: Token) -> str | None:
    """The preposition that attaches a nominal ("gegenüber dem Sender": "gegenüber"), if any;
    a postposition after it too ("Teilnehmern zufolge", "ihr gegenüber")."""
    if token.dep_ in ("pobj",) and token.head.pos_ == "ADP":
        return token.head.lower_
    cases = [c for c in token.children if c.dep_ == "case" and (c.i < token.i or c.pos_ == "ADP")]
    case = next((c for c in cases if c.i < token.i), cases[0] if cases else None)
    return case.lower_ if case is not None else None


def _prepositional_objects(verb: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, nominal) of each prepositional phrase on ``verb``, in both parse styles:
    UD ("obl" with a "case" child) and ClearNLP ("prep" with a "pobj" child)."""
    for child in verb.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj
        elif child.pos_ in _NOMINAL:
            prep = _preposition(child)
            if prep is not None:
                yield prep, child


def _may_be_in_case(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal is unmarked for case or marked for one of ``cases`` (always, when the
    language names no cases)."""
    marked = set(token.morph.get("Case"))
    return not cases or not marked or bool(marked & cases)


def _in_case(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal is marked for one of ``cases`` only (a parser may call a dative noun a
    subject: "sagte Reportern"; the case tells)."""
    marked = set(token.morph.get("Case"))
    return bool(marked) and marked <= cases and token.dep_ in ("obj", "obl", "iobj", "nsubj", "nmod")


def _dative_object(token: Token, lex: CueLexicon) -> bool:
    """An object whose determiner shows the addressee case too ("erklärte einem Angestellten",
    "empfahl dem Gericht"): the case of a bare noun alone is too often guessed ("am 19. August")."""
    return token.dep_ in _CORE_OBJECTS and any(
        c.dep_.startswith("det") and _in_case_marked(c, lex.addressee_cases) for c in token.children)


#: the relations of a bare nominal on a cue that may be its object, as the parser labels it
_BARE_ARGUMENTS = frozenset({"obj", "iobj", "obl:arg", "obl", "nsubj"})


def _dative_by_determiner(token: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether a bare nominal on a cue that takes a dative addressee is that dative by its
    determiner ("hat den Abgeordneten[Acc?] mitgeteilt", "empfiehlt allen Reisenden"). The
    tagger's case of an article is a guess too ("der" is also nominative, a sentence's first
    "Der" often tagged dative): of an active cue with no subject beside it, the first bare
    nominal is taken for the subject ("wirft der Bericht den Behörden vor")."""
    if token.dep_ not in _BARE_ARGUMENTS or not _determined_in(token, lex.addressee_cases):
        return False
    if any(c.dep_ in _SUBJECTS and c != token and c.pos_ in _NOMINAL for c in verb.children):
        return True
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return token.dep_ not in _SUBJECTS
    bare = [c for c in verb.children if c.dep_ in _BARE_ARGUMENTS and c.pos_ in _NOMINAL and _preposition(c) is None]
    return bool(bare) and token != bare[0]


def _stray_dative(token: Token, lex: CueLexicon) -> bool:
    """Whether a bare phrase in the dative by its determiner hangs after a noun that is in no
    dative itself ("wirft der Bericht den Behörden vor", "ein Sprecher der Partei der Presse"):
    no noun takes a dative attribute, so it is the verb's object the parser attached there."""
    head = token.head
    return (token.dep_ in ("nmod", "appos") and head.pos_ in _NOMINAL and head.i < token.i
            and _preposition(token) is None and _determined_in(token, lex.addressee_cases)
            and _preposition(head) is None and not _determined_in(head, lex.addressee_cases))


def _determined_in(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal's determiners are marked for one of ``cases`` only ("den Abgeordneten",
    "allen Reisenden", "dem Berater"): the article's form is a surer sign of the case than the
    noun's, which is often the same in every case."""
    dets = [c for c in token.children if c.dep_.startswith("det") and c.i < token.i]
    return bool(dets) and all(_in_case_marked(d, cases) for d in dets)


def _in_case_marked(token: Token, cases: frozenset[str]) -> bool:
    marked = set(token.morph.get("Case"))
    return bool(marked) and marked <= cases


#: the subject relations of a verb (UD, ClearNLP)
_SUBJECTS = frozenset({"nsubj", "sb"})


def _not_subject(token: Token, lex: CueLexicon) -> bool:
    """Whether a nominal's case rules it out as a subject ("Lenz" marked accusative)."""
    marked = set(token.morph.get("Case"))
    return bool(lex.subject_cases) and bool(marked) and not (marked & lex.subject_cases)


#: the object relations of a verb (UD): a noun in them is an argument, not an adjunct
_CORE_OBJECTS = frozenset({"obj", "iobj", "obl:arg"})

#: dependents of a cue whose subtree is another clause (the content, an aside), not its frame
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "csubj", "acl", "relcl", "conj", "dep"})


def _content_follows(verb: Token, obj: Token) -> bool:
    """Whether the cue has a content clause after its object ("promised farmers that …")."""
    return any(c.dep_ == "ccomp" and c.i > obj.i for c in verb.children)


def _clause_nominals(verb: Token, *, below: bool = True) -> Iterator[Token]:
    """The nominals of the cue's own clause below its direct dependents (a phrase the parser
    hung on the subject or a date), not those of the content or another clause; with
    ``below=False`` the direct dependents' own nominals too."""
    stack = [c for c in verb.children if c.dep_ not in _CLAUSES] if below else [verb]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _CLAUSES or child.pos_ in ("VERB", "AUX"):
                continue
            if child.pos_ in _NOMINAL:
                yield child
            stack.append(child)


def _candidates(verb: Token, lemma: str | None, lex: CueLexicon) -> Iterator[Token]:
    """The heads of the phrases that may be the addressee of ``verb``, most certain first."""
    object_verbs = lex.object_addressee_verbs if lex.object_addressee_verbs is not None else (lex.addressee_verbs or ())
    addresses = lemma is not None and lemma in object_verbs
    # "told him", but not "gave Patriot": where the lexicon lists the cues that take an addressee
    takes_dative = lex.addressee_verbs is None or lemma in lex.addressee_verbs
    for child in verb.children:  # a dative object: "sagte der Zeitung", "told him"
        if child.pos_ in _NOMINAL and _preposition(child) is None and not _is_reflexive(child, lex) and (
                (takes_dative and child.dep_ in lex.addressee_dependents
                 and _may_be_in_case(child, lex.addressee_cases))
                # "promised farmers that …": with the content clause beside it, the object of
                # a cue that takes an addressee is the one spoken to, not what is said
                or (lex.addressee_verbs is not None and lemma in lex.addressee_verbs
                    and child.dep_ in ("obj", "dobj") and _content_follows(verb, child))
                or (_in_case(child, lex.addressee_cases) and (_is_addressable(child, lex) or _dative_object(child, lex)))
                or (lemma in lex.dative_addressee_verbs and _dative_by_determiner(child, verb, lex))):
            yield child
    for prep, obj in _prepositional_objects(verb):  # "gegenüber dem Sender", "said to reporters"
        if f"{lemma} {prep}" in lex.verb_topic_prepositions:  # "warnte vor Putin": spoken of
            continue
        if (prep in lex.addressee_prepositions or f"{lemma} {prep}" in lex.verb_addressee_prepositions
                or (prep in lex.audience_prepositions and (_is_addressable(obj, lex) or _is_title(obj)))):
            yield obj
    for obj in _clause_nominals(verb):  # "sagte Anna gegenüber dem Sender": attached to another word
        if _preposition(obj) in lex.addressee_prepositions or (
                _preposition(obj) in lex.audience_prepositions and (_is_addressable(obj, lex) or _is_title(obj))) or (
                lemma in lex.dative_addressee_verbs and _stray_dative(obj, lex)):
            yield obj
    yield from _participle_audience(verb, ("advcl",), lex)  # "Speaking to reporters, the governor said …"
    if verb.dep_ == "xcomp":  # "ließ gegenüber der Zeitung durchblicken": on the verb it completes
        for prep, obj in _prepositional_objects(verb.head):
            if prep in lex.addressee_prepositions:
                yield obj
    passive = addresses or (lemma is not None and lemma in lex.passive_addressee_verbs)
    subjects = _subjects(verb, lex)
    second = _object_among_subjects(subjects, verb, lex)
    for child in verb.children:  # "forderte die Regierung auf", "urged lawmakers"; "X wurde aufgefordert"
        if child.pos_ in _NOMINAL and not _is_reflexive(child, lex) and (
                (addresses and child.dep_ in ("obj", "dobj"))
                # "hatte Lenz aufgefordert" parsed as a second subject: its case, or the other
                # subject beside it, tells it is the object (the speaker's own is passed over)
                or (addresses and child.dep_ in _SUBJECTS and (_not_subject(child, lex) or child == second))
                # "Ihren Widersacher forderte May auf": a fronted object its determiner shows
                or (addresses and child.dep_ == "obl" and _preposition(child) is None and bool(subjects)
                    and any(c.dep_.startswith("det") and c.lower_ in lex.object_determiners for c in child.children))
                or (passive and child.dep_ in lex.passive_subject_dependents and _passive_voice(verb))
                # "Kritiker werfen Obama vor": a second subject the verb does not agree with
                or (passive and child.dep_ in _SUBJECTS and len(subjects) > 1 and _disagrees(child, verb))):
            yield child
    yield from _partners(verb, lex)


def _passive_voice(verb: Token) -> bool:
    """Whether a verb has a passive auxiliary: a subject the parser called passive beside a
    perfect's "hat" is the active one ("Ein Gericht hat Twitter aufgefordert")."""
    return any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)


def _subjects(verb: Token, lex: CueLexicon) -> list[Token]:
    """The nominals the parser made subjects of ``verb`` (a passive one without a passive
    auxiliary too); a verb joined to another by "und" without one of its own shares that
    one's ("Er bezeichnet … und forderte Mussawi auf")."""
    deps = _SUBJECTS if _passive_voice(verb) else _SUBJECTS | lex.passive_subject_dependents
    own = [c for c in verb.children if c.dep_ in deps and _bare_nominal(c)]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ in _SUBJECTS and _bare_nominal(c)]


def _bare_nominal(token: Token) -> bool:
    """A nominal no preposition or conjunction opens ("Als Beispiele nennt VW …": no subject)."""
    first = token.left_edge
    return (token.pos_ in _NOMINAL and not any(c.dep_ in ("case", "mark") and c.i < token.i for c in token.children)
            and not (first.i > 0 and token.doc[first.i - 1].pos_ == "ADP"))


def _object_among_subjects(subjects: list[Token], verb: Token, lex: CueLexicon) -> Token | None:
    """Of two subjects the parser gave a verb, the one that is its object: the one the verb
    does not agree with, the one beside a personal pronoun in the nominative ("Die Anhänger
    warnte er"), the one whose determiner is no subject's; else the later one (German puts
    the subject first when nothing else tells them apart: "X warnte die CDU")."""
    own = [s for s in subjects if s.head == verb]
    if len(own) != 2:
        return None
    first, later = sorted(own, key=lambda t: t.i)
    for a, b in ((first, later), (later, first)):
        if _disagrees(a, verb) and not _disagrees(b, verb):
            return a
        if b.pos_ == "PRON" and "Nom" in b.morph.get("Case") and a.pos_ != "PRON":
            return a
        if any(c.dep_.startswith("det") and c.lower_ in lex.object_determiners for c in a.children):
            return a
    return later


def _disagrees(nominal: Token, verb: Token) -> bool:
    """Whether a nominal differs in number from the finite verb of its clause, so it cannot be
    its subject ("Kritiker werfen[Plur] Obama[Sing] vor"); a coordination ("X und Y") is left
    out, its number is not its head's.

    >>> import spacy
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["Kritiker", "werfen", "Obama", "vor"],
    ...     morphs=["Number=Plur", "Number=Plur|VerbForm=Fin", "Number=Sing", ""])
    >>> _disagrees(doc[2], doc[1]), _disagrees(doc[0], doc[1])
    (True, False)
    """
    finite = next((t for t in (verb, *verb.children) if "Fin" in t.morph.get("VerbForm")), None)
    if finite is None or any(c.dep_ == "conj" for c in nominal.children):
        return False
    have, want = set(nominal.morph.get("Number")), set(finite.morph.get("Number"))
    for det in (c for c in nominal.children if c.dep_.startswith("det") and c.morph.get("Number")):
        have &= set(det.morph.get("Number"))  # "die[Sing] OSZE[Plur]": the tagger is unsure, so are we
    return bool(have) and bool(want) and not (have & want)


def _partners(verb: Token, lex: CueLexicon) -> Iterator[Token]:
    """The partner of a conversation noun in the clause ("im Gespräch mit X", "in an interview
    with X"), on the cue or on a word of its clause ("sagte der Mann in einem Interview mit X")."""
    for noun in _clause_nominals(verb, below=False):
        if noun_in(noun, lex.conversation_nouns, lex):
            for partner_prep, partner in _prepositional_objects(noun):
                if partner_prep in lex.conversation_prepositions:
                    yield partner


def _speaker_candidates(doc: Doc, speaker: tuple[int, int] | None, lex: CueLexicon) -> Iterator[Token]:
    """For a cue that is no verb ("so X gegenüber Y", "nach Angaben von X gegenüber Y"): the
    phrases with an addressee preposition, or a conversation's partner, hung on the speaker."""
    span = doc.char_span(*speaker, alignment_mode="expand") if speaker else None
    if span is None or not len(span):
        return
    for obj in _clause_nominals(span.root, below=False):
        if _preposition(obj) in lex.addressee_prepositions:
            yield obj
    yield from _partners(span.root, lex)
    yield from _participle_audience(span.root, ("acl",), lex)  # "according to a spokeswoman speaking to X"


def _participle_audience(word: Token, deps: tuple[str, ...], lex: CueLexicon) -> Iterator[Token]:
    """The one spoken to by a participle of speech on ``word`` (a clause of its own without a
    subject or conjunction): "Speaking to reporters, X said", "a spokeswoman speaking to X"."""
    for clause in word.children:
        if clause.dep_ in deps and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in clause.children):
            for prep, obj in _prepositional_objects(clause):
                if f"{clause.lemma_.lower()} {prep}" in lex.verb_addressee_prepositions:
                    yield obj


#: dependents after a noun that belong to its phrase ("Minister Jan Berg, der Sprecher der Partei")
_DESCRIBING = frozenset({"amod", "appos", "compound", "flat", "flat:name", "nummod", "nmod", "nmod:poss",
                         "poss", "punct", "cc", "conj", "prep", "pobj", "nk", "ag", "pnc", "app"})


def _describes(child: Token, lex: CueLexicon) -> bool:
    """Whether a dependent after a noun is part of its phrase: a name, an apposition, a genitive
    or a name's preposition ("des Vereins", "of the party"), not a complement ("als …", "zu …")."""
    if child.dep_ not in _DESCRIBING:
        return False
    prep = child.lower_ if child.dep_ == "prep" else _preposition(child)
    return prep is None or prep in lex.name_prepositions or prep in lex.genitive_articles


def _phrase(doc: Doc, head: Token, outside: list[tuple[int, int]], lex: CueLexicon) -> Span | None:
    """The phrase of ``head`` (its subtree without the preposition before it and the
    punctuation around it), cut where it runs into a span it may not overlap."""
    start, end = head.left_edge.i, head.i + 1
    while start < head.i and doc[start].dep_ == "case":
        start += 1
    for child in head.rights:  # the name and what describes it, not the verb's other arguments
        if not _describes(child, lex):
            break
        end = child.right_edge.i + 1
    for lo, hi in outside:  # keep the side of the head that touches no quote, speaker or source
        for k in range(start, end):
            t = doc[k]
            if t.idx < hi and lo < t.idx + len(t):
                if k <= head.i:
                    start = k + 1
                else:
                    end = k
                    break
    if not (start <= head.i < end):
        return None
    span = strip_punct(through_closing_mark(doc[start:end]))
    if span is not None and span.start > 0 and doc[span.end - 1].text in CLOSING_MARKS \
            and doc[span.start - 1].text in OPENING_MARKS:  # „Beijing Shibao“: the name's marks both
        span = doc[span.start - 1:span.end]
    return span if span is not None and span.start <= head.i < span.end else None


def addressee_of(doc: Doc, att: Attribution, lex: CueLexicon) -> tuple[Span | None, bool, Span | None]:
    """The addressee of one attribution (or None), whether the speaker is that addressee
    taken for the speaker ("Die Männer werden beschuldigt": the subject of a passive cue that
    addresses someone is the one addressed; who spoke is not said), and then the cue's own
    subject, the speaker, if it has one ("Kritiker werfen Obama vor").

    The candidates of :func:`_candidates` are taken in order; one inside the quote (unless the
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
    # the cue's own dependents first; then what hangs on the speaker ("so X gegenüber Y",
    # "according to X speaking to Y": a cue that is no verb, or one the tagger called a verb)
    candidates = chain(_candidates(verb, cue_lemma(verb, lex), lex) if verb is not None else (),
                       _speaker_candidates(doc, speaker, lex))
    for head in candidates:
        if verb is not None and _passive_agent(head, verb, lex):
            continue  # "wurde von der Regierung beschuldigt": who spoke, not who was spoken to
        after = head.right_edge.i + 1
        if after < len(doc) and doc[after].lower_ in lex.after_source:
            continue  # "sagte die Kanzlerin einigen Teilnehmern zufolge": who told it, unattached
        if quote[0] <= head.idx < quote[1] and _opens_quote(doc, head, quote, lex):
            quote = (_phrase_end(doc, head, lex), quote[1])  # "Nach Angaben X| gegenüber dem Sender ist …"
        if quote[0] <= head.idx < quote[1] or (mediator and mediator[0] <= head.idx < mediator[1]):
            continue
        in_speaker = speaker is not None and speaker[0] <= head.idx < speaker[1]
        subject = _subject_beside(doc, speaker, head, verb, lex) if in_speaker else None
        is_speaker = in_speaker and (head.dep_ in lex.passive_subject_dependents or subject is not None)
        if in_speaker and not is_speaker and not (_after_speaker_head(doc, speaker, head)
                                                   or _attached_inside(head, speaker, lex)
                                                   or _stray_dative(head, lex)):
            continue
        blocked = [quote] + ([mediator] if mediator else [])
        if speaker and not in_speaker:
            blocked.append(speaker)
        span = _phrase(doc, head, blocked, lex)
        if span is not None:
            return span, is_speaker, (_phrase(doc, subject, [quote], lex) if subject is not None else None)
    return None, False, None


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
    return replace(quote, text=text[start:quote.end], start=start)


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
    span = doc.char_span(*speaker, alignment_mode="expand")
    if verb is None or span is None or span.root != head or head.head != verb:
        return None
    every = _subjects(verb, lex)
    subjects = [c for c in every if c != head and not (speaker[0] <= c.idx < speaker[1])]
    taken = (head.dep_ in _CORE_OBJECTS or _not_subject(head, lex) or head == _object_among_subjects(every, verb, lex)
             or (_disagrees(head, verb) and any(not _disagrees(s, verb) for s in subjects)))
    return subjects[0] if subjects and taken else None


def _after_speaker_head(doc: Doc, speaker: tuple[int, int], head: Token) -> bool:
    """Whether ``head`` sits in the speaker span only because the span ran on past its own
    phrase ("Ministerin A der Zeitung B"): the addressee's phrase ends the span and is not
    part of the speaker's own subtree."""
    span = doc.char_span(*speaker, alignment_mode="expand")
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
    for att in attributions:
        span, was_speaker, subject = addressee_of(doc, att, lex)
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
                changes["speaker"] = cut
        out.append(replace(att, **changes))
    return out
