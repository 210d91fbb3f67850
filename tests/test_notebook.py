"""The guided notebook (notebooks/explore_quotes.ipynb) runs top to bottom and shows what it says.

The notebook is executed once per test session in a fresh Jupyter kernel (nbclient, the
engine behind nbmake and ``jupyter nbconvert --execute``), in a temporary folder, on the
bundled example articles; a failing cell fails the test with the cell's traceback. The tests
then read the cells' outputs (found by their ``tags``) and the files the notebook wrote.

Skips, with the reason, when nbclient or ipykernel is not installed (``pip install -e
'.[test]'`` installs them). When the environment variable QUOTEGRAPH_ARTIFACTS names a folder,
the executed notebook and its output folder are copied there for inspection.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "explore_quotes.ipynb"
#: Columns the quotes DataFrame must have (the issue's list).
QUOTE_COLUMNS = ("speaker", "mediator", "kind", "cue", "text", "article")
#: Files the notebook writes into its output folder.
OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "graph.html", "quotes.jsonl", "quotes.csv",
                "most-quoted.png", "quotes-by-kind.png", "statements.html")
#: The whole notebook must stay well under CI's patience (the issue: under 2 minutes).
TIME_BUDGET = 120.0


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebook_is_stored_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in _code_cells(nb):
        assert cell["outputs"] == [] and cell["execution_count"] is None, (
            f"cell {cell['metadata'].get('tags')} has stored outputs; clear them before committing "
            "(jupyter nbconvert --clear-output --inplace notebooks/explore_quotes.ipynb)")
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The executed notebook (an nbformat node), its output folder and how long it took."""
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[test]')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed, so no kernel can run the notebook "
                                            "(pip install -e '.[test]')")
    workdir = tmp_path_factory.mktemp("notebook")
    out = workdir / "notebook-output"
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" resolves to this interpreter (jupyter_client runs a "python" kernelspec with
    # sys.executable), so the kernel sees the same installed quotegraph as the tests.
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", allow_errors=False,
        resources={"metadata": {"path": str(workdir)}},
    )
    env = dict(os.environ, QUOTEGRAPH_NOTEBOOK_OUT=str(out), MPLBACKEND="module://matplotlib_inline.backend_inline")
    start = time.perf_counter()
    try:
        client.execute(env=env)
    finally:
        elapsed = time.perf_counter() - start
        nbformat.write(nb, workdir / NOTEBOOK.name)
        artifacts = os.environ.get("QUOTEGRAPH_ARTIFACTS")
        if artifacts:
            dest = Path(artifacts) / "notebook"
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(workdir / NOTEBOOK.name, dest / NOTEBOOK.name)
            if out.is_dir():
                shutil.copytree(out, dest / "notebook-output", dirs_exist_ok=True)
    return nb, out, elapsed


