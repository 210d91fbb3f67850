"""Passes over everything found: fragments and titles, inherited speakers, nesting (joined quotes: :mod:`.quote_joins`)."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import char_span_bounds, char_span_kept
from ..doc_tables import forms
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma, lemmas_of
from ..phrases import SUBJECT_DEPS, CharSpans, doc_text, noun_phrase, quoted_name_after, with_apposition
from ..subjects import subject_of
from .citing import cited_sources
from .found import Found, FoundIndex, Pattern, cue_chars, span_chars
from .quote_joins import join_continued_quotes, join_coordinated_fragments
from .agents import agent_of, passive_agent
from .speakers import is_impersonal, usable_speaker


def _names_a_title(word: str, lex: CueLexicon) -> bool:
    """"Buch", "Wochenzeitung" (a compound ending in one), "sogenannte": a word that introduces
    a name or title; in a language that inflects names, its genitive too ("des Magazins")."""
    forms = [word]
    if lex.inflected_names:
        forms += [word[:-k] for k in (1, 2) if word.endswith("es"[-k:])]
    return any(w in lex.title_nouns or any(w.endswith(n) for n in lex.title_nouns if len(n) >= 5) for w in forms)


def _names_in_speech(word: Token) -> bool:
    """"what he called “a rigged system”", "which the senator called “a disgrace”": a naming
    verb in a clause of its own (its subject, or a relative pronoun opening the clause before
    it) is someone's speech act, not the name of a thing ("a program called “Safe Streets”")."""
    if word.pos_ != "VERB" or (word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children)):
        return False
    if any(c.dep_ == "nsubj" for c in word.children):
        return True
    for tok in reversed(word.doc[max(word.sent.start, word.i - 12) : word.i]):
        if tok.tag_ in ("WDT", "WP"):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", ":", "(", ")"):
            return False
    return False


_AMOUNT_SIGNS = frozenset("$€£¥%")


def is_quoted_title(doc: Doc, text: str, f: Found, lex: CueLexicon) -> bool:
    """„This Is It“, „Neues Deutschland“, the film "Heat": a name or title in quotation marks."""
    before = doc.char_span(max(0, f.quote[0] - 40), f.quote[0], alignment_mode="contract")
    inner = text[f.quote[0] + 1 : f.quote[1] - 1]
    if (before is not None and len(before) and _names_a_title(before[-1].lower_, lex) and not _names_in_speech(before[-1])
            and not _called_so(before[-1], inner, lex)):
        return True
    words = [w for w in inner.split() if any(ch.isalpha() for ch in w)]
    if len(words) >= 2 and _title_cased([w.strip(_EDGE_MARKS) for w in words], joined=not lex.capitalised_nouns):
        return True
    if len(inner.split()) <= 2 and words and any(ch.isdigit() for ch in inner) and not any(ch in _AMOUNT_SIGNS for ch in inner):
        return True  # a designation with a number: „E2“, „documenta 12“, „HD 13189“ (not an amount: "about $200")
    # a longer name with short function words inside and no verb: "Union pour un Mouvement
    # Populaire", "2. Deutscher Klimakongress der EnBW AG"
    lower = [w for w in words if not (w[:1].isupper() or w[:1].isdigit())]
    if len(words) < 4 or len(lower) * 3 > len(words) or any(len(w) > 4 for w in lower):
        return False
    span = doc.char_span(f.quote[0], f.quote[1], alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


#: what may stand around a title's words inside its marks: "''Meet the Press,''"
_EDGE_MARKS = "'\"‘’“”`,.!?;:"


def _title_cased(words: list[str], *, joined: bool) -> bool:
    """Whether words are a title's: every one capitalised, but with ``joined`` for short joining
    words inside ("Meet the Press", "Fox and Friends": where nouns are capitalised, as in
    German, the words between them are no sign of a title)."""
    return (words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w[:1].isupper() or (joined and len(w) <= 3 and w.isalpha() and w.islower()) for w in words[1:-1]))


