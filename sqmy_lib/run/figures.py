"""Key figures recorded inside an executed notebook, and read back from it.

The notebook displays the figures under a MIME type of our own; papermill keeps
every output in the executed notebook, so a test (or a later run) can read the
figures back and compare them with ``sqmy compute summary`` — what scrapbook
does, without the dependency.
"""
from __future__ import annotations

import json
from pathlib import Path

MIME = "application/vnd.sqmy.figures+json"


def record_figures(figures: dict) -> None:
    """Record ``figures`` in the running notebook (a no-op display for people: it shows nothing)."""
    from IPython.display import display

    display({MIME: json.loads(json.dumps(figures, ensure_ascii=False, default=str))}, raw=True)


def read_figures(notebook: str | Path) -> dict:
    """The figures recorded in an executed notebook (the last record wins); {} when none."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    found: dict = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME in data:
                found = data[MIME]
    return found
