"""The bundled demo office, end to end: every deliberate mistake is caught at its cell, nothing else
is an error, and the main job (``sqmy run``) writes its outputs without touching the ledgers."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import openpyxl

import sqmy_lib as sq

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_validation_finds_exactly_the_planted_mistakes():
    report = sq.validate(sq.read_ledgers(DEMO))
    found = {(i.code, i.cell) for i in report.issues}
    planted = {(m["code"], m["ref"]) for m in EXPECTED["mistakes"]}
    assert planted <= found, planted - found
    # Apart from the planted ones: the out-of-year warning that accompanies the planted future
    # date, the 批示 planted in a 备注 cell (read, and a warning asks to move it), and the note that
    # the folder holds last year's ledger too, so this year (the most sheets') is the one counted; and
    # that 民盟县委's WPS ledger, which has no 单位 column, counts for the unit its file name names; and
    # the 县政协编发 issues left undated in the combined ledger that the 采用台账 dates (date.from_issue).
    others = found - planted
    assert {code for code, _ in others} <= {"date.out_of_year", "instruction.in_note", "ledger.several_years",
                                            "sheet.unit_from_name", "date.from_issue"}, others
    assert ("ledger.several_years", "") in others
    assert ("sheet.unit_from_name", "民盟县委2025年社情民意信息.xls!Sheet1") in others
    assert sum(code == "instruction.in_note" for code, _ in others) == 1
    assert report.exit_code == 1


def test_demo_figures_match_the_generator_for_both_years():
    """Every figure the generator planted, worked out by the generator from what it wrote (never
    from a reading of the files): adoptions by tier, 上报 and 上级采用, channels, 专报/转送,
    instructions, items, and every person's and unit's reward to the fen."""
    ledger = sq.read_ledgers(DEMO, roster=DEMO / "名册.xlsx")
    raw = ledger.adoptions.merge(ledger.submissions[["item", "date"]], on="item", suffixes=("", "_item"))
    for year in (EXPECTED["year"], EXPECTED["year"] - 1):
        want = EXPECTED["totals"][str(year)]
        s = sq.summary(ledger, year)
        written = raw[(raw["date_item"].dt.year == year) & raw["channel"].isin(["政协", "党委政府"])]
        assert written.groupby("tier", observed=True)["item"].nunique().to_dict() == {
            t: n for t, n in want["adoptions"].items() if n}
        assert s.adopted_by_tier == want["counted"]["adoptions"]
        assert s.submitted == want["counted"]["items"]
        assert s.instructions == want["counted"]["instructions"]
        # 上报 as counted: what was written as sent up, and what was adopted above 县级 (it went there).
        assert s.forwarded == want["forwarded_counted"]
        assert s.forwarded_adopted == want["forwarded_counted_adopted"]
        assert s.adopted_by_channel == want["adopted_by_channel"]
        assert s.routing == want["routing"]
        paid = sq.rewards(ledger, year)
        assert dict(zip(paid["name"], paid["amount_fen"].astype(int))) == want["rewards_fen"]
        lines = sq.reward_lines(ledger, year)
        assert int(lines["amount_fen"].sum()) == sum(want["rewards_fen"].values())


def test_demo_counts_match_the_generator():
    ledger = sq.read_ledgers(DEMO)
    year = EXPECTED["year"]
    subs = ledger.submissions
    in_year = subs[subs["date"].dt.year == year]
    totals = EXPECTED["totals"][str(year)]
    # One planted date is unreadable and one is in the far future: both are outside the year's dates.
    assert len(in_year) == totals["items"] - 2
    assert ledger.roster is not None and len(ledger.roster.people) == sum(EXPECTED["people"].values())


def test_json_report_shape(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "validate", str(DEMO), "--format", "json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert set(data) == {"records", "issues"}
    assert set(data["records"]) == {"submissions", "adoptions", "instructions"}
    for issue in data["issues"]:
        assert set(issue) == {"code", "severity", "message", "file", "sheet", "row", "column", "cell"}
        assert issue["severity"] in ("error", "warning", "info")


def test_main_job_writes_outputs_and_leaves_ledgers_alone(tmp_path):
    before = _digest(DEMO)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "run", str(DEMO), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 3, result.stderr  # produced, but the planted error rows were left out
    assert "错误 7 条" in result.stdout
    assert _digest(DEMO) == before
    report = json.loads((out / "校验报告.json").read_text(encoding="utf-8"))
    assert len(report["issues"]) == len((out / "校验报告.txt").read_text(encoding="utf-8").split("\n\n")[0].splitlines())
    # The annotated copy marks the planted title.missing cell and lists it in 问题清单.
    mistake = next(m for m in EXPECTED["mistakes"] if m["code"] == "title.missing")
    wb = openpyxl.load_workbook(out / "问题标注" / mistake["file"])
    assert "信息标题为空" in wb[mistake["sheet"]][mistake["cell"]].comment.text
    listed = [row[3] for row in wb["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert mistake["ref"].split("!", 1)[1] in listed  # sheet!cell: the list is inside that file's copy
