"""The gender an article shows for its persons, and the gender a reference to one shows (a
pronoun, an age description): coreference never joins a reference to a person of the other one."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.attrs import LOWER, ORTH, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span

from .doc_offsets import span_text
from .doc_tables import doc_ents, forms, id_list
from .head_names import age_description, entity_type_of_label
from .lexicon import CueLexicon
from .salience import pronoun_gender
from .title_nouns import title_gender, title_noun

if TYPE_CHECKING:
    from .entity_index import EntityIndex

__all__ = ["person_genders", "gender_of_reference", "feminine_role", "first_name_genders"]


def person_genders(doc: Doc, index: EntityIndex, lex: CueLexicon) -> dict[int, str]:
    """The gender the article shows for its persons (by entity id): a form of address before a
    name ("Mr.", "Frau") or a role noun of one grammatical gender ("Ministerin Anna Weiß");
    a person shown as both is left out. Where the article shows none, a given name first in a
    person's name that is given to one gender only (:func:`first_name_genders`: "Anna Roth",
    "Peter Klein") shows it, so "she" after "Peter Klein met Anna Roth" is Anna Roth."""
    seen: dict[int, set[str]] = {}
    by_first_name: dict[int, set[str]] = {}
    given = first_name_genders()
    # the words read from the Doc's arrays and its text: a Token only for a title before a name
    texts, lowers, pos = forms(doc, ORTH), forms(doc, LOWER), id_list(doc, POS)
    for ent in doc_ents(doc):
        if entity_type_of_label(ent.label_) != "person":
            continue
        if len(ent) > 1 and texts[ent.start] in given:
            resolved = index.find(span_text(ent), "person")
            if resolved is not None:
                by_first_name.setdefault(id(resolved), set()).add(given[texts[ent.start]])
        if ent.start == 0:
            continue
        before = ent.start - 1
        if lowers[before] in lex.masculine_titles:
            gender = "Masc"
        elif lowers[before] in lex.feminine_titles:
            gender = "Fem"
        elif pos[before] in (NOUN, PROPN) and index.is_title(texts[before]):
            genders = set(doc[before].morph.get("Gender")) & {"Masc", "Fem"}
            gender = "Fem" if feminine_role(texts[before], lex, index) else genders.pop() if len(genders) == 1 else None
        else:
            gender = None
        resolved = index.find(span_text(ent), "person") if gender else None
        if resolved is not None:
            seen.setdefault(id(resolved), set()).add(gender)
    shown = {k: v.pop() for k, v in seen.items() if len(v) == 1}
    return {**{k: v.pop() for k, v in by_first_name.items() if len(v) == 1 and k not in seen}, **shown}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """The gender ("Fem", "Masc") of the given names in ``lexicons/first_names.json``, each
    given to one gender only, as written.

    >>> first_name_genders()["Anna"], first_name_genders()["Peter"]
    ('Fem', 'Masc')
    """
    path = resources.files("quotegraph.extract").joinpath("lexicons/first_names.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {**{name: "Fem" for name in data["female"]}, **{name: "Masc" for name in data["male"]}}


def gender_of_reference(span: Span | None, lex: CueLexicon) -> str | None:
    """The gender a pronoun ("er"), an age description ("die 54-Jährige") or a German title
    ("die Ministerin", "der SPD-Chef") shows, or None."""
    if span is None:
        return None
    if len(span) == 1:
        return pronoun_gender(span[0])
    if age_description(span, lex):
        # the article's gender first: the tagger may read the noun after "der" as a genitive feminine
        for token in (span[0], span[-1]):
            genders = set(token.morph.get("Gender")) & {"Masc", "Fem"}
            if len(genders) == 1:
                return genders.pop()
    head = span[-1]
    if lex.feminine_role_endings and title_noun(head.text, lex) and "Plur" not in head.morph.get("Number"):
        # a German role noun shows its holder's gender ("die Wirtschaftsministerin", "der
        # Minister"): by a feminine ending, else by the tagger's gender of a masculine form
        # (not the article's: "der Ministerin" is feminine)
        feminine = title_gender(head.text, lex)
        genders = set(head.morph.get("Gender")) & {"Masc", "Fem"}
        return feminine or ("Masc" if genders == {"Masc"} else None)
    return None


def feminine_role(word: str, lex: CueLexicon, index: EntityIndex) -> bool:
    """Whether a role noun is a title made feminine by its ending ("Präsidentin",
    "VDA-Präsidentin": "Präsident" is a title too; "Gewerkschaftschefin": a compound ending in
    one), whatever gender the tagger gave it."""
    role = word.rpartition("-")[2]
    return any(role.endswith(end) and index.is_title(role[: -len(end)]) for end in lex.feminine_role_endings)
