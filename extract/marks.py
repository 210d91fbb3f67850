"""The quotation marks news text uses, and which mark closes which.

One table for every part that reads marks: the scanner (:mod:`quotegraph.extract.quotemarks`),
the token helpers (:mod:`quotegraph.extract.phrases`), transcripts and the quote filter.

>>> "”" in PAIRS["“"], "»" in PAIRS["«"], "'" in INNER_MARKS
(True, True, True)
"""

from __future__ import annotations

__all__ = ["CLOSING_MARKS", "DOUBLE_PAIRS", "INNER_MARKS", "OPENING_MARKS", "PAIRS"]

#: Opening mark -> the closing marks it accepts. The straight marks " and ' open or close by
#: context (see the scanner).
PAIRS: dict[str, str] = {
    "„": "“”\"",  # German low-high; some sites close with ” or "
    "“": "”“\"",  # English curly (German sites write “…“; web copy mixes in a straight " to close)
    "»": "«",
    "«": "»",
    "‚": "‘’'",
    "‘": "’",
    "›": "‹",
    "‹": "›",
    '"': '"”',  # a straight mark closed by a curly one, as mixed web copy prints it
    "'": "'",
}
#: Marks that open only a nested quote: single marks, which double as apostrophes.
INNER_MARKS = frozenset("‚‘›‹'")
#: The double marks, which open a quote at any depth, and what closes each.
DOUBLE_PAIRS: dict[str, str] = {mark: closers for mark, closers in PAIRS.items() if mark not in INNER_MARKS}
#: Every character that can open a quotation.
OPENING_MARKS = "".join(PAIRS)
#: Every character that can close a quotation.
CLOSING_MARKS = "“”\"«»‘’'‹›"
