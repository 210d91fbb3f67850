"""Web archives as inputs: the HTML pages of a ``.warc`` / ``.warc.gz`` file become articles.

A WARC file is read as a stream, one record at a time (warcio), so memory stays flat however
big the archive. An HTML ``response`` record (status 2xx) becomes an :class:`Article`: its main
text and metadata extracted with trafilatura as for an HTML file, its ``url`` the record's
``WARC-Target-URI`` (also its id), its ``date`` the page's own date, else the ``WARC-Date``
(when it was archived). Every other record (requests, metadata, revisits, images, redirects,
empty or undecodable bodies, pages without article text) is counted, not reported one by one:
the file ends with one :class:`Tally` line. An archive that breaks off (a
truncated gzip member, a record cut short, bytes that are no WARC record) ends with one
:class:`~quotegraph.inputs.Skipped` naming it, after the articles read before the break.

>>> import io, tempfile, pathlib
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "news.warc.gz"
>>> page = b"<html><body><article><p>" + "„Wir bleiben“, sagte sie am Dienstag in Kiel. " .encode() * 5 + b"</p></article></body></html>"
>>> with path.open("wb") as fh:
...     w = WARCWriter(fh, gzip=True)
...     http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
...     w.write_record(w.create_warc_record("https://kiel.example/a", "response", payload=io.BytesIO(page),
...                    http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"}))
...     w.write_record(w.create_warc_record("https://kiel.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\\r\\n\\r\\n")))
>>> article, tally = read_warc(path, lang="de")
>>> article.id, article.date
('https://kiel.example/a', '2024-05-02T10:00:00Z')
>>> tally.reason
'2 records, 1 article, 1 skipped (1 not an HTML response)'
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.extract.records import Article
from quotegraph.extract.settings import max_article_chars
from quotegraph.inputs import MAX_HTML_BYTES, WARC_SUFFIXES, Skipped, html_to_text
from quotegraph.text_encoding import decode

__all__ = ["WARC_SUFFIXES", "read_warc", "REASONS", "Tally", "tally_text", "decoded_body"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")

NOT_HTML = "not an HTML response"
NOT_OK = "redirect or HTTP error"
NO_URI = "without a target URI"
EMPTY = "empty or undecodable"
TOO_BIG = "too large"
NO_TEXT = "without article text"
#: Why a record is not an article, in the order the summary line lists them.
REASONS = (NOT_HTML, NOT_OK, NO_URI, EMPTY, TOO_BIG, NO_TEXT)
_PLURAL = {NOT_HTML: "not HTML responses", NOT_OK: "redirects or HTTP errors"}


class Tally(Skipped):
    """What an input held besides its articles, counted (a web archive's requests, images …).

    One line in the run's summary, not an error: it does not make the exit code 3.

    >>> print(Tally("news.warc.gz", "3 records, 1 article, 2 skipped (2 not HTML responses)"))
    news.warc.gz: 3 records, 1 article, 2 skipped (2 not HTML responses)
    """


@cache
def _archive_class() -> type:
    """warcio's reader, counting (in ``err_count``) rather than printing each record whose
    ``Content-Length`` was wrong: warcio finds the next record all the same.

    Made on first use: warcio (and six) load only when an archive is read, not for every run
    that imports this module for :class:`Tally` (issue #27: 10 ms of a run's start).
    """
    from warcio.archiveiterator import WARCIterator

    class _Archive(WARCIterator):
        INC_RECORD = ""

    return _Archive


class _Broken(Exception):
    """The archive cannot be read on from here."""


class _Stream:
    """A file, gunzipped when it starts like gzip, that ends where it breaks and says why.

    Each gzip member (a record, or the whole file) is inflated in bounded steps, so what came
    before a break is all given out, and a gzip bomb costs no memory. warcio would take an
    ``EOFError`` for the archive's end, so a truncated member is kept in :attr:`error` instead.
    """

    _BLOCK = 1 << 16

    def __init__(self, path: Path):
        self._file = path.open("rb")
        self._gzipped = self._file.read(2) == b"\x1f\x8b"
        self._file.seek(0)
        self._inflate = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not yet inflated
        self._member = False  # inside a gzip member
        self.error: str | None = None
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        size = self._BLOCK if size is None or size < 0 else size
        if self.error:
            return b""
        try:
            data = self._inflated(size) if self._gzipped else self._file.read(size)
        except zlib.error as exc:
            self.error = f"the compressed data is corrupt ({exc})"
            return b""
        except OSError as exc:
            self.error = f"cannot read: {exc.strerror or exc}"
            return b""
        self.position += len(data)
        return data

    def _inflated(self, size: int) -> bytes:
        while True:
            if not self._pending:
                self._pending = self._file.read(self._BLOCK)
                if not self._pending:
                    if self._member:
                        self.error = "the compressed data breaks off (a truncated gzip member)"
                    return b""
            self._member = True
            data = self._inflate.decompress(self._pending, size)
            self._pending = self._inflate.unconsumed_tail
            if self._inflate.eof:  # the member ended: the next one starts in what is left
                self._pending = self._inflate.unused_data  # (the unconsumed tail is within it)
                self._inflate = zlib.decompressobj(wbits=31)
                self._member = False
            if data:
                return data

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self._file.close()


def read_warc(path: Path, *, lang: str = "auto", limit: int | None = None) -> Iterator[Article | Skipped]:
    """The articles of one WARC file, then one :class:`Tally` (or a :class:`Skipped` if it broke).

    Parameters
    ----------
    path : Path
        A ``.warc`` or ``.warc.gz`` file (a gzip member per record, or the whole file gzipped).
    lang : str
        The language given to the articles ("auto" detects each later).
    limit : int, optional
        The longest article text, in characters (:func:`max_article_chars` by default); a
        response body over :data:`~quotegraph.inputs.MAX_HTML_BYTES` is not read whole.
    """
    from warcio.exceptions import ArchiveLoadFailed  # see _archive_class
    from warcio.statusandheaders import StatusAndHeadersParserException

    limit = max_article_chars() if limit is None else limit
    counts: Counter[str] = Counter()
    records = articles = 0
    try:
        stream = _Stream(path)
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        archive = _archive_class()(stream)
        iterator = iter(archive)
        previous = None
        while True:
            try:
                record = next(iterator, None)
                _check_complete(previous, stream)
                _check_header(record)
            except _Broken as exc:
                yield _broken(path, str(exc), records, articles, counts)
                return
            except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError) as exc:
                yield _broken(path, stream.error or _first_line(exc), records, articles, counts)
                return
            except (AttributeError, KeyError, IndexError, TypeError):  # warcio's parser, on a mangled header
                yield _broken(path, stream.error or "a record header is malformed", records, articles, counts)
                return
            if record is None:
                break
            records += 1
            item = _article(record, path, records, lang, limit)
            if isinstance(item, Article):
                articles += 1
                yield item
            else:
                counts[item] += 1
            previous = record
        rest = stream.error or _unread_rest(archive, stream)
        if rest:
            yield _broken(path, rest, records, articles, counts)
            return
    finally:
        stream.close()
    if records == 0:
        yield Skipped(str(path), "empty archive (no WARC record)")
        return
    wrong = f"; {archive.err_count} with a wrong length" if archive.err_count else ""
    yield Tally(str(path), tally_text(records, articles, counts) + wrong)


def _check_complete(record, stream: _Stream) -> None:
    """Raise :class:`_Broken` if ``record`` (now read to its end) came short of its length."""
    if stream.error:
        raise _Broken(stream.error)
    if record is not None and getattr(record.raw_stream, "limit", 0) > 0:
        raise _Broken("the last record breaks off before its end")


def _check_header(record) -> None:
    """Raise :class:`_Broken` for a record whose header broke off (warcio parses what is there)."""
    if record is not None and not (record.rec_headers.get_header("WARC-Type")
                                   and record.rec_headers.get_header("Content-Length")):
        raise _Broken("a record header breaks off (it has no WARC-Type or Content-Length)")


def _unread_rest(archive, stream: _Stream) -> str | None:
    """Why bytes after the last whole record are not read (a record cut short in its header).

    warcio ends an archive quietly where a record's header breaks off; its ``offset`` (where
    the next record would start) then lies before the end of the stream.
    """
    offset = getattr(archive, "offset", None)
    if isinstance(offset, int) and stream.position > offset:
        return f"{stream.position - offset} bytes after the last whole record are no complete record"
    return None


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    line = lines[0] if lines else type(exc).__name__
    return line if len(line) <= 100 else line[:99] + "…"


def _broken(path: Path, why: str, records: int, articles: int, counts: Counter) -> Skipped:
    return Skipped(str(path), f"broken archive: {why}; read before the break: "
                              f"{tally_text(records, articles, counts)}")


def tally_text(records: int, articles: int, counts: Counter) -> str:
    """The summary line of an archive.

    >>> tally_text(120, 37, Counter({NOT_HTML: 64, NO_TEXT: 19}))
    '120 records, 37 articles, 83 skipped (64 not HTML responses, 19 without article text)'
    """
    skipped = sum(counts.values())
    parts = [f"{counts[r]} {_PLURAL.get(r, r) if counts[r] > 1 else r}" for r in REASONS if counts[r]]
    why = f" ({', '.join(parts)})" if parts else ""
    return (f"{records} record{'s' * (records != 1)}, {articles} article{'s' * (articles != 1)}, "
            f"{skipped} skipped{why}")


def _article(record, path: Path, number: int, lang: str, limit: int) -> Article | str:
    """The article of one record, or which of :data:`REASONS` it is not one for."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return NOT_HTML
    status = http.get_statuscode() or ""
    if not (status.isdigit() and 200 <= int(status) < 300):
        return NOT_OK
    content_type = (http.get_header("Content-Type") or "").lower()
    if content_type and not content_type.startswith(_HTML_TYPES):
        return NOT_HTML
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not uri:
        return NO_URI
    try:  # the body, de-chunked and decompressed as the server sent it
        body = record.content_stream().read(MAX_HTML_BYTES + 1)
    except Exception:  # noqa: BLE001 - any failure to decode the HTTP body (bad gzip, brotli …)
        return EMPTY
    if len(body) > MAX_HTML_BYTES:
        return TOO_BIG
    if not content_type and b"<html" not in body[:2048].lower():
        return NOT_HTML
    source = f"{path}, record {number}"
    try:
        text, meta = html_to_text(decoded_body(body, content_type, source), source, url=uri)
    except InputError as exc:
        return NO_TEXT if "no article text" in str(exc) else EMPTY
    if len(text) > limit:
        return TOO_BIG
    date = record.rec_headers.get_header("WARC-Date")
    return Article(id=uri, text=text, language=lang, title=meta.get("title"), url=uri,
                   date=meta.get("date") or (date.strip() if date else None),
                   authors=tuple(meta.get("authors", ())), site=meta.get("site"), source=source)


def decoded_body(body: bytes, content_type: str, source: str) -> str:
    """The body as text: in the charset the response names, else as :func:`decode` finds it."""
    if not body.strip() or b"\x00" in body[:8192]:
        raise InputError("empty or binary response body", source)
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip("\"'")
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, source)
