"""URLs, feeds and sitemaps as inputs, run as a user runs them, against a site on 127.0.0.1."""

import json
import re
from datetime import date

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.extract.records import Article
from quotegraph.fetch import FetchSettings
from quotegraph.graph.model import article_iri, entity_iri
from quotegraph.graph.namespaces import SDO, XSD
from quotegraph.inputs import Skipped
from quotegraph.warc import Tally
from quotegraph.web import read_sources
from web_site import Route, Site

pytestmark = pytest.mark.usefixtures("no_proxy")

runner = CliRunner()

DEICH = """<html lang="de"><head><title>Der Deich hält</title>
<meta property="og:site_name" content="Küstenbote">
<meta property="article:published_time" content="2024-05-02">
<meta name="author" content="Greta Lund"></head><body><article><h1>Der Deich hält</h1>
<p>Nach dem Sturm in der Nacht ist die Lage an der Küste ruhig geblieben.
„Der Deich hat gehalten, niemand musste das Dorf verlassen“, sagte Ole Hansen am Morgen.</p>
<p>Die Feuerwehr blieb trotzdem mit vier Fahrzeugen vor Ort und kontrollierte die Schleusen.</p>
</article></body></html>"""

FAEHRE = """<html lang="de"><head><title>Fähre pausiert</title>
<meta property="og:site_name" content="Küstenbote"></head><body><article><h1>Fähre pausiert</h1>
<p>Die Fähre zur Insel fährt bis Freitag nicht mehr.
„Bei diesem Wellengang können wir niemanden an Bord lassen“, sagte Kapitänin Ina Brodersen im Hafen.</p>
<p>Wer schon ein Ticket gekauft hat, bekommt das Geld zurück, hieß es von der Reederei.</p>
</article></body></html>"""

HARBOUR = """<html lang="en"><head><title>Harbour stays shut</title>
<meta property="og:site_name" content="Harbour Herald"></head><body><article><h1>Harbour stays shut</h1>
<p>The harbour will stay closed for the rest of the week after the storm damaged two piers.
"We cannot let ships in until the divers have checked every berth," harbour master Tom Reed said on Tuesday.</p>
<p>Fishing boats were told to stay in the neighbouring ports until further notice.</p>
</article></body></html>"""


def rss(base):
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Küstenbote</title>
<item><title>Der Deich hält</title><link>{base}/deich</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Fähre pausiert</title><link>{base}/faehre</link><pubDate>Fri, 03 May 2024 07:30:00 GMT</pubDate>
  <author>ina@kueste.example (Jan Sommer)</author></item>
<item><title>Alter Text</title><link>{base}/alt</link><pubDate>Mon, 01 Jan 2024 07:30:00 GMT</pubDate></item>
<item><title>Intern</title><link>{base}/intern/memo</link></item>
</channel></rss>""".encode()


def atom(base):
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbour Herald</title><entry><title>Harbour stays shut</title><link href="{base}/harbour"/>
<updated>2024-05-07T09:00:00Z</updated><author><name>Kate Moss</name></author></entry></feed>""".encode()


def sitemap(base, *paths):
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-05-05</lastmod></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


@pytest.fixture
def site():
    server = Site({})
    base = server.url
    server.routes.update({
        "/robots.txt": Route(b"User-agent: *\nDisallow: /intern/\n", "text/plain"),
        "/deich": Route(DEICH.encode()), "/faehre": Route(FAEHRE.encode()), "/harbour": Route(HARBOUR.encode()),
        "/alt": Route(DEICH.encode()), "/intern/memo": Route(DEICH.encode()),
        "/feed.rss": Route(rss(base), "application/rss+xml"),
        "/atom.xml": Route(atom(base), "application/atom+xml"),
        "/sitemap-1.xml": Route(sitemap(base, "/deich", "/harbour"), "application/xml"),
        "/sitemap.xml": Route(f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                              f"<sitemap><loc>{base}/sitemap-1.xml</loc></sitemap></sitemapindex>".encode(), "text/xml"),
        "/report.pdf": Route(b"%PDF-1.4 ...", "application/pdf"),
    })
    server.start()
    yield server
    server.stop()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def polite_but_quick(tmp_path):
    return ("--rate", "1000", "--timeout", "5", "--cache", tmp_path / "cache", "-q")


