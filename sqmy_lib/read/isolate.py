"""Reading files where a crash costs that file only.

A workbook can make the parser panic, abort (a declared size it tries to allocate), run out
of memory or never finish. Each file is therefore read in a reader process (a ``pebble``
process pool: a maintained library that gives each task a time limit and survives a worker
that dies), with a memory limit on Linux; a file whose reader dies or overruns is one
``files`` row (``file.crashed``, ``file.too_slow``) and the others are still read.

Worker processes are started by forking where the OS forks (Linux), so they cost a few
milliseconds and import nothing. Where processes are spawned (Windows, macOS) a child
imports the caller's main script again: from a script without an ``if __name__ ==
"__main__":`` guard that would start the read over in every child, so there the files are
read in this process (a panic is still caught; an abort is not). More than one reader
process is started only where it pays: enough bytes to read (``PARALLEL_BYTES``).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from contextlib import contextmanager
from contextvars import ContextVar
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from ..rules import Rules
from .file import FileReader, FileResult, failed_row
from .safety import UnreadableFile

PARALLEL_BYTES = 4 << 20  # below this much to read, one reader process is faster than two
BASE_TIMEOUT = 120.0  # seconds per file, plus PER_MB_TIMEOUT for each MB of it
PER_MB_TIMEOUT = 30.0
MEMORY_LIMIT = 4 << 30  # bytes of address space a reader may add (Linux); SQMY_READ_MEMORY_MB overrides

_readers: dict[str, FileReader] = {}  # in a reader process: one FileReader per rules key
# The monotonic time by which every read started in this context must be over (``read_deadline``).
_deadline: ContextVar[float | None] = ContextVar("sqmy_read_deadline", default=None)


class ReadDeadlinePassed(Exception):
    """The files were not all read by the time ``read_deadline`` set (the readers are stopped)."""

    def __init__(self, read: int, total: int):
        super().__init__(f"{read}/{total}")
        self.read, self.total = read, total


@contextmanager
def read_deadline(seconds: float | None):
    """Reads started inside stop once ``seconds`` have passed, raising :class:`ReadDeadlinePassed`: a
    schedule's time limit bounds reading hundreds of ledgers on a slow share too, not only its notebook."""
    token = _deadline.set(time.monotonic() + seconds if seconds else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def read_one(key: str, rules: Rules, path: Path, year: int | None, as_items: bool = False) -> FileResult:
    """Read one file, never raising: a parser panic (a ``BaseException``) is a ``files`` row too.
    ``as_items``: its 采用台账 rows are the office's items (see ``FileReader.read``)."""
    reader = _readers.get(key)
    if reader is None:
        reader = _readers[key] = FileReader(rules)
    try:
        with gc_paused():
            return reader.read(path, year, as_items)
    except (KeyboardInterrupt, SystemExit):
        raise
    except MemoryError:
        return _failed(path, "file.crashed", "读取时内存不足(文件可能声明了异常大的数据量),已跳过该文件")
    except BaseException:  # noqa: BLE001 - calamine's PanicException is a BaseException
        return _failed(path, "file.unreadable", "读取时解析出错,请用 Excel/WPS 打开后另存为 .xlsx 再试")


@contextmanager
def gc_paused():
    """The cyclic garbage collector off for one piece of reading work, then on again.

    Reading a sheet makes hundreds of thousands of small lists, tuples and strings that
    reference counting frees, and no cycles; the collector's passes over them cost 12–20% of
    the read (benchmarks/bench_commands.py, see the README)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _failed(path: Path, code: str, message: str) -> FileResult:
    return FileResult(files=[failed_row(path, path.suffix.lstrip("."), UnreadableFile(code, message))])


def _start_reader() -> None:
    """In a new reader process: the objects inherited from the parent are never collected there
    (``gc.freeze``: the collector leaves them, so their pages are not copied either), and on
    Linux the address space it may grow by is capped."""
    gc.freeze()
    try:
        import resource

        extra = int(os.environ.get("SQMY_READ_MEMORY_MB", "0")) << 20 or MEMORY_LIMIT
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + extra
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError, AttributeError):
        pass  # not Linux: the pre-checks (read.safety) are the guard


def timeout_for(path: Path) -> float:
    """How long one file may take: generous, but a file that hangs does not hang the read."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    scale = float(os.environ.get("SQMY_READ_TIMEOUT_SCALE", "1") or 1)
    return (BASE_TIMEOUT + PER_MB_TIMEOUT * size / (1 << 20)) * scale


def _context():
    """The multiprocessing context reader processes are started with, or None to read here."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    if _main_is_guarded():
        return multiprocessing.get_context("spawn")
    return None


def _main_is_guarded() -> bool:
    """Whether a spawned child can import the main module without starting the read again."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True  # python -m …: the child does not run the main module
    path = getattr(main, "__file__", None)
    if path is None:
        return True  # an interactive session, Jupyter
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return str(path).endswith("__main__.py")  # a console-script launcher (sqmy.exe)
    return "__name__" in source and "__main__" in source


def worker_count(files: list[Path], workers: int | None) -> int:
    """Reader processes to start: as asked, else one per core when there is enough to read."""
    if workers is not None:
        return max(1, workers)
    total = 0
    for p in files:
        try:
            total += p.stat().st_size
        except OSError:
            pass
    if len(files) < 2 or total < PARALLEL_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, len(files), 8))


