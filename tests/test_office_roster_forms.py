"""An office folder's roster saved again from WPS as 名册.xls is the office's roster.

``sqmy init`` writes 名册.xlsx; a clerk who keeps it in WPS saves 名册.xls and deletes the blank one.
The roster was then not read at all (no 身份, no 任务, nobody behind), said only as a workbook
outside 台账/."""

import datetime as dt
import json

from conftest import sqmy, write_xls

PEOPLE = [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
          ["王建国", "信息员", "城关镇政协工委", dt.date(2025, 1, 1), None],
          ["张明华", "委员", "民革青山县委", dt.date(2022, 1, 1), None]]
UNITS = [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["民革青山县委", "民主党派"]]


def _office(tmp_path, *roster_names):
    office = tmp_path / "青山县政协"
    assert sqmy("init", office).returncode == 0
    (office / "名册.xlsx").unlink()
    for name in roster_names:
        write_xls(office / name, {"人员": PEOPLE, "单位": UNITS})
    write_xls(office / "台账" / "2025年台账.xls", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, dt.date(2025, 6, 10), "关于加快农村物流体系建设的建议", "王建国", "城关镇政协工委"]]})
    return office


def test_a_roster_saved_as_xls_gives_roles_and_quotas(tmp_path):
    office = _office(tmp_path, "名册.xls")
    ran = sqmy("compute", "people", office, "--year", 2025, "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert "名册.xls" in ran.stderr.split("\n")[0]  # said as read
    people = {p["name"]: p for p in json.loads(ran.stdout)}
    # By hand (shipped rules: a 信息员 one item a month): 王建国 in post all 2025, 任务 12; his one
    # item came in June, so every other month is missed. 张明华, 委员: nothing sent.
    assert people["王建国"]["role"] == "信息员"
    assert people["王建国"]["quota"] == 12
    assert people["王建国"]["missed_months"] == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]
    assert people["张明华"]["role"] == "委员" and people["张明华"]["submitted"] == 0


def test_two_rosters_the_xlsx_is_read_and_the_other_said(tmp_path):
    office = _office(tmp_path, "名册.xls")
    write_xls(office / "名册.ods.xls", {"人员": PEOPLE})  # not a roster name: no effect on which is read
    (office / "名册.xlsm").write_bytes((office / "名册.xls").read_bytes())
    ran = sqmy("compute", "people", office, "--year", 2025, "--format", "json")
    assert "有 2 份名册,读取 名册.xls,未读取 名册.xlsm" in ran.stderr
