"""``sqmy --help`` and ``sqmy rules show`` load no pandas: the command answers at once (issue 17)."""
from __future__ import annotations

import subprocess
import sys


def test_help_and_rules_show_import_no_pandas():
    code = ("import sys, contextlib, io\n"
            "from sqmy_lib.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    for argv in (['--help'], ['rules', 'show']):\n"
            "        try:\n"
            "            main(argv)\n"
            "        except SystemExit:\n"
            "            pass\n"
            "print('pandas' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "False"], out.stderr
