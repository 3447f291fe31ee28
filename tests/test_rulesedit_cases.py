"""A city office that edited its own 规则.yaml (sqmy init, then rules check / show / place): its own reward
and points tables, quotas per unit type, its own bulletin 《建言参考》, and last year's rules file beside
this year's. Every figure below is worked out by hand from the ledger rows written here."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import sqmy_lib as sq

from conftest import paid, sqmy

D = dt.datetime
N = None


def _edit(path: Path, *pairs: tuple[str, str]) -> None:
    """Edit the rules file as staff do, in a text editor: each (written, new) once."""
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _ledger(path: Path, year: int, rows: list[list]) -> None:
    """A combined ledger as a city office keeps it: title, 填报单位, a two-row header whose 采用情况 group
    names the office's own bulletin 《建言参考》 and the 市委办专报 beside the 省政协 and 全国政协."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"{year}年"
    ws.append([f"青山市政协{year}年度社情民意信息报送采用登记表"])
    ws.append(["填报单位：青山市政协办公室信息科"])
    ws.append(["序号", "收稿日期", "信息标题", "作者", "报送单位", "采用情况", N, N, N, "领导批示", N, "备注"])
    ws.append([N] * 5 + ["《建言参考》", "市委办专报", "省政协", "全国政协", "批示领导", "批示日期", N])
    for rng in ["A1:L1", "A2:L2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:I3", "J3:K3", "L3:L4"]:
        ws.merge_cells(rng)
    for i, row in enumerate(rows, 1):
        ws.append([i] + row)
    wb.save(path)