def rows_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_pages_and_feeds_become_articles_with_their_metadata_and_failures_are_named(site, tmp_path):
    graph, quotes = tmp_path / "graph.ttl", tmp_path / "quotes.jsonl"
    base = site.url
    result = invoke("extract", f"{base}/feed.rss", f"{base}/atom.xml", f"{base}/missing", f"{base}/report.pdf",
                    "--since", "2024-04-01", "-o", graph, "--jsonl", quotes, *polite_but_quick(tmp_path))
    assert result.exit_code == 3, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert warnings == [f"Warning: skipped {base}/intern/memo: robots.txt disallows it",
                        f"Warning: skipped {base}/missing: HTTP 404",
                        f"Warning: skipped {base}/report.pdf: not HTML (application/pdf)"]
    assert f"{base}/feed.rss: RSS feed: 4 items, 1 dated before 2024-04-01 left out, 1 without a date kept" in result.stderr
    assert f"{base}/atom.xml: Atom feed: 1 item" in result.stderr
    assert re.search(r"skipped inputs\D+(\d+)", result.stdout).group(1) == "3"
    assert "/alt" not in site.hits  # older than --since: never asked for

    said = {row["article"]: row for row in rows_of(quotes) if row["kind"] == "direct"}
    assert set(said) == {f"{base}/deich", f"{base}/faehre", f"{base}/harbour"}
    assert said[f"{base}/deich"]["speaker"]["entity"] == "Ole Hansen"
    assert said[f"{base}/harbour"]["speaker"]["entity"] == "Tom Reed"
    # the page's own metadata first; what the page lacks, its feed item gives (date, author)
    assert said[f"{base}/deich"]["article_meta"] == {
        "title": "Der Deich hält", "url": f"{base}/deich", "date": "2024-05-02", "language": "de",
        "site": "Küstenbote", "authors": ["Greta Lund"], "agencies": []}
    assert said[f"{base}/faehre"]["article_meta"]["date"] == "2024-05-03T07:30:00Z"
    assert said[f"{base}/faehre"]["article_meta"]["authors"] == ["Jan Sommer"]
    assert said[f"{base}/harbour"]["article_meta"] == {
        "title": "Harbour stays shut", "url": f"{base}/harbour", "date": "2024-05-07T09:00:00Z", "language": "en",
        "site": "Harbour Herald", "authors": ["Kate Moss"], "agencies": []}

    g = Graph().parse(graph)
    deich, faehre = article_iri(f"{base}/deich"), article_iri(f"{base}/faehre")
    assert g.value(deich, SDO.url) == Literal(f"{base}/deich", datatype=XSD.anyURI)
    assert g.value(deich, SDO.datePublished) == Literal("2024-05-02", datatype=XSD.date)
    assert g.value(faehre, SDO.datePublished) == Literal("2024-05-03T07:30:00Z", datatype=XSD.dateTime)
    assert set(g.subjects(SDO.publisher, entity_iri("Küstenbote"))) == {deich, faehre}


def test_a_second_run_reads_its_pages_from_the_cache(site, tmp_path):
    pages = [f"{site.url}/deich", f"{site.url}/harbour"]
    first = invoke("extract", *pages, "-o", tmp_path / "a.ttl", *polite_but_quick(tmp_path))
    assert first.exit_code == 0, first.output
    asked = sum(site.hits.values())
    assert asked == 3  # robots.txt and the two pages
    again = invoke("extract", *pages, "-o", tmp_path / "b.ttl", *polite_but_quick(tmp_path))
    assert again.exit_code == 0, again.output
    assert sum(site.hits.values()) == asked  # no request at all
    assert Graph().parse(tmp_path / "a.ttl").isomorphic(Graph().parse(tmp_path / "b.ttl"))


