"""Write the knowledge graph to a file: Turtle, N-Triples, N-Quads, JSON-LD, TriG or GraphML.

Turtle, N-Triples, JSON-LD and GraphML hold the union of the store's graphs (one graph, no
duplicates); TriG and N-Quads keep the named graphs (one per article) and the default graph.
A graph on a SPARQL endpoint is read into memory first, graph by graph.

Every file is written atomically: into a temporary file in the same folder, flushed to disk,
then moved over the target with ``os.replace``, so a crash or a full disk never leaves a
truncated file behind (the old file, if any, stays as it was). RDF formats go through
Oxigraph's serializers with quotegraph's prefixes, so Turtle and TriG are compact and
JSON-LD carries a ``@context``.

Examples
--------
>>> import tempfile, os
>>> from quotegraph.extract.records import Article, ArticleResult
>>> from quotegraph.graph.store import open_graph, add_results, load_file
>>> g = open_graph()
>>> _ = add_results(g, [ArticleResult(Article(id="a1", text="Hallo", title="Gruß"))])
>>> path = os.path.join(tempfile.mkdtemp(), "news.ttl")
>>> save_graph(g, path) == len(g)
True
>>> "@prefix schema: <https://schema.org/> ." in open(path, encoding="utf-8").read()
True
>>> len(load_file(path)) == len(g)
True
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from .errors import GraphFileError, QuotegraphError

from .backend import Backend
from .files import StagedFiles, write_atomically
from .iris import FILE_PREFIXES, PREFIXES
from .store import PARSE_FORMATS, as_graph, backend_of

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["FORMATS", "DATASET_FORMATS", "format_for_suffix", "writable_format", "save_graph", "write_graph",
           "jsonld_context"]

#: Export format -> usual file suffix.
FORMATS: dict[str, str] = {
    "turtle": ".ttl",
    "nt": ".nt",
    "nquads": ".nq",
    "jsonld": ".jsonld",
    "trig": ".trig",
    "graphml": ".graphml",
}

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
#: formats that keep named graphs
DATASET_FORMATS = ("trig", "nquads")


#: the reader's parser -> the export format it reads back
_READ_BACK = {"ox-turtle": "turtle", "ox-nt": "nt", "ox-nquads": "nquads", "ox-trig": "trig", "ox-json-ld": "jsonld"}
#: file suffix -> the format quotegraph writes under it: the one it reads it as (store.PARSE_FORMATS)
_SUFFIX_FORMATS = {**{s: _READ_BACK[p] for s, p in PARSE_FORMATS.items() if p in _READ_BACK}, ".graphml": "graphml"}
#: suffixes quotegraph reads as RDF/XML, which it does not write
_RDFXML_SUFFIXES = tuple(s for s, p in PARSE_FORMATS.items() if p == "ox-xml")


def format_for_suffix(path: str | Path, default: str = "turtle") -> str:
    """The export format a file name asks for (``default`` when the suffix says nothing).

    A name quotegraph reads as RDF/XML is refused: Turtle under it could not be read back.

    >>> format_for_suffix("out.nt"), format_for_suffix("out.json"), format_for_suffix("out")
    ('nt', 'jsonld', 'turtle')
    """
    return writable_format(path, None, default)


def writable_format(path: str | Path, format: str | None = None, default: str = "turtle") -> str:
    """The format to write ``path`` in: ``format``, else the one its suffix names, else ``default``.

    Refused (:class:`QuotegraphError`) when quotegraph would read the file back as something
    else: a name it reads as RDF/XML (``.rdf .owl .xml``), or a format the suffix contradicts
    (JSON-LD in ``g.nt``); N-Triples is Turtle too, so ``nt`` may go into a ``.ttl``.

    >>> writable_format("g.ttl", "nt"), writable_format("g.ntriples")
    ('nt', 'nt')
    """
    suffix = Path(path).suffix.lower()
    if suffix in _RDFXML_SUFFIXES:
        raise QuotegraphError(f"{path}: quotegraph reads a {suffix} file as RDF/XML but does not write RDF/XML: "
                              "write a .ttl, .nt, .nq, .trig or .jsonld file (quotegraph export converts one)")
    named = _SUFFIX_FORMATS.get(suffix)
    if format is None:
        return named or default
    _check_format(format)
    if named is not None and format != named and (format, named) != ("nt", "turtle"):
        raise QuotegraphError(f"{path}: its name says {named}, not {format}: give a {FORMATS[format]} file, "
                              "or leave the format to the name")
    return format


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QuotegraphError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")


def jsonld_context(prefixes: dict | None = None) -> dict[str, str]:
    """The JSON-LD ``@context`` quotegraph writes: one entry per prefix.

    >>> jsonld_context()["schema"]
    'https://schema.org/'
    """
    return {p: str(ns) for p, ns in (PREFIXES if prefixes is None else prefixes).items() if p}


def _compact_iri(iri: str, ordered: list[tuple[str, str]]) -> str:
    for prefix, ns in ordered:
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            # "p://x" or "p:_:x" would read back as something else: keep the full IRI
            if not local.startswith("//") and not local.startswith("_:"):
                return f"{prefix}:{local}"
            break
    return iri


def _compact_node(value, ordered):
    """Shorten IRIs in keys, @id and @type of Oxigraph's expanded, flat JSON-LD."""
    if isinstance(value, list):
        return [_compact_node(v, ordered) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, val in value.items():
        if key == "@id" and isinstance(val, str) and not val.startswith("_:"):
            out[key] = _compact_iri(val, ordered)
        elif key == "@type":
            if isinstance(val, list):
                out[key] = [_compact_iri(v, ordered) for v in val]
            else:
                out[key] = _compact_iri(val, ordered)
        elif key.startswith("@"):
            out[key] = _compact_node(val, ordered)
        else:
            out[_compact_iri(key, ordered)] = _compact_node(val, ordered)
    return out


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _group_nodes(nodes: list) -> list:
    """One node object per subject (Oxigraph writes one per triple), ``rdf:type`` as ``@type``."""
    grouped: dict[str, dict] = {}
    for node in nodes:
        key = node.get("@id")
        if key is None:  # a node without an id cannot be merged
            grouped[f"\0{len(grouped)}"] = node
            continue
        target = grouped.setdefault(key, {"@id": key})
        for prop, values in node.items():
            if prop == "@id":
                continue
            values = values if isinstance(values, list) else [values]
            if prop == _RDF_TYPE and all(set(v) == {"@id"} for v in values):
                target.setdefault("@type", []).extend(v["@id"] for v in values)
            else:
                target.setdefault(prop, []).extend(values)
    return sorted(grouped.values(), key=lambda n: n.get("@id", ""))  # stable, diff-friendly


def _write_jsonld(triples, out: IO[bytes], prefixes: dict | None) -> None:
    buf = io.BytesIO()
    ox.serialize(triples, buf, ox.RdfFormat.JSON_LD)
    raw = buf.getvalue()
    expanded = json.loads(raw) if raw.strip() else []
    if isinstance(expanded, dict):
        expanded = expanded.get("@graph", [expanded])
    context = jsonld_context(prefixes)
    ordered = sorted(context.items(), key=lambda kv: -len(kv[1]))  # longest namespace first
    doc = {"@context": context, "@graph": _compact_node(_group_nodes(expanded), ordered)}
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    out.write(text.encode("utf-8"))
    out.write(b"\n")


def write_graph(graph: Graph | Backend, out: IO[bytes], format: str = "turtle", *, prefixes: dict | None = None) -> int | None:
    """Serialize a graph to a binary stream (no atomicity: see :func:`save_graph`); returns the
    number of triples written for the formats of one graph (Turtle, N-Triples), else None.

    ``graphml`` needs :func:`quotegraph.graph.network.to_networkx`; the RDF formats use
    Oxigraph's serializers for any graph (Oxigraph-backed graphs dump straight from the store).
    """
    _check_format(format)
    if prefixes is None:
        # JSON-LD compacts any IRI cleanly; Turtle & co. would escape qgid: local names
        prefixes = PREFIXES if format == "jsonld" else FILE_PREFIXES
    str_prefixes = {p: str(ns) for p, ns in prefixes.items()}
    if format == "graphml":
        import networkx as nx  # here, not above: extraction writes RDF only, and networkx is 12 MB to import

        from .network import to_networkx

        nx.write_graphml(to_networkx(as_graph(graph)), out, encoding="utf-8")
        return None
    backend = backend_of(graph)
    if format == "jsonld":
        _write_jsonld(backend.union_triples(), out, prefixes)
        return None
    ox_format = _OX_FORMATS[format]
    if format == "nquads":
        str_prefixes = {}  # N-Quads has no prefixes
    if format in DATASET_FORMATS:
        backend.dump(out, ox_format, str_prefixes)
        return None
    triples, count = backend.counted_union()
    if count is not None:  # known: no step through Python per triple to count them
        ox.serialize(triples, out, ox_format, prefixes=str_prefixes)
        return count
    # counted as they are written: the union's triples come once each, and counting them
    # afterwards (len(graph)) would run the whole query again
    written = [0]

    def counted(triples):
        for written[0], triple in enumerate(triples, 1):
            yield triple

    ox.serialize(counted(triples), out, ox_format, prefixes=str_prefixes)
    return written[0]


def save_graph(graph: Graph | Backend, path: str | Path, format: str = "turtle", *, prefixes: dict | None = None,
               files: StagedFiles | None = None) -> int:
    """Write a graph to a file, atomically.

    Parameters
    ----------
    graph : rdflib.Graph or Backend
        Oxigraph-backed or plain; or a store (:func:`~quotegraph.graph.store.open_store`).
    path : str or Path
        The file to write; its folder must exist. An existing file is replaced only once the
        new one is complete.
    format : str
        One of :data:`FORMATS`: ``turtle``, ``nt``, ``jsonld`` (with a ``@context`` of the
        prefixes) — the union of all graphs —, ``trig`` or ``nquads`` — every named graph kept —,
        or ``graphml`` (the speaker/outlet/quote network, for Gephi & co).
    prefixes : dict, optional
        Prefix -> namespace; :data:`~quotegraph.graph.iris.FILE_PREFIXES` by default.
    files : StagedFiles, optional
        Stage the file there (see :func:`~quotegraph.graph.files.written_together`) to move it
        into place together with other files, rather than at once.

    Returns
    -------
    int
        The number of triples written.

    Raises
    ------
    QuotegraphError
        For an unknown format (the message lists the valid ones).
    GraphFileError
        If the file cannot be written (no such folder, no permission, disk full).
    """
    _check_format(format)
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GraphFileError("folder does not exist", str(path))
    if path.is_dir():
        raise GraphFileError("is a directory", str(path))
    try:
        with (files.open if files is not None else write_atomically)(path, "wb") as out:
            written = write_graph(graph, out, format, prefixes=prefixes)
    except OSError as exc:
        raise GraphFileError(exc.strerror or str(exc), str(path)) from None
    return written if written is not None else backend_of(graph).triple_count()

