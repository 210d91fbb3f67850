"""Content clauses: the bounds of reported content, its mood, and the indirect report built from a cue and a clause."""

from __future__ import annotations

from spacy.attrs import IS_PUNCT, ORTH
from spacy.tokens import Doc, Span, Token

from ..konjunktiv import FINITE_TAGS, konjunktiv_mood
from ..marks import DOUBLE_PAIRS
from ..doc_offsets import span_of, span_text
from ..doc_tables import flags, forms, tokens_with
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma
from ..phrases import np_after, strip_punct, through_closing_mark, with_apposition
from ..subjects import subject_of
from ..quotemarks import has_words
from .found import Found, cue_chars, span_chars
from .source_phrases import source_phrases_in, speakers_own_words


_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—"})
_COMMA = frozenset({","})




def clause_around(doc: Doc, sent: Span, start: int, end: int, lex: CueLexicon, marks: frozenset[str] = _CLAUSE_MARKS) -> tuple[int, int]:
    """Token bounds of the clause holding tokens [start, end): from the clause mark before
    it (by default comma, semicolon, colon, dash; outside quotation marks) to the next one."""
    depth = 0
    lo = sent.start
    for t in doc[sent.start:start]:
        depth += t.text in ("„", "»") and 1 or 0
        depth -= t.text in ("“", "«") and 1 or 0
        if t.text in marks and depth <= 0:
            lo = t.i + 1
    hi = sent.end
    depth = 0
    for t in doc[end:sent.end]:
        depth += t.text in ("„", "»") and 1 or 0
        depth -= t.text in ("“", "«") and 1 or 0
        if t.text in marks and depth <= 0 and t.i + 1 < sent.end and not doc[t.i + 1].is_punct:
            nxt = doc[t.i + 1]
            # a comma before an apposition or list item continues the clause
            if t.text == "," and nxt.pos_ not in ("VERB", "AUX", "SCONJ", "PRON", "CCONJ") and nxt.lower_ not in lex.coordinators:
                continue
            hi = t.i
            break
    return lo, hi


def _cut_coordinated_frame(doc: Doc, content: Span, lex: CueLexicon) -> Span:
    """Drop a main clause the frame coordinates after the content: "dass … besteht, und gab
    an, …" → "dass … besteht", and "sagte, sie müssten … aufgeben und bemühte …" (a verb in
    the indicative right after "und", no subject of its own, after verb-second content); a
    semicolon always ends the content."""
    verb_second = content[0].lower_ not in lex.clause_openers
    for t in content:
        if t.text == ";":
            return strip_punct(doc[content.start : t.i]) or content
        if (verb_second and t.i > content.start + 2 and t.lower_ in lex.coordinators and t.i + 1 < content.end
                and doc[t.i + 1].tag_ in FINITE_TAGS and doc[t.i + 1].morph.get("Mood") == ["Ind"]):
            return strip_punct(doc[content.start : t.i]) or content
        if t.text == "," and not verb_second and _clause_closed_before(content, t.i) and doc[t.i + 1].tag_ in FINITE_TAGS:
            return strip_punct(doc[content.start : t.i]) or content
        if (t.text == "," and verb_second and t.i > content.start + 2 and t.i + 1 < content.end
                and doc[t.i + 1].tag_ in FINITE_TAGS and doc[t.i + 1].morph.get("Mood") == ["Ind"]):
            # "…, das Gericht sei nicht legitim, | ging der Richter nicht ein": the main clause resumes
            return strip_punct(doc[content.start : t.i]) or content
        if t.text == "," and t.i + 2 < content.end and doc[t.i + 1].lower_ in lex.coordinators:
            nxt = doc[t.i + 2]
            finite = nxt.tag_ in ("VVFIN", "VAFIN", "VMFIN") or (not nxt.tag_ and nxt.pos_ in ("VERB", "AUX"))
            if finite and konjunktiv_mood(nxt) is None:
                return strip_punct(doc[content.start : t.i]) or content
            if verb_second and lex.verb_second and _reporter_after(doc, t.i + 2, content.end, lex):
                # "…, Annabi sei tot, doch ein Sprecher erklärte, …": another report begins
                return strip_punct(doc[content.start : t.i]) or content
    return content


