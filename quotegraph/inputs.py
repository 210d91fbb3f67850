"""Reading articles from what users have: text files, folders, HTML pages, JSONL corpora and
web archives (the last in :mod:`quotegraph.warc`).

Everything is read lazily, one article at a time, so a corpus of any size streams. An input
that cannot be read does not stop the run: it comes out as a :class:`Skipped` item naming the
file (and line) and the reason, and the caller counts and reports it.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text(json.dumps({"id": "x", "text": "Hallo."}) + "\\n{bad\\n")
>>> [type(item).__name__ for item in read_inputs([d / "a.jsonl"])]
['Article', 'Skipped']
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


from quotegraph.errors import InputError, QuotegraphError
from quotegraph.extract.settings import DEFAULT_MAX_CHARS, MAX_CHARS_ENV, max_article_chars
from quotegraph.extract.records import Article, article_id_for
from quotegraph.text_encoding import decode, repair_mojibake

__all__ = [
    "Skipped",
    "html_to_text",
    "MAX_HTML_BYTES",
    "WARC_SUFFIXES",
    "folder_files",
    "suffix_of",
    "article_from_jsonl_line",
    "input_files",
    "read_file",
    "without_skipped",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "MAX_CHARS_ENV",
    "DEFAULT_MAX_CHARS",
    "read_inputs",
    "read_text_file",
    "bounded_lines",
    "jsonl_line_bound",
    "overlong_line_reason",
    "too_long_reason",
    "not_a_regular_file",
    "first_of_each_id",
    "duplicate_reason",
    "open_jsonl",
    "max_article_chars",
]

TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc.gz", ".warc")  # web archives: quotegraph/warc.py
MAX_HTML_BYTES = 64 * 1024 * 1024  # larger pages are skipped, not read into memory
#: Room on a JSONL line for what surrounds the text (id, title, metadata, the JSON syntax).
JSONL_ROOM_BYTES = 1024 * 1024
_SKIP_BLOCK = 1024 * 1024  # an overlong line is read past in blocks this big, never held


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def suffix_of(path: Path) -> str:
    """The suffix quotegraph reads a file by (``.jsonl.gz`` counts as one).

    >>> suffix_of(Path("news/2024.JSONL.gz")), suffix_of(Path("a.txt"))
    ('.jsonl.gz', '.txt')
    """
    name = path.name.lower()
    for suffix in WARC_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()




def overlong_line_reason(limit: int) -> str:
    """Why a JSONL line over :func:`jsonl_line_bound` is skipped (every engine says the same).

    >>> overlong_line_reason(1000).split(",")[0]
    'line is over 1.0 MB'
    """
    return too_long_reason(f"line is over {jsonl_line_bound(limit) / 2**20:.1f} MB, skipped without reading it", limit)


def too_long_reason(what: str, limit: int) -> str:
    """Why ``what`` (an article, a file) over ``limit`` characters is skipped: every reader says the same."""
    return (f"{what}, over the limit of {limit:,} characters per article "
            f"(the spaCy pipeline's max_length); set {MAX_CHARS_ENV}=N to raise it")


def without_skipped(items: Iterable, on_skip: Callable[[Skipped], None] | None) -> Iterator:
    """The items that are not :class:`Skipped`; those go to ``on_skip`` (without one, they raise).

    >>> seen = []
    >>> list(without_skipped(["a", Skipped("f.txt", "empty"), "b"], seen.append)), seen
    (['a', 'b'], [Skipped(source='f.txt', reason='empty')])
    """
    for item in items:
        if isinstance(item, Skipped):
            if on_skip is None:
                raise QuotegraphError(str(item))
            on_skip(item)
        else:
            yield item


def _language(value: object, default: str) -> str:
    return value if isinstance(value, str) and value else default


def read_text_file(path: Path, *, article_id: str | None = None, lang: str = "auto",
                   max_chars: int | None = None) -> Article:
    """One article from a .txt/.md file (or an HTML page, its main text extracted).

    Raises
    ------
    InputError
        When the file is empty, binary, too long (see :func:`max_article_chars`) or not
        decodable.
    """
    source = str(path)
    size = path.stat().st_size
    is_html = suffix_of(path) in HTML_SUFFIXES
    limit = max_chars or max_article_chars()
    # No encoding takes more than 4 bytes a character: a bigger file is too long for sure, and
    # is skipped without being read (a 50 MB line costs nothing).
    bound = MAX_HTML_BYTES if is_html else 4 * limit
    if size > bound:
        if is_html:
            raise InputError(f"HTML page is {size / 2**20:.0f} MB; pages over {MAX_HTML_BYTES // 2**20} MB are skipped", source)
        raise InputError(too_long_reason(f"file is {size / 2**20:.1f} MB", limit), source)
    with path.open("rb") as fh:  # bounded: a file that grew since stat() is not read whole
        data = fh.read(bound + 1)
    if len(data) > bound:
        raise InputError(too_long_reason(f"file is over {bound / 2**20:.1f} MB", limit), source)
    text = decode(data, source)
    meta: dict = {}
    if is_html:
        text, meta = html_to_text(text, source)
    if not text.strip():
        raise InputError("empty article (no text)", source)
    if len(text) > limit:
        raise InputError(too_long_reason(f"article has {len(text):,} characters", limit), source)
    return Article(
        id=article_id or _strip_suffix(path.name),
        text=text,
        language=lang,
        title=meta.get("title"),
        url=meta.get("url"),
        date=meta.get("date"),
        authors=tuple(meta.get("authors", ())),
        site=meta.get("site"),
        source=source,
    )


def html_to_text(html: str, source: str, *, url: str | None = None) -> tuple[str, dict]:
    """The main text of an HTML page (a blank line between paragraphs) and its metadata.

    ``url``, where the page came from, lets trafilatura name the site by its host when the
    page does not name itself. Raises :class:`InputError` when the page has no article text.
    """
    try:  # trafilatura (with lxml and jusText) takes ~0.05 s to import; only HTML pages need it
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency, but say so plainly
        raise InputError("reading HTML needs trafilatura: pip install trafilatura", source) from exc
    # favor_precision: a page of navigation and banners gives no text rather than its menu
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    data = {} if doc is None else doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _blank_line_paragraphs(repair_mojibake(data.get("text") or ""))
    if not text.strip():
        raise InputError("no article text found in the HTML page (only navigation, banners or nothing)", source)
    authors = [a.strip() for a in _meta_text(data.get("author")).split(";") if a.strip()]
    meta = {key: _meta_text(data.get(field)) or None
            for key, field in (("title", "title"), ("url", "url"), ("date", "date"), ("site", "sitename"))}
    return text, meta | {"authors": authors}


def _meta_text(value: object) -> str:
    return repair_mojibake(value.strip()) if isinstance(value, str) else ""


def _blank_line_paragraphs(text: str) -> str:
    """trafilatura puts one paragraph a line; quotegraph's paragraphs end at a blank line.

    >>> _blank_line_paragraphs("Titel\\nErster Absatz.\\n\\nZweiter.")
    'Titel\\n\\nErster Absatz.\\n\\nZweiter.'
    """
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def jsonl_line_bound(limit: int) -> int:
    """The longest JSONL line read, in bytes, for an article limit of ``limit`` characters.

    A character of the text takes up to 6 bytes in JSON (``\\u00e4``), and the fields around it
    get :data:`JSONL_ROOM_BYTES`. A longer line is skipped without being held in memory.

    >>> jsonl_line_bound(1000)
    1054576
    """
    return 6 * limit + JSONL_ROOM_BYTES


def bounded_lines(fh, bound: int) -> Iterator[bytes | None]:
    """The lines of a binary file, each up to ``bound`` bytes; a longer line is ``None``.

    Memory stays within ``bound`` whatever the file holds (a gigabyte without a newline, say):
    an overlong line is read past in blocks and dropped.

    >>> import io
    >>> list(bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\ncd"), 5))
    [b'ab\\n', None, b'cd']
    """
    while True:
        line = fh.readline(bound + 1)
        if not line:
            return
        if len(line) <= bound or line.endswith(b"\n"):
            yield line
            continue
        while True:  # read past the rest of the overlong line
            block = fh.readline(_SKIP_BLOCK)
            if not block or block.endswith(b"\n"):
                break
        yield None


def open_jsonl(path: Path):
    """A JSONL file opened for reading bytes, gunzipped if its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _jsonl_articles(path: Path, lang: str, limit: int) -> Iterator[Article | Skipped]:
    bound = jsonl_line_bound(limit)
    with open_jsonl(path) as fh:
        for lineno, raw in enumerate(bounded_lines(fh, bound), start=1):
            if raw is None:
                yield Skipped(f"{path}:{lineno}", overlong_line_reason(limit))
            elif raw.strip():
                yield article_from_jsonl_line(raw, f"{path}:{lineno}", lang, limit)


def article_from_jsonl_line(raw: bytes, source: str, lang: str = "auto", limit: int | None = None) -> Article | Skipped:
    """One JSONL line as an article, or as a :class:`Skipped` saying what is wrong with it.

    >>> article_from_jsonl_line(b'{"id": "n1", "text": "Hallo."}', "news.jsonl:1").id
    'n1'
    >>> print(article_from_jsonl_line(b'{"id": "n1"}', "news.jsonl:2"))
    news.jsonl:2: no 'text' field, or it is empty
    """
    try:
        data = json.loads(decode(raw, source))
    except InputError as exc:
        return Skipped(source, str(exc).split(": ", 1)[-1])
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Unterminated string starting at"): never "at at"
        where = "column" if exc.msg.endswith(" at") else "at column"
        return Skipped(source, f"malformed JSON ({exc.msg} {where} {exc.colno})")
    except RecursionError:
        return Skipped(source, "malformed JSON (nested too deeply)")
    if not isinstance(data, dict):
        return Skipped(source, "a JSONL line must be an object with a 'text' field")
    text = data.get("text", data.get("originalText"))
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no 'text' field, or it is empty")
    limit = max_article_chars() if limit is None else limit
    if len(text) > limit:
        return Skipped(source, too_long_reason(f"'text' has {len(text):,} characters", limit))
    text = repair_mojibake(text)
    return Article(
        id=str(data.get("id") or data.get("documentName") or article_id_for(text)),
        text=text,
        language=_language(data.get("language") or data.get("lang"), lang),
        title=_string(data.get("title")),
        url=_string(data.get("url")),
        date=str(data["date"]) if data.get("date") else None,
        authors=_names(data.get("authors")),
        agencies=_names(data.get("agencies")),
        site=str(data["site"]) if data.get("site") else None,
        source=source,
    )


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _names(value: object) -> tuple[str, ...]:
    """Authors or agencies as a JSONL line gives them: a string is one name, a list several.

    >>> _names("dpa"), _names(["dpa", "AFP", "", 7, None]), _names({"x": 1})
    (('dpa',), ('dpa', 'AFP', '7'), ())
    """
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value
                 if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip())


