"""Which phrases of a parse may be the addressee of a cue, most certain first: its dative
object ("sagte der Zeitung", told by the case or the determiner), a phrase with an addressee
preposition ("gegenüber dem Sender", "told to reporters"), the object of a cue that addresses
someone ("forderte die Regierung auf", also when the parser took it for a second subject), the
subject of such a cue in the passive, the partner of a conversation, the audience of a
participle of speech; and the case, agreement and subject tests those rules read the parse
with. :mod:`quotegraph.extract.addressees` chooses among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple
from functools import lru_cache

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import ADJ, ADP, AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Token

from .cue_verbs import lemmas_of
from .dative_forms import (adjective_head, after_a_name, agency_after_nominal, agency_after_subject,
                           audience_after_nominal, dative_after_phrase, dative_after_subject, dative_article,
                           dative_by_form, determined_in, determiners, disagrees, in_case_marked, interviewing_outlets,
                           names_outlet, oblique_feminine, other_case, outlet_after_genitive, parted_by_finite,
                           plainly_nominative, subject_before)
from .doc_offsets import char_span_kept
from .doc_tables import children_of, forms, head_list, id_list, kept, morph_of
from .fronted_subjects import is_finite, named_front_before_name
from .head_names import noun_at, noun_in
from .lexicon import CueLexicon

__all__ = ["CORE_OBJECTS", "candidates", "disagrees", "is_reflexive", "not_subject", "object_among_subjects",
           "preposition_of", "prepositional_objects", "speaker_candidates", "state_passive", "stray_dative", "subjects_of"]

#: entity labels of someone who can be spoken to (spaCy's German and English models)
_ADDRESSABLE = frozenset({"PER", "PERSON", "ORG", "NORP"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_NOMINAL_IDS = frozenset({NOUN, PROPN, PRON})
_PLACES = frozenset({"LOC", "GPE", "FAC"})


def _is_addressable(token: Token, lex: CueLexicon) -> bool:
    """A person, organisation or group one can speak to: a (non-reflexive) pronoun, a name the
    NER knows as such, or an audience noun ("reporters", "Journalisten")."""
    if token.pos_ == "PRON":
        return not is_reflexive(token, lex) and token.lower_ not in lex.impersonal
    return any(t.ent_type_ in _ADDRESSABLE or noun_in(t, lex.addressee_nouns, lex) or noun_in(t, lex.media_words, lex)
               for t in _name_tokens(token))


def _audience(prep: str | None, obj: Token, lex: CueLexicon) -> bool:
    """Whether a preposition may attach an audience: one of ``audience_prepositions``, and
    a preposition of direction ("an") with its object not in the dative, where it says where
    or what about ("an die Fans" told, "Kritik an den Fans" not)."""
    return prep in lex.audience_prepositions and not (
        prep in lex.directed_prepositions and (determined_in(obj, lex.addressee_cases) or dative_by_form(obj, lex)))


def _is_title(token: Token) -> bool:
    """A proper name that names no place: the title of an outlet or show the NER does not know
    ("sagte zur Sportschau"); a place after "vor", "an", "zu" is what is spoken of ("warnte
    vor Russland")."""
    return token.pos_ == "PROPN" and not any(t.ent_type_ in _PLACES for t in _name_tokens(token))


def _name_tokens(token: Token) -> list[Token]:
    """The noun and the parts of its name ("Nachrichtenagentur dpa", "ARD Sportschau")."""
    return [token] + [c for c in token.children if c.dep_ in ("compound", "flat", "flat:name", "appos")
                      and not other_case(c, token)]


def is_reflexive(token: Token, lex: CueLexicon) -> bool:
    """"äußerte sich", "said himself": the speaker again, not someone spoken to."""
    return "Yes" in morph_of(token, "Reflex") or token.lower_ in lex.reflexive_pronouns


def preposition_of(token: Token) -> str | None:
    """The preposition that attaches a nominal ("gegenüber dem Sender": "gegenüber"), if any;
    a postposition after it too ("Teilnehmern zufolge", "ihr gegenüber")."""
    return _preposition_at(token.doc, token.i)


def _preposition_at(doc: Doc, i: int, parse: _Parse | None = None) -> str | None:
    """:func:`preposition_of` the token at ``i``, read from the Doc's arrays (``parse``:
    :func:`_parse`, to save looking it up) and kept while the Doc is read: the candidates ask
    it of a nominal several times."""
    parse = _parse(doc) if parse is None else parse
    known = parse.prepositions
    if i not in known:
        deps, pos, lowers, heads, children, labels = parse[:6]
        head = heads[i]
        if deps[i] == labels["pobj"] and pos[head] == ADP:
            known[i] = lowers[head]
        else:
            cases = [c for c in children[i] if deps[c] == labels["case"] and (c < i or pos[c] == ADP)]
            case = next((c for c in cases if c < i), cases[0] if cases else None)
            known[i] = lowers[case] if case is not None else None
    return known[i]


class _Parse(NamedTuple):
    """What the candidates read of a Doc's parse (:func:`_parse`)."""

    deps: list[int]
    pos: list[int]
    lowers: list[str]
    heads: list[int]
    children: list[list[int]]
    labels: dict[str, int]  # the ids of the dependency labels read here
    clauses: frozenset[int]  # the ids of :data:`_CLAUSES`
    tags: list[int]
    pronoun_tags: frozenset[int]  # the ids of the tags "PPOSAT" and "PPER"
    prepositions: dict[int, str | None]  # :func:`_preposition_at`, as it is asked
    nominals: dict[tuple[int, bool], list[int]]  # :func:`_clause_nominals`, as it is asked
    lemmas: list[int]  # the lemmas' ids


def _parse(doc: Doc) -> _Parse:
    """The dependency labels, parts of speech, lower-case forms, heads and children of a Doc's
    tokens (from its arrays), kept while it is read: a dependent is tested without a Token."""
    def compute(d: Doc) -> _Parse:
        labels = _label_ids(d.vocab.strings)
        return _Parse(id_list(d, DEP), id_list(d, POS), forms(d, LOWER), head_list(d), children_of(d), labels,
                      frozenset(labels[dep] for dep in _CLAUSES), id_list(d, TAG),
                      frozenset({d.vocab.strings["PPOSAT"], d.vocab.strings["PPER"]}), {}, {}, id_list(d, LEMMA))
    return kept(doc, "addressee_parse", compute)


@lru_cache(maxsize=16)
def _label_ids(strings) -> dict[str, int]:
    return {label: strings[label] for label in ("pobj", "prep", "case", "advcl", *_CLAUSES)}


def prepositional_objects(verb: Token, parse: _Parse | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition, nominal) of each prepositional phrase on ``verb``, in both parse styles:
    UD ("obl" with a "case" child) and ClearNLP ("prep" with a "pobj" child); ``parse``:
    :func:`_parse`, to save looking it up."""
    doc = verb.doc
    parse = _parse(doc) if parse is None else parse
    deps, pos, lowers, _, children, labels = parse[:6]
    for child in children[verb.i]:
        if deps[child] == labels["prep"]:
            for obj in children[child]:
                if deps[obj] == labels["pobj"]:
                    yield lowers[child], doc[obj]
        elif pos[child] in _NOMINAL_IDS:
            prep = _preposition_at(doc, child, parse)
            if prep is not None:
                yield prep, doc[child]


def _may_be_in_case(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal is unmarked for case or marked for one of ``cases`` (always, when the
    language names no cases)."""
    marked = set(morph_of(token, "Case"))
    return not cases or not marked or bool(marked & cases)


def _in_case(token: Token, cases: frozenset[str]) -> bool:
    """Whether a nominal is marked for one of ``cases`` only (a parser may call a dative noun a
    subject: "sagte Reportern"; the case tells)."""
    marked = set(morph_of(token, "Case"))
    return bool(marked) and marked <= cases and token.dep_ in ("obj", "obl", "iobj", "nsubj", "nmod")


def _dative_object(token: Token, lex: CueLexicon) -> bool:
    """An object whose determiner shows the addressee case too ("erklärte einem Angestellten",
    "empfahl dem Gericht"): the case of a bare noun alone is too often guessed ("am 19. August")."""
    return token.dep_ in CORE_OBJECTS and any(in_case_marked(c, lex.addressee_cases) for c in determiners(token))


#: the relations of a bare nominal on a cue that may be its object, as the parser labels it
_BARE_ARGUMENTS = frozenset({"obj", "iobj", "obl:arg", "obl", "nsubj"})


def _dative_by_determiner(token: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether a bare nominal on a cue that takes a dative addressee is that dative by its
    determiner ("hat den Abgeordneten[Acc?] mitgeteilt", "empfiehlt allen Reisenden"). The
    tagger's case of an article is a guess too ("der" is also nominative, a sentence's first
    "Der" often tagged dative): of an active cue with no subject beside it, the first bare
    nominal is taken for the subject ("wirft der Bericht den Behörden vor")."""
    if token.dep_ not in _BARE_ARGUMENTS or preposition_of(token) is not None:
        return False
    if not (determined_in(token, lex.addressee_cases) or dative_by_form(token, lex)):
        # "Der Politik schlug er vor": beside a subject pronoun in the nominative, or after the
        # verb whose subject stands before it ("X sagte der Agentur Y"), a "der" phrase is no
        # nominative; a speech verb takes no genitive, so it is the dative
        return (token.pos_ == "NOUN" and token.dep_ not in ("obj", "dobj")
                and any(c.dep_.startswith("det") and c.lower_ in lex.genitive_determiners for c in token.children)
                and any((c.pos_ == "PRON" and c.morph.get("Case") == ["Nom"]) or subject_before(c, verb, token)
                        # "Der Sprecher bestätigte der Agentur": "der" with a feminine noun is no
                        # nominative, nor is any phrase after a subject the article shows ("Der Minister")
                        or ((oblique_feminine(token, lex) or plainly_nominative(c, lex))
                            and subject_before(c, verb, token, lex))
                        or dative_after_subject(c, verb, token, lex)  # "sagte Hans Roth der Agentur"
                        for c in verb.children if c.dep_ in _SUBJECTS and c != token))
    if any(c.dep_ in _SUBJECTS and c != token and c.pos_ in _NOMINAL for c in verb.children):
        return True
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return token.dep_ not in _SUBJECTS
    bare = [c for c in verb.children if c.dep_ in _BARE_ARGUMENTS and c.pos_ in _NOMINAL and preposition_of(c) is None]
    return bool(bare) and token != bare[0]


def stray_dative(token: Token, lex: CueLexicon) -> bool:
    """Whether a bare phrase in the dative by its determiner hangs after a noun that is in no
    dative itself ("wirft der Bericht den Behörden vor", "ein Sprecher der Partei der Presse"),
    or a "der" phrase after a name ("sagte in Juba der Presse"): no noun takes a dative
    attribute, nor a name a genitive after it, so it is the verb's object the parser attached
    there."""
    token = adjective_head(token) or token  # "der Rheinischen Post": as the adjective hangs
    head = token.head
    if audience_after_nominal(token, head, lex) or agency_after_nominal(token, head, lex):
        return True  # "sagte Kollmann Reportern": no bare plural noun is part of a name or title
    if not (token.dep_ in ("nmod", "appos") and head.pos_ in _NOMINAL and head.i < token.i
            and preposition_of(token) is None):
        return False
    if preposition_of(head) is not None and dative_after_phrase(token, head, lex):
        return True
    if determined_in(head, lex.addressee_cases):
        return False
    if after_a_name(token, head, lex) or outlet_after_genitive(token, head, lex) or _outlet_after_role(token, head, lex):
        return True  # "sagte in Juba der Presse": a name takes no genitive after it, in a phrase or not
    return (determined_in(token, lex.addressee_cases) or dative_by_form(token, lex)) and preposition_of(head) is None


def _outlet_after_role(token: Token, head: Token, lex: CueLexicon) -> bool:
    """"sagte der Minister der Deutschen Presse-Agentur", "Das teilte das Amt der Agentur X mit": a
    "der" phrase naming an outlet after a speaker's title or body no outlet has (not one of
    ``outlet_staff_nouns``: "der Chefredakteur der Zeitung") is told the words, not the owner; the
    speaker also as the object the parser made of it after a pointer subject ("Das")."""
    det, verb = token.left_edge, head.head
    speaker = head.dep_ in _SUBJECTS or (head.dep_ in ("obj", "dobj") and any(
        c.dep_ in _SUBJECTS and c.lower_ in lex.report_pointers and c.i < verb.i for c in verb.children))
    return (bool(lex.outlet_staff_nouns) and speaker and head.pos_ == "NOUN"
            and det.lower_ in lex.genitive_articles and det.lower_ not in lex.genitive_only_determiners
            and noun_in(head, _speaking_nouns(lex), lex) and not noun_in(head, lex.outlet_staff_nouns, lex)
            and (names_outlet(token, lex) or any(w.text in lex.masthead_words for w in token.subtree)))


@lru_cache(maxsize=4)
def _speaking_nouns(lex: CueLexicon) -> frozenset[str]:
    return frozenset(t.lower() for t in lex.titles | lex.organisation_nouns | lex.seat_nouns)


#: the subject relations of a verb (UD, ClearNLP)
_SUBJECTS = frozenset({"nsubj", "sb"})


def not_subject(token: Token, lex: CueLexicon) -> bool:
    """Whether a nominal's case rules it out as a subject ("Lenz" marked accusative)."""
    marked = set(token.morph.get("Case"))
    return bool(lex.subject_cases) and bool(marked) and not (marked & lex.subject_cases)


