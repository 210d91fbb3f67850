"""A verb writing to a pipe whose reader stops early (quotegraph export g.ttl --out - | head)
ends quietly: no 'Error: Broken pipe' on stderr, exit 0, as query already did."""

import subprocess
import sys


def test_export_to_a_pipe_closed_early_ends_quietly(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text("".join(f"<https://example.org/s{i}> <https://example.org/p> \"Ilka Dorrwen {i}\" .\n"
                             for i in range(20000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph.cli", "export", str(graph), "--format", "nt", "--out", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"<https://example.org/s")
    proc.stdout.close()  # the reader stops, as head does, while the writer still has most of it to write
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, stderr
    assert stderr == ""
