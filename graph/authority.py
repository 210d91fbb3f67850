"""The ``--entities`` file: entities the user names, with aliases, type and a Wikidata id.

CSV (a header row with ``name``, ``type``, and optionally ``aliases`` (separated by ``|``) and
``wikidata``) or JSON (a list of objects with the same keys, ``aliases`` a list). Nothing is
looked up: the Wikidata id only becomes ``owl:sameAs <http://www.wikidata.org/entity/Q…>``.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
>>> _ = path.write_text("name,aliases,type,wikidata\\nAlexander Lukaschenko,Lukashenko|Lukaschenka,person,Q7936\\n")
>>> read_entities(path)
[Entry(name='Alexander Lukaschenko', type='https://schema.org/Person', aliases=('Lukashenko', 'Lukaschenka'), wikidata='http://www.wikidata.org/entity/Q7936')]
>>> _ = path.write_text("name,type\\nBelta,newspaper\\n")
>>> read_entities(path)
Traceback (most recent call last):
...
quotegraph.graph.errors.EntitiesFileError: people.csv, line 2: unknown type 'newspaper' (use one of location, media, organization, person)
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from .errors import EntitiesFileError
from .model import entity_class_iri
from .names import name_form, type_class
from .iris import WD
from .resolve import Entry

__all__ = ["read_entities", "TYPES"]

#: The types an entry may have (the entity types of extraction).
TYPES = ("location", "media", "organization", "person")
_QID = re.compile(r"Q[1-9][0-9]*")
_KEYS = {"name", "aliases", "type", "wikidata"}


def read_entities(path: str | Path) -> list[Entry]:
    """The entries of an entities file (.csv or .json), checked.

    Raises
    ------
    EntitiesFileError
        One line naming the file, the line or entry, and what is wrong: an unknown column or
        type, a missing name, a Wikidata id that is not ``Q`` and digits, one name or alias
        given to two entries.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EntitiesFileError(f"{path.name}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    if path.suffix.lower() == ".json":
        rows = _json_rows(path.name, text)
    elif path.suffix.lower() == ".csv":
        rows = _csv_rows(path.name, text)
    else:
        raise EntitiesFileError(f"{path.name}: an entities file is .csv or .json")
    entries = [_entry(where, row) for where, row in rows]
    _check_unique(path.name, rows, entries)
    return entries


def _json_rows(name: str, text: str) -> list[tuple[str, dict]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise EntitiesFileError(f"{name}: not JSON ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise EntitiesFileError(f"{name}: JSON entities are a list of objects with name, aliases, type, wikidata")
    rows = []
    for i, item in enumerate(data, 1):
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise EntitiesFileError(f"{name}, entry {i}: aliases is a list of names")
        rows.append((f"{name}, entry {i}", {**item, "aliases": aliases}))
    return rows


def _csv_rows(name: str, text: str) -> list[tuple[str, dict]]:
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or not {"name", "type"} <= set(reader.fieldnames):
        raise EntitiesFileError(f"{name}: the first line names the columns: name, type (and aliases, wikidata)")
    rows = []
    for row in reader:
        if None in row:
            raise EntitiesFileError(f"{name}, line {reader.line_num}: more fields than columns")
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        rows.append((f"{name}, line {reader.line_num}", {**row, "aliases": aliases}))
    return rows


def _entry(where: str, row: dict) -> Entry:
    unknown = sorted(set(row) - _KEYS)
    if unknown:
        raise EntitiesFileError(f"{where}: unknown field {unknown[0]!r} (use name, aliases, type, wikidata)")
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise EntitiesFileError(f"{where}: no name")
    kind = row.get("type")
    if kind not in TYPES:
        raise EntitiesFileError(f"{where}: unknown type {kind!r} (use one of {', '.join(TYPES)})")
    qid = (row.get("wikidata") or "").strip()
    if qid and not _QID.fullmatch(qid):
        raise EntitiesFileError(f"{where}: wikidata is an item id like Q7936, not {qid!r}")
    return Entry(name.strip(), entity_class_iri(kind), tuple(a.strip() for a in row["aliases"]),
                 str(WD[qid]) if qid else None)


def _check_unique(name: str, rows: list, entries: list[Entry]) -> None:
    """No name or alias may belong to two entries: which one would a mention join?"""
    owner: dict[tuple, int] = {}
    for i, entry in enumerate(entries):
        cls = type_class(entry.type)
        for n in (entry.name, *entry.aliases):
            other = owner.setdefault((cls, name_form(n, cls)), i)
            if other != i:
                raise EntitiesFileError(f"{rows[i][0]}: {n!r} is also a name of {entries[other].name!r}")