#: the object relations of a verb (UD): a noun in them is an argument, not an adjunct
CORE_OBJECTS = frozenset({"obj", "iobj", "obl:arg"})

#: dependents of a cue whose subtree is another clause (the content, an aside), not its frame
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "csubj", "acl", "relcl", "conj", "dep"})


def _content_follows(verb: Token, obj: Token) -> bool:
    """Whether the cue has a content clause after its object ("promised farmers that …")."""
    return any(c.dep_ == "ccomp" and c.i > obj.i for c in verb.children)


def _clause_nominals(verb: Token, *, below: bool = True, parse: _Parse | None = None) -> list[int]:
    """The nominals of the cue's own clause below its direct dependents (a phrase the parser
    hung on the subject or a date), not those of the content or another clause; with
    ``below=False`` the direct dependents' own nominals too. Token indices, read from the
    Doc's arrays (``parse``: :func:`_parse`, to save looking it up), kept while it is read (a
    cue or speaker of several quotes is asked again)."""
    parse = _parse(verb.doc) if parse is None else parse
    key = (verb.i, below)
    if key in parse.nominals:
        return parse.nominals[key]
    deps, pos, _, _, children, labels, clauses = parse[:7]
    xcomp = labels["xcomp"]
    # a noun the parser made the cue's xcomp is no clause: "Das sagte ein Sprecher[xcomp] der
    # Polizei der Zeitung X", the speaker after a pointer subject
    stack = ([c for c in children[verb.i] if deps[c] not in clauses or (deps[c] == xcomp and pos[c] in (NOUN, PROPN))]
             if below else [verb.i])
    out = []
    while stack:
        for child in children[stack.pop()]:
            if deps[child] in clauses or pos[child] in (VERB, AUX):
                continue
            if pos[child] in _NOMINAL_IDS:
                out.append(child)
            stack.append(child)
    parse.nominals[key] = out
    return out


