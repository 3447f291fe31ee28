"""The pinned kernel: ``sqmy``, always the Python that sqmy_lib itself runs in.

Notebooks name this kernel, so a run never picks up another environment's
``python3`` that may lack sqmy_lib. ``ensure_kernel`` (re)writes the kernel spec
when it is missing or points at another interpreter.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

KERNEL_NAME = "sqmy"
DISPLAY_NAME = "sqmy (Python 3)"


def _spec_dir() -> Path:
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "kernels" / KERNEL_NAME


def ensure_kernel() -> str:
    """Make sure the ``sqmy`` kernel exists and runs this interpreter; return its name."""
    spec_dir = _spec_dir()
    spec_file = spec_dir / "kernel.json"
    wanted = {
        # Errors only: the kernel's start-up notices would otherwise land in cron's mail.
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--log-level=ERROR"],
        "display_name": DISPLAY_NAME,
        "language": "python",
        "metadata": {"debugger": False},
    }
    try:
        current = json.loads(spec_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = None
    if current is None or current.get("argv") != wanted["argv"]:
        spec_dir.mkdir(parents=True, exist_ok=True)
        spec_file.write_text(json.dumps(wanted, ensure_ascii=False, indent=1), encoding="utf-8")
    return KERNEL_NAME
