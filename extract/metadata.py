"""Article metadata found in the text itself: headline, author byline, agency credits.

Plain-text news pasted from the web keeps these in recognisable places: the headline is the
first short line, a byline is "Von: Name" / "Von Name" / "By Name" on a line of its own,
and agency credits close the text in brackets: "(dpa/pm)", "(AFP)", "(Reuters)"; in those, a
short lower-case part that names no agency is an editor's initials ("pm"), not an outlet.

>>> text = "Regen in Sicht\\n\\nVon: Erika Muster\\n\\nEs regnet, sagte er. (dpa/afp)"
>>> meta = find_metadata(text)
>>> meta.title, meta.authors, meta.agencies
('Regen in Sicht', ('Erika Muster',), ('dpa', 'afp'))
>>> find_metadata("Es regnet, sagte er. (dpa/pm)").agencies   # "pm": an editor's initials
('dpa',)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["TextMetadata", "find_metadata"]

_BYLINE = re.compile(
    r"^[ \t]*(?:Von|By|Autor|Autorin|Author)[:\s]+"
    r"(?P<names>[A-ZÄÖÜ][\w.'’-]+(?:[ \t]+[A-ZÄÖÜ][\w.'’-]+){0,3}"
    r"(?:(?:,[ \t]*|[ \t]+(?:und|and)[ \t]+)[A-ZÄÖÜ][\w.'’-]+(?:[ \t]+[A-ZÄÖÜ][\w.'’-]+){0,3})*)[ \t]*$",
    re.MULTILINE,
)
_CREDIT = re.compile(r"\((?P<credit>[A-Za-z][\w.&-]{0,14}(?:\s*[/,]\s*[A-Za-z][\w.&-]{0,14}){0,5})\)\s*$")
_NAME_SPLIT = re.compile(r",\s*|\s+(?:und|and)\s+")


@dataclass(frozen=True)
class TextMetadata:
    title: str | None
    authors: tuple[str, ...]
    agencies: tuple[str, ...]


def find_metadata(text: str) -> TextMetadata:
    """Headline, authors and agencies stated in an article's text (empty when absent).

    Parameters
    ----------
    text : str
        The article as plain text.

    Returns
    -------
    TextMetadata
    """
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0].strip()
    title = None
    rest_starts_paragraph = "\n" in stripped and stripped.split("\n", 1)[1][:1] in ("\n", "")
    if first_line and len(first_line) <= 200 and (rest_starts_paragraph or not first_line.endswith(".")):
        if "\n" in stripped:
            title = first_line
    authors: list[str] = []
    for m in _BYLINE.finditer(text[:2000]):
        authors += [n.strip() for n in _NAME_SPLIT.split(m.group("names")) if n.strip()]
        break
    agencies: tuple[str, ...] = ()
    m = _CREDIT.search(text.rstrip()[-80:])
    if m:
        parts = (p.strip() for p in re.split(r"[/,]", m.group("credit")))
        agencies = tuple(p for p in parts if p and not _initials(p))
    return TextMetadata(title, tuple(authors), agencies)


def _initials(part: str) -> bool:
    """An editor's initials in a credit ("pm" of "(dpa/pm)"): lower case, up to three letters,
    and no agency's name."""
    return part.isalpha() and part.islower() and len(part) <= 3 and part.casefold() not in known_agencies()


@lru_cache(maxsize=1)
def known_agencies() -> frozenset[str]:
    """The news agencies named in ``lexicons/news_agencies.json``, case-folded.

    >>> {"dpa", "afp", "reuters"} <= known_agencies()
    True
    """
    path = resources.files("quotegraph.extract").joinpath("lexicons/news_agencies.json")
    return frozenset(a.casefold() for a in json.loads(path.read_text(encoding="utf-8"))["agencies"])


@lru_cache(maxsize=1)
def known_broadcasters() -> frozenset[str]:
    """The broadcasters named in ``lexicons/broadcasters.json``, case-folded: names that say
    nothing of what they are ("CNN", "NDR").

    >>> {"cnn", "ndr", "fox news"} <= known_broadcasters()
    True
    """
    path = resources.files("quotegraph.extract").joinpath("lexicons/broadcasters.json")
    return frozenset(b.casefold() for b in json.loads(path.read_text(encoding="utf-8"))["broadcasters"])
