"""Konjunktiv (subjunctive mood) detection for German finite verbs.

German reported speech is marked by Konjunktiv I ("sie *sei* krank") and, where
Konjunktiv I is identical to the indicative, by Konjunktiv II ("sie *hätten*
keine Zeit"). A statistical morphologizer trained on little data finds only
about half of the ``Mood=Sub`` tokens, so this module combines its output with
rules on verb forms.

Every function is pure: it reads ``token.text``, ``token.lemma_`` (or, where it
lists the form, the lemma of spaCy's lookup table), ``token.morph``,
``token.tag_`` (STTS), ``token.pos_`` and, when a parse is present,
``token.children``. Any of these may be missing, so the functions
work on hand-built Docs and on the output of any German spaCy pipeline.

Ambiguity is reported, not hidden. Some forms are Konjunktiv II or indicative
preterite depending on context only: weak verbs (``hinderten``, ``sagten``)
and the modals ``sollte`` / ``wollte``, whose Konjunktiv II carries no umlaut.
Indirect speech uses such forms (``Sie sagten, die Regeln hinderten sie``),
but so does narrative text, so they come back as ``mood="II"`` with
``ambiguous=True`` and are *not* counted by :func:`is_konjunktiv` unless the
caller asks for them (``include_ambiguous=True``).
"""

from __future__ import annotations

from functools import lru_cache

from typing import Literal, NamedTuple, Optional

from spacy.tokens import Token

from .cue_verbs import lemma_table

__all__ = [
    "Konjunktiv",
    "konjunktiv",
    "konjunktiv_mood",
    "is_konjunktiv",
    "may_be_konjunktiv",
]

Mood = Literal["I", "II"]

#: STTS tags of finite verbs.
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: STTS tags that rule a token out (imperatives, infinitives, participles).
NONFINITE_VERB_TAGS = frozenset({"VVIMP", "VAIMP", "VVINF", "VAINF", "VMINF", "VVIZU", "VVPP", "VAPP", "VMPP"})

#: Konjunktiv I forms that differ from every indicative form of the verb.
KONJ_I_FORMS = frozenset(
    {
        "sei", "seiest", "seist", "seien", "seiet",
        "könne", "könnest", "müsse", "müssest", "dürfe", "dürfest",
        "solle", "sollest", "wolle", "wollest", "möge", "mögest",
        "wisse", "wissest",
    }
)
#: Konjunktiv I forms identical to the 1st person singular indicative
#: ("er habe" vs. "ich habe"): Konjunktiv unless the subject is "ich".
KONJ_I_UNLESS_FIRST_PERSON = frozenset({"habe", "werde"})

#: Konjunktiv II forms (umlaut or strong-verb stem + e) that differ from the
#: indicative preterite ("wäre" vs. "war", "käme" vs. "kam").
KONJ_II_STEMS = frozenset(
    {
        "wäre", "hätte", "würde", "könnte", "müsste", "müßte", "dürfte", "möchte",
        "bräuchte", "wüsste", "wüßte", "täte", "ginge", "käme", "gäbe", "läge",
        "stünde", "stände", "bliebe", "fände", "hielte", "ließe", "sähe", "nähme",
        "träfe", "zöge", "fiele", "riefe", "schiene", "liefe", "gälte", "böte",
        "löre", "bräche", "spräche", "trüge", "schlüge", "säße", "flöge", "wänne",
        "stürbe", "hülfe", "hälfe", "wüchse", "grübe", "schlösse", "schösse",
        "genösse", "fröre", "söffe", "sänke", "schwiege", "stiege", "striche",
        "griffe", "schriebe", "triebe", "riete", "lüde", "wüsche", "brächte",
        "dächte",
    }
)
#: Person/number endings added to a 3rd-singular Konjunktiv II stem.
KONJ_II_ENDINGS = ("", "n", "st", "t")
#: Inseparable prefixes: "bekäme", "verlöre", "entstünde", "ergäbe".
INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "über", "unter", "wider")

#: Tags that rule out even a closed-class Konjunktiv form: homographs such as
#: "die Würde", "die Stände", "Hab und Gut", and imperatives ("Sei still!").
LEXICAL_VETO_TAGS = frozenset({"NN", "ADJA", "ADJD", "VVIMP", "VAIMP", "VAINF", "VVINF", "VVPP", "VAPP"})

