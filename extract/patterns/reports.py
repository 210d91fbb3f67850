"""Indirect speech around a reporting verb: "X sagte, (dass) …", "…, sagte X.", "Wie X berichtet, …", pointed reports."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..doc_offsets import span_text, token_bounds
from ..doc_tables import annotated, forms, head_list, tokens_with
from ..konjunktiv import FINITE_TAGS
from ..lexicon import CueLexicon
from ..cue_verbs import cue_lemma, cue_tokens
from ..phrases import SUBJECT_DEPS, CharSpans, np_after, quoted_name, sentences, strip_punct, with_apposition
from ..subjects import subject_of, unnamed_verbless
from ..quotemarks import has_words, word_count
from .asides import aside_report
from .clauses import clause_after, comma_after, comma_after_names, indirect_report, relay_aside, reported_mood, zu_infinitive
from .complements import english_complement
from .found import Found, FoundIndex, Pattern, cue_chars, outside, span_chars
from .frames import frame_after_pointer, parse_depth
from .source_phrases import source_phrase, source_phrases_in
from .agents import passive_agent
from .speakers import impersonal_source, origin_before, speaker_for, usable_speaker


def find_verb_reports(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """Indirect speech around a reporting verb, sentence by sentence.

    Three shapes: cue first (``X sagte, (dass) …``), cue last (``…, sagte X.``,
    ``…, berichtet das Magazin X.``), and ``Wie X berichtet, …``.
    """
    used_cues = CharSpans((f.cue[0], f.cue[1]) for f in found if f.cue is not None and f.pattern != Pattern.EMBEDDED)
    for sent in sentences(doc):
        if not lex.parse_rules and not found.outside(sent.start_char, sent.end_char) and not _has_gap(found, sent):
            continue  # English goes on token by token: '"…," he said, adding (that) …'
        taken: list[Found] = []
        so_hit = _so_last(doc, sent, lex)
        if so_hit is not None and found.outside(*so_hit.quote):
            yield so_hit
            continue
        cues = _main_cues_first(doc, cue_tokens(doc, sent.start, sent.end, lex), lex)
        asides: list[Found] = []
        for tok in cues:  # a frame set off by commas inside the sentence reports all of it
            hit = None if used_cues.covers(tok.idx) else aside_report(doc, sent, tok, cue_lemma(tok, lex), lex)
            if hit is not None and found.outside(*hit.quote) and outside(asides, *hit.quote):
                yield hit
                asides.append(hit)
        for tok in cues:
            lemma = cue_lemma(tok, lex)
            if used_cues.covers(tok.idx):
                continue
            if not (found.outside(tok.idx, tok.idx + 1) and outside(taken, tok.idx, tok.idx + 1)):
                continue
            if lemma in lex.citing_relative_verbs and _cites_for_source(doc, sent, tok, lex):
                continue  # "According to X, which cited Y, …": the claim's source names its own (patterns/citing.py)
            if not outside(asides, tok.idx, tok.idx + 1):
                continue  # a cue in the words around a frame: part of what was said
            hit = _cue_first(doc, sent, tok, lemma, lex) or _cue_last(doc, sent, tok, lemma, lex)
            if hit is not None and hit.pattern == Pattern.CUE_FIRST and _asked_clause(tok, hit, lex):
                hit.pattern = Pattern.ASKED  # "Asked whether …, X said": what X was asked, no one's words
                asker = passive_agent(doc, tok, tok.i + 1, sent.end, lex)  # "Asked by a reporter whether …"
                if asker is not None and asker.end_char <= hit.quote[0]:
                    hit.speaker = span_chars(asker)
            # a report may hold a frame inside it whole ("He says X (the cost of which, Y says, …)")
            if hit is not None and found.outside(*hit.quote) and (outside(taken, *hit.quote) or _holds_whole(hit, tok, taken, lex)) and not any(
                    a.overlaps(*hit.quote) and not (hit.quote[0] <= a.quote[0] and a.quote[1] <= hit.quote[1])
                    for a in asides):
                relayed = (_relayed_report(doc, sent, hit, lex) if hit.pattern == Pattern.WIE
                           else _published_report(doc, sent, hit, lemma, lex) or _sourced_claim(doc, hit, lemma, lex)
                           if hit.pattern == Pattern.CUE_LAST else None)
                if relayed is not None and relayed.quote == hit.quote:
                    # "A laut Z B, berichtet Y": the claim is all of the report, Z's words relayed by Y
                    relayed.mediator, hit, relayed = hit.speaker, relayed, None
                yield hit
                taken.append(hit)
                if relayed is not None:
                    yield relayed  # nested in the report that relays it
                elif hit.pattern == Pattern.CUE_FIRST and hit.speaker is not None:
                    hit.add_relay(_trailing_publisher(doc, sent, hit, lex))
                if not lex.parse_rules:
                    break  # more than one report per sentence only where the parser is reliable


def _holds_whole(hit: Found, verb: Token, taken: list[Found], lex: CueLexicon) -> bool:
    """Whether a report set off before its content, its cue the verb of the "as" clause ("As the
    Gazette reported, the mayor agreed to resign"), holds whole every report of this sentence
    it overlaps ("agreed to resign"): those stay, nested in it. Not a cue deeper in a clause
    of time ("As rivals seized on images of him repeating himself, …")."""
    lo, hi = hit.quote
    return (hit.pattern == Pattern.WIE and any(c.lower_ in lex.as_particles and c.i < verb.i for c in verb.children)
            and all(lo <= f.quote[0] and f.quote[1] <= hi for f in taken if f.overlaps(lo, hi)))


def _asked_clause(verb: Token, hit: Found, lex: CueLexicon) -> bool:
    """Whether a report with no speaker is a question verb's participle clause with no subject
    or auxiliary of its own ("Asked whether the plan would work, …", "When asked if …")."""
    return (hit.speaker is None and verb.tag_ == "VBN" and verb.lemma_.lower() in lex.question_verbs
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children))


def _main_cues_first(doc: Doc, cues: list[int], lex: CueLexicon) -> list[Token]:
    """A sentence's cues, those of its main clause first where the parser is reliable: the
    main cue's report holds the others ("Cameron is committed to maintaining ties, the
    spokesman said"); else in text order."""
    if len(cues) < 2 or not lex.parse_rules or not annotated(doc, "DEP"):
        return [doc[i] for i in cues]  # (one cue or none: no order to find)
    return sorted((doc[i] for i in cues), key=lambda t: (parse_depth(t), t.i))


def _cites_for_source(doc: Doc, sent: Span, verb: Token, lex: CueLexicon) -> bool:
    """Whether ``verb`` heads a relative clause on the source of a source phrase before it."""
    return verb.dep_ in ("relcl", "acl:relcl") and any(
        sp.source is not None and sp.source.start <= verb.head.i < sp.source.end
        for sp in source_phrases_in(doc, sent.start, verb.i, lex))


def _relayed_report(doc: Doc, sent: Span, outer: Found, lex: CueLexicon) -> Found | None:
    """"Wie die Zeitung berichtet, sagte der Minister, …": the report that ``outer`` relays,
    when its content opens with a reporting verb and that verb's own speaker; the minister's
    words sit inside the paper's report, and the relay chain (:mod:`quotegraph.extract.relays`)
    makes the paper their relay."""
    content = doc.char_span(*outer.quote, alignment_mode="expand")
    if content is None or not len(content):
        return None
    comma = comma_after(sent, content.start)
    if comma is None or comma + 1 >= content.end:
        return None
    # the verb opens the content ("sagte der Minister, …"). Not when an auxiliary does and the
    # verb closes the clause ("habe sich ein Bewohner … geäußert, …"): Wikinews annotates that
    # as the outlet's report alone, and splitting it scored lower on the train split
    verb = content[0]
    lemma = cue_lemma(verb, lex) if verb.pos_ == "VERB" else None
    if lemma is None:
        return None
    speaker = speaker_for(doc, sent, verb, lex, lower=content.start, upper=comma)
    inner = clause_after(doc, comma + 1, sent, lex)
    if speaker is None or inner is None or not has_words(span_text(inner), 3):
        return None
    return indirect_report(inner, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex)


def _published_report(doc: Doc, sent: Span, outer: Found, lemma: str, lex: CueLexicon) -> Found | None:
    """"The minister told the BBC the border would stay open, Reuters reported.": the report
    inside the content of a verb of publishing (``CueLexicon.citing_report_verbs``) after it,
    when that content opens with its own speaker and reporting verb. The minister's words sit
    inside the agency's report, and the relay chain (:mod:`quotegraph.extract.relays`) makes
    the agency their relay. Only where the parser is reliable: the inner verb must be the
    content's head with its subject before it."""
    if lemma not in lex.citing_report_verbs or not lex.parse_rules or not annotated(doc, "DEP"):
        return None
    content = doc.char_span(*outer.quote, alignment_mode="expand")
    if content is None or not len(content):
        return None
    verb = content.root
    inner_lemma = cue_lemma(verb, lex) if verb.pos_ == "VERB" else None
    if inner_lemma is None or inner_lemma in lex.citing_report_verbs:
        return None
    if not any(c.dep_ in SUBJECT_DEPS and content.start <= c.i < verb.i for c in verb.children):
        return None
    inner = _cue_first(doc, sent, verb, inner_lemma, lex)
    if inner is None or inner.speaker is None or inner.pattern != Pattern.CUE_FIRST:
        return None
    if not (outer.quote[0] <= inner.speaker[0] and inner.quote[1] <= outer.quote[1]):
        return None
    said = doc.char_span(*inner.quote, alignment_mode="expand")
    if said is None or said.root.head.i != verb.i or said.root.dep_ != "ccomp":
        return None  # a clause the verb governs ("organizers added 160 guards", "plans to protest": no report)
    return inner


def _sourced_claim(doc: Doc, outer: Found, lemma: str, lex: CueLexicon) -> Found | None:
    """"According to two officials, the minister will resign, Reuters reported." / "Der Minister
    werde laut Regierungskreisen zurücktreten, berichtet die Agentur.": the claim a source phrase
    inside the content of a verb of publishing (``CueLexicon.citing_report_verbs``) after it
    names its source for. The officials said it, the agency relays them: the claim sits inside
    the agency's report, and the relay chain (:mod:`quotegraph.extract.relays`) makes the agency
    its relay. One source phrase only, with three words of claim at least."""
    if lemma not in lex.citing_report_verbs:
        return None
    content = doc.char_span(*outer.quote, alignment_mode="expand")
    if content is None or not len(content):
        return None
    phrases = source_phrases_in(doc, content.start, content.end, lex)
    if len(phrases) != 1 or phrases[0].source is None or phrases[0].cue.text.lower() in lex.source_adverbs:
        return None
    sp = phrases[0]
    parts = [p for p in (strip_punct(doc[content.start : sp.phrase.start]) if sp.phrase.start > content.start else None,
                         strip_punct(doc[sp.phrase.end : content.end]) if sp.phrase.end < content.end else None)
             if p is not None and has_words(span_text(p), 1)]
    if not parts or sum(word_count(span_text(p)) for p in parts) < 3:
        return None
    claim = Found((parts[0].start_char, parts[-1].end_char), "indirect",
                  cue=(sp.cue.start_char, sp.cue.end_char, sp.cue.text.lower()), speaker=span_chars(sp.source),
                  pattern=Pattern.SOURCE)
    if len(parts) == 2 and lex.quote_gaps:
        claim.extra["gaps"] = [(sp.phrase.start_char, sp.phrase.end_char)]  # "A laut X B": X's phrase is no part of it
    return claim


def _trailing_publisher(doc: Doc, sent: Span, report: Found, lex: CueLexicon) -> tuple[int, int] | None:
    """"The mayor said that the bridge would reopen, the newspaper wrote on Sunday.": the
    outlet of a verb of publishing (``CueLexicon.citing_report_verbs``) closing the sentence
    after a report's content, when the parser hung that frame on the report's verb (the
    other parse is :func:`_published_report`). The outlet relays the report."""
    if not lex.citing_report_verbs or not lex.parse_rules or not annotated(doc, "DEP"):
        return None
    content = doc.char_span(report.quote[0], report.quote[1], alignment_mode="expand")
    if content is None or content.end + 2 >= sent.end or doc[content.end].text != ",":
        return None
    opening = content.end + 1  # the outlet's phrase opens right after the comma
    subject = next((t for t in doc[opening : min(sent.end, opening + 7)]
                    if t.dep_ in SUBJECT_DEPS and t.left_edge.i == opening), None)
    if subject is None or not subject.i < subject.head.i < sent.end:
        return None
    verb = subject.head
    if cue_lemma(verb, lex) not in lex.citing_report_verbs:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None  # the verb reports something of its own
    if any(t.is_punct and not t.is_sent_end for t in doc[verb.i + 1 : sent.end]):
        return None  # the frame closes the sentence ("…, he wrote, ''We must …''" is his own quote)
    return span_chars(with_apposition(doc[subject.left_edge.i : subject.right_edge.i + 1], sent.end, lex))


def _aside_subject(doc: Doc, verb: Token, lemma: str, start: int, lex: CueLexicon) -> Span | None:
    """The subject of the cue of "wie X (der Presse) mitteilte" between ``start`` and the verb:
    the parser's, else the first phrase that can be one. In a clause whose verb stands last the
    subject comes first: a phrase the parser called subject that opens with an article the
    dative shares, after another phrase, is the one addressed by a verb of telling ("Wie
    Philip Aguer, ein Sprecher der Armee, der Presse mitteilte")."""
    speaker = subject_of(verb, start, verb.i, lex)
    if speaker is None:
        # "Wie aus einer Mitteilung der Behörde hervorgeht": the source named by "aus"; "Wie
        # „heise online“ berichtet": a name in quotation marks the tagger did not read as one
        return (np_after(doc, start, verb.i, lex, subject=True) or origin_before(doc, verb, start, lex)
                or quoted_name(doc, start, verb.i))
    if speaker[0].lower_ in lex.genitive_articles and lemma in lex.dative_addressee_verbs:
        first = np_after(doc, start, speaker.start, lex, subject=True)
        if first is not None:
            return with_apposition(first, verb.i, lex)
    return speaker


def _has_gap(found: FoundIndex, sent: Span) -> bool:
    covered = sum(
        max(0, min(f.quote[1], sent.end_char) - max(f.quote[0], sent.start_char))
        for f in found.overlapping(sent.start_char, sent.end_char)
    )
    return covered < 0.5 * (sent.end_char - sent.start_char)


def _first_from(doc: Doc, char: int, start: int, end: int) -> Token | None:
    """The first token of ``doc[start:end]`` that starts at ``char`` or after, found by
    bisection in the token starts (no Token made for those before it)."""
    k = bisect_left(token_bounds(doc)[0], char, start, max(start, end))
    return doc[k] if k < end else None


def _cue_first(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """``X sagte, (dass) …``, ``Dabei betonte der Minister, …`` and ``Wie X berichtet, …``;
    in English, where the parser is reliable, the clause or object the cue governs first."""
    if lex.parse_rules and annotated(doc, "DEP"):
        if (verb.i == sent.start + 1 and doc[sent.start].lower_ in lex.pointers and verb.i + 1 < sent.end
                and doc[verb.i + 1].text == ","):
            return None  # "That said, …": a pointer and the cue set off by a comma, no one speaking
        governed = english_complement(doc, sent, verb, lemma, lex)
        if governed is not None and _participle_report(_first_from(doc, governed.quote[0], verb.i + 1, sent.end), verb, lex):
            return None  # "A, X added, saying …": the participle reports its own words, the content came first
        if governed is not None:
            return governed
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None  # "A, said X, an adviser who …": the content came first (cue last)
        if any(c.dep_ == "dobj" and c.lower_ in lex.pointers for c in verb.children):
            return None  # "Having said that, …": the object points back, the clause after is no content
    comma = comma_after(sent, verb.i) if lex.parse_rules else comma_after_names(sent, verb.i)
    wie = next((doc[i] for i in tokens_with(doc, lex.as_particles, sent.start, verb.i)), None)
    if comma is None:
        # "X sagte dass …" without comma, English "X said that …" / "X said the …"
        comp = next((doc[i] for i in tokens_with(doc, lex.complementizers, verb.i + 1, sent.end)), None)
        if comp is None or comp.i - verb.i > 6:
            if lex.parse_rules and annotated(doc, "DEP"):
                return english_complement(doc, sent, verb, lemma, lex)
            return None
        content = clause_after(doc, comp.i, sent, lex)
        speaker = speaker_for(doc, sent, verb, lex, lower=sent.start, upper=comp.i)
        return indirect_report(content, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex)
    if comma - verb.i - 1 > 6 and any(t.pos_ in ("VERB",) and cue_lemma(t, lex) is None for t in doc[verb.i + 1 : comma]):
        return None
    if wie is not None and wie.i < verb.i and source_phrase(doc, wie.i, lex, sent.start, comma) is not None:
        return None  # "As reported by X, the minister said …": a source phrase, the report comes after it
    if wie is not None and wie.i < verb.i:
        # "Wie die Zeitung berichtet, ist …"
        speaker = _aside_subject(doc, verb, lemma, wie.i + 1, lex)
        content = clause_after(doc, comma + 1, sent, lex)
        return indirect_report(content, verb, lemma, speaker, Pattern.WIE, doc, sent, lex)
    texts = forms(doc, ORTH)
    comp = next((doc[i] for i in tokens_with(doc, lex.complementizers, comma + 1, sent.end) if texts[i - 1] == ","), None)
    if comp is not None and comp.i > comma + 1 and (
            any(t.lower_ == "zu" or t.tag_ == "PTKZU" for t in doc[comma + 1 : comp.i])
            or (lex.verb_second and not any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1 : comp.i]))):
        # "sagte X, ohne … zu verweisen, dass …": the aside is not the content; nor are words with
        # no verb ("sagte der Koordinator, Y, gegenüber der BBC, dass …": an apposition, the one addressed)
        comma = comp.i - 1
    if lemma in lex.weak_verbs:
        # "glaubt, er sei …": a weak cue reports a clause introduced by dass/ob, one in Konjunktiv,
        # or an infinitive with "zu" ("hofft, die Frau halten zu können"; not one of purpose, "um … zu")
        nxt = doc[comma + 1] if comma + 1 < sent.end else None
        reported = any(reported_mood(t, lex) for t in doc[comma + 1 : sent.end])
        planned = nxt is not None and nxt.tag_ != "KOUI" and zu_infinitive(doc, comma + 1, sent.end)
        if nxt is None or (nxt.lower_ not in lex.complementizers and not reported and not planned):
            return None
    content = clause_after(doc, comma + 1, sent, lex)
    if content is not None and lex.parse_rules and _participle_report(content[0], verb, lex):
        return None  # "A, X added, saying …": the content came first
    if content is not None and (content[0].lower_ in lex.coordinators
                                or content[0].lower_ in lex.adverbial_conjunctions and content[0].pos_ == "SCONJ"):
        # "X was charged with …, and the police said …": a clause of its own, not content; nor
        # an adverbial clause ("Der Autor wurde bekannt, als er …")
        return None
    if content is not None and lex.verb_second and _relative_or_purpose(content):
        return None  # "…, bei dem …", "…, um … zu …": a relative clause or a purpose, not content
    if (content is None or not has_words(span_text(content), 3)
            or (content[0].lower_ in lex.as_particles and relay_aside(doc, sent, content.start, lex) is None)):
        return None  # "…, wie X meldet": that is the frame of what came before
    if _frame_after(content, sent, lex):
        return None  # "Sie leugneten das nicht, erklärte X.": the clause after is the frame, the verb before content
    if lex.verb_second and _opens_with_indicative_verb(content):
        # "wollte X zurückweisen, hielt sich aber zurück", "X, der … ausgesagt hatte, war …":
        # a finite verb in the indicative right after the comma goes on with the main clause
        return None
    speaker = speaker_for(doc, sent, verb, lex, lower=sent.start, upper=comma)
    return indirect_report(content, verb, lemma, speaker, Pattern.CUE_FIRST, doc, sent, lex)


