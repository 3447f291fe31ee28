"""Running report notebooks with papermill: this environment's kernel, staged outputs, readable failures.

Like papermill's own layout, one small module per job: ``kernel`` (the kernel is always this
interpreter), ``outputs`` (a report set replaces the previous one in one swap), ``execute`` (run a
notebook into the staging folder), ``pipeline`` (the one function every report goes through:
inputs checked, notebook run, empty periods refused), ``figures`` (key figures recorded in the
executed notebook and read back), ``html`` (the report without code), ``notebooks`` (where the
package keeps them).
"""
from .execute import NotebookFailed, RunResult, run_report
from .figures import read_figures, record_figures

__all__ = ["run_report", "RunResult", "NotebookFailed", "record_figures", "read_figures"]