#: Konjunktiv II forms identical to the indicative preterite: modals without
#: umlaut. "Er sollte kommen" is "was to" as often as "should".
AMBIGUOUS_II_FORMS = frozenset(
    {"sollte", "solltest", "sollten", "solltet", "wollte", "wolltest", "wollten", "wolltet"}
)

#: Finite forms that are only ever indicative; they veto a morphologizer
#: ``Mood=Sub`` guess.
INDICATIVE_FORMS = frozenset(
    {
        "ist", "bin", "bist", "sind", "seid", "war", "waren", "warst", "wart",
        "hat", "hast", "hatte", "hatten", "hattest", "wird", "wirst", "wurde",
        "wurden", "wurdest", "kann", "kannst", "konnte", "konnten", "muss",
        "muß", "musst", "musste", "mussten", "darf", "darfst", "durfte",
        "durften", "soll", "sollst", "will", "willst", "mag", "magst", "mochte",
        "mochten", "weiß", "weißt", "gibt", "gab", "gaben", "kam", "kamen",
        "ging", "gingen", "sagt", "sagte", "sagten", "mußte", "mußten",
        "wusste", "wussten", "wußte", "wußten",
    }
)
# "sagte"/"sagten" are listed although weak preterites are formally ambiguous:
# as a reporting verb "sagen" is in practice never Konjunktiv II.
INDICATIVE_VETO = frozenset({"sagte", "sagten", "sagt"})


class Konjunktiv(NamedTuple):
    """The reading of one token.

    Attributes
    ----------
    mood : {"I", "II"} or None
        Konjunktiv I, Konjunktiv II, or None when the token is not read as a
        subjunctive verb.
    ambiguous : bool
        True when the form is also a valid indicative (``hinderten``,
        ``sollte``), so only context decides.
    evidence : str
        What the decision rests on: ``"form"`` (verb-form rules),
        ``"morph"`` (the morphologizer's ``Mood=Sub``), ``"form+morph"``
        (both agree) or ``""``.
    """

    mood: Optional[Mood]
    ambiguous: bool
    evidence: str


NONE = Konjunktiv(None, False, "")
# internal: the form itself shows the indicative ("ist", "ich habe"); vetoes Mood=Sub
INDICATIVE = Konjunktiv(None, False, "form")


def _is_candidate(token: Token) -> bool:
    """True if the token may be a finite verb (unknown tags count as yes)."""
    tag = token.tag_
    if tag:
        if tag in FINITE_TAGS:
            return True
        if tag in NONFINITE_VERB_TAGS or not tag.startswith("V"):
            return False
    pos = token.pos_
    if pos and pos not in ("VERB", "AUX"):
        return False
    morph = token.morph
    if "Imp" in morph.get("Mood") or any(v != "Fin" for v in morph.get("VerbForm")):
        return False
    return True


def _is_lexical_candidate(token: Token) -> bool:
    """Looser test for closed-class forms ("hätte", "sei"): a small tagger often
    mislabels them at the start of a sentence (NE, APPR), so only tags naming a
    real homograph ("die Würde", "Sei still!") rule them out."""
    tag = token.tag_
    if tag in FINITE_TAGS or (tag and tag.startswith("V") and tag not in NONFINITE_VERB_TAGS):
        return True
    if tag in LEXICAL_VETO_TAGS or "Imp" in token.morph.get("Mood"):
        return False
    return True


def _first_person_singular(token: Token) -> bool:
    """True if the verb's subject is "ich" ("ich habe", "habe ich", "weil ich ... habe").

    Looks at the verb's children, then at the words of its clause: leftwards
    up to the previous punctuation mark, and two words to the right.
    """
    doc = token.doc
    if any(c.text.lower() == "ich" for c in token.children):
        return True
    sent_start = token.sent.start if doc.has_annotation("SENT_START") else 0
    j = token.i - 1
    while j >= sent_start and not doc[j].is_punct:
        if doc[j].text.lower() == "ich":
            return True
        j -= 1
    for j in (token.i + 1, token.i + 2):
        if j < len(doc) and doc[j].text.lower() == "ich":
            return True
    morph = token.morph
    if not doc.has_annotation("DEP") and morph.get("Person") == ["1"] and morph.get("Number") != ["Plur"]:
        return True
    return False


def _subjectless_sentence_start(token: Token) -> bool:
    """ "Habe mich operieren lassen." - a colloquial 1st person with the subject left out."""
    doc = token.doc
    if not doc.has_annotation("DEP"):
        return False
    first = token.i == token.sent.start or (token.i > 0 and doc[token.i - 1].is_punct and doc[token.i - 1].is_sent_start)
    return first and not any(c.dep_ in ("nsubj", "nsubj:pass", "sb", "expl") for c in token.children)


