"""Which words of an article are names, and whether an entity is known by a name or only by a
description ("die Polizei", "the campaign"), which makes it one within its article."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ENT_TYPE, LIKE_NUM, ORTH, POS, SENT_START, TAG
from spacy.symbols import ADJ, DET, NOUN, NUM, PROPN
from spacy.tokens import Doc

from .doc_tables import among, doc_array, forms, id_list, tokens_with
from .head_names import noun_in, outlet_name_after
from .lexicon import CueLexicon
from .quoted_names import NAME_OPENING_MARKS

if TYPE_CHECKING:
    from .entity_index import EntityIndex

__all__ = ["proper_words", "has_name"]


def proper_words(doc: Doc, named_ents, lex: CueLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case words of an article that are names: its proper nouns in any case ("dpa"),
    by their part of speech or their fine-grained tag (``lex.proper_noun_tags``), and, written
    with a capital, the words of its named people, organisations and places (``named_ents``:
    (span, text, type) triples) and words other than nouns inside a sentence ("Berliner
    Zeitung", "The Guardian" in a German text; not the adjective of a nationality or party the
    recogniser marks NORP; numerals with a capital; a noun right after an organisation noun), and the words of a name in quotation marks after
    an outlet word ("des Magazins „Der Spiegel“"). Full stops are dropped ("U.S.")."""
    texts, pos = forms(doc, ORTH), id_list(doc, POS)
    # the tokens each set reads are picked from the Doc's arrays first: a loop in Python over
    # every token costs more than the few words kept
    pos_ids = doc_array(doc, POS)
    tags = {doc.vocab.strings[t] for t in lex.proper_noun_tags}
    names = (pos_ids == PROPN) | among(doc_array(doc, TAG), tags)
    propn = {texts[i].lower().strip(".") for i in np.flatnonzero(names).tolist()}
    for k in tokens_with(doc, NAME_OPENING_MARKS, 1, attr=ORTH):
        # (a quotation mark first: most nouns are followed by none)
        name = outlet_name_after(doc, k - 1, len(doc), lex) if pos[k - 1] == NOUN else None
        if name is not None:
            propn.update(w.lower().strip(".") for w in texts[name.start : name.end])
    # (not a nationality's or a party's adjective, "a French official": English writes them with a capital)
    # (and a "numeral" that is no number: the German tagger takes a rare word after an
    # organisation noun for one, "das Institut Nordlicht" NUM; "One" is a number)
    inside = ((among(pos_ids, _CAPITALISED_IN_NAMES) | ((pos_ids == NUM) & (doc_array(doc, LIKE_NUM) == 0)))
              & (doc_array(doc, SENT_START) != 1))
    if "NORP" in doc.vocab.strings:
        inside &= doc_array(doc, ENT_TYPE) != doc.vocab.strings["NORP"]
    capitalised = {w.lower().strip(".") for w in map(texts.__getitem__, np.flatnonzero(inside).tolist())
                   if w[:1].isupper()}
    capitalised.update(texts[i].lower() for i in _names_after_organisation_nouns(doc, pos_ids, texts, lex))
    for ent, text, etype in named_ents:
        if etype != "other" and not (ent.label_ == "NORP" and all(t.pos_ == "ADJ" for t in ent)):
            capitalised.update(w.strip(".") for w in _NAME_WORD.findall(text.lower()))
            # and an acronym before a hyphen: "WWF" of "WWF-Sprecher", which the recogniser took whole
            # ("Polizei" of "Polizei-Sprecher" stays a noun)
            capitalised.update(p.lower() for w in _NAME_WORD.findall(text) for p in w.split("-")[:-1]
                               if len(p) >= 2 and p.isupper())
    return frozenset(propn), frozenset(capitalised)


def _names_after_organisation_nouns(doc: Doc, pos_ids, texts: list[str], lex: CueLexicon) -> list[int]:
    """The capitalised nouns right after a capitalised organisation noun, themselves none: the
    body's name, which the tagger took for a common noun ("dem Verband Abendstern")."""
    pairs = np.flatnonzero((pos_ids[1:] == NOUN) & (pos_ids[:-1] == NOUN)).tolist() if len(doc) > 1 else []
    return [i + 1 for i in pairs if texts[i][:1].isupper() and texts[i + 1][:1].isupper()
            and noun_in(doc[i], lex.organisation_nouns, lex) and not noun_in(doc[i + 1], lex.organisation_nouns, lex)]


_NAME_WORD = re.compile(r"\w[\w.'’-]*")
_CAPITALISED_IN_NAMES = frozenset((ADJ, DET))  # a capital marks them as part of a name


def has_name(names: Iterable[str], proper: tuple[frozenset[str], frozenset[str]], index: EntityIndex) -> bool:
    """Whether one of an entity's names holds a name of its article (:func:`proper_words`): a
    proper noun, or a word of a name written with a capital; not a title ("Präsident" before a
    name) nor a determiner. "the campaign" has none, even where the NER took "the Berger
    campaign" for an organisation."""
    propn, capitalised = proper
    for name in names:
        for whole in _NAME_WORD.findall(index.clean(name)):
            if index.is_title(whole):
                continue
            for w in {whole, *whole.split("-")}:  # a tokenizer may split at the hyphen ("Star-Ledger")
                low = w.lower().strip(".")
                if low in propn or (w[:1].isupper() and low in capitalised):
                    return True
    return False