def _reporter_after(doc: Doc, i: int, end: int, lex: CueLexicon) -> bool:
    """Whether a noun phrase (a subject: article, adjectives, nouns, names) from token ``i``
    is followed by a reporting verb in the indicative, before ``end``: a main clause of report."""
    j = i
    while j < end and j - i < 8 and doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        j += 1
    verb = doc[j] if i < j < end else None
    return (verb is not None and verb.tag_ in ("VVFIN", "VAFIN", "VMFIN") and verb.morph.get("Mood") == ["Ind"]
            and cue_lemma(verb, lex) is not None)


def _clause_closed_before(content: Span, comma: int) -> bool:
    """The verb of a content clause opened by "dass/ob/…" stands before the comma: the
    verb-final clause is complete there ("dass sie keine Revolution seien, | meinte er …").
    Only at the clause's first comma: after a relative clause ("dass das, was sie sagten, |
    stimmt") the parser often hangs the opener on the relative clause's verb."""
    opener = content[0]
    return (opener.dep_ == "mark" and content.start < opener.head.i < comma
            and not any(t.text == "," for t in content.doc[content.start + 1 : comma]))


def clause_after(doc: Doc, i: int, sent: Span, lex: CueLexicon) -> Span | None:
    """The content clause from token i to the end of the sentence (final punctuation dropped)."""
    if i >= sent.end:
        return None
    content = strip_punct(span_of(doc, i, sent.end))
    return _cut_coordinated_frame(doc, content, lex) if content is not None else None


_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP", "VBD", "VBZ", "VBP", "MD"})


