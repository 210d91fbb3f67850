"""Web archives as inputs: small WARC files written here with warcio, read as a user reads them."""

import io
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.cli import app
from quotegraph.graph.model import article_iri, entity_iri
from quotegraph.graph.namespaces import RDF, SDO, XSD
from quotegraph.inputs import Skipped, first_of_each_id, read_inputs
from quotegraph.extract.records import Article
from quotegraph.warc import Tally, read_warc

runner = CliRunner()

STREIK_URI = "https://hafenkurier.example/2024/streik"
FAEHRE_URI = "https://hafenkurier.example/faehre"

STREIK = """<html lang="de"><head><title>Streik im Hafen</title>
<meta property="og:site_name" content="Hafenkurier"></head><body><article><h1>Streik im Hafen</h1>
<p>Die Gewerkschaft hat den Streik im Hamburger Hafen am Dienstag ausgeweitet.
„Wir haben monatelang verhandelt, jetzt reicht es“, sagte Gewerkschaftschefin Miriam Okonkwo
vor Journalisten.</p>
<p>Die Arbeitgeber reagierten verärgert auf die Ankündigung und warnten vor Schäden für die
gesamte Wirtschaft der Region.</p></article></body></html>"""

FAEHRE = """<html lang="de"><head><title>Fähre fällt aus</title>
<meta property="og:site_name" content="Hafenkurier">
<meta property="article:published_time" content="2024-04-30"></head><body><article>
<h1>Fähre fällt aus</h1>
<p>Die Fähre nach Helgoland fährt in dieser Woche nicht. „Der Sturm lässt uns keine Wahl“,
sagte Reederin Jana Voss am Montag in Cuxhaven.</p>
<p>Die Passagiere sollen ihr Geld zurückbekommen, teilte die Reederei weiter mit.</p>
</article></body></html>"""

EMPTY_PAGE = "<html><head><title>Start</title></head><body><div></div></body></html>"


def http(content_type: str, status: str = "200 OK") -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def response(w, uri, body, content_type="text/html; charset=utf-8", status="200 OK", date=None):
    data = body.encode("utf-8") if isinstance(body, str) else body
    extra = {"WARC-Date": date} if date else None
    w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(data),
                                        http_headers=http(content_type, status), warc_headers_dict=extra))


def request(w, uri):
    w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")))


def write_warc(path: Path, records, gzip=True) -> Path:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        for add in records:
            add(w)
    return path


