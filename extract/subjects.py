"""The subject of a reporting verb: the parser's subject, corrected where German and English parses err.

:func:`subject_of` is what the patterns ask for a speaker; the helpers below narrow several
"subjects" to one and cut what the parser hung on it (an object, an addressed outlet, a dateline).
"""

from __future__ import annotations

from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import ADJ, ADP, AUX, CCONJ, DET, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from .doc_offsets import span_of
from .doc_tables import children_of, flags, forms, head_list, id_list, kept, morph_of
from .cue_verbs import cue_lemma
from .dative_forms import oblique_feminine, plainly_nominative
from .fronted_subjects import (adverb_with_phrases, fronted_subject, named_front_before_name, object_of_quoted_passive,
                               pronoun_after_fronted_object, subject_after_fronted_adverb, subjects_on_auxiliary)
from .lexicon import CueLexicon
from .phrases import NAME_LABELS, RELATIVE_PRONOUN_TAGS, SUBJECT_DEPS, _label_ids, _name_words, _names_end, _without_edge_punct, quoted_name

__all__ = ["subject_of", "unnamed_verbless"]


def subject_of(verb: Token, lower: int, upper: int, lex: CueLexicon) -> Span | None:
    """The parser's subject of ``verb`` as a contiguous span inside [lower, upper), or None."""
    doc = verb.doc
    words = _subject_words(doc)
    if words is None:
        return None
    # the verb's dependents and the words around the subject are read from the Doc's arrays
    # (:mod:`~quotegraph.extract.doc_tables`): a Token is made only for a subject
    deps, pos, lowers, texts, spaces, edge, children_at, subject_ids, every_subject, phrase_edges = words[:10]
    # "Laut BBC News sagte der Minister": a preposition heads no subject, nor opens one (a Token
    # made only for a child that passes)
    children = [doc[c] for c in children_at[verb.i] if deps[c] in subject_ids and lower <= c < upper
                and pos[c] != ADP and not _opens_with_preposition_at(doc, c, lex, words)]
    if not children and not any(deps[c] in every_subject for c in children_at[verb.i]):
        # "Jugendliche haben dagegen … ausgesagt": the parser hung the subject on the auxiliary
        children = [c for c in subjects_on_auxiliary(verb, lower, upper, lex) if not _opens_with_preposition(c, lex)]
        # "wird Musk wie folgt zitiert": the subject of a passive the parser made its object
        children = children or object_of_quoted_passive(verb, lower, upper, lex)
    if len(children) > 1:
        children = _one_subject_of_several(children, verb, lex)
    if len(children) == 1 and children[0].i > verb.i and morph_of(children[0], "Case") == ("Acc",):
        # "Die Firma empfindet die Kritik als …": the parser's subject is accusative by the
        # tagger, the phrase before the verb it called the object nominative: they swap
        fronted = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and lower <= c.i < verb.i
                        and morph_of(c, "Case") == ("Nom",) and not _opens_with_preposition(c, lex)), None)
        children = [fronted] if fronted is not None else children
    if len(children) == 1 and children[0].i < verb.i and oblique_feminine(children[0], lex):
        # "Der Zeitung sagte der Trainer": "der" before a feminine singular noun is the dative (or
        # the genitive), no nominative; a phrase after the verb that shows the nominative speaks
        after = next((c for c in verb.children if verb.i < c.i < upper and c.pos_ in ("NOUN", "PROPN")
                      and not _opens_with_preposition(c, lex) and c.left_edge.pos_ != "ADP"
                      and (plainly_nominative(c, lex) or morph_of(c, "Case") == ("Nom",))), None)
        children = [after] if after is not None else children
    if (len(children) == 1 and children[0].i > verb.i and lex.masculine_nominative_determiners  # (none: nothing shows case)
            and not _copula(verb, lex) and not plainly_nominative(children[0], lex) and children[0].lower_ not in lex.pronouns):
        # "Der frühere Bürgermeister … warnte die CDU vor …": the parser's subject after the
        # verb shows no case, the phrase opening the clause shows the nominative: it is the subject
        fronted = next((c for c in verb.children if lower <= c.left_edge.i and c.i < verb.i and c.left_edge.i == lower
                        and c.pos_ in ("NOUN", "PROPN") and plainly_nominative(c, lex)), None)
        children = [fronted] if fronted is not None else children
    if len(children) == 1 and children[0].i > verb.i:
        # "Die Ministerin Anna Berg nannte Peter Kühn …": a bare name after the verb is the object
        children = [named_front_before_name(verb, children[0], lower, lex) or children[0]]
    if len(children) == 1 and children[0].i < verb.i:
        # "Die Tat bezeichnete er als sinnlos": the fronted object before a nominative pronoun
        children = [pronoun_after_fronted_object(verb, children[0], upper, lex) or children[0]]
    if len(children) == 1:
        # "Bislang gingen die Wissenschaftler davon aus": the adverb before the verb is no subject
        after = subject_after_fronted_adverb(verb, children[0], lower, lex)
        children = [after] if after is not None and after.i < upper else children
    if children:
        child = children[0]
        i = child.i
        first, last = phrase_edges.get(i) or _edges_of(child, phrase_edges)
        left = max(first, lower)
        if left > lower and left == first and pos[left - 1] == DET and pos[head_list(doc)[left - 1]] not in (NOUN, PROPN):
            left -= 1  # "Der dortige Gerichtshof": its article the parser hung on the verb
        if lowers[left] in lex.passive_agent_prepositions and left < i:
            left += 1  # the agent of a passive without its preposition ("vom Verband")
        # a dateline set off by a spaced dash before the head is no part of it ("LONDON (Reuters) - Mayor X")
        dash = next((k for k in range(i - 1, left, -1) if texts[k] in _DASHES and spaces[k] and spaces[k - 1]), None)
        left = dash + 1 if dash is not None else left
        right = min(last, upper - 1)
        # a subject does not run through the cue or a comma clause
        if left <= verb.i <= right:
            return None
        # an object the parser hung on the subject ("empfahl der Minister den Umstieg", "sagte
        # die Ministerin einigen Gästen")
        obj = next((k for k in range(i + 1, right + 1)
                    if (lowers[k] in lex.object_determiners or lowers[k] in lex.verb_prepositions
                        or lowers[k] in lex.plural_dative_determiners)
                    and (pos[k - 1] in (NOUN, PROPN) or texts[k - 1] in ("“", "«", ")"))), None) \
            if lex.object_determiners or lex.verb_prepositions or lex.plural_dative_determiners else None
        if obj is not None:
            right = obj - 1
        if (lex.dative_addressee_verbs and (pos[i] == PROPN or child.ent_type_ in NAME_LABELS) and i < right
                and cue_lemma(verb, lex) in lex.dative_addressee_verbs):
            # "wirft die OSZE der Wahlkommission vor", "sagte Merkel der Zeitung": after a name, an
            # article the dative and genitive share opens the one addressed, not the name's owner
            k = i + 1
            while k <= right and pos[k] == PROPN:
                k += 1
            if k < right and lowers[k] in lex.genitive_articles and pos[k + 1] in (ADJ, NOUN, PROPN):
                right = k - 1
        elif i < right and lex.genitive_articles and cue_lemma(verb, lex) in lex.dative_addressee_verbs:
            right = _before_addressed_outlet(doc, i, right, lowers, pos, lex)
        end = right + 1
        cut = next((k for k in range(i + 1, end) if texts[k] in (",", ";", ":")), None)
        # keep an apposition ("Its spokesman, Tobias Lindqvist,") or inclusion ("Critics, including X,"), cut a relative clause
        if cut is not None and any(pos[k] in (VERB, AUX) and lowers[k] not in lex.inclusion_words for k in range(cut, end)):
            end = cut
        bounds = _without_edge_punct(doc, left, end, edge, texts)
        # cut off at a quote, the subject may end in a dangling preposition ("warnten Vertreter
        # der Verbände vor einem „…“", "sprach der Präsident von der „…“")
        while bounds is not None and bounds[1] - bounds[0] > 1 and pos[bounds[1] - 1] in (ADP, DET, CCONJ):
            bounds = _without_edge_punct(doc, bounds[0], bounds[1] - 1, edge, texts)
        if bounds is None:
            return None
        start = bounds[0]
        limit = upper if verb.i < start else min(upper, verb.i)
        if bounds[1] - start == 1 and pos[start] == DET and (name := quoted_name(doc, start + 1, limit)) is not None:
            return span_of(doc, start, name.end)  # "Wie die „taz“ berichtet": the article alone was the parser's subject
        return span_of(doc, start, _names_end(doc, start, bounds[1], limit, words[_NAME_WORDS:]))
    if lex.verb_second and not any(deps[c] in every_subject for c in children_at[verb.i]):
        return fronted_subject(verb, lower, lex)
    return None