def _cell(nb, tag: str):
    cells = [c for c in _code_cells(nb) if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one code cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def _text(cell, stream: str = "stdout") -> str:
    return "".join(o.get("text", "") for o in cell["outputs"] if o["output_type"] == "stream" and o["name"] == stream)


def _data(cell, mime: str) -> list[str]:
    return [o["data"][mime] for o in cell["outputs"] if mime in o.get("data", {})]


def _german_pipeline_available() -> bool:
    from quotegraph.extract.loading import resolve_model

    try:
        resolve_model("de")
    except Exception:  # noqa: BLE001 - any failure means the German articles are skipped
        return False
    return True


def test_notebook_runs_within_budget(executed):
    nb, _, elapsed = executed
    assert all(c.get("execution_count") for c in _code_cells(nb)), "every code cell should have run"
    assert elapsed < TIME_BUDGET, f"the notebook took {elapsed:.0f} s (budget {TIME_BUDGET:.0f} s)"


def test_notebook_writes_its_files(executed):
    from quotegraph import api

    _, out, _ = executed
    for name in OUTPUT_FILES:
        path = out / name
        assert path.is_file() and path.stat().st_size > 0, f"the notebook did not write {name}"
    graph = api.load_graph(out / "graph.ttl")
    assert len(graph) > 0
    assert len(api.load_graph(out / "graph.jsonld")) == len(graph), "Turtle and JSON-LD should hold the same graph"
    assert "@context" in json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert (out / "most-quoted.png").read_bytes().startswith(b"\x89PNG")


def test_extraction_covers_the_bundled_examples(executed):
    nb, out, _ = executed
    printed = _text(_cell(nb, "extract"))
    assert " quotes, " in printed and "speakers" in printed
    articles = {json.loads(line)["article"] for line in (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()}
    assert "harbor-strike.en" in articles
    if _german_pipeline_available():
        assert {"hafenstreik.de", "wahlkampf.de"} <= articles, printed
        assert "skipped:" not in printed
    else:  # until the German pipeline ships, the German examples are skipped and listed as such
        assert "hafenstreik.de.txt" in printed and "skipped:" in printed


def test_quotes_dataframe_is_displayed(executed):
    nb, _, _ = executed
    tables = _data(_cell(nb, "quotes-table"), "text/html")
    assert tables and "<table" in tables[-1]
    header = tables[-1].split("</thead>")[0]
    for column in QUOTE_COLUMNS:
        assert f"<th>{column}</th>" in header, f"the quotes table has no column {column!r}"
    assert tables[-1].count("<tr") >= 2, "the quotes table should have at least one row"


@pytest.mark.parametrize("tag", ["who-said-what", "speakers", "about-whom", "quotes-about", "reported-by",
                                 "relay-chains"])
def test_sparql_answers_are_dataframes(executed, tag):
    nb, _, _ = executed
    tables = _data(_cell(nb, tag), "text/html")
    assert tables and "<table" in tables[-1], f"the {tag} cell should show its answer as a table"
    assert "<tbody>" in tables[-1] and tables[-1].split("<tbody>")[1].count("<tr") >= 1, f"{tag}: no rows"


@pytest.mark.parametrize("tag", ["statement-first-seen", "statement-carriers", "who-relays-whom"])
def test_statement_answers_are_dataframes(executed, tag):
    nb, _, _ = executed
    tables = _data(_cell(nb, tag), "text/html")
    assert tables and "<tbody>" in tables[-1] and tables[-1].split("<tbody>")[1].count("<tr") >= 1, f"{tag}: no rows"


def test_who_carried_the_statement_via_whom_first(executed):
    nb, out, _ = executed
    printed = _text(_cell(nb, "statement-carriers"))
    assert "first seen 2024-06-03 in coastal-wire-1, published by Coastal Wire" in printed, printed
    assert "then 2024-06-04: Harbour Daily via Coastal Wire" in printed, printed
    assert "City News via Harbour Daily" in printed, printed
    relays = _data(_cell(nb, "who-relays-whom"), "text/html")[-1]
    assert "Harbour Daily" in relays and "Coastal Wire" in relays
    assert "Statement mode" in _text(_cell(nb, "statement-view"))
    assert "Content-Security-Policy" in (out / "statements.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("tag", ["chart-speakers", "chart-kinds"])
def test_charts_are_drawn(executed, tag):
    nb, _, _ = executed
    assert _data(_cell(nb, tag), "image/png"), f"the {tag} cell drew no chart"


def test_network_is_shown_inline_and_offline(executed):
    nb, _, _ = executed
    cell = _cell(nb, "network")
    frames = [h for h in _data(cell, "text/html") if "<iframe" in h]
    assert len(frames) == 1, "the network cell should display the page in an iframe"
    frame = frames[0]
    assert 'srcdoc="&lt;!DOCTYPE html&gt;' in frame, "the page should be embedded whole (srcdoc), not loaded"
    assert "sandbox=" in frame
    for tag in ("&lt;script src=", "&lt;link ", "&lt;img "):  # the page is escaped inside srcdoc
        assert tag not in frame, f"the embedded page must load nothing from elsewhere ({tag})"
    assert "nodes" in _text(cell)


def test_no_cell_warns(executed):
    nb, _, _ = executed
    for cell in _code_cells(nb):
        err = _text(cell, "stderr")
        assert "Warning" not in err, f"cell {cell['metadata'].get('tags')} warned:\n{err}"


if __name__ == "__main__":  # pragma: no cover - run the notebook tests alone
    sys.exit(pytest.main([__file__, "-v"]))