def folder_files(folder: Path) -> Iterator[Path]:
    """The files in a folder (recursively, sorted, hidden ones left out).

    Those quotegraph does not read (a PDF, a FIFO …) are included: :func:`read_file` skips
    them saying why.
    """
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.is_dir():
            yield path


def read_inputs(inputs: Iterable[str | Path], *, lang: str = "auto") -> Iterator[Article | Skipped]:
    """Articles from files, folders and JSONL corpora, in the order given.

    Parameters
    ----------
    inputs : iterable of paths
        A text file (.txt/.md: one article), an HTML page, a JSONL file (.jsonl, .jsonl.gz: one
        article per line with ``text`` and optional ``id``, ``title``, ``url``, ``date``,
        ``language``, ``authors``, ``site``), a web archive (.warc, .warc.gz: an article per
        HTML response, see :mod:`quotegraph.warc`), or a folder of such files (read
        recursively, sorted).
    lang : str
        Language of articles that do not state one ("auto" detects it later).

    Yields
    ------
    Article or Skipped
        Article ids default to the file name without suffixes (a text file), the path relative
        to the folder (files in a folder), or a hash of the text (JSONL lines without ``id``).

    Raises
    ------
    InputError
        Only for an input path that does not exist, or a malformed ``$QUOTEGRAPH_MAX_CHARS``
        (usage errors, checked before reading).
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", str(path))
    limit = max_article_chars()
    for file, article_id in input_files(paths):
        yield from read_file(file, lang=lang, article_id=article_id, limit=limit)


def input_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """Every file :func:`read_inputs` reads, with the article id a folder gives it (else None).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "2024").mkdir(); _ = (d / "2024" / "streik.txt").write_text("Hallo.")
    >>> [(f.name, i) for f, i in input_files([d])]
    [('streik.txt', '2024/streik')]
    """
    for path in map(Path, paths):
        if path.is_dir():
            for file in folder_files(path):
                yield file, _strip_suffix(file.relative_to(path).as_posix())
        else:
            yield path, None


def _strip_suffix(name: str) -> str:
    for suffix in WARC_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_file(path: Path, *, lang: str = "auto", article_id: str | None = None,
              limit: int | None = None) -> Iterator[Article | Skipped]:
    """The articles of one file (one, or one per JSONL line), or Skipped items saying why not.

    ``article_id`` defaults to the file name without its suffix (JSONL lines carry their own).
    """
    limit = max_article_chars() if limit is None else limit
    reason = not_a_regular_file(path) or _not_read(path)
    if reason:
        yield Skipped(str(path), reason)
        return
    if suffix_of(path) in WARC_SUFFIXES:
        # imported here: quotegraph.warc builds on this module (Skipped, decode, html_to_text)
        from quotegraph.warc import read_warc
        yield from read_warc(path, lang=lang, limit=limit)
        return
    if suffix_of(path) in JSONL_SUFFIXES:
        try:
            yield from _jsonl_articles(path, lang, limit)
        except (OSError, EOFError, zlib.error) as exc:
            yield Skipped(str(path), f"cannot read: {exc}")
        return
    try:
        yield read_text_file(path, article_id=article_id or _strip_suffix(path.name), lang=lang, max_chars=limit)
    except InputError as exc:
        yield Skipped(str(path), str(exc).split(": ", 1)[-1] if exc.source else str(exc))
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` is not read as a file (a FIFO, a device …), or None for a regular file.

    Only regular files are read: a FIFO would block the run, ``/dev/zero`` never ends.

    >>> not_a_regular_file(Path("/dev/null"))
    'not a regular file but a character device; only regular files are read'
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"not a regular file but {kind}; only regular files are read"


def _not_read(path: Path) -> str | None:
    """Why a file is not read for its name: it is not a text, HTML, JSONL or WARC file."""
    readable = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
    if suffix_of(path) in readable:
        return None
    return (f"not a text, HTML, JSONL or WARC file ({path.suffix or 'no suffix'}); quotegraph reads "
            f"{', '.join(readable)}")


def duplicate_reason(article_id: str, first: str) -> str:
    """Why an article is skipped whose id came before, at ``first`` (every engine says the same).

    >>> duplicate_reason("n1", "x:1")
    "duplicate article id 'n1' (first at x:1); the first is kept"
    """
    return f"duplicate article id {article_id!r} (first at {first}); the first is kept"


def first_of_each_id(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """The items with every article whose id came before turned into a :class:`Skipped`.

    One run keeps the first article of each id, so its graph and quotes.jsonl agree.

    >>> a, b = Article(id="n1", text="A", source="x:1"), Article(id="n1", text="B", source="x:2")
    >>> [str(i) for i in first_of_each_id([a, b])][1]
    "x:2: duplicate article id 'n1' (first at x:1); the first is kept"
    """
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in first:
                item = Skipped(item.source or item.id, duplicate_reason(item.id, first[item.id]))
            else:
                first[item.id] = item.source or item.id
        yield item