def unnamed_verbless(tokens) -> bool:
    """Whether ``tokens`` hold no verb, no name and no relative pronoun: a clause whose verb the
    tagger missed, not a named subject with its apposition ("Der Bürgermeister, Henning Scherf
    (SPD),") nor one with a relative clause ("Statistiken, auf die … hingewiesen wird,")."""
    return not any(t.pos_ in ("VERB", "AUX", "PROPN") or t.ent_type_ or t.tag_ in RELATIVE_PRONOUN_TAGS for t in tokens)


def _one_subject_of_several(children: list[Token], verb: Token, lex: CueLexicon) -> list[Token]:
    """The parser's "subjects" of a verb that has several, narrowed by the tests below, each
    applied while more than one is left (:func:`subject_of` asks only for two or more: most
    verbs have one)."""
    if len(children) > 1:
        # two "subjects": one may be a dateline set off by a dash ("LONDON (Reuters) - X said")
        children = [c for c in children if not _dash_after(c)] or children
    if len(children) > 1 and verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(c.i > verb.i for c in children):
        # "Die Lage treffe vor allem …, schreibt das Institut": what a comma closes before the verb,
        # naming no one and with no verb the tagger saw, is the words reported (their verb
        # mistagged); the subject follows the verb
        children = [c for c in children if c.i > verb.i or not unnamed_verbless(c.subtree)] or children
    if len(children) > 1:
        # two "subjects": one is likely a time phrase the parser misread ("Ende Januar 2006 verkündete der Verband")
        children = [c for c in children if not any(t.like_num for t in c.subtree)] or children
    if len(children) > 1:
        # or a fronted phrase with a particle ("Als Beispiel nannte die NASA …")
        children = [c for c in children if c.left_edge.pos_ not in ("ADP", "CCONJ", "SCONJ")] or children
    if len(children) > 1:
        # or a fronted adverb the tagger read as a noun ("Ähnlich äußerte sich der Präsident"):
        # one bare word, neither pronoun nor entity
        bare = [c for c in children if (c.left_edge == c == c.right_edge and not c.ent_type_ and c.pos_ != "PRON")
                or adverb_with_phrases(c, lex)]  # "Passend zu den Gefahren warnte die Sprecherin"
        # (when every one is a bare word, the one opening the sentence: "Relativierend fügt Gall hinzu")
        children = ([c for c in children if c not in bare]
                    or [c for c in children if not c.is_sent_start] or children)
    if len(children) > 1:
        # or a fronted object before a pronoun ("Die Arbeit der Koalition lobte er"): a personal
        # pronoun after another "subject", not marked as any case but the nominative, is the subject
        children = [c for c in children if c.lower_ in lex.pronouns and c.morph.get("Case") in ([], ["Nom"])
                    and any(o.i < c.i for o in children)] or children
    if len(children) > 1:
        # or one whose article shows the genitive ("Des Weiteren wirft die OSZE … vor")
        children = [c for c in children if not any(d.dep_.startswith("det") and d.lower_ in lex.genitive_only_determiners
                                                   for d in c.children)] or children
    if len(children) > 1:
        # or one that does not agree with the verb in number ("Die Anhänger warnte er")
        number = _finite_number(verb)
        children = [c for c in children if _number(c) in (None, number)] or children
    if len(children) > 1 and not _copula(verb, lex):
        # or one whose article shows no case while the other's shows the nominative ("Die
        # Anwendung stellte der Vorsitzende in Frage": "der" before a masculine noun); not
        # beside a copula, whose complement is nominative too ("X soll ein Söldner gewesen sein")
        children = [c for c in children if plainly_nominative(c, lex)] or children
    if len(children) > 1:
        # or one that names no one while the other names a person or a body ("Die Zahl der Toten
        # bezifferte die Agentur Xinhua mit 13"): who speaks is named
        if all(c.pos_ == "NOUN" for c in children):  # a pronoun or a name can speak as well
            children = [c for c in children if _names_someone(c)] or children
    return children

