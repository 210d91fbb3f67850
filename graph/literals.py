"""Literals in the canonical forms Oxigraph keeps: integers, decimals, dates and date-times.

A store gives a literal back in its datatype's canonical form; a graph built in memory equals
the same graph read back from a store only when the model writes that form in the first place.
Plain terms (:class:`~quotegraph.graph.terms.Lit`), as the model builds its triples.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .iris import XSD
from .terms import Lit

__all__ = ["integer_literal", "decimal_literal", "date_literal"]


def integer_literal(value: int) -> Lit:
    """An ``xsd:integer``.

    >>> integer_literal(40)
    Lit(value='40', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None)
    """
    # xsd:integer, not NIF's declared range xsd:nonNegativeInteger: Oxigraph stores every
    # integer-derived datatype as xsd:integer, so anything else would not survive the store
    # (a graph built in memory and the same graph read back from Oxigraph would differ).
    return Lit(str(value), XSD.integer)


def decimal_literal(value: float) -> Lit:
    """An ``xsd:decimal`` of up to four places in its canonical form, the one Oxigraph keeps
    (a graph built in memory and the same graph read back from a store are equal).

    >>> [decimal_literal(v).value for v in (0.5, 1.0, 0.97312)]
    ['0.5', '1', '0.9731']
    """
    return Lit(f"{value:.4f}".rstrip("0").rstrip("."), XSD.decimal)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a space for the T, no seconds, a zone without its colon: as sites and feeds write them
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


def date_literal(text: str) -> Lit:
    """An article date as ``xsd:date`` or ``xsd:dateTime`` when it is one, else a plain literal.

    The lexical form is the canonical one Oxigraph (and Virtuoso) give back, so a graph is the
    same in memory and in any store: no trailing zeros in fractions, ``Z`` for UTC.

    >>> date_literal("2024-05-02").datatype == XSD.date
    True
    >>> date_literal("2024-05-02T10:00:00.500+00:00").value, date_literal("2024-05-02T10:00:00Z").datatype == XSD.dateTime
    ('2024-05-02T10:00:00.5Z', True)
    >>> date_literal("2024-05-02 10:00+0200").value, date_literal("2024-05-02T10:00:00-00:00").value
    ('2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00Z')
    >>> date_literal("2. Mai 2024"), date_literal("2024-02-30").datatype
    (Lit(value='2. Mai 2024', datatype=None, lang=None), None)
    """
    value = text.strip()
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return Lit(text)
        return Lit(value, XSD.date)
    m = _DATETIME.fullmatch(value)
    if m:
        stamp = f"{m.group(1)}T{m.group(2)}{m.group(3) or ':00'}"
        zone = m.group(5) or ""
        if len(zone) == 5:  # +0200
            zone = f"{zone[:3]}:{zone[3:]}"
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            return Lit(text)
        if zone and not (zone == "Z" or (int(zone[1:3]) <= 14 and int(zone[4:]) < 60)):
            return Lit(text)
        fraction = (m.group(4) or "").rstrip("0").rstrip(".")
        if zone in ("+00:00", "-00:00"):
            zone = "Z"
        # kept as written here (to_rdflib does not normalize): rdflib's own form is not canonical
        return Lit(f"{stamp}{fraction}{zone}", XSD.dateTime)
    return Lit(text)
