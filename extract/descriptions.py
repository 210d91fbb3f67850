"""A definite description ("der Demokrat", "the senator", "der Fraktionschef") to the person or
organisation it named before: the one that role noun stood beside ("der Demokrat Tom Berger",
"Senator John Miller", "Tom Berger, der Demokrat,", "Grünen-Fraktionschef Jan Hollmann").

Only the article's own words decide: a description refers back when a name stood beside the
same role noun earlier (or beside a compound ending in it: "der Fraktionschef" after
"Grünen-Fraktionschef Jan Hollmann"); with several, the one in focus (the subject of the
sentence before: "Rubio …. The senator said"), else the one the article names most often (the
one it is about: "der Papst" in an article on one pope that recalls another), else the one
named last. With none it is left to the other rules (a title alone goes to the person in focus; anything else stays a description).

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> words = ["Senator", "John", "Miller", "spoke", ".", "the", "senator", "said", "."]
>>> doc = Doc(nlp.vocab, words=words, pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
...           morphs=["", "", "", "", "", "Definite=Def|PronType=Art", "", "", ""])
>>> roles = RoleNouns(doc, [(doc[1:3], "John Miller")])
>>> roles.antecedent(doc[5:7])
'John Miller'
>>> roles.antecedent(doc[0:1]) is None   # no description
True
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_PUNCT, LEMMA, MORPH, ORTH, POS
from spacy.parts_of_speech import ADJ, DET, NOUN, NUM, PROPN, PUNCT
from spacy.tokens import Doc, Span, Token

from .doc_tables import among, doc_array, flags, forms, head_list, id_list, id_set, kept, morph_of, morph_values_by_id

__all__ = ["RoleNouns", "role_nouns", "description_head", "synonym_table", "compound_before"]

#: a compound may end in the description's noun ("Fraktionschef" in "Grünen-Fraktionschef")
#: when the noun is at least this long: short ones ("Chef") end too many words by chance
MIN_COMPOUND_TAIL = 5

#: how many tokens back :func:`compound_before` looks for the compound a description refers to
COMPOUND_WINDOW = 400


def _noun(token: Token) -> bool:
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text[:1].isupper())


#: how a name hangs on the noun before it when it is that noun's owner, not its name
#: ("die Fraktion Hartmanns", "the party of Smith")
_OWNER_DEPS = frozenset({"nmod", "nmod:poss", "poss", "obl", "obj", "iobj", "pobj"})


def role_nouns(name: Span) -> list[Token]:
    """The role nouns standing beside a name: the noun right before it ("der Demokrat Tom
    Berger", "Senator John Miller"; not "die Fraktion Hartmanns", whose name is its owner) and
    the head of an apposition after it ("Tom Berger, der Demokrat,")."""
    doc = name.doc
    # the words around the name read from the Doc's arrays: a Token only for a role noun found
    pos, texts, deps, heads = id_list(doc, POS), forms(doc, ORTH), id_list(doc, DEP), head_list(doc)
    strings = doc.vocab.strings
    out = []
    if name.start > 0 and _noun_at(pos, texts, name.start - 1) and not (
            heads[(root := name.root).i] == name.start - 1 and deps[root.i] in id_set(_OWNER_DEPS, strings)):
        out.append(doc[name.start - 1])
    i = name.end
    if i + 1 < len(doc) and texts[i] == ",":
        j = i + 1
        while j < len(doc) and pos[j] in (DET, ADJ, NUM):
            j += 1
        # an apposition by the parse: not the subject of a clause after the comma ("…, die Fraktion nehme …")
        if j < len(doc) and j > i + 1 and _noun_at(pos, texts, j) and name.start <= heads[j] < name.end and (
                deps[j] == strings["appos"] or deps[j] == strings["conj"] and _closed_by_comma(doc[j])):
            out.append(doc[j])
    return out


def _noun_at(pos: list[int], texts: list[str], i: int) -> bool:
    """:func:`_noun` of the token at ``i``, from the Doc's arrays."""
    return pos[i] == NOUN or (pos[i] == PROPN and texts[i][:1].isupper())


def _closed_by_comma(noun: Token) -> bool:
    """Whether a phrase the parser coordinated with a name is closed by a comma, as an
    apposition is ("Ines Roth, die Innenministerin der Provinz, sagte"), not by "und"."""
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and noun.doc[after].text == ","


def description_head(span: Span) -> Token | None:
    """The noun of a definite description ("der Demokrat", "the senator", "der 45-jährige
    Demokrat"), or None when the span is not one: a definite article, adjectives or numbers,
    one singular noun last (a plural, "die Organisationen", names no one of them)."""
    # the words (no punctuation) and their parts of speech from the Doc's arrays: most mentions
    # (a pronoun, a name) fail the first test, and make no Token
    if len(span) < 2:  # a pronoun, a one-word name: no article and noun
        return None
    doc = span.doc
    punct, pos = flags(doc, IS_PUNCT), id_list(doc, POS)
    words = [i for i in range(span.start, span.end) if not punct[i]]
    if len(words) < 2 or pos[words[0]] != DET or "Def" not in morph_of(doc[words[0]], "Definite"):
        return None
    first, last = doc[words[0]], doc[words[-1]]
    if not _noun(last) or any(pos[i] not in (ADJ, NUM) for i in words[1:-1]):
        return None
    if "Plur" in morph_of(last, "Number") or "Plur" in morph_of(first, "Number"):
        return None
    return last


def compound_before(span: Span) -> Token | None:
    """The last noun before a definite description, after a definite article, that is a longer
    compound of the description's noun ("Der Betreiberverband wies … zurück" before "laut dem
    Verband"): the body the description refers back to, named in a sentence that reported
    nothing; None when there is none or the description is none.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Der", "Hafenverband", "schwieg", ".", "Laut", "dem", "Verband", "fehlt", "Geld", "."]
    >>> doc = Doc(spacy.blank("de").vocab, words=words, pos=["DET", "NOUN", "VERB", "PUNCT", "ADP",
    ...           "DET", "NOUN", "VERB", "NOUN", "PUNCT"], morphs=["Definite=Def", "", "", "", "",
    ...           "Definite=Def", "", "", "", ""])
    >>> compound_before(doc[5:7]).text
    'Hafenverband'
    """
    head = description_head(span)
    if head is None:
        return None
    tail = _key(head)
    if len(tail) < MIN_COMPOUND_TAIL:
        return None
    nouns, keys = kept(span.doc, "definite_nouns", _definite_nouns)
    low = max(0, span.start - COMPOUND_WINDOW)  # bounded: linear in the article
    k = bisect_left(nouns, span.start)
    while k > 0 and nouns[k - 1] > low:
        k -= 1
        if len(keys[k]) > len(tail) and keys[k].endswith(tail):
            return span.doc[nouns[k]]
    return None


def _definite_nouns(doc: Doc) -> tuple[list[int], list[str]]:
    """The singular nouns right after a definite article, with their keys (:func:`_key`), from
    the Doc's arrays: what :func:`compound_before` looks back through, found once per Doc
    rather than a Token made per word of its window."""
    if len(doc) < 2:
        return [], []
    pos, morph = doc_array(doc, POS), doc_array(doc, MORPH)
    defs = [k for k, values in morph_values_by_id(doc, "Definite").items() if "Def" in values]
    plurals = [k for k, values in morph_values_by_id(doc, "Number").items() if "Plur" in values]
    found = (pos[1:] == NOUN) & (pos[:-1] == DET) & among(morph[:-1], defs) & ~among(morph[1:], plurals)
    nouns = (np.flatnonzero(found) + 1).tolist()
    lemmas, texts, strings = id_list(doc, LEMMA), forms(doc, ORTH), doc.vocab.strings
    return nouns, [(strings[lemmas[i]] or texts[i]).casefold() for i in nouns]


def _key(token: Token, synonyms: dict[str, str] | None = None) -> str:
    key = (token.lemma_ or token.text).casefold()
    return synonyms.get(key, key) if synonyms else key


def synonym_table(groups: Iterable[Iterable[str]]) -> dict[str, str]:
    """Each word of a group of role nouns that name the same kind of thing, to the group's first.

    >>> synonym_table([("zeitung", "blatt")])
    {'zeitung': 'zeitung', 'blatt': 'zeitung'}
    """
    return {word: words[0] for words in map(tuple, groups) for word in words}


def _modifiers(noun: Token) -> frozenset[str]:
    """The words right before a role noun that qualify it ("former", "Florida" in "former
    Florida governor"; "oil" in "oil giant")."""
    out, i = [], noun.i - 1
    while i >= 0 and noun.doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and noun.doc[i].ent_iob_ in ("", "O"):
        out.append(_key(noun.doc[i]))
        i -= 1
    return frozenset(out)


def _same_role(description: str, role: str) -> bool:
    return role == description or (len(description) >= MIN_COMPOUND_TAIL and role.endswith(description))


class RoleNouns:
    """The role nouns of an article's names, and the name a definite description refers to.

    Parameters
    ----------
    names : iterable of (Span, entity)
        Every name of a person or organisation with the entity it resolves to (any object).
    synonyms : dict, optional
        Role nouns that name the same kind of thing, to one of them (:func:`synonym_table`):
        "das Blatt" refers back to "die Zeitung X".
    generic : set of str, optional
        Role nouns (lower case) any holder of a role fits, also as a compound's last part after
        a hyphen: "der SPD-Politiker" contradicts no "Arbeitsminister X" (:meth:`contradicts`).
    """

    def __init__(self, doc, names: Iterable[tuple[Span, Any]], synonyms: dict[str, str] | None = None,
                 generic: frozenset[str] = frozenset()):
        self.synonyms = synonyms or {}
        self.generic = generic
        names = [(name, entity) for name, entity in names if entity is not None]
        self.mentions: dict[int, int] = {}  # entity (by id) -> how often the article names it
        for _, entity in names:
            self.mentions[id(entity)] = self.mentions.get(id(entity), 0) + 1
        self.roles: list[tuple[int, str, frozenset[str], Any]] = sorted(
            ((name.start_char, _key(noun, self.synonyms), _modifiers(noun), entity) for name, entity in names
             for noun in role_nouns(name)),
            key=lambda r: r[0])

    def learn(self, mention: Span, entity: Any, *, by_noun: bool = True, name: str | None = None) -> None:
        """Add the role nouns of a mention that named ``entity`` with words the recogniser
        did not take for a name ("Die Zeitung Weser-Echo berichtete": "das Blatt" after it
        refers back to Weser-Echo): the noun before the proper nouns that end the mention, or
        a definite description's own noun (with ``by_noun``: not for a title, whose holder
        the person in focus decides), or the noun opening ``name``, the entity's name, when the
        mention holds it with the words after it. A mention holding an entity of ``doc.ents``
        adds nothing (its roles are known)."""
        doc = mention.doc
        pos = id_list(doc, POS)
        end = mention.end
        while end > mention.start and pos[end - 1] == PUNCT:
            end -= 1
        start = end
        while start > mention.start and pos[start - 1] == PROPN:
            start -= 1
        if entity is None or any(t.ent_type for t in mention):
            return
        # with no name, a definite description names the entity by its noun ("Der
        # Betreiberverband erklärte …": "der Verband" after it refers back to it)
        nouns = role_nouns(doc[start:end]) if start < end else [head] if by_noun and (head := description_head(mention)) else []
        if not nouns and start == end and name:
            # "Dem Wirtschaftsinstitut Nordlicht zufolge" named "Wirtschaftsinstitut Nordlicht"
            # (the tagger took "Nordlicht" for a common noun): the noun opening the name is its role
            words = name.split()
            nouns = [t for t in mention[:-1] if t.pos_ == "NOUN" and t.text == words[0] and len(words) > 1
                     and doc[t.i + 1].text == words[1] and words[1][:1].isupper()][:1]
        if not nouns:
            return
        self.mentions[id(entity)] = self.mentions.get(id(entity), 0) + 1
        self.roles.extend((mention.start_char, _key(noun, self.synonyms), _modifiers(noun), entity) for noun in nouns)
        self.roles.sort(key=lambda r: r[0])

    def antecedent(self, span: Span, in_focus: Callable[[], Any | None] | None = None) -> Any | None:
        """The entity whose name stood beside the same role noun before ``span``; None when
        ``span`` is no definite description or no name fits. Of several, the one in focus
        (``in_focus()``, asked only then: the person a pronoun there would refer to), else the
        one named most often, else the last."""
        head = description_head(span)
        if head is None:
            return None
        key, mods = _key(head, self.synonyms), _modifiers(head)
        # "the online retail giant" is not the "oil giant" named before: both qualified, differently
        fitting = [(self.mentions[id(entity)], at, entity, bool(mods & role_mods))
                   for at, role, role_mods, entity in self.roles
                   if at < span.start_char and _same_role(key, role) and not (mods and role_mods and not mods & role_mods)]
        if any(f[3] for f in fitting):  # "the former president": the one named "former President …"
            fitting = [f for f in fitting if f[3]]
        if len({id(f[2]) for f in fitting}) > 1 and in_focus is not None:
            focus = in_focus()
            if any(f[2] is focus for f in fitting):
                return focus
        return max(fitting, key=lambda f: f[:2])[2] if fitting else None  # most often named, then last

    def contradicts(self, span: Span, entity: Any) -> bool:
        """Whether a definite description cannot refer to ``entity``: the article named it
        before beside role nouns, none of them the description's ("der Minister" is not the
        one named "Gewerkschaftschef Karl Ossenbrink"; "the senator" not "Governor Ann
        Lee"). An entity named with no role noun fits any, and a generic role noun any entity."""
        head = description_head(span) if entity is not None else None
        if head is None:
            return False
        key = _key(head, self.synonyms)
        if key.rpartition("-")[2] in self.generic:
            return False
        roles = [role for at, role, _, e in self.roles if e is entity and at < span.start_char]
        return bool(roles) and not any(_same_role(key, role) for role in roles)
