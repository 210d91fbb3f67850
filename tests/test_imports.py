"""What a command loads: extraction and the CLI leave the network page's libraries alone (networkx
alone is 12 MB and a tenth of a second), so a run over a corpus does not carry them; ``--help``
loads no library a verb needs only when it runs, and a query on a file only the graph's
(issue #27: start-up under half a second)."""

import subprocess
import sys

#: Libraries ``quotegraph --help`` must not load: each costs tens of milliseconds or more at start.
VERB_LIBRARIES = {"spacy", "thinc", "rdflib", "oxrdflib", "pyoxigraph", "requests", "feedparser", "trafilatura",
                  "pyshacl", "networkx", "pyvis", "ftfy", "warcio", "charset_normalizer", "pyspark", "py3langid"}
#: What a query on a graph file needs of them: the graph libraries (not oxrdflib: the query runs
#: on the pyoxigraph store, and rdflib makes the result's terms).
GRAPH_LIBRARIES = {"rdflib", "pyoxigraph"}


def _loaded(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def _top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_the_cli_and_the_api_do_not_import_networkx_or_pyvis():
    for code in ("import quotegraph.cli", "import quotegraph.api", "import quotegraph.corpus"):
        loaded = _loaded(code)
        assert "quotegraph" in loaded
        assert not {"networkx", "pyvis"} & loaded, code


def test_drawing_the_page_does_import_networkx():
    # the check above can fail: the page's builder does bring networkx in
    assert "networkx" in _loaded("import quotegraph.graph.view")


def test_help_loads_no_library_a_verb_needs_only_when_it_runs():
    code = ("import sys\nfrom quotegraph.cli import main\nsys.argv = ['quotegraph', '--help']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code")
    loaded = _top_level(_loaded(code))
    assert {"quotegraph", "typer"} <= loaded  # every verb registered, the help printed
    assert not VERB_LIBRARIES & loaded, VERB_LIBRARIES & loaded


def test_a_query_on_a_file_loads_the_graph_libraries_and_nothing_of_extraction(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text('<https://example.org/a> <https://schema.org/name> "A" .\n', encoding="utf-8")
    code = (f"import sys\nfrom quotegraph.cli import main\n"
            f"sys.argv = ['quotegraph', 'query', {str(graph)!r}, '--example', 'who-said-what', '--format', 'csv']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code")
    loaded = _top_level(_loaded(code))
    assert GRAPH_LIBRARIES <= loaded  # the query did run on the file
    assert not (VERB_LIBRARIES - GRAPH_LIBRARIES) & loaded, (VERB_LIBRARIES - GRAPH_LIBRARIES) & loaded
    assert not {"oxrdflib", "pyparsing"} & loaded  # rdflib's SPARQL engine neither (see SPARQL_GRAMMAR)


def test_the_extraction_facade_does_load_what_help_leaves_out():
    # the checks above can fail: the modules the verbs import when they run bring these in
    assert {"rdflib", "pyoxigraph"} <= _top_level(_loaded("import quotegraph.api"))


def _extract_code(tmp_path) -> str:
    """A script running ``quotegraph extract news.txt --out graph.ttl -q`` on a one-line article."""
    (tmp_path / "news.txt").write_text("„Wir bleiben hier“, sagte Eva Kern.", encoding="utf-8")
    return (f"import sys\nfrom quotegraph.cli import main\n"
            f"sys.argv = ['quotegraph', 'extract', {str(tmp_path / 'news.txt')!r}, '--lang', 'de', "
            f"'--out', {str(tmp_path / 'graph.ttl')!r}, '-q']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code")


def test_extracting_local_files_does_not_load_the_web_client(tmp_path):
    code = _extract_code(tmp_path)
    loaded = _loaded(code)
    assert (tmp_path / "graph.ttl").stat().st_size > 0 and "spacy" in loaded  # it did extract
    # (spaCy itself imports requests, and requests charset_normalizer; quotegraph's client, its
    # page cache and the repair of wrongly decoded text are ours to spare)
    assert not {"quotegraph.fetch", "quotegraph.page_cache", "ftfy"} & loaded
    # a fetch setting given: the client is loaded (and the check above could fail)
    code = code.replace("'-q']", "'-q', '--rate', '0.5']")
    assert "quotegraph.fetch" in _loaded(code)


#: What a run of ``quotegraph extract`` spares: oxrdflib, which imports rdflib's SPARQL engine and
#: its grammar (pyparsing), a tenth of a second; the run's graph is a pyoxigraph store.
SPARQL_GRAMMAR = {"oxrdflib", "pyparsing", "rdflib.plugins.sparql"}
#: ... and the SPARQL server's client, unless --store names a server.
ENDPOINT_CLIENT = {"quotegraph.graph.endpoint", "rdflib.plugins.stores.sparqlstore"}


def test_extracting_into_a_graph_file_does_not_load_rdflibs_sparql_engine(tmp_path):
    code = _extract_code(tmp_path)
    loaded = _loaded(code)
    assert "Eva Kern" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")  # it did extract, resolve and write
    assert not (SPARQL_GRAMMAR | ENDPOINT_CLIENT) & loaded, (SPARQL_GRAMMAR | ENDPOINT_CLIENT) & loaded
    # rdflib's Graph API over the same store does load them, and the client its parts (the
    # check above can fail)
    assert SPARQL_GRAMMAR <= _loaded("from quotegraph.graph.store import open_graph\nopen_graph()")
    assert ENDPOINT_CLIENT <= _loaded("import quotegraph.graph.endpoint")


def test_extracting_into_a_graph_file_does_not_load_rdflib(tmp_path):
    # rdflib alone is a tenth of a second at start (issue #27): the run's store, entity
    # resolution, statements and the Turtle file go through pyoxigraph and plain terms
    code = _extract_code(tmp_path).replace("'-q']", f"'--jsonl', {str(tmp_path / 'quotes.jsonl')!r}, '-q']")
    loaded = _loaded(code)
    assert "Eva Kern" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")  # it did extract, resolve and write
    assert (tmp_path / "quotes.jsonl").stat().st_size > 0
    assert "rdflib" not in _top_level(loaded), sorted(m for m in loaded if m.startswith("rdflib"))
    # rdflib's namespaces, its Graph API and a query's rows do load it (the check above can fail)
    assert "rdflib" in _top_level(_loaded("import quotegraph.graph.namespaces"))
    assert "rdflib" in _top_level(_loaded("from quotegraph.graph.store import open_graph\nopen_graph()"))


def test_only_text_that_needs_repair_loads_the_repair(tmp_path):
    (tmp_path / "plain.txt").write_text("„Das Gespräch war schwierig“, sagte Eva Kern.", encoding="utf-8")
    (tmp_path / "mojibake.txt").write_text("„Das GesprÃ¤ch war schwierig“, sagte Eva Kern.", encoding="utf-8")
    read = "from quotegraph.inputs import read_inputs\nprint([a.text for a in read_inputs([{!r}])])"
    assert "ftfy" not in _top_level(_loaded(read.format(str(tmp_path / "plain.txt"))))
    assert "ftfy" in _top_level(_loaded(read.format(str(tmp_path / "mojibake.txt"))))


#: What a run over local text files spares besides: the web archive reader's library and the
#: worker processes' pools (one process extracts).
ARCHIVE_AND_POOLS = {"warcio", "concurrent.futures.process", "quotegraph.workers"}


def test_extracting_text_in_one_process_loads_no_archive_reader_or_worker_pools(tmp_path):
    code = _extract_code(tmp_path)
    loaded = _loaded(code)
    assert (tmp_path / "graph.ttl").stat().st_size > 0  # it did extract
    assert not ARCHIVE_AND_POOLS & loaded, ARCHIVE_AND_POOLS & loaded
    # reading a web archive does load warcio, and two workers their pools (the check above can fail)
    (tmp_path / "empty.warc").write_bytes(b"")
    assert "warcio" in _loaded(f"from quotegraph.warc import read_warc\nlist(read_warc(__import__('pathlib').Path({str(tmp_path / 'empty.warc')!r})))")
    assert {"quotegraph.workers", "concurrent.futures.process"} <= _loaded(
        code.replace("'-q']", "'-q', '--workers', '2']"))