def news_archive(path: Path, gzip=True) -> Path:
    """A request, two German HTML articles of one outlet, an image."""
    return write_warc(path, [
        lambda w: request(w, STREIK_URI),
        lambda w: response(w, STREIK_URI, STREIK, date="2024-05-02T10:00:00Z"),
        lambda w: response(w, "https://hafenkurier.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
        lambda w: response(w, FAEHRE_URI, FAEHRE, date="2024-05-03T08:00:00Z"),
    ], gzip=gzip)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_extracts_the_html_responses_of_an_archive_and_counts_the_rest(tmp_path):
    archive = news_archive(tmp_path / "archive.warc.gz")
    graph, quotes = tmp_path / "graph.ttl", tmp_path / "quotes.jsonl"
    result = invoke("extract", archive, "-o", graph, "--jsonl", quotes, "--lang", "de", "-q")
    assert result.exit_code == 0, result.output
    assert f"{archive}: 4 records, 2 articles, 2 skipped (2 not HTML responses)" in result.stderr.splitlines()
    assert "Warning" not in result.stderr  # counted, not one line per record

    g = Graph().parse(graph)
    streik, faehre = article_iri(STREIK_URI), article_iri(FAEHRE_URI)
    assert g.value(streik, SDO.url) == Literal(STREIK_URI, datatype=XSD.anyURI)
    # no date in the page: the WARC-Date; the page's own date where it has one
    assert g.value(streik, SDO.datePublished) == Literal("2024-05-02T10:00:00Z", datatype=XSD.dateTime)
    assert g.value(faehre, SDO.datePublished) == Literal("2024-04-30", datatype=XSD.date)
    assert g.value(streik, SDO.headline) == Literal("Streik im Hafen")
    assert g.value(streik, SDO.inLanguage) == Literal("de")
    # the outlet: one schema:NewsMediaOrganization for both pages
    outlet = entity_iri("Hafenkurier")
    assert set(g.subjects(SDO.publisher, outlet)) == {streik, faehre}
    assert list(g.objects(outlet, RDF.type)) == [SDO.NewsMediaOrganization]
    assert set(g.subjects(RDF.type, SDO.NewsMediaOrganization)) == {outlet}

    rows = [json.loads(line) for line in quotes.read_text(encoding="utf-8").splitlines()]
    said = {row["article"]: row for row in rows if row["kind"] == "direct"}
    assert set(said) == {STREIK_URI, FAEHRE_URI}
    assert said[STREIK_URI]["text"] == "„Wir haben monatelang verhandelt, jetzt reicht es“"
    assert said[STREIK_URI]["speaker"]["entity"] == "Miriam Okonkwo"
    assert said[STREIK_URI]["article_meta"] == {
        "title": "Streik im Hafen", "url": STREIK_URI, "date": "2024-05-02T10:00:00Z", "language": "de",
        "site": "Hafenkurier", "authors": [], "agencies": []}
    assert said[FAEHRE_URI]["article_meta"]["date"] == "2024-04-30"


def test_a_truncated_archive_keeps_the_articles_before_the_break_and_exits_3(tmp_path):
    whole = news_archive(tmp_path / "whole.warc.gz").read_bytes()
    last = len(whole) - whole.rindex(b"\x1f\x8b\x08")  # the last gzip member: the second article
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(whole[:-last // 2])  # cut in its middle
    graph = tmp_path / "graph.ttl"
    result = invoke("extract", archive, "-o", graph, "--lang", "de", "-q")
    assert result.exit_code == 3, result.output
    assert (f"skipped {archive}: broken archive: the compressed data breaks off (a truncated gzip member); "
            "read before the break: 3 records, 1 article, 2 skipped (2 not HTML responses)") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    g = Graph().parse(graph)
    assert (article_iri(STREIK_URI), SDO.url, None) in g
    assert (article_iri(FAEHRE_URI), None, None) not in g


@pytest.mark.parametrize("pack", ["plain", "a gzip member per record", "the whole file gzipped"])
def test_an_archive_reads_the_same_however_it_is_packed(tmp_path, pack):
    import gzip as gz
    archive = news_archive(tmp_path / "a.warc.gz", gzip=pack == "a gzip member per record")
    if pack == "the whole file gzipped":
        archive.write_bytes(gz.compress(archive.read_bytes()))
    items = list(read_warc(archive, lang="de"))
    assert [i.id for i in items if isinstance(i, Article)] == [STREIK_URI, FAEHRE_URI]
    assert str(items[-1]) == f"{archive}: 4 records, 2 articles, 2 skipped (2 not HTML responses)"


def test_every_other_record_is_counted_by_its_reason(tmp_path):
    big = "<html><body><article><p>" + "Er sagte, es gehe weiter. " * 40 + "</p></article></body></html>"
    archive = write_warc(tmp_path / "mixed.warc", [
        lambda w: w.write_record(w.create_warcinfo_record("mixed.warc", {"software": "test"})),
        lambda w: request(w, STREIK_URI),
        lambda w: response(w, STREIK_URI, STREIK),
        lambda w: w.write_record(w.create_revisit_record(STREIK_URI, "sha1:ABC", STREIK_URI, "2024-05-01T00:00:00Z")),
        lambda w: w.write_record(w.create_warc_record(STREIK_URI, "metadata", payload=io.BytesIO(b"via: x"),
                                                      warc_content_type="application/warc-fields")),
        lambda w: response(w, "https://x.example/moved", "<html>moved</html>", status="301 Moved Permanently"),
        lambda w: response(w, "https://x.example/gone", "<html>gone</html>", status="404 Not Found"),
        lambda w: response(w, "https://x.example/data.json", '{"a": 1}', "application/json"),
        lambda w: response(w, "https://x.example/empty", b""),
        lambda w: response(w, "https://x.example/binary", b"\x00\x01\x02" * 50),
        lambda w: response(w, "https://x.example/start", EMPTY_PAGE),
        lambda w: response(w, "https://x.example/big", big),
    ], gzip=False)
    items = list(read_warc(archive, lang="de", limit=500))
    assert [type(i) for i in items] == [Article, Tally]
    assert items[-1].reason == ("12 records, 1 article, 11 skipped (5 not HTML responses, 2 redirects or HTTP "
                                "errors, 2 empty or undecodable, 1 too large, 1 without article text)")


def test_the_charset_the_response_names_is_used(tmp_path):
    page = STREIK.replace("Schäden", "Schäden für Groß und Klein")
    archive = write_warc(tmp_path / "latin.warc.gz", [
        lambda w: response(w, STREIK_URI, page.encode("latin-1", "replace"), "text/html; charset=ISO-8859-1")])
    article, _ = read_warc(archive)
    assert "Schäden für Groß und Klein" in article.text
    assert article.site == "Hafenkurier" and article.url == STREIK_URI and article.id == STREIK_URI


def test_a_page_without_a_site_name_is_named_by_its_host(tmp_path):
    page = STREIK.replace('<meta property="og:site_name" content="Hafenkurier">', "")
    archive = write_warc(tmp_path / "a.warc.gz", [lambda w: response(w, STREIK_URI, page)])
    article, _ = read_warc(archive)
    assert article.site == "hafenkurier.example"


@pytest.mark.parametrize("content, why", [
    (b"", "empty archive (no WARC record)"),
    (b"this is no web archive at all\r\n" * 5, "broken archive: Invalid WARC record"),
])
def test_an_empty_or_foreign_file_is_one_named_skip(tmp_path, content, why):
    archive = tmp_path / "x.warc"
    archive.write_bytes(content)
    items = list(read_inputs([archive]))
    assert len(items) == 1 and type(items[0]) is Skipped
    assert items[0].reason.startswith(why)


def test_a_record_cut_short_in_a_plain_archive_is_named(tmp_path):
    whole = news_archive(tmp_path / "whole.warc", gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:-300])
    items = list(read_warc(cut, lang="de"))
    assert [type(i) for i in items] == [Article, Skipped]
    assert items[-1].reason.startswith("broken archive: the last record breaks off before its end")


def test_a_folder_of_archives_is_read_and_a_repeated_uri_is_a_duplicate(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    news_archive(folder / "a.warc.gz")
    write_warc(folder / "b.warc", [lambda w: response(w, STREIK_URI, STREIK)], gzip=False)
    items = list(first_of_each_id(read_inputs([folder], lang="de")))
    assert [i.id for i in items if isinstance(i, Article)] == [STREIK_URI, FAEHRE_URI]
    assert [str(i) for i in items if type(i) is Skipped] == [
        f"{folder / 'b.warc'}, record 1: duplicate article id {STREIK_URI!r} "
        f"(first at {folder / 'a.warc.gz'}, record 2); the first is kept"]
    assert [type(i) for i in items].count(Tally) == 2


def test_a_gzip_bomb_in_a_response_body_costs_no_memory(tmp_path):
    import gzip as gz
    import resource
    bomb = gz.compress(b"\0" * (200 * 2**20))  # 200 MB of zeros, 200 KB packed
    archive = write_warc(tmp_path / "bomb.warc.gz", [
        lambda w: w.write_record(w.create_warc_record(
            STREIK_URI, "response", payload=io.BytesIO(bomb),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                          protocol="HTTP/1.1"))),
        lambda w: response(w, FAEHRE_URI, FAEHRE)])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_warc(archive, lang="de"))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [type(i) for i in items] == [Article, Tally]
    assert items[-1].reason.endswith("(1 too large)")
    assert grown_mb < 150


def test_spark_refuses_an_archive_on_a_cluster_file_system_before_it_starts(tmp_path):
    result = invoke("extract", "--engine", "spark", "hdfs:///crawl/archive.warc.gz", "--out", tmp_path / "parts")
    assert result.exit_code == 1
    assert ("hdfs:///crawl/archive.warc.gz: web archives (.warc, .warc.gz) are read from a file system the "
            "executors share") in result.stderr
    assert not (tmp_path / "parts").exists()


def test_a_run_journal_keeps_tallies_apart_from_skipped_inputs_and_the_metadata(tmp_path):
    from quotegraph.extract.records import ArticleResult, Attribution, Quote
    from quotegraph.runs import RunState
    from quotegraph.summary import Summary
    target = tmp_path / "graph.ttl"
    run = RunState.start(target, {"inputs": ["a.warc.gz"]})
    article = Article(id=STREIK_URI, text="„Ja“, sagte sie.", url=STREIK_URI, date="2024-05-02T10:00:00Z",
                      site="Hafenkurier")
    att = Attribution(id=f"{STREIK_URI}:0-4", article=STREIK_URI, quote=Quote("„Ja“", 0, 4))
    run.record([ArticleResult(article, (att,))],
               [Tally("a.warc.gz", "2 records, 1 article, 1 skipped (1 not an HTML response)"),
                Skipped("b.warc.gz", "empty archive (no WARC record)")])
    resumed = RunState.start(target, {"inputs": ["a.warc.gz"]}, resume=True)
    summary = Summary(skipped=resumed.skipped())
    assert [type(s) for s in summary.tallies] == [Tally] and [s.source for s in summary.skipped] == ["b.warc.gz"]
    (atts, meta), = resumed.finished_quotes()
    assert atts == (att,) and meta["url"] == STREIK_URI and meta["site"] == "Hafenkurier"


def test_the_progress_bar_has_no_total_with_an_archive_among_the_inputs(tmp_path):
    from quotegraph.progress import count_articles
    text = tmp_path / "a.txt"
    text.write_text("Hallo.", encoding="utf-8")
    assert count_articles([text]) == 1
    assert count_articles([text, news_archive(tmp_path / "b.warc.gz")]) is None


def test_a_record_with_a_wrong_length_is_counted_not_printed(tmp_path, capfd):
    import re
    data = news_archive(tmp_path / "a.warc", gzip=False).read_bytes()
    # the request says it is 10 bytes shorter than it is: warcio finds the next record anyway
    bad = re.sub(rb"(WARC-Type: request\r\n(?:.*\r\n)*?Content-Length: )(\d+)",
                 lambda m: m.group(1) + str(int(m.group(2)) - 10).encode(), data, count=1)
    assert bad != data
    archive = tmp_path / "bad.warc"
    archive.write_bytes(bad)
    items = list(read_warc(archive, lang="de"))
    assert [i.id for i in items if isinstance(i, Article)] == [STREIK_URI, FAEHRE_URI]
    assert items[-1].reason.endswith("(2 not HTML responses); 1 with a wrong length")
    assert "Content-Length" not in capfd.readouterr().err


def test_an_interrupted_run_over_an_archive_resumes_without_loss(tmp_path, monkeypatch):
    import quotegraph.corpus as corpus
    from quotegraph.errors import RunInterrupted
    archive = news_archive(tmp_path / "archive.warc.gz")
    reference = corpus.extract_corpus([archive], out=tmp_path / "ref.nt", jsonl=tmp_path / "ref.jsonl", lang="de")
    real = corpus.extract

    def stopped_after_one(*args, **kwargs):
        for n, result in enumerate(real(*args, **kwargs)):
            if n == 1:
                raise KeyboardInterrupt
            yield result

    out, jsonl = tmp_path / "graph.nt", tmp_path / "quotes.jsonl"
    monkeypatch.setattr(corpus, "extract", stopped_after_one)
    with pytest.raises(RunInterrupted, match="finished articles are kept"):
        corpus.extract_corpus([archive], out=out, jsonl=jsonl, lang="de")
    from quotegraph.runs import RunState
    assert RunState(out.with_name(out.name + ".quotegraph-run")).finished_ids() == {STREIK_URI}
    monkeypatch.setattr(corpus, "extract", real)
    summary = corpus.extract_corpus([archive], out=out, jsonl=jsonl, lang="de", resume=True)
    assert (summary.articles, summary.quotes) == (reference.articles, reference.quotes) == (2, reference.quotes)
    assert [str(t) for t in summary.tallies] == [f"{archive}: 4 records, 2 articles, 2 skipped (2 not HTML responses)"]
    assert summary.skipped == []
    assert sorted(jsonl.read_text(encoding="utf-8").splitlines()) == sorted(
        (tmp_path / "ref.jsonl").read_text(encoding="utf-8").splitlines())
    assert set(Graph().parse(out)) == set(Graph().parse(tmp_path / "ref.nt"))


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_an_archive_cut_anywhere_but_between_records_is_named_broken(tmp_path, gzip):
    ends = []  # where each record ends, its closing blank lines included

    def marked(add):
        def write(w):
            add(w)
            ends.append(w.out.tell())
        return write

    whole = write_warc(tmp_path / "whole.warc", [marked(lambda w: request(w, STREIK_URI)),
                                                 marked(lambda w: response(w, STREIK_URI, STREIK)),
                                                 marked(lambda w: response(w, FAEHRE_URI, FAEHRE))], gzip=gzip).read_bytes()
    cut = tmp_path / "cut.warc"
    silent = []
    for k in range(1, len(whole), 5):
        if any(end - 4 <= k <= end for end in ends):
            continue  # a whole archive of fewer records
        cut.write_bytes(whole[:k])
        items = list(read_warc(cut, lang="de"))
        if type(items[-1]) is not Skipped or not items[-1].reason.startswith("broken archive: "):
            silent.append((k, str(items[-1])))
    assert silent == []


def test_an_archive_that_cannot_be_opened_is_one_named_skip(tmp_path, monkeypatch):
    archive = news_archive(tmp_path / "a.warc.gz")
    real_open = Path.open

    def refused(self, *args, **kwargs):
        if self == archive:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    assert [str(i) for i in read_warc(archive)] == [f"{archive}: cannot read: Permission denied"]
