"""Attribution cue lexicons: reporting verbs, source prepositions, titles — data, not logic.

The word lists live in ``lexicons/<lang>/cues.json`` beside this module; a user can pass
their own file with the same keys to extend or replace them.

>>> lex = load_lexicon("de")
>>> "sagen" in lex.verbs and ("laut",) in lex.before_source
True
>>> try:
...     load_lexicon("xx")
... except UnsupportedLanguageError as exc:
...     print(exc)
no cue lexicon for language 'xx' (supported: de, en)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError, UnsupportedLanguageError

__all__ = ["CueLexicon", "load_lexicon", "lexicon_from_dict", "lexicon_to_dict", "SUPPORTED_LANGUAGES"]

#: The languages a lexicon ships for: each folder ``lexicons/<lang>/`` with a ``cues.json``.
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(
    folder.name for folder in resources.files("quotegraph.extract").joinpath("lexicons").iterdir()
    if folder.joinpath("cues.json").is_file()
))


def _words(default=frozenset(), *, keep_case: bool = False):
    """A word-list field: read lower-cased from the JSON list of the same name (``keep_case``
    for titles and abbreviations, which are matched as written)."""
    return field(default=default, metadata={"keep_case": keep_case})


@dataclass(frozen=True)
class CueLexicon:
    """What the attribution rules know of one language: word lists (lower-cased unless said
    otherwise) and switches for its grammar and for the annotation practice its data follow.

    Every field is read from the key of the same name in ``lexicons/<lang>/cues.json``;
    ``docs/languages.md`` says what a new language needs.
    """

    lang: str
    # --- cues
    verbs: frozenset[str] = _words()  # reporting verbs, particle verbs joined ("mitteilen")
    weak_verbs: frozenset[str] = _words()  # cue only with a clause or quote beside them ("glauben", "think")
    # cues that report no speech act in a sentence of their own, without a clause or quote ("Der Plan
    # sieht … vor", "Ihm drohen … Jahre Haft", "würdigte die Arbeit"): not a reported speech act
    non_act_verbs: frozenset[str] = _words()
    # cues whose reflexive form is no speech act ("entschied sich für …", "verspricht sich …")
    reflexive_non_act_verbs: frozenset[str] = _words()
    # cues of judging a topic: a speech act of their own sentence only with what they judge it as
    # ("verurteilte den Anschlag als barbarisch", "kritisierte den Plan als „Irrweg“"), not with
    # the topic alone ("kritisierte den Plan")
    judging_verbs: frozenset[str] = _words()
    # verbs of perceiving that are cues only as a view of their object, with an object and the
    # complement that says what it is taken for ("voters see him as a threat", "regard the plan as
    # a waste"); "saw the movie", "was seen leaving" report nothing
    view_verbs: frozenset[str] = _words()
    # verbs that are cues only with a clause, or an object with what it is found to be ("found that
    # wages rose", "found the plan too costly"); with an object alone they report nothing ("found
    # the files", "find a way", "maintained its lead", "determine eligibility", "assumed office")
    clause_only_verbs: frozenset[str] = _words()
    # verbs that are cues only in a frame of "as" with "it" for what was said ("as one critic put
    # it, …", "as she phrased it"); "put the bill on hold", "phrased the question" report nothing
    as_it_verbs: frozenset[str] = _words()
    # nouns of a prepositional phrase that says how something was said, not what about ("spoke on
    # the condition of anonymity", "on behalf of X"): no cue's content
    manner_nouns: frozenset[str] = _words()
    # cues whose first object can be the addressee ("told reporters"); None: every cue
    addressee_verbs: frozenset[str] | None = None
    addressee_nouns: frozenset[str] = _words()  # objects that are the people spoken to ("told reporters")
    # verbs that are cues only in the frame right beside a direct quote ("“…,” he continued",
    # "“…,” the statement read", "She continued, “…”"); elsewhere they report nothing ("prices
    # continued to rise")
    frame_verbs: frozenset[str] = _words()
    phrasal_frame_verbs: frozenset[str] = _words()  # "“…,” Trump shot back.": lemma and particle
    # verbs whose object is the speaker and whose subject relays ("zitiert X mit den Worten")
    quoting_verbs: frozenset[str] = _words()
    clause_nouns: frozenset[str] = _words()  # "die Ansicht, dass …", "the claim that …"
    # words opening the complement that makes a weak verb a speech act ("bezeichnete X als Y",
    # "sprach von …", "hält X für Y")
    act_complements: frozenset[str] = _words()
    # those of them that open a label, which the parser may hang on the object ("bezeichnete
    # den Plan als …"); another one on the object belongs to it ("hält einen Anteil von …")
    object_act_complements: frozenset[str] = _words()
    # those that make an act only with an object they say something of ("hält das für
    # unbedenklich"; "Die Zahlen sprechen für X" is none)
    predicative_act_complements: frozenset[str] = _words()
    # words before a quoted label a verb gives its object, which makes the label the subject's
    # words whatever the verb ("feierte das Urteil als „Sieg“", "hailed the ruling as “a win”")
    label_complements: frozenset[str] = _words()
    complementizers: frozenset[str] = _words()  # "dass", "ob", "that": open reported content
    # complementizers after which content is a clause even when the tagger missed its verb
    # ("dass … darstellen"); not English "that", which is also a determiner ("wrote that spot")
    clause_openers: frozenset[str] = _words()
    # --- sources
    before_source: tuple[tuple[str, ...], ...] = ()  # "laut", ("according", "to")
    # those of them that also make rates ("$120 per square foot"): a source only before a name, an
    # article or a possessive ("per CTV News", "per the report")
    rate_prepositions: frozenset[str] = _words()
    # phrases by which a reporter cites its source: "unter Berufung auf", "citing" (the source
    # becomes the speaker and the reporter the relay: extract/patterns/citing.py)
    citing_phrases: tuple[tuple[str, ...], ...] = ()
    # participles that cite a source when they follow a source phrase ("according to X, citing
    # Y, …": Y speaks, X relays); elsewhere they report a reason ("he said, citing the economy")
    citing_after_source: frozenset[str] = _words()
    # those of them that name a source beside any verb of saying, never a reason ("The paper,
    # quoting an aide, said …"; "citing higher costs" gives one)
    quoting_participles: frozenset[str] = _words()
    # verbs (lemmas) of publishing after or before which those participles cite the source too
    # ("X will resign, the paper reported, citing two officials"; "Citing Y, the paper reported …");
    # closing a report's sentence, their subject relays it ("X sagte, …, berichtete die Agentur Y.")
    citing_report_verbs: frozenset[str] = _words()
    # verbs (lemmas) of issuing a document whose present participle reports for the issuer
    # ("X released a statement praising …": X speaks, not the statement)
    issuing_verbs: frozenset[str] = _words()
    # a possessive pronoun and a subject it can stand for, as "possessive subject" ("his he":
    # "[He] renewed his attacks on …" binds "his" to the clause's subject), and the plural
    # possessives, which a plural or coordinated noun subject binds
    possessive_subjects: frozenset[str] = _words()
    plural_possessives: frozenset[str] = _words()
    # verbs (lemmas) of a relative clause on a source by which it cites its own ("Laut der
    # Zeitung, die sich auf Y beruft, …": Y speaks, the paper relays)
    citing_relative_verbs: frozenset[str] = _words()
    after_source: frozenset[str] = _words()  # "zufolge"
    source_nouns: frozenset[str] = _words()  # "Angaben" in "nach Angaben von X"
    source_noun_prepositions: frozenset[str] = _words()  # "nach Angaben (von) X", "seinen Angaben nach"
    # words after a source noun that name its source: prepositions, skipped ("nach Angaben von
    # X", "in the words of X"), and genitive articles, kept ("nach Angaben der Polizei")
    agent_prepositions: frozenset[str] = _words()
    genitive_articles: frozenset[str] = _words()
    source_particles: frozenset[str] = _words()  # "„…“, so X."
    as_particles: frozenset[str] = _words()  # "Wie X berichtet, …", "…, as X reported"
    # adverbs that point back at a source named before: "Demnach ist …" (= according to it)
    source_adverbs: frozenset[str] = _words()
    relative_sources: frozenset[str] = _words()  # relative adverbs of report: "Berichte, wonach …"
    # relative pronouns in a source phrase after a comma: "Studien, nach denen …", "…, denen zufolge …"
    relative_source_pronouns: frozenset[str] = _words()
    # demonstratives that open a sentence pointing back at the one before as what was
    # reported: "Israel startete die Offensive. Das meldet die Zeitung X."
    report_pointers: frozenset[str] = _words()
    # demonstratives and pronouns that point back at a quote or a statement ("Das sagte er.",
    # "Having said that"): such an object or opening word reports nothing new
    pointers: frozenset[str] = _words()
    # --- speakers
    pronouns: frozenset[str] = _words()  # speaker pronouns resolved to the person named before
    # personal pronouns only the nominative has ("er", "ich", "wir", "man"): in a verb-second
    # clause one right after the finite verb is its subject ("Die Tat bezeichnete er als …")
    nominative_pronouns: frozenset[str] = _words()
    # demonstratives that stand alone for a person named before and can speak ("Dieser
    # behauptete, …", "Letztere sagte, …"), and quantifiers standing alone for people ("some
    # argued", "Both said"); unlike ``pronouns`` not resolved to the person in focus
    demonstrative_speakers: frozenset[str] = _words()
    # relative pronouns that open a clause after a comma and can stand for a speaker ("…, der
    # sagte"); English relative pronouns are told by their tags ("who", "which")
    relative_pronouns: frozenset[str] = _words()
    # determiners that before a masculine singular noun show the nominative ("der", "ein"): of
    # two phrases the parser took for the subject, the one so marked is it
    masculine_nominative_determiners: frozenset[str] = _words()
    copulas: frozenset[str] = _words()  # "sein", "werden": their complement is in the subject's case
    passive_auxiliaries: frozenset[str] = _words()  # "werden": "wird X zitiert" has X as subject, never as object
    possessives: frozenset[str] = _words()
    own_possessives: frozenset[str] = _words()  # "nach eigenen Angaben", "in his own words"
    impersonal: frozenset[str] = _words()  # subjects that name no one ("man", "es", "it")
    # the pronoun of the one addressed: a speaker only inside a transcript's dialogue ("Q: You said …")
    second_person: frozenset[str] = _words()
    expletives: frozenset[str] = _words()  # "es" of "hieß es vom Ministerium": the source follows
    # after an expletive, a word pointing back to the last report's source ("hieß es darin / weiter")
    expletive_pointers: frozenset[str] = _words()
    # prepositions naming the source after an expletive ("hieß es vom Ministerium")
    impersonal_source_prepositions: frozenset[str] = _words()
    document_prepositions: frozenset[str] = _words()  # "In einem Positionspapier heißt es, …"
    origin_prepositions: frozenset[str] = _words()  # "Aus Regierungskreisen hieß es, …"
    # a fronted phrase whose view a clause in reported mood gives ("Für X sei das verständlich")
    viewpoint_prepositions: frozenset[str] = _words()
    # prepositions of the agent of a passive cue, who is its speaker ("wurde vom Verband gefordert")
    passive_agent_prepositions: frozenset[str] = _words()
    titles: frozenset[str] = _words(keep_case=True)  # titles and roles before a name ("Ministerin")
    # role nouns that name the same kind of thing, each group one line ("Zeitung Blatt"): "das
    # Blatt" refers back to a paper named "die Zeitung X" (extract/descriptions.py)
    role_synonyms: tuple[tuple[str, ...], ...] = ()
    # role nouns any office holder may be described by ("der SPD-Politiker" after "Arbeitsminister
    # X", also as a compound's last part): such a description contradicts no role named before
    generic_role_nouns: frozenset[str] = _words()
    # forms of address that show a person's gender ("Mr.", "Frau"); German role nouns show it
    # by their own grammatical gender ("Ministerin") as well
    # what follows the number and hyphen of a noun naming someone by their age ("die
    # 54-Jährige", "the 54-year-old"): it refers back to the person in focus, as a pronoun does
    age_noun_endings: frozenset[str] = _words()
    masculine_titles: frozenset[str] = _words()
    feminine_titles: frozenset[str] = _words()
    # the ending that makes a role noun feminine ("Präsident" → "Präsidentin"): a title with it,
    # also as a compound's last part ("VDA-Präsidentin"), shows a woman whatever the tagger's gender
    feminine_role_endings: frozenset[str] = _words()
    media_words: frozenset[str] = _words()  # "Zeitung", "agency": the entity is an outlet
    # the last parts of a compound that make it an outlet's noun ("Küstenzeitung", "Privatsender";
    # not "Agentur": "Arbeitsagentur" is a public body), in a language that writes compounds as one word
    media_compound_heads: frozenset[str] = _words()
    # "die Zeitung", "the newspaper" with no name in reach: the last paper named as a source
    newspaper_nouns: frozenset[str] = _words()
    # the words newspapers are named by, as the last word of a name ("The Washington Post",
    # "Westfälische Rundschau"): such a name is an outlet's, matched as written (extract/head_names.py)
    masthead_words: frozenset[str] = _words(keep_case=True)
    # nouns of a body: a name they introduce is an organisation, whatever the recogniser took it
    # for ("die Umweltorganisation Grünwacht", "der Verband Nordhafen"; extract/entity_types.py)
    organisation_nouns: frozenset[str] = _words()
    # nouns of an institution named by its seat: before a place's name they name one organisation
    # ("die Staatsanwaltschaft Köln", "das Amtsgericht Hamburg": not the city; extract/entity_types.py)
    seat_nouns: frozenset[str] = _words()
    # participles that set off members of a group in its phrase ("Critics, including Senator X,
    # said"): the phrase goes on through them (extract/phrases.py)
    inclusion_words: frozenset[str] = _words()
    # words that make a subject no one ("Kein Lehrer", "Niemand"): a sentence with such a subject
    # reports no one's speech act (extract/patterns/acts.py)
    negative_words: frozenset[str] = _words()
    # plural nouns of circles of people or of the media at large ("Kreise", "Medien", "circles"),
    # also a compound's last part ("Regierungskreise"): a source so named is no entity, whatever
    # the tagger took it for (extract/head_names.py)
    circle_nouns: frozenset[str] = _words()
    # adverbs of time the tagger may take for a noun and the parser for a subject ("Gestern
    # haben einige Anwohner berichtet"): never a speaker on their own (extract/patterns/speakers.py)
    time_adverbs: frozenset[str] = _words()
    # the tagger's fine-grained tags of proper nouns ("NE", "NNP"): a word so tagged is a name
    # where the coarse part of speech says noun ("bildblog.de"); an entity with no name in any of
    # its names is known by a description only, one per article (extract/coref.py)
    proper_noun_tags: frozenset[str] = _words(keep_case=True)
    # the tagger's fine-grained tags of finite verbs and imperatives ("VBZ", "VB") that end a name
    # the recogniser ran on into a title-case headline ("Marco Rubio Responds To Question"); none
    # where the tagger reads surnames as verbs (German "John McCain") (extract/entity_bounds.py)
    headline_verb_tags: frozenset[str] = _words(keep_case=True)
    # the tagger's tags of an imperative ("VB"): "Follow Jane Poor" under an article is no name
    imperative_tags: frozenset[str] = _words(keep_case=True)
    # nouns of someone who speaks for a body ("Sprecher", "spokeswoman"): the name in their owner
    # is that body, whatever the NER takes it for ("ein Sprecher von Tesla"; extract/head_names.py)
    spokesperson_nouns: frozenset[str] = _words()
    # the roles and bodies an outlet has itself ("der Chefredakteur der Zeitung", "der Verlag der
    # Zeitung"): after any other title or body a "der" phrase naming an outlet is the dative
    # ("sagte der Minister der Zeitung")
    outlet_staff_nouns: frozenset[str] = _words()
    # nouns of a person by their tie to another ("Ehefrau", "Anwalt", "wife", "aide"): the name
    # in their owner is that other person, who is not the speaker ("Trump's wife", "one Clinton
    # aide"; extract/head_names.py)
    relative_nouns: frozenset[str] = _words()
    # nouns of a person by what they do or are ("candidate", "voter"): one can speak, as a thing cannot
    person_nouns: frozenset[str] = _words()
    # whether names inflect (German: "der Frankfurter Allgemeinen Zeitung", "des Lehrerverbands"):
    # names are then matched by the words' uninflected forms (extract/coref.py, name_key)
    inflected_names: bool = False
    # whether every noun is written with a capital (German): a capital then does not set a word
    # of a name apart from an outlet word before it ("Sender CNN" is CNN, "Network Rail" is a name)
    capitalised_nouns: bool = False
    # whether compounds are written as one word, head last ("Videobotschaft", "US-Zeitschrift"):
    # a listed noun then also matches as the last part of a longer one (extract/addressees.py),
    # and a hyphenated word with a capitalised last part is a noun ("verdi-Sprecherin",
    # extract/attributes.py)
    closed_compounds: bool = False
    first_person: frozenset[str] = _words()  # speech in the speaker's own words ("ich", "wir", "I")
    # focus particles and sentence adverbs at the edge of a speaker phrase, no part of it
    # ("Auch Winfried Hassemer", "Die Kanadier hingegen", "Hartmann selbst", "even the minister")
    speaker_edge_words: frozenset[str] = _words()
    # nouns of hearsay that name no one ("dem Vernehmen nach"): a sentence after it does not go on
    # with it as its speaker
    hearsay_nouns: frozenset[str] = _words()
    # nouns of a span of time: a phrase of one says when something was said ("dieser Tage"), not to whom
    time_nouns: frozenset[str] = _words()
    # prepositions of a phrase right after a speaker that says where the speaker belongs, kept in
    # the speaker when it holds a name ("Anna Roth vom Sender X", "die Behörde in Genf")
    affiliation_prepositions: frozenset[str] = _words()
    # prepositions of a phrase after a speaker that says when the words were said, never part of
    # the speaker ("der Trainer [nach dem Spiel]", "die Ministerin [während der Debatte]")
    occasion_prepositions: frozenset[str] = _words()
    # --- addressees (extract/addressees.py): who a quote was said to
    # dependency labels of a cue's object that is the one spoken to ("sagte der Zeitung": UD
    # "obl:arg"; "told him": ClearNLP "dative"), and the morphological cases in which a cue's
    # object or oblique without preposition is ("erklärte einem Angestellten": "Dat")
    addressee_dependents: frozenset[str] = _words(keep_case=True)
    addressee_cases: frozenset[str] = _words(keep_case=True)
    # the morphological cases of a subject: a nominal marked for none of them is an object,
    # whatever the parser labelled it ("hatte Lenz[Acc] aufgefordert")
    subject_cases: frozenset[str] = _words(keep_case=True)
    # prepositions that attach the one spoken to ("gegenüber dem Sender"), and those that do
    # when their object is a person, organisation, pronoun or ``addressee_nouns`` word ("vor der
    # Presse", but not "vor zwei Wochen"; "said to reporters")
    addressee_prepositions: frozenset[str] = _words()
    audience_prepositions: frozenset[str] = _words()
    # a cue's lemma and a preposition that attaches the one addressed to it ("fordern von",
    # "appellieren an"), as "LEMMA PREPOSITION"
    verb_addressee_prepositions: frozenset[str] = _words()
    # a cue's lemma and a preposition whose object is what is spoken of, never the one spoken to
    # ("warnen vor", "erinnern an"), as "LEMMA PREPOSITION"
    verb_topic_prepositions: frozenset[str] = _words()
    # a participle of turning to someone and its preposition, as "PARTICIPLE PREPOSITION": beside
    # a cue, its object is the one addressed ("An die Gewerkschaften gewandt sagte sie …")
    addressing_participles: frozenset[str] = _words()
    reflexive_pronouns: frozenset[str] = _words()  # "sich", "himself": never the one spoken to
    # cues whose object, or the subject of their passive, is the one addressed ("forderte die
    # Regierung auf", "X wurde beschuldigt"); None: ``addressee_verbs``
    object_addressee_verbs: frozenset[str] | None = None
    # cues whose object before a "to" infinitive opens the content, as its subject, though it
    # is also the one addressed ("urged Congress to act": "Congress to act")
    infinitive_subject_verbs: frozenset[str] = _words()
    passive_subject_dependents: frozenset[str] = _words(keep_case=True)  # "nsubj:pass", "nsubjpass"
    # cues whose passive subject is the one addressed though their object is not ("Ihm wird
    # vorgeworfen, …": the object of "vorwerfen" is the charge)
    passive_addressee_verbs: frozenset[str] = _words()
    # cues whose dative object is the one spoken to ("teilte den Abgeordneten mit", "empfiehlt
    # allen Reisenden"): on them a bare phrase whose determiner is in an ``addressee_cases`` case
    # is that object, whatever the parser labelled it and whatever case the noun's tag shows
    dative_addressee_verbs: frozenset[str] = _words()
    # of those, the ones that take no accusative object at all ("drohen", "danken"): their one
    # bare object is that dative whatever case the tagger gave its article ("den[Acc?] Homosexuellen")
    dative_only_verbs: frozenset[str] = _words()
    # nouns of a conversation on the cue, whose partner is the addressee ("im Interview mit X",
    # "in an interview with X"), and the prepositions that attach the partner
    conversation_nouns: frozenset[str] = _words()
    conversation_prepositions: frozenset[str] = _words()
    # nouns of an interview whose genitive naming an outlet is who held it, the addressee ("in
    # einem Interview der Zeitung X"; a person's genitive is the one interviewed)
    interview_nouns: frozenset[str] = _words()
    # the prepositions of the one a speech act is directed at, when its noun is the cue ("die
    # Aufforderung an die Regierung", "erging an X"): the object in the accusative, the direction
    directed_prepositions: frozenset[str] = _words()
    # --- phrases
    determiners: frozenset[str] = _words()
    # words that bring in someone new as an indefinite article does, though the tagger reads
    # them otherwise ("one source", "another official"; extract/coref.py)
    indefinite_words: frozenset[str] = _words()
    # determiners that can open a genitive attribute after a noun ("Angaben der Polizei")
    genitive_determiners: frozenset[str] = _words()
    # determiners of a dative or accusative object: such a phrase is no subject ("sagte dem Sender")
    object_determiners: frozenset[str] = _words()
    # determiners only of the dative ("dem", "einem"), and those of the dative when their noun is
    # plural ("den", "ihren": "sagte den Reportern"; with a singular the accusative too): what
    # the tagger's case of the article misses ("ihren[Acc?] Kollegen")
    dative_determiners: frozenset[str] = _words()
    plural_dative_determiners: frozenset[str] = _words()
    # determiners only of the genitive: such a phrase is no subject ("Des Weiteren wirft die OSZE …")
    genitive_only_determiners: frozenset[str] = _words()
    # definite articles (also merged with a preposition: "im", "zur") after which a singular name's
    # adjective ending "-en" is in the weak declension of a case other than the nominative ("der
    # Süddeutschen Zeitung", "im Deutschen Bundestag"): the name is named by its nominative "-e"
    # (extract/head_names.py)
    weak_oblique_articles: frozenset[str] = _words()
    # prepositions that attach to the verb, not to the speaker ("appellierte der Präsident an …")
    verb_prepositions: frozenset[str] = _words()
    # words inside a name or noun phrase ("Sprecher des Ministeriums", "Bank of America"), and
    # prepositions inside an entity's name ("Institut für …"): names cross languages, so both
    # lists hold the words of other languages' names too ("Ursula von der Leyen" in English)
    joiners: frozenset[str] = _words()
    name_prepositions: frozenset[str] = _words()
    coordinators: frozenset[str] = _words()  # "und", "aber", "and", "but"
    # conjunctions that set a second report beside a first ("Most said A, while a fifth said B"):
    # the first's content ends before them
    contrast_conjunctions: frozenset[str] = _words()
    # conjunctions that open an adverbial clause, never what a verb reports ("wurde bekannt,
    # als er …", "geschätzt, da …"): a clause after the cue's comma opened by one is no content
    adverbial_conjunctions: frozenset[str] = _words()
    # prepositions whose object a cue governs as content ("warned of …"), and those that
    # attach a complement to its object ("called X a Y", "criticized X as Y")
    object_prepositions: frozenset[str] = _words()
    # a cue with the preposition that takes its content, where the preposition alone would not
    # ("referring to …", "pointed to …"; "to" after "said" names whom it was said to)
    verb_object_prepositions: frozenset[str] = _words()
    complement_prepositions: frozenset[str] = _words()
    title_nouns: frozenset[str] = _words()  # "mit dem Titel „…“": a name, not speech
    abbreviations: frozenset[str] = _words(keep_case=True)  # a full stop after them ends no sentence
    # --- reported speech mood (Konjunktiv)
    # whether the language marks reported speech by mood: a sentence in it continues the report
    # before it (free indirect speech)
    reported_mood: bool = False
    reported_subjunctive_ii: frozenset[str] = _words()  # II forms standing in for I ("hätten", "würden")
    hearsay_modals: frozenset[str] = _words()  # "soll … geflohen sein"
    # modal verbs (lemmas) of will, ability or need: a speech-act verb under one reports no act
    # that took place ("Die Regierung will die Bevölkerung informieren")
    intention_modals: frozenset[str] = _words()
    perfect_auxiliaries: frozenset[str] = _words()  # "… geflohen sein", "… angegriffen haben"
    # copulas of a state, and participles of cues that are also adjectives: such a participle on
    # such a copula reports nothing ("ist nicht bekannt, ob …"); "wurde bekannt, dass …" does
    state_copulas: frozenset[str] = _words()
    stative_participles: frozenset[str] = _words()
    # --- grammar
    # whether the rules that read an English-style (ClearNLP) dependency parse apply: the clause
    # or object a cue governs, the whole object of "according to", the subject of a governing
    # verb, the owner of a claim ("X's claim"), the main clause framing a quote, several reports
    # in one sentence; they need a reliable parser
    parse_rules: bool = False
    # whether the clause before a colon that opens a quote frames it whatever its verb, its
    # subject the speaker ("Hier sparte der Präsident nicht mit Kritik: „…“", "The board was
    # firm in its ruling: “…”"; with ``parse_rules`` the verb right before the colon is read
    # first: "Limbaugh continued: “…”"); a paragraph ending in such a clause frames the quote
    # opening the next; and a frame with no verb, a phrase that can speak, frames it too ("Ein
    # Beamter der Polizei: „…“")
    colon_clause_frames: bool = False
    # whether a frame after its content puts the subject first ("…,” Trump asked", "…, the
    # minister said"); German inverts ("…“, sagte X"), so there a subject first opens a new sentence
    subject_first_frames: bool = False
    comma_inside_marks: bool = False  # the frame's comma stands inside the closing mark ("…," she said)
    quote_gaps: bool = False  # the source phrase inside a claim is its gap, no part of it ("A laut X B")
    auxiliary_first_frames: bool = False  # "…, wird vermutet.": an auxiliary before the cue after the content
    separable_particles: bool = False  # "teilte … mit" = mitteilen: particles written apart from the verb
    # whether a main clause puts its finite verb second: the phrase before it is the subject when
    # the parser labels none ("Greenpeace fordert, …" with "Greenpeace" read as an adverb)
    verb_second: bool = False
    compound_source_nouns: bool = False  # "Polizeiangaben": a compound ending in a source noun
    # the endings of a compound's first part after which a linking "s" stands ("Regierungs-",
    # "Gesundheits-"): dropped to give the part as a word (extract/source_owners.py)
    linking_s_endings: frozenset[str] = _words()
    lemma_lookup: bool = False  # look lemmas up in spacy-lookups-data's table as well
    # inflected forms whose lemma both the lemmatizer and the lookup table miss, as "FORM LEMMA"
    # ("gebeten bitten": the table gives "geben")
    form_lemmas: frozenset[str] = _words()
    regular_inflection_stems: bool = False  # try the stems of -ing/-ed/-es: the lemmatizer may cut an "e"
    noun_cues_need_verb_dependents: bool = False  # a noun is a cue only when tagged wrongly: with verbal dependents
    # --- annotation practice
    # whether a sentence that reports a speech act without a clause is itself the content
    # (German annotation practice) or the verb's object is (English, PARC/PolNeAR practice)
    speech_act_sentences: bool = True
    # whether a quoted fragment inside reported speech, or a quote inside a quote, is a nested
    # quote of its own (German Wikinews practice) or only part of the outer content (PARC/PolNeAR)
    nested_fragments: bool = True
    # whether a quote whose speaker was not found is said by its innermost relay ("Laut Polizei
    # habe der Täter verlangt, …": German Wikinews practice) or keeps no speaker
    relays_speak_alone: bool = False
    # whether a quote that goes on after its frame ("“A,” he said. “B.”") is one content with
    # its continuation (PARC/PolNeAR practice) or two quotes
    join_continued_quotes: bool = False
    # whether a direct quote with no frame is said by the last speaker before it (German Wikinews
    # practice) or by no one named (English: the quotes that go on after their frame are joined to
    # it, and of the frameless ones left the speaker before said under a third on PolNeAR train)
    inherit_last_speaker: bool = True
    # the words that join quoted fragments of one cue into one content besides a comma ("called
    # it “pathetic” and “dangerous”": PolNeAR practice); empty: one quote each
    fragment_joiners: frozenset[str] = _words()
    # whether a report in the writer's words that ends in a question mark is one (PARC/PolNeAR
    # practice) or asks for a view and reports none ("Welche Vorschläge sind Ihrer Meinung nach
    # verfassungswidrig?": German Wikinews practice)
    question_reports: bool = True
    # whether ' and '' open quotes at the top level (English papers print ''We stay,'' …); in
    # German news they set off names and titles (wiki italics), speech takes „…“, »…« or "…"
    apostrophe_quotes: bool = True
    # whether a line "Name: rest of the line" is a report of Name (English headlines and
    # transcripts), whether the turns of a dialogue printed that way are direct quotes
    # (:mod:`quotegraph.extract.transcripts`), and the labels that open such a line without
    # naming a source ("Update:")
    colon_headlines: bool = False
    transcript_turns: bool = False
    headline_labels: frozenset[str] = _words()
    # whether, for a learned filter (``broad`` candidates), any verb with a subject and a clause or
    # object after it is proposed as a cue (PolNeAR marks beliefs, intentions and stances too)
    broad_verb_reports: bool = False
    # hearsay and appearance with no source named, which PolNeAR annotates as attributions
    # (:mod:`quotegraph.extract.patterns.evidentials`): raising verbs ("seems to"), passive
    # belief verbs with an infinitive ("is expected to"), hearsay adverbs ("reportedly")
    evidential_verbs: frozenset[str] = _words()
    evidential_passives: frozenset[str] = _words()
    evidential_adverbs: frozenset[str] = _words()
    # adjectives of what is plain to see: after an impersonal "it" and a copula a claim with no
    # source ("It is not clear whether …"); as what a verb of ``evidence_verbs`` makes of a
    # clause, the subject's claim ("She made clear that …", "He made it plain that …")
    evidence_adjectives: frozenset[str] = _words()
    evidence_verbs: frozenset[str] = _words()
    # any reporting verb in the passive with no agent and a complement ("was declared the winner")
    agentless_passive_reports: bool = False
    # stances and questions with no reporting verb, which PolNeAR annotates too
    # (:mod:`quotegraph.extract.patterns.stances`): adjectives of stance with a clause ("are
    # confident that …"), nouns of speech or thought whose clause follows the copula ("The
    # idea is that …"), question verbs in the passive ("was asked whether …", "asked about X")
    stance_adjectives: frozenset[str] = _words()
    stance_prepositions: frozenset[str] = _words()  # what a stance is about: "critical of", "tired of"
    # stance adjectives whose infinitive is what the subject wants: "eager to", "reluctant to"
    # (not "sure to", "likely to": the writer's forecast, no one's stance)
    stance_infinitive_adjectives: frozenset[str] = _words()
    # adjectives whose "it" stands for the infinitive after them: "It is hard to see why …",
    # "it's worth noting that …" (:func:`~quotegraph.extract.patterns.speakers.speaker_for`:
    # no speaker); not "It was quick to deny …", where "it" (a firm) denies
    extraposing_adjectives: frozenset[str] = _words()
    predicate_clause_nouns: frozenset[str] = _words()
    holder_nouns: frozenset[str] = _words()  # one who holds a stance, said of someone: "a critic of X"
    question_verbs: frozenset[str] = _words()
    question_prepositions: frozenset[str] = _words()
    # words that answer or point back at what was said, its content right after the cue
    # ("said yes", "said no", "said so")
    answer_words: frozenset[str] = _words()
    # nouns naming a speech act or stance with the preposition that takes what it is about,
    # "noun preposition" ("criticism of", "support for"; "decision to": an infinitive)
    act_nouns: frozenset[str] = _words()

    @cached_property
    def lemma_of_form(self) -> dict[str, str]:
        """:attr:`form_lemmas` as a mapping, form → lemma."""
        return dict(entry.split(None, 1) for entry in self.form_lemmas)

    @cached_property
    def source_words(self) -> frozenset[str]:
        """The words that open a source phrase ("laut", "according", "to", "nach")."""
        return frozenset(w for words in self.before_source for w in words) | self.source_noun_prepositions


#: Keys of earlier lexicon files, read as their new names.
RENAMED_KEYS = {"nach_particles": "source_noun_prepositions", "so_particles": "source_particles",
                "wie_particles": "as_particles"}


#: keys whose entries are groups of words, written as one line each
_WORD_GROUPS = ("before_source", "citing_phrases", "role_synonyms")


def lexicon_from_dict(lang: str, data: dict) -> CueLexicon:
    """A lexicon from the parsed JSON of a ``cues.json`` file (keys starting with ``_`` are
    comments; unknown keys are an error, so a typo does not silently drop a list).

    >>> lexicon_from_dict("xx", {"verbs": ["Say"], "so_particles": ["so"]}).source_particles
    frozenset({'so'})
    """
    values: dict = {"lang": lang}
    known = {f.name: f for f in fields(CueLexicon)}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        name = RENAMED_KEYS.get(key, key)
        if name not in known or name == "lang":
            raise ValueError(f"unknown lexicon key {key!r}")
        f = known[name]
        if name in _WORD_GROUPS:
            values[name] = tuple(tuple(p.lower().split()) for p in value)
        elif isinstance(f.default, bool):
            values[name] = bool(value)
        else:
            values[name] = frozenset(value) if f.metadata.get("keep_case") else _lower(value)
    return CueLexicon(**values)


def lexicon_to_dict(lex: CueLexicon) -> dict:
    """The lexicon as the JSON of a ``cues.json`` file (:func:`lexicon_from_dict` reads it back).

    >>> lex = load_lexicon("en")
    >>> lexicon_from_dict("en", lexicon_to_dict(lex)) == lex
    True
    """
    out: dict = {}
    for f in fields(CueLexicon):
        value = getattr(lex, f.name)
        if f.name == "lang" or value is None:
            continue
        if f.name in _WORD_GROUPS:
            out[f.name] = [" ".join(words) for words in value]
        elif isinstance(value, frozenset):
            out[f.name] = sorted(value)
        else:
            out[f.name] = value
    return out


def _lower(items) -> frozenset[str]:
    return frozenset(x.lower() for x in items)


@lru_cache(maxsize=8)
def _load(lang: str, path: str | None) -> CueLexicon:
    if path is None:
        if lang not in SUPPORTED_LANGUAGES:
            supported = ", ".join(SUPPORTED_LANGUAGES)
            raise UnsupportedLanguageError(f"no cue lexicon for language {lang!r} (supported: {supported})")
        text = resources.files("quotegraph.extract").joinpath(f"lexicons/{lang}/cues.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    try:
        return lexicon_from_dict(lang, json.loads(text))
    except ValueError as exc:  # json.JSONDecodeError too
        raise InputError(f"not a cue lexicon: {exc}", path or f"lexicons/{lang}/cues.json") from None


def load_lexicon(lang: str, path: str | Path | None = None) -> CueLexicon:
    """The cue lexicon for a language, from the shipped data or from ``path``.

    Parameters
    ----------
    lang : str
        "de" or "en" (or any code, when ``path`` is given).
    path : str or Path, optional
        A JSON file with the same keys as ``lexicons/de/cues.json``.

    Raises
    ------
    UnsupportedLanguageError
        For a language with no shipped lexicon and no ``path``.
    InputError
        For a file that is not JSON or has a key :class:`CueLexicon` does not know.
    """
    return _load(lang, str(path) if path is not None else None)
