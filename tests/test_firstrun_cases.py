"""A new staff member sets up on a machine whose folders have spaces, Chinese, ``%``, ``$`` and quotes
in their names (as Windows-like "My Docs/2026年 社情民意/..." folders do) and installs the schedule the
way the README says. The command lines the hosts are given must run what ``sweep_command`` says,
word for word, once the host (cron, systemd) has done its own processing of the line."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from sqmy_lib.schedule import install

WEIRD = "My Docs/2026年 社情民意/完成率 100% 'A'/东山县政协"


def _cron_field(line: str) -> str:
    """The command field of a crontab line (after the five time fields)."""
    return line.split(None, 5)[5]


def _as_cron_runs_it(field: str) -> tuple[str, str | None]:
    """What cron (Vixie/cronie ``do_command.c``) hands to ``/bin/sh -c``, and the stdin it feeds.

    An unescaped ``%`` ends the command (the rest, with ``%`` as newlines, is the stdin); ``\\%`` is a
    literal ``%`` (the backslash removed); any other backslash is left for the shell."""
    out, escaped = [], False
    for i, ch in enumerate(field):
        if escaped:
            if ch == "%":
                out[-1] = "%"
            else:
                out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            out.append(ch)
            continue
        if ch == "%":
            return "".join(out), field[i + 1:].replace("%", "\n")
        out.append(ch)
    return "".join(out), None


def test_cron_line_with_percent_in_the_folder_runs_the_sweep(tmp_path):
    # The office's schedules and the state folder sit under "完成率 100% 'A'".  The cron line printed by
    # `sqmy schedule install` (and written by --apply) must reach /bin/sh whole: the hand answer is
    # that the shell's argv is exactly sweep_command(...) and cron feeds no stdin.  On the base code
    # the unescaped % cut the line at "100" (sh: Unterminated quoted string).
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录 $HOME"
    schedules.mkdir(parents=True)
    state.mkdir(parents=True)
    line = install.cron_block(schedules, state)[1]
    command, stdin = _as_cron_runs_it(_cron_field(line))
    assert stdin is None
    # the shell's words, printed one per NUL by printf in front of the command
    shown = subprocess.run(["/bin/sh", "-c", "printf '%s\\0' " + command], capture_output=True, check=True)
    assert shown.stdout.decode("utf-8").split("\0")[:-1] == install.sweep_command(schedules, state)


def test_cron_line_with_percent_runs_the_real_sweep(tmp_path):
    # The whole command, run as cron would (after its % processing) with --dry-run added: exit 0,
    # "没有到期的期间" (an empty schedules folder: nothing is due), and the history made in the state
    # folder named on the line, "100% 'A'" and all.
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录"
    schedules.mkdir(parents=True)
    (schedules / "quarterly_circular.yaml").write_text(
        'report: quarterly_circular\ncron: "0 8 5 1,4,7,10 *"\ntimezone: Asia/Shanghai\n'
        'parameters: {year: "{last_quarter.year}", quarter: "{last_quarter.quarter}"}\n'
        'ledgers: ["../台账"]\noutput: ../输出/通报/{period}\n', encoding="utf-8")
    command, stdin = _as_cron_runs_it(_cron_field(install.cron_block(schedules, state)[1]))
    assert stdin is None
    env = {**os.environ, "PYTHONPATH": str(Path(install.__file__).parents[2])}
    done = subprocess.run(["/bin/sh", "-c", command + " --dry-run"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "没有到期的期间" in done.stdout
    assert (state / "history.sqlite").exists()


def _systemd_words(exec_start: str) -> list[str]:
    """ExecStart= split as systemd does: double-quoted words with C escapes, then ``%%`` → ``%`` and
    ``$$`` → ``$``; a lone ``%`` is a specifier and a lone ``$`` a variable (both refused here: they
    would be replaced by systemd, not passed on)."""
    words = re.findall(r'"((?:[^"\\]|\\.)*)"', exec_start.split("=", 1)[1])
    result = []
    for word in words:
        word = re.sub(r"\\(.)", r"\1", word)
        for sign in "%$":
            assert not re.search(rf"(?<!\{sign})\{sign}(?!\{sign})", word.replace(sign * 2, "")), (sign, word)
        result.append(word.replace("%%", "%").replace("$$", "$"))
    return result


def test_systemd_execstart_keeps_dollar_and_percent_literal(tmp_path):
    # A state folder "运行记录 ${HOME}" (or any "$" in a path): systemd expands ${HOME} in ExecStart even
    # inside quotes, so the service would write its history somewhere else; "$$" is the literal sign.
    # Hand answer: the words systemd passes are exactly sweep_command(...).
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录 ${HOME} $USER"
    service = next(text for name, text in install.systemd_units(schedules, state).items() if name.endswith(".service"))
    exec_start = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    assert _systemd_words(exec_start) == install.sweep_command(schedules, state)
