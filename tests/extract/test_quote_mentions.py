"""What a quote talks about (:func:`quotegraph.extract.coref.quote_mentions`): the people,
organisations and places named inside it, resolved to the article's entities (invented sentences)."""

from quotegraph.extract.records import Attribution, Mention, Quote, attribution_from_dict, attribution_to_dict


def mentions(att):
    return [(m.text, m.entity, m.type) for m in att.mentions]


def the_quote(result, start: str):
    (att,) = [a for a in result.attributions if a.quote.text.lstrip("„\"“").startswith(start)]
    return att


# German


def test_de_a_surname_in_a_quote_is_the_person_named_before(run_de):
    text = ("Der Unternehmer Tom Berger hat am Montag 200 Stellen gestrichen. "
            "Die Gewerkschafterin Anna Schulz sagte: „Herr Berger hat die Belegschaft verraten.“")
    result = run_de(text)
    att = the_quote(result, "Herr Berger")
    assert mentions(att) == [("Berger", "Tom Berger", "person")]
    assert result.entity("Tom Berger").type == "person"  # typed and named like a speaker


def test_de_a_place_and_an_organisation_in_a_quote(run_de):
    text = "Anna Schulz sagte: „Die IG Metall wird in Kiel nicht nachgeben.“"
    att = the_quote(run_de(text), "Die IG Metall")
    assert mentions(att) == [("IG Metall", "IG Metall", "organization"), ("Kiel", "Kiel", "location")]


def test_de_a_pronoun_in_a_quote_is_no_mention(run_de):
    text = "Tom Berger hat 200 Stellen gestrichen. Anna Schulz sagte: „Er hat uns alle belogen.“"
    att = the_quote(run_de(text), "Er hat")
    assert att.mentions == ()


def test_de_the_speakers_own_name_outside_the_quote_is_no_mention(run_de):
    text = "„Wir bleiben in Kiel“, sagte Anna Schulz."
    result = run_de(text)
    att = the_quote(result, "Wir bleiben")
    assert att.speaker.entity == "Anna Schulz"
    assert mentions(att) == [("Kiel", "Kiel", "location")]
    assert {e.name for e in result.entities} == {"Anna Schulz", "Kiel"}


def test_de_naming_someone_inside_a_quote_changes_no_speaker(run_de):
    # the quote names "Schulz" too: she stays the speaker "Anna Schulz", and the entity keeps its aliases
    text = "Anna Schulz sagte: „Tom Berger hat gelogen.“ Tom Berger sagte: „Frau Schulz irrt sich.“"
    result = run_de(text)
    first, second = result.attributions
    assert first.speaker.entity == "Anna Schulz" and second.speaker.entity == "Tom Berger"
    assert mentions(first) == [("Tom Berger", "Tom Berger", "person")]
    assert mentions(second) == [("Schulz", "Anna Schulz", "person")]


# English


def test_en_a_surname_in_a_quote_is_the_person_named_before(run_en):
    text = ('Tom Berger closed the plant in Ohio on Monday. '
            '"Berger has let the workers down," union leader Anna Schulz said.')
    result = run_en(text)
    att = the_quote(result, "Berger has")
    assert mentions(att) == [("Berger", "Tom Berger", "person")]
    assert result.entity("Tom Berger") is not None


def test_en_a_place_and_an_organisation_in_a_quote(run_en):
    text = '"The United Auto Workers will not give up in Toledo," Anna Schulz said.'
    att = the_quote(run_en(text), "The United Auto Workers")
    assert [(m.entity, m.type) for m in att.mentions] == [("United Auto Workers", "organization"),
                                                         ("Toledo", "location")]


def test_en_a_pronoun_in_a_quote_is_no_mention(run_en):
    text = 'Tom Berger closed the plant on Monday. "He lied to all of us," Anna Schulz said.'
    att = the_quote(run_en(text), "He lied")
    assert att.mentions == ()


def test_en_the_speakers_own_name_outside_the_quote_is_no_mention(run_en):
    text = '"We will stay in Toledo," Anna Schulz said.'
    result = run_en(text)
    att = the_quote(result, "We will stay")
    assert att.speaker.entity == "Anna Schulz"
    assert [m.entity for m in att.mentions] == ["Toledo"]


# resolution changes no entity a role resolved to (a Doc with hand-set entities)