def test_a_fresh_run_asks_for_its_feed_again_and_a_resumed_one_does_not(site, tmp_path):
    settings = FetchSettings(rate=1000, cache=tmp_path / "cache")
    first = list(read_sources([f"{site.url}/feed.rss"], lang="de", fetch_settings=settings))
    assert site.hits["/feed.rss"] == 1 and site.hits["/deich"] == 1
    again = list(read_sources([f"{site.url}/feed.rss"], lang="de", fetch_settings=settings))
    assert site.hits["/feed.rss"] == 2 and site.hits["/deich"] == 1  # the feed may have changed; the pages not
    resumed = list(read_sources([f"{site.url}/feed.rss"], lang="de", fetch_settings=settings, refresh_feeds=False))
    assert site.hits["/feed.rss"] == 2
    assert [str(i) for i in first] == [str(i) for i in again] == [str(i) for i in resumed]


def test_a_sitemap_index_and_a_local_feed_file_expand_to_their_pages_each_read_once(site, tmp_path):
    local = tmp_path / "saved-feed.rss"
    local.write_bytes(rss(site.url))
    settings = FetchSettings(rate=1000, cache=tmp_path / "cache")
    items = list(read_sources([f"{site.url}/sitemap.xml", local], lang="auto", fetch_settings=settings))
    articles = [i.id for i in items if isinstance(i, Article)]
    tallies = [str(i) for i in items if isinstance(i, Tally)]
    skipped = [str(i) for i in items if type(i) is Skipped]
    assert articles == [f"{site.url}/deich", f"{site.url}/harbour", f"{site.url}/faehre", f"{site.url}/alt"]
    assert tallies == [f"{site.url}/sitemap-1.xml: sitemap: 2 items", f"{site.url}/sitemap.xml: sitemap index: 1 sitemap",
                       f"{local}: RSS feed: 4 items, 1 listed before"]
    assert skipped == [f"{site.url}/intern/memo: robots.txt disallows it"]


def test_a_urls_file_is_read_after_the_inputs_and_a_bad_line_is_named(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# Küste\n\n{site.url}/deich\n  {site.url}/faehre  \n", encoding="utf-8")
    quotes = tmp_path / "q.jsonl"
    result = invoke("extract", "--urls", urls, "--jsonl", quotes, "-o", tmp_path / "g.ttl", *polite_but_quick(tmp_path))
    assert result.exit_code == 0, result.output
    assert {row["article"] for row in rows_of(quotes)} == {f"{site.url}/deich", f"{site.url}/faehre"}

    urls.write_text(f"{site.url}/deich\nkueste.example/faehre\n", encoding="utf-8")
    bad = invoke("extract", "--urls", urls, "-o", tmp_path / "h.ttl", *polite_but_quick(tmp_path))
    assert bad.exit_code == 1
    assert f"{urls}: line 2 is not an http(s) URL: 'kueste.example/faehre'" in bad.stderr


@pytest.mark.parametrize("args, message", [
    (["--since", "Mai"], "not an ISO date (YYYY-MM-DD): 'Mai'"),
    (["--engine", "spark", "--out", "parts/"], "URLs, --urls and --since are for --engine local"),
])
def test_bad_options_are_one_line_before_anything_is_fetched(site, tmp_path, args, message):
    result = invoke("extract", f"{site.url}/deich", *args, "--cache", tmp_path / "cache", "-q")
    assert result.exit_code == 2 and message in " ".join(result.stderr.split())
    assert not site.hits


def test_feeds_that_list_each_other_end(tmp_path):
    server = Site({})
    base = server.url

    def feed(*paths):
        items = "".join(f"<item><link>{base}{p}</link></item>" for p in paths)
        return Route(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), "application/rss+xml")

    server.routes.update({"/a": feed("/b", "/deich"), "/b": feed("/a", "/c"), "/c": feed("/d"), "/d": feed("/deich"),
                          "/deich": Route(DEICH.encode())})
    server.start()
    try:
        items = list(read_sources([f"{base}/a"], fetch_settings=FetchSettings(rate=1000, cache=None)))
    finally:
        server.stop()
    assert [str(i) for i in items[:3]] == [
        f"{base}/d: RSS feed listed 3 levels deep in feeds and sitemaps: not read",
        f"{base}/c: RSS feed: 1 item",
        f"{base}/b: RSS feed: 2 items, 1 listed before"]  # /a, given
    assert isinstance(items[3], Article) and items[3].id == f"{base}/deich"
    assert [str(i) for i in items[4:]] == [f"{base}/a: RSS feed: 2 items"]