def _relative_or_purpose(clause: Span) -> bool:
    """Whether a clause opens with a relative pronoun after a preposition ("bei dem …"), or alone
    before no noun, adjective or verb ("der 1963 untertauchte"; not "die Regierung sei …" nor
    "das sei …", whose article or demonstrative the tagger may read as one), or with the
    conjunction of an infinitive of purpose ("um … zu …")."""
    if clause[0].tag_ == "KOUI":
        return True
    if len(clause) < 2:
        return False
    if clause[0].pos_ == "ADP":
        return "Rel" in clause[1].morph.get("PronType")
    return "Rel" in clause[0].morph.get("PronType") and clause[1].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB", "AUX")


def _participle_report(first: Token | None, verb: Token, lex: CueLexicon) -> bool:
    """Whether the first word of what a cue governs is a participle of another cue hung on it
    ("…, X added, saying it should be up to the court"): that participle is a report of its own."""
    # (not "citing"/"quoting": the report's source, read by patterns/citing.py)
    return (first is not None and first.tag_ == "VBG" and first.head.i == verb.i and first.dep_ == "advcl"
            and cue_lemma(first, lex) is not None and first.lower_ not in lex.citing_after_source)


def _opens_with_indicative_verb(clause: Span) -> bool:
    """Whether a clause opens with a finite verb the tagger marks indicative: German reported
    content puts a phrase or a complementizer first, or a verb in Konjunktiv ("sei …")."""
    first = clause[0]
    return first.tag_ in FINITE_TAGS and first.morph.get("Mood") == ["Ind"]