def test_a_name_inside_a_quote_never_renames_or_retypes_a_known_entity():
    from quotegraph.extract.coref import EntityIndex
    from quotegraph.extract.lexicon import load_lexicon

    index = EntityIndex(load_lexicon("de"))
    berger = index.add("Tom Berger", "person")
    nordwerk = index.add("Nordwerk", "organization")
    assert index.find_or_add("Tom Berger Junior", "person") is berger and berger.name == "Tom Berger"
    assert index.find_or_add("Nordwerk", "person") is nordwerk and nordwerk.type == "organization"
    assert berger.aliases == {"Tom Berger"}
    kiel = index.find_or_add("Kiel", "location")
    assert kiel.name == "Kiel" and kiel.type == "location" and kiel not in (berger, nordwerk)


def test_a_place_in_a_quote_is_not_an_organisation_whose_name_holds_it():
    import spacy

    from quotegraph.extract.coref import resolve_entities
    from quotegraph.extract.lexicon import load_lexicon
    from quotegraph.extract.records import Cue

    text = "Die Universität Kiel teilte mit: „Wir bleiben in Kiel.“"
    doc = spacy.blank("de")(text)

    def at(s, k=0):
        return text.index(s, k), text.index(s, k) + len(s)

    doc.ents = [doc.char_span(*at("Universität Kiel"), label="ORG"), doc.char_span(*at("Kiel", 25), label="LOC")]
    quote = Quote(text[at("„")[0]:], at("„")[0], len(text))
    att = Attribution(f"{quote.start}-{quote.end}", "", quote, speaker=Mention("Die Universität Kiel", *at("Die Universität Kiel")),
                      cue=Cue("teilte", *at("teilte"), "mitteilen"))
    (got,), entities = resolve_entities(doc, [att], load_lexicon("de"))
    assert (got.speaker.entity, got.speaker.type) == ("Universität Kiel", "organization")
    assert mentions(got) == [("Kiel", "Kiel", "location")]
    assert sorted((e.name, e.type) for e in entities) == [("Kiel", "location"), ("Universität Kiel", "organization")]
    assert dict((e.name, e.aliases) for e in entities)["Universität Kiel"] == ("Universität Kiel",)


def test_a_speaker_span_inside_the_quote_span_is_no_mention():
    # a speech act whose span holds its own speaker: the speaker's words are the role, not content
    import spacy

    from quotegraph.extract.coref import resolve_entities
    from quotegraph.extract.lexicon import load_lexicon

    text = "Anna Schulz warnte vor einem Streik in Kiel."
    doc = spacy.blank("de")(text)
    doc.ents = [doc.char_span(0, 11, label="PER"), doc.char_span(text.index("Kiel"), text.index("Kiel") + 4, label="LOC")]
    att = Attribution("0-43", "", Quote(text[:43], 0, 43, "reported"), speaker=Mention("Anna Schulz", 0, 11))
    (got,), _ = resolve_entities(doc, [att], load_lexicon("de"))
    assert got.speaker.entity == "Anna Schulz"
    assert mentions(got) == [("Kiel", "Kiel", "location")]


# the record


def test_mentions_are_part_of_the_record_and_of_quotes_jsonl():
    q = Quote("„Kiel zahlt“", 0, 12)
    a = Attribution("a:0-12", "a", q, mentions=(Mention("Kiel", 1, 5, "Kiel", "location"),))
    assert a != Attribution("a:0-12", "a", q)  # compared like the other roles
    d = attribution_to_dict(a)
    assert d["mentions"] == [{"text": "Kiel", "start": 1, "end": 5, "entity": "Kiel", "type": "location"}]
    assert attribution_from_dict(d) == a
    assert attribution_from_dict({k: v for k, v in d.items() if k != "mentions"}).mentions == ()


def test_mentions_survive_doc_to_bytes(nlp_de_learned):
    import spacy
    from spacy.tokens import Doc

    doc = nlp_de_learned("Anna Schulz sagte: „Die IG Metall wird in Kiel nicht nachgeben.“")
    back = Doc(spacy.blank("de").vocab).from_bytes(doc.to_bytes())
    assert back._.qg_attributions == doc._.qg_attributions
    assert isinstance(back._.qg_attributions[0].mentions, tuple) and back._.qg_attributions[0].mentions
