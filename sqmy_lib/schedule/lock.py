"""One runner per schedule: an exclusive lock on ``<state dir>/<schedule>.lock``, through ``filelock``.

``filelock`` uses the operating system's own locks (``fcntl.flock`` on Linux and macOS, ``msvcrt``
on Windows), which the system releases when the process ends however it ends: a killed runner
never leaves a lock behind. Where neither exists it falls back to a lock file that records its
owner and is broken once that owner is gone.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout


# Seconds to keep trying: long enough for the fallback lock file to notice its owner is gone and
# break it (its first attempt only breaks a stale lock, a second one takes it), short for a live one.
WAIT = 0.3


class Busy(Exception):
    """Another runner holds the schedule's lock."""


def _lock(state: Path, name: str) -> FileLock:
    return FileLock(str(Path(state) / f"{name}.lock"))


@contextlib.contextmanager
def schedule_lock(state: Path, name: str) -> Iterator[Path]:
    """Hold the schedule's lock for the ``with`` block, or raise ``Busy`` at once."""
    lock = _lock(state, name)
    try:
        lock.acquire(timeout=WAIT, poll_interval=0.05)
    except Timeout:
        raise Busy(name) from None
    try:
        yield Path(lock.lock_file)
    finally:
        lock.release()


def is_running(state: Path, name: str) -> bool:
    """Whether some runner holds the schedule's lock right now."""
    try:
        with schedule_lock(state, name):
            return False
    except Busy:
        return True
