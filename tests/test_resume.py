"""Interrupted runs lose nothing: a killed `quotegraph extract` leaves the earlier outputs intact
and `--resume` completes the run with the same result as an uninterrupted one."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from killed_runs import kill_after_first_article
from rdflib import Graph
from rdflib.compare import isomorphic

from quotegraph.runs import RunState, run_folder_for
from quotegraph.errors import UnfinishedRunError

SPEAKERS = ["Clara Hartmann", "Jonas Weber", "Miriam Okonkwo", "Paul Lindqvist", "Ada Nowak"]
TOPICS = ["den Hafen", "die Schule", "das Klinikum", "die Brücke", "den Bahnhof"]


def _article(i: int) -> dict:
    who, what = SPEAKERS[i % 5], TOPICS[(i // 5) % 5]
    text = (f"Der Streit um {what} geht weiter. „Wir werden {what} nicht aufgeben“, sagte {who} "
            f"am Montag. Die Stadt habe kein Geld mehr, erklärte die Sprecherin des Rats.")
    return {"id": f"art-{i:04d}", "text": text, "language": "de"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("".join(json.dumps(_article(i), ensure_ascii=False) + "\n" for i in range(400)), encoding="utf-8")
    return path


def _cli(*args: str, cwd: Path) -> list[str]:
    return [sys.executable, "-m", "quotegraph.cli", *args]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_cli(*args, cwd=cwd), cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """An uninterrupted run on the whole corpus."""
    where = tmp_path_factory.mktemp("reference")
    done = _run("extract", str(corpus), "--out", "graph.ttl", "--jsonl", "quotes.jsonl", "-q", cwd=where)
    assert done.returncode == 0, done.stderr
    return where


def _lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.slow
@pytest.mark.parametrize("memory_quads", [None, "1"], ids=["graph in memory", "graph moved to the run folder"])
def test_killed_run_keeps_earlier_output_and_resume_completes_it(corpus, reference, tmp_path, monkeypatch, memory_quads):
    if memory_quads is not None:  # the run's graph leaves memory at its first flush, however few articles it holds
        monkeypatch.setenv("QUOTEGRAPH_MEMORY_QUADS", memory_quads)
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps(_article(0), ensure_ascii=False) + "\n", encoding="utf-8")
    first = _run("extract", str(earlier), "--out", "graph.ttl", "--jsonl", "quotes.jsonl", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = {name: (tmp_path / name).read_bytes() for name in ("graph.ttl", "quotes.jsonl")}

    journal = run_folder_for(tmp_path / "graph.ttl") / "journal.jsonl"
    kill_after_first_article(_cli("extract", str(corpus), "--out", "graph.ttl", "--jsonl", "quotes.jsonl", "-q",
                                  cwd=tmp_path), journal, tmp_path)

    # the earlier outputs are untouched, the finished part is kept
    assert {name: (tmp_path / name).read_bytes() for name in before} == before
    finished = [json.loads(line)["article"] for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 0 < len(finished) < 400
    assert (run_folder_for(tmp_path / "graph.ttl") / "store").is_dir() == (memory_quads is not None)

    # without --resume the interrupted run is not silently thrown away or redone
    again = _run("extract", str(corpus), "--out", "graph.ttl", "--jsonl", "quotes.jsonl", "-q", cwd=tmp_path)
    assert again.returncode == 1 and "--resume" in again.stderr
    assert {name: (tmp_path / name).read_bytes() for name in before} == before

    resumed = _run("extract", str(corpus), "--out", "graph.ttl", "--jsonl", "quotes.jsonl", "-q", "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert not run_folder_for(tmp_path / "graph.ttl").exists()
    # every article counted once: the summary covers the whole run, the resumed part included
    assert re.search(r"│ articles\s*│\s*400 │", resumed.stdout), resumed.stdout
    # same result as the uninterrupted run: nothing lost, nothing twice
    assert _lines(tmp_path / "quotes.jsonl") == _lines(reference / "quotes.jsonl")
    assert len(set(_lines(tmp_path / "quotes.jsonl"))) == len(_lines(tmp_path / "quotes.jsonl"))
    got, want = Graph().parse(tmp_path / "graph.ttl"), Graph().parse(reference / "graph.ttl")
    assert len(got) == len(want) and isomorphic(got, want)


@pytest.mark.slow
def test_ctrl_c_stops_workers_at_once_and_keeps_what_is_finished(corpus, tmp_path):
    proc = subprocess.Popen(_cli("extract", str(corpus), "--store", "news.db", "--workers", "2", "-q", cwd=tmp_path),
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    journal = run_folder_for(tmp_path / "news.db") / "journal.jsonl"
    deadline = time.monotonic() + 300
    while not (journal.exists() and journal.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "--resume" in err and "interrupted" in err
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["article"].startswith("art-") for line in lines)


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (Linux /proc), zombies left out."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        state, ppid = fields[0], int(fields[1])
        if ppid == pid and state != "Z":
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read


def _start_with_workers(corpus: Path, cwd: Path) -> tuple[subprocess.Popen, list[int], Path]:
    """A `--workers 2` extraction, once both workers run and articles are journaled.

    Its output goes to files (cwd/out.txt, cwd/err.txt), not pipes: orphaned workers would
    hold pipes open and keep a reader waiting.
    """
    with (cwd / "out.txt").open("wb") as out, (cwd / "err.txt").open("wb") as err:
        proc = subprocess.Popen(_cli("extract", str(corpus), "--store", "news.db", "--workers", "2", "-q", cwd=cwd),
                                cwd=cwd, stdout=out, stderr=err)
    journal = run_folder_for(cwd / "news.db") / "journal.jsonl"
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2 and journal.exists() and journal.stat().st_size:
            return proc, workers, journal
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the run ended (or took too long) before its workers could be watched")


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if _alive(pid)]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through /proc")
def test_kill_9_of_the_parent_takes_its_workers_with_it(corpus, tmp_path):
    proc, workers, _ = _start_with_workers(corpus, tmp_path)
    proc.kill()
    proc.wait(timeout=60)
    left = _gone_within(workers, 5)
    for pid in left:  # do not leave them behind for the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their killed parent"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through /proc")
def test_sigterm_stops_a_run_as_ctrl_c_does_and_its_workers_with_it(corpus, tmp_path):
    proc, workers, journal = _start_with_workers(corpus, tmp_path)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    left = _gone_within(workers, 5)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their stopped parent"
    # what Ctrl-C gives: one line, exit code 130, finished articles kept for --resume
    assert proc.returncode == 130, err
    assert len(err.splitlines()) == 1, err
    (line,) = err.splitlines()
    assert line.startswith("Error: interrupted; ") and "finished articles are kept" in line and "--resume" in line
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["article"].startswith("art-") for line in lines)


def test_restart_discards_an_interrupted_run(tmp_path):
    target = tmp_path / "graph.ttl"
    RunState.start(target, {"inputs": ["a"]}).record([], [])
    with pytest.raises(UnfinishedRunError, match="--resume"):
        RunState.start(target, {"inputs": ["a"]})
    fresh = RunState.start(target, {"inputs": ["a"]}, restart=True)
    assert not fresh.resumed and fresh.done == set()


def test_resume_with_other_arguments_is_refused(tmp_path):
    target = tmp_path / "graph.ttl"
    RunState.start(target, {"inputs": ["a"], "lang": "de"})
    with pytest.raises(UnfinishedRunError, match="lang"):
        RunState.start(target, {"inputs": ["a"], "lang": "en"}, resume=True)


def test_a_half_written_journal_line_is_dropped_on_resume(tmp_path):
    from quotegraph.extract.records import Article, ArticleResult

    target = tmp_path / "graph.ttl"
    run = RunState.start(target, {})
    run.record([ArticleResult(Article(id="a1", text="x"))])
    with run.journal.open("a", encoding="utf-8") as fh:
        fh.write('{"article": "a2", "attrib')  # killed mid-write
    resumed = RunState.start(target, {}, resume=True)
    assert resumed.done == {"a1"}
    resumed.record([ArticleResult(Article(id="a3", text="y"))])
    assert [key for key, _ in resumed.finished()] == ["a1", "a3"]


def test_resume_with_the_learned_parts_switched_is_refused(tmp_path, monkeypatch):
    from quotegraph.corpus import _settings

    target = tmp_path / "graph.ttl"
    args = (["a.txt"], target, None, None, "de", None, False, 0.0)
    monkeypatch.setenv("QUOTEGRAPH_LEARNED", "1")
    RunState.start(target, _settings(*args))
    monkeypatch.setenv("QUOTEGRAPH_LEARNED", "0")
    with pytest.raises(UnfinishedRunError, match="learned"):
        RunState.start(target, _settings(*args), resume=True)


def test_resume_with_another_minimum_confidence_is_refused(tmp_path):
    from quotegraph.corpus import _settings

    target = tmp_path / "graph.ttl"
    RunState.start(target, _settings(["a.txt"], target, None, None, "de", None, False, 0.0))
    with pytest.raises(UnfinishedRunError, match="min_confidence"):
        RunState.start(target, _settings(["a.txt"], target, None, None, "de", None, False, 0.8), resume=True)
