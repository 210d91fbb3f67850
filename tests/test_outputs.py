"""A run's outputs change together or not at all: the graph file and quotes.jsonl both new, or
(a full disk) both as they were, with one error line naming the file and no traceback."""

from __future__ import annotations

import errno
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.graph import export as export_module
from quotegraph.runs import run_folder_for

runner = CliRunner()


def _jsonl(path: Path, *articles: tuple[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "language": "de"}, ensure_ascii=False) + "\n"
                            for i, t in articles), encoding="utf-8")
    return path


def _extract(*args) -> object:
    return runner.invoke(app, ["extract", *map(str, args), "--out", "g.ttl", "--jsonl", "q.jsonl", "-q"])


@pytest.fixture
def earlier(tmp_path, monkeypatch) -> dict[str, bytes]:
    """A folder with a graph file and quotes.jsonl from an earlier run; their bytes."""
    monkeypatch.chdir(tmp_path)
    first = _extract(_jsonl(tmp_path / "first.jsonl", ("a1", "„Wir bleiben hier“, sagte Eva Kern.")))
    assert first.exit_code == 0, first.output
    return {name: (tmp_path / name).read_bytes() for name in ("g.ttl", "q.jsonl")}


def test_a_full_disk_at_the_final_write_keeps_both_old_files_and_says_one_line(tmp_path, earlier, monkeypatch):
    news = _jsonl(tmp_path / "news.jsonl", ("b1", "„Das Geld fehlt“, sagte Jonas Weber."))
    real_write_graph = export_module.write_graph

    def full_disk(graph, out, format="turtle", *, prefixes=None):
        out.write(b"@prefix half")  # quotes.jsonl is complete by now, the graph half written
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module, "write_graph", full_disk)
    failed = _extract(news)
    # both as they were (quotes.jsonl is not renamed into place before the graph fails), no temporaries
    assert {name: (tmp_path / name).read_bytes() for name in earlier} == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.jsonl", "g.ttl", "g.ttl.quotegraph-run",
                                                          "news.jsonl", "q.jsonl"]
    assert failed.exit_code == 1
    lines = failed.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in failed.output, failed.stderr
    assert lines[0].startswith("Error: g.ttl: No space left on device") and "--resume" in lines[0]

    monkeypatch.setattr(export_module, "write_graph", real_write_graph)
    resumed = _extract(news, "--resume")
    assert resumed.exit_code == 0, resumed.output
    quotes = (tmp_path / "q.jsonl").read_text(encoding="utf-8")
    assert '"article": "a1"' in quotes and '"article": "b1"' in quotes
    assert "Jonas Weber" in (tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert not run_folder_for(tmp_path / "g.ttl").exists()


@pytest.mark.slow
def test_a_file_size_limit_mid_run_is_one_line_and_the_old_files_stay(tmp_path, earlier):
    """A real write error (RLIMIT_FSIZE: "File too large", as a full disk would fail), in a real process."""
    text = "„Wir bleiben hier“, sagte Eva Kern. " + "Die Stadt plant weiter am Hafen und an der Schule. " * 3000
    news = _jsonl(tmp_path / "news.jsonl", ("b1", text))

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))  # Python ignores SIGXFSZ: writes fail

    done = subprocess.run([sys.executable, "-m", "quotegraph.cli", "extract", str(news), "--out", "g.ttl",
                           "--jsonl", "q.jsonl", "-q"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, preexec_fn=limited)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("Error: ") and "File too large" in lines[0] and "--resume" in lines[0]
    assert {name: (tmp_path / name).read_bytes() for name in earlier} == earlier
