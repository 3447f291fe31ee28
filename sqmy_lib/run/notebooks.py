"""Where the report notebooks are: package data (``sqmy_lib/notebooks/``), found through
``importlib.resources`` in every install mode (a checkout, ``pip install -e``, a normal or ``--user``
install, a wheel)."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def notebook_path(name: str) -> Path:
    """The path of a report notebook (``quarterly_circular.ipynb``); ``SQMY_NOTEBOOKS`` (a folder) overrides."""
    if os.environ.get("SQMY_NOTEBOOKS"):
        path = Path(os.environ["SQMY_NOTEBOOKS"]) / name
    else:
        # A package installed as files (every mode pip uses) gives a real path; papermill needs one.
        path = Path(str(resources.files("sqmy_lib") / "notebooks" / name))
    if not path.is_file():
        raise FileNotFoundError(f"找不到报告笔记本 {path}")
    return path
