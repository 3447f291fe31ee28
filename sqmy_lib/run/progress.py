"""What a run is doing now, told to the person waiting at a terminal; nothing under cron or CI.

A report's notebook runs in a kernel (papermill), and what a kernel prints goes into the notebook,
not to the terminal. So the kernel says each stage (reading the ledgers, checking, computing,
writing Word and Excel) as one marked line on its stderr, and the calling process hands papermill a
small relay as its ``stderr_file``: papermill passes every stream output to it as it arrives, the
relay prints the marked lines (above papermill's bar, which it labels in Chinese) and drops the rest.

The kernel marks its lines only when the caller shows progress: the caller puts ``SQMY_STAGES`` into
the kernel's environment (``kernel.py``) only then. The marked lines are taken out of the executed
notebook afterwards (``strip_stages``), so a report run at a terminal is the same as one run by cron.
In any other process ``stage`` prints the line itself when stderr is a terminal and CI is not set.
"""
from __future__ import annotations

import os
import sys

KERNEL_ENV = "SQMY_STAGES"
MARK = "〔sqmy进度〕"


def showing(stream=None) -> bool:
    """Whether progress is shown: on a terminal, never under cron (no TTY) or CI (``CI`` set)."""
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty()) and not os.environ.get("CI")
    except (AttributeError, ValueError, OSError):  # a closed or replaced stream
        return False


def _write(text: str) -> None:
    # tqdm.auto's class is the one papermill's bar belongs to: its write() clears that bar, prints the
    # line and draws the bar again below it.
    from tqdm.auto import tqdm

    tqdm.write(f"… {text}", file=sys.stderr)


def stage(text: str) -> None:
    """Say what the run does now (``读取台账 6 个文件``): relayed from a report kernel, printed at a
    terminal, silent otherwise."""
    if os.environ.get(KERNEL_ENV):
        print(MARK + text, file=sys.stderr, flush=True)
    elif showing():
        _write(text)


def files_text(paths, shown: int = 3) -> str:
    """``6 个文件(a.xlsx、b.xls、c.xlsx 等)``: how many files, and the first names."""
    names = [os.path.basename(str(p)) for p in paths]
    more = " 等" if len(names) > shown else ""
    return f"{len(names)} 个文件" + (f"({'、'.join(names[:shown])}{more})" if names else "")


def kernel_env() -> dict[str, str]:
    """The variable a report kernel is started with: set when this process shows progress (and
    emptied otherwise, so a value inherited from an outer kernel does not mark the lines)."""
    return {KERNEL_ENV: "1" if showing() else ""}


class Relay:
    """papermill's ``stderr_file``: the kernel's marked lines to the terminal (as ``label:text``),
    everything else (warnings, a library's chatter) left in the notebook only."""

    def __init__(self, label: str):
        self.label = label
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if line.startswith(MARK):
                _write(f"{self.label}:{line[len(MARK):]}" if self.label else line[len(MARK):])
        return len(text)

    def flush(self) -> None:
        pass


def relay(label: str) -> Relay | None:
    """A relay for a notebook run when progress is shown, else None (papermill then relays nothing)."""
    return Relay(label) if showing() else None


def bar_options(label: str):
    """papermill's ``progress_bar``: its bar over the notebook's cells, labelled in Chinese; False
    when progress is not shown."""
    return {"desc": label, "unit": "步", "leave": False} if showing() else False


def strip_stages(notebook) -> bool:
    """Take the marked lines out of an executed notebook (an ``nbformat`` node); whether any were."""
    changed = False
    for cell in notebook.get("cells", []):
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and MARK in output.get("text", ""):
                text = "".join(line for line in output["text"].splitlines(keepends=True) if not line.startswith(MARK))
                changed = True
                if not text:
                    continue
                output["text"] = text
            kept.append(output)
        if "outputs" in cell:
            cell["outputs"] = kept
    return changed