def _stem(lemma: str) -> str:
    """Present stem of an infinitive: "geben" -> "geb", "ändern" -> "änder"."""
    if lemma.endswith("en"):
        return lemma[:-2]
    if lemma.endswith(("ln", "rn")):
        return lemma[:-1]
    return ""


def _strip_prefix(form: str) -> list[str]:
    out = [form]
    for p in INSEPARABLE_PREFIXES:
        if form.startswith(p) and len(form) > len(p) + 3:
            out.append(form[len(p):])
    return out


@lru_cache(maxsize=65536)
def _konj_ii_form(form: str) -> Optional[bool]:
    """None if not a listed Konjunktiv II form, else whether it is ambiguous.

    Without umlaut the plural of a strong Konjunktiv II equals the indicative
    preterite ("blieben", "gingen"): ambiguous. Umlauted forms never are
    ("kämen" vs. "kamen").
    """
    for f in _strip_prefix(form):
        for ending in KONJ_II_ENDINGS:
            if ending and not f.endswith(ending):
                continue
            base = f[: len(f) - len(ending)] if ending else f
            if base in KONJ_II_STEMS:
                umlaut = any(ch in base for ch in "äöü")
                return ending == "n" and not umlaut
    return None


def _weak_preterite(form: str, lemma: str, morph) -> bool:
    """Weak preterite with a plural/2nd person ending ("hinderten", "arbeitetet")."""
    stem = _stem(lemma.lower()) if lemma else ""
    if stem and form != lemma.lower():
        # t/d stems insert -e-: "arbeiteten"; "arbeiten" itself is present tense
        suffixes = ("eten", "etet", "etest") if stem.endswith(("t", "d")) else ("ten", "tet", "test")
        return any(form == stem + suffix for suffix in suffixes)
    # no usable lemma: fall back on the morphologizer's tense
    return form.endswith(("ten", "tet", "test")) and "Past" in morph.get("Tense")


def _verb_lemma(token: Token) -> str:
    """The lemma of a verb form: spaCy's lookup table's (spacy-lookups-data) where it lists the
    form, else the tagger's. A statistical lemmatizer reads a rare Konjunktiv I as a weak
    preterite or cuts it short ("richte" → "richen", "gehöre" → "gehör"), which hid its mood."""
    if token.lang_ not in ("de", ""):  # (not the German table in an English run: 60 MB for nothing)
        return token.lemma_
    return lemma_table("de").get(token.text.lower()) or token.lemma_


#: Tags a small tagger gives a rare Konjunktiv I of a full verb ("Das bedeute[ADV] …",
#: "Feldmann rechne[ADJD] mit …"); an attributive adjective's (ADJA) only after a pronoun subject.
MISTAGGED_VERB_TAGS = frozenset({"ADV", "ADJD"})
PRONOUN_SUBJECTS = frozenset({"es", "er", "sie", "man"})


def _mistagged_konjunktiv_i(token: Token) -> bool:
    """Whether a lower-case word the tagger took for an adverb or adjective is a full verb's
    3rd singular Konjunktiv I: the lookup table's lemma is a verb whose present stem + e it is
    ("bedeute" → "bedeuten"), and it stands where no adjective does ("Es gebe[ADJA] Kunden")."""
    text = token.text
    if token.lang_ not in ("de", "") or not text.islower() or token.tag_ not in MISTAGGED_VERB_TAGS | {"ADJA"}:
        return False
    if token.tag_ == "ADJA":
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is None or before.text.lower() not in PRONOUN_SUBJECTS:
            return False
    lemma = lemma_table("de").get(text) or ""
    stem = _stem(lemma)
    return bool(stem) and text == stem + "e" and not _first_person_singular(token)


