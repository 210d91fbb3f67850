"""The speaker of a cue: subject, apposition, impersonal source, governor's subject."""

from __future__ import annotations

from spacy.attrs import IS_PUNCT
from spacy.tokens import Doc, Span, Token

from ..doc_tables import flags, table_of
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma
from ..fronted_subjects import is_finite
from ..phrases import SUBJECT_DEPS, noun_phrase, np_after, np_before, strip_punct, with_apposition
from ..subjects import subject_of
from .agents import has_passive_auxiliary, passive_agent
from .source_phrases import is_source_noun


def noun_owner(noun: Token) -> Span | None:
    """Whose claim a speech noun is: its possessor ("Donald Trump's claim that …") or the name
    compounded with it ("a New York Times report that …")."""
    doc = noun.doc
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        end = poss.right_edge.i + 1
        if doc[end - 1].tag_ == "POS":
            end -= 1  # the "'s" is no part of the name
        return doc[poss.left_edge.i : end] if end > poss.left_edge.i else None
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return doc[min(c.left_edge.i for c in names) : max(c.right_edge.i for c in names) + 1]
    return None


def genitive_owner(noun: Token) -> Span | None:
    """Whose claim a German speech noun is, by the genitive after it ("der Vorwurf der
    Opposition, …", "trotz einer Warnung der Wärter, …"): the phrase up to a comma."""
    doc = noun.doc
    owner = next((c for c in noun.rights if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN")
                  and c.morph.get("Case") == ["Gen"] and not any(g.dep_ == "case" for g in c.children)), None)
    if owner is None:
        return None
    end = next((t.i for t in doc[owner.i : owner.right_edge.i + 1] if t.text == ","), owner.right_edge.i + 1)
    return doc[owner.left_edge.i : end]


def impersonal_word(token: Token, lex: CueLexicon) -> bool:
    """Whether a subject is impersonal and refers to no one ("man", "es" of "wie es hieß",
    "this"); not a personal pronoun the lexicon also lists ("it" of "it said": the company)."""
    return token.lower_ in lex.impersonal and (token.lower_ not in lex.pronouns or "Ind" in token.morph.get("PronType"))


def is_impersonal(doc: Doc, speaker: tuple[int, int] | None, lex: CueLexicon) -> bool:
    """Whether a speaker is one impersonal word (:func:`impersonal_word`): no quote after it
    takes it as its speaker."""
    span = doc.char_span(*speaker, alignment_mode="expand") if speaker is not None else None
    return span is not None and len(span) == 1 and impersonal_word(span[0], lex)


def usable_speaker(span: Span | None, lex: CueLexicon) -> Span | None:
    """None for a subject that cannot be a speaker: "es" in "heißt es", "das", "dies", an adverb
    of time the parser took for a subject ("Gestern haben einige Anwohner berichtet"); but a
    demonstrative that stands for a person ("Dieser behauptete, …") is one."""
    if span is None:
        return None
    if table_of(span.doc) is not None:  # the Doc's punctuation flags are kept: a Token made for a lone word only
        punct = flags(span.doc, IS_PUNCT)
        words = [k for k in range(span.start, span.end) if not punct[k]]
        word = span.doc[words[0]] if len(words) == 1 else None
    else:
        tokens = [t for t in span if not t.is_punct]
        word = tokens[0] if len(tokens) == 1 else None
    if word is not None and word.lower_ in lex.time_adverbs:
        return None
    if (word is not None and word.pos_ in ("PRON", "DET") and word.lower_ not in lex.pronouns
            and word.lower_ not in lex.demonstrative_speakers):
        if relative_subject(word, lex):
            return span  # "X, who said …": the relative pronoun stands for X
        return None
    return span


