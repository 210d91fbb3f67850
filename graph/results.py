"""Query results: a :class:`QueryResult` of rdflib terms, as a text table, CSV or JSON.

Examples
--------
>>> r = QueryResult(["speaker"], [(URIRef("https://w3id.org/quotegraph/id/entity/weber"),)])
>>> print(r.to_csv(), end="")
speaker
https://w3id.org/quotegraph/id/entity/weber
>>> r.records()
[{'speaker': 'https://w3id.org/quotegraph/id/entity/weber'}]
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rich.console import Console
from rich.table import Table

from .errors import QueryError

from .namespaces import PREFIXES

__all__ = ["FORMATS", "QueryResult", "format_result", "rich_table", "shorten"]

#: Output formats of :func:`format_result`.
FORMATS = ("table", "csv", "json")


@dataclass
class QueryResult:
    """The answer to a query: column names and rows of rdflib terms (None where unbound).

    ``kind`` is ``select``, ``ask`` (one column ``answer``), ``construct``/``describe`` (columns
    ``subject``, ``predicate``, ``object``) or ``update`` (columns ``triples_before``,
    ``triples_after``). ``warnings`` carries hints, e.g. about a ``schema:`` mismatch.
    """

    columns: list[str]
    rows: list[tuple]
    kind: str = "select"
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        """Rows as dicts of plain Python values (IRIs as strings, numbers as numbers)."""
        return [{c: _py(v) for c, v in zip(self.columns, row)} for row in self.rows]

    def to_table(self, *, width: int | None = None, prefixes: dict | None = None) -> str:
        """A text table, IRIs shortened with the prefixes (see :func:`format_result`)."""
        return format_result(self, "table", width=width, prefixes=prefixes)

    def to_csv(self) -> str:
        """CSV with a header row; IRIs in full, literals as their text."""
        return format_result(self, "csv")

    def to_json(self) -> str:
        """A JSON array of objects, one per row."""
        return format_result(self, "json")


def _py(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return float(value)
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def shorten(term, prefixes: dict | None = None) -> str:
    """A term as a person reads it: ``prefix:local`` for known IRIs, a literal's text.

    >>> shorten(URIRef("https://schema.org/Person")), shorten(Literal("Weber")), shorten(None)
    ('schema:Person', 'Weber', '')
    >>> shorten(URIRef("https://w3id.org/quotegraph/id/article/de1#char=9,36"))
    'qgid:article/de1#char=9,36'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        prefixes = PREFIXES if prefixes is None else prefixes
        best = ""
        for p, ns in prefixes.items():
            ns = str(ns)
            if term.startswith(ns) and len(ns) > len(best):
                best, name = ns, p
        if best and len(term) > len(best):
            return f"{name}:{term[len(best):]}"
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def rich_table(result: QueryResult, prefixes: dict | None):
    """The rows as a rich ``Table`` (IRIs shortened with ``prefixes``), for a terminal."""
    table = Table(show_lines=False, header_style="bold")
    for col in result.columns:
        table.add_column(col, overflow="fold")
    for row in result.rows:
        table.add_row(*(shorten(v, prefixes) for v in row))
    return table


def format_result(result: QueryResult, fmt: str = "table", *, width: int | None = None,
                  prefixes: dict | None = None) -> str:
    """Render a result as ``table`` (rich, IRIs shortened), ``csv`` or ``json``.

    >>> r = QueryResult(["speaker", "quotes"], [(URIRef("https://w3id.org/quotegraph/id/entity/weber"), Literal(2))])
    >>> print(format_result(r, "json"))
    [
      {
        "speaker": "https://w3id.org/quotegraph/id/entity/weber",
        "quotes": 2
      }
    ]
    >>> print(format_result(r, "table", width=40).strip())
    ┏━━━━━━━━━━━━━━┳━━━━━━━━┓
    ┃ speaker      ┃ quotes ┃
    ┡━━━━━━━━━━━━━━╇━━━━━━━━┩
    │ entity:weber │ 2      │
    └──────────────┴────────┘
    """
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if v is None else (f"_:{v}" if isinstance(v, BNode) else str(v)) for v in row])
        return buf.getvalue()
    if fmt == "table":
        buf = io.StringIO()
        console = Console(file=buf, width=width or 120, color_system=None, force_terminal=False,
                          legacy_windows=False, emoji=False, highlight=False, markup=False)
        console.print(rich_table(result, prefixes))
        return buf.getvalue()
    raise QueryError(f"unknown output format {fmt!r} (use one of {', '.join(FORMATS)})")
