"""Names as comparable forms: case, umlauts, titles, German inflection and transliteration folded away.

The rules are data (``graph/lexicon/names.json``): general correspondences between German and
English spellings (``sch``/``sh``, ``w``/``v``, ``j``/``y``, …), never a list of people, so
"Lukaschenko" and "Lukashenko", "Selenskyj" and "Zelensky", "Nawalny" and "Navalny",
"Medwedew" and "Medvedev" come out the same.

Examples
--------
>>> name_form("Alexander Lukaschenko") == name_form("Alexander Lukashenko")
True
>>> name_form("Selenskyj"), name_form("Zelenskyy"), name_form("Medwedew"), name_form("Medvedev")
(('selenski',), ('selenski',), ('medvedev',), ('medvedev',))
>>> name_form("Präsident Obama"), name_form("Mr. Trump's")
(('obama',), ('trump',))
>>> name_form("der Deutschen Bank", "organization") == name_form("Deutsche Bank", "organization")
True
>>> base_forms(name_form("des Lehrerverbands", "organization"), "organization")
[('lehrerverband',)]
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["NameRules", "rules", "words", "name_form", "base_forms", "type_class"]

Form = tuple[str, ...]

#: schema.org class -> the class of names it takes part in ("media" and "organisation" compare).
_CLASSES = {
    "https://schema.org/Person": "person",
    "https://schema.org/Organization": "organization",
    "https://schema.org/NewsMediaOrganization": "organization",
    "https://schema.org/Place": "location",
}


@dataclass(frozen=True)
class NameRules:
    """The name knowledge of ``names.json``, compiled."""

    determiners: frozenset[str]
    titles: frozenset[str]
    spelled_out: dict[str, str]
    transliteration: tuple[tuple[re.Pattern, str], ...]
    genitive_endings: dict[str, tuple[str, ...]]
    adjective_endings: tuple[str, ...]
    adjective_base: str


@lru_cache(maxsize=1)
def rules() -> NameRules:
    """The rules shipped in ``graph/lexicon/names.json`` (read once)."""
    text = resources.files("quotegraph.graph").joinpath("lexicon/names.json").read_text(encoding="utf-8")
    data = json.loads(text)

    def spelt(word: str) -> str:  # the lists are written as people write; words() spells out
        return "".join(data["spelled_out"].get(ch, ch) for ch in word.casefold())

    return NameRules(
        determiners=frozenset(map(spelt, data["determiners"])),
        titles=frozenset(map(spelt, data["titles"])),
        spelled_out=dict(data["spelled_out"]),
        transliteration=tuple((re.compile(p), r) for p, r in data["transliteration"]),
        genitive_endings={k: tuple(v) for k, v in data["genitive_endings"].items()},
        adjective_endings=tuple(data["adjective_endings"]),
        adjective_base=data["adjective_base"],
    )


def type_class(type_iri: str | None) -> str:
    """The class of names an entity type belongs to: person, organization, location or other.

    >>> type_class("https://schema.org/NewsMediaOrganization"), type_class(None)
    ('organization', 'other')
    """
    return _CLASSES.get(str(type_iri or ""), "other")


def words(name: str) -> list[str]:
    """The words of a name, casefolded, umlauts spelt out, other marks dropped, possessive 's gone.

    >>> words("Gülsen  Celebi"), words("Trump’s"), words("Schimmer-Göresz")
    (['guelsen', 'celebi'], ['trump'], ['schimmer', 'goeresz'])
    """
    r = rules()
    text = unicodedata.normalize("NFC", name).casefold()
    text = "".join(r.spelled_out.get(ch, ch) for ch in text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"['’]s\b", "", text)
    return re.findall(r"\w+", text)


def _transliterated(word: str) -> str:
    for pattern, replacement in rules().transliteration:
        word = pattern.sub(replacement, word)
    return word


def _adjective(word: str) -> str:
    r = rules()
    for ending in r.adjective_endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + r.adjective_base
    return word


def name_form(name: str, name_class: str = "person") -> Form:
    """The comparable form of a name: its words without leading determiners and titles, the
    adjective endings of an organisation's or place's name levelled, each word transliterated.

    Two names with the same form (and the same class) are spellings of one name.

    >>> name_form("die Vereinten Nationen", "organization") == name_form("Vereinte Nationen", "organization")
    True
    >>> name_form("Herr Dr. Weber"), name_form("Frau")
    (('veber',), ('frau',))
    """
    r = rules()
    ws = words(name)
    while len(ws) > 1 and (ws[0] in r.determiners or ws[0] in r.titles):
        ws = ws[1:]
    if name_class in ("organization", "location"):
        ws = [_adjective(w) for w in ws[:-1]] + ws[-1:]
    return tuple(_transliterated(w) for w in ws)


def base_forms(form: Form, name_class: str) -> list[Form]:
    """The forms a name would have without a genitive ending on its last word, longest ending first.

    >>> base_forms(("merkels",), "person"), base_forms(("bundestages",), "organization")
    ([('merkel',)], [('bundestag',), ('bundestage',)])
    >>> base_forms(("klaus",), "person")  # too short to carry an ending
    []
    """
    if not form:
        return []
    last = form[-1]
    out = []
    for ending in rules().genitive_endings.get(name_class, ()):
        # a stem of five letters at least: "Klaus", "Hans" keep their s
        if last.endswith(ending) and len(last) - len(ending) >= 5:
            out.append((*form[:-1], last[: -len(ending)]))
    return out