def relative_subject(token: Token, lex: CueLexicon) -> bool:
    """A relative pronoun as the subject of its clause: English "who", "which" (by their tags),
    German "…, der …" (one of ``CueLexicon.relative_pronouns`` right after a comma, subject of a
    clause the parser hangs on a noun; its tag may be the article's or the demonstrative's; not
    "was", which stands for a clause)."""
    if token.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass"):
        return False
    if token.tag_ in ("WP", "WDT"):
        clause = token.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "X, who … and who hoped …": the second clause is coordinated with the first
        return clause.dep_ == "relcl"
    return (token.lower_ in lex.relative_pronouns and token.head.dep_ in ("acl", "acl:relcl")
            and token.i > 0 and token.doc[token.i - 1].text == ",")


def infinitive_controller(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """"X led Republicans to say …", "urged him to explain …": an infinitive cue whose governor
    has an object before it is said by that object (object control), not by the governor's
    subject; None when the governor has no object (English parse labels)."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or not (lower <= obj.left_edge.i and obj.right_edge.i < upper):
        return None
    if not _can_speak(obj, lex):
        return None  # "is looking for the firm's earnings to rise": a thing is no speaker
    return verb.doc[obj.left_edge.i : obj.right_edge.i + 1]


# the recogniser's types of those who speak: a person, a body, a people, a country's government
_SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _can_speak(token: Token, lex: CueLexicon) -> bool:
    """Whether a noun or pronoun can name someone who speaks: a personal pronoun but "it" or
    "this", a name of a speaking type, a plural (of people, mostly: "led investors to say"), or
    a noun of a person, a body or an audience in the lexicon; not a singular thing ("turned
    the question to argue …", "used an expletive to describe …")."""
    if token.pos_ == "PRON":
        return token.lower_ not in lex.impersonal
    if token.ent_type_ in _SPEAKING_TYPES or token.tag_ in ("NNS", "NNPS"):
        return True
    lemma = token.lemma_.lower()
    return any(lemma in words or token.lower_ in words for words in (
        lex.person_nouns, lex.addressee_nouns, lex.organisation_nouns, lex.circle_nouns, lex.spokesperson_nouns,
        lex.relative_nouns)) or token.text in lex.titles or lemma.capitalize() in lex.titles


def _listed_after_clause(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """"X pledged …, cast doubt on …, suggested that …": a cue right after a comma, with no
    subject and a complement of its own after it, that the parser made the governor of the
    clause before it is the next verb of that clause's subject (English parse labels)."""
    doc = verb.doc
    comma = verb.i - 1 - (verb.i > 1 and doc[verb.i - 1].is_quote)  # "… as “terrible,” denounced …"
    if comma < 1 or doc[comma].text != "," or not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.right_edge.i == comma - 1),
                  None)
    return usable_speaker(subject_of(before, lower, upper, lex), lex) if before is not None else None


def participle_holder(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """"ads praising the senator", "polls showing X ahead", "those backing the bill": a present
    participle that modifies a noun, with no subject of its own, is said by that noun's phrase
    (up to the participle; not before ``lower``); when the noun is what a subject issued
    (``CueLexicon.issuing_verbs``: "X released a statement praising …"), by that subject."""
    head = verb.head
    if (verb.dep_ != "acl" or verb.tag_ != "VBG" or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN", "PRON")
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lex.issuing_verbs:
        issuer = usable_speaker(subject_of(head.head, lower, upper, lex), lex)
        if issuer is not None:
            return issuer
    start = head.left_edge.i
    if start < lower:
        return None
    return strip_punct(verb.doc[start : verb.i])


def infinitive_holder(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """"X mounted a campaign to condemn …", "X's failure to denounce …", "with no plans to
    endorse …": an infinitive on a noun (not the noun's own act: a campaign condemns no one) is
    done by the subject of the verb whose object the noun is (also through a preposition), else
    by the noun's owner (English parse labels)."""
    noun = verb.head
    if (verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.i >= verb.i
            or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    if noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX", "ADJ"):
        subject = usable_speaker(subject_of(governor, lower, upper, lex), lex)
        if subject is not None:
            return subject
    owner = noun_owner(noun)
    return owner if owner is not None and lower <= owner.start and owner.end <= upper else None


def set_off_verb_holder(verb: Token, lower: int) -> Span | None:
    """"X, speaking on the radio, called Y “…”": a past form set off by a comma after a name or
    noun, with an object of its own, that the parser hung on the noun as a reduced relative
    ("a program called …") is the noun's own verb (English parse labels)."""
    head = verb.head
    if (verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN")
            or verb.i == 0 or verb.doc[verb.i - 1].text != "," or head.left_edge.i < lower
            or not any(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > verb.i for c in verb.children)):
        return None
    return verb.doc[head.left_edge.i : head.i + 1]


#: what a preposition's gerund passes on the way up to the one who does it: the preposition, its
#: noun ("a history of blaming"), the object or complement that noun is ("has a long history",
#: "the most aggressive in denouncing")
_GERUND_PATH_DEPS = frozenset({"prep", "pobj", "dobj", "attr", "acomp", "npadvmod"})


def gerund_holder(sent: Span, verb: Token, lex: CueLexicon) -> Span | None:
    """"In addition to stating that …, X vowed", "X has a long history of blaming …", "his
    policy of not attacking …": a gerund after a preposition, with no subject of its own, is
    done by the owner of the first noun above it that has one, else by the subject of the verb
    its phrase hangs on (English parse labels), wherever it stands in the sentence: the phrase
    often opens it."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "poss" for c in verb.children):
        return None
    head = verb.head
    for _ in range(6):
        if head.pos_ == "NOUN":
            owner = noun_owner(head)
            if owner is not None:
                return owner
        elif head.pos_ in ("VERB", "AUX"):
            return usable_speaker(subject_of(head, sent.start, sent.end, lex), lex)
        if head.dep_ not in _GERUND_PATH_DEPS or head.head.i == head.i:
            return None
        head = head.head
    return None


_GOVERNED_DEPS = frozenset({"advcl", "xcomp", "ccomp", "conj", "pcomp", "acomp"})


def _governor_subject(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> Span | None:
    """"X spoke on Monday, saying …", "X went on to explain …", "Citing …, X said": a cue
    with no subject of its own is said by the subject of the verb it hangs on (English)."""
    if ((verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.i < verb.head.i)
            and not any(c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJECT_DEPS for c in verb.children)):
        # "Asked whether …, X said": a passive participle's governor subject is the one asked
        # (a past form with no subject in an adverbial clause before its governor is one too,
        # whatever its tag: "Asked" opening a sentence)
        return None
    head = verb
    for _ in range(3):
        if (head.dep_ not in _GOVERNED_DEPS and head.dep_ != "prep") or head.head.i == head.i:
            return None
        head = head.head
        if head.dep_ == "prep":
            continue
        if (verb.tag_ == "VBG" or verb.dep_ == "conj") and head.dep_ == "ccomp" and cue_lemma(head.head, lex) is not None:
            # "X said [A …], citing B", "X said [A …] and warned B": the participle or the
            # conjunct is X's, not A's subject's
            head = head.head
        speaker = usable_speaker(subject_of(head, sent.start, sent.end, lex), lex)
        if speaker is not None and _extraposed(verb, speaker, lex):
            return None
        if speaker is not None and not (speaker.start <= verb.i < speaker.end):
            return speaker
        if any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return None
    return None




def impersonal_source(doc: Doc, verb: Token, upper: int, lex: CueLexicon) -> Span | None:
    """"…, hieß es vom Ministerium / aus Regierungskreisen": with an impersonal "es" the
    source is named by a preposition right after the verb."""
    if not any(t.lower_ in lex.expletives for t in doc[verb.i + 1 : min(upper, verb.i + 2)]):
        return None
    source = next((t for t in doc[verb.i + 2 : min(upper, verb.i + 4)] if t.lower_ in lex.impersonal_source_prepositions
                   or t.lower_ in lex.document_prepositions), None)  # "hieß es vom Ministerium / in der Erklärung"
    return np_after(doc, source.i + 1, upper, lex) if source is not None else None


_ADVERBIAL_DEPS = frozenset({"obl", "obl:tmod", "advmod", "nmod:tmod", "npadvmod"})


def apposed_before(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """"Celebi, die Anwältin der Frau, sagte": a name with its apposition right before the cue."""
    if verb.i - 1 <= lower or doc[verb.i - 1].text != ",":
        return None
    k = next((t.i for t in reversed(doc[lower : verb.i - 1]) if t.text == ","), None)
    head = np_before(doc, k, lower, lex, subject=True) if k is not None else None
    if head is not None and with_apposition(head, verb.i, lex).end == verb.i - 1:
        return doc[head.start : verb.i - 1]
    return None


def _coordinated_subject(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """"X äußerte sich nicht, sagte aber, …": a finite verb right after a comma, with no
    subject of its own, shares the subject of the finite verb of the clause before it."""
    if verb.i - 1 <= lower or doc[verb.i - 1].text != "," or not verb.tag_.endswith("FIN"):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = next((t for t in reversed(doc[lower : verb.i - 1]) if t.tag_.endswith("FIN")), None)
    return usable_speaker(subject_of(before, lower, verb.i - 1, lex), lex) if before is not None else None


def unnamed_subject_source(doc: Doc, verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The source of a cue whose subject names none ("es", or a subject that cannot speak):
    the document named by "in" ("In einem Positionspapier heißt es, …", "In einer Erklärung
    hatte es geheißen: „…“"), the origin named by "aus" ("Aus Regierungskreisen hieß es,
    …"), or a preposition right after "hieß es" ("…, hieß es vom Ministerium")."""
    prep = next((t for t in doc[lower:verb.i] if t.lower_ in lex.document_prepositions), None)
    if prep is not None:
        return np_after(doc, prep.i + 1, verb.i, lex)
    origin = origin_before(doc, verb, lower, lex)
    if origin is not None:
        return origin
    return impersonal_source(doc, verb, upper, lex)


def source_for_impersonal(doc: Doc, verb: Token, speaker: Span | None, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The source a clause names for a cue whose subject is one impersonal word ("In den
    Schreiben forderte man …", "so heißt es in einer Erklärung"): the document or origin
    :func:`unnamed_subject_source` finds, when no time noun heads it, else the subject as it
    was ("in den letzten Tagen" is no source)."""
    if speaker is None or len(speaker) != 1 or not impersonal_word(speaker[0], lex):
        return speaker
    source = unnamed_subject_source(doc, verb, lower, upper, lex)
    if source is None or source.root.text in lex.time_nouns:
        return speaker
    return source


def _extraposed(verb: Token, subject: Span, lex: CueLexicon) -> bool:
    """Whether the governor's subject of an infinitive or gerund cue is an "it" that stands for
    that clause ("It is important to note that …", "it's worth pointing out that …"): a lone
    pronoun of ``CueLexicon.impersonal`` as subject of a verb whose adjective complement is one
    of ``CueLexicon.extraposing_adjectives``. The clause names no one who notes: no speaker,
    not "it". "It was quick to deny that …" keeps its "it" (a firm, say): "quick" is not one."""
    if len(subject) != 1 or subject[0].lower_ not in lex.impersonal or verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.dep_ == "acomp":  # "it's worth [pointing out]": the parser hangs the cue on the adjective
        head = head.head
    return subject[0].head.i == head.i and any(
        c.dep_ == "acomp" and c.lower_ in lex.extraposing_adjectives for c in head.children)


def has_expletive(verb: Token, lex: CueLexicon) -> bool:
    """The cue has an impersonal "es" the parser did not call its subject ("hatte es geheißen")."""
    return any(c.lower_ in lex.expletives for c in verb.children)


def origin_before(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """"Aus Regierungskreisen hieß es", "(Wie) aus einer Mitteilung hervorgeht": the source named
    by "aus" opening the clause of the cue (at ``lower``), not an "aus" inside a phrase ("gegen
    die Konkurrenz aus der Schule ausgesprochen")."""
    aus = next((t for t in doc[lower:verb.i] if t.lower_ in lex.origin_prepositions), None)
    if aus is None or not all(t.is_punct or t.pos_ in ("ADV", "CCONJ", "PART") for t in doc[lower : aus.i]):
        return None
    np = np_after(doc, aus.i + 1, verb.i, lex)
    if np is not None and any(is_source_noun(t, lex) for t in np if t.pos_ == "NOUN"):
        return np  # "Aus einer Pressemitteilung geht hervor, …": the document itself is the source
    return doc[aus.i : np.end] if np is not None else None


def document_after(doc: Doc, verb: Token, upper: int, lex: CueLexicon) -> Span | None:
    """"Dies geht aus einer Mitteilung der Behörde hervor": a document named by "aus" after the
    cue (before ``upper``) is the source, when its phrase holds a source noun ("aus
    Regierungskreisen" after a verb is no document)."""
    aus = next((t for t in doc[verb.i + 1 : upper] if t.lower_ in lex.origin_prepositions), None)
    np = np_after(doc, aus.i + 1, upper, lex) if aus is not None else None
    if np is None or not any(t.pos_ == "NOUN" and is_source_noun(t, lex) for t in np):
        return None
    return np


def speaker_for(doc: Doc, sent: Span, verb: Token, lex: CueLexicon, *, lower: int, upper: int) -> Span | None:
    agent = passive_agent(doc, verb, lower, upper, lex) if lex.passive_agent_prepositions else None
    if agent is not None:
        return with_apposition(agent, upper, lex) if agent.end < upper else agent
    subject = subject_of(verb, lower, upper, lex)
    passive = has_passive_auxiliary(doc, verb)
    if lex.verb_second and not passive and (subject is None or subject.start < verb.i) and _particle_fronted(verb, lex):
        # "…, so bestätigt das Gericht": "so" fills the front field, the subject follows the verb
        after = _nominative_after(doc, verb, upper, lex)
        if after is not None:
            return with_apposition(after, upper, lex) if after.end < upper else after
    if passive and (subject is None or subject.root.dep_ in lex.passive_subject_dependents):
        document = _document_before(doc, verb, lower, lex)
        if document is not None:
            return document  # "In einem Bericht der Zeitung wurde vermutet, …"
    if (passive and subject is not None and subject.root.dep_ in lex.passive_subject_dependents
            and verb.lemma_.lower() not in lex.quoting_verbs
            and not (len(subject) == 1 and relative_subject(subject.root, lex))):
        # "Ausländern sei … abgeraten worden, …": a passive's subject is what was said or
        # whom it was said to, never who said it; without an agent the speaker is unnamed (a
        # relative pronoun is left to the rules for relative clauses)
        return None
    speaker = source_for_impersonal(doc, verb, usable_speaker(subject, lex), lower, upper, lex)
    if speaker is None and (subject is not None or has_expletive(verb, lex)):
        return unnamed_subject_source(doc, verb, lower, upper, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = infinitive_controller(verb, lower, upper, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = _governor_subject(doc, sent, verb, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = _listed_after_clause(verb, lower, upper, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = participle_holder(verb, lower, upper, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = gerund_holder(sent, verb, lex)
    if speaker is None and subject is None and lex.parse_rules and doc.has_annotation("DEP"):
        speaker = infinitive_holder(verb, lower, upper, lex)
    if speaker is None and verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i:
        # "X beeilte sich, … zu erklären, …": the infinitive's speaker is its governor's subject
        speaker = usable_speaker(subject_of(verb.head, lower, upper, lex), lex)
        if speaker is not None and _extraposed(verb, speaker, lex):
            return None
        if (speaker is None and lex.parse_rules and doc.has_annotation("DEP")
                and subject_of(verb.head, lower, upper, lex) is None):
            speaker = _listed_after_clause(verb.head, lower, upper, lex)  # "X …, denounced A and said …"
    if speaker is None:
        # "Aus Militärkreisen verlautete, …": the source is named by "aus"
        if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            origin = origin_before(doc, verb, lower, lex)
            if origin is not None:
                # "Aus diesem Grund forderte die Resolution, …": an "object" right after the verb
                # whose article can be the nominative is the subject the parser missed
                return _nominative_after(doc, verb, upper, lex) or origin
    if speaker is None and lex.verb_second:
        speaker = _coordinated_subject(doc, verb, lower, lex)
    if speaker is None and lex.verb_second and subject is None:
        speaker = _perfect_read_as_attribute(verb, lower, upper, lex)
    if speaker is None and lex.verb_second and subject is None and not passive:
        speaker = nominative_after_auxiliary(doc, verb, upper, lex)
    # "Gegenüber[PROPN] Wikinews erklärte ein Sprecher": a phrase of address fills the front
    # field, whatever the tagger took its preposition for; the subject follows the verb
    address = lex.verb_second and subject is None and _address_fronted(doc, verb, lower, lex)
    if speaker is None and address and not passive:
        speaker = _nominative_after(doc, verb, upper, lex)
    if speaker is None and not address:
        speaker = np_before(doc, verb.i, lower, lex, subject=True)
        if speaker is not None and speaker.root.dep_ in _ADVERBIAL_DEPS and not speaker.root.ent_type_:
            speaker = None  # "Ende Januar verkündete der Verband": the front field holds an adverbial
    if speaker is None:
        speaker = apposed_before(doc, verb, lower, lex)
    if speaker is None:
        speaker = np_after(doc, verb.i + 1, upper, lex, subject=True)
    if speaker is not None and lex.parse_rules and len(speaker) == 1 and relative_subject(speaker[0], lex):
        speaker = speech_noun_owner(speaker[0], lex) or speaker
    if speaker is not None and speaker.end < upper:
        speaker = with_apposition(speaker, upper, lex)
    return _with_role_before(doc, speaker, lower) if speaker is not None else None


def _perfect_read_as_attribute(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The subject of a perfect tense the parser split: the participle closing the clause hung
    on the object before it as an attribute, the auxiliary left as the root ("Die Universität
    hatte die Aberkennung damit begründet, dass …": the university gave the reason, not the
    revocation)."""
    obj = verb.head
    aux = obj.head
    if not (verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and obj.i < verb.i
            and obj.dep_ in ("obj", "oa") and aux.i < obj.i and aux.lemma_ in lex.perfect_auxiliaries):
        return None
    return usable_speaker(subject_of(aux, lower, upper, lex), lex)


def _document_before(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> Span | None:
    """The document a passive cue's words stand in, named before it by a document preposition
    ("In einem Bericht der Zeitung wurde vermutet", "So wird in einer Pressemitteilung
    gefordert"): a noun phrase holding a source noun ("Bericht", "Pressemitteilung"), not a
    place or a time ("In Berlin wurde gefordert")."""
    prep = next((t for t in doc[lower:verb.i] if t.lower_ in lex.document_prepositions), None)
    np = np_after(doc, prep.i + 1, verb.i, lex) if prep is not None else None
    if np is None or not any(t.pos_ == "NOUN" and is_source_noun(t, lex) for t in np):
        return None
    return np


def _with_role_before(doc: Doc, speaker: Span, lower: int) -> Span:
    """"Der Geschäftsführer von „Ener1“, Charles Gassenheimer, sagte": a noun phrase with its
    article opening the clause and set off by a comma right before the name that speaks is that
    name's role; the speaker is both (the parser, misled by the marks, hung the name alone on
    the verb)."""
    comma = speaker.start - 1
    if comma <= lower or doc[comma].text != "," or doc[lower].pos_ != "DET":
        return speaker
    if not any(t.ent_type_ in ("PER", "PERSON") for t in speaker):
        return speaker
    role = doc[lower:comma]
    if not any(t.pos_ == "NOUN" for t in role) or any(
            t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or t.text in (",", ";", ":") for t in role):
        return speaker
    return doc[lower : speaker.end]


def _particle_fronted(verb: Token, lex: CueLexicon) -> bool:
    """Whether a source particle ("so") right before a finite cue fills its front field ("Der
    Flug sei unzumutbar, so bestätigt das Gericht"): the subject then follows the verb."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (before is not None and before.lower_ in lex.source_particles and before.head == verb
            and is_finite(verb))


def _address_fronted(doc: Doc, verb: Token, lower: int, lex: CueLexicon) -> bool:
    """Whether the clause of ``verb`` opens with a preposition of address (``addressee_prepositions``)."""
    k = max(lower, verb.sent.start)
    while k < verb.i and doc[k].is_punct:
        k += 1
    return k < verb.i and doc[k].lower_ in lex.addressee_prepositions


def _nominative_after(doc: Doc, verb: Token, upper: int, lex: CueLexicon) -> Span | None:
    """A noun phrase right after the verb that the parser made its object, with an article
    that can be nominative (not "dem", "den": ``CueLexicon.object_determiners``)."""
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj", "oa") and c.pos_ in ("NOUN", "PROPN")
                and c.left_edge.i == verb.i + 1 and c.i < upper), None)
    if obj is None or obj.left_edge.pos_ != "DET" or obj.left_edge.lower_ in lex.object_determiners:
        return None
    np = noun_phrase(doc, obj.left_edge.i, upper, lex)
    return np if np is not None and np.end == obj.i + 1 else None


def nominative_after_auxiliary(doc: Doc, verb: Token, upper: int, lex: CueLexicon) -> Span | None:
    """The subject of a perfect the parser made an object of the participle: the noun phrase
    right after the finite auxiliary, with an article that can be nominative ("Daher hat der
    Gerichtshof entschieden, dass …": "der" read as the dative)."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.i < verb.i), None)
    if aux is None:
        return None
    phrase = next((c for c in verb.children if c.left_edge.i == aux.i + 1 and c.pos_ in ("NOUN", "PROPN")
                   and c.dep_ in ("obj", "obl", "obl:arg", "iobj") and c.i < min(verb.i, upper)
                   and not any(k.dep_ == "case" for k in c.children)), None)
    if phrase is None or phrase.left_edge.pos_ != "DET" or phrase.left_edge.lower_ in lex.object_determiners \
            or phrase.left_edge.lower_ in lex.genitive_only_determiners:
        return None
    np = noun_phrase(doc, phrase.left_edge.i, upper, lex)
    return np if np is not None and np.end == phrase.i + 1 else None


def speech_noun_owner(pronoun: Token, lex: CueLexicon) -> Span | None:
    """"X made a comment that described …", "Y's statement, which said …": a relative pronoun
    that stands for a speech noun speaks for the noun's owner: its possessor or name compound,
    the subject of the verb it is the object of, or, when that verb is an infinitive, the
    object of the verb it hangs on ("prompted X to make a comment that …"); so does one that
    stands for what a subject issued (``CueLexicon.issuing_verbs``: "X released a video that
    accuses …")."""
    noun = pronoun.head.head
    lemma = noun.lemma_.lower()
    issued = noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.issuing_verbs
    if noun.pos_ != "NOUN" or not (lemma in lex.verbs or lemma in lex.clause_nouns or lemma in lex.source_nouns
                                   or issued):
        return None
    owner = noun_owner(noun)
    if owner is not None or noun.dep_ != "dobj":
        return owner
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or relative_subject(subject, lex):
        return None
    return noun.doc[subject.left_edge.i : subject.right_edge.i + 1]
