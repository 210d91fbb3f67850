"""``quotegraph extract``, ``query`` and ``view`` on hostile files, as a user runs them.

Every unreadable input is one warning line naming the file (and line); the rest of the batch is
extracted, the summary counts the skips, and the exit code is 3. A broken graph file given to
``query`` or ``view`` is one error line naming the file and line, exit 1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph.export import save_graph
from quotegraph.graph.model import entity_iri, records_to_graph
from quotegraph.graph.namespaces import QG, RDF, SDO
from quotegraph.inputs import MAX_CHARS_ENV

runner = CliRunner()
HTML_DIR = Path(__file__).parent / "data" / "html"

NORMAL = "„Wir bleiben hier“, sagte Bürgermeisterin Jördis Weiß am Dienstag im Rathaus.\n"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def skipped_count(stdout: str) -> int:
    return int(re.search(r"skipped inputs\D+(\d+)", stdout).group(1))


def warnings_about(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"Warning: skipped {path}")]


def speakers_in(graph_path: Path) -> set[str]:
    g = Graph().parse(graph_path)
    return {str(g.value(s, SDO.name)) for s, _, _ in g.triples((None, QG.said, None))}


def test_a_50_mb_line_is_skipped_and_the_rest_extracted(tmp_path, monkeypatch):
    monkeypatch.delenv(MAX_CHARS_ENV, raising=False)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # 50 MB, one line, no newline
        for _ in range(50):
            fh.write(b"Das ist ein Satz ohne Ende und ohne Punkt, " * 24_386 + b"und so weiter ")
    assert huge.stat().st_size >= 50 * 10**6 and b"\n" not in huge.read_bytes()[:10**6]
    normal = tmp_path / "normal.txt"
    normal.write_text(NORMAL, encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", huge, normal, "--lang", "de", "-o", out, "-q")
    assert result.exit_code == 3, result.output
    (warning,) = warnings_about(result.stderr, huge)
    assert "2,000,000 characters" in warning and MAX_CHARS_ENV in warning
    assert skipped_count(result.stdout) == 1
    assert speakers_in(out) == {"Jördis Weiß"}


def test_the_limit_can_be_raised(tmp_path, monkeypatch):
    monkeypatch.setenv(MAX_CHARS_ENV, "50")
    normal = tmp_path / "normal.txt"
    normal.write_text(NORMAL, encoding="utf-8")
    result = invoke("extract", normal, "--lang", "de", "-o", tmp_path / "g.ttl", "-q")
    assert result.exit_code == 3 and "50 characters" in result.stderr
    monkeypatch.setenv(MAX_CHARS_ENV, "5000")
    result = invoke("extract", normal, "--lang", "de", "-o", tmp_path / "g.ttl", "-q")
    assert result.exit_code == 0, result.output


def test_every_unreadable_input_is_named_and_counted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = {
        "empty.txt": b"",
        "spaces.txt": b" \n\t \r\n  ",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" + bytes(range(256)),
        "finnish.txt": ("Kaupunginjohtaja sanoi tiistaina, että uusi silta valmistuu ensi vuonna. "
                        "Hänen mukaansa työt alkavat keväällä, kun lumi on sulanut.").encode("utf-8"),
        "menu.html": (HTML_DIR / "nur-navigation.html").read_bytes(),
    }
    for name, content in bad.items():
        (folder / name).write_bytes(content)
    (folder / "good-cp1252.txt").write_bytes(NORMAL.encode("cp1252"))
    corpus = folder / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "j1", "text": "„Es reicht“, sagte Ole Brandt.", "language": "de"})
                      + "\n{\"id\": \"j2\", \"text\": \"abgeschnitten\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", folder, "-o", out, "-q")
    assert result.exit_code == 3, result.output
    reasons = {
        "empty.txt": "empty article", "spaces.txt": "empty article", "binary.txt": "binary file",
        "finnish.txt": "no pipeline for language 'fi'", "menu.html": "no article text",
    }
    for name, reason in reasons.items():
        (line,) = warnings_about(result.stderr, folder / name)
        assert reason in line, line
    (line,) = warnings_about(result.stderr, Path(f"{corpus}:2"))
    assert "malformed JSON" in line
    assert skipped_count(result.stdout) == len(reasons) + 1
    assert speakers_in(out) == {"Jördis Weiß", "Ole Brandt"}  # the cp1252 file and the good line


def test_unbalanced_and_exotic_quotation_marks(tmp_path):
    text = (
        "„Das wird nie fertig, sagte Bauleiter Piet Jansen am Montag.\n\n"
        "‹Wir sind im Plan›, erwiderte die Sprecherin Ilka Roth.\n\n"
        "「Kein Kommentar」, hieß es aus dem Ministerium. \"Zu spät'' sei es, sagte ein Anwohner.\n\n"
        "»Halb offen und „doppelt“ verschachtelt« « » “ „ ' ‚ ‘ ’ ” ‚‚ ,, ''\n"
    )
    path = tmp_path / "marks.txt"
    path.write_text(text, encoding="utf-8")
    jsonl = tmp_path / "q.jsonl"
    result = invoke("extract", path, "--lang", "de", "-o", tmp_path / "g.ttl", "--jsonl", jsonl, "-q")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert rows, "the quotes in it are still found"
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        for part in ("speaker", "cue", "mediator"):
            if row[part]:
                assert text[row[part]["start"] : row[part]["end"]] == row[part]["text"]


def test_html_page_to_graph_with_site_as_publisher(tmp_path):
    out, jsonl = tmp_path / "g.ttl", tmp_path / "q.jsonl"
    result = invoke("extract", HTML_DIR, "--lang", "de", "-o", out, "--jsonl", jsonl, "-q")
    assert result.exit_code == 3  # the navigation-only page is skipped
    g = Graph().parse(out)
    site = entity_iri("Hafenkurier")
    assert (site, RDF.type, SDO.NewsMediaOrganization) in g
    (article,) = g.subjects(SDO.publisher, site)
    body = str(g.value(article, SDO.articleBody))
    for row in map(json.loads, jsonl.read_text(encoding="utf-8").splitlines()):
        assert body[row["start"] : row["end"]] == row["text"]
    assert "Torben Albers" in speakers_in(out)


@pytest.fixture
def truncated_ttl(tmp_path, sample_results):
    path = tmp_path / "cut.ttl"
    save_graph(records_to_graph(sample_results), path)
    text = path.read_text(encoding="utf-8")
    # cut two thirds in, inside an IRI, as a write that died mid-file would
    cut = text[: text.index("<", len(text) * 2 // 3) + 5]
    path.write_text(cut, encoding="utf-8")
    return path, cut.count("\n") + 1


@pytest.mark.parametrize("verb", [["query", "{path}", "--example", "who-said-what"],
                                  ["view", "{path}", "--out", "{out}"]])
def test_truncated_turtle_is_one_line_naming_file_and_line(tmp_path, truncated_ttl, verb):
    path, last_line = truncated_ttl
    out = tmp_path / "page.html"
    result = invoke(*[a.format(path=path, out=out) for a in verb])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: {path}: line ")
    line = int(re.search(r": line (\d+)", result.stderr).group(1))
    assert 1 <= line <= last_line
    assert "Traceback" not in result.output and not out.exists()


def test_binary_file_as_graph_is_one_line(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    result = invoke("query", path, "--example", "who-said-what")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {path}:")
    assert result.stderr.count("\n") == 1


def test_a_deeply_nested_line_is_skipped_and_resume_goes_on(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("[" * 2000 + "]" * 2000 + "\n"
                      + json.dumps({"id": "j1", "text": NORMAL, "language": "de"}) + "\n", encoding="utf-8")
    for flags in ((), ("--resume",)):
        out = tmp_path / f"g{len(flags)}.ttl"
        result = invoke("extract", corpus, "-o", out, "-q", *flags)
        assert result.exit_code == 3, result.output
        (warning,) = warnings_about(result.stderr, Path(f"{corpus}:1"))
        assert "nested too deeply" in warning
        assert skipped_count(result.stdout) == 1 and speakers_in(out) == {"Jördis Weiß"}


def test_a_gzip_bomb_and_dev_zero_are_skipped_and_the_next_file_read(tmp_path, monkeypatch):
    import gzip

    monkeypatch.setenv(MAX_CHARS_ENV, "1000")
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as fh:  # 20 MB of zeros, no newline
        for _ in range(20):
            fh.write(bytes(2**20))
    normal = tmp_path / "normal.txt"
    normal.write_text(NORMAL, encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = invoke("extract", bomb, "/dev/zero", normal, "--lang", "de", "-o", out, "-q")
    assert result.exit_code == 3, result.output
    (warning,) = warnings_about(result.stderr, Path(f"{bomb}:1"))
    assert "skipped without reading it" in warning
    (warning,) = warnings_about(result.stderr, Path("/dev/zero"))
    assert "not a regular file but a character device" in warning
    assert skipped_count(result.stdout) == 2 and speakers_in(out) == {"Jördis Weiß"}


def test_a_pdf_is_named_and_no_empty_graph_is_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = folder / "bericht.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + b"Slovensko " * 200)
    for given in (folder, pdf):
        out = tmp_path / "g.ttl"
        result = invoke("extract", given, "-o", out, "-q")
        assert result.exit_code == 3, result.output
        (warning,) = warnings_about(result.stderr, pdf)
        assert "not a text, HTML, JSONL or WARC file (.pdf)" in warning
        assert "no article was read, so no graph file was written" in result.stderr
        assert not out.exists() and skipped_count(result.stdout) == 1
