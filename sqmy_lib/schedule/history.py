"""Run history in SQLite (``<state dir>/history.sqlite``): one row per run, read by ``sqmy schedule status``."""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SUCCESS, FAILED, SKIPPED = "success", "failed", "skipped"
STATUS_ZH = {SUCCESS: "成功", FAILED: "失败", SKIPPED: "跳过"}

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
    out_dir TEXT
);
CREATE INDEX IF NOT EXISTS runs_by_period ON runs (schedule, period, status);
"""


def state_dir(option: str | None = None) -> Path:
    """``--state DIR``, else ``SQMY_STATE``, else ``~/.local/state/sqmy``."""
    folder = Path(option or os.environ.get("SQMY_STATE") or Path.home() / ".local" / "state" / "sqmy").expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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
    id: int | None = None


class History:
    """The SQLite file; each call opens a short connection, so several runners can share it."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / "history.sqlite"
        with self._connect() as db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def add(self, run: Run) -> int:
        row = {k: v for k, v in vars(run).items() if k != "id"}
        for key in ("inputs", "outputs"):
            row[key] = json.dumps(row[key], ensure_ascii=False) if row[key] is not None else None
        with self._connect() as db:
            cur = db.execute(f"INSERT INTO runs ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             list(row.values()))
        return int(cur.lastrowid)

    def succeeded(self, schedule: str, period: str) -> bool:
        """Has this period of this schedule been produced successfully before?"""
        with self._connect() as db:
            row = db.execute("SELECT 1 FROM runs WHERE schedule = ? AND period = ? AND status = ? LIMIT 1",
                             (schedule, period, SUCCESS)).fetchone()
        return row is not None

    def runs(self, schedule: str | None = None) -> list[Run]:
        """All runs (of one schedule), oldest first."""
        query, args = "SELECT * FROM runs", ()
        if schedule:
            query, args = query + " WHERE schedule = ?", (schedule,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY id", args).fetchall()
        return [_run(r) for r in rows]

    def last(self, schedule: str, status: str | None = None) -> Run | None:
        runs = [r for r in self.runs(schedule) if status is None or r.status == status]
        return runs[-1] if runs else None


def _run(row: sqlite3.Row) -> Run:
    data = dict(row)
    for key in ("inputs", "outputs"):
        data[key] = json.loads(data[key]) if data[key] else None
    return Run(**data)
