"""Run history in SQLite (``<state dir>/history.sqlite``): one row per run, read by ``status`` and ``history``.

A row is written when a run starts (``running``, with the process id, host and start time) and
finished when it ends, so a run that is killed leaves a row that says so: the next runner of that
schedule (which holds its lock, so no one else can be running it) marks such rows failed.

The history must never be the reason a report is lost or unrecorded. A history file that cannot be
used (corrupt, locked past the timeout, read-only) is moved aside with a warning and a new one is
made; if even that is impossible, the history goes to the system's temporary folder, again with a
warning naming the file.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SUCCESS, FAILED, SKIPPED, RUNNING = "success", "failed", "skipped", "running"
STATUS_ZH = {SUCCESS: "成功", FAILED: "失败", SKIPPED: "跳过", RUNNING: "运行中"}
FILE_NAME = "history.sqlite"
TIMEOUT = float(os.environ.get("SQMY_HISTORY_TIMEOUT", "30"))  # seconds to wait for another writer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    schedule TEXT NOT NULL,
    period TEXT NOT NULL,
    fire_time TEXT,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    error TEXT,
    inputs TEXT,
    rules_version TEXT,
    library_version TEXT,
    outputs TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    out_dir TEXT,
    pid INTEGER,
    host TEXT,
    code TEXT
);
CREATE INDEX IF NOT EXISTS runs_by_period ON runs (schedule, period, status);
CREATE TABLE IF NOT EXISTS schedules (name TEXT PRIMARY KEY, start TEXT NOT NULL);
"""
_ADDED = {"pid": "INTEGER", "host": "TEXT", "code": "TEXT"}  # columns newer than the first release


def state_dir(option: str | None = None) -> Path:
    """``--state DIR``, else ``SQMY_STATE``, else ``~/.local/state/sqmy`` (``%LOCALAPPDATA%\\sqmy`` on Windows)."""
    if option or os.environ.get("SQMY_STATE"):
        folder = Path(option or os.environ["SQMY_STATE"])
    elif os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "sqmy"
    else:
        folder = Path.home() / ".local" / "state" / "sqmy"
    folder = folder.expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from ..configfile import ConfigFileError, ConfigProblem

        from ..zh import os_error

        said = (os_error(exc.errno) or exc.strerror or str(exc)).split(";")[0]  # not "File exists"
        raise ConfigFileError([ConfigProblem("", f"无法使用运行记录目录 {folder}({said});"
                                                 f"请用 --state 或环境变量 SQMY_STATE 另选 [state.unusable]")],
                              str(folder), "运行记录目录") from None
    return folder


def now_text(tz=None, offset: dt.timedelta = dt.timedelta(0)) -> str:
    """The time now (shifted by ``offset`` when a run is told another "now"), as ISO text."""
    return (dt.datetime.now(tz).astimezone(tz) + offset).isoformat(timespec="seconds")


@dataclass
class Run:
    """One row of the history; ``inputs`` / ``outputs`` map a path to its SHA-256."""

    schedule: str
    period: str
    started: str
    status: str
    fire_time: str | None = None
    finished: str | None = None
    error: str | None = None
    inputs: dict | None = None
    rules_version: str | None = None
    library_version: str | None = None
    outputs: dict | None = None
    attempts: int = 0
    out_dir: str | None = None
    pid: int | None = None
    host: str | None = None
    code: str | None = None
    id: int | None = None


def _warn_stderr(message: str) -> None:
    print(f"sqmy: 警告:{message}", file=sys.stderr)


