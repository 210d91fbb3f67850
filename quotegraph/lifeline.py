"""Worker processes die with their parent, and SIGTERM stops a run as Ctrl-C does.

A worker of :mod:`quotegraph.workers` holds a pipeline (hundreds of MB) and, where processes
fork, the parent's open files (a store's log among them). If the parent is killed (``kill -9``,
the out-of-memory killer), nothing would tell the worker: it would wait for work forever.
:func:`die_with_parent` makes it go too: on Linux the kernel sends it SIGKILL when its parent
ends (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in the worker notices that its parent
process changed and ends it.

:func:`sigterm_as_interrupt` makes ``kill -TERM`` (what ``docker stop``, systemd and job
schedulers send) stop an extraction the way Ctrl-C does: finished articles kept, resumable,
the same message and exit code.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["die_with_parent", "sigterm_as_interrupt", "POLL_SECONDS"]

#: How often a worker without ``PR_SET_PDEATHSIG`` checks that its parent is alive.
POLL_SECONDS = 0.5

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _libc():
    """The C library of this process (Linux), loaded once here: a forked child need not load it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


def die_with_parent(parent_pid: int) -> None:
    """End this process (SIGKILL) as soon as the process ``parent_pid`` ends.

    Called first thing in a worker process, with the pid of the process that started it. If
    that process has already gone, this one ends at once.
    """
    if not _kernel_kills_orphan():
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="quotegraph-lifeline", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent ended before the watch was set up
        os._exit(1)


def _kernel_kills_orphan() -> bool:
    """Ask Linux to send this process SIGKILL when its parent ends; False where that is not possible."""
    if _LIBC is None:
        return False
    try:
        return _LIBC.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except AttributeError:  # a C library without prctl
        return False


def _watch_parent(parent_pid: int) -> None:
    """Poll the parent pid (an orphan is adopted by another process) and end this process when it changes."""
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises KeyboardInterrupt, as Ctrl-C does.

    Only the main thread can handle signals: elsewhere the block runs unchanged. The old
    handler is put back afterwards. Worker processes forked meanwhile must restore the default
    (:mod:`quotegraph.workers` does), so that stopping them still stops them.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)
