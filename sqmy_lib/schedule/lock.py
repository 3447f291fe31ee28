"""One runner per schedule: an exclusive, non-blocking ``flock`` on ``<state dir>/<schedule>.lock``.

The kernel releases the lock when the process ends, however it ends, so a
crashed runner never leaves a stale lock behind.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator


class Busy(Exception):
    """Another runner holds the schedule's lock."""


@contextlib.contextmanager
def schedule_lock(state: Path, name: str) -> Iterator[Path]:
    """Hold the schedule's lock for the ``with`` block, or raise ``Busy`` at once."""
    path = Path(state) / f"{name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(name) from None
        # The holder's pid helps whoever looks at the file; the lock itself is the flock.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
