"""The executed notebook as an HTML report with no code cells."""
from __future__ import annotations

import functools
import threading
from pathlib import Path

from ..iorw import write_text
from .figures import MIME as FIGURES_MIME


@functools.lru_cache(maxsize=1)
def _exporter():
    # Importing nbconvert and compiling its template takes most of a second: done once per process.
    from nbconvert import HTMLExporter

    return HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def warm_up() -> threading.Thread:
    """Prepare the exporter in the background (while the kernel runs the notebook, the
    parent process only waits on its sockets)."""
    # pygments.lexers and .formatters replace themselves in sys.modules at the end of their import;
    # a thread importing them while another does (nbconvert here, IPython for papermill's kernel
    # start) can get the half-made module: "cannot import name 'PythonLexer'". Import them first.
    import pygments.formatters  # noqa: F401
    import pygments.lexers  # noqa: F401

    def prepare():
        _exporter().from_notebook_node(__import__("nbformat").v4.new_notebook())

    thread = threading.Thread(target=prepare, name="sqmy-html-warm-up", daemon=True)
    thread.start()
    return thread


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