def _form_reading(token: Token) -> Konjunktiv:
    form = token.text.lower()
    if form in KONJ_I_FORMS:
        return Konjunktiv("I", False, "form") if _is_lexical_candidate(token) else NONE
    if form in KONJ_I_UNLESS_FIRST_PERSON:
        if not _is_lexical_candidate(token):
            return NONE
        if _first_person_singular(token) or _subjectless_sentence_start(token):
            return INDICATIVE
        return Konjunktiv("I", False, "form")
    ambiguous_ii = _konj_ii_form(form)
    if ambiguous_ii is not None:
        if ambiguous_ii and not _is_candidate(token):
            return NONE
        return Konjunktiv("II", ambiguous_ii, "form") if _is_lexical_candidate(token) else NONE
    if not _is_candidate(token):
        return Konjunktiv("I", False, "form") if _mistagged_konjunktiv_i(token) else NONE
    if form in AMBIGUOUS_II_FORMS:
        return Konjunktiv("II", True, "form")
    if form in INDICATIVE_FORMS or form in INDICATIVE_VETO:
        return INDICATIVE
    lemma = _verb_lemma(token)
    stem = _stem(lemma.lower()) if lemma else ""
    # 3rd singular Konjunktiv I: stem + e ("gebe", "unterstütze"), where the
    # indicative is stem + t or has a vowel change ("gibt", "unterstützt").
    # With a finite-verb tag the lemma is not needed (a small lemmatizer often
    # returns the form itself); without a tag it must match.
    # A lemma that is no infinitive ("neu", "begleitend") betrays a mistagged adjective.
    lem = lemma.lower()
    verb_lemma = not lem or lem == form or bool(stem)
    if form.endswith("e") and len(form) > 3 and verb_lemma and (token.tag_ in FINITE_TAGS or (stem and form == stem + "e")):
        if "Plur" in token.morph.get("Number") and not (stem and form == stem + "e"):
            return NONE  # a plural finite verb ends in -en or -t; the tagger's number is no match for the ending
        # weak preterite singular ("erklärte", "richtete"): practically indicative, whoever
        # its subject (so the clause is not read for one)
        if stem and form in (stem + "te", stem + "ete"):
            return INDICATIVE
        if _first_person_singular(token) or _subjectless_sentence_start(token):
            return INDICATIVE
        if stem and form == stem + "e":
            # a t-stem's Konjunktiv I ("richte") looks like a weak preterite whose lemma the
            # lemmatizer got wrong ("bremste" from "bremsten"): the morphologizer's past
            # indicative leaves it open
            past = form.endswith("te") and "Past" in token.morph.get("Tense") and "Ind" in token.morph.get("Mood")
            return Konjunktiv("I", past, "form")
        # no usable lemma: "-te" is a t-stem Konjunktiv I ("richte") or a weak preterite ("stimmte")
        return Konjunktiv("I", form.endswith("te"), "form")
    if _weak_preterite(form, lemma, token.morph):
        return Konjunktiv("II", True, "form")
    return NONE


def konjunktiv(token: Token) -> Konjunktiv:
    """Read the mood of one token from its form and its morphology.

    Parameters
    ----------
    token : spacy.tokens.Token
        Any token; non-verbs and non-finite verbs give ``mood=None``.

    Returns
    -------
    Konjunktiv
        ``(mood, ambiguous, evidence)``.

    Examples
    --------
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Sie", "sagten", ",", "die", "Regeln", "hinderten", "sie"],
    ...           tags=["PPER", "VVFIN", "$,", "ART", "NN", "VVFIN", "PPER"],
    ...           lemmas=["sie", "sagen", ",", "die", "Regel", "hindern", "sie"])
    >>> konjunktiv(doc[5])
    Konjunktiv(mood='II', ambiguous=True, evidence='form')
    >>> konjunktiv(doc[1])
    Konjunktiv(mood=None, ambiguous=False, evidence='')

    Notes
    -----
    Rules, in order: unambiguous Konjunktiv I forms (``sei``, ``könne``,
    ``möge``...); ``habe`` / ``werde`` unless the subject is "ich" or left
    out at the start of a sentence ("Habe mich ... gefreut"); Konjunktiv II
    stems with umlaut or strong ablaut (``wäre``, ``hätten``, ``käme``, also
    with inseparable prefixes: ``bekäme``; the unumlauted plural ``blieben``
    is ambiguous); ``sollte`` / ``wollte`` (ambiguous); a finite verb in -e
    in the 3rd singular (``gebe``, ``unterstütze``; -te forms are ambiguous
    with the weak preterite); weak preterite plurals (``hinderten``,
    ambiguous). Forms that show the indicative (``ist``, ``gibt``,
    ``ich habe``) veto the morphologizer. A morphologizer ``Mood=Sub``
    settles an ambiguous form, except ``sollte`` / ``wollte``, which stay
    ambiguous; alone it is accepted unless the token is a 3rd singular in
    -t, and its mood number comes from ``Tense`` (Pres -> I, Past -> II).
    Cost: O(1) per token
    except the prefix loop (a dozen string comparisons).
    """
    by_form = _form_reading(token)
    if by_form is INDICATIVE:
        return NONE
    if not _is_candidate(token):
        return by_form
    morph = token.morph
    sub = "Sub" in morph.get("Mood")
    if not sub:
        return by_form
    if by_form.mood is not None:
        # The morphologizer has seen the context and settles an ambiguous form,
        # except sollte/wollte: "should" vs. "was to" is a matter of meaning, and
        # on GSD dev most of its Mood=Sub guesses on them were wrong.
        form = token.text.lower()
        still_ambiguous = by_form.ambiguous and form in AMBIGUOUS_II_FORMS
        return Konjunktiv(by_form.mood, still_ambiguous, "form+morph")
    form = token.text.lower()
    if morph.get("Person") == ["3"] and morph.get("Number") == ["Sing"] and form.endswith("t"):
        return NONE
    lemma = _verb_lemma(token).lower()
    if lemma and lemma != form and not lemma.endswith("n"):
        return NONE  # a lemma that is no infinitive (every one ends in -n): "eventuelle" → "eventuell", an adjective
    tense = morph.get("Tense")
    mood: Mood = "II" if "Past" in tense else "I"
    # plural present forms are identical to the indicative ("sie haben")
    ambiguous = mood == "I" and form.endswith("en") and form not in KONJ_I_FORMS
    return Konjunktiv(mood, ambiguous, "morph")


