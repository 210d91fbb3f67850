"""Web pages, feeds and sitemaps as inputs: URLs become articles, feeds and sitemaps their items.

``quotegraph extract https://…`` reads each URL through the polite :class:`~quotegraph.fetch.Fetcher`:

* an HTML page becomes an :class:`Article`: its main text and metadata extracted with
  trafilatura as for an HTML file; its id is the URL as given, its ``url`` the one the page
  came from after redirects;
* an RSS or Atom feed, a sitemap or a sitemap index (fetched, or a local ``.rss``, ``.atom`` or
  ``.xml`` file named as an input) stands for its items, each fetched in turn; the item's
  title, date and authors fill what the page does not say itself. With ``since``, items dated
  before it are left out (items without a date are kept). Each feed ends with one
  :class:`~quotegraph.warc.Tally` line (its items, and those left out), which is no error;
* whatever cannot be fetched or read is a :class:`~quotegraph.inputs.Skipped` naming the URL and
  why (``robots.txt disallows it``, ``HTTP 404``, ``timed out after 3 tries of 30 s``…).

Everything else (files, folders) is read by :func:`quotegraph.inputs.read_inputs`, in the order given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.extract.records import Article
from quotegraph.extract.settings import max_article_chars
from quotegraph.feeds import SITEMAP_INDEX, FeedError, FeedItem, feed_kind, gunzipped, item_date, parse_feed
from quotegraph.inputs import MAX_HTML_BYTES, Skipped, html_to_text, read_inputs, too_long_reason
from quotegraph.warc import Tally, decoded_body

__all__ = ["is_web_url", "is_feed_file", "read_sources", "FEED_SUFFIXES", "urls_in_file"]

#: Local files named as inputs that are read as feeds or sitemaps (inside folders they are not).
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_NESTING = 2  # a sitemap index lists sitemaps, which list pages; a feed deeper than that is not read


def is_web_url(value: str | Path) -> bool:
    """Whether an input is an http(s) URL.

    >>> is_web_url("https://kiel.example/a"), is_web_url("HTTP://kiel.example"), is_web_url("news/a.txt")
    (True, True, False)
    """
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def is_feed_file(value: str | Path) -> bool:
    """Whether a local input is read as a feed or sitemap (by its suffix).

    >>> is_feed_file("news/sitemap.xml"), is_feed_file("https://kiel.example/feed.xml")
    (True, False)
    """
    return not is_web_url(value) and Path(value).suffix.lower() in FEED_SUFFIXES


def urls_in_file(path: str | Path) -> list[str]:
    """The URLs of a ``--urls`` file: one a line, blank lines and ``#`` comments left out.

    Raises
    ------
    InputError
        Naming the line of something that is not an http(s) URL.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError("not a UTF-8 text file of URLs", str(path)) from None
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_web_url(line) or any(c.isspace() for c in line):
            raise InputError(f"line {number} is not an http(s) URL: {line[:80]!r}", str(path))
        urls.append(line)
    return urls


def read_sources(inputs: Iterable[str | Path], *, lang: str = "auto", since: date | None = None,
                 fetch_settings=None, refresh_feeds: bool = True) -> Iterator[Article | Skipped]:
    """Articles from files, folders, URLs, feeds and sitemaps, in the order given.

    Raises :class:`InputError` for an input path that does not exist, before reading anything.

    Parameters
    ----------
    inputs : iterable of paths and URLs
        What :func:`quotegraph.inputs.read_inputs` reads, and http(s) URLs of pages, feeds and
        sitemaps, and local feed and sitemap files (``.rss``, ``.atom``, ``.xml``).
    since : date, optional
        Leave out feed and sitemap items dated before it (items without a date are kept).
    fetch_settings : FetchSettings, optional
        How pages are fetched (:class:`quotegraph.fetch.FetchSettings` by default).
    refresh_feeds : bool
        Fetch feeds and sitemaps again rather than read them from the cache (a resumed run
        reads them from the cache, so it goes on with the same items).
    """
    inputs = list(inputs)
    for source in inputs:  # usage errors first, before anything is read or fetched
        if not is_web_url(source) and not Path(source).exists():
            raise InputError("no such file or folder", str(source))
    reader = _WebReader(lang, since, fetch_settings, refresh_feeds)
    try:
        for source in inputs:
            if is_web_url(source):
                reader.listed.add(str(source))  # a feed that lists it too does not read it again
                yield from reader.url(str(source))
            elif is_feed_file(source):
                yield from reader.feed_file(Path(source))
            else:
                yield from read_inputs([source], lang=lang)
    finally:
        reader.close()