@pytest.fixture
def office(tmp_path) -> Path:
    """青山市政协 (市级), 2025, with 规则2024.yaml (last year's rates) beside 规则.yaml."""
    folder = tmp_path / "青山市政协"
    assert sqmy("init", folder, "--year", "2025").returncode == 0
    for template in (folder / "台账").glob("*.xlsx"):
        template.unlink()
    rules = folder / "规则.yaml"
    # The shipped name's line (bulletin: 社情民意) taken out: the office writes its own beside own_tier.
    rules.write_text(re.sub(r"\n  bulletin: .*", "", rules.read_text(encoding="utf-8")), encoding="utf-8")
    _edit(rules,
          ("name: 示例县政协", "name: 青山市政协"), ("full_name: 政协示例县委员会", "full_name: 政协青山市委员会"),
          ("own_tier: 县级", "own_tier: 市级\n  bulletin: 《建言参考》   # 本会信息刊物名称"),
          ("place: 示例县", "place: 青山市"), ("city: 示例市", "city:"), ("province: 示例省", "province: 江南省"),
          ('by_tier: {县级: "30.00", 市级: "100.00", 省级: "200.00", 全国: "300.00"}',
           'by_tier: {县级: "50.00", 市级: "300.00", 省级: "800.00", 全国: "2000.00"}'),
          ("tier_mode: highest", "tier_mode: sum"),
          ("adoption_by_tier: {县级: 3, 市级: 10, 省级: 20, 全国: 30}", "adoption_by_tier: {县级: 1, 市级: 5, 省级: 15, 全国: 30}"),
          ("instruction_by_level: {县级: 0, 市级: 10, 省级: 20, 国家级: 30}",
           "instruction_by_level: {县级: 0, 市级: 5, 省级: 10, 国家级: 20}"),
          ("镇街政协工委: {per: month, items: 3, adopted: 1, adopted_min_tier: 市级, start_month: 1}", "县区政协: {per: year, items: 3}"),
          ("民主党派: {per: quarter, items: 3, start_month: 1}", "民主党派: {per: year, items: 2}"),
          ("委员: {per: year, items: 2, prorate: false}", "委员: {per: year, items: 3, prorate: false}"),
          ("  镇街政协工委: {top_n: 3}", "  县区政协: {top_n: 1}"), ("  民主党派: {top_n: 1}", "  民主党派: {top_n: 2}"),
          ("outstanding_informant: {min_submitted: 5, min_adopted: 3, max_count: 10}",
           "outstanding_informant: {min_submitted: 3, min_adopted: 2, max_count: 2}"))
    last = rules.read_text(encoding="utf-8").replace("year: 2025", "year: 2024", 1).replace(
        'by_tier: {县级: "50.00", 市级: "300.00", 省级: "800.00", 全国: "2000.00"}',
        'by_tier: {县级: "50.00", 市级: "200.00", 省级: "600.00", 全国: "1500.00"}', 1)
    (folder / "规则2024.yaml").write_text(last, encoding="utf-8")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注"])
    for row in (["张伟", "委员", "民盟市委"], ["李娜", "委员", "民建市委"], ["赵敏", "委员", "九三学社市委"],
                ["陈刚", "委员", "东坡区政协"], ["王强", "信息员", "九三学社市委", N, D(2025, 1, 1)],
                ["刘洋", "信息员", "西岭县政协", N, D(2025, 1, 1)]):
        ws.append(row)
    units = wb.create_sheet("单位")
    units.append(["单位名称", "单位类型", "备注"])
    for row in (["民盟市委", "民主党派"], ["民建市委", "民主党派"], ["九三学社市委", "民主党派"],
                ["东坡区政协", "县区政协"], ["西岭县政协", "县区政协"]):
        units.append(row)
    wb.save(folder / "名册.xlsx")

    _ledger(folder / "台账" / "2024年台账.xlsx", 2024, [
        [D(2024, 12, 10), "关于做好冬季供暖保障的建议", "张伟", "民盟市委", D(2024, 12, 15), N, D(2025, 1, 20), N, N, N, N]])
    _ledger(folder / "台账" / "2025年台账.xlsx", 2025, [
        [D(2025, 1, 10), "关于加强老旧小区加装电梯的建议", "张伟", "民盟市委", "第1期", N, D(2025, 3, 2), N, N, N, N],
        [D(2025, 1, 15), "关于规范校外培训机构收费的建议", "李娜", "民建市委", "第2期", N, N, N, "市委书记王某", D(2025, 2, 10), N],
        [D(2025, 2, 3), "关于保障农村饮水安全的建议", "王强、赵敏", "九三学社市委", N, D(2025, 2, 10), N, N, "市长李某", D(2025, 3, 1), N],
        [D(2025, 2, 20), "关于缓解中小企业融资难的建议", "民盟市委", "民盟市委", N, N, N, D(2025, 3, 25), N, N, "以党派名义报送"],
        [D(2025, 3, 5), "关于发展社区养老服务的建议", "张伟", "民盟市委", N, N, N, N, N, N, N],
        [D(2025, 3, 10), "关于治理城区停车难的建议", "李娜", "民建市委", "第5期", N, N, N, N, N, N],
        [D(2025, 3, 12), "关于加强河道治理的建议", "陈刚", "东坡区政协", "第6期", N, N, N, N, N, N],
        [D(2025, 3, 20), "关于发展乡村旅游的建议", "刘洋", "西岭县政协", N, N, N, N, N, N, N],
        [D(2025, 2, 5), "关于推进垃圾分类的建议", "刘洋", "西岭县政协", N, N, N, N, N, N, N],
        [D(2025, 1, 20), "关于落实河长制的建议", "陈刚", "东坡区政协", N, N, N, N, N, N, N],
        [D(2025, 3, 25), "关于改善农村道路的建议", "陈刚", "东坡区政协", N, N, N, N, N, N, N],
        [D(2025, 3, 15), "关于建设电动车充电设施的建议", "王强", "九三学社市委", "第7期", N, N, N, N, N, N],
        [D(2025, 6, 1), "关于规范夜市管理的建议", "张伟", "民盟市委", "《建言参考》第12期", N, N, N, N, N, N],
        [D(2025, 7, 10), "关于优化公交线路的建议", "李娜", "民建市委", N, N, N, N, N, N, N],
        [D(2025, 8, 1), "关于规范物业管理的建议", "赵敏", "九三学社市委", N, N, N, N, N, N, N]])
    return folder


