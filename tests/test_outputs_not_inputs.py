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
