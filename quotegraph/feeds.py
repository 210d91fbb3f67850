"""RSS and Atom feeds and XML sitemaps: the article URLs they list, with the dates and titles given.

A feed (RSS 0.9x/1.0/2.0, Atom) is read with feedparser; a sitemap (``<urlset>``, Google News
sitemaps included) or a sitemap index (``<sitemapindex>``) with lxml, entities and the network
off. Nothing here fetches: :mod:`quotegraph.web` fetches the feeds and then their items, through
the polite fetcher.

>>> rss = b'''<?xml version="1.0"?><rss version="2.0"><channel><title>Kieler Blatt</title>
... <item><title>Streik im Hafen</title><link>https://kiel.example/streik</link>
... <pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate><author>eva@kiel.example (Eva Kern)</author></item>
... </channel></rss>'''
>>> feed = parse_feed(rss, "https://kiel.example/feed.xml")
>>> feed.kind, feed.items[0].url, feed.items[0].date, feed.items[0].title
('RSS feed', 'https://kiel.example/streik', '2024-05-02T10:00:00Z', 'Streik im Hafen')
"""

from __future__ import annotations

import gzip
import io
import re
import time
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

from quotegraph.errors import FeedError

__all__ = ["FeedItem", "Feed", "FeedError", "feed_kind", "parse_feed", "item_date", "since_date", "gunzipped",
           "SITEMAP_INDEX"]

RSS, ATOM, SITEMAP, SITEMAP_INDEX = "RSS feed", "Atom feed", "sitemap", "sitemap index"
_ROOTS = {b"rss": RSS, b"RDF": RSS, b"feed": ATOM, b"urlset": SITEMAP, b"sitemapindex": SITEMAP_INDEX}
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.S | re.I)
_FIRST_TAG = re.compile(rb"<(?:[\w.-]+:)?([A-Za-z][\w.-]*)")
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class FeedItem:
    """An article (or, in a sitemap index, a sitemap) a feed lists, with what the feed says of it."""

    url: str
    title: str | None = None
    date: str | None = None  # as ISO 8601
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """What a feed or sitemap lists: ``kind`` is "RSS feed", "Atom feed", "sitemap" or "sitemap index"."""

    kind: str
    items: tuple[FeedItem, ...]


def gunzipped(body: bytes, limit: int) -> bytes:
    """``body`` unpacked if it is gzipped (a ``sitemap.xml.gz``), at most ``limit`` bytes of it.

    >>> gunzipped(gzip.compress(b"<urlset/>"), 100), gunzipped(b"<rss/>", 100)
    (b'<urlset/>', b'<rss/>')
    """
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        data = zlib.decompressobj(wbits=31).decompress(body, limit + 1)
    except zlib.error as exc:
        raise FeedError(f"the gzipped data is corrupt ({exc})") from None
    if len(data) > limit:
        raise FeedError(f"unpacks to more than {limit:,} bytes")
    return data


def feed_kind(body: bytes) -> str | None:
    """What kind of feed ``body`` is, by its root element; None for anything else (an HTML page).

    >>> feed_kind(b'<?xml version="1.0"?><!-- x --><urlset xmlns="...">'), feed_kind(b"<!DOCTYPE html><html>")
    ('sitemap', None)
    """
    head = body[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    match = _FIRST_TAG.search(_PROLOG.sub(b"", head))
    return _ROOTS.get(match.group(1)) if match else None


def parse_feed(body: bytes, base_url: str | None = None) -> Feed:
    """The items of a feed or sitemap; relative links resolved against ``base_url``.

    Raises
    ------
    FeedError
        If ``body`` is no feed or sitemap, or one that cannot be parsed.
    """
    kind = feed_kind(body)
    if kind is None:
        raise FeedError("not an RSS or Atom feed or an XML sitemap")
    items = _sitemap_items(body, base_url) if kind in (SITEMAP, SITEMAP_INDEX) else _feed_items(body, base_url)
    return Feed(kind, tuple(items))


def _absolute(link: str | None, base_url: str | None) -> str | None:
    link = (link or "").strip()
    return urljoin(base_url, link) if link and base_url else link or None


def _feed_items(body: bytes, base_url: str | None) -> list[FeedItem]:
    import feedparser  # ~0.1 s to import: only feeds need it

    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if parsed.get("bozo") and not parsed.entries:
        raise FeedError(f"malformed feed ({_first_line(parsed.get('bozo_exception'))})")
    atom = str(parsed.get("version", "")).startswith("atom")
    items = []
    for entry in parsed.entries:
        url = _absolute(entry.get("link"), base_url)
        if not url:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        # Atom names each author in an element of its own; RSS writes "email (Name)", which
        # feedparser's split cuts wrong when the domain has a long last part
        authors = [a.get("name", "").strip() for a in entry.get("authors", []) if isinstance(a, dict)]
        names = tuple(a for a in authors if a) if atom else _names(entry.get("author"))
        items.append(FeedItem(url=url, title=(entry.get("title") or "").strip() or None,
                              date=time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None, authors=names))
    return items


def _names(value: object) -> tuple[str, ...]:
    """An RSS author field as names: "eva@kiel.example (Eva Kern)" names Eva Kern.

    >>> _names("eva@kiel.example (Eva Kern)"), _names("Eva Kern"), _names(None)
    (('Eva Kern',), ('Eva Kern',), ())
    """
    if not isinstance(value, str) or not value.strip():
        return ()
    match = re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", value)
    return (match.group(1).strip(),) if match else (value.strip(),)


def _sitemap_items(body: bytes, base_url: str | None) -> list[FeedItem]:
    from lxml import etree  # lxml comes with trafilatura

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed sitemap ({_first_line(exc)})") from None
    items = []
    for entry in root.iterfind("{*}url") if root.tag.endswith("urlset") else root.iterfind("{*}sitemap"):
        url = _absolute(entry.findtext("{*}loc"), base_url)
        if not url:
            continue
        news = entry.find(f"{_NEWS}news")
        published = news.findtext(f"{_NEWS}publication_date") if news is not None else None
        title = news.findtext(f"{_NEWS}title") if news is not None else None
        items.append(FeedItem(url=url, title=(title or "").strip() or None,
                              date=(published or entry.findtext("{*}lastmod") or "").strip() or None))
    return items


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0][:100] if str(exc).strip() else type(exc).__name__


def item_date(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or timestamp, as written (None if none or unreadable).

    >>> item_date("2024-05-02T23:30:00+02:00"), item_date("2024-05-02"), item_date("gestern")
    (datetime.date(2024, 5, 2), datetime.date(2024, 5, 2), None)
    """
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def since_date(value: str) -> date:
    """``--since``: an ISO date (``2024-05-01``).

    >>> since_date("2024-05-01")
    datetime.date(2024, 5, 1)

    Raises
    ------
    ValueError
        For anything else, with a message saying what is expected.
    """
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
