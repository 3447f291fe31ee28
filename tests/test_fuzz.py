"""Hostile and broken inputs never take the run down: a seeded fuzz of mutated ledgers.

Each case is a folder with one good ledger and one bad file (bytes flipped, truncated, sizes
declared that are not there, entity bombs, a FIFO, a folder or a text file named .xlsx, …).
For every case: the read returns, the bad file is one ``files`` row with a catalog code (or,
when the mutation happened to be harmless, is read like any file), the good ledger is read
whole, validation runs, and no case takes long (a hung parser is stopped by its time limit).

``SQMY_FUZZ_CASES`` sets how many random cases run (default 40); the README gives the figures.
"""
from __future__ import annotations

import os
import random
import time
import zipfile
from pathlib import Path

import pytest

import sqmy_lib as sq
from conftest import write_xls, write_xlsx
from sqmy_lib.catalog import CATALOG

GOOD_ROWS = [["日期", "标题", "作者", "市政协"],
             ["2025-01-05", "关于甲的建议", "张三", "√"],
             ["2025-02-06", "关于乙的建议", "李四", ""],
             ["2025-03-07", "关于丙的建议", "王五", "第2期"]]
SEED = 20261202
CASES = int(os.environ.get("SQMY_FUZZ_CASES", "40"))


# The files mutated hold other items than the good ledger (a copy would be set aside as a repeat).
SOURCE_ROWS = [GOOD_ROWS[0], *[[d, t.replace("甲", "子").replace("乙", "丑").replace("丙", "寅"), a, m] for d, t, a, m in GOOD_ROWS[1:]]]


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-src")
    xlsx = write_xlsx(folder / "src.xlsx", {"一季度": [["2025年台账"], *SOURCE_ROWS]})
    xls = write_xls(folder / "src.xls", {"Sheet1": SOURCE_ROWS})
    import xlsxwriter  # as Excel and WPS save text: in a shared-strings part

    book = xlsxwriter.Workbook(str(folder / "sst.xlsx"))
    sheet = book.add_worksheet("一季度")
    for r, row in enumerate(SOURCE_ROWS):
        for c, v in enumerate(row):
            sheet.write_string(r, c, v)
    book.close()
    return {"xlsx": xlsx.read_bytes(), "xls": xls.read_bytes(), "sst": (folder / "sst.xlsx").read_bytes()}


def _rezip(data: bytes, member_edit) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, member_edit(info.filename, zin.read(info.filename)))
    return out.getvalue()


def _sheet_edit(pattern: bytes, replacement: bytes):
    return lambda name, data: data.replace(pattern, replacement, 1) if name.startswith("xl/worksheets/") else data


BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')

