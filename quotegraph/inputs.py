"""Reading articles from what users have: text files, folders, HTML pages and JSONL corpora.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.extract.records import Article, article_id_for

__all__ = ["Skipped", "folder_files", "suffix_of", "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES", "read_inputs", "read_text_file", "article_from_jsonl_line", "decode"]

TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
_MAX_BYTES = 64 * 1024 * 1024  # larger single articles are skipped, not read into memory


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
    for suffix in JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the encoding charset-normalizer finds.

    Raises
    ------
    InputError
        For binary data or text whose encoding cannot be told.
    """
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not valid UTF-8 and no other text encoding fits", source)
    return str(best)


def _language(value: object, default: str) -> str:
    return value if isinstance(value, str) and value else default


def read_text_file(path: Path, *, article_id: str | None = None, lang: str = "auto") -> Article:
    """One article from a .txt/.md file (or an HTML page, its main text extracted).

    Raises
    ------
    InputError
        When the file is empty, binary, too large or not decodable.
    """
    source = str(path)
    size = path.stat().st_size
    if size > _MAX_BYTES:
        raise InputError(f"file is {size // 2**20} MB; articles over {_MAX_BYTES // 2**20} MB are skipped", source)
    text = decode(path.read_bytes(), source)
    meta: dict = {}
    if suffix_of(path) in HTML_SUFFIXES:
        text, meta = _html_to_text(text, source)
    if not text.strip():
        raise InputError("empty article (no text)", source)
    return Article(
        id=article_id or _strip_suffix(path.name),
        text=text,
        language=lang,
        title=meta.get("title"),
        url=meta.get("url"),
        date=meta.get("date"),
        authors=tuple(meta.get("authors", ())),
        source=source,
    )


def _html_to_text(html: str, source: str) -> tuple[str, dict]:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency, but say so plainly
        raise InputError("reading HTML needs trafilatura: pip install trafilatura", source) from exc
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError("no article text found in the HTML page", source)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return text, {"title": data.get("title"), "url": data.get("url"), "date": data.get("date"), "authors": authors}


def _jsonl_articles(path: Path, lang: str) -> Iterator[Article | Skipped]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if raw.strip():
                yield article_from_jsonl_line(raw, f"{path}:{lineno}", lang)


def article_from_jsonl_line(raw: bytes, source: str, lang: str = "auto") -> Article | Skipped:
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
        return Skipped(source, f"malformed JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(data, dict):
        return Skipped(source, "a JSONL line must be an object with a 'text' field")
    text = data.get("text", data.get("originalText"))
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no 'text' field, or it is empty")
    authors = data.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    return Article(
        id=str(data.get("id") or data.get("documentName") or article_id_for(text)),
        text=text,
        language=_language(data.get("language") or data.get("lang"), lang),
        title=data.get("title"),
        url=data.get("url"),
        date=str(data["date"]) if data.get("date") else None,
        authors=tuple(str(a) for a in authors),
        agencies=tuple(str(a) for a in data.get("agencies") or ()),
        source=source,
    )


def folder_files(folder: Path) -> Iterator[Path]:
    """The files in a folder (recursively, sorted, hidden ones left out) that quotegraph reads."""
    wanted = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and suffix_of(path) in wanted:
            yield path


def read_inputs(inputs: Iterable[str | Path], *, lang: str = "auto") -> Iterator[Article | Skipped]:
    """Articles from files, folders and JSONL corpora, in the order given.

    Parameters
    ----------
    inputs : iterable of paths
        A text file (.txt/.md: one article), an HTML page, a JSONL file (.jsonl, .jsonl.gz: one
        article per line with ``text`` and optional ``id``, ``title``, ``url``, ``date``,
        ``language``, ``authors``), or a folder of such files (read recursively, sorted).
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
        Only for an input path that does not exist (a usage error, checked before reading).
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", str(path))
    for path in paths:
        if path.is_dir():
            for file in folder_files(path):
                rel = file.relative_to(path).as_posix()
                yield from _one_file(file, lang, article_id=_strip_suffix(rel))
        else:
            yield from _one_file(path, lang, article_id=None)


def _strip_suffix(name: str) -> str:
    for suffix in JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _one_file(path: Path, lang: str, article_id: str | None) -> Iterator[Article | Skipped]:
    if suffix_of(path) in JSONL_SUFFIXES:
        try:
            yield from _jsonl_articles(path, lang)
        except (OSError, EOFError) as exc:
            yield Skipped(str(path), f"cannot read: {exc}")
        return
    try:
        yield read_text_file(path, article_id=article_id or _strip_suffix(path.name), lang=lang)
    except InputError as exc:
        yield Skipped(str(path), str(exc).split(": ", 1)[-1] if exc.source else str(exc))
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")
