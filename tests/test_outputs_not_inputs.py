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
