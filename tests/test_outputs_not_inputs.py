"""Outputs are never read back as inputs: a second run over a folder that holds the first run's
outputs (annotated copies, the circular's workbook) reads the same ledgers."""
from __future__ import annotations

import shutil
from pathlib import Path

import sqmy_lib as sq
from conftest import sqmy

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"


def test_outputs_written_under_the_ledger_folder_are_not_read_again(tmp_path):
    office = tmp_path / "台账"
    shutil.copytree(DEMO, office)
    before = sq.read_ledgers(office)
    sqmy("validate", office, "--annotate", office / "问题标注副本")  # a folder name the reader does not know
    assert any((office / "问题标注副本").glob("*.xlsx"))
    after = sq.read_ledgers(office)
    assert len(after.submissions) == len(before.submissions) and len(after.adoptions) == len(before.adoptions)
    assert set(after.files["file"]) == set(before.files["file"])


def test_an_output_workbook_copied_among_the_ledgers_is_refused(tmp_path):
    # A 问题标注 copy and a circular's workbook (its 采用明细 sheet lists adoptions) copied by hand into the
    # ledger folder were read as ledgers: the copy's rows twice, the circular's adoptions as records. Each
    # is now one file.sqmy_output finding, and the figures are the ledgers' own.
    from sqmy_lib.iorw import write_tables
    from sqmy_lib.render.annotate import write_annotated
    from conftest import write_xlsx

    office = tmp_path / "台账"
    office.mkdir()
    rows = [["编号", "收稿日期", "信息标题", "作者", "市政协采用"], ["A1", "2025-03-01", "关于甲的建议", "张三", "√"],
            ["A2", "2025-03-02", "关于乙的建议", None, None]]  # 作者 empty: an issue, so a marked copy is written
    ledger_path = write_xlsx(office / "台账.xlsx", {"2025年": rows})
    report = sq.validate(sq.read_ledgers(office, year=2025))
    copy = write_annotated(report.issues, tmp_path / "标注")[0]
    shutil.copy(copy, office / "台账(标注).xlsx")
    write_tables(office / "采用明细.xlsx", {"采用明细": sq.read_ledgers(ledger_path, year=2025).adoptions})
    ledger = sq.read_ledgers(office, year=2025)
    refused = ledger.files[ledger.files["code"] == "file.sqmy_output"]["file"].map(lambda f: Path(f).name)
    assert sorted(refused) == ["台账(标注).xlsx", "采用明细.xlsx"]
    assert len(ledger.submissions) == 2 and len(ledger.adoptions) == 1  # the ledger's two rows, its one √
    assert [i.code for i in sq.validate(ledger).issues].count("file.sqmy_output") == 2
    # Said, not an error: the tool passing over its own file loses nothing (it was an error, exit 2).
    assert {i.severity for i in sq.validate(ledger).issues if i.code == "file.sqmy_output"} == {"info"}


def _digest(folder: Path) -> dict:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_output_asked_onto_a_ledger_just_read_is_refused(tmp_path):
    # sqmy compute … --format xlsx --out 台账.xlsx wrote the summary over the ledger it had read (exit 0): the
    # ledger was gone. Refused now, in words and with a code, and the ledger is as it was.
    office = tmp_path / "台账"
    shutil.copytree(DEMO, office)
    before = _digest(office)
    ledger = office / "2025年采用台账.xlsx"
    ran = sqmy("compute", "summary", office, "--year", 2025, "--format", "xlsx", "--out", ledger)
    assert ran.returncode == 2 and "[output.is_input]" in ran.stderr and "Traceback" not in ran.stderr
    ran = sqmy("export", "appraisal", office, "--year", 2025, "--out", ledger)
    assert ran.returncode == 2 and "[output.is_input]" in ran.stderr
    assert _digest(office) == before


def test_the_main_jobs_output_folder_cannot_be_the_ledger_folder(tmp_path):
    # sqmy run X --out X marked X as an output folder: every later read of X found no ledger, exit 0, no word.
    # Refused now; a folder with no ledger (an output folder, an empty one) is an error naming it.
    office = tmp_path / "台账"
    shutil.copytree(DEMO, office)
    for out in (office, tmp_path):
        ran = sqmy("run", office, "--out", out, "--year", 2025)
        assert ran.returncode == 2 and "[output.is_input]" in ran.stderr
    assert not (office / ".sqmy-output").exists() and not (tmp_path / ".sqmy-output").exists()
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    ran = sqmy("run", office, "--out", tmp_path / "f.txt", "--year", 2025)
    assert ran.returncode == 2 and "[output.not_folder]" in ran.stderr
    marked = tmp_path / "输出"
    marked.mkdir()
    (marked / ".sqmy-output").write_text("", encoding="utf-8")
    shutil.copy(DEMO / "2025年采用台账.xlsx", marked)
    ran = sqmy("validate", marked)
    assert ran.returncode == 2 and "[input.no_files]" in ran.stdout + ran.stderr and "输出文件夹" in ran.stdout + ran.stderr


def test_compute_all_as_csv_inside_the_ledger_folder_is_not_read_back(tmp_path):
    # sqmy compute all … --format csv --out 台账/统计: the next read took 概况.csv and the others for ledgers
    # (file.no_ledger errors, 批示件跟踪.csv read as a sheet). The folder is the tool's output folder now.
    office = tmp_path / "台账"
    shutil.copytree(DEMO, office)
    before = sq.read_ledgers(office)
    assert sqmy("compute", "all", office, "--year", 2025, "--format", "csv", "--out", office / "统计").returncode in (0, 1)
    assert (office / "统计" / "概况.csv").exists()
    after = sq.read_ledgers(office)
    assert set(after.files["file"]) == set(before.files["file"]) and len(after.findings) == len(before.findings)
    ran = sqmy("compute", "all", office, "--year", 2025, "--format", "csv", "--out", office)
    assert ran.returncode == 2 and "[output.is_input]" in ran.stderr and not (office / ".sqmy-output").exists()


def test_a_csv_written_among_the_ledgers_is_not_read_back(tmp_path):
    # sqmy export duties … --out 台账/履职.csv: the next read took 履职.csv for a ledger (file.no_ledger, an
    # error). A CSV has no mark of its own: the folder lists the ones the tool wrote, and the reader passes them.
    office = tmp_path / "台账"
    shutil.copytree(DEMO, office)
    before = sq.read_ledgers(office)
    ran = sqmy("export", "duties", office, "--year", 2025, "--out", office / "履职.csv")
    assert ran.returncode == 0 and (office / "履职.csv").exists()
    after = sq.read_ledgers(office)
    assert set(after.files["file"]) == set(before.files["file"]) and len(after.findings) == len(before.findings)
