"""A report's output folder, replaced all at once.

A report set (Word, Excel, charts, HTML, the executed notebook) is built in a staging folder beside
the output folder, on the same filesystem. When the set is complete, the output folder is moved
aside and the staging folder renamed into its place: two renames, microseconds apart, so a reader
never sees new Word beside old Excel. If the old folder cannot be moved (on Windows, a file in it is
open in WPS or Excel), nothing has changed: the run fails with a Chinese message and the previous
set stays as it was.

Other things in the output folder survive the swap: the sets of other periods written into the same
folder, and anything staff put there, are carried into the new folder as hard links (copies where
the filesystem has none) before it replaces the old. What belongs to which set is recorded in
``.sqmy-report.json`` inside the folder.

A run killed part-way leaves ``.sqmy-staging-<token>`` (and, between the two renames,
``.sqmy-old-<token>``) beside the output folder. Each token is held by a lock file for as long as its
run lives, so the next run in that folder tells a leftover from a run still going: it finishes an
interrupted swap (the staged set is complete by then) and removes the rest.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from pathlib import Path

from filelock import FileLock, Timeout

from .._version import __version__

from ..iorw import REPORT_MARKER

MARKER = REPORT_MARKER
STAGING = ".sqmy-staging-"
ASIDE = ".sqmy-old-"
LOCK = ".sqmy-lock-"
FAILED_SUFFIX = ".失败.ipynb"
FAILURE_NOTE = "运行失败说明.txt"


class OutputsLocked(OSError):
    """The previous outputs could not be moved aside (a file open in another program)."""


class BadOutputFolder(ValueError):
    """An output folder sqmy refuses to replace (the root, a home folder, one holding the inputs)."""


def check_out_dir(out_dir: Path, inputs: list[Path]) -> None:
    """Refuse a folder whose replacement would take more than a report set with it."""
    out_dir = Path(out_dir).resolve()
    if out_dir.parent == out_dir or out_dir == Path.home().resolve():
        raise BadOutputFolder(f"不能把报告输出到 {out_dir}:请指定一个专用的输出文件夹")
    for path in inputs:
        path = Path(path).resolve()
        if path == out_dir or out_dir in path.parents:
            raise BadOutputFolder(f"输出文件夹 {out_dir} 包含输入文件 {path}:请把报告输出到台账以外的文件夹")


def read_marker(folder: Path) -> dict:
    """The folder's record of its report sets; {} when there is none (or it is unreadable)."""
    try:
        data = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("sets"), dict) else {}


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # FAT, some network shares: no hard links
        shutil.copy2(source, target)


def _transient(name: str, stem: str) -> bool:
    """Files a successful run of ``stem`` supersedes rather than keeps: its failure notes."""
    return name in (f"{stem}{FAILED_SUFFIX}", FAILURE_NOTE) or name.startswith((STAGING, ASIDE, LOCK, ".~sqmy-"))


class StagedOutputs:
    """``with StagedOutputs(out_dir, stem) as staging:`` write into ``staging``, then ``commit()``.

    Leaving the block without a commit removes the staging folder and leaves ``out_dir`` untouched.
    """

    def __init__(self, out_dir: Path, stem: str, kind: str = "", period: str = ""):
        self.out_dir = Path(out_dir).resolve()
        self.stem, self.kind, self.period = stem, kind, period
        token = secrets.token_hex(6)
        self.parent = self.out_dir.parent
        self.staging = self.parent / f"{STAGING}{token}"
        self.aside = self.parent / f"{ASIDE}{token}"
        self._lock = FileLock(str(self.parent / f"{LOCK}{token}"))

    def __enter__(self) -> Path:
        self.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(self.parent)
        self._lock.acquire()
        self.staging.mkdir()
        return self.staging

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._lock.release()
        Path(self._lock.lock_file).unlink(missing_ok=True)

    def commit(self) -> list[Path]:
        """Replace ``out_dir`` by the staged set (keeping what else it held); the set's files, in place."""
        produced = _files(self.staging)
        previous = read_marker(self.out_dir) if self.out_dir.is_dir() else {}
        sets = dict(previous.get("sets", {}))
        superseded = set(sets.pop(self.stem, {}).get("files", []))
        if self.out_dir.is_dir():
            for rel in _files(self.out_dir):
                if rel in produced or rel in superseded or rel == MARKER or _transient(Path(rel).name, self.stem):
                    continue
                _link_or_copy(self.out_dir / rel, self.staging / rel)
        sets[self.stem] = {"kind": self.kind, "period": self.period, "files": produced,
                           "made": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        marker = {"tool": "sqmy_lib", "version": __version__, "folder": self.out_dir.name, "sets": sets}
        (self.staging / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
        if self.out_dir.exists():
            try:
                os.replace(self.out_dir, self.aside)
            except OSError as exc:
                raise OutputsLocked(f"无法替换输出文件夹 {self.out_dir}:其中的文件可能正被 WPS/Excel 等程序打开"
                                    f"({exc.strerror or exc});此前生成的文件未改动,关闭后重新运行即可") from exc
            try:
                os.replace(self.staging, self.out_dir)
            except OSError:
                os.replace(self.aside, self.out_dir)
                raise
            shutil.rmtree(self.aside, ignore_errors=True)
        else:
            os.replace(self.staging, self.out_dir)
        return [self.out_dir / rel for rel in produced]


def clean_leftovers(parent: Path) -> list[Path]:
    """Finish or remove what killed runs left in ``parent``; a run still going (its lock held) is left alone."""
    parent = Path(parent)
    try:
        names = [p.name for p in parent.iterdir()]
    except OSError:
        return []
    tokens = {n[len(prefix):] for n in names for prefix in (STAGING, ASIDE, LOCK) if n.startswith(prefix)}
    cleaned = []
    for token in sorted(tokens):
        lock = FileLock(str(parent / f"{LOCK}{token}"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue  # a live run
        try:
            staging, aside = parent / f"{STAGING}{token}", parent / f"{ASIDE}{token}"
            target_name = read_marker(staging).get("folder") or read_marker(aside).get("folder")
            target = parent / target_name if target_name else None
            if target is not None and not target.exists():
                # Killed between the two renames: the staged set is complete (its marker is written last).
                if read_marker(staging):
                    os.replace(staging, target)
                elif aside.is_dir():
                    os.replace(aside, target)
            for leftover in (staging, aside):
                if leftover.exists():
                    shutil.rmtree(leftover, ignore_errors=True)
                    cleaned.append(leftover)
        finally:
            lock.release()
            Path(lock.lock_file).unlink(missing_ok=True)
    return cleaned