def _called_so(noun: Token, inner: str, lex: CueLexicon) -> bool:
    """Whether a quote after a noun that may introduce a title is what a speaker calls the noun:
    the noun is a cue's object and the quote opens in lower case where nouns and names do not
    ("nannte den Plan „kurzsichtig“"; "startete das Projekt „Nordlicht“" names it)."""
    first = next((ch for ch in inner if ch.isalpha()), "")
    return (lex.capitalised_nouns and first.islower() and noun.dep_ in _OBJECT_DEPS
            and cue_lemma(noun.head, lex) is not None)


def _parsed_quote(doc: Doc, f: Found) -> Span | None:
    """The tokens of a found quote in a parsed Doc, or None (no parse, or no token in it)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(f.quote[0], f.quote[1], alignment_mode="expand")
    return span if span is not None and len(span) else None


def clause_frame(doc: Doc, f: Found, lex: CueLexicon) -> tuple[tuple[int, int, str], Span] | None:
    """"Die Ministerin nannte den Plan „reine Spekulation“", "Als „Fehler“ bezeichnete X den
    Schritt": a quoted fragment the parser hangs on a reporting verb is the words of that
    verb's subject, wherever the verb stands. The verb (as a cue) and the subject, or None
    when the verb is no reporting verb, is passive, or its subject cannot speak or lies in
    the fragment."""
    span = _parsed_quote(doc, f)
    if span is None:
        return None
    sent = span[0].sent
    verb = span.root.head
    for _ in range(4):  # up through the noun or preposition the fragment belongs to
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if span.start <= verb.i < span.end or verb.pos_ != "VERB":
        return None
    lemma = cue_lemma(verb, lex)
    passive = any(c.dep_ in _PASSIVE_DEPS for c in verb.children)
    if lemma is None and _labels_an_object(doc, span, verb, lex, passive=passive):
        lemma = verb.lemma_.lower()  # "feierte den Sieg als „großen Erfolg“": the subject's label
    if lemma is None:
        return None
    if passive:
        # "wurde von X als „…“ bezeichnet": the agent speaks; with none the speaker is unnamed
        agent = passive_agent(doc, verb, sent.start, sent.end, lex)
        if agent is None or (agent.start < span.end and span.start < agent.end):
            return None
        return cue_chars(verb, lemma), agent
    subject = subject_of(verb, sent.start, sent.end, lex)
    if (subject is not None and len(subject) == 1 and subject[0].tag_ in ("PRELS", "WDT", "WP")
            and verb.dep_ in ("acl", "acl:relcl", "relcl", "rc") and verb.head.pos_ in ("NOUN", "PROPN")):
        # "ein Kommentar, der den Preis als „Verirrung“ bezeichnet": the relative pronoun's antecedent
        subject = doc[verb.head.left_edge.i : verb.head.i + 1]
    speaker = usable_speaker(subject, lex)
    if (speaker is None or speaker.root.pos_ not in ("NOUN", "PROPN", "PRON") or speaker.root.lower_ in lex.impersonal
            or (speaker.start < span.end and span.start < speaker.end)):
        return None
    return cue_chars(verb, lemma), speaker


_OBJECT_DEPS = frozenset({"obj", "dobj", "oa"})
_PASSIVE_DEPS = frozenset({"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"})


def _labels_an_object(doc: Doc, span: Span, verb: Token, lex: CueLexicon, *, passive: bool = False) -> bool:
    """Whether the fragment is a label the verb gives its object ("sieht die Maßnahme als
    „Kapitulation“"): a label word (``CueLexicon.label_complements``) opens it and the verb has
    an object; without one the label is said of the subject ("gilt als „…“"). A passive verb
    gives its label to its subject ("die Maßnahme wurde als „…“ gesehen"), wherever the
    parser hung that."""
    k = span.start - 1
    while k >= 0 and (doc[k].is_punct or doc[k].pos_ == "DET"):
        k -= 1  # "als den „führenden Förderer“": the label's article
    return (k >= 0 and doc[k].lower_ in lex.label_complements
            and (passive or any(c.dep_ in _OBJECT_DEPS for c in verb.children)))


def settle_fragments(found: list[Found], *, nested: bool = True, text: str = "", broad: bool = False,
                     doc: Doc | None = None, lex: CueLexicon | None = None) -> list[Found]:
    """Quoted fragments inside sentences ("nannte sie „reine Spekulation“") are speech when
    reported speech surrounds them (they take its speaker and cue) or their own sentence
    names a cue; otherwise a fragment of one or two words is a scare quote or a title.
    With ``nested=False`` a fragment inside reported speech is left to that report's content
    (``CueLexicon.nested_fragments``). ``broad``: keep the other fragments too, as pattern
    "fragment", for a learned filter to judge."""
    out = []
    reports = FoundIndex(found)  # the reports around a fragment are looked up, not scanned for
    place = {id(g): k for k, g in enumerate(found)}  # of several, the first found wins
    for f in found:
        if f.pattern != Pattern.EMBEDDED:
            out.append(f)
            continue
        around = sorted((g for g in reports.overlapping(*f.quote) if g is not f), key=lambda g: place[id(g)])
        outer = next((g for g in around if g.quote[0] <= f.quote[0] and f.quote[1] <= g.quote[1]), None)
        if outer is None and not nested:
            # the report's content may stop before the fragment's closing marks ('… "a deal."')
            outer = next((g for g in around if g.quote[0] <= f.quote[0] < g.quote[1] < f.quote[1]
                          and not any(ch.isalnum() for ch in text[g.quote[1]:f.quote[1]])), None)
        if outer is not None and not nested:
            continue
        cut = None if nested else _report_cut_before(text, f, reports.overlapping(f.quote[0] - 3, f.quote[1]))
        if cut is not None:
            # 'X said Y "has done A but B."': the report's content stopped inside the quote (or
            # right before it) that goes on with its words; it runs to the quote's end
            reports.move(cut, (cut.quote[0], f.quote[1]))
            cut.kind = "mixed" if cut.kind == "indirect" else cut.kind
            continue
        inner = None if nested else _report_of_the_words(text, f, reports.overlapping(*f.quote))
        if inner is not None:
            # 'X warned “let's wait.”': the report's content is the quote's words without its marks
            reports.move(inner, f.quote)
            inner.kind = "direct"
            continue
        if outer is not None:
            f.speaker = f.speaker or outer.speaker
            f.cue = f.cue or outer.cue
            if f.mediator is None:
                f.set_mediators(outer.mediators)
            out.append(f)
            continue
        frame = clause_frame(doc, f, lex) if f.speaker is None and doc is not None and lex is not None else None
        if frame is not None:
            f.cue, f.speaker = frame[0], span_chars(frame[1])
            out.append(f)
        elif f.cue is not None:
            out.append(f)
        elif broad:
            f.pattern = Pattern.FRAGMENT
            out.append(f)
    return out


def _report_cut_before(text: str, f: Found, around) -> Found | None:
    """The report whose content ends inside the quoted fragment ``f``, with words of the quote
    after it, or right before the fragment with only a space between."""
    for g in around:
        if g is f or g.kind not in ("indirect", "mixed") or g.pattern == Pattern.EMBEDDED:
            continue
        if g.quote[0] < f.quote[0] < g.quote[1] < f.quote[1] or (
                g.quote[0] < f.quote[0] and g.quote[1] <= f.quote[0] and not text[g.quote[1] : f.quote[0]].strip()):
            return g
    return None


def _report_of_the_words(text: str, f: Found, around) -> Found | None:
    """The report whose content is the words of the quoted fragment ``f`` without its marks."""
    return next((g for g in around if g is not f and g.kind == "indirect" and g.pattern != Pattern.EMBEDDED
                 and f.quote[0] <= g.quote[0] and g.quote[1] <= f.quote[1]
                 and not any(ch.isalnum() for ch in text[f.quote[0] : g.quote[0]] + text[g.quote[1] : f.quote[1]])),
                None)


def quoted_objects_speak(doc: Doc, found: list[Found], lex: CueLexicon) -> None:
    """"Die Zeitung zitiert den Minister mit den Worten: „…“", "The Post quoted the minister as
    saying …": with a quoting verb the object said it and the subject relays it (speaker and
    mediator)."""
    if not lex.quoting_verbs or not doc.has_annotation("DEP"):
        return
    for f in found:
        if f.cue is None:
            continue
        relayed = f.mediator is not None  # ("Laut X zitiert Y …"): only a passive's agent is added
        cue = char_span_kept(doc, f.cue[0], f.cue[1], "expand")  # (the later stages look the same cue up)
        verb = next((t for t in cue if cue_lemma(t, lex) == f.cue[2]), None) if cue is not None else None
        if verb is not None and f.cue[2] not in lex.quoting_verbs:
            verb = _quoting_verb_above(verb, lex)
        if verb is None:
            continue
        if not relayed:
            _content_after_as_saying(f, verb, lex)
        # (the cue's lemma from the lexicon's table: the lemmatizer may leave "zitierte" as it is)
        quoting = f.cue[2] in lex.quoting_verbs or verb.lemma_.lower() in lex.quoting_verbs
        if (quoting and _relayed_by_agent(doc, f, verb, lex)) or relayed:
            continue
        if quoting and lex.verb_second and _second_subject_quoted(doc, f, verb, lex):
            continue
        if f.speaker is None and f.cue[2] not in lex.quoting_verbs:
            # "quoted X as saying" with no speaker found for "saying": the quoting verb's subject relays
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
            f.speaker = span_chars(noun_phrase(doc, subject.left_edge.i, subject.i + 1, lex)) if subject is not None else None
        # the speaker is the quoting verb's subject, or the phrase before it that the parser gave
        # another label ("Der Elbbote[obl:arg] zitiert einen Sprecher …")
        if f.speaker is None or not any((c.dep_ in SUBJECT_DEPS or c.i < verb.i and not _accusative(c))
                                        and f.speaker[0] <= c.idx < f.speaker[1] for c in verb.children):
            continue
        # the object; or a second "subject" in the accusative, which the parser may take the
        # object after the verb for ("zitiert den Gewerkschaftschef X mit den Worten")
        obj = next((c for c in verb.children if (c.dep_ in ("obj", "dobj", "oa") or (
                        c.dep_ in SUBJECT_DEPS and not f.speaker[0] <= c.idx < f.speaker[1] and _accusative(c)))
                    and c.pos_ in ("NOUN", "PROPN", "PRON")
                    and c.lower_ not in lex.pointers and not f.overlaps(c.idx, c.idx + 1)), None)
        span = noun_phrase(doc, obj.left_edge.i, obj.i + 1, lex) if obj is not None else None
        if obj is not None and obj.pos_ == "PRON":
            span = doc[obj.i : obj.i + 1]
        if span is not None:
            f.relayed_by(span_chars(with_apposition(span, len(doc), lex)))


def _second_subject_quoted(doc: Doc, f: Found, verb: Token, lex: CueLexicon) -> bool:
    """"Die Agentur X zitierte Havel mit den Worten, …": of two subjects the parser gave a
    quoting verb, one before it and one after, the later is its object (a name shows no
    accusative; in a verb-second clause the subject comes first): it speaks, the first relays;
    so does a noun phrase with no preposition after the verb that the parser made an oblique
    argument ("zitierte Trainer[obl:arg] X"). Whether it was so."""
    nominal = [c for c in verb.children if c.pos_ in ("NOUN", "PROPN")]
    before = [c for c in nominal if c.i < verb.i and c.dep_ in SUBJECT_DEPS]
    after = [c for c in nominal if c.i > verb.i and (c.dep_ in SUBJECT_DEPS or (
        c.dep_ == "obl:arg" and doc[c.left_edge.i].pos_ != "ADP"))]
    if len(before) != 1 or len(after) != 1:
        return False
    first, second = before[0], after[0]
    quoted = with_apposition(noun_phrase(doc, second.left_edge.i, second.i + 1, lex), len(doc), lex)
    relay = noun_phrase(doc, first.left_edge.i, min(first.right_edge.i + 1, verb.i), lex)
    if f.overlaps(quoted.start_char, quoted.end_char) or f.overlaps(relay.start_char, relay.end_char):
        return False
    f.speaker = span_chars(quoted)
    f.set_mediators((span_chars(relay), *f.relays, f.mediator))
    return True


def _relayed_by_agent(doc: Doc, f: Found, verb: Token, lex: CueLexicon) -> bool:
    """"Der Minister wurde von der Agentur X mit den Worten zitiert, …", "He was quoted by the
    Herald as saying …": the agent of a passive quoting verb is the innermost relay (the
    subject, the one quoted, stays the speaker). Whether it was."""
    sent = verb.sent
    agent = agent_of(doc, verb, sent.start, sent.end, lex)
    if agent is None or f.overlaps(agent.start_char, agent.end_char):
        return False
    if f.speaker is not None and f.speaker[0] < agent.end_char and agent.start_char < f.speaker[1]:
        # the parser hung the agent on the one quoted ("wurde Berger von der Agentur X zitiert")
        preposition = doc[agent.start - 1]
        if not (f.speaker[0] < preposition.idx and agent.end_char <= f.speaker[1]):
            return False
        f.speaker = (f.speaker[0], len(doc_text(doc)[: preposition.idx].rstrip()))
    f.set_mediators((span_chars(agent), *f.relays, f.mediator))
    return True


def _content_after_as_saying(f: Found, verb: Token, lex: CueLexicon) -> None:
    """"The Herald quoted X as saying the port would close": the content is the clause of
    "saying", not the object and "as saying" with it (the object is the speaker)."""
    if f.cue[2] not in lex.quoting_verbs:
        return
    said = next((g for c in verb.children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pcomp" and cue_lemma(g, lex) is not None), None)
    clause = next((c for c in said.children if c.dep_ == "ccomp"), None) if said is not None else None
    if clause is None:
        return
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    if f.quote[0] < said.idx < f.quote[1] and start < f.quote[1]:
        f.quote = (start, min(end, f.quote[1]) if end > start else f.quote[1])


def relative_relays_named(doc: Doc, found: list[Found], lex: CueLexicon) -> None:
    """A relay that is a relative pronoun, subject of the quoting clause, is the noun phrase the
    clause is on, and a citing verb that phrase is the object of adds its subject outside it:
    "Die Zeitung X berief sich auf die Agentur Y, die eine Sprecherin zitierte: „…“" (the
    spokeswoman speaks, Y relays her, X relays Y)."""
    for f in found:
        if f.mediator is None:
            continue
        chain = list(f.mediators)
        for k, relay in enumerate(chain):
            span = doc.char_span(*relay)
            antecedent = _antecedent_of_relative(span[0], lex) if span is not None and len(span) == 1 else None
            if antecedent is not None:
                chain[k] = span_chars(antecedent)
                citer = _citer_of(doc, antecedent.root, lex)
                if k == len(chain) - 1 and citer is not None and citer not in chain:
                    chain.append(citer)
                f.set_mediators(chain)
                break


def _antecedent_of_relative(pronoun: Token, lex: CueLexicon) -> Span | None:
    """The noun phrase a relative clause is on, for the relative pronoun that is its subject
    ("die Agentur Nordpress, [die] eine Sprecherin zitierte"; "Reuters, [which] quoted …")."""
    verb = pronoun.head
    if (pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ not in ("relcl", "acl:relcl") or verb.head.pos_ not in ("NOUN", "PROPN")
            or pronoun.tag_ not in ("PRELS", "WDT", "WP") and pronoun.lower_ not in lex.relative_pronouns):
        return None
    return _with_names(pronoun.doc, verb.head, verb.left_edge.i)


def _citer_of(doc: Doc, noun: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """The subject of a citing verb whose object (or its preposition's) is ``noun``: "Die Zeitung
    berief sich auf die Agentur …", "The Post cited Reuters, which …"."""
    verb = noun.head if noun.dep_ not in ("pobj",) else noun.head.head
    if verb.pos_ != "VERB" or lex.citing_relative_verbs.isdisjoint(lemmas_of(verb, lex)):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
    return span_chars(_with_names(doc, subject, verb.i)) if subject is not None else None


def _with_names(doc: Doc, noun: Token, limit: int) -> Span:
    """A noun's phrase from its first word up to the names that follow it ("Die Zeitung
    Elbbote", "die Agentur Nordpress"), not past token ``limit``."""
    first = noun.left_edge.i + (noun.left_edge.pos_ == "ADP")  # "auf [die Agentur]"
    end = max([noun.i + 1] + [c.right_edge.i + 1 for c in noun.rights
                              if c.dep_ in ("appos", "flat", "flat:name", "compound") and c.right_edge.i < limit])
    return doc[first:end]


def _quoting_verb_above(verb: Token, lex: CueLexicon) -> Token | None:
    """The quoting verb a speech verb hangs on through a preposition ("quoted X as [saying]"),
    or None."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.pos_ == "ADP" and prep.head.lemma_.lower() in lex.quoting_verbs:
        return prep.head
    return None


def _accusative(token) -> bool:
    return "Acc" in token.morph.get("Case")


def _speakers_through_quoted_names(doc: Doc, found: list[Found], lex: CueLexicon) -> None:
    """A speaker followed by a preposition of names and a quoted name ("Anna Roth von der
    „Aktion Kinder helfen“", "Tom Berger vom „Verein Nord“") runs on through the name: it says
    where the speaker belongs, so the name is part of the speaker, not a quote of its own."""
    lowers = forms(doc)
    for f in found:
        if f.speaker is None:
            continue
        bounds = char_span_bounds(doc, *f.speaker, "expand")
        k = bounds[1] if bounds is not None else len(doc)
        # the preposition first (quoted_name_after asks it too): its sentence only then
        name = (quoted_name_after(doc, k, lex.name_prepositions, doc[k].sent.end)
                if k < len(doc) and lowers[k] in lex.name_prepositions else None)
        if name is not None and not any("\n" in t.text_with_ws for t in doc[k : name.end - 1]):
            f.speaker = (f.speaker[0], name.end_char)


def inherit_speakers(doc: Doc, found: list[Found], lex: CueLexicon) -> None:
    """A direct quote with no frame continues the last speaker of the same or previous
    paragraph (not an impersonal "man"/"es", which names no one; where the lexicon does not
    inherit, only right after that speaker's frame: :func:`_frame_between`); in a verb-second language a
    quote inside a sentence whose own subject names someone is that subject's
    (:func:`own_sentence_subject`)."""
    text = doc_text(doc)
    last: Found | None = None
    for f in found:
        if f.pattern == Pattern.NESTED:
            continue
        if f.speaker is None and f.pattern == Pattern.DIRECT and f.cue is None and lex.verb_second:
            f.speaker = span_chars(own_sentence_subject(doc, f, lex))
        if f.speaker is None and f.pattern == Pattern.DIRECT and f.cue is None and last is not None and (
                lex.inherit_last_speaker or _frame_between(text, last, f)):
            gap = text[last.quote[1] : f.quote[0]]
            if gap.count("\n\n") <= 1 and len(gap) < 600 and not is_impersonal(doc, last.speaker, lex):
                f.speaker = last.speaker
                f.inherited = True
        if f.speaker is None and f.extra.get("continues") is not None:
            f.speaker = f.extra["continues"].speaker  # a sentence in reported mood right after it
        if f.speaker is None and last is not None and _points_back(doc, f, lex):
            gap = text[last.quote[1] : f.quote[0]]
            if gap.count("\n\n") <= 1 and not is_impersonal(doc, last.speaker, lex):
                f.speaker, f.inherited = last.speaker, True
        if f.speaker is not None:
            last = f


def _points_back(doc: Doc, f: Found, lex: CueLexicon) -> bool:
    """Whether a cue is followed by an expletive and a word pointing back to the last report
    (``CueLexicon.expletive_pointers``: "…, hieß es darin", "heißt es weiter"): the source of
    the report before speaks on."""
    if f.cue is None or not lex.expletive_pointers:
        return False
    bounds = char_span_bounds(doc, f.cue[0], f.cue[1], "expand")
    if bounds is None or bounds[1] + 1 >= len(doc):
        return False
    lowers = forms(doc, LOWER)
    return lowers[bounds[1]] in lex.expletives and lowers[bounds[1] + 1] in lex.expletive_pointers


def _frame_between(text: str, last: Found, f: Found) -> bool:
    """Whether only the frame of the quote before stands between it and ``f``, in one paragraph:
    "“A,” she said. “B.”" goes on with her words even where the two were not joined."""
    lo, hi = last.quote[1], f.quote[0]
    return (last.cue is not None and lo <= last.cue[0] < hi and hi - lo < 200
            and "\n" not in text[lo:hi])


def own_sentence_subject(doc: Doc, f: Found, lex: CueLexicon) -> Span | None:
    """The subject of the sentence a frameless quote stands in, outside the quote, when it names
    someone ("Der Experte der Organisation, Jan Kraus, wandte sich gegen die Behauptung, …: „…“"):
    a name, a personal or relative pronoun, or a title or organisation noun at its head; not a
    phrase about something ("Die Studie kam zu dem Schluss: „…“"). None when there is none."""
    quote = _parsed_quote(doc, f)
    if quote is None:
        return None
    sent = quote[0].sent
    verb = next((t.head for t in sent if t.dep_ in SUBJECT_DEPS - {"expl"} and not quote.start <= t.i < quote.end
                 and not quote.start <= t.head.i < quote.end and t.head.pos_ in ("VERB", "AUX")), None)
    subject = usable_speaker(subject_of(verb, sent.start, sent.end, lex), lex) if verb is not None else None
    if subject is None or subject.start < quote.end and quote.start < subject.end:
        return None
    head = subject.root
    speaking = lex.titles | lex.organisation_nouns
    if (head.pos_ == "PROPN" or any(t.ent_type_ in ("PER", "PERSON", "ORG") for t in subject)
            or head.lower_ in lex.pronouns or head.lower_ in lex.relative_pronouns or head.text in speaking):
        return subject
    return None


def share_outer_frames(found: list[Found]) -> None:
    """A direct quote inside reported speech whose frame stands outside that report ("X sagte
    der Zeitung, sie hoffe, dass „…“") was said by the report's speaker: it takes the report's
    speaker, cue and mediator. A frame inside the report ("X schreibt, Y habe gesagt: „…“")
    keeps its own."""
    for f in found:
        if f.parent is None or f.kind != "direct":
            continue
        outer = found[f.parent]
        if outer.kind == "direct" or outer.speaker is None or f.speaker == outer.speaker:
            continue
        own = [r for r in (f.speaker, f.cue) if r is not None]
        if own and all(outer.quote[0] <= r[0] < outer.quote[1] for r in own):
            continue
        f.speaker, f.cue = outer.speaker, outer.cue or f.cue
        f.set_mediators(outer.mediators)
        f.inherited = outer.inherited


def link_parents(found: list[Found]) -> None:
    """Each attribution's ``parent``: the nearest one before it whose quote holds its own.

    >>> found = [Found((0, 50), "indirect"), Found((10, 20), "direct"), Found((60, 70), "direct")]
    >>> link_parents(found); [f.parent for f in found]
    [None, 0, None]
    """
    # a quote that no quote starting before it reaches past is held by none: most are found so
    # at once, and only the others look back
    reach, furthest = {}, -1
    for i in sorted(range(len(found)), key=lambda i: (found[i].quote[0], -found[i].quote[1])):
        reach[i] = furthest  # the furthest end of the quotes sorted before it
        furthest = max(furthest, found[i].quote[1])
    for i, f in enumerate(found):
        if reach[i] < f.quote[1]:
            continue
        for j in range(i - 1, -1, -1):
            g = found[j]
            if g.quote[0] <= f.quote[0] and f.quote[1] <= g.quote[1] and g is not f and g.quote != f.quote:
                f.parent = j
                break


def relays_speak_alone(found: list[Found]) -> None:
    """"Laut Polizei habe der Täter verlangt, …" with no speaker found for the words: the
    relay nearest them (the innermost) is the one named as saying them, the speaker; the
    relays outside it stay its chain."""
    for f in found:
        if f.speaker is None and f.mediator is not None:
            chain = f.mediators
            f.speaker = chain[0]
            f.set_mediators(chain[1:])


def _asks(text: str, f: Found) -> bool:
    """Whether a report outside quotation marks is a question, its words ending at a question
    mark ("Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?"): it asks for a view,
    it reports none."""
    if f.kind not in _UNQUOTED_KINDS:
        return False
    start, end = f.quote
    return text[start:end].rstrip().endswith("?") or text[end : end + 3].lstrip("“”\"«»‘’' ").startswith("?")


#: the kinds of a report in the writer's words, outside quotation marks
_UNQUOTED_KINDS = frozenset({"indirect", "free_indirect", "reported"})


def settle(doc: Doc, found: list[Found], lex: CueLexicon, *, broad: bool = False) -> list[Found]:
    """The passes over everything the patterns found, in order: fragments settled (speech or
    title), quoted names inside a speaker or source dropped, continued quotes joined, speakers
    of frameless quotes inherited, quoting verbs' objects and cited sources made speakers, a
    relay with no speaker made the speaker (``CueLexicon.relays_speak_alone``), nesting linked."""
    text = doc_text(doc)
    found = [f for f in settle_fragments(found, nested=lex.nested_fragments, text=text, broad=broad, doc=doc, lex=lex)
             if (f.pattern not in (Pattern.EMBEDDED, Pattern.FRAGMENT) or not is_quoted_title(doc, text, f, lex))
             and (f.pattern != Pattern.NESTED or lex.nested_fragments or (f.cue is not None and f.speaker is not None))]
    # a quoted name inside a speaker or source ("laut der Agentur „Nordpress“") is no quote
    _speakers_through_quoted_names(doc, found, lex)
    roles = CharSpans(r for f in found for r in (f.speaker, f.mediator) if r is not None)
    found = [f for f in found if f.kind != "direct" or not roles.holds(*f.quote)]
    if not lex.question_reports:
        found = [f for f in found if not _asks(text, f)]
    found.sort(key=lambda f: (f.quote[0], -f.quote[1]))
    if lex.join_continued_quotes:
        found = join_continued_quotes(text, found)
    if lex.fragment_joiners:
        found = join_coordinated_fragments(text, found, lex)
    inherit_speakers(doc, found, lex)
    quoted_objects_speak(doc, found, lex)
    relative_relays_named(doc, found, lex)
    found = cited_sources(doc, found, lex)
    if lex.relays_speak_alone:
        relays_speak_alone(found)
    link_parents(found)
    share_outer_frames(found)
    return found
