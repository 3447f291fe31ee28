"""The kernel a report runs on: always this interpreter, never a kernelspec found on disk.

A kernelspec written into the user's Jupyter folder is shared by every environment of that
user: two installs (two offices, a test venv, an Airflow worker) would rewrite it under each
other, and a run could execute in another environment's Python. So a run does not look a
kernel up by name at all: papermill is handed a kernel manager whose only kernelspec is this
interpreter (``sys.executable``), under a name derived from the environment. Nothing is
written to disk. (The notebooks' own metadata names ``sqmy``, for people opening them in
Jupyter; a run does not use it.)
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

DISPLAY_NAME = "sqmy (Python 3)"


def kernel_name() -> str:
    """``sqmy-<8 hex digits of this interpreter's path>``: one name per environment."""
    return "sqmy-" + hashlib.sha256(sys.executable.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def kernel_argv() -> list[str]:
    # Critical only: the kernel's notices would otherwise land in cron's mail, in English — its start-up
    # lines, and "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel." logged at ERROR when the run
    # ends and the kernel is shut down (a cell's own error reaches staff through nbclient, in Chinese).
    return [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--log-level=CRITICAL"]


def kernel_manager_class():
    """An ``AsyncKernelManager`` (what nbclient uses) that knows one kernelspec: this interpreter."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager, NoSuchKernel
    from traitlets import default

    name = kernel_name()

    class OwnSpecs(KernelSpecManager):
        """Only this environment's kernel; the Jupyter data folders are never read."""

        def find_kernel_specs(self) -> dict[str, str]:
            return {name: str(Path(__file__).parent)}

        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            if kernel_name != name:
                raise NoSuchKernel(kernel_name)
            from .progress import kernel_env

            # Asked at each kernel start: the kernel marks its stage lines only for a caller at a terminal.
            return KernelSpec(argv=kernel_argv(), display_name=DISPLAY_NAME, language="python", env=kernel_env(),
                              metadata={"debugger": False}, resource_dir=str(Path(__file__).parent))

    class OwnKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _own_specs(self):
            return OwnSpecs()

    return OwnKernelManager
