"""A sheet named for people who left that lists people another sheet has in post (往届委员对照) says so,
not that they are not read as in post (a probe of the roster reading found every current 委员 warned)."""
import json

from conftest import sqmy, write_xlsx

HEAD = ["序号", "信息标题", "作者", "报送日期"]


def test_people_in_post_on_a_left_sheet_are_said_as_listed(tmp_path):
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "身份", "单位"], ["张三", "委员", "民革县委"], ["李四", "委员", "民盟县委"]],
        "往届委员对照": [["姓名", "身份", "本届单位", "上届单位"], ["张三", "委员", "民革县委", "民革县委"],
                         ["李四", "委员", "民盟县委", "县工商联"], ["王五", "委员", None, "民进县委"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"]]})
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD, [1, "关于规范校外培训的建议", "张三", "2025-04-02"]]})
    report = json.loads(sqmy("validate", ledger, "--roster", roster, "--format", "json").stdout)
    said = sorted((i["code"], i["row"]) for i in report["issues"] if i["code"].startswith("roster.left"))
    # By hand: 张三 (row 2) and 李四 (row 3) are in post on 委员名册; 王五 (row 4) is only on the left
    # sheet, with no 离任 date.
    assert said == [("roster.left_listed", 2), ("roster.left_listed", 3), ("roster.left_no_end", 4)]
    people = {p["name"]: p for p in json.loads(sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025,
                                                    "--format", "json").stdout)}
    assert people["张三"]["quota"] == 2 and people["李四"]["quota"] == 2 and "王五" not in people