def _verb_second(content: Span) -> bool:
    """A noun phrase then a finite verb: a main clause ("die USA hielten sich …"), even when its
    article was tagged as a relative pronoun (a relative clause ends with its verb)."""
    j = next((t.i for t in content[1:] if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")), content.end)
    return content.start + 1 < j < content.end and content.doc[j].tag_ in _FINITE_TAGS


def _is_clause(content: Span, lex: CueLexicon) -> bool:
    """Reported content is a clause: it has a finite verb or an infinitive with "zu" (when the
    pipeline tags them) and is not a relative clause hanging on the speaker ("…, der …")."""
    first = content[0]
    after_comma = content.start > 0 and content.doc[content.start - 1].text == ","
    if after_comma and first.tag_ in ("PRELS", "PRELAT", "WDT") and not _verb_second(content):
        return False
    if not any(t.tag_ for t in content) or first.lower_ in lex.clause_openers:
        return True  # a dass/ob clause is one even when the tagger missed its verb ("… darstellen" VVINF)
    return any(t.tag_ in _FINITE_TAGS or t.tag_ in ("VVIZU", "PTKZU", "TO") or t.morph.get("VerbForm") == ["Fin"]
               or _infix_zu(t) for t in content) or (lex.verb_second and after_comma and (
                   _verb_after_first_phrase(content) or _verb_before_subject(content)))


def _verb_after_first_phrase(clause: Span) -> bool:
    """Whether the word after a clause's opening noun phrase is its finite verb the tagger read
    as an adjective ("…, die Branche brauche[ADJA] Planungssicherheit", "…, der Stadtrat
    tage[ADJD] am Montag"): in a verb-second clause the verb follows the first phrase, and an
    attributive adjective never follows its own noun. A lower-case word ending in -e, as the
    Konjunktiv I does."""
    if clause[0].pos_ != "DET":
        return False
    k = 1
    while k < len(clause) and k < 5 and clause[k].pos_ == "ADJ":
        k += 1
    if k + 2 > len(clause) or clause[k].pos_ not in ("NOUN", "PROPN"):
        return False
    word = clause[k + 1]
    return word.tag_ in ("ADJA", "ADJD") and word.text.islower() and word.text.endswith("e")


def _verb_before_subject(clause: Span) -> bool:
    """Whether a clause after a fronted one opens with its finite verb the tagger missed ("Wie
    die Zeitung berichtet, plant[SCONJ] das Ministerium …"): a lower-case word no article,
    pronoun, adverb, preposition or conjunction, right before an article or a name opening the
    subject, where verb-second puts the verb."""
    if len(clause) < 3:
        return False
    first, second = clause[0], clause[1]
    return (first.is_alpha and first.text.islower() and first.pos_ not in _NOT_A_FRONTED_VERB
            and second.pos_ in ("DET", "PROPN") and second.text[:1].isupper() is (second.pos_ == "PROPN"))


#: parts of speech of a word opening a clause that is no finite verb the tagger missed
_NOT_A_FRONTED_VERB = frozenset({"DET", "PRON", "ADV", "ADP", "CCONJ", "PART", "NUM", "PUNCT", "VERB", "AUX"})


def zu_infinitive(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause from token ``start`` to the next comma (before ``end``) is an
    infinitive with "zu"."""
    for t in doc[start:end]:
        if t.text == ",":
            return False
        if t.tag_ in ("PTKZU", "VVIZU") or _infix_zu(t):
            return True
    return False


def _infix_zu(token: Token) -> bool:
    """A particle verb's infinitive with "zu" inside ("voranzutreiben", "einzumischen") that the
    tagger took for a bare infinitive: a particle of two letters or more, "zu", a stem."""
    k = token.lower_.find("zu", 2)
    return token.tag_ == "VVINF" and k > 0 and len(token.lower_) - k - 2 >= 4


def indirect_report(content: Span | None, verb: Token, lemma: str, speaker: Span | None, pattern: str,
            doc: Doc, sent: Span, lex: CueLexicon, *, need_clause: bool = True, min_words: int = 2) -> Found | None:
    if content is None or not has_words(span_text(content), min_words) or (need_clause and not _is_clause(content, lex)):
        return None
    speaker, content = _apposition_out_of_content(speaker, content, lex)
    kind = "indirect"
    aside = relay_aside(doc, sent, content.start, lex)
    if aside is not None:
        # "Der Minister sagte, wie die Agentur berichtet, die Grenze bleibe offen": the aside
        # names who relays the report; the content comes after it
        content = strip_punct(doc[aside[1] + 1 : content.end])
        if content is None or not has_words(span_text(content), min_words):
            return None
    else:  # "The senator told reporters, as the Times reported, that …": the aside ends right before it
        aside = next((a for a in (relay_aside(doc, sent, i, lex) for i in tokens_with(doc, lex.as_particles, verb.i + 1, content.start))
                      if a is not None and a[1] == content.start - 1), None)
    content = with_opening_mark(through_closing_mark(content))
    # a relay closing the sentence leaves the content: "X sagte, die Grenze bleibe zu, wie die
    # Zeitung berichtete." / "…, berichtete die Agentur Y."
    closing = None
    for closer in (closing_relay_aside, closing_publisher):
        found_closer = closer(doc, sent, max(verb.i, content.start) + 1, lex)
        if found_closer is None:
            continue
        closing = found_closer
        if content.start < closing[1] < content.end:
            content = strip_punct(doc[content.start : closing[1]])
            if content is None or not has_words(span_text(content), min_words):
                return None
    # (not before a verb of publishing: "A, according to Z, Reuters reported" is Z's claim that
    # Reuters relays, reports.py's _sourced_claim)
    published = lemma in lex.citing_report_verbs and content.end <= verb.i
    trailing = None if published else _trailing_source(content, lex)
    if trailing is not None and has_words(span_text(doc[content.start : trailing.phrase.start - 1]), min_words):
        content = doc[content.start : trailing.phrase.start - 1]  # "X said Y, according to Z": Z relays the report
    found = Found((content.start_char, content.end_char), kind, cue=cue_chars(verb, lemma),
                  speaker=span_chars(speaker), pattern=pattern)
    # a source phrase elsewhere in the sentence relays the report: "sagte X laut Agentur Y"
    for sp in source_phrases_in(doc, sent.start, sent.end, lex):
        if sp.source is None or (content.start <= sp.phrase.start and sp.phrase.end <= content.end):
            continue
        if speaker is not None and (sp.source.start <= speaker.start < sp.source.end or speakers_own_words(sp, lex)):
            continue
        found.mediator = span_chars(sp.source)
        break
    if aside is not None:
        found.add_relay(span_chars(aside[0]))
    if closing is not None and found.speaker is not None and found.speaker[1] <= closing[0].start_char:
        found.add_relay(span_chars(closing[0]))  # "…, sagte X, wie die Zeitung berichtete."
    return found


def with_opening_mark(span: Span) -> Span:
    """The span with the quotation mark right before it when the span closes that quote:
    "sagte, „No-Go-Areas“ dürfe es nicht geben" keeps its opening mark (a closing mark of a
    quote the span does not open is the first mark in it).

    >>> import spacy
    >>> doc = spacy.blank("de")("Er sagte, „Sperrzonen“ dürfe es nicht geben.")
    >>> with_opening_mark(doc[4:10]).text
    '„Sperrzonen“ dürfe es nicht geben'
    """
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in DOUBLE_PAIRS:
        return span
    closing = DOUBLE_PAIRS[doc[span.start - 1].text]
    first = next((t for t in span if len(t) == 1 and (t.text in closing or t.text in DOUBLE_PAIRS)), None)
    if first is None or first.text not in closing:
        return span
    return doc[span.start - 1 : span.end]


def _apposition_out_of_content(speaker: Span | None, content: Span, lex: CueLexicon) -> tuple[Span | None, Span]:
    """The speaker with its apposition, and the content after it, when the content opened with
    the apposition ("meldete der Sender, Radio Nord, dass …": "Radio Nord" names the speaker)."""
    if speaker is None or content.start != speaker.end + 1 or content.doc[speaker.end].text != ",":
        return speaker, content
    doc = content.doc
    longer = with_apposition(speaker, content.end, lex)
    if longer.end <= speaker.end or longer.end >= content.end or doc[longer.end].text != ",":
        return speaker, content
    rest = strip_punct(doc[longer.end + 1 : content.end])
    if rest is None or not has_words(rest.text, 2) or not _is_clause(rest, lex):
        return speaker, content
    return longer, rest


def comma_after(sent: Span, i: int) -> int | None:
    """The first comma after token ``i`` in the sentence, unless a quotation mark, colon or
    semicolon comes first."""
    if i + 1 < sent.start:  # a slice from the end, as the Span reads it
        return _comma_after_tokens(sent, i)
    texts = forms(sent.doc, ORTH)  # the Doc's texts: no Token made per word
    for k in range(i + 1, sent.end):
        if texts[k] == ",":
            return k
        if texts[k] in _COMMA_STOPS:
            return None
    return None


_COMMA_STOPS = ("„", "“", '"', "»", ":", ";")


def _comma_after_tokens(sent: Span, i: int) -> int | None:
    """:func:`comma_after` read token by token."""
    for t in sent[i - sent.start + 1 :]:
        if t.text == ",":
            return t.i
        if t.text in _COMMA_STOPS:
            return None
    return None


def relay_aside(doc: Doc, sent: Span, i: int, lex: CueLexicon) -> tuple[Span, int] | None:
    """The relay named by an aside "wie X berichtet," / "as X reported," that opens at token
    ``i`` and is closed by a comma before more of the sentence: its reporting verb's subject X,
    and the comma's index. The aside holds nothing but the particle, X, adverbials and the
    verb with its auxiliaries last ("wie die Agentur am Montag berichtet hatte,"), so "wie die
    Lage ist," (no reporting verb) or a clause going on after its verb is none."""
    if i >= sent.end or doc[i].lower_ not in lex.as_particles:
        return None
    comma = comma_after(sent, i)
    if comma is None or comma + 1 >= sent.end:
        return None
    relay = _aside_relay(doc, i, comma, lex)
    return (relay, comma) if relay is not None else None


def closing_relay_aside(doc: Doc, sent: Span, start: int, lex: CueLexicon) -> tuple[Span, int] | None:
    """The relay named by an aside "wie X berichtete." / "as X reported." that closes the
    sentence after a comma at or after token ``start``: X, and the comma's index ("Die Grenze
    bleibe zu, sagte der Minister, wie die Zeitung berichtete."). As :func:`relay_aside`, the
    aside holds nothing but the particle, X, adverbials and the verb with its auxiliaries."""
    end = _before_final_punct(doc, sent, start)
    texts = forms(doc, ORTH)
    for i in tokens_with(doc, lex.as_particles, max(start, sent.start + 1), end):
        if texts[i - 1] == ",":
            relay = _aside_relay(doc, i, end, lex)
            if relay is not None:
                return relay, i - 1
    return None


def _before_final_punct(doc: Doc, sent: Span, start: int) -> int:
    """The end of the sentence without the punctuation closing it, not before token ``start``
    (read from the Doc's punctuation flags)."""
    punct = flags(doc, IS_PUNCT)
    end = sent.end
    while end > start and punct[end - 1]:
        end -= 1
    return end


def closing_publisher(doc: Doc, sent: Span, start: int, lex: CueLexicon) -> tuple[Span, int] | None:
    """The outlet of a verb of publishing (``CueLexicon.citing_report_verbs``) that opens the
    last part of the sentence after a comma at or after token ``start``, its subject after it
    ("Der Minister sagte, die Grenze bleibe zu, berichtete die Agentur Nordpress."): the outlet,
    and the comma's index. Only a subject and adverbials follow the verb."""
    if not lex.citing_report_verbs:
        return None
    end = _before_final_punct(doc, sent, start)
    first = max(start, sent.start + 1)
    if first >= end - 2:
        return None
    for c in tokens_with(doc, _COMMA, first, end - 2, attr=ORTH):  # the commas only: no Token made per word
        if lex.subject_first_frames:  # English: "…, the state broadcaster reported."
            outlet = np_after(doc, c + 1, end, lex, subject=True)
            if outlet is None or outlet.start != c + 1 or outlet.end >= end:
                continue
            verb = doc[outlet.end]
            if verb.pos_ != "VERB" or cue_lemma(verb, lex) not in lex.citing_report_verbs:
                continue
            if any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.is_punct for t in doc[verb.i + 1 : end]):
                return None
            return with_apposition(outlet, verb.i, lex), c
        verb = doc[c + 1]
        if verb.pos_ != "VERB" or cue_lemma(verb, lex) not in lex.citing_report_verbs:
            continue
        outlet = np_after(doc, c + 2, end, lex, subject=True)
        if outlet is None or outlet.start != c + 2:
            return None
        if any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.is_punct for t in doc[outlet.end : end]):
            return None
        return with_apposition(outlet, end, lex), c
    return None


def _adverbial_of(token: Token, verb: Token, lex: CueLexicon) -> bool:
    """Whether ``token`` belongs to an adverbial of ``verb`` after it ("as X reported [on
    Monday]"): only where the parser is reliable and the verb comes before its adverbials."""
    if not lex.parse_rules or token.pos_ in ("VERB", "AUX") or token.is_punct:
        return False
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    return token.head.i == verb.i and token.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl")


def _aside_relay(doc: Doc, i: int, end: int, lex: CueLexicon) -> Span | None:
    """The subject of the reporting verb of the aside from the particle at ``i`` to ``end``
    (exclusive), the verb last but for its auxiliaries; None when the aside is no relay."""
    verb = next((t for t in doc[i + 1 : end] if t.pos_ == "VERB" and cue_lemma(t, lex) is not None), None)
    if verb is None or any(t.pos_ not in ("AUX", "PART") and not _adverbial_of(t, verb, lex) for t in doc[verb.i + 1 : end]):
        return None
    relay = subject_of(verb, i + 1, verb.i, lex) or np_after(doc, i + 1, verb.i, lex, subject=True)
    return with_apposition(relay, verb.i, lex) if relay is not None else None




def _trailing_source(content: Span, lex: CueLexicon):
    """A source phrase set off by a comma at the very end of a report's content ("…, according
    to Reuters"): it relays the report, it is not part of what was said."""
    doc = content.doc
    # the comma before such a phrase lies inside the content, after its first word: without
    # one, no source phrase needs to be read (a phrase ends at the content's end at most and
    # holds the word it starts from, so its comma comes before the content's last token)
    if not tokens_with(doc, _COMMA, content.start + 1, content.end - 1, attr=ORTH):
        return None
    for sp in source_phrases_in(doc, content.start, content.end, lex):
        rest = doc[sp.phrase.end : content.end]
        if (sp.source is not None and sp.phrase.start > content.start + 1 and doc[sp.phrase.start - 1].text == ","
                and all(t.is_punct for t in rest)):
            return sp
    return None


def reported_mood(token: Token, lex: CueLexicon) -> bool:
    """Konjunktiv I, or a Konjunktiv II that reported speech uses where Konjunktiv I would
    look indicative ("sie hätten", "sie würden", and a full verb's plural with umlaut: "sie
    befänden", "sie stünden", where "sie befinden" is indicative) — not the II of
    conditionals ("müsste") or of a modal's wish ("sie möchten")."""
    mood = konjunktiv_mood(token)
    if mood != "II":
        return mood == "I"
    low = token.lower_
    return low in lex.reported_subjunctive_ii or (low.endswith("en") and token.tag_ == "VVFIN")


def with_final_punct(doc: Doc, span: Span) -> int:
    """End of ``span`` extended over the sentence-final mark right after it ("… verliehen.")."""
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in (".", "!", "?") and nxt.idx == span.end_char:
        return nxt.idx + 1
    return span.end_char


def comma_after_names(sent: Span, i: int) -> int | None:
    """:func:`comma_after`, stepping over a name in quotation marks inside a noun phrase
    ("meldete die Nachrichtenagentur „Xinhua“, die Maschine sei …", "sagte X zum „Algemeen
    Dagblad“, …"): a few words, the first capitalised, after an article, a noun, an adjective
    or a preposition."""
    doc = sent.doc
    k = i + 1
    while k < sent.end:
        text = doc[k].text
        if text == ",":
            return k
        if text in (";", ":"):
            return None
        if text in _QUOTE_OPENINGS:
            close = next((j for j in range(k + 1, min(k + 2 + _MAX_QUOTED_NAME_WORDS, sent.end))
                         if doc[j].text in _QUOTE_CLOSINGS), None)
            if (close is None or close == k + 1 or not doc[k + 1].text[:1].isupper()
                    or doc[k - 1].pos_ not in ("DET", "NOUN", "PROPN", "ADP", "ADJ")):
                return None
            k = close
        elif text in _QUOTE_CLOSINGS:
            return None
        k += 1
    return None


# German marks: „…“, »…«, "…" (the straight one closes itself). Not marks.DOUBLE_PAIRS: there
# "“" also opens (English), where in German text it only closes a quote begun before the verb
_QUOTE_OPENINGS = frozenset({"„", "»", '"'})
_QUOTE_CLOSINGS = frozenset({"“", "«", "”", '"'})
_MAX_QUOTED_NAME_WORDS = 4