FIXED = {
    "empty": lambda s: b"",
    "text_named_xlsx": lambda s: "日期,标题\n2025-01-01,关于\n".encode("utf-8"),
    "html_saved_as_xls": lambda s: b"<html><body><table><tr><td>x</td></tr></table></body></html>",
    "pdf_named_xlsx": lambda s: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "truncated_xlsx": lambda s: s["xlsx"][: len(s["xlsx"]) // 2],
    "truncated_xls": lambda s: s["xls"][: len(s["xls"]) // 3],
    "shared_strings_count": lambda s: _rezip(s["sst"], lambda n, d: d.replace(b' count="', b' count="4294967295" x="', 1)
                                             .replace(b' uniqueCount="', b' uniqueCount="4294967295" y="', 1)
                                             if n == "xl/sharedStrings.xml" else d),
    "huge_dimension": lambda s: _rezip(s["xlsx"], _sheet_edit(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="')),
    "far_cell": lambda s: _rezip(s["xlsx"], _sheet_edit(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')),
    "entity_bomb": lambda s: _rezip(s["xlsx"], lambda n, d: BOMB + d.split(b"?>", 1)[-1] if n.startswith("xl/worksheets/") else d),
    "infinite_date": lambda s: _rezip(s["xlsx"], _sheet_edit(b"<sheetData>", b'<sheetData><row r="30"><c r="A30"><v>1e400</v></c><c r="B30" t="inlineStr"><is><t>' + "关于丁的建议".encode() + b'</t></is></c></row>')),
    "unclosed_cells": lambda s: _rezip(s["xlsx"], _sheet_edit(b"</sheetData>", b'<row r="40"><c r="A40"><f>1+1</f></c>' + b'<c r="B40">' * 20000 + b"</row></sheetData>")),
    "no_workbook_part": lambda s: _rezip(s["xlsx"], lambda n, d: b"" if n == "xl/workbook.xml" else d),
}


def _random_case(rng: random.Random, sources: dict) -> tuple[str, bytes, str]:
    kind = rng.choice(["flip", "truncate", "flip_member"])
    suffix = rng.choice(["xlsx", "xls"])
    data = bytearray(sources[suffix])
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        data = data[: rng.randrange(1, len(data))]
    elif suffix == "xlsx":  # flip bytes inside one decompressed member, then zip it again
        member = rng.choice(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"])

        def edit(name, d, rng=rng, member=member):
            if name != member or not d:
                return d
            d = bytearray(d)
            for _ in range(rng.randint(1, 10)):
                d[rng.randrange(len(d))] = rng.choice(b"<>\"&=/0123456789ABZ \xff")
            return bytes(d)

        data = bytearray(_rezip(bytes(data), edit))
    return kind, bytes(data), suffix


def _check_case(folder: Path, bad_name: str) -> None:
    started = time.monotonic()
    ledger = sq.read_ledgers(folder)
    report = sq.validate(ledger)
    took = time.monotonic() - started
    titles = set(ledger.submissions.loc[ledger.submissions["file"].str.endswith("good.xlsx"), "title"])
    assert {"关于甲的建议", "关于乙的建议", "关于丙的建议"} <= titles, (bad_name, titles)
    bad = ledger.files[ledger.files["file"].str.endswith(bad_name)]
    assert len(bad) >= 1
    for code in bad["code"].dropna():
        assert code in CATALOG, code
    assert all(i.code in CATALOG for i in report.issues)
    assert took < 60, (bad_name, took)


@pytest.fixture()
def case_dir(tmp_path, sources):
    (tmp_path / "good.xlsx").write_bytes(write_xlsx(tmp_path / "g.xlsx", {"S": GOOD_ROWS}).read_bytes())
    (tmp_path / "g.xlsx").unlink()
    return tmp_path


@pytest.mark.parametrize("name", sorted(FIXED))
def test_fixed_hostile_cases(case_dir, sources, name, monkeypatch):
    monkeypatch.setenv("SQMY_READ_TIMEOUT_SCALE", "0.25")
    suffix = "xls" if name.endswith("xls") else "xlsx"
    (case_dir / f"bad.{suffix}").write_bytes(FIXED[name](sources))
    _check_case(case_dir, f"bad.{suffix}")


def test_odd_file_types_are_refused_without_opening(case_dir):
    (case_dir / "folder.xlsx").mkdir()  # a folder named like a workbook: a folder, looked into
    fifo = case_dir / "pipe.xlsx"
    os.mkfifo(fifo)  # opening a FIFO would wait for a writer forever
    ledger = sq.read_ledgers(case_dir)
    codes = dict(zip(ledger.files["file"].map(lambda f: Path(f).name), ledger.files["code"]))
    assert codes == {"good.xlsx": None, "pipe.xlsx": "file.not_regular"}
    assert len(ledger.submissions) == 3


def test_random_mutations(tmp_path, sources, monkeypatch):
    monkeypatch.setenv("SQMY_READ_TIMEOUT_SCALE", "0.25")
    rng = random.Random(SEED)
    good = write_xlsx(tmp_path / "good.xlsx", {"S": GOOD_ROWS}).read_bytes()
    outcomes = {"failed": 0, "ok": 0}
    for k in range(CASES):
        kind, data, suffix = _random_case(rng, sources)
        folder = tmp_path / f"case{k:03d}"
        folder.mkdir()
        (folder / "good.xlsx").write_bytes(good)
        (folder / f"bad.{suffix}").write_bytes(data)
        _check_case(folder, f"bad.{suffix}")
        ledger_files = sq.read_ledgers(folder / f"bad.{suffix}", missing="report").files
        outcomes["ok" if (ledger_files["status"] == "ok").all() else "failed"] += 1
    assert sum(outcomes.values()) == CASES


def test_a_reader_that_dies_costs_its_file_only(tmp_path, monkeypatch):
    """A parser abort (simulated: the reader process is killed for one file) is ``file.crashed``."""
    import signal

    from sqmy_lib.read.file import FileReader

    good = write_xlsx(tmp_path / "good.xlsx", {"S": GOOD_ROWS})
    doomed = write_xlsx(tmp_path / "doomed.xlsx", {"S": SOURCE_ROWS})
    real = FileReader.read

    def dying(self, path, year, *more):
        if Path(path).name == "doomed.xlsx":
            import faulthandler

            faulthandler.disable()  # pytest's handler would print a stack dump into the log: expected here
            os.kill(os.getpid(), signal.SIGABRT)  # as calamine does when it cannot allocate
        return real(self, path, year, *more)

    monkeypatch.setattr(FileReader, "read", dying)
    ledger = sq.read_ledgers([doomed, good], workers=1)
    codes = dict(zip(ledger.files["file"].map(lambda f: Path(f).name), ledger.files["code"]))
    assert codes["doomed.xlsx"] == "file.crashed" and codes["good.xlsx"] is None
    assert len(ledger.submissions) == 3


def test_a_reader_that_hangs_is_stopped(tmp_path, monkeypatch):
    from sqmy_lib.read.file import FileReader

    good = write_xlsx(tmp_path / "good.xlsx", {"S": GOOD_ROWS})
    slow = write_xlsx(tmp_path / "slow.xlsx", {"S": SOURCE_ROWS})
    real = FileReader.read

    def hanging(self, path, year, *more):
        if Path(path).name == "slow.xlsx":
            time.sleep(3600)
        return real(self, path, year, *more)

    monkeypatch.setattr(FileReader, "read", hanging)
    monkeypatch.setenv("SQMY_READ_TIMEOUT_SCALE", "0.01")  # 1.2 s for a small file
    started = time.monotonic()
    ledger = sq.read_ledgers([slow, good], workers=1)
    assert time.monotonic() - started < 30
    codes = dict(zip(ledger.files["file"].map(lambda f: Path(f).name), ledger.files["code"]))
    assert codes["slow.xlsx"] == "file.too_slow" and len(ledger.submissions) == 3
