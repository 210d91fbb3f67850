"""Fetched pages kept on disk, one small web archive per URL, so a page is fetched only once.

Each page is a ``.warc.gz`` file holding one ``response`` record (warcio): the HTTP status and
content type, the body, the URL it came from after redirects (``WARC-Target-URI``) and when
it was fetched (``WARC-Date``). The file is named by a hash of the URL asked for. A cache
folder is thus also a web archive quotegraph (or any WARC tool) can read. Only pages fetched
whole (status 200) are kept; a failure is asked again next time.

>>> import tempfile, pathlib
>>> cache = PageCache(pathlib.Path(tempfile.mkdtemp()))
>>> cache.put(Page("https://kiel.example/a", "https://kiel.example/a?x", 200, "text/html", b"<p>Hallo</p>", "2024-05-02T10:00:00Z"))
>>> page = cache.get("https://kiel.example/a")
>>> page.final_url, page.body, page.from_cache
('https://kiel.example/a?x', b'<p>Hallo</p>', True)
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.graph.files import write_atomically

__all__ = ["Page", "PageCache", "default_cache_dir", "CACHE_ENV"]

#: The environment variable that moves the default cache folder.
CACHE_ENV = "QUOTEGRAPH_CACHE"


def default_cache_dir() -> Path:
    """Where fetched pages are kept: ``$QUOTEGRAPH_CACHE``, else the user's cache folder
    (``~/.cache/quotegraph/pages`` on Linux)."""
    where = os.environ.get(CACHE_ENV)
    return Path(where) if where else Path(user_cache_dir("quotegraph")) / "pages"


@dataclass(frozen=True)
class Page:
    """A fetched page: the URL asked for, the one it came from after redirects, and its body."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched: str  # when, ISO 8601 UTC
    from_cache: bool = False


class PageCache:
    """A folder of fetched pages, one ``.warc.gz`` each (see the module's docstring)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path_of(self, url: str) -> Path:
        """The file that holds the page asked for as ``url``."""
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key[2:34]}.warc.gz"

    def get(self, url: str) -> Page | None:
        """The page kept for ``url``, or None (not kept, or its file is unreadable)."""
        path = self.path_of(url)
        try:
            with path.open("rb") as fh:
                for record in ArchiveIterator(fh):
                    if record.rec_type == "response" and record.http_headers is not None:
                        http = record.http_headers
                        return Page(url=url, final_url=record.rec_headers.get_header("WARC-Target-URI") or url,
                                    status=int(http.get_statuscode() or 0),
                                    content_type=http.get_header("Content-Type") or "",
                                    body=record.content_stream().read(),
                                    fetched=record.rec_headers.get_header("WARC-Date") or "", from_cache=True)
        except (OSError, ArchiveLoadFailed, ValueError, EOFError):
            return None  # a file cut short by a crash: fetched again, and written anew
        return None

    def put(self, page: Page) -> None:
        """Keep ``page`` (written atomically: a crash leaves no half file)."""
        path = self.path_of(page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        http = StatusAndHeaders(f"{page.status} OK", [("Content-Type", page.content_type)], protocol="HTTP/1.1")
        with write_atomically(path) as fh:
            writer = WARCWriter(fh, gzip=True)
            writer.write_record(writer.create_warc_record(
                page.final_url, "response", payload=io.BytesIO(page.body), http_headers=http,
                warc_headers_dict={"WARC-Date": page.fetched}))
