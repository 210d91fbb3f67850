"""quotegraph.lifeline: a worker ends with its parent (PR_SET_PDEATHSIG, or the polling fallback);
SIGTERM becomes KeyboardInterrupt while a run is on. The end-to-end checks, with a real
`quotegraph extract --workers 2` killed with -9 and -TERM, are in tests/test_resume.py."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from quotegraph import lifeline

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/stat").exists(),
                                reason="forks, and looks at processes through /proc")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("kernel", [True, False], ids=["pdeathsig", "polling"])
def test_a_worker_ends_when_its_parent_is_killed(kernel, monkeypatch):
    if not kernel:  # the portable fallback: a thread watching the parent pid
        monkeypatch.setattr(lifeline, "_kernel_kills_orphan", lambda: False)
    read, write = os.pipe()
    parent = os.fork()
    if parent == 0:  # the worker's parent: starts it, says its pid, is killed
        me = os.getpid()
        worker = os.fork()
        if worker == 0:
            lifeline.die_with_parent(me)
            time.sleep(60)
            os._exit(0)
        os.write(write, f"{worker}\n".encode())
        time.sleep(60)
        os._exit(0)
    os.close(write)
    worker = int(os.read(read, 64).decode())
    os.close(read)
    assert _alive(worker)
    os.kill(parent, signal.SIGKILL)
    os.waitpid(parent, 0)
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(worker):
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its killed parent")


def test_sigterm_raises_keyboard_interrupt_only_inside_the_block():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        with lifeline.sigterm_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler interrupts this
    assert signal.getsignal(signal.SIGTERM) is before
