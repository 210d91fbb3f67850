"""A quote as a reader sees it: in exactly one pair of quotation marks.

Most quote texts are stored without their marks (``Wir schicken keine Soldaten``), but some
carry them (a quote that is the whole of a marked passage, a headline quote: ``„Wir bleiben“``,
``“We stay”``, ``«Nous restons»``). :func:`with_quote_marks` adds “…” only to a text that does
not already open and close with a matching pair, so the network page never shows “„…“”.

Examples
--------
>>> with_quote_marks("Wir bleiben"), with_quote_marks("„Wir bleiben“"), with_quote_marks("«Nous restons»")
('“Wir bleiben”', '„Wir bleiben“', '«Nous restons»')
>>> with_quote_marks("„Wir bleiben“, sagte sie")  # a mark inside is part of the quote
'“„Wir bleiben“, sagte sie”'
"""

from __future__ import annotations

__all__ = ["PAIRS", "has_quote_marks", "with_quote_marks"]

#: Opening mark -> the closing marks that end a passage it opens (German „…“ and »…«, English
#: “…” and ‘…’, Swedish ”…”, French «…» and ‹…›, straight "…" and '…', CJK 「…」 and 『…』).
PAIRS: dict[str, str] = {
    "„": "“”\"",
    "“": "”“\"",
    "”": "”",
    "‚": "‘’'",
    "‘": "’‘'",
    "’": "’",
    "«": "»",
    "»": "«»",
    "‹": "›",
    "›": "‹›",
    '"': '"”“',
    "'": "'’‘",
    "「": "」",
    "『": "』",
}


def has_quote_marks(text: str) -> bool:
    """Whether a text opens with a quotation mark and ends with one that closes it.

    >>> has_quote_marks("“We stay”"), has_quote_marks("'Yes'"), has_quote_marks("We stay”"), has_quote_marks("„")
    (True, True, False, False)
    """
    text = text.strip()
    return len(text) >= 2 and text[0] in PAIRS and text[-1] in PAIRS[text[0]]


def with_quote_marks(text: str) -> str:
    """The text in one pair of quotation marks: its own when it has them, else “…”.

    >>> with_quote_marks("'Yes'"), with_quote_marks("")
    ("'Yes'", '“”')
    """
    return text if has_quote_marks(text) else f"“{text}”"