def _read(office: Path):
    rules = sq.load_rules(office / "规则.yaml", year=2025)
    return sq.read_ledgers(office / "台账", roster=office / "名册.xlsx", rules=rules, year=2025)


def test_the_office_bulletin_is_named_as_the_office_names_it(office):
    """office.bulletin: 《建言参考》. Before, the key was refused (rules check: 未知配置项) and the circular
    said 编发《社情民意》5期5条 of an office whose bulletin is 《建言参考》 — a default in a document
    the office edited. Q1 2025 by hand: 《建言参考》 items 1, 2, 6, 7, 12 (第1、2、5、6、7期): 5期5条;
    the 市委办专报 of item 3 besides; 12 items received (rows 1–12)."""
    assert sqmy("rules", "check", office / "规则.yaml").returncode == 0
    ledger = _read(office)
    circ = sq.quarterly_circular(ledger, 2025, 1)
    assert "共收到社情民意信息12条" in circ.statistics_text
    assert "编发《建言参考》5期5条" in circ.statistics_text
    assert "《社情民意》" not in circ.statistics_text
    from sqmy_lib.render.circular_text import BASIC

    text = "".join(s for s in (part(circ, {}) for part in BASIC) if isinstance(s, str))
    assert "除编发《建言参考》外，还报送专报1条" in text

    # The same office's figures, by hand (2025; 2025 rates 市级 300, 省级 800, 全国 2000, sum of tiers, ×2 with 批示):
    #   张伟: item 1 市级+省级 1100; item 13 市级 300; the 2024 item's 省级 in 2025: worth 300+800 = 1100 at 2025's
    #         rates less 200 paid in 2024 under 规则2024.yaml (its 市级 200) = 900  → 2300.00
    #   李娜: item 2 300×2 = 600; item 6 300 → 900.00;  王强: half of item 3 (300×2)/2 = 300, item 12 300 → 600.00
    #   赵敏: half of item 3 → 300.00;  陈刚: item 7 → 300.00;  民盟市委 (in its own name): item 4 全国 → 2000.00
    assert paid(ledger, 2025) == {"张伟": Decimal("2300.00"), "民盟市委": Decimal("2000.00"), "李娜": Decimal("900.00"),
                                  "王强": Decimal("600.00"), "赵敏": Decimal("300.00"), "陈刚": Decimal("300.00")}
    # Points (1 a submission; highest tier 市级 5, 省级 15, 全国 30; 批示 市级 +5): 民盟 16+31+1+6 + the 2024
    # item's growth 16−6 = 64; 民建 11+6+1 = 18, 九三 11+6+1 = 18 (2 adopted, 3 sent each: 并列第2名);
    # 东坡 6+1+1 = 8, 西岭 1+1 = 2.
    units = sq.units(ledger, 2025).set_index("unit")
    assert units["points"].to_dict() == {"民盟市委": 64, "民建市委": 18, "九三学社市委": 18, "东坡区政协": 8, "西岭县政协": 2}
    assert units.loc["民建市委", "rank_text"] == units.loc["九三学社市委", "rank_text"] == "并列第2名"
    # Quotas per year: 民主党派 2 (民盟 4 → 200%), 县区政协 3 (西岭 2 → 66.7%).
    assert units.loc["民盟市委", "completion"] == 2.0
    assert units.loc["西岭县政协", "completion"] == pytest.approx(2 / 3)


def test_the_bulletin_alone_places_its_cells_as_the_office_own(office):
    """With office.bulletin set and no product_words entry, 《建言参考》第12期 written in a cell is the office's
    own adoption (市级), as 《社情民意》第3期 is: rules place says so, and the item is paid 300.00 (张伟's
    item 13, the only adoption of June)."""
    ran = sqmy("rules", "place", "《建言参考》第12期", "--rules", office / "规则.yaml")
    assert ran.returncode == 0 and "市级" in ran.stdout, ran.stdout + ran.stderr
    ledger = _read(office)
    assert paid(ledger, sq.Period.of(2025, month=6)) == {"张伟": Decimal("300.00")}


