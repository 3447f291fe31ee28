"""The first ten minutes: the README's quick start in a clean folder (``sqmy init``, the demo ledgers
into 台账/, ``sqmy run``), the closing summary a secretary acts on, the exit codes, and progress on a
terminal (quiet without one)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from conftest import sqmy, write_xlsx
from sqmy_lib.catalog import entry
from sqmy_lib.cli.init import MUST_EDIT, MUST_MARK
from sqmy_lib.rules.model import default_rules_path
from sqmy_lib.run import progress

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "workbooks" / "demo"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def demo_workbooks() -> list[Path]:
    return sorted(p for p in DEMO.iterdir() if p.suffix in (".xlsx", ".xls"))


def listed_outputs(stdout: str) -> dict[str, list[Path]]:
    """The closing summary's files by the heading they are listed under (★ kept on the heading)."""
    groups: dict[str, list[Path]] = {}
    heading = None
    for line in stdout.split("已生成的文件(★ 请先打开):", 1)[1].splitlines():
        if line.startswith(("★ ", "  ")) and not line.startswith("      "):
            heading = line.strip()
            groups[heading] = []
        elif line.startswith("      ") and heading:
            groups[heading].append(Path(line.strip()))
    return groups


def test_quick_start_in_a_clean_folder(tmp_path, monkeypatch):
    """README "Your own office": init, the demo ledgers into 台账/, run; then read what it says."""
    monkeypatch.chdir(tmp_path)
    init = sqmy("init", "示例办公室")
    assert init.returncode == 0, init.stderr
    office = tmp_path / "示例办公室"
    for path in demo_workbooks():
        shutil.copy(path, office / "台账")
    run = sqmy("run", "示例办公室")
    assert run.returncode == 3, run.stdout + run.stderr  # produced, with the demo's planted errors left out

    # Rows left out, and why: the generator's planted mistakes that are errors, by table.
    errors = [m for m in EXPECTED["mistakes"] if entry(m["code"]).severity == "error"]
    adoption_errors = [m for m in errors if m["sheet"] == "采用台账"]
    item_errors = [m for m in errors if m["sheet"] != "采用台账"]
    summary = run.stdout.split("注意:", 1)[1].split("已生成的文件", 1)[0]
    assert f"报送 {len(item_errors)} 条:" in summary and f"采用记录 {len(adoption_errors)} 条:" in summary
    for mistake in errors:
        assert f"{entry(mistake['code']).title} 1 条" in summary, mistake["code"]
    out = (office / "输出").resolve()
    assert f"请打开 {out / '校验报告.txt'}" in summary

    # Every output by its absolute path, each one there; the one to open first marked.
    groups = listed_outputs(run.stdout)
    first = [h for h in groups if h.startswith("★")]
    assert len(first) == 1 and first[0].startswith("★ 校验报告") and groups[first[0]] == [out / "校验报告.txt"]
    listed = [p for paths in groups.values() for p in paths]
    assert all(p.is_absolute() and p.exists() for p in listed)
    assert out / "校验报告.json" in listed
    docx = [p for p in listed if p.suffix == ".docx"]
    assert docx == [out / "季度通报" / f"{EXPECTED['year']}年第四季度社情民意信息通报.docx"]
    annotated = next(paths for heading, paths in groups.items() if heading.startswith("问题标注副本"))
    assert {p.name for p in annotated} >= {Path(m["file"]).with_suffix(".xlsx").name for m in EXPECTED["mistakes"]}
    # Everything produced is listed (nothing to hunt for), and nothing was written among the ledgers.
    made = {p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert made == set(listed)
    assert sorted(p.name for p in (office / "台账").iterdir()) == sorted(
        [p.name for p in demo_workbooks()] + ["社情民意信息台账模板.xlsx"])
    assert run.stdout.rstrip().endswith("结果:通报已生成,但有记录未计入(退出码 3)。")
    assert "…" not in run.stderr  # not a terminal: no progress lines
    assert "工作文件夹 示例办公室" in run.stderr and "未读取" not in run.stderr

    # A second run reads the same ledgers: its own outputs are not read back.
    again = sqmy("run", "示例办公室")
    assert again.returncode == 3
    assert again.stdout.splitlines()[:3] == run.stdout.splitlines()[:3]

    # A ledger left beside 台账/ is not read, and the run says so.
    shutil.copy(demo_workbooks()[0], office / "放错了.xlsx")
    misplaced = sqmy("run", "示例办公室")
    assert "台账/ 以外的 1 个工作簿未读取(如 示例办公室/放错了.xlsx)" in misplaced.stderr
    assert misplaced.stdout.splitlines()[:3] == run.stdout.splitlines()[:3]


def test_init_makes_a_folder_a_newcomer_can_use(tmp_path):
    office = tmp_path / "东山县政协"
    assert sqmy("init", office, "--year", "2026").returncode == 0
    assert {p.name for p in office.iterdir()} == {"台账", "名册.xlsx", "规则.yaml", "schedules", "使用说明.txt"}

    # 规则.yaml: the shipped rules, the values to set marked, and it passes the check.
    rules_file = office / "规则.yaml"
    check = sqmy("rules", "check", rules_file)
    assert check.returncode == 0, check.stdout
    shipped, _ = default_rules_path(2026)
    assert yaml.safe_load(rules_file.read_text(encoding="utf-8")) == yaml.safe_load(shipped.read_text(encoding="utf-8"))
    text = rules_file.read_text(encoding="utf-8")
    for path in MUST_EDIT:
        block = text.split(f"\n{path[0]}:", 1)[1]
        for key in path[1:-1]:
            block = block.split(f"\n  {key}:", 1)[1]
        line = next(ln for ln in block.splitlines() if ln.strip().startswith(f"{path[-1]}:"))
        assert MUST_MARK in line, path
    assert text.count("【可改】") >= 20
    # Valid, but still the shipped placeholders: each said (the circular went out as 示政协办〔2026〕号).
    said = [ln for ln in check.stdout.splitlines() if ln.startswith("提示:")]
    assert "提示:规则文件中 office.province 仍是示例值“示例省”,请改为本单位的实际情况(标有【必改】的项)" in said
    assert any("documents.circular.number 仍是示例值“示政协办〔{year}〕{n}号”" in ln for ln in said) and len(said) == 8
    edited = text.replace("示例省", "东海省").replace("示政协办", "东政协办")
    rules_file.write_text(edited, encoding="utf-8")
    again = [ln for ln in sqmy("rules", "check", rules_file).stdout.splitlines() if ln.startswith("提示:")]
    assert len(again) == 6 and not any("province" in ln or "circular.number" in ln for ln in again)
    rules_file.write_text(text, encoding="utf-8")

    # The schedules point at this folder's ledgers, roster and rules, and are valid.
    for name in ("quarterly_circular.yaml", "annual_commendation.yaml", "quarterly_feedback.yaml"):
        data = yaml.safe_load((office / "schedules" / name).read_text(encoding="utf-8"))
        assert (data["ledgers"], data["roster"], data["rules"]) == (["../台账"], "../名册.xlsx", "../规则.yaml")
    listing = sqmy("schedule", "list", "--schedules", office / "schedules", "--state", tmp_path / "state")
    assert listing.returncode == 0, listing.stderr
    assert str(office / "输出") in listing.stdout

    # 使用说明.txt: Chinese, readable by an old Windows Notepad (BOM, CRLF), naming the commands.
    raw = (office / "使用说明.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    guide = raw.decode("utf-8-sig")
    assert "sqmy run 东山县政协" in guide and "sqmy rules check" in guide and "sqmy schedule install" in guide

    # Run again after staff have changed things: nothing of theirs is replaced.
    (office / "名册.xlsx").write_bytes(b"staff's own roster")
    again = sqmy("init", office)
    assert again.returncode == 0 and "已存在,未改动" in again.stdout
    assert (office / "名册.xlsx").read_bytes() == b"staff's own roster"


def test_run_without_out_needs_an_office_folder(tmp_path):
    result = sqmy("run", DEMO)
    assert result.returncode == 2 and "--out" in result.stderr
    help_text = sqmy("run", "--help").stdout
    assert "退出码" in help_text and "  3  已生成,但有记录" in help_text


def _every_parser(parser):
    yield parser
    for action in parser._actions:
        for sub in getattr(action, "_name_parser_map", {}).values():
            yield from _every_parser(sub)


def test_every_help_page_is_in_chinese():
    # argparse writes "usage:", "options:", "positional arguments:" and "show this help message and
    # exit" in English; staff read every sub-command's help in Chinese.
    from sqmy_lib.cli import build_parser
    pages = [p.format_help() for p in _every_parser(build_parser())]
    assert len(pages) > 25
    english = re.compile(r"usage:|options:|positional arguments|show this help|optional arguments|version number")
    assert [p.splitlines()[0] for p in pages if english.search(p)] == []
    assert all(p.startswith("用法:") and "显示本帮助并退出" in p for p in pages)


def clean_ledger(path: Path) -> Path:
    """A small ledger with nothing wrong in it, items in every quarter of 2025."""
    rows = [["2025年度社情民意信息报送采用登记表"],
            ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]]
    for n, month in enumerate(range(1, 13), start=1):
        rows.append([n, dt.datetime(2025, month, 10), f"关于第{n}件事的建议", "民盟县委", "民盟县委", "县政协编发" if n % 2 else None])
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(path, {"2025年": rows})


def test_a_clean_ledger_exits_0_and_points_at_the_circular(tmp_path):
    clean_ledger(tmp_path / "台账" / "台账.xlsx")
    result = sqmy("run", tmp_path / "台账", "--out", tmp_path / "输出")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "注意" not in result.stdout and "错误 0 条" in result.stdout
    groups = listed_outputs(result.stdout)
    first = next(h for h in groups if h.startswith("★"))
    assert first == "★ 季度通报(Word 公文)"
    assert groups[first] == [(tmp_path / "输出" / "季度通报" / "2025年第四季度社情民意信息通报.docx").resolve()]
    assert result.stdout.rstrip().endswith("(退出码 0)。")


def test_a_ledger_that_names_no_year_asks_for_one(tmp_path):
    """No title, sheet or file name says the year: ``sqmy run`` asks for --year in Chinese, exit 2, its
    校验报告 written. It stopped with "运行失败(程序错误):'<' not supported between instances of 'NoneType' and 'int'"."""
    rows = [["社情民意信息报送登记表"], ["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, dt.datetime(2025, 3, 10), "关于甲的建议", "民盟县委", "民盟县委"]]
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "报送登记.xlsx", {"报送登记": rows})
    for extra in ([], ["--quarter", "1"]):
        result = sqmy("run", tmp_path / "台账", "--out", tmp_path / "输出", *extra)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "无法确定年度" in result.stderr and "--year" in result.stderr and "Error" not in result.stderr + result.stdout
        assert result.stdout.rstrip().endswith("(退出码 2)。")
    assert (tmp_path / "输出" / "校验报告.txt").exists()
    fixed = sqmy("run", tmp_path / "台账", "--out", tmp_path / "输出", "--year", "2025", "--quarter", "1")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def test_the_adoptions_of_a_left_out_item_are_said_too(tmp_path):
    ledger = clean_ledger(tmp_path / "台账" / "台账.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(ledger)
    wb.active.append([13, dt.datetime(2025, 11, 20), None, "民盟县委", "民盟县委", "县政协编发"])  # no title, adopted
    wb.save(ledger)
    result = sqmy("run", tmp_path / "台账", "--out", tmp_path / "输出")
    assert result.returncode == 3, result.stderr
    assert "报送 1 条:标题为空 1 条" in result.stdout
    assert "采用记录 1 条:所属信息有错误、未计入 1 条" in result.stdout


def test_validate_counts_adoption_records_and_says_so(tmp_path):
    """``sqmy validate`` said "采用 19 条" (adoption records) where every document says 被采用18条
    (items). By hand: V1 adopted at 县级 and at 市级 (two records, one item), V2 at 县级, V3 not
    adopted: 3 items sent, 3 采用记录, 2 items adopted. The line says records; the documents' 2 is items."""
    import sqmy_lib as sq

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
            ["V1", dt.datetime(2025, 2, 10), "关于甲乡渡口安全的建议", "张三", "民盟县委", "2025.2.20", "2025.3.10"],
            ["V2", dt.datetime(2025, 2, 12), "关于乙村校车的建议", "张三", "民盟县委", "2025.3.1", None],
            ["V3", dt.datetime(2025, 3, 5), "关于丙镇集市的建议", "张三", "民盟县委", None, None]]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    result = sqmy("validate", ledger, "--year", 2025)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "报送 3 条,采用记录 3 条,批示 0 件" in result.stdout
    assert not re.search(r"(?<!记录 )采用 \d+ 条", result.stdout)  # no bare "采用 N 条" that reads as items
    assert sq.summary(sq.read_ledgers(str(ledger), year=2025), 2025).adopted == 2


def test_an_unreadable_file_is_named_as_left_out(tmp_path):
    clean_ledger(tmp_path / "台账" / "台账.xlsx")
    (tmp_path / "台账" / "坏文件.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result = sqmy("run", tmp_path / "台账", "--out", tmp_path / "输出")
    assert result.returncode == 3
    assert f"整个文件未读取:{(tmp_path / '台账' / '坏文件.xlsx').resolve()}" in result.stdout


# ---- progress: on a terminal, relayed from the kernel; never without one, never under CI


def on_a_terminal(argv: list[str], env: dict) -> tuple[int, str]:
    """Run ``argv`` with stderr on a pseudo-terminal (80 columns); its exit code and what the terminal showed."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    shown = bytearray()

    def drain():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    proc.stdout.read()
    code = proc.wait(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    return code, re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", shown.decode("utf-8", "replace"))


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_circular_shows_the_kernels_stages_on_a_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", progress.KERNEL_ENV)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out = tmp_path / "通报"
    code, shown = on_a_terminal([sys.executable, "-m", "sqmy_lib", "circular", str(DEMO), "--year", "2025",
                                 "--quarter", "4", "--out", str(out)], env)
    assert code == 3, shown  # produced, the demo's planted error rows left out
    lines = [line.strip() for line in re.split(r"[\r\n]+", shown) if line.strip().startswith("…")]
    files = [p for p in demo_workbooks()]
    # read and checked by the command, the kernel handed them (as sqmy run)
    stages = ["季度通报:读取台账 %d 个文件(%s" % (len(files), files[0].name), "季度通报:校验 ", "季度通报:载入已读取、校验的台账",
              "季度通报:统计",
              "季度通报:写出 Word 公文、Excel 工作簿"]
    for stage, line in zip(stages, lines):
        assert line.startswith(f"… {stage}"), (stage, lines)
    # and the HTML, when the caller writes it rather than the notebook
    assert lines[len(stages):] in ([], ["… 季度通报:写出网页版(HTML)"]), lines
    assert "季度通报:" in shown and "步" in shown  # papermill's bar over the cells, in Chinese
    assert progress.MARK not in shown
    # The executed notebook is what cron's would be: no stage lines in it.
    notebook = (out / "2025年第四季度社情民意信息通报.ipynb").read_text(encoding="utf-8")
    assert progress.MARK not in notebook and "读取台账" not in notebook.split('"outputs"', 1)[1]


class FakeTerminal:
    def isatty(self):
        return True


def test_progress_is_quiet_without_a_terminal_and_under_ci(monkeypatch, capsys):
    monkeypatch.delenv("CI", raising=False)
    assert progress.showing(FakeTerminal()) and not progress.showing(open(os.devnull, "w"))
    monkeypatch.setenv("CI", "true")
    assert not progress.showing(FakeTerminal())
    monkeypatch.delenv(progress.KERNEL_ENV, raising=False)
    progress.stage("读取台账")  # pytest's capture is no terminal
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(progress, "showing", lambda stream=None: False)
    assert progress.relay("季度通报") is None and progress.bar_options("季度通报") is False
    assert progress.kernel_env() == {progress.KERNEL_ENV: ""}


def test_relay_passes_the_marked_lines_only(monkeypatch):
    said = []
    monkeypatch.setattr(progress, "_write", said.append)
    relay = progress.Relay("季度通报")
    for chunk in ["/usr/lib/python3/site-packages/x.py:1: FutureWarning: something\n", progress.MARK + "读取",
                  "台账 6 个文件\n" + progress.MARK + "校验 482 条报送\nDeprecationWarning\n", progress.MARK + "未完"]:
        relay.write(chunk)
    assert said == ["季度通报:读取台账 6 个文件", "季度通报:校验 482 条报送"]


def test_stage_in_a_kernel_marks_its_line(monkeypatch, capsys):
    monkeypatch.setenv(progress.KERNEL_ENV, "1")
    progress.stage("统计")
    assert capsys.readouterr().err == progress.MARK + "统计\n"
    nb = {"cells": [{"outputs": [{"output_type": "stream", "name": "stderr", "text": progress.MARK + "统计\nwarning\n"},
                                 {"output_type": "stream", "name": "stderr", "text": progress.MARK + "写出\n"}]}]}
    assert progress.strip_stages(nb)
    assert nb["cells"][0]["outputs"] == [{"output_type": "stream", "name": "stderr", "text": "warning\n"}]


def test_init_adds_the_rollup_for_a_city_office(tmp_path):
    office = tmp_path / "示例市政协"
    assert sqmy("init", office).returncode == 0
    assert not (office / "schedules" / "rollup_circular.yaml").exists()  # a county has no offices below
    again = sqmy("init", office, "--offices", tmp_path / "下级台账")
    assert again.returncode == 0 and again.stdout.count("已生成") == 1
    data = yaml.safe_load((office / "schedules" / "rollup_circular.yaml").read_text(encoding="utf-8"))
    assert (data["ledgers"], data["rules"]) == (["../../下级台账"], "../规则.yaml")


def test_run_with_a_year_not_yet_begun_is_an_argument_error(tmp_path):
    # sqmy run --year 2062 (for 2026): "尚无已结束的季度,只写出了校验报告", exit 0 — a typo taken for a
    # finished run. Now an argument error before anything is read: exit 2, nothing written.
    import datetime as dt

    year = dt.date.today().year + 36
    result = sqmy("run", tmp_path, "--year", year, "--out", tmp_path / "out")
    assert result.returncode == 2 and f"--year {year} 晚于今年" in result.stderr and not (tmp_path / "out").exists()


def test_a_broken_shortcut_in_the_ledger_folder_is_named_as_staff_see_it(tmp_path):
    # 台账/链接台账.xlsx → a file that is gone: it was said to be "台账/ 以外" and named by its target.
    import os

    office = tmp_path / "东山县政协"
    assert sqmy("init", office, "--year", "2025").returncode == 0
    try:
        os.symlink(tmp_path / "不存在" / "x.xlsx", office / "台账" / "链接台账.xlsx")
    except OSError:
        pytest.skip("no symbolic links here")
    result = sqmy("run", office, "--quarter", 3)
    assert "以外" not in result.stderr and "不存在/x.xlsx" not in result.stdout
    assert f"整个文件未读取:{office / '台账' / '链接台账.xlsx'}" in result.stdout


def _subprocess_sqmy(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_every_command_on_an_office_folder_reads_its_rules_and_roster(tmp_path):
    # An office folder (sqmy init) whose 规则.yaml pays 县级 50.00: `sqmy compute rewards 东山县政协`
    # (or 东山县政协/台账) paid the shipped 30.00, exit 0, no note; the letters were headed 政协示例县委员会
    # and the circular numbered 示政协办〔2026〕号. Only `sqmy run` read the folder's files.
    office = tmp_path / "东山县政协"
    assert _subprocess_sqmy("init", office, "--year", "2025").returncode == 0
    rules = office / "规则.yaml"
    text = rules.read_text(encoding="utf-8")
    for old, new in (('县级: "30.00"', '县级: "50.00"'), ("示例县政协", "东山县政协"), ("政协示例县委员会", "政协东山县委员会"),
                     ("示政协办", "东政协办"), ("示政协发", "东政协发")):
        assert old in text
        text = text.replace(old, new)
    rules.write_text(text, encoding="utf-8")
    wb = openpyxl.load_workbook(office / "名册.xlsx")
    for row in (["张三", "委员", "民盟东山县委"], ["李四", "信息员", "城关镇政协工委"]):
        wb["人员"].append(row)
    wb.save(office / "名册.xlsx")
    ledger = write_xlsx(office / "台账" / "台账2025.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
        [1, dt.datetime(2025, 1, 10), "关于农村饮水安全的建议", "张三", "民盟东山县委", dt.datetime(2025, 1, 20), None],
        [2, dt.datetime(2025, 2, 5), "关于城关镇停车难的建议", "李四", "城关镇政协工委", None, dt.datetime(2025, 2, 25)]]})
    # By hand, with the office's rules: 张三's item adopted at 县级 pays 50.00 (shipped: 30.00); 李四's
    # at 市级 100.00 either way. The roster says 张三 is a 委员 and 李四 an 信息员.
    office_paid, shipped_paid = {"张三": "50.00", "李四": "100.00"}, {"张三": "30.00", "李四": "100.00"}

    def paid(*args) -> tuple[dict, str]:
        result = _subprocess_sqmy("compute", "rewards", *args, "--year", 2025, "--format", "json")
        assert result.returncode == 0, result.stderr
        return {r["name"]: f'{r["amount"]:.2f}' for r in json.loads(result.stdout)}, result.stderr

    for path in (office, office / "台账", ledger):  # the folder, its 台账/, a ledger in it: one office
        amounts, said = paid(path)
        assert amounts == office_paid, path
        assert f"工作文件夹 {office}" in said and str(rules) in said
    people = _subprocess_sqmy("compute", "people", office, "--year", 2025, "--format", "json")
    assert {r["name"]: r["role"] for r in json.loads(people.stdout)} == {"张三": "委员", "李四": "信息员"}
    # --rules given wins over the folder's.
    assert paid(office, "--rules", default_rules_path(2025)[0])[0] == shipped_paid
    # Two offices (whose rules differ) or a 规则.yaml beside ledgers outside any office: the shipped
    # rules pay, and the file not used is named with the option that would use it.
    other = tmp_path / "西山县政协"
    shutil.copytree(office, other)
    write_xlsx(other / "台账" / "台账2025.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
        [1, dt.datetime(2025, 3, 2), "关于山区公交的建议", "王五", "西山镇政协工委", dt.datetime(2025, 3, 12), None]]})
    amounts, said = paid(office, other)
    assert amounts == {**shipped_paid, "王五": "30.00"}  # 王五's item at 县级: the shipped 30.00
    assert f"{rules} 未使用" in said and f"--rules {other / '规则.yaml'}" in said
    loose = tmp_path / "散放"
    loose.mkdir()
    shutil.copy(ledger, loose)
    shutil.copy(rules, loose)
    amounts, said = paid(loose)
    assert amounts == shipped_paid and f"{loose / '规则.yaml'} 未使用" in said

    # The reports: the office's names and 发文字号 (its rules), never the shipped 示例 ones.
    def words(path: Path) -> str:
        return "\n".join(p.text for p in docx.Document(path).paragraphs)

    out = tmp_path / "输出"
    circular = _subprocess_sqmy("circular", office, "--year", 2025, "--quarter", 1, "--date", "2026-01-10", "--out", out / "通报")
    assert circular.returncode == 0, circular.stderr
    text = words(next((out / "通报").glob("*.docx")))
    assert "政协东山县委员会" in text and "东政协办〔2026〕" in text and "示例" not in text and "示政协" not in text
    feedback = _subprocess_sqmy("feedback", office / "台账", "--year", 2025, "--date", "2026-01-10", "--out", out / "反馈函")
    assert feedback.returncode == 0, feedback.stderr
    letter = words(out / "反馈函" / "个人" / "2025年反馈函-张三.docx")
    assert letter.startswith("政协东山县委员会办公室") and "应发稿酬50.00元" in letter
    commend = _subprocess_sqmy("commend", office, "--year", 2025, "--date", "2026-01-10", "--out", out / "表彰")
    assert commend.returncode == 0, commend.stderr
    decision = words(next(p for p in (out / "表彰").glob("*.docx") if "决定" in p.name))
    assert "政协东山县委员会" in decision and "示例" not in decision
    duties = out / "履职档案.csv"
    assert _subprocess_sqmy("export", "duties", ledger, "--year", 2025, "--out", duties).returncode == 0
    row = next(r for r in csv.DictReader(duties.read_text(encoding="utf-8-sig").splitlines()) if r["姓名"] == "张三")
    assert row["稿酬（元）"] == "50.00"
