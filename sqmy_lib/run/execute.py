"""Execute a report notebook with papermill, all-or-nothing.

The notebook writes into a staging folder beside the output folder (same filesystem). Only when
every cell has run and the HTML is made does the staged set replace the output folder, in one swap
(see ``outputs``). If a cell fails, the earlier good outputs stay as they were, the failed notebook
is kept beside them as ``<name>.失败.ipynb``, and the error comes back in one line.
"""
from __future__ import annotations

import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..zh import os_error
from .figures import read_figures
from .html import write_html
from .kernel import kernel_manager_class, kernel_name
from .outputs import FAILED_SUFFIX, StagedOutputs
from . import progress


class NotebookFailed(Exception):
    """A notebook run that did not complete; ``message`` is one Chinese line, ``notebook`` the failed
    copy, ``ename`` / ``evalue`` the exception a cell raised (when one did)."""

    def __init__(self, message: str, notebook: Path | None = None, ename: str = "", evalue: str = ""):
        super().__init__(message)
        self.message = message
        self.notebook = notebook
        self.ename = ename
        self.evalue = evalue


@dataclass
class RunResult:
    """A completed run: the executed notebook, every output now in place, the recorded figures."""

    notebook: Path
    outputs: list[Path] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    seconds: float = 0.0
    #: why rows are not in the figures (files not read, error rows by table), one Chinese line each;
    #: filled by callers that read the ledgers themselves (the scheduled runner)
    left_out: list[str] = field(default_factory=list)


def _one_line(exc: Exception) -> str:
    """papermill's error as staff read it: which cell, what went wrong."""
    ename, evalue = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
    if (m := re.match(r"\[Errno (\d+)\]", str(evalue))) and (said := os_error(int(m[1]))):
        ename, evalue = "", said  # 磁盘空间不足 …, not "[Errno 28] No space left on device"
    count = getattr(exc, "exec_count", None)
    where = f"第{count}个单元格出错:" if count else "运行出错:"
    text = (f"{where}{ename}: {evalue}" if ename else f"{where}{evalue}").replace("\n", " ")
    return text if len(text) <= 300 else text[:297] + "..."


def run_report(notebook: Path, parameters: dict, out_dir: Path, stem: str, title: str,
               timeout: float | None = None, kind: str = "", period: str = "", label: str = "") -> RunResult:
    """Run ``notebook`` with ``parameters`` (plus ``out_dir`` pointing at the staging folder) and make
    ``out_dir`` hold ``<stem>.ipynb``, ``<stem>.html`` and whatever the notebook wrote.

    ``timeout`` is seconds per cell, fractions included. Raises ``NotebookFailed`` when a cell fails
    (or the kernel dies, or a cell runs out of time) and ``outputs.OutputsLocked`` when the previous
    outputs cannot be replaced; either way ``out_dir`` keeps its previous set.

    At a terminal the kernel's stages are shown as they happen, after ``label`` (``季度通报``; see
    ``progress``)."""
    import papermill as pm

    out_dir = Path(out_dir).resolve()  # the kernel runs in the staging folder: a relative path would land inside it
    started = time.perf_counter()
    stage = StagedOutputs(out_dir, stem, kind=kind, period=period)
    label = label or stem
    relay = progress.relay(label)
    with stage as staging:
        executed = staging / f"{stem}.ipynb"
        try:
            pm.execute_notebook(
                str(notebook), str(executed), parameters={**parameters, "out_dir": str(staging)},
                kernel_name=kernel_name(), kernel_manager_class=kernel_manager_class(),
                progress_bar=progress.bar_options(label), log_output=False, stderr_file=relay,
                # nbclient's ``timeout`` takes whole seconds only (it also bounds waits outside cells);
                # ``timeout_func``, asked per cell, any number.
                execution_timeout=math.ceil(timeout) if timeout else None,
                timeout_func=(lambda cell: timeout) if timeout else None, cwd=str(staging),
            )
        except Exception as exc:  # a failing cell, a dead kernel, a timeout: all end the same way
            failed = out_dir / f"{stem}{FAILED_SUFFIX}"
            if executed.exists():
                out_dir.mkdir(parents=True, exist_ok=True)
                os.replace(executed, failed)
            raise NotebookFailed(_one_line(exc), failed if failed.exists() else None,
                                 str(getattr(exc, "ename", type(exc).__name__)),
                                 str(getattr(exc, "evalue", exc))) from exc
        if relay:
            _strip_stages(executed)
        if not (staging / f"{stem}.html").exists():  # the report notebooks write their own HTML report
            progress.stage(f"{label}:写出网页版(HTML)")
            write_html(executed, staging / f"{stem}.html", title)
        figures = read_figures(executed)
        outputs = stage.commit()
    # A success supersedes an earlier failure of the same report.
    (out_dir / f"{stem}{FAILED_SUFFIX}").unlink(missing_ok=True)
    return RunResult(out_dir / f"{stem}.ipynb", outputs, figures, time.perf_counter() - started)


def _strip_stages(executed: Path) -> None:
    """The executed notebook without the stage lines a terminal run relayed (the same as cron's)."""
    import nbformat

    nb = nbformat.read(str(executed), as_version=4)
    if progress.strip_stages(nb):
        nbformat.write(nb, str(executed))
