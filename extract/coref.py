"""Speaker and mediator mentions to entities: names merged within an article, pronouns and
descriptions resolved to the person named before them; then the names inside each quote, its
mentions, resolved through the same entities.

Rules (general, no names): a mention that contains a named entity takes it; a shorter name
whose words are part of a longer one is the same entity ("Weber" → "Anton Weber"); titles
are dropped from names ("Präsident Anton Weber" → "Anton Weber"); a pronoun, a possessive
("seinen Angaben nach") or a title-only description ("der Staatschef") refers to the person
in focus (the subject of its sentence or the one before, or a speaker there), else the most
recent person named (:mod:`quotegraph.extract.salience`). The names inside each quote:
:mod:`quotegraph.extract.quote_mentions`.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH, POS
from spacy.parts_of_speech import DET, PRON
from spacy.tokens import Doc, Span, Token

from .doc_offsets import char_span_kept, span_text
from .doc_tables import doc_ents, forms, id_list, morph_of, tokens_with
from .entity_index import EntityIndex, ResolvedEntity, name_key  # noqa: F401 (name_key: re-exported)
from .lexicon import CueLexicon
from .phrases import DocEntities, doc_text, ends_in_noun
from .proper_names import has_name, proper_words
from .patterns.sources import relative_source_antecedent
from .patterns.speakers import impersonal_word, relative_subject
from .records import Attribution, Entity, Mention, replaced
from .abbreviations import abbreviated_names
from .quote_mentions import FindOnce, propn_run_bounds, quote_mentions
from .descriptions import RoleNouns, compound_before, description_head, synonym_table
from .head_names import (age_description, ends_in_masthead, entity_type_of_label, head_name, name_in, name_parts,
                         named_part, names_an_outlet, names_no_one, noun_in, speaks_for_circles, unnamed_group)
from .genders import gender_of_reference, person_genders
from .name_positions import APPOSITION_DEPS
from .name_cases import weak_nominative
from .salience import SUBJECT_DEPS, Focus
from .source_owners import compound_owner
from .quoted_names import quoted_name
from .title_nouns import title_noun

__all__ = ["ResolvedEntity", "EntityIndex", "resolve_entities", "quote_mentions", "entity_type_of_label"]


def resolve_entities(doc: Doc, attributions: list[Attribution],
                     lex: CueLexicon) -> tuple[list[Attribution], list[Entity]]:
    """Resolve the speaker, mediator and addressee of every attribution to an entity.

    Returns
    -------
    (attributions, entities)
        The attributions with their speaker, mediator and addressee mentions resolved (each its entity's
        canonical name and type; none for a mention that names no one; a possessor source,
        "seinen Angaben nach", becomes the speaker mention), and the article's merged entities
        that some mention resolves to.
    """
    index = EntityIndex(lex)
    people_nouns = lex.person_nouns | lex.spokesperson_nouns  # nouns of unnamed people, joined once
    entities = DocEntities(doc)
    # each entity with its text and type, read once (spaCy joins a span's text on every access)
    named_ents = [(ent, span_text(ent), entity_type_of_label(ent.label_)) for ent in doc_ents(doc)]
    # names first, longest first, so surnames merge into full names
    for _, text, etype in sorted(named_ents, key=lambda e: -len(e[1])):
        if etype in ("person", "organization"):
            index.add(text, etype)
    for name, abbreviation in abbreviated_names(doc):
        ent = index.find(name.text, entity_type_of_label(name.label_))
        if ent is not None and ent.type != "person":
            index.add_abbreviation(abbreviation, ent)
    persons_at: list[tuple[int, ResolvedEntity]] = []
    for ent, text, etype in named_ents:
        if etype == "person":
            resolved = index.add(text, "person")
            if resolved is not None:
                persons_at.append((ent.start_char, resolved))
    if not doc.has_annotation("ENT_IOB"):
        # no NER in the pipeline: runs of two or more proper nouns stand in for person names
        for run in _propn_runs(doc):
            resolved = index.add(run.text, "person")
            if resolved is not None:
                persons_at.append((run.start_char, resolved))
    genders = person_genders(doc, index, lex)
    proper = proper_words(doc, named_ents, lex)  # the article's words that are names
    # nothing is added to the index until the attributions are read: each name is looked up once
    find_known = FindOnce(index)
    focus = Focus(doc, persons_at, person_named=lambda name: _person(find_known(name, "person")),
                  gender_of=lambda entity: genders.get(id(entity)))
    roles = RoleNouns(doc, ((ent, find_known(text, etype)) for ent, text, etype in named_ents
                            if etype in ("person", "organization")),
                      synonyms=synonym_table(lex.role_synonyms), generic=lex.generic_role_nouns)

    def known_person(name: str) -> bool:  # a name the NER took for a place may be a person's named elsewhere
        return _person(index.find(name, "person")) is not None

    out: list[dict] = []
    lowers, texts = forms(doc, LOWER), forms(doc, ORTH)
    compounds: set[str] = set()  # entities named by a compound a description referred back to
    last_speaker: tuple[int, ResolvedEntity] | None = None
    last_source: ResolvedEntity | None = None
    last_paper: ResolvedEntity | None = None  # the last newspaper named as a source or relay

    def paper_before(span: Span) -> ResolvedEntity | None:
        """The outlet a description with no name of its own refers to: the one named with its
        noun ("die Zeitung" after "die Süddeutsche Zeitung"), else for a newspaper noun the last
        newspaper named as a source ("the newspaper" after "The Harbour Herald reported")."""
        found = index.find(span.root.text, "media")
        if found is None and noun_in(span.root, lex.newspaper_nouns, lex):
            return last_paper
        return found

    def note_outlet(ent: ResolvedEntity | None) -> None:
        nonlocal last_paper
        if ent is not None and ent.type in ("media", "other") and ends_in_masthead(ent.name, lex):
            ent.type = "media"  # a name the recogniser missed ("Der Nordheide-Kurier berichtete")
            last_paper = ent

    def relay_row(relay: Mention) -> tuple | None:
        """A relay as (start, end, entity, type); the entity None for a relay a count names
        ("two senators present") or the object of a source phrase that names no one ("according
        to a poll", "according to the report": the document relays); None when it names no one
        at all (it is dropped: "in other words", "in his view")."""
        chars = (relay.start, relay.end)
        span = char_span_kept(doc, *chars, "expand")
        if span is not None and len(span) == 1 and span[0].lower_ in lex.source_adverbs:
            # "Demnach … laut X": the relay is whoever was last named as a source
            return (*chars, last_source.name, last_source.type) if last_source is not None else None
        described = roles.antecedent(span) if span is not None else None
        if described is not None:  # "das Blatt" after "die Zeitung Weser-Echo"
            return (*chars, described.name, described.type if described.type == "person" else "media")
        if span is not None and _outlet_description(span, lex):
            # "die Zeitung": the paper named so before ("Süddeutsche Zeitung"), else no entity (as
            # one node it would join every article's papers)
            found = paper_before(span)
            return (*chars, found.name if found is not None else None, "media")
        if speaks_for_circles(span, lex):  # "laut Medien", "unter Berufung auf Regierungskreise"
            return (*chars, None, "other")
        # whoever relays a statement is a person or an outlet (NER may call it a place)
        parts = name_parts(span, lex, entities, keep_places=True) if span is not None else None
        named = name_in(span, lex, entities, keep_places=True, parts=parts) if span is not None else None
        if (named is not None and _introduces_someone(span, lex) and not has_name((named[0],), proper, index)
                and (lex.capitalised_nouns or named[0] == named[0].lower())):
            # "according to a letter seen by Reuters", "a translator": someone or something new
            # with no name of its own, no node
            person = named[1] == "person" or noun_in(span.root, lex.person_nouns, lex)
            return (*chars, None, "person" if person else "media" if noun_in(span.root, lex.media_words, lex) else "other")
        if named is not None:
            ent = index.add(named[0], "person" if named[1] == "person" else "media")
            if ent is None:
                return None
            ent.type = ent.type if ent.type == "person" else "media"
            roles.learn(span, ent)  # "die Zeitung Weser-Echo": "das Blatt" later is that paper
            note_outlet(ent)
            return (*chars, ent.name, ent.type)
        no_one = names_no_one(span, lex, entities, keep_places=True, parts=parts) if span is not None else None
        if no_one:  # "two senators present", "a senior Trump adviser": a person or an outlet
            return (*chars, None, "person" if no_one == "person" else "media")
        if span is not None and _after_source_words(span, lex):
            return (*chars, None, "other")
        return None

    for att in attributions:
        row: dict = {"speaker": None, "mediator": None}
        if att.mediator is not None:
            chain = [r for r in map(relay_row, att.mediators) if r is not None]
            row["mediator"], row["relays"] = (chain[-1], chain[:-1]) if chain else (None, ())
        speaker = att.speaker or att.possessor
        speaker_chars = (speaker.start, speaker.end) if speaker is not None else None
        if speaker_chars is not None:
            span = char_span_kept(doc, *speaker_chars, "expand")
            # its first word and its head's read from the Doc's arrays, once (a Token per read)
            first_lower = lowers[span.start] if span is not None else None
            root_i = span.root.i if span is not None else None
            # "Dieser behauptete": a demonstrative points at the last thing named, not at the
            # salient speaker a personal pronoun follows; without a resolver for it, no entity
            # (rather than one called "Dieser")
            demonstrative = span is not None and len(span) == 1 and first_lower in lex.demonstrative_speakers
            relative = span is not None and _is_relative(span, lex)
            if relative:
                span_for_name = _relative_antecedent(span, lex)  # "economists who argue": the economists
            else:
                span_for_name = None if demonstrative else _before_inclusion(span, lex)
                if span_for_name is not None and len(span_for_name) > 1 and first_lower in lex.origin_prepositions:
                    span_for_name = span_for_name[1:]  # "Aus dem Ministerium hieß es": the ministry's name
            # the phrase the speaker is: a relative pronoun's antecedent ("a union official, who
            # asked not to be named": someone new, as the phrase itself would be)
            phrase = span_for_name if relative and span_for_name is not None else span
            # "der Demokrat" after "der Demokrat Tom Berger": the name that role noun stood beside
            described = roles.antecedent(span, lambda: focus.antecedent(speaker_chars[0], last_speaker)) \
                if span is not None else None
            # "Aus Regierungskreisen", "Experten", "officials": a group no name singles out is no entity
            # (as one node it would join every article's experts); the mention keeps its words; so is
            # "the mayor of Chicago": its only name is not the speaker's, nor is the person named before
            # (the names in the mention, read once for both questions: nothing changes between them)
            parts = name_parts(span_for_name, lex, entities, known_person) \
                if described is None and span_for_name is not None else None
            no_one = names_no_one(span_for_name, lex, entities, known_person, parts=parts) \
                if described is None and span_for_name is not None else None
            impersonal = span is not None and len(span) == 1 and impersonal_word(span[0], lex)  # "man", "es"
            # "die Zeitung", "the newspaper": a paper named before, else none (as one node it would
            # join every article's papers)
            outlet = described is None and span is not None and _outlet_description(span, lex)
            # "Seinen eigenen Angaben nach": the owner of a statement noun, plural or not, is someone
            owned = span is not None and first_lower in lex.possessives and lowers[root_i] in lex.source_nouns
            # "dem Vernehmen nach": hearsay names no one
            hearsay = span is not None and lowers[root_i] in lex.hearsay_nouns
            # "sein Anwalt", "her spokesman": someone tied to the one the possessive names, not
            # that one, and no node (as one it would join every article's lawyers)
            tied = (span is not None and described is None and no_one is None
                    and (first_lower in lex.possessives or _owned_by_genitive(span))
                    and not owned and _role_noun(span.root, lex) and not any(t.pos_ == "PROPN" for t in span))
            if tied:
                no_one = "person"
            unnamed = no_one is not None or impersonal or outlet or hearsay or speaks_for_circles(span, lex) or (
                described is None and span_for_name is not None and not owned and unnamed_group(span_for_name, entities, lex)) or (
                # "Analysts at Barclays": a group no name singles out, whatever the phrase after it names
                parts is not None and parts[0] is not None and not parts[1] and unnamed_group(parts[0], entities, lex))
            named = name_in(span_for_name, lex, entities, known_person, parts=parts) \
                if span_for_name is not None and described is None and not outlet else None
            if named is not None and not index.is_title(span_for_name.root.text) \
                    and (compound := compound_before(span_for_name)) is not None:
                # "laut dem Verband" after "Der Betreiberverband wies … zurück", a sentence that
                # reported nothing (else its description was learned): the body that compound names
                named = (compound.lemma_[:1].upper() + compound.lemma_[1:], named[1])
                if index.find(*named) is None:  # (an entity named so already keeps what it is)
                    compounds.add(named[0])  # a description still, whatever the tagger made of it ("NE")
            # "Ein Sprecher sagte", "a spokesman said": an indefinite article brings in someone
            # new, so a description with no name of its own refers back to no one
            # (nor is the phrase's own noun a name: "ein Polizeisprecher"; a body a spokesperson
            # speaks for is named in their owner, "ein Sprecher des Auswärtigen Amtes", and so is
            # one whose document is quoted, "einer Erklärung der Polizei")
            unnamed = unnamed or (described is None and span is not None and _introduces_someone(phrase, lex) and (
                named is None or (_own_noun(named[0], texts[phrase.root.i]) and not has_name((named[0],), proper, index))))
            owner = compound_owner(texts[span.start], lex) if span is not None and len(span) == 1 and described is None else None
            if owner is not None:  # "Nach Polizeiangaben": the body the compound names, not the one in focus
                unnamed, named = _owner_row(owner, lex, index)
            if outlet:
                ent = paper_before(span)  # "die Zeitung" after "die Süddeutsche Zeitung"
            else:
                ent = described if described is not None else index.add(*named) if named is not None and not unnamed else None
                if ent is not None and described is None and named is not None and span_for_name is not None:
                    # a name the recogniser missed, beside its role noun, or a body's description
                    roles.learn(span_for_name, ent, by_noun=not index.is_title(span_for_name.root.text), name=ent.name)
            if ent is None and span is not None and att.possessor is not None and att.possessor.text.lower() in lex.own_possessives:
                ent = _sentence_subject(span, index, lex, entities)  # "X will eigenen Angaben nach …": X
            points_back = span is not None and len(span) == 1 and first_lower in lex.source_adverbs
            if points_back:
                ent = last_source  # "Demnach": whoever was last named as a source
            elif (ent is None and span is not None and not unnamed and not demonstrative and not relative
                  and not _refers_back(span, lex)):
                ent = index.add(span_text(span), "other")
            if ent is None and not points_back and not unnamed and not demonstrative and not (span is not None and _plural_pronoun(span)):
                # a plural pronoun ("sie sagten", "they said") refers to no one person
                ent = focus.antecedent(speaker_chars[0], last_speaker,
                                       gender_of_reference(span, lex))
                # (not "Seiner Meinung nach": the owner is the one in focus, whatever the noun)
                # nor an age, which fits any role ("die 54-Jährige")
                if (span is not None and first_lower not in lex.possessives and not age_description(span, lex)
                        and roles.contradicts(span, ent)):
                    # "der Minister" after "Gewerkschaftschef X" in focus, "the poll" after
                    # "candidate Y": someone or something else, known by the description alone
                    # (a person when its noun is a title: pronouns after it refer to them)
                    ent = index.add(span_text(span), "person" if index.is_title(texts[span.end - 1]) else "other")
                elif ent is None and span is not None and _title_only(span, lex) and _title(span[-1].text, lex):
                    # "Der Richter sagte" with no one in focus of its gender: someone known by the
                    # description alone, as above
                    ent = index.add(span_text(span), "person")
            if ent is not None:
                row["speaker"] = (*speaker_chars, ent.name, ent.type)
                last_source = ent
                note_outlet(ent)
                if ent.type == "person":
                    last_speaker = (speaker_chars[0], ent)
            else:
                # an unnamed group keeps the type of what it is ("other", "media", "person" for
                # people named by what they do: "ein Hafenarbeiter", "investors", "a spokesman"),
                # with no entity
                people = span is not None and noun_in(phrase.root, people_nouns, lex)
                row["speaker"] = (*speaker_chars, None,
                                  ("media" if outlet else "person" if tied or people
                                   else named[1] if named is not None else no_one or "other")
                                  if unnamed and not impersonal else None)
        out.append(row)
    # addressees last, names only ("der Zeitung" or "ihm" stays a mention): they never change
    # which entity a speaker resolves to
    for att, row in zip(attributions, out):
        row["addressee"] = _named_addressee(doc, att.addressee, index, lex, entities)
    # names may have grown after a mention was resolved: point every mention at the final name
    final = {id(e): e for e in index.entities}
    by_alias = {a: e for e in final.values() for a in (e.aliases | {e.name})}
    text = doc_text(doc)

    def mention(row: tuple | None) -> Mention | None:
        if row is None:
            return None
        start, end, name, etype = row
        ent = by_alias.get(name) if name is not None else None
        if ent is not None:
            name, etype = ent.name, ent.type
        return Mention(text[start:end], start, end, name, etype, name is None or name not in described)

    # last, the names inside each quote: they change no entity found above
    find_named = FindOnce(index)  # (what the quotes name is only ever added as a new entity: find_or_add)
    named_inside = [quote_mentions(doc, att, index, lex, entities, find_named) for att in attributions]
    # an entity none of whose names holds a proper noun is known by a description only ("die
    # Polizei", "the campaign"): one within this article, never merged with another article's
    described = {e.name for e in index.entities
                 if e.name in compounds or not has_name((e.name, *e.aliases), proper, index)}
    if described:
        named_inside = [tuple(replaced(m, named=False) if m.entity in described else m for m in inside)
                        for inside in named_inside]
    resolved = [replaced(att, speaker=mention(row["speaker"]), mediator=mention(row["mediator"]), mentions=inside,
                        relays=tuple(map(mention, row.get("relays", ()))), addressee=mention(row["addressee"]))
                for att, row, inside in zip(attributions, out, named_inside)]
    used = {m.entity for a in resolved for m in (a.speaker, *a.mediators, a.addressee, *a.mentions) if m is not None}
    return resolved, [Entity(e.name, e.type, tuple(sorted(e.aliases)), e.name not in described)
                      for e in index.entities if e.name in used]


def _outlet_description(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase is a definite description of an outlet with no name ("die Zeitung",
    "das Blatt", "the newspaper")."""
    head = description_head(span)
    # the word itself, not a compound ("das Handelsblatt"), and no capitalised adjective before
    # it, which in German is part of a name ("die Süddeutsche Zeitung", "der Berliner Zeitung")
    return (head is not None and head.pos_ == "NOUN" and noun_in(head, lex.media_words, lex, compounds=False)
            and not any(t.pos_ == "ADJ" and t.text[:1].isupper() for t in span if t.i != span.start))


def _after_source_words(span: Span, lex: CueLexicon) -> bool:
    """Whether the words of a source phrase (``before_source``: "according to", "as reported by")
    stand right before the span."""
    doc = span.doc
    return any(len(words) <= span.start
               and tuple(t.lower_ for t in doc[span.start - len(words) : span.start]) == words
               for words in lex.before_source)


def _named_addressee(doc: Doc, addressee: Mention | None, index: EntityIndex, lex: CueLexicon,
                     entities: DocEntities) -> tuple | None:
    """The row of an addressee mention: resolved when its head is or has a name
    (:func:`~quotegraph.extract.addressees.addressee_name`), else the mention alone."""
    if addressee is None:
        return None
    chars = (addressee.start, addressee.end)
    span = char_span_kept(doc, *chars, "expand")
    # the name of the phrase's head, not one inside a modifier ("people watching from X")
    name = head_name(span, lex) if span is not None and len(span) else None
    named = name_in(name, lex, entities) if name is not None else None
    if named is not None:  # the whole name ("Neues Deutschland"), not a place the NER found in it
        label = next((t.ent_type_ for t in name if t.ent_type_), "")
        # a title in quotation marks one speaks to is an outlet ("gegenüber der „Rheinischen Post“")
        outlet = names_an_outlet(span, name, lex) or _quoted_outlet(span, lex) is not None
        etype = "media" if outlet else entity_type_of_label(label) if label else named[1]
        if etype == "organization" and _interviewed_by(span, lex):
            etype = "media"  # "in an interview with the BBC": a body one gives an interview is an outlet
        named = (weak_nominative(name, lex), etype)
    elif span is not None and len(span):
        named = _quoted_outlet(span, lex)
    ent = index.add(*named) if named is not None else None
    if ent is not None:
        return (*chars, ent.name, ent.type)
    # no name: the type its noun gives ("told reporters": people; "dem Sender": an outlet)
    root = span.root if span is not None and len(span) else None
    etype = None if root is None or root.pos_ != "NOUN" else "person" if noun_in(root, lex.person_nouns, lex) \
        else "media" if noun_in(root, lex.media_words, lex) else None
    return (*chars, None, etype)


def _interviewed_by(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase follows a noun of an interview and its preposition ("an interview with
    the BBC", "im Interview mit dem ZDF"; ``interview_nouns``, ``conversation_prepositions``)."""
    doc, k = span.doc, span.start
    return k >= 2 and doc[k - 1].lower_ in lex.conversation_prepositions and (
        doc[k - 2].lower_ in lex.interview_nouns or ends_in_noun(doc[k - 2].lower_, lex.interview_nouns, shortest=5))


def _quoted_outlet(span: Span, lex: CueLexicon) -> tuple[str, str] | None:
    """The name in quotation marks an addressee is, after its article ("sagte der „Bild am
    Sonntag“", "told the “Daily Ledger”"): what one speaks to by a title is an outlet."""
    k = span.start
    while k < span.end and span.doc[k].lower_ in lex.determiners:
        k += 1
    name = quoted_name(span.doc, k, span.end)
    return (name[1:-1].text, "media") if name is not None and name.end == span.end and len(name) > 2 else None


def _before_inclusion(span: Span | None, lex: CueLexicon) -> Span | None:
    """The phrase before members set off in it ("Critics, including Senator X": the critics
    speak, not X; ``lex.inclusion_words``)."""
    if span is None or not lex.inclusion_words:
        return span
    # the inclusion words found in the Doc's array (kept while it is read), not a Token per word
    texts = forms(span.doc, ORTH)
    k = next((i for i in tokens_with(span.doc, lex.inclusion_words, span.start + 1, span.end) if texts[i - 1] == ","), None)
    return span.doc[span.start : k - 1] if k is not None else span


def _owned_by_genitive(span: Span) -> bool:
    """Whether a phrase's head has an owner in the English genitive before it ("the prime
    minister's spokeswoman", tagged POS), as a possessive pronoun would be ("her spokeswoman")."""
    return any(t.tag_ == "POS" and t.i < span.root.i for t in span)


def _role_noun(noun: Token, lex: CueLexicon) -> bool:
    """A title, or a noun of someone's role or tie to another ("Anwalt", "lawyer", "aide",
    "spokeswoman", "supporters")."""
    return _title(noun.text, lex) or noun_in(
        noun, lex.person_nouns | lex.relative_nouns | lex.spokesperson_nouns | lex.holder_nouns, lex)


def _owner_row(owner: str, lex: CueLexicon, index: EntityIndex) -> tuple[bool, tuple[str, str]]:
    """Whether the first part of a compound source noun names no one in particular, and the
    name and type it gives: a body named so in the article ("Polizei" after "die Polizei"),
    an abbreviation ("UNHCR") or a compound of an organisation noun is an entity; people by
    what they do ("Augenzeugen", ``person_nouns``), an outlet word ("Agentur") and any other
    word ("Wetter" of "Wettervorhersagen", "Abschluss" of "Abschlussbericht") are none."""
    low = owner.lower()

    def one_of(nouns: frozenset[str]) -> bool:  # the word or a compound ending in one ("Augenzeugen")
        return low in nouns or ends_in_noun(low, nouns, shortest=4)

    if low in lex.circle_nouns:
        return True, (owner, "other")
    if one_of(lex.person_nouns):
        return True, (owner, "person")
    if one_of(lex.media_words):
        return True, (owner, "media")
    body = one_of(lex.organisation_nouns)
    if owner.isupper() or body or index.find(owner, "other") is not None:
        return False, (owner, "organization" if owner.isupper() or body else "other")
    return True, (owner, "other")


def _own_noun(name: str, noun: str) -> bool:
    """Whether the name a phrase gave is its own noun, with no more than lower-case words after
    it ("person familiar" of "a person familiar with the matter"), not a name of another in
    its owner ("Erklärung der Polizei")."""
    words = name.split()
    return noun in words and not any(w[:1].isupper() for w in words[words.index(noun) + 1 :])


def _introduces_someone(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase opens with an indefinite article ("ein Sprecher", "a spokesman") or a
    word that brings in someone new as one does ("one source"; ``lex.indefinite_words``)."""
    doc, i = span.doc, span.start
    return (id_list(doc, POS)[i] == DET and "Ind" in morph_of(span[0], "Definite")) or forms(doc, LOWER)[i] in lex.indefinite_words


def _person(ent: ResolvedEntity | None) -> ResolvedEntity | None:
    return ent if ent is not None and ent.type == "person" else None


def _plural_pronoun(span: Span) -> bool:
    """A plural personal pronoun on its own ("they"; "sie" of "sie sagten", by its verb)."""
    if len(span) != 1 or id_list(span.doc, POS)[span.start] != PRON:
        return False
    token = span[0]
    if "Prs" not in morph_of(token, "PronType"):
        return False
    return "Plur" in morph_of(token, "Number") or (token.dep_ in SUBJECT_DEPS and "Plur" in morph_of(token.head, "Number"))


def _is_relative(span: Span, lex: CueLexicon) -> bool:
    """A relative pronoun on its own ("who" in "X, who said …", "Studien, nach denen …")."""
    return len(span) == 1 and (relative_subject(token := span[0], lex) or relative_source_antecedent(token, lex) is not None)


def _relative_antecedent(span: Span, lex: CueLexicon) -> Span | None:
    """The noun phrase a relative pronoun stands for ("some economists" in "some economists who
    argue"; in German the one right before its comma: "der Minister Jan Berg, der …")."""
    doc = span.doc
    source = relative_source_antecedent(span[0], lex)
    if source is not None:
        return source  # "Studien der Charité, nach denen …"
    if span[0].tag_ not in ("WP", "WDT") and span.start > 1 and doc[span.start - 1].text == ",":
        last = doc[span.start - 2]
        while last.dep_ in ("flat", "flat:name", "appos") and last.head.i < last.i:
            last = last.head  # "… Ramsey Clark": the name hangs on the role noun before it
        if last.pos_ not in ("NOUN", "PROPN"):
            return None
        start = min(last.left_edge.i, span.start - 2)
        while start < last.i and doc[start].pos_ == "ADP":
            start += 1  # "von Ägypten, das …": the preposition is not the antecedent's
        return doc[start : span.start - 1]
    noun = span[0].head.head
    if noun.i >= span.start or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    # "Ada Voss, a historian (and author) who …": the person the apposition right after the
    # name describes (the words between are the name's: "Gov. Ada Voss of Iowa, a Democrat who")
    described = noun.head if noun.dep_ == "conj" and noun.head.i < noun.i else noun
    name, before = described.head, described.left_edge.i - 1
    # ("who", or "that" of a body: "Rootstrikers, a group that …", not "a book, which …")
    personal = span[0].tag_ == "WP" or (span[0].tag_ == "WDT" and noun_in(described, lex.organisation_nouns, lex))
    if (personal and described.dep_ in APPOSITION_DEPS and name.i < before and name.pos_ == "PROPN"
            and all(name.is_ancestor(t) or t == name for t in span.doc[name.i : before])):
        noun = name
    return span.doc[noun.left_edge.i : noun.i + 1]


def _refers_back(span: Span, lex: CueLexicon) -> bool:
    """A pronoun, possessive or title-only description ("Er", "seinen", "der Staatschef")."""
    if named_part(span, lex) is None:
        # "seinen Angaben", "eigenen Angaben": the owner is someone named before; not "the report",
        # "der Bericht", a document whose article names no owner
        return not _opens_with_article(span, lex)
    words = [t for t in span if not t.is_punct and t.lower_ not in lex.determiners]
    if not words:
        return True
    if len(words) == 1 and (words[0].lower_ in lex.pronouns or words[0].lower_ in lex.possessives):
        return True
    # an age shows who when it shows a gender too ("die 54-Jährige"); "the 46-year-old" may be
    # anyone of either
    if age_description(span, lex):
        return gender_of_reference(span, lex) is not None
    return _title_only(span, lex)


def _title_only(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase names someone by a title alone, with adjectives or a possessive ("der
    Minister", "die neue SPD-Chefin"; not a plural: "die Flugbegleiter" are not one person)."""
    words = [t for t in span if not t.is_punct and t.lower_ not in lex.determiners]
    return (bool(words) and "Plur" not in morph_of(span[-1], "Number")
            and all(_title(t.text, lex) or t.lower_ in lex.possessives or t.pos_ == "ADJ" for t in words))


def _title(word: str, lex: CueLexicon) -> bool:
    """A title as written ("Senator"; "the senator" is a role noun, which English resolves by the
    name it stood beside only), or in German any title or compound ending in one."""
    return word in lex.titles or (lex.capitalised_nouns and title_noun(word, lex))


def _opens_with_article(span: Span, lex: CueLexicon) -> bool:
    """Whether a phrase opens with an article, not a possessive ("the report", "der Bericht")."""
    first = span[0]
    return first.pos_ == "DET" and first.lower_ in lex.determiners and first.lower_ not in lex.possessives


def _sentence_subject(span: Span, index: EntityIndex, lex: CueLexicon, entities: DocEntities) -> ResolvedEntity | None:
    sent = span.sent if span.doc.has_annotation("SENT_START") else None
    if sent is None:
        return None
    for tok in sent:
        if tok.dep_ in ("nsubj", "sb") and tok.i < span.start:
            left, right = tok.left_edge.i, tok.right_edge.i + 1
            named = name_in(span.doc[left:right], lex, entities)
            if named is not None:
                return index.add(*named)
    return None


def _propn_runs(doc: Doc | Span, min_length: int = 2):
    """The runs of at least ``min_length`` proper nouns (as spans of the Doc), found among the
    Doc's proper nouns (:func:`~quotegraph.extract.quote_mentions.proper_nouns`), not by reading every token."""
    whole = doc.doc
    start, end = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(doc))
    for first, last in propn_run_bounds(whole, start, end, min_length):
        yield whole[first:last]
