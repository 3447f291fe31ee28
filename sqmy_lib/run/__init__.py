"""Running report notebooks with papermill: a pinned kernel, staged outputs, readable failures.

Like papermill's own layout, one small module per job: ``kernel`` (the pinned
kernel is installed and points at this Python), ``execute`` (run a notebook into
a staging folder and move its outputs into place only on success), ``figures``
(key figures recorded in the executed notebook and read back), ``html`` (the
report without code).
"""
from .execute import NotebookFailed, RunResult, run_report
from .figures import read_figures, record_figures

__all__ = ["run_report", "RunResult", "NotebookFailed", "record_figures", "read_figures"]