@pytest.mark.slow
def test_a_killed_run_over_a_feed_resumes_without_fetching_anything_twice(tmp_path):
    import sys

    from killed_runs import kill_after_first_article

    names = ["Ole Hansen", "Ina Brodersen", "Greta Lund", "Jan Sommer", "Tom Reed", "Kate Moss",
             "Eva Kern", "Paul Ahrens", "Lena Voss", "Nils Berg", "Mia Claussen", "Finn Petersen"]
    server = Site({})
    base = server.url
    items = "".join(f"<item><link>{base}/p{n}</link></item>" for n in range(len(names)))
    server.routes["/feed.rss"] = Route(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), "application/rss+xml")
    for n, name in enumerate(names):
        server.routes[f"/p{n}"] = Route(DEICH.replace("Ole Hansen", name).encode())
    server.start()
    out, quotes = tmp_path / "graph.ttl", tmp_path / "quotes.jsonl"
    args = [f"{base}/feed.rss", "--lang", "de", "--rate", "1", "--batch-size", "1", "-o", out, "--jsonl", quotes, "--cache", tmp_path / "cache", "-q"]
    try:
        kill_after_first_article([sys.executable, "-m", "quotegraph.cli", "extract", *map(str, args)],
                                 tmp_path / "graph.ttl.quotegraph-run" / "journal.jsonl", tmp_path)
        fetched_before = {path for path in server.hits if path.startswith("/p")}
        assert 0 < len(fetched_before) < len(names)
        result = invoke("extract", *args, "--resume")
    finally:
        server.stop()
    assert result.exit_code == 0, result.output
    assert server.hits["/feed.rss"] == 1  # the resumed run read the feed from the cache: the same items
    # every page fetched, and once, but for at most the one in flight when the run was killed
    # (fetched, not yet kept in the cache): that one is fetched again, nothing cached is
    hits = [server.hits[f"/p{n}"] for n in range(len(names))]
    assert min(hits) == 1 and max(hits) <= 2 and hits.count(2) <= 1, hits
    said = {row["speaker"]["entity"] for row in rows_of(quotes) if row["kind"] == "direct"}
    assert said == set(names)


def test_spark_refuses_urls_before_it_starts():
    from quotegraph.errors import InputError
    from quotegraph.spark_inputs import plan_inputs

    with pytest.raises(InputError, match="URLs are fetched by the local engine only"):
        plan_inputs(["https://kueste.example/deich"])


def test_files_and_folders_read_as_before(tmp_path):
    from test_warc import news_archive

    from quotegraph.api import example_folder
    from quotegraph.inputs import read_inputs

    (tmp_path / "news.jsonl").write_text('{"id": "n1", "text": "„Ja“, sagte sie."}\n{bad\n\n', encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    news_archive(tmp_path / "crawl.warc.gz")
    inputs = [example_folder(), tmp_path / "news.jsonl", tmp_path / "report.pdf", tmp_path / "crawl.warc.gz", tmp_path]
    assert list(read_sources(inputs, lang="de")) == list(read_inputs(inputs, lang="de"))


def test_since_leaves_out_a_sitemap_that_has_not_changed_since(site, tmp_path):
    base = site.url
    site.routes["/index.xml"] = Route(
        (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         f"<sitemap><loc>{base}/sitemap-1.xml</loc><lastmod>2024-05-05</lastmod></sitemap>"
         f"<sitemap><loc>{base}/sitemap-old.xml</loc><lastmod>2023-12-31</lastmod></sitemap></sitemapindex>").encode(),
        "application/xml")
    items = list(read_sources([f"{base}/index.xml"], since=date(2024, 5, 1),
                              fetch_settings=FetchSettings(rate=1000, cache=None)))
    assert [str(i) for i in items if isinstance(i, Tally)] == [
        f"{base}/sitemap-1.xml: sitemap: 2 items",
        f"{base}/index.xml: sitemap index: 2 sitemaps, 1 dated before 2024-05-01 left out"]
    assert "/sitemap-old.xml" not in site.hits