def may_be_konjunktiv(form: str, tag: str, before: str | None) -> bool:
    """Whether :func:`konjunktiv` may read a mood in a token with this text, STTS tag and text
    of the token before it (None at the start): False only where the tag and the form rule
    out every reading (a non-finite verb, an adjective or a noun not in the form lists), so a
    caller with the Doc's arrays skips reading such tokens.

    >>> may_be_konjunktiv("gesagt", "VVPP", "hat"), may_be_konjunktiv("sei", "VVPP", "es")
    (False, True)
    >>> may_be_konjunktiv("neue", "ADJA", "die"), may_be_konjunktiv("gebe", "ADJA", "es")
    (False, True)
    """
    if tag in FINITE_TAGS or not tag or (tag[0] == "V" and tag not in NONFINITE_VERB_TAGS):
        return True  # a finite or untagged word: every rule may apply
    low = form.lower()
    if low in KONJ_I_FORMS or low in KONJ_I_UNLESS_FIRST_PERSON or _konj_ii_form(low) is not None:
        return True
    # otherwise only a mistagged Konjunktiv I in -e (_mistagged_konjunktiv_i) has a mood
    if tag in MISTAGGED_VERB_TAGS:
        return low.endswith("e")
    return tag == "ADJA" and low.endswith("e") and before is not None and before.lower() in PRONOUN_SUBJECTS


def konjunktiv_mood(token: Token, *, include_ambiguous: bool = False) -> Optional[Mood]:
    """Return ``"I"``, ``"II"`` or None for one token.

    Parameters
    ----------
    token : spacy.tokens.Token
        Any token.
    include_ambiguous : bool, optional
        Also return the mood of forms that are equally indicative
        (``hinderten``, ``sollte``). Default False.

    Returns
    -------
    {"I", "II"} or None

    Examples
    --------
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Er", "sagte", ",", "sie", "sei", "krank", "."],
    ...           tags=["PPER", "VVFIN", "$,", "PPER", "VAFIN", "ADJD", "$."])
    >>> [konjunktiv_mood(t) for t in doc]
    [None, None, None, None, 'I', None, None]
    """
    reading = konjunktiv(token)
    if reading.ambiguous and not include_ambiguous:
        return None
    return reading.mood


def is_konjunktiv(token: Token, *, include_ambiguous: bool = False) -> bool:
    """True if the token is a finite verb in Konjunktiv I or II.

    Parameters
    ----------
    token : spacy.tokens.Token
        Any token.
    include_ambiguous : bool, optional
        Count forms that are equally indicative (``hinderten``). Default False.

    Returns
    -------
    bool

    Examples
    --------
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Das", "wäre", "gut", ",", "das", "ist", "gut"])
    >>> [t.text for t in doc if is_konjunktiv(t)]
    ['wäre']
    """
    return konjunktiv_mood(token, include_ambiguous=include_ambiguous) is not None
