"""Shared fixtures: small hand-made extraction records, so graph tests need no model; and the
marks of whole folders and files (the marks are registered in pyproject.toml, see tests/README.md).

Also: the doctests of ``extract/`` and ``graph/`` run on the installed modules. Those folders
install as ``quotegraph.extract`` and ``quotegraph.graph``; pytest would import their files
a second time, as ``extract.*`` and ``graph.*``, and that second copy would register spaCy
factories and record classes of its own. Aliasing the names first makes both one module.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import quotegraph.extract
import quotegraph.graph

for _package, _alias in ((quotegraph.extract, "extract"), (quotegraph.graph, "graph")):
    sys.modules.setdefault(_alias, _package)
    for _info in pkgutil.walk_packages(_package.__path__, f"{_package.__name__}."):
        sys.modules.setdefault(_alias + _info.name[len(_package.__name__):], importlib.import_module(_info.name))

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote


#: Marks by place: every test under a folder or in a file gets these.
MARKS_BY_PATH = {
    "tests/browser/": ("browser",),
    "tests/test_spark.py": ("spark",),
    "tests/test_notebook.py": ("notebook",),
    "tests/graph/test_endpoint.py": ("endpoint",),
    "tests/graph/test_serve.py": ("endpoint",),
}
#: Tests with these marks are slow too, wherever they are.
SLOW_TOO = ("browser", "spark", "notebook")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(config.rootpath)
    for item in items:
        path = Path(item.path)
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else ""
        for place, marks in MARKS_BY_PATH.items():
            if where == place or (place.endswith("/") and where.startswith(place)):
                for mark in marks:
                    item.add_marker(mark)
        if any(item.get_closest_marker(mark) for mark in SLOW_TOO) and not item.get_closest_marker("slow"):
            item.add_marker("slow")


def _result_de() -> ArticleResult:
    text = (
        "Minsk - „Wir schicken keine Soldaten“, sagte Präsident Anton Weber laut der Agentur Nordpress. "
        "Er behauptete, die Nachbarn hinderten die Gespräche. "
        "Die Zeitung Abendblatt berichtet, die Armee habe keine Munition mehr."
    )

    def at(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    q1 = Quote("Wir schicken keine Soldaten", *at("Wir schicken keine Soldaten"), "direct")
    q2 = Quote("die Nachbarn hinderten die Gespräche", *at("die Nachbarn hinderten die Gespräche"), "indirect")
    q3 = Quote("die Armee habe keine Munition mehr", *at("die Armee habe keine Munition mehr"), "indirect")
    weber = Entity("Anton Weber", "person", ("Weber", "Präsident Anton Weber"))
    nordpress = Entity("Nordpress", "media", ("Agentur Nordpress",))
    abendblatt = Entity("Abendblatt", "media", ("Zeitung Abendblatt",))
    atts = (
        Attribution(
            id=f"de1:{q1.start}-{q1.end}", article="de1", quote=q1,
            speaker=Mention("Präsident Anton Weber", *at("Präsident Anton Weber"), "Anton Weber", "person"),
            cue=Cue("sagte", *at("sagte"), "sagen"),
            mediator=Mention("Agentur Nordpress", *at("Agentur Nordpress"), "Nordpress", "media"),
        ),
        Attribution(
            id=f"de1:{q2.start}-{q2.end}", article="de1", quote=q2,
            speaker=Mention("Er", *at("Er b"[:2]), "Anton Weber", "person"),
            cue=Cue("behauptete", *at("behauptete"), "behaupten"),
        ),
        Attribution(
            id=f"de1:{q3.start}-{q3.end}", article="de1", quote=q3,
            speaker=Mention("Zeitung Abendblatt", *at("Zeitung Abendblatt"), "Abendblatt", "media"),
            cue=Cue("berichtet", *at("berichtet"), "berichten"),
        ),
    )
    art = Article(id="de1", text=text, language="de", title="Weber sagt Nein", authors=("Maria Muster",),
                  agencies=("dpa",))
    return ArticleResult(art, atts, (weber, nordpress, abendblatt))


def _result_en() -> ArticleResult:
    text = '"We will not send troops," President Anton Weber said, according to Reuters.'
    q = Quote("We will not send troops,", 1, 25, "direct")
    att = Attribution(
        id="en1:1-25", article="en1", quote=q,
        speaker=Mention("President Anton Weber", 27, 48, "Anton Weber", "person"),
        cue=Cue("said", 49, 53, "say"),
        mediator=Mention("Reuters", 68, 75, "Reuters", "media"),
    )
    art = Article(id="en1", text=text, language="en", title="Weber says no")
    return ArticleResult(art, (att,), (Entity("Anton Weber", "person", ("President Anton Weber",)),
                                       Entity("Reuters", "media", ())))


@pytest.fixture
def sample_results() -> list[ArticleResult]:
    """Two articles (German, English) whose records are consistent with their text."""
    return [_result_de(), _result_en()]


@pytest.fixture
def hostile_result() -> ArticleResult:
    """An article whose quote, speaker and headline carry script and event-handler payloads."""
    text = 'Q: "<script>alert(1)</script>" said <img src=x onerror=alert(2)>.'
    q = Quote("<script>alert(1)</script>", 4, 29, "direct")
    spk = '<img src=x onerror=alert(2)>'
    att = Attribution(id="x1:4-29", article="x1", quote=q,
                      speaker=Mention(spk, 36, 36 + len(spk), spk, "person"),
                      cue=Cue("said", 31, 35, "say"))
    art = Article(id="x1", text=text, language="en", title='" onmouseover="alert(3)')
    return ArticleResult(art, (att,), (Entity(spk, "person", ()),))


def _oxigraph(union_default_graph: bool):
    from quotegraph.errors import QuotegraphError
    from quotegraph.graph.serve import oxigraph_binary

    sys.path.insert(0, str(Path(__file__).parent / "graph"))  # tests/graph/servers.py
    from servers import start_oxigraph

    try:
        oxigraph_binary()
    except QuotegraphError:
        pytest.skip("the oxigraph server binary is missing: pip install oxigraph")
    server = start_oxigraph(union_default_graph=union_default_graph)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_server():
    """``oxigraph serve --union-default-graph`` on an empty store, for the whole session."""
    yield from _oxigraph(True)


@pytest.fixture(scope="session")
def oxigraph_plain_server():
    """``oxigraph serve`` started without ``--union-default-graph``, for the whole session."""
    yield from _oxigraph(False)


@pytest.fixture
def no_proxy(monkeypatch):
    """Requests to the tests' own servers on 127.0.0.1 go straight there, whatever proxy the
    environment names (quotegraph uses the environment's proxies, as users behind one need)."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ferry_article(tmp_path):
    """A one-line invented English article in the test's folder (tests/cli/: what goes wrong around it)."""
    path = tmp_path / "ferry.txt"
    path.write_text('"The ferry runs again," harbour master Ilka Dorrwen said.\n', encoding="utf-8")
    return path
