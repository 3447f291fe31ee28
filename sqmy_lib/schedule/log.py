"""The scheduler's log file: ``<state dir>/sqmy.log``, rotated at 1 MB, five old files kept.

Cron mails only what a run prints; the log keeps every start, retry, success and failure (and the
interrupted runs found later), so "what happened on 5 January?" has an answer after the mail is gone.
"""
from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "sqmy.log"
MAX_BYTES = 1 << 20
BACKUPS = 5


class _QuietHandler(RotatingFileHandler):
    """A log file that cannot be written (or rotated: another process holds it, on Windows) is skipped,
    never a traceback on the console."""

    def handleError(self, record) -> None:
        pass


def open_log(state: Path) -> Path:
    """Send the ``sqmy.schedule`` logger to the state folder's log file (once per folder); its path."""
    path = (Path(state) / LOG_NAME).resolve()
    logger = logging.getLogger("sqmy.schedule")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        handler = _QuietHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return path  # a log that cannot be opened never stops a run
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(process)d] %(message)s"))
    logger.addHandler(handler)
    return path