def _frame_after(clause: Span, sent: Span, lex: CueLexicon) -> bool:
    """Whether a clause ending the sentence is a frame, its finite reporting verb first and its
    subject after it ("erklärte der Sprecher am Montag")."""
    verb = clause[0]
    finite = bool(verb.morph.get("Mood")) or "Fin" in verb.morph.get("VerbForm")
    return (clause.end >= sent.end - 1 and verb.pos_ in ("VERB", "AUX") and finite and cue_lemma(verb, lex) is not None
            and any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children))


def _cue_last(doc: Doc, sent: Span, verb: Token, lemma: str, lex: CueLexicon) -> Found | None:
    """``…, sagte X.`` / ``…, X said.`` / ``…, wie X meldet.`` — content before the comma
    that precedes the cue."""
    wie = next((t for t in doc[max(sent.start, verb.i - 16) : verb.i] if t.lower_ in lex.as_particles
                and t.i > sent.start and doc[t.i - 1].text == ","), None)
    if wie is not None and all(not t.is_punct or t.text in "-.,()" for t in doc[wie.i + 1 : verb.i]):
        content = strip_punct(doc[sent.start : wie.i - 1])
        if content is not None and has_words(span_text(content), 3):
            speaker = _aside_subject(doc, verb, lemma, wie.i + 1, lex)
            return indirect_report(content, verb, lemma, speaker, Pattern.WIE_LAST, doc, sent, lex, need_clause=False)
    j = verb.i - 1
    while j >= sent.start and doc[j].pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM") and verb.i - j <= 4 and lex.subject_first_frames:
        j -= 1  # English "…, the minister said."
    if lex.subject_first_frames and doc[j].text != "," and annotated(doc, "DEP"):
        # "…, a senior official with the board that oversees them said": a longer subject
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is not None and subj.right_edge.i < verb.i and subj.left_edge.i - 1 >= sent.start:
            j = subj.left_edge.i - 1
    if lex.auxiliary_first_frames and j > sent.start and doc[j].pos_ == "AUX" and doc[j - 1].text == ",":
        j -= 1  # "…, wird vermutet."
    if lex.verb_second and j > sent.start and doc[j - 1].text == "," and _demonstrative_pointer(doc[j], lex):
        j -= 1  # "…, das teilte X mit.": the pointer stands for the clause before the comma
    if j < sent.start or doc[j].text != ",":
        return None
    # "X, der …, nannte …": the comma closes an aside of the subject, not content; but a
    # "subject" with a finite verb of its own is the content the parser misread
    subject = subject_of(verb, sent.start, j, lex)
    # with the cue's subject after it (verb-second: "…, sagte Renz"), what stands before the
    # comma is the words reported, also where the parser hung their verb in reported mood on
    # the cue ("Viele hätten[aux of sagte] kein Verständnis, sagte Renz")
    if (subject is not None and not any(t.pos_ in ("VERB", "AUX") and t.morph.get("Mood") for t in subject)
            and not (lex.verb_second and _subject_after(verb) and (
                unnamed_verbless(doc[sent.start : j]) or any(t.head.i == verb.i and t.pos_ in ("VERB", "AUX")
                                                              and "Sub" in t.morph.get("Mood") for t in doc[sent.start : j])))):
        return None
    content = strip_punct(doc[sent.start : j])
    if content is None or not has_words(span_text(content), 3):
        return None
    if lex.parse_rules and annotated(doc, "DEP") and _adverbial_clause_of(content, verb, lex):
        return None  # "When X said …, the crowd applauded": the clause before the comma is the time, not content
    if annotated(doc, "TAG") and not any(t.pos_ in ("VERB", "AUX") for t in content) and not _mistagged_clause(content, verb):
        return None  # "Der Bürgermeister, Henning Scherf (SPD), warnte …": a subject with its apposition, no content
    if (content[0].lower_ in lex.adverbial_conjunctions and content[0].pos_ == "SCONJ"
            and not any(t.text == "," for t in content)):
        return None  # "Während X …, fordert Y …": one adverbial clause is when or why, not content
    if lex.subject_first_frames and j < verb.i - 1:
        speaker = strip_punct(doc[j + 1 : verb.i])
    else:
        # the subject may hold a bracket or a name in quotation marks ("berichtet die „Frankfurter Rundschau“")
        end = next((t.i for t in doc[verb.i + 1 : sent.end] if t.is_punct and t.text not in ("-", "(", ")")
                    and not t.is_quote), sent.end)
        speaker = subject_of(verb, verb.i + 1, end, lex) or np_after(doc, verb.i + 1, end, lex, subject=True)
        if speaker is None or usable_speaker(speaker, lex) is None:
            # "…, hieß es vom Ministerium.": also where no subject was found beside the "es"
            speaker = impersonal_source(doc, verb, sent.end, lex)
        if speaker is not None:
            speaker = with_apposition(speaker, sent.end, lex)
    return indirect_report(content, verb, lemma, speaker, Pattern.CUE_LAST, doc, sent, lex, need_clause=False)


