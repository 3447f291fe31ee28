"""Nothing but the report on stdout: a library's own warnings never reach it.

xlrd (read for a ``.xls`` file's error cells, strike-through and notes) prints an English
warning on stdout for a file whose size is not a whole number of 512-byte sectors, as a mail
gateway or a download leaves it; ``--format json`` must stay JSON and the text report Chinese."""

import datetime as dt
import json
import subprocess
import sys

from conftest import write_xls


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_a_stray_byte_after_an_xls_leaves_stdout_json(tmp_path):
    ledgers = tmp_path / "台账"
    ledgers.mkdir()
    path = write_xls(ledgers / "2026年台账.xls", {"2026年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
        [1, dt.date(2026, 3, 2), "关于加强农村饮水安全保障的建议", "张明华", "民革青山县委", "市政协采用"],
    ]})
    with open(path, "ab") as fh:
        fh.write(b"\n")  # one byte past the last sector

    checked = _run("validate", ledgers, "--format", "json")
    report = json.loads(checked.stdout)  # the whole of stdout is the report
    assert checked.returncode == 0, checked.stderr
    assert report["records"] == {"submissions": 1, "adoptions": 1, "instructions": 0}

    figures = json.loads(_run("compute", "all", ledgers, "--year", "2026", "--format", "json").stdout)
    assert figures["summary"]["submitted"] == 1

    text = _run("validate", ledgers)
    assert "WARNING" not in text.stdout + text.stderr and "sector" not in text.stdout + text.stderr
