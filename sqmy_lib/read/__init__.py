"""Reading: Excel workbooks in, record tables out. The only package that knows about Excel."""
from .ledger import discover, read_ledgers
from .safety import UnreadableFile

__all__ = ["read_ledgers", "discover", "UnreadableFile"]
