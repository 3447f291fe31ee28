"""The 补差 note names only the items an earlier year paid under rules that stood in for that year.

An office's one rules file (规则.yaml, year 2025, 县级 50.00), counting 2026 by it, with a 2024 book read
beside: the item paid in 2025 under the office's own file and topped up in 2026 owes nothing to the
shipped rules that stand in for 2024. The note used to name it all the same, with the shipped 30.00
rates, and so contradicted the figure it explained."""
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.compute import Period, rewards
from sqmy_lib.rules import load_rules

from conftest import write_xlsx
from test_topup import _office_rules

HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "批示领导", "批示日期"]


def _counted(folder, year: int):
    rules = load_rules(folder / "规则.yaml")
    ledger = sq.read_ledgers(folder / "台账", year=year, rules=rules)
    return sq.compute.counted(ledger, rules)


def test_an_item_paid_under_the_offices_own_year_is_not_in_the_stood_in_years_note(tmp_path):
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "台账2024.xlsx", {"2024年": [["2024年度社情民意信息报送采用登记表"], HEADER,
        [1, "2024-11-20", "关于社区停车位规划的建议", "孙志强", "民革县委", "2024-12-05", None, None, None]]})
    write_xlsx(tmp_path / "台账" / "台账2025.xlsx", {"2025年": [["2025年度社情民意信息报送采用登记表"], HEADER,
        [1, "2025-11-11", "关于完善新就业形态劳动者权益保障的建议", "孙志强", "民革县委", "2025-11-25", None,
         "县长李明", "2026-01-10"]]})
    _office_rules(tmp_path, 2025, 县级="50.00")
    c = _counted(tmp_path, 2026)
    # By hand: 2025 paid 50.00 (县级, own rules); the 县长's 批示 of 10 Jan 2026 doubles it: 100 − 50.
    paid = rewards(c, Period.of(2026, quarter=1))
    assert dict(zip(paid["name"], paid["amount"])) == {"孙志强": Decimal("50.00")}
    assert not [n for n in c.notes if "未找到本单位2024年度" in n]


def test_an_item_a_stood_in_year_paid_is_still_named(tmp_path):
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "台账2024.xlsx", {"2024年": [["2024年度社情民意信息报送采用登记表"], HEADER,
        [1, "2024-11-20", "关于社区停车位规划的建议", "孙志强", "民革县委", "2024-12-05", "2026-02-03", None, None]]})
    _office_rules(tmp_path, 2025, 县级="50.00")
    c = _counted(tmp_path, 2026)
    # By hand: 2024 paid 30.00 at the shipped rates standing in for 2024 (no 规则2024.yaml); 市级 on
    # 3 Feb 2026 at the office's rates (市级 100.00, the file counting 2026): 100 − 30 = 70.
    paid = rewards(c, Period.of(2026, quarter=1))
    assert dict(zip(paid["name"], paid["amount"])) == {"孙志强": Decimal("70.00")}
    [note] = [n for n in c.notes if "未找到本单位2024年度" in n]
    assert "《关于社区停车位规划的建议》30.00元" in note