def _without_bulletin(office: Path) -> None:
    """The office's rules files as a version before office.bulletin wrote them: no such line, its journal
    mapped as the office's own by its name (placement.product_words: 建言参考: own)."""
    for name in ("规则.yaml", "规则2024.yaml"):
        path = office / name
        text = re.sub(r"\n  bulletin: .*", "", path.read_text(encoding="utf-8"))
        path.write_text(text.replace("    转送: null\n", "    转送: null\n    建言参考: own\n", 1), encoding="utf-8")


def test_rules_show_says_the_bulletin(office):
    """sqmy rules show (the appendix an office prints) names the office's bulletin."""
    ran = sqmy("rules", "show", "--rules", office / "规则.yaml")
    assert ran.returncode == 0, ran.stderr
    assert "本会信息刊物为《建言参考》" in ran.stdout


def test_rules_show_says_the_journal_names_the_office_mapped(office):
    """The journal names the office mapped to a tier (placement.product_words: 青山要情: 市级, 建言参考: own)
    are how its cells are read, and the appendix left them out: a reader of the printed rules could not
    tell why 《青山要情》第8期 was paid as 市级. Now each is said."""
    _without_bulletin(office)
    _edit(office / "规则.yaml", ("    建言参考: own\n", "    建言参考: own\n    青山要情: 市级\n"))
    ran = sqmy("rules", "show", "--rules", office / "规则.yaml")
    assert ran.returncode == 0, ran.stderr
    assert "“建言参考”为市级、“青山要情”为市级" in ran.stdout, ran.stdout


def test_last_years_file_with_this_years_year_is_named(office):
    """规则2024.yaml copied from this year's file with its year: left at 2025 is not 2024's rules: the 2024
    payment is then worked out with the shipped rules (市级 100), and the note said 未找到…规则2024.yaml
    with that very file beside it. Now the note names the file and what its year says."""
    _without_bulletin(office)
    _edit(office / "规则2024.yaml", ("year: 2024", "year: 2025"))
    ran = sqmy("compute", "rewards", office, "--year", "2025")
    assert ran.returncode == 0, ran.stderr
    assert "规则2024.yaml 中写的是 year: 2025,不是2024年度的规则" in ran.stderr, ran.stderr
    # …and the figure it stands under: 2024's 市级 taken as the shipped 100.00, 张伟's 2024 item tops up
    # 1100 − 100 = 1000 (with the office's 规则2024.yaml, 900): 1100 + 300 + 1000 = 2400.00.
    assert "张伟" in ran.stdout and "2400.00" in ran.stdout


def test_rules_show_in_the_office_folder_says_its_rules_are_not_the_ones_shown(office, monkeypatch):
    """sqmy rules show run in the office folder (as 使用说明 has staff run sqmy there) prints the built-in
    rules: 市级 100.00元 where the office's 规则.yaml says 300.00元, printed as the appendix of a 通知 with
    nothing saying whose rules they are. Now stderr names the file not used and the --rules that would use
    it; with --rules the office's own rates are shown and nothing is said."""
    monkeypatch.chdir(office)
    ran = sqmy("rules", "show")
    assert ran.returncode == 0
    assert "市级 100.00元" in ran.stdout  # the built-in rules, as documented (默认用内置规则)…
    assert "未使用本单位的 规则.yaml" in ran.stderr and "--rules 规则.yaml" in ran.stderr  # …said to be so
    monkeypatch.chdir(office / "台账")
    assert "未使用本单位的" in sqmy("rules", "place", "市政协").stderr
    monkeypatch.chdir(office)
    ran = sqmy("rules", "show", "--rules", "规则.yaml")
    assert "市级 300.00元" in ran.stdout and "未使用" not in ran.stderr