def _mistagged_clause(content: Span, verb: Token) -> bool:
    """Whether the parse makes ``content`` a clause of ``verb`` with a subject of its own though
    the tagger saw no verb in it: a rare Konjunktiv form read as an adjective or adverb ("Die
    Krise treffe kleine Firmen, sagte er": "treffe" tagged ADV, yet the complement of "sagte"),
    or the clause's subject made a second subject of ``verb`` ("Die „Flaute“ treffe vor allem
    …, schreibt das Institut")."""
    return any(t.head.i == verb.i and ((t.dep_ in ("ccomp", "parataxis") and any(c.dep_ in SUBJECT_DEPS for c in t.children))
                                       or (t.dep_ in SUBJECT_DEPS and _subject_after(verb) and unnamed_verbless(content)))
               for t in content)


def _subject_after(verb: Token) -> bool:
    """Whether the parser gave ``verb`` a subject after it (German verb-second: "…, schreibt das
    Institut"), so that a "subject" before its comma is the words reported."""
    return any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children)


def _demonstrative_pointer(token: Token, lex: CueLexicon) -> bool:
    """A demonstrative pronoun that points back at a report ("das", "dies"), not a relative one."""
    return token.lower_ in lex.report_pointers and token.pos_ == "PRON" and token.tag_ != "PRELS"


