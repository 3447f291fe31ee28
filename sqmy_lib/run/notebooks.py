"""Where the report notebooks are: the repo's ``notebooks/``, or where ``pip install`` put them."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def notebook_path(name: str) -> Path:
    """The path of a report notebook (``quarterly_circular.ipynb``); ``SQMY_NOTEBOOKS`` overrides."""
    candidates = [
        Path(os.environ["SQMY_NOTEBOOKS"]) if os.environ.get("SQMY_NOTEBOOKS") else None,
        Path(__file__).resolve().parents[2] / "notebooks",  # a checkout (pip install -e)
        Path(sys.prefix) / "share" / "sqmy" / "notebooks",  # a regular install (setup.py data_files)
    ]
    for folder in filter(None, candidates):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"找不到报告笔记本 {name}(已查找:{', '.join(str(c) for c in candidates if c)})")