def candidates(verb: Token, lemma: str | None, lex: CueLexicon) -> Iterator[Token]:
    """The heads of the phrases that may be the addressee of ``verb``, most certain first."""
    object_verbs = lex.object_addressee_verbs if lex.object_addressee_verbs is not None else (lex.addressee_verbs or ())
    addresses = lemma is not None and lemma in object_verbs
    # "told him", but not "gave Patriot": where the lexicon lists the cues that take an addressee
    takes_dative = lex.addressee_verbs is None or lemma in lex.addressee_verbs
    doc = verb.doc
    parse = _parse(doc)
    pos, children = parse.pos, parse.children[verb.i]
    # the nominals on the verb, found in the Doc's arrays (the rules below ask only of them)
    nominals = [doc[c] for c in children if pos[c] in _NOMINAL_IDS]
    for child in nominals:  # a dative object: "sagte der Zeitung", "told him"
        if _subject_read_as_dative(child, verb, nominals, lex):
            continue
        if _preposition_at(doc, child.i, parse) is None and not is_reflexive(child, lex) and (
                (takes_dative and child.dep_ in lex.addressee_dependents
                 and _may_be_in_case(child, lex.addressee_cases))
                # "promised farmers that …": with the content clause beside it, the object of
                # a cue that takes an addressee is the one spoken to, not what is said
                or (lex.addressee_verbs is not None and lemma in lex.addressee_verbs
                    and child.dep_ in ("obj", "dobj") and _content_follows(verb, child))
                or (_in_case(child, lex.addressee_cases) and (_is_addressable(child, lex) or _dative_object(child, lex))
                    # a lone subject marked dative is the tagger's slip ("hat der[Dat?] VfGH entschieden"),
                    # and so is a noun marked dative after an article no dative has ("Die Soldaten")
                    and (child.dep_ not in _SUBJECTS or any(c.dep_ in _SUBJECTS and c != child for c in verb.children)
                         # "Der Zeitung sagte der Trainer": "der" with a feminine noun is no nominative
                         or oblique_feminine(child, lex))
                    and (not determiners(child) or not lex.dative_determiners or dative_article(child, lex)))
                or (lemma in lex.dative_addressee_verbs and _dative_by_determiner(child, verb, lex))
                # "haben den Homosexuellen gedroht": a verb with no accusative object, its object
                # opened by an article the dative may have ("Ihm droht eine Strafe": the subject)
                or (lemma in lex.dative_only_verbs and child.dep_ in CORE_OBJECTS and dative_article(child, lex))
                or (lemma in lex.dative_addressee_verbs and (_bare_audience_after(child, verb, lex)
                                                              or agency_after_subject(child, verb)))):
            yield child
    for c in (c for c in children if pos[c] == ADJ and takes_dative):  # "sagte X der Rheinischen[obl:arg] Post"
        adjective = doc[c]
        if adjective.dep_ in lex.addressee_dependents:  # (the noun's case: the tagger reads the adjective's worse)
            yield from (n for n in adjective.rights
                        if adjective_head(n) == adjective and _may_be_in_case(n, lex.addressee_cases))
    # a verb that is no cue of the lexicon still names its own preposition ("wandte sich an X:")
    verbs = (lemma,) if lemma is not None or not lex.verb_addressee_prepositions else tuple(lemmas_of(verb, lex))
    for prep, obj in prepositional_objects(verb, parse):  # "gegenüber dem Sender", "said to reporters"
        if f"{lemma} {prep}" in lex.verb_topic_prepositions:  # "warnte vor Putin": spoken of
            continue
        if (prep in lex.addressee_prepositions or any(f"{v} {prep}" in lex.verb_addressee_prepositions for v in verbs)
                or (_audience(prep, obj, lex) and (_is_addressable(obj, lex) or _is_title(obj)))):
            yield obj
    for c in children:  # "Gegenüber NDR Info äußerte er", "Ihr gegenüber hat er angegeben":
        if pos[c] != ADP and pos[c] not in _NOMINAL_IDS and parse.tags[c] not in parse.pronoun_tags:
            continue  # neither of the two below
        child = doc[c]
        # the preposition made the head of its phrase (a subject, by the parser's label; a name, by the tagger's)
        if (child.pos_ == "ADP" or child.i < child.right_edge.i) and child.dep_ != "case" \
                and child.lower_ in lex.addressee_prepositions:
            yield from (c for c in child.children if c.pos_ in _NOMINAL or c.tag_ in ("PPOSAT", "PPER"))
        k = child.right_edge.i + 1  # (the word after read from the arrays: a Token only for a preposition there)
        if ((child.pos_ in _NOMINAL or child.tag_ in ("PPOSAT", "PPER")) and k < len(doc) and pos[k] == ADP
                and parse.heads[k] in (verb.i, c) and parse.lowers[k] in lex.addressee_prepositions):
            yield child  # "Ihr gegenüber", the preposition after its pronoun, each on the verb
    for k in _clause_nominals(verb, parse=parse):  # "sagte Anna gegenüber dem Sender": attached to another word
        prep = _preposition_at(doc, k, parse)
        if prep is None and lemma not in lex.dative_addressee_verbs:
            continue  # no preposition, no stray dative: none of the tests below passes (no Token made)
        if f"{lemma} {prep}" in lex.verb_topic_prepositions:  # "erklärte X zum Feind": spoken of
            continue
        nominal = doc[k]  # one Token for every test below
        if prep in lex.addressee_prepositions or (
                _audience(prep, nominal, lex) and (_is_addressable(nominal, lex) or _is_title(nominal))) or (
                lemma in lex.dative_addressee_verbs and stray_dative(nominal, lex)) or (
                # "schrieb der Verband an seine Mitglieder": the verb's own preposition, hung on
                # its subject (not on an object: "fordert den Rücktritt von X")
                # (the verb's preposition first: the subject's is looked for only then)
                any(f"{v} {prep}" in lex.verb_addressee_prepositions for v in verbs)
                and _on_subject(nominal, verb, lex)):
            yield nominal
    conj = parse.labels["conj"]
    for c in (c for c in children if pos[c] in _NOMINAL_IDS):
        # "sagte der Leiter, Jan Moll, gegenüber dem Sender, dass …": the parser coordinated the
        # phrase with the subject; a phrase of an addressing preposition is no part of it
        for k in parse.children[c]:
            if parse.deps[k] == conj and pos[k] in _NOMINAL_IDS and _preposition_at(doc, k, parse) in lex.addressee_prepositions:
                yield doc[k]
    yield from _participle_audience(verb, ("advcl",), lex, parse)  # "Speaking to reporters, the governor said …"
    yield from _turned_to(verb, lex, parse)  # "An die Gewerkschaften gewandt sagte sie"
    if verb.dep_ == "xcomp":  # "ließ gegenüber der Zeitung durchblicken": on the verb it completes
        for prep, obj in prepositional_objects(verb.head, parse):
            if prep in lex.addressee_prepositions:
                yield obj
    passive = addresses or (lemma is not None and lemma in lex.passive_addressee_verbs)
    # (each rule below needs one of the two)
    subjects = subjects_of(verb, lex) if passive else []
    second = object_among_subjects(subjects, verb, lex) if addresses else None
    # "Zapatero hat Deutschland Versagen vorgeworfen": of two nominal subjects the finite verb
    # parts, the later is the dative of a cue whose dative is always the one addressed
    dative = lemma is not None and lemma in lex.passive_addressee_verbs and parted_by_finite(subjects, verb)
    second = second or (object_among_subjects(subjects, verb, lex) if dative else None)
    for child in nominals if passive else ():  # "forderte die Regierung auf", "urged lawmakers"; "X wurde aufgefordert"
        if not is_reflexive(child, lex) and (
                (addresses and child.dep_ in ("obj", "dobj") and not _subject_read_as_object(child, verb, nominals, lex))
                # "hatte Lenz aufgefordert" parsed as a second subject: its case, or the other
                # subject beside it, tells it is the object (the speaker's own is passed over)
                or ((addresses or dative) and child.dep_ in _SUBJECTS and (not_subject(child, lex) or child == second))
                # "Die Königin bat Premierminister Berg, …": a bare name after the verb, the named
                # phrase before it the subject (:func:`named_front_before_name`)
                or (addresses and child.dep_ in _SUBJECTS
                    and named_front_before_name(verb, child, child.sent.start, lex) is not None)
                # "Ihren Widersacher forderte May auf": a fronted object its determiner shows
                or (addresses and child.dep_ == "obl" and preposition_of(child) is None and bool(subjects)
                    and any(c.dep_.startswith("det") and c.lower_ in lex.object_determiners for c in child.children))
                or (passive and child.dep_ in lex.passive_subject_dependents and _passive_voice(verb))
                # "Die Bürger sind aufgerufen, …": the subject of the state passive
                or (addresses and child.dep_ in _SUBJECTS and state_passive(verb, lex))
                # "Kritiker werfen Obama vor": a second subject the verb does not agree with
                or (passive and child.dep_ in _SUBJECTS and len(subjects) > 1 and disagrees(child, verb))):
            yield child
    if addresses and verb.tag_ == "VBN" and verb.dep_ == "advcl" and not _passive_voice(verb):
        # "Asked whether …, the senator said": the participle's one addressed is its governor's subject
        yield from (c for c in verb.head.children if c.dep_ in _SUBJECTS and c.pos_ in _NOMINAL)
    yield from _partners(verb, lex, parse)