def read_isolated(jobs: list[tuple[Path, Rules]], year: int | None, workers: int | None, progress=None,
                  as_items: bool = False) -> list[FileResult]:
    """Read ``jobs`` (file, its rules) each where a crash costs that file only; results in order.

    ``progress`` is called with each file's path once it is read (a progress bar's update);
    ``as_items`` reads 采用台账 rows as items (an office that keeps no 报送台账)."""
    keys: dict[int, str] = {}
    for _, rules in jobs:
        keys.setdefault(id(rules), f"r{len(keys)}")
    context = _context()
    n = worker_count([p for p, _ in jobs], workers)
    deadline = _deadline.get()
    if context is None:
        out = []
        for path, rules in jobs:
            _stop_at(deadline, len(out), len(jobs))
            out.append(read_one(keys[id(rules)], rules, path, year, as_items))
            if progress:
                progress(path)
        return out
    from pebble import ProcessExpired, ProcessPool

    results: list[FileResult | None] = [None] * len(jobs)
    with ProcessPool(max_workers=n, initializer=_start_reader, context=context) as pool:
        futures = [pool.schedule(read_one, (keys[id(rules)], rules, path, year, as_items), timeout=timeout_for(path))
                   for path, rules in jobs]
        for k, ((path, _), future) in enumerate(zip(jobs, futures)):
            try:
                results[k] = future.result(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
            except FutureTimeout:
                if deadline is not None and time.monotonic() >= deadline:
                    pool.stop()  # the readers still at work are killed, not waited for
                    raise ReadDeadlinePassed(k, len(jobs)) from None
                results[k] = _failed(path, "file.too_slow", f"读取超过 {timeout_for(path):.0f} 秒仍未完成,已跳过该文件;请用 Excel/WPS 打开后另存再试")
            except ProcessExpired as exc:
                results[k] = _failed(path, "file.crashed", f"读取该文件时解析程序异常退出(代码 {exc.exitcode}),已跳过;文件可能已损坏,请用 Excel/WPS 打开后另存再试")
            except Exception:  # noqa: BLE001 - the pool's own failure for this file only
                results[k] = _failed(path, "file.unreadable", "读取时发生意外错误,已跳过该文件")
            if progress:
                progress(path)
    return results  # type: ignore[return-value]


def _stop_at(deadline: float | None, read: int, total: int) -> None:
    if deadline is not None and time.monotonic() >= deadline:
        raise ReadDeadlinePassed(read, total)
