"""Reading: Excel workbooks in, record tables out. The only package that knows about Excel."""
from __future__ import annotations


def __getattr__(name: str):
    # Imported on first use, so a worker process that reads one file loads only what it needs.
    if name in ("read_ledgers", "discover", "read_files"):
        from . import ledger

        return getattr(ledger, name)
    if name == "UnreadableFile":
        from .safety import UnreadableFile

        return UnreadableFile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["read_ledgers", "read_files", "discover", "UnreadableFile"]