def _bare_audience_after(token: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether a bare audience noun after the cue, with no article, is its dative though the
    parser made it a second subject or the object ("Die Ministerin sagte Journalisten, …", "sagte
    Anna Roth anwesenden Reportern"): the cue has a subject before it, and a speech verb's object
    is what is said, not a group (a noun the tagger took for a name too: the lexicon says it is none)."""
    return (token.i > verb.i and token.pos_ in ("NOUN", "PROPN") and token.dep_ in _BARE_ARGUMENTS
            and not any(c.dep_.startswith("det") for c in token.children)
            and noun_in(token, lex.addressee_nouns, lex)
            and any(c.dep_ in _SUBJECTS and c.right_edge.i < token.left_edge.i and c.pos_ in _NOMINAL
                    for c in verb.children))


def _on_subject(token: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether ``token`` hangs on a subject of ``verb`` (a bare nominal the parser made its
    subject, or its second argument when it has no subject)."""
    head = token.head
    return head.head == verb and head != verb and head.i < token.i and (
        head in subjects_of(verb, lex) or (head.dep_ == "obl:arg" and not subjects_of(verb, lex)
                                           and preposition_of(head) is None))


def _subject_read_as_dative(token: Token, verb: Token, nominals: list[Token], lex: CueLexicon) -> bool:
    """Whether a "der" phrase the tagger marked dative is the subject of an active cue that has
    no other ("hat der Gerichtshof entschieden, dass …"): "der" is the nominative too, and a
    clause in the active voice has a subject."""
    if not lex.genitive_articles:  # (no article the nominative shares with the dative)
        return False
    return (token.left_edge.lower_ in lex.genitive_articles and token.left_edge.lower_ not in lex.genitive_only_determiners
            and _active_without_subject(verb, lex)
            # a bare phrase hung on it may be the dative ("wirft der Verband der Polizei vor")
            and not any(c.dep_ in ("nmod", "appos") and c.i > token.i and c.pos_ in _NOMINAL
                        and preposition_of(c) is None for c in token.children)
            and all(n == token or n.pos_ == "PRON" and n.lower_ in lex.impersonal for n in nominals
                    if preposition_of(n) is None))


def _subject_read_as_object(token: Token, verb: Token, nominals: list[Token], lex: CueLexicon) -> bool:
    """Whether the "object" of a finite active cue that has no subject is its subject, the one
    bare phrase it has, with an article the nominative shares ("zu der ein Bündnis von
    Verbänden aufgerufen hatte": who called, not who was called on)."""
    det = next((c for c in token.children if c.dep_.startswith("det") and c.i < token.i), None)
    finite = any(is_finite(t) for t in (verb, *(c for c in verb.children if c.dep_ == "aux")))
    return (det is not None and det.lower_ not in lex.object_determiners and finite and _active_without_subject(verb, lex)
            and all(n == token for n in nominals if preposition_of(n) is None))


def _active_without_subject(verb: Token, lex: CueLexicon) -> bool:
    """Whether a cue is in the active voice and the parser gave it no subject, neither on it nor
    on its auxiliary ("Ermittler hatten … der Zeitung mitgeteilt": the subject on "hatten")."""
    return (not _passive_voice(verb) and not subjects_of(verb, lex)
            and not any(c.dep_ in _SUBJECTS for aux in verb.children if aux.dep_ == "aux" for c in aux.children))


def state_passive(verb: Token, lex: CueLexicon) -> bool:
    """Whether a cue is a participle with a copula beside it ("Die Bürger sind aufgerufen,
    Wasser zu sparen"): a cue that takes an object forms its perfect with "haben", so this is
    its passive of state, whose subject is the one addressed."""
    # a past participle (its morphology may be an adjective's; "are urging" is no passive)
    participle = verb.tag_ == "VVPP" or ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"))
    return participle and any(
        c.dep_ in ("cop", "aux") and c.lemma_.lower() in lex.copulas for c in verb.children)


def _passive_voice(verb: Token) -> bool:
    """Whether a verb has a passive auxiliary: a subject the parser called passive beside a
    perfect's "hat" is the active one ("Ein Gericht hat Twitter aufgefordert")."""
    return any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)


def subjects_of(verb: Token, lex: CueLexicon) -> list[Token]:
    """The nominals the parser made subjects of ``verb`` (a passive one without a passive
    auxiliary too); a verb joined to another by "und" without one of its own shares that
    one's ("Er bezeichnet … und forderte Mussawi auf")."""
    deps = _SUBJECTS if _passive_voice(verb) else _SUBJECTS | lex.passive_subject_dependents
    own = [c for c in verb.children if c.dep_ in deps and _bare_nominal(c)]
    if own or verb.dep_ != "conj":
        return own
    head = verb.head  # the first one, or what the parser hung the "und" on ("nannte X rechtmäßig und forderte")
    while head.dep_ in ("conj", "xcomp") and not any(c.dep_ in _SUBJECTS for c in head.children):
        head = head.head
    return [c for c in head.children if c.dep_ in _SUBJECTS and _bare_nominal(c)]


def _bare_nominal(token: Token) -> bool:
    """A nominal no preposition or conjunction opens ("Als Beispiele nennt VW …": no subject)."""
    first = token.left_edge
    return (token.pos_ in _NOMINAL and not any(c.dep_ in ("case", "mark") and c.i < token.i for c in token.children)
            and not (first.i > 0 and token.doc[first.i - 1].pos_ == "ADP"))


def object_among_subjects(subjects: list[Token], verb: Token, lex: CueLexicon) -> Token | None:
    """Of two subjects the parser gave a verb, the one that is its object: the one the verb
    does not agree with, the one beside a personal pronoun in the nominative ("Die Anhänger
    warnte er"), the one whose determiner is no subject's; else the later one (German puts
    the subject first when nothing else tells them apart: "X warnte die CDU")."""
    own = [s for s in subjects if s.head == verb]
    if len(own) != 2:
        return None
    first, later = sorted(own, key=lambda t: t.i)
    for a, b in ((first, later), (later, first)):
        if disagrees(a, verb) and not disagrees(b, verb):
            return a
        if b.pos_ == "PRON" and "Nom" in b.morph.get("Case") and a.pos_ != "PRON":
            return a
        if any(c.dep_.startswith("det") and c.lower_ in lex.object_determiners for c in a.children):
            return a
    return later


def _partners(verb: Token, lex: CueLexicon, parse: _Parse | None = None) -> Iterator[Token]:
    """The partner of a conversation noun in the clause ("im Gespräch mit X", "in an interview
    with X"), on the cue or on a word of its clause ("sagte der Mann in einem Interview mit X")."""
    doc = verb.doc
    parse = _parse(doc) if parse is None else parse
    words = (parse.lowers, parse.lemmas)
    for k in _clause_nominals(verb, below=False, parse=parse):
        if noun_at(doc, k, lex.conversation_nouns, lex, words=words):
            for partner_prep, partner in prepositional_objects(doc[k], parse):
                if partner_prep in lex.conversation_prepositions:
                    yield partner
            yield from interviewing_outlets(doc[k], lex)  # "in einem Interview der Zeitung X"


def speaker_candidates(doc: Doc, speaker: tuple[int, int] | None, lex: CueLexicon) -> Iterator[Token]:
    """For a cue that is no verb ("so X gegenüber Y", "nach Angaben von X gegenüber Y"): the
    phrases with an addressee preposition, or a conversation's partner, hung on the speaker."""
    span = char_span_kept(doc, *speaker, "expand") if speaker else None
    if span is None or not len(span):
        return
    parse = _parse(doc)
    root = span.root  # (spaCy walks a span's tokens up their heads for it each time)
    for k in _clause_nominals(root, below=False, parse=parse):
        if _preposition_at(doc, k, parse) in lex.addressee_prepositions:
            yield doc[k]
    yield from _partners(root, lex, parse)
    yield from _participle_audience(root, ("acl",), lex, parse)  # "according to a spokeswoman speaking to X"


def _turned_to(verb: Token, lex: CueLexicon, parse: _Parse) -> Iterator[Token]:
    """The object of a participle of turning to someone beside the cue ("An die Gewerkschaften
    gewandt sagte sie", "sagte sie an die Gewerkschaften gewandt"): the parser hangs the
    participle on the cue or the cue on it (as a second clause), so both are looked at.

    >>> import spacy
    >>> from quotegraph.extract.lexicon import load_lexicon
    >>> doc = spacy.tokens.Doc(spacy.blank("de").vocab, words=["An", "die", "Bürger", "gewandt", "sagte", "sie"],
    ...     heads=[2, 2, 3, 3, 3, 4], deps=["case", "det", "obl", "ROOT", "conj", "nsubj"],
    ...     pos=["ADP", "DET", "NOUN", "VERB", "VERB", "PRON"])
    >>> [t.text for t in _turned_to(doc[4], load_lexicon("de"), _parse(doc))]
    ['Bürger']
    """
    if not lex.addressing_participles:
        return
    doc = verb.doc
    near = [verb.head] if verb.head != verb else []
    for word in near + [doc[k] for k in parse.children[verb.i]]:
        for prep, obj in prepositional_objects(word, parse):
            if f"{word.lower_} {prep}" in lex.addressing_participles:
                yield obj


def _participle_audience(word: Token, deps: tuple[str, ...], lex: CueLexicon,
                         parse: _Parse | None = None) -> Iterator[Token]:
    """The one spoken to by a participle of speech on ``word`` (a clause of its own without a
    subject or conjunction): "Speaking to reporters, X said", "a spokeswoman speaking to X"."""
    doc = word.doc
    parse = _parse(doc) if parse is None else parse
    wanted = {parse.labels[dep] for dep in deps}
    for clause in (doc[k] for k in parse.children[word.i] if parse.deps[k] in wanted):
        if not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in clause.children):
            for prep, obj in prepositional_objects(clause, parse):
                if f"{clause.lemma_.lower()} {prep}" in lex.verb_addressee_prepositions:
                    yield obj
