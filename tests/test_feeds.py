"""Feeds and sitemaps read into the URLs they list (nothing fetched here)."""

import gzip
from datetime import date

import pytest

from quotegraph.feeds import FeedError, feed_kind, gunzipped, item_date, parse_feed, since_date

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kuestenbote</title><link>https://kueste.example/</link>
<item><title>Deich h\xc3\xa4lt</title><link>https://kueste.example/deich</link>
  <pubDate>Thu, 02 May 2024 10:00:00 +0200</pubDate><author>ole@kueste.example (Ole Hansen)</author></item>
<item><title>Ohne Datum</title><link>/relativ</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>
<entry><title>Harbour closed</title><link href="https://harbour.example/closed"/>
  <updated>2024-05-03T08:00:00Z</updated><author><name>Mary Stone</name></author></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://kueste.example/deich</loc><lastmod>2024-05-02</lastmod></url>
<url><loc>https://kueste.example/sturm</loc>
  <news:news><news:publication><news:name>Kuestenbote</news:name><news:language>de</news:language></news:publication>
  <news:publication_date>2024-05-04T12:00:00+02:00</news:publication_date><news:title>Sturm kommt</news:title></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://kueste.example/sitemap-2024.xml</loc><lastmod>2024-05-04</lastmod></sitemap>
</sitemapindex>"""


def test_an_rss_feed_lists_its_links_with_title_date_and_author():
    feed = parse_feed(RSS, "https://kueste.example/feed.rss")
    assert feed.kind == "RSS feed"
    first, second = feed.items  # the item without a link is passed over
    assert (first.url, first.title, first.date, first.authors) == (
        "https://kueste.example/deich", "Deich hält", "2024-05-02T08:00:00Z", ("Ole Hansen",))
    assert (second.url, second.date) == ("https://kueste.example/relativ", None)


def test_an_atom_feed_lists_its_entries():
    (item,) = parse_feed(ATOM, "https://harbour.example/atom.xml").items
    assert (item.url, item.title, item.date, item.authors) == (
        "https://harbour.example/closed", "Harbour closed", "2024-05-03T08:00:00Z", ("Mary Stone",))


def test_a_sitemap_lists_its_urls_with_news_dates_and_titles():
    feed = parse_feed(SITEMAP, "https://kueste.example/sitemap.xml")
    assert feed.kind == "sitemap"
    assert [(i.url, i.date, i.title) for i in feed.items] == [
        ("https://kueste.example/deich", "2024-05-02", None),
        ("https://kueste.example/sturm", "2024-05-04T12:00:00+02:00", "Sturm kommt")]


def test_a_sitemap_index_lists_sitemaps_and_a_gzipped_one_unpacks():
    feed = parse_feed(gunzipped(gzip.compress(INDEX), 10_000))
    assert feed.kind == "sitemap index" and [i.url for i in feed.items] == ["https://kueste.example/sitemap-2024.xml"]
    with pytest.raises(FeedError, match="unpacks to more than 100 bytes"):
        gunzipped(gzip.compress(INDEX), 100)


@pytest.mark.parametrize("body, kind", [
    (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- generated --><rss>", "RSS feed"),
    (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "RSS feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "Atom feed"),
    (b"<!DOCTYPE html><html><body><p>rss</p>", None),
    (b"%PDF-1.4", None),
])
def test_the_kind_is_told_by_the_root_element(body, kind):
    assert feed_kind(body) == kind


def test_a_malformed_sitemap_and_entities_are_refused():
    with pytest.raises(FeedError, match="malformed sitemap"):
        parse_feed(b"<urlset><url><loc>https://a.example/</loc></urlset>")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<urlset><url><loc>&x;</loc></url></urlset>")
    assert all("root" not in (i.url or "") for i in parse_feed(bomb).items)  # no file read into a URL


def test_dates_and_since():
    assert item_date("Thu, 02 May 2024") is None  # not ISO: feedparser's dates come as ISO
    assert item_date("2024-05-02T10:00:00Z") == date(2024, 5, 2)
    assert since_date(" 2024-05-01 ") == date(2024, 5, 1)
    with pytest.raises(ValueError, match="not an ISO date"):
        since_date("1. Mai")
