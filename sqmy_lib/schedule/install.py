"""Putting the sweep (``sqmy schedule run --due`` every half hour) into the host's own scheduler.

- **cron**: a block between two marker lines that name the state folder; installing replaces only
  that block (another install's block, with another state folder, is left alone), ``uninstall``
  removes it, and the crontab as it was is saved in the state folder first.
- **Windows Task Scheduler**: a task XML for ``schtasks /create /xml``: every 30 minutes, started as
  soon as possible after a missed start (the machine was off), never two at once.
- **systemd**: a service + timer pair (``Persistent=true``: a missed run starts at boot).

The sweep itself decides what is due (in each schedule's time zone), so every host only has to
call it often; none of these files repeats a schedule's cron.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

BEGIN, END = "# >>> sqmy schedule", "# <<< sqmy schedule"


def install_name(state: Path) -> str:
    """A name per state folder (``sqmy-schedule-1a2b3c``), so two installs on one host never collide."""
    return "sqmy-schedule-" + hashlib.sha256(str(Path(state).resolve()).encode("utf-8")).hexdigest()[:6]


def sweep_command(schedules: Path, state: Path) -> list[str]:
    """The command every host calls: this interpreter, this package."""
    return [sys.executable, "-m", "sqmy_lib", "schedule", "run", "--due",
            "--schedules", str(Path(schedules).resolve()), "--state", str(Path(state).resolve())]


# ---- cron ----

def cron_command(words: list[str]) -> str:
    """A crontab command field running ``words``: quoted for ``/bin/sh``, and every ``%`` escaped.

    cron turns an unescaped ``%`` into a newline (the rest of the line becomes the command's stdin),
    so a folder such as ``100% 完成`` would cut the command in two; cron removes the backslash of
    ``\\%`` before the shell sees it, inside quotes too."""
    import shlex

    return shlex.join(words).replace("%", "\\%")


def cron_block(schedules: Path, state: Path, every: int = 30) -> list[str]:
    every = max(1, min(59, every))
    mark = f"({Path(state).resolve()})"
    return [f"{BEGIN} {mark} >>>", f"*/{every} * * * * {cron_command(sweep_command(schedules, state))}", f"{END} {mark} <<<"]


def without_block(lines: list[str], state: Path) -> list[str]:
    """The crontab less our block for ``state`` (other lines and other installs' blocks kept)."""
    mark = f"({Path(state).resolve()})"
    kept, inside = [], False
    for line in lines:
        if line.startswith(BEGIN) and mark in line:
            inside = True
        elif inside and line.startswith(END) and mark in line:
            inside = False
        elif not inside:
            kept.append(line)
    return kept


def read_crontab() -> list[str]:
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    return current.stdout.splitlines() if current.returncode == 0 else []


def write_crontab(lines: list[str], state: Path) -> Path:
    """Save the current crontab in the state folder, then install ``lines``; the backup's path."""
    stamp = f"crontab.备份-{dt.datetime.now():%Y%m%d-%H%M%S}"
    backup, n = Path(state) / stamp, 1
    while backup.exists():  # two installs in one second keep both backups
        n += 1
        backup = Path(state) / f"{stamp}-{n}"
    backup.write_text("\n".join(read_crontab()) + "\n", encoding="utf-8")
    done = subprocess.run(["crontab", "-"], input="\n".join(lines) + "\n", text=True, capture_output=True)
    if done.returncode != 0:
        raise OSError(done.stderr.strip() or "crontab 返回非零状态")
    return backup


# ---- Windows Task Scheduler ----

_EXPANDED = re.compile(r"%[^%\\/:*?\"<>|]+%")


def windows_expanded(schedules: Path, state: Path) -> list[str]:
    """The words of the task's command holding ``%NAME%``: Task Scheduler expands it in ``<Command>``,
    ``<Arguments>`` and ``<WorkingDirectory>`` as an environment variable, and has no escape for it, so
    a folder such as ``D:\\%USERNAME%通报`` would run the task on another folder."""
    command = sweep_command(schedules, state) + [str(Path(state).resolve())]
    return list(dict.fromkeys(w for w in command if _EXPANDED.search(w)))


def windows_task_xml(schedules: Path, state: Path, every: int = 30, start: dt.datetime | None = None) -> str:
    """A Task Scheduler task (XML 1.2) running the sweep every ``every`` minutes."""
    command, *arguments = sweep_command(schedules, state)
    start = (start or dt.datetime.now()).replace(second=0, microsecond=0)
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>sqmy:每{every}分钟检查一次到期的日程,生成社情民意信息通报与表彰(运行记录在 {escape(str(Path(state).resolve()))})</Description>
    <URI>\\sqmy\\{install_name(state)}</URI>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <Repetition>
        <Interval>PT{every}M</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
      <StartBoundary>{start:%Y-%m-%dT%H:%M:%S}</StartBoundary>
      <Enabled>true</Enabled>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>S4U</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <ExecutionTimeLimit>PT12H</ExecutionTimeLimit>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command)}</Command>
      <Arguments>{escape(subprocess.list2cmdline(arguments))}</Arguments>
      <WorkingDirectory>{escape(str(Path(state).resolve()))}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
"""


def schtasks_command(xml_file: Path, state: Path) -> list[str]:
    return ["schtasks", "/create", "/tn", f"sqmy\\{install_name(state)}", "/xml", str(xml_file), "/f"]


# ---- systemd ----

def _systemd_quote(word: str) -> str:
    """A word of ExecStart: double-quoted, with systemd's own escapes (``%`` is a specifier, ``$`` a
    variable: ``%%`` and ``$$`` are the literal signs)."""
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$") + '"'


def systemd_units(schedules: Path, state: Path, every: int = 30) -> dict[str, str]:
    """``{file name: text}`` of a service + timer pair running the sweep every ``every`` minutes."""
    name = install_name(state)
    every = max(1, min(59, every))
    service = f"""[Unit]
Description=sqmy:检查到期的日程,生成社情民意信息通报与表彰
After=network.target

[Service]
Type=oneshot
Environment=PYTHONIOENCODING=utf-8
# 3: produced, with rows left out (said in the journal): not a failed unit
SuccessExitStatus=3
ExecStart={' '.join(_systemd_quote(w) for w in sweep_command(schedules, state))}
"""
    timer = f"""[Unit]
Description=sqmy:每{every}分钟检查一次到期的日程

[Timer]
OnCalendar=*:0/{every}
Persistent=true
Unit={name}.service

[Install]
WantedBy=timers.target
"""
    return {f"{name}.service": service, f"{name}.timer": timer}


def systemd_user_folder() -> Path:
    return Path.home() / ".config" / "systemd" / "user"
