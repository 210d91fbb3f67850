"""A run killed the hard way (kill -9) once it has finished its first article, for the tests of
what a killed run keeps and what ``--resume`` makes of it."""

import signal
import subprocess
import time
from pathlib import Path


def kill_after_first_article(command: list[str], journal: Path, cwd: Path, *, timeout: float = 300) -> None:
    """Start ``command``, wait until its run journal holds a line, then SIGKILL it.

    Fails the test when the run ended on its own before it could be killed (the corpus was too
    small to catch it mid-run)."""
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while not (journal.exists() and journal.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