def _before_addressed_outlet(doc: Doc, i: int, right: int, lowers: list[str], pos: list[int], lex: CueLexicon) -> int:
    """The subject's last token before a second phrase opened by an article the dative and the
    genitive share, after a genitive already owning the head, when that phrase names an outlet
    by one of ``media_words`` ("wie ein Sprecher der Feuerwehr [der Deutschen Presse-Agentur]
    sagte"): a cue that takes a dative is told to the outlet; a chain of genitives ("des
    Programms der WHO") names no outlet."""
    owners = [k for k in range(i + 1, right + 1) if lowers[k] in lex.genitive_articles]
    if len(owners) < 2 or pos[owners[0] - 1] not in (NOUN, PROPN):
        return right
    k = owners[1]
    if lowers[k] in lex.genitive_only_determiners:
        return right  # "des Haushaltsausschusses des Parlaments": the genitive alone
    outlet = any(any(lowers[w].endswith(m) for m in lex.media_words) for w in range(k + 1, right + 1))
    return k - 1 if outlet and pos[k - 1] in (NOUN, PROPN) else right


def _subject_words(doc: Doc) -> tuple | None:
    """What :func:`subject_of` reads of a Doc, in one look-up while it is read (None without a
    parse): the tokens' labels, parts of speech, lower-case forms, texts, trailing-space flags,
    punctuation flags, children, the ids of the subject labels without and with "expl", the
    phrases' edges found so far (:func:`_edges_of`), what :func:`_opens_with_preposition_at`
    reads (fine tags, number-like flags, the ids of "quantmod", "advmod" and "IN") and, from
    :data:`_NAME_WORDS` on, what :func:`_names_end` reads."""
    return kept(doc, "subject_words", _read_subject_words)


