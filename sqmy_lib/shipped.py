"""Where the files shipped beside the code are: the report notebooks and the example schedules.

In the repository they sit at its top level (``notebooks/``, ``schedules/``), where a reader of
the project looks for them. An installed package carries them as package data
(``sqmy_lib/notebooks``, ``sqmy_lib/schedule/examples``: ``setup.py`` maps the top-level folders
there), found through ``importlib.resources`` in every install mode (normal, ``--user``, a wheel).
A checkout on ``PYTHONPATH`` or an editable install has no such copy and reads the top-level folder.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

# folder in the repository → where an installed package carries it (setup.py's package_dir says the same)
NOTEBOOKS = ("notebooks", "notebooks")
SCHEDULES = ("schedules", "schedule/examples")


def shipped_folder(which: tuple[str, str]) -> Path:
    """The folder of ``NOTEBOOKS`` or ``SCHEDULES``: the installed package data, else the checkout's."""
    checkout, installed = which
    # Installed as files (every mode pip uses), so the path is real; papermill needs one.
    packaged = Path(str(resources.files("sqmy_lib").joinpath(*installed.split("/"))))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / checkout
