"""The example queries shipped with quotegraph: ``graph/queries/NAME.rq``, one query per file.

Each file opens with a comment saying what the query is for, the parameters it takes and the
columns it gives::

    # Purpose: Quotes that name an entity (a person, organisation or place mentioned inside the
    #          quote), with who said them.
    # Parameters:
    #   ?entity  name or alias of a person or organisation, any case (e.g. "Anton Weber")
    # Columns: entity, about, speaker, quote, article

:func:`quotegraph.graph.query.run_example` runs one by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError

__all__ = ["QUERY_DIR", "ExampleQuery", "example_queries", "example_query"]

#: Where the canned queries live (shipped as package data).
QUERY_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class ExampleQuery:
    """A canned query from ``graph/queries/NAME.rq`` and what its header comment says."""

    name: str
    purpose: str
    params: dict[str, str]  # parameter name (no '?') -> what to pass
    columns: tuple[str, ...]
    text: str
    path: Path

    def help(self) -> str:
        """A few lines for ``--list-examples``."""
        lines = [f"{self.name}: {self.purpose}"]
        for name, desc in self.params.items():
            lines.append(f"    --param {name}=…   {desc}")
        lines.append(f"    columns: {', '.join(self.columns)}")
        return "\n".join(lines)


def _parse_header(name: str, text: str, path: Path) -> ExampleQuery:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        m = re.match(r"(Purpose|Parameters|Columns):\s*(.*)", body)
        if m:
            current = m.group(1).lower()
            sections[current] = [m.group(2)] if m.group(2) else []
        elif not body:
            current = None  # a blank comment line ends a section
        elif current:
            sections[current].append(body)
    if "purpose" not in sections or "columns" not in sections:
        raise QueryError(f"{path}: the header comment needs 'Purpose:' and 'Columns:' lines")
    params = {}
    for entry in sections.get("parameters", []):
        m = re.match(r"\?(\w+)\s+(.*)", entry)
        if m:
            params[m.group(1)] = m.group(2).strip()
        elif entry.lower() not in ("none", "(none)", "-"):
            raise QueryError(f"{path}: cannot read parameter line {entry!r} (want '?name  what it is')")
    columns = tuple(c.strip() for c in " ".join(sections["columns"]).split(",") if c.strip())
    return ExampleQuery(name, " ".join(sections["purpose"]), params, columns, text, path)


def example_queries() -> dict[str, ExampleQuery]:
    """The canned queries shipped in ``quotegraph/graph/queries/``, by name, sorted.

    >>> sorted(example_queries())  # doctest: +NORMALIZE_WHITESPACE
    ['cue-lemmas', 'quotes-about', 'quotes-by', 'relay-chains', 'reported-by', 'speakers-by-count',
     'statement-carriers', 'statements-by-reach', 'statements-first-seen', 'who-relays-whom', 'who-said-what',
     'who-talks-about-whom']
    >>> example_queries()["quotes-about"].params
    {'entity': 'name or alias of a person or organisation, any case (e.g. "Anton Weber")'}
    """
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        out[path.stem] = _parse_header(path.stem, path.read_text(encoding="utf-8"), path)
    return out


def example_query(name: str) -> ExampleQuery:
    """One canned query by name; an unknown name raises QueryError listing the known ones."""
    examples = example_queries()
    try:
        return examples[name]
    except KeyError:
        raise QueryError(f"no example query {name!r} (known: {', '.join(examples)})") from None