def _read_subject_words(doc: Doc) -> tuple | None:
    """:func:`_subject_words`, read from the Doc (defined once: :func:`subject_of` asks for it at
    every verb, and a function made per call costs more than the look-up)."""
    if not doc.has_annotation("DEP"):
        return None
    strings = doc.vocab.strings
    return (id_list(doc, DEP), id_list(doc, POS), forms(doc, LOWER), forms(doc, ORTH), id_list(doc, SPACY),
            flags(doc, IS_PUNCT, IS_SPACE), children_of(doc), _label_ids(SUBJECT_DEPS - {"expl"}, strings),
            _label_ids(SUBJECT_DEPS, strings), {}, id_list(doc, TAG), flags(doc, LIKE_NUM),
            _label_ids(frozenset({"quantmod", "advmod"}), strings), strings["IN"], *_name_words(doc))


_NAME_WORDS = 14  # where what :func:`_names_end` reads starts in :func:`_subject_words`


def _edges_of(token: Token, edges: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The first and last token of ``token``'s phrase (``left_edge.i``, ``right_edge.i``), kept
    in ``edges`` (of :func:`_subject_words`): the patterns and the speaker linker ask about the
    same subjects again, and each edge read from a Token makes one."""
    found = edges[token.i] = (token.left_edge.i, token.right_edge.i)
    return found


def _dash_after(token: Token) -> bool:
    """Whether the phrase of ``token`` ends in a dash or a dash follows it (after a closing bracket, too)."""
    doc, k = token.doc, token.right_edge.i
    if doc[k].text in _DASHES:
        return True
    k += 1
    while k < len(doc) and doc[k].text == ")":
        k += 1
    return k < len(doc) and doc[k].text in _DASHES


_DASHES = frozenset({"-", "–", "—", "--"})


def _opens_with_preposition(token: Token, lex: CueLexicon) -> bool:
    """A phrase that opens with a preposition is no subject ("Gegenüber den Stuttgarter Nachrichten
    erklärte sie"), unless the preposition counts ("Über 100 Experten warnten", "about half of
    the voters said": an English preposition the parser makes a modifier of the quantity) or names the agent of a passive ("Von der Regierung
    wurde gefordert", the agent speaks). A preposition of address opens no subject whatever the
    tagger took it for ("Gegenüber[PROPN] Wikinews erklärte ein Sprecher")."""
    words = _subject_words(token.doc)
    if words is None:
        first = token.left_edge
        if first.lower_ in lex.addressee_prepositions and first.i < token.right_edge.i:
            return True
        return (first.i < token.i and first.pos == ADP and first.lower_ not in lex.passive_agent_prepositions
                and not (first.dep_ in ("quantmod", "advmod") and first.tag_ == "IN")
                and not (first.i + 1 < len(token.doc) and token.doc[first.i + 1].like_num))
    return _opens_with_preposition_at(token.doc, token.i, lex, words, token)


def _opens_with_preposition_at(doc: Doc, i: int, lex: CueLexicon, words: tuple, token: Token | None = None) -> bool:
    """:func:`_opens_with_preposition` of the token at ``i``, read from the Doc's arrays
    (``words``: :func:`_subject_words`); a Token is made only where the phrase's edges are not
    known yet (``token``: the one at ``i``, if made already)."""
    deps, pos, lowers = words[0], words[1], words[2]
    first, last = words[9].get(i) or _edges_of(doc[i] if token is None else token, words[9])
    if lowers[first] in lex.addressee_prepositions and first < last:
        return True
    return (first < i and pos[first] == ADP and lowers[first] not in lex.passive_agent_prepositions
            and not (deps[first] in words[12] and words[10][first] == words[13])
            and not (first + 1 < len(lowers) and words[11][first + 1]))


def _names_someone(head: Token) -> bool:
    """Whether a phrase, up to its first comma, holds a name (of a person or an organisation by
    the NER, or any proper noun)."""
    for t in head.doc[head.left_edge.i : head.right_edge.i + 1]:
        if t.text == "," and t.i > head.i:
            break
        if t.ent_type_ in NAME_LABELS or t.pos_ == "PROPN":
            return True
    return False


def _copula(verb: Token, lex: CueLexicon) -> bool:
    """A copula ("sein", "werden") or a verb with one: its complement is nominative too."""
    return verb.lemma_.lower() in lex.copulas or any(c.dep_ == "cop" for c in verb.children)


def _finite_number(verb: Token) -> str | None:
    """The grammatical number of a verb's finite form: its own, or its auxiliary's ("hatte … gesagt")."""
    for tok in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))):
        if tok.morph.get("VerbForm") in ([], ["Fin"]) and tok.morph.get("Number"):
            return tok.morph.get("Number")[0]
    return None


def _number(subject: Token) -> str | None:
    """A subject's grammatical number; coordinated subjects are plural ("Union und FDP")."""
    if any(c.dep_ == "conj" for c in subject.children):
        return "Plur"
    number = subject.morph.get("Number")
    return number[0] if number else None
