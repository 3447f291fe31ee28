"""Where the report notebooks are: the repository's ``notebooks/``, package data once installed
(``sqmy_lib.shipped``)."""
from __future__ import annotations

import os
from pathlib import Path

from ..shipped import NOTEBOOKS, shipped_folder


def notebook_path(name: str) -> Path:
    """The path of a report notebook (``quarterly_circular.ipynb``); ``SQMY_NOTEBOOKS`` (a folder) overrides."""
    folder = Path(os.environ["SQMY_NOTEBOOKS"]) if os.environ.get("SQMY_NOTEBOOKS") else shipped_folder(NOTEBOOKS)
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(f"找不到报告笔记本 {path}")
    return path
