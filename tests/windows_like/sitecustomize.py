"""Linux standing in for Windows, for CI: with ``SQMY_NO_FCNTL=1`` and this folder on ``PYTHONPATH``,
``import fcntl`` fails in every sqmy process, as it does on Windows (where no ``fcntl`` module exists).

Jupyter kernels are left alone: a kernel on Linux needs ``fcntl`` for its own terminal handling,
which has nothing to do with sqmy, and on Windows ipykernel has its own code for that.
"""
import os
import sys

_kernel = "-f" in sys.argv and any(arg.endswith(".json") for arg in sys.argv)  # ipykernel's connection file
if os.environ.get("SQMY_NO_FCNTL") and not _kernel:
    sys.modules["fcntl"] = None  # "import fcntl" now raises ImportError