class History:
    """The SQLite file; each call opens a short connection, so several runners can share it."""

    def __init__(self, folder: Path, warn: Callable[[str], None] | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / FILE_NAME
        self.warn = warn or _warn_stderr
        self._do(lambda db: None)

    # ---- keeping the file usable ----

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=TIMEOUT)
        db.row_factory = sqlite3.Row
        db.executescript(_SCHEMA)
        have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
        for column, kind in _ADDED.items():
            if column not in have:
                db.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
        return db

    def _do(self, work):
        """Run ``work(db)`` in a transaction; on a file that cannot be used, set it aside once and retry."""
        for attempt in (1, 2):
            try:
                db = self._connect()
                try:
                    with db:
                        return work(db)
                finally:
                    db.close()
            except sqlite3.DatabaseError as exc:
                if attempt == 2:
                    raise
                self._replace(exc)

    def _replace(self, exc: Exception) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{FILE_NAME}.无法使用-{stamp}")
        try:
            os.replace(self.path, aside)
            for extra in ("-wal", "-shm", "-journal"):
                Path(f"{self.path}{extra}").unlink(missing_ok=True)
            self.warn(f"运行记录 {self.path} 无法使用({exc}),已移到 {aside} 并新建;本次运行照常记录")
            return
        except OSError:
            pass
        # The file cannot even be moved (locked by another program, a read-only folder): write elsewhere.
        for folder in (self.folder, Path(tempfile.gettempdir())):
            candidate = folder / f"history-{stamp}-{os.getpid()}.sqlite"
            try:
                sqlite3.connect(candidate).close()
            except sqlite3.Error:
                continue
            self.warn(f"运行记录 {self.path} 无法使用({exc}),也无法移开;本次运行记录在 {candidate}")
            self.path = candidate
            return
        raise exc

    # ---- rows ----

    @staticmethod
    def _row(run: Run) -> dict:
        row = {k: v for k, v in vars(run).items() if k != "id"}
        for key in ("inputs", "outputs"):
            row[key] = json.dumps(row[key], ensure_ascii=False) if row[key] is not None else None
        return row

    def add(self, run: Run) -> int:
        """Insert a finished row (or a skip); returns its id."""
        row = self._row(run)

        def insert(db):
            cur = db.execute(f"INSERT INTO runs ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             list(row.values()))
            return int(cur.lastrowid)

        run.id = self._do(insert)
        return run.id

    def begin(self, run: Run) -> int:
        """Record a run as it starts (``running``, this process, this host)."""
        run.status, run.pid, run.host = RUNNING, os.getpid(), socket.gethostname()
        return self.add(run)

    def finish(self, run: Run) -> None:
        """Write the run's final state over its ``running`` row (or as a new row, if a new history
        file replaced the one the row was in)."""
        row = self._row(run)

        def update(db):
            cur = db.execute(f"UPDATE runs SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                             [*row.values(), run.id])
            if cur.rowcount == 0:
                cur = db.execute(f"INSERT INTO runs ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                                 list(row.values()))
                run.id = int(cur.lastrowid)

        self._do(update)

    def succeeded(self, schedule: str, period: str) -> bool:
        """Has this period of this schedule been produced successfully before?"""
        row = self._do(lambda db: db.execute(
            "SELECT 1 FROM runs WHERE schedule = ? AND period = ? AND status = ? LIMIT 1",
            (schedule, period, SUCCESS)).fetchone())
        return row is not None

    def runs(self, schedule: str | None = None) -> list[Run]:
        """All runs (of one schedule), oldest first."""
        query, args = "SELECT * FROM runs", ()
        if schedule:
            query, args = query + " WHERE schedule = ?", (schedule,)
        rows = self._do(lambda db: db.execute(query + " ORDER BY id", args).fetchall())
        return [_run(r) for r in rows]

    def last(self, schedule: str, status: str | None = None) -> Run | None:
        runs = [r for r in self.runs(schedule) if status is None or r.status == status]
        return runs[-1] if runs else None

    def start_of(self, schedule: str, default: dt.datetime, record: bool = True) -> dt.datetime:
        """When this state folder first saw ``schedule``: recorded as ``default`` the first time a runner
        (``record``) asks; a look that records nothing (``list``, ``--dry-run``) gets ``default``."""

        def get(db):
            if record:
                db.execute("INSERT OR IGNORE INTO schedules (name, start) VALUES (?, ?)", (schedule, default.isoformat()))
            row = db.execute("SELECT start FROM schedules WHERE name = ?", (schedule,)).fetchone()
            return row[0] if row else default.isoformat()

        return parse_time(self._do(get)) or default

    def interrupted(self, schedule: str, why: str = "", finished: str | None = None) -> list[Run]:
        """Mark the schedule's ``running`` rows failed (call only while holding its lock: then none is live)."""
        stale = [r for r in self.runs(schedule) if r.status == RUNNING]
        for run in stale:
            run.status, run.code = FAILED, "run.interrupted"
            run.finished = run.finished or finished or now_text()
            run.error = f"运行中断:进程 {run.pid}({run.host})开始于 {run.started},未完成即退出{why}"
            self.finish(run)
        return stale


_FIELDS = set(Run.__dataclass_fields__)


def _run(row: sqlite3.Row) -> Run:
    """A row as a Run; a damaged value (not JSON, not a number) reads as missing rather than failing."""
    data = {k: v for k, v in dict(row).items() if k in _FIELDS}
    for key in ("inputs", "outputs"):
        try:
            value = json.loads(data[key]) if data.get(key) else None
        except (TypeError, ValueError):
            value = None
        data[key] = value if isinstance(value, dict) else None
    for key in ("attempts", "pid", "id"):
        if not isinstance(data.get(key), int):
            data[key] = 0 if key == "attempts" else None
    for key in ("schedule", "period", "started", "status"):
        data[key] = str(data.get(key) or "")
    return Run(**data)


def parse_time(text) -> dt.datetime | None:
    """An ISO time from the history, or None when it is missing or damaged."""
    try:
        when = dt.datetime.fromisoformat(str(text))
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else None
