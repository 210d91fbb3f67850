"""SPARQL results streamed from a server, with their columns put in another order.

Oxigraph answers ``SELECT *`` with its variables in its own order (``o, p, s``);
:mod:`quotegraph.graph.guard` puts them in the order the query names them
(:func:`quotegraph.graph.sparql.star_order`). The body is rewritten as it streams, in flat
memory: in JSON and XML results only the head lists the variables (each row names its
values), in CSV and TSV every row is reordered.

CSV is written here from the server's TSV (:class:`TsvToCsv`): Oxigraph's CSV leaves an IRI
with a comma unquoted (quotegraph's span IRIs end in ``#char=9,36``), which no reader can split.

>>> r = Reorder("text/csv", ["s", "p", "o"])
>>> r.feed(b'o,p,s\\r\\n1,urn:p,urn:a\\r\\n"two,\\r\\nlines",ur')
b's,p,o\\r\\nurn:a,urn:p,1\\r\\n'
>>> r.feed(b"n:p,urn:b\\r\\n") + r.finish()
b'urn:b,urn:p,"two,\\r\\nlines"\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox

__all__ = ["Reorder", "reorderable", "TsvToCsv", "wants_csv"]

_KINDS = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_HEAD_LIMIT = 1 << 20  # a head longer than this is passed on as it is


def reorderable(content_type: str) -> bool:
    """Whether results of this media type can be reordered here."""
    return content_type.split(";")[0].strip().lower() in _KINDS


class Reorder:
    """Rewrites a results body chunk by chunk: ``feed(chunk)`` gives what can be sent so far,
    ``finish()`` the rest.

    The server's order is read from the body; ``order`` is the wanted one, and variables it
    does not name keep their place after it.
    """

    def __init__(self, content_type: str, order: list[str]):
        self.kind = _KINDS[content_type.split(";")[0].strip().lower()]
        self.order = order
        self.pending = b""
        self.head_done = False
        self.perm: list[int] | None = None

    def _permutation(self, columns: list[str]) -> list[int]:
        return sorted(range(len(columns)),
                      key=lambda i: self.order.index(columns[i]) if columns[i] in self.order else len(self.order) + i)

    # ------------------------------------------------------------------ JSON and XML: the head

    def _head(self, final: bool) -> bytes:
        data = self.pending
        if self.kind == "json":
            m = re.search(rb'"vars"\s*:\s*(\[[^\]]*\])', data)
            if m:
                names = json.loads(m.group(1))
                new = json.dumps([names[i] for i in self._permutation(names)]).encode()
                data = data[:m.start(1)] + new + data[m.end(1):]
        else:
            m = re.search(rb"<head>(.*?)</head>", data, re.S)
            if m:
                tags = re.findall(rb"<variable\s[^>]*/>", m.group(1))
                names = [re.search(rb'name="([^"]*)"', t).group(1).decode() for t in tags]
                if len(tags) == len(names) and re.fullmatch(rb"\s*(<variable\s[^>]*/>\s*)*", m.group(1)):
                    inner = b"".join(tags[i] for i in self._permutation(names))
                    data = data[:m.start(1)] + inner + data[m.end(1):]
        if m or final or len(self.pending) > _HEAD_LIMIT:
            self.head_done, self.pending = True, b""
            return data
        return b""

    # ------------------------------------------------------------------ CSV and TSV: every row

    def _rows(self, final: bool) -> bytes:
        out = []
        data = self.pending
        if self.kind == "tsv":
            *lines, rest = data.split(b"\n")
            if final:
                lines, rest = lines + ([rest] if rest else []), b""
            for line in lines:
                cells = line.rstrip(b"\r").split(b"\t")
                if self.perm is None:
                    self.perm = self._permutation([c.decode("utf-8", "replace").lstrip("?") for c in cells])
                if len(cells) == len(self.perm):
                    cells = [cells[i] for i in self.perm]
                out.append(b"\t".join(cells) + b"\n")
            self.pending = rest
            return b"".join(out)
        start = 0
        quotes = 0
        for at in range(len(data)):  # a record ends at a line break outside quotes
            if data[at] == 0x22:
                quotes += 1
            elif data[at] == 0x0A and quotes % 2 == 0:
                out.append(self._csv_record(data[start:at + 1]))
                start, quotes = at + 1, 0
        self.pending = data[start:]
        if final and self.pending:
            out.append(self._csv_record(self.pending))
            self.pending = b""
        return b"".join(out)

    def _csv_record(self, record: bytes) -> bytes:
        cells = next(csv.reader(io.StringIO(record.decode("utf-8", "replace"), newline="")), [])
        if self.perm is None:
            self.perm = self._permutation(cells)
        if len(cells) != len(self.perm):
            return record
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow([cells[i] for i in self.perm])
        return buf.getvalue().encode("utf-8")

    # ------------------------------------------------------------------ the stream

    def feed(self, chunk: bytes) -> bytes:
        self.pending += chunk
        if self.kind in ("json", "xml"):
            if self.head_done:
                out, self.pending = self.pending, b""
                return out
            return self._head(final=False)
        return self._rows(final=False)

    def finish(self) -> bytes:
        if self.kind in ("json", "xml"):
            if self.head_done:
                out, self.pending = self.pending, b""
                return out
            return self._head(final=True)
        return self._rows(final=True)


def wants_csv(accept: str | None) -> bool:
    """Whether an ``Accept`` header asks for CSV first.

    >>> wants_csv("text/csv"), wants_csv("application/json, text/csv;q=0.5"), wants_csv(None)
    (True, False, False)
    """
    best, best_q = None, -1.0
    for part in (accept or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > best_q:
            best, best_q = media.lower(), q
    return best == "text/csv"


def _csv_cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


class TsvToCsv:
    """SPARQL TSV results in, SPARQL CSV results out (plain values, RFC 4180 quoting), the
    columns in ``order`` (None: as they come); ``feed`` and ``finish`` as :class:`Reorder`.

    >>> t = TsvToCsv(["s", "o"])
    >>> t.feed(b'?o\\t?s\\n"a, b"\\t<urn:x#char=1,2>\\n') + t.finish()
    b's,o\\r\\n"urn:x#char=1,2","a, b"\\r\\n'
    """

    def __init__(self, order: list[str] | None):
        self.order = order or []
        self.pending = b""
        self.header: bytes | None = None
        self.names: list[str] = []

    def _lines(self, lines: list[bytes]) -> bytes:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        for line in lines:
            if self.header is None:
                self.header = line
                names = [n.strip().lstrip("?$") for n in line.decode("utf-8").split("\t")]
                self.names = sorted(names, key=lambda n: self.order.index(n) if n in self.order
                                    else len(self.order) + names.index(n))
                writer.writerow(self.names)
                continue
            if not line.strip(b"\r"):
                continue
            solution = next(iter(ox.parse_query_results(self.header + b"\n" + line + b"\n",
                                                        format=ox.QueryResultsFormat.TSV)))
            writer.writerow([_csv_cell(solution[name]) for name in self.names])
        return buf.getvalue().encode("utf-8")

    def feed(self, chunk: bytes) -> bytes:
        *lines, self.pending = (self.pending + chunk).split(b"\n")
        return self._lines(lines)

    def finish(self) -> bytes:
        rest, self.pending = self.pending, b""
        return self._lines([rest] if rest.strip() else [])
