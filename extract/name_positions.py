"""Where a name stands beside the noun a phrase is headed by: in its owner, below it as a
modifier, or set off as its apposition, read from the dependency parse (UD and ClearNLP labels).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("the mayor of Chicago")
>>> for token, head, dep in ((1, 1, "ROOT"), (2, 1, "prep"), (3, 2, "pobj")):
...     doc[token].head, doc[token].dep_ = doc[head], dep
>>> in_owner(doc[3:4], doc[1]), set_off_beside(doc[3:4], doc[1])
(True, False)
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["APPOSITION_DEPS", "OWNER_DEPS", "in_owner", "modifies", "set_off_beside"]

#: how a phrase hangs on the noun it modifies when it names that noun's owner or place (UD, ClearNLP)
OWNER_DEPS = frozenset({"nmod", "nmod:poss", "poss", "prep", "pobj", "obl"})
#: how a name set off beside a noun hangs on it ("Der Leiter des Programms, Klaus Stöhr,")
APPOSITION_DEPS = frozenset({"appos", "app"})


def in_owner(name: Span, head: Token) -> bool:
    """Whether a name stands in an owner or modifier of ``head`` ("des Übergangsrates" in "ein
    Sprecher des Übergangsrates", "of Chicago" in "the mayor of Chicago"), not in an apposition
    ("Der Leiter des Programms, Klaus Stöhr") nor outside the head's phrase."""
    token, owner = name.root, False
    while token != head:
        if token.dep_ in APPOSITION_DEPS or token.head == token:
            return False
        owner = owner or token.dep_ in OWNER_DEPS
        token = token.head
    return owner


def modifies(name: Span, head: Token) -> bool:
    """Whether a name hangs below ``head`` other than as its apposition: an owner, a compound
    or a prepositional modifier ("Trump's" in "Trump's wife", "Clinton" in "a Clinton aide")."""
    token = name.root
    while token != head:
        if (token.dep_ in APPOSITION_DEPS and token.head == head) or token.head == token:
            return False  # the head's own apposition ("the president's wife, Melania Trump")
        token = token.head
    return True


def set_off_beside(name: Span, head: Token) -> bool:
    """Whether a name is ``head``'s own apposition, the same one by another word ("a
    spokeswoman for the yard, Ines Lund": Ines Lund is the spokeswoman), not a name in an
    owner or modifier of it. The apposition begins with the name ("a registered Democrat"
    describes, it does not name), and a name in brackets or quotation marks is an abbreviation
    or a title, not set off so."""
    root, doc = name.root, name.doc
    marked = name.start > 0 and not doc[name.start - 1].is_alpha and (
        doc[name.start - 1].is_bracket or doc[name.start - 1].is_quote)
    return root.dep_ in APPOSITION_DEPS and root.head == head and root.left_edge.i >= name.start and not marked