def _adverbial_clause_of(content: Span, verb: Token, lex: CueLexicon) -> bool:
    """Whether the words before a cue are an adverbial of it, by the parse: a clause opened by
    a subordinator or adverb that is no complementizer ("When …", "After …", "Because …"), or
    wholly a prepositional phrase ("In a move that shocked many, X endorsed Y")."""
    doc, heads = content.doc, head_list(content.doc)  # (no Token made per word and its head)
    roots = [doc[i] for i in range(content.start, content.end)
             if not (content.start <= heads[i] < content.end) or heads[i] == i]
    if roots and all(t.head.i == verb.i and t.dep_ == "prep" for t in roots):
        return True
    if roots and all(_participle_clause_of(t, verb) for t in roots):
        return True  # "Asked if it would pass, most voters said no": what they were asked, not what they said
    return any(t.head.i == verb.i and t.dep_ == "advcl" and t.left_edge.i < t.i
               and t.left_edge.head.i == t.i and t.left_edge.dep_ in ("mark", "advmod")
               and t.left_edge.lower_ not in lex.complementizers
               for t in content)


def _participle_clause_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` heads a participle clause with no subject of its own that the parser
    hung on ``verb`` as an adverbial ("Asked about the tax, …", "Speaking in Ohio, …")."""
    return (token.head.i == verb.i and token.dep_ == "advcl" and token.tag_ in ("VBN", "VBG")
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass", "mark") for c in token.children))


def _so_last(doc: Doc, sent: Span, lex: CueLexicon) -> Found | None:
    """``…, so der Sprecher.`` — content before the comma, the source after "so"."""
    if not lex.source_particles:
        return None  # asked per sentence: no look-up where the language has no such particle
    for tok in (doc[i] for i in tokens_with(doc, lex.source_particles, sent.start, sent.end)):
        if tok.i == sent.start or doc[tok.i - 1].text != ",":
            continue
        end = next((t.i for t in doc[tok.i + 1 : sent.end] if t.is_punct and t.text not in ("-", "(", ")")), sent.end)
        speaker = np_after(doc, tok.i + 1, end, lex)
        if speaker is None or speaker.start != tok.i + 1:
            continue
        if end - speaker.end > 4 and any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") for t in doc[speaker.end : end]):
            continue  # after the source only its adverbials ("so X in Wiesbaden nach der Bekanntgabe am Donnerstag")
        content = strip_punct(doc[sent.start : tok.i - 1])
        if content is None or not has_words(span_text(content), 3):
            continue
        return Found((content.start_char, content.end_char), "indirect", cue=cue_chars(tok, tok.lower_),
                     speaker=span_chars(speaker), pattern=Pattern.SO_LAST)
    return None


def find_pointed_reports(doc: Doc, lex: CueLexicon, found: FoundIndex) -> Iterator[Found]:
    """"Israel startete die Offensive. Das meldet die Zeitung X.": a sentence that opens with a
    demonstrative (``CueLexicon.report_pointers``) right before a cue reports the sentence
    before it; the cue's subject is the speaker."""
    if not lex.report_pointers:
        return
    sents = sentences(doc)
    for before, sent in zip(sents, sents[1:]):
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.i + 1 >= sent.end or (doc[first.i + 1].pos_ not in ("VERB", "AUX")
                                                        and cue_lemma(doc[first.i + 1], lex) is None):
            continue  # a verb, or a cue the tagger took for an adjective ("Das berichteten[ADJA] Mitarbeiter")
        if first.lower_ not in lex.report_pointers or not first.text[:1].isupper():
            continue  # no frame after a pointer (frame_after_pointer): the sentence before is not read
        content = strip_punct(before)
        if content is None or not has_words(span_text(content), 3) or not found.outside(sent.start_char, sent.end_char):
            continue
        frame = frame_after_pointer(doc, first, sent.end, lex.report_pointers, lex)
        if frame is None or frame.cue is None:
            continue
        if not found.outside(content.start_char, content.end_char):
            # "X sagte, … . Das berichtet die Zeitung Y.": the sentence is someone's report already;
            # the paper relays it
            for f in found.overlapping(content.start_char, content.end_char):
                if f.speaker is not None and f.mediator is None and frame.speaker is not None:
                    f.mediator = span_chars(frame.speaker)
            continue
        yield Found((content.start_char, content.end_char), "indirect", cue=frame.cue, speaker=span_chars(frame.speaker),
                    mediator=span_chars(frame.mediator), pattern=Pattern.POINTED)