class _WebReader:
    """Fetches pages and feeds for :func:`read_sources`; the fetcher is made at the first URL."""

    def __init__(self, lang: str, since: date | None, settings, refresh_feeds: bool):
        self.lang, self.since, self.settings, self.refresh_feeds = lang, since, settings, refresh_feeds
        self.limit = max_article_chars()
        self._fetcher = None
        self.listed: set[str] = set()  # URLs given or listed already: a feed listing one again skips it

    @property
    def fetcher(self):
        if self._fetcher is None:
            from quotegraph.fetch import Fetcher, FetchSettings  # requests and urllib3: only URLs need them

            self._fetcher = Fetcher(self.settings or FetchSettings())
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def url(self, url: str, item: FeedItem | None = None, depth: int = 0) -> Iterator[Article | Skipped]:
        """The article at ``url`` (``item``: what a feed said of it), or the items of the feed there."""
        from quotegraph.fetch import FetchError

        def reuse(page) -> bool:  # a feed changes: read it anew, unless the run goes on where it stopped
            gzipped = page.body.startswith(b"\x1f\x8b")  # a sitemap.xml.gz
            return not (self.refresh_feeds and (gzipped or feed_kind(page.body)))

        try:
            page = self.fetcher.fetch(url, reuse=reuse)
            body = gunzipped(page.body, self.fetcher.settings.max_bytes)
        except FetchError as exc:
            yield Skipped(url, exc.reason)
            return
        except FeedError as exc:
            yield Skipped(url, str(exc))
            return
        if feed_kind(body):
            if depth > _MAX_NESTING:
                yield Skipped(url, f"{feed_kind(body)} listed {depth} levels deep in feeds and sitemaps: not read")
            else:
                yield from self._feed(body, url, page.final_url, depth)
            return
        content_type = page.content_type.split(";")[0].strip().lower()
        if (content_type and not content_type.startswith(_HTML_TYPES)) or (
                not content_type and b"<html" not in body[:4096].lower()):
            yield Skipped(url, f"not HTML ({content_type or 'no content type'}) and no feed or sitemap")
            return
        yield self._article(url, page, item)

    def _article(self, url: str, page, item: FeedItem | None) -> Article | Skipped:
        try:
            text, meta = html_to_text(decoded_body(page.body, page.content_type.lower(), url), url, url=page.final_url)
        except InputError as exc:
            return Skipped(url, str(exc).split(": ", 1)[-1] if exc.source else str(exc))
        if len(text) > self.limit:
            return Skipped(url, too_long_reason(f"article has {len(text):,} characters", self.limit))
        return Article(id=url, text=text, language=self.lang, url=page.final_url,
                       title=meta.get("title") or (item.title if item else None),
                       date=meta.get("date") or (item.date if item else None),
                       authors=tuple(meta.get("authors") or (item.authors if item else ())),
                       site=meta.get("site"), source=url)

    def feed_file(self, path: Path) -> Iterator[Article | Skipped]:
        """The items of a local feed or sitemap file (their links must be absolute URLs)."""
        try:
            with path.open("rb") as fh:
                body = fh.read(MAX_HTML_BYTES)
        except OSError as exc:
            yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")
            return
        if not feed_kind(body):
            yield Skipped(str(path), f"not an RSS or Atom feed or an XML sitemap ({path.suffix} files named as "
                                     "inputs are read as feeds)")
            return
        yield from self._feed(body, str(path), None, 0)

    def _feed(self, body: bytes, source: str, base_url: str | None, depth: int) -> Iterator[Article | Skipped]:
        """The items of a feed, each read in turn, then the feed's :class:`Tally` line."""
        try:
            feed = parse_feed(body, base_url)
        except FeedError as exc:
            yield Skipped(source, str(exc))
            return
        old = listed = relative = 0
        undated = sum(1 for item in feed.items if item_date(item.date) is None)
        for item in feed.items:
            when = item_date(item.date)
            if self.since is not None and when is not None and when < self.since:
                old += 1  # for a sitemap index: that sitemap has not changed since, so neither have its pages
            elif not is_web_url(item.url):
                relative += 1
            elif item.url in self.listed:
                listed += 1
            else:
                self.listed.add(item.url)
                yield from self.url(item.url, None if feed.kind == SITEMAP_INDEX else item, depth + 1)
        yield Tally(source, _feed_line(feed.kind, len(feed.items), old, listed, relative,
                                       undated if self.since else 0, self.since))


def _feed_line(kind: str, items: int, old: int, listed: int, relative: int, undated: int, since: date | None) -> str:
    """The line a feed ends with.

    >>> _feed_line("RSS feed", 12, 3, 1, 0, 2, date(2024, 5, 1))
    'RSS feed: 12 items, 3 dated before 2024-05-01 left out, 1 listed before, 2 without a date kept'
    """
    noun = "sitemaps" if kind == "sitemap index" else "items"
    parts = [f"{kind}: {items} {noun if items != 1 else noun[:-1]}"]
    if old:
        parts.append(f"{old} dated before {since.isoformat()} left out")
    if listed:
        parts.append(f"{listed} listed before")
    if relative:
        parts.append(f"{relative} with a relative link left out (a local file has no base URL)")
    if undated:
        parts.append(f"{undated} without a date kept")
    return ", ".join(parts)
