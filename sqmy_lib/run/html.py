"""The executed notebook as an HTML report with no code cells."""
from __future__ import annotations

import functools
from pathlib import Path

from ..iorw import write_text
from .figures import MIME as FIGURES_MIME


@functools.lru_cache(maxsize=1)
def _exporter():
    # Importing nbconvert and compiling its template takes most of a second: done once per process.
    from nbconvert import HTMLExporter

    return HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def write_html(notebook: Path, target: Path, title: str) -> Path:
    """Export ``notebook`` to ``target`` without inputs or prompts (staff read results, not code)."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    for cell in nb.cells:  # recorded figures are for machines, not for the report
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if FIGURES_MIME not in o.get("data", {})]
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    return write_text(target, body)
