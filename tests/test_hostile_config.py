"""Hostile and broken configuration files (rules, schedules, offices.yaml, the run history): each gives a
Chinese message naming the file, never the last-resort ``运行失败(ExceptionName)`` line."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sqmy_lib.cli import main
from sqmy_lib.rules.model import DEFAULTS_DIR

REPO = Path(__file__).resolve().parents[1]
SHIPPED = (DEFAULTS_DIR / "2026.yaml").read_text(encoding="utf-8")

HOSTILE = {
    "laughs": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n",
    "deep": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "huge_int": SHIPPED.replace("per_submission: 1", "per_submission: " + "9" * 5000),
    "infinite": SHIPPED.replace("instruction_multiplier: 2", "instruction_multiplier: .inf"),
    "nan": SHIPPED.replace("top_n: 3", "top_n: .nan"),
    "big": "version: '1'\nnote: " + "x" * (2 << 20) + "\n",
    "wrong_types": SHIPPED.replace("tiers: [县级, 市级, 省级, 全国]", "tiers: {县级: 1}"),
    "binary": "\x00\x01PK",
    "python_tag": "!!python/object/apply:os.system [echo hi]\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_rules_file(tmp_path, capsys, name):
    path = tmp_path / f"{name}.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    assert main(["rules", "check", str(path)]) in (1, 2)
    assert main(["validate", str(REPO / "workbooks" / "demo" / "2025年采用台账.xlsx"), "--rules", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "运行失败(" not in out + err and "Traceback" not in out + err
    assert str(path) in out + err


@pytest.mark.parametrize("name", [n for n in HOSTILE if n not in ("huge_int", "infinite", "nan", "wrong_types")])
def test_hostile_manifest(tmp_path, capsys, name):
    path = tmp_path / "offices.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    assert main(["rollup", str(path), "--year", "2025", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "运行失败(" not in err and "offices.yaml" in err and "tree." in err


@pytest.mark.parametrize("text, fragment", [
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {name: 甲县政协, ledgers: [\"a\\0b\"]}\n", "应为路径"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {name: 123}\n", "应为文字"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {name: 甲县政协, code: [1]}\n", "应为文字"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {name: 甲县政协, level: .inf}\n", "应为有限的数"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {name: 甲县政协, leders: [x]}\n", "未知配置项(是否应为 “ledgers”?)"),
])
def test_manifest_that_would_fail_in_the_notebook_is_refused_before(tmp_path, capsys, text, fragment):
    path = tmp_path / "offices.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["rollup", str(path), "--year", "2025", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "运行失败(" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_schedule_file(tmp_path, capsys, name):
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / f"{name}.yaml").write_text(HOSTILE[name], encoding="utf-8")
    for command in (["list"], ["run", "--due"], ["status"], ["export", "--airflow"]):
        assert main(["schedule", *command, "--schedules", str(folder), "--state", str(tmp_path / "state")]) == 2
        err = capsys.readouterr().err
        assert f"{name}.yaml" in err and "运行失败(" not in err


def test_damaged_history_rows_and_state_folder(tmp_path, capsys):
    state = tmp_path / "state"
    main(["schedule", "history", "--state", str(state)])
    with sqlite3.connect(state / "history.sqlite") as db:
        db.execute("INSERT INTO runs (schedule, period, started, status, inputs, outputs, attempts, finished) "
                   "VALUES ('x', '2025年', 'garbage', 'failed', '{not json', '[1]', 'many', 'not a time')")
        db.execute("INSERT INTO schedules (name, start) VALUES ('x', 'not a time')")
    assert main(["schedule", "history", "--state", str(state)]) == 0
    assert main(["schedule", "status", "--state", str(state), "--schedules", str(tmp_path)]) == 0
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert main(["schedule", "history", "--state", str(blocked / "state")]) == 2
    err = capsys.readouterr().err
    assert "运行失败(" not in err and "无法使用运行记录目录" in err
