"""The synthetic ledgers: deterministic, readable, and their deliberate mistakes where they say they are."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from sqmy_lib import synth
from sqmy_lib.rules import load_rules
from sqmy_lib.synth import write_archive, write_demo_office

REPO_DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
TITLE_LABELS = {"信息标题", "标题", "题目"}
AUTHOR_LABELS = {"作者", "报送人", "反映人"}
TIER_LABELS = {label for labels in synth.TIER_LABELS for label in labels}


def sheets(path: Path) -> dict[str, list[list]]:
    """Every sheet of a workbook as rows from A1 (so list indexes are Excel row/column - 1)."""
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in wb.sheet_names}


def workbooks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".xls"))


def cell(rows: list[list], ref: str):
    """The value at an Excel reference like ``C17``; '' outside the used range."""
    letters, number = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    r, c = int(number) - 1, col - 1
    return rows[r][c] if r < len(rows) and c < len(rows[r]) else ""


def shown(value) -> str:
    return value.isoformat()[:10] if isinstance(value, (dt.date, dt.datetime)) else str(value)


def header_col(rows: list[list], labels: set[str]) -> tuple[int, int] | None:
    """(row, column) of the first header cell whose label (spaces removed) is in ``labels``."""
    for r, row in enumerate(rows[:6]):
        for c, value in enumerate(row):
            if re.sub(r"\s", "", str(value)) in labels:
                return r, c
    return None


def column_values(rows: list[list], labels: set[str]) -> list[tuple[int, object]]:
    """(Excel row, value) of the text cells under a header, skipping 小计/合计 counts and notes."""
    found = header_col(rows, labels)
    if found is None:
        return []
    r0, c = found
    return [(r + 1, row[c]) for r, row in enumerate(rows) if r > r0 and isinstance(row[c], str) and row[c]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("demo")
    return out, write_demo_office(out)


def test_demo_is_deterministic(demo, tmp_path):
    out, summary = demo
    again = write_demo_office(tmp_path)
    assert again == summary
    assert [p.name for p in workbooks(tmp_path)] == [p.name for p in workbooks(out)]
    for path in workbooks(out):
        assert sheets(path) == sheets(tmp_path / path.name), path.name


def test_demo_files_open(demo):
    out, summary = demo
    names = summary["files"]
    assert {p.name for p in workbooks(out)} == set(names.values())
    for path in workbooks(out):
        assert any(rows for rows in sheets(path).values()), path.name
    assert (out / names["unit"]).read_bytes()[:4] == bytes.fromhex("D0CF11E0")  # BIFF8 in an OLE2 container
    assert (out / names["combined"]).read_bytes()[:2] == b"PK"
    assert list(sheets(out / names["combined"])) == list(synth.QUARTERS)
    assert list(sheets(out / names["roster"])) == ["人员", "单位"]
    assert (out / "README.md").exists() and (out / "expected.json").exists()


def test_demo_mistakes_are_where_recorded(demo):
    out, summary = demo
    mistakes = summary["mistakes"]
    assert 6 <= len(mistakes) <= 10
    assert sorted(m["code"] for m in mistakes) == sorted(synth.MISTAKE_CODES)
    assert len({m["ref"] for m in mistakes}) == len(mistakes)
    readme = (out / "README.md").read_text(encoding="utf-8")
    for m in mistakes:
        rows = sheets(out / m["file"])[m["sheet"]]
        assert shown(cell(rows, m["cell"])) == m["value"], m
        assert m["ref"] == f"{m['file']}!{m['sheet']}!{m['cell']}"
        assert m["ref"] in readme and m["code"] in readme


def test_demo_totals(demo):
    _, summary = demo
    year = summary["year"]
    now, before = summary["totals"][str(year)], summary["totals"][str(year - 1)]
    assert 250 <= now["items"] <= 350
    assert 150 <= before["items"] < now["items"]
    assert all(now["adoptions"][tier] > 0 for tier in synth.TIERS)
    assert now["adoptions"]["县级"] > now["adoptions"]["市级"] > now["adoptions"]["省级"] >= 8
    assert 1 <= now["adoptions"]["全国"] <= 2
    assert 15 <= now["instructions"] <= 20
    assert now["coauthored"] > 0 and now["in_unit_name"] > 0
    assert summary["units_without_submissions"] == [synth.SILENT_UNIT]
    assert sum(summary["items_by_file"].values()) == now["items"]


def test_demo_has_no_accidental_mistakes(demo):
    """Titles are unique and every author is on the roster, except the one planted unknown person."""
    out, summary = demo
    roster = sheets(out / summary["files"]["roster"])
    known = {row[0] for row in roster["人员"][1:]} | {row[0] for row in roster["单位"][1:]}
    titles, strangers = [], []
    for key in ("combined", "register", "unit", "previous"):
        for name, rows in sheets(out / summary["files"][key]).items():
            titles += [v for _, v in column_values(rows, TITLE_LABELS)]
            for row, value in column_values(rows, AUTHOR_LABELS):
                for author in re.split(r"[、,,\s]+", value):
                    if re.sub(r"[((].*?[))]", "", author) not in known:
                        strangers.append((summary["files"][key], name, row, author))
    assert len(titles) == len(set(titles))
    planted = [m for m in summary["mistakes"] if m["code"] == "roster.unknown_person"]
    assert [(f, s, r) for f, s, r, _ in strangers] == [(m["file"], m["sheet"], int(m["cell"][1:])) for m in planted]


def test_vocabulary_matches_the_rules():
    rules = load_rules(year=2026)
    for canonical, spellings in synth.CATEGORY_SPELLINGS.items():
        assert canonical in synth.TOPICS
        for spelled in (canonical, *spellings):
            assert rules.category_of(spelled) == canonical, spelled
    assert rules.category_of("杂项") is None
    for tier, bodies in synth.BODIES.items():
        for body, numbering in bodies:
            assert rules.tier_of(body + numbering.format(n=15, y=2026)) == tier, body
    routed = rules.place(synth.ROUTED_BODY)
    assert (routed.routing, routed.channel) == ("转送", "部门")
    party = rules.place(synth.PARTY_BODY)
    assert party.channel == "民主党派统战" and not rules.channel_counts(party.channel, "paid")
    for labels in synth.TIER_LABELS:
        assert [rules.tier_of(label) for label in labels] == list(synth.TIERS)
    level = {"县级": "县级", "市级": "市级", "省级": "省级", "全国": "省级"}
    for tier, leaders in synth.LEADERS.items():
        assert {rules.leader_level_of(leader) for leader in leaders} == {level[tier]}
    for role in ("委员", "信息员", "特邀信息员", "特约信息员"):
        assert rules.role_of(role) is not None
    assert {kind for _, kind in synth.DEMO_UNITS} <= set(rules.unit_types)


def test_checked_in_demo_is_current(demo):
    """workbooks/demo holds what write_demo_office writes today (regenerate with its generate.py)."""
    out, summary = demo
    if not REPO_DEMO.exists():
        pytest.skip("no workbooks/demo in this checkout")
    for path in workbooks(out):
        assert sheets(REPO_DEMO / path.name) == sheets(path), path.name


def count_archive(path: Path) -> tuple[int, int]:
    """(items, adoptions) in one archive workbook: title cells, and tier marks or 采用台账 rows."""
    items = adoptions = 0
    for name, rows in sheets(path).items():
        if name == "采用台账":
            adoptions += len(column_values(rows, {"采用单位/刊物"}))
            continue
        r0, c_title = header_col(rows, TITLE_LABELS)
        tier_cols = [c for c, v in enumerate(rows[r0 + 1]) if v in TIER_LABELS]
        for row in rows[r0 + 1:]:
            if isinstance(row[c_title], str) and row[c_title]:
                items += 1
                adoptions += sum(1 for c in tier_cols if row[c] != "")
    return items, adoptions


def test_archive_small(tmp_path):
    paths = write_archive(tmp_path / "a", n_workbooks=6, items=3000, adoptions=750, workers=1)
    assert len(paths) == len(set(paths)) == 6
    assert all(p.exists() and p.parent.name.endswith("县政协") for p in paths)
    counts = [count_archive(p) for p in paths]
    assert sum(i for i, _ in counts) == 3000
    assert abs(sum(a for _, a in counts) - 750) <= 6
    layouts = {"采用台账" in sheets(p) for p in write_archive(tmp_path / "b", n_workbooks=12, items=600,
                                                           adoptions=150, workers=1)}
    assert layouts == {True, False}  # both the combined and the separate layout occur


def test_archive_parallel_matches_inline(tmp_path):
    inline = write_archive(tmp_path / "one", n_workbooks=3, items=900, adoptions=200, workers=1)
    pooled = write_archive(tmp_path / "two", n_workbooks=3, items=900, adoptions=200, workers=2)
    for a, b in zip(inline, pooled):
        assert a.relative_to(tmp_path / "one") == b.relative_to(tmp_path / "two")
        assert a.read_bytes() == b.read_bytes()
