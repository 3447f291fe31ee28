"""Feedback letters, the 委员履职档案, the 信息员考核表 and the 采用证明 (issue 15), on real files.

The demo office's letters are run once through the real CLI (the notebook by papermill on the real
kernel) and each letter is read back from the .docx and compared with ``sqmy compute people`` /
``units`` (JSON, from another process); the duties export with the demo generator's own totals
(``expected.json``); a small hand-made ledger with numbers worked out by hand.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import write_xlsx

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
ROSTER = DEMO / "名册.xlsx"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
UNSAFE = set('/\\:*?"<>|')


def sqmy(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=600)


def compute(what: str, *period) -> list[dict]:
    result = sqmy("compute", what, DEMO, "--roster", ROSTER, "--year", 2025, *period, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def plain(text: str) -> str:
    """Document text with full-width punctuation folded, for matching sentences."""
    return text.translate(str.maketrans("，；：（）", ",;:()"))


def read_letter(path: Path) -> tuple[str, list[list[list[str]]]]:
    d = docx.Document(str(path))
    text = plain("\n".join(p.text for p in d.paragraphs))
    tables = [[[plain(c.text) for c in row.cells] for row in t.rows] for t in d.tables]
    return text, tables


def item_rows(tables) -> list[list[str]]:
    """The rows of the items table (the one headed 序号 | 信息标题 …), header left out."""
    for t in tables:
        if t and t[0][:2] == ["序号", "信息标题"]:
            return t[1:]
    return []


def sentence_figures(text: str, row: dict, tiers=("县级", "市级", "省级", "全国")) -> None:
    """The figures sentence says the row's numbers, a clause whose number is 0 left out; the
    breakdown of 被采用 is by each item's highest tier, so it adds up to the number adopted."""
    line = next(x for x in text.split("\n") if x.startswith(("2025年", "2026年")) and "报送" in x)
    submitted, adopted, instructed = row["submitted"], row["adopted"], row["instructed"]
    if submitted:
        assert f"报送社情民意信息{submitted}条" in line, line
    else:
        assert line.count("未报送") == 1 and "报送社情民意信息" not in line.replace("未报送", ""), line
    if adopted:
        said = re.search(rf"被采用{adopted}条\(([^)]*)\)", line).group(1)
        # (市级), (均为县级) or (其中市级1条、县级2条): highest first, adding up to the total
        split = ([(said.removeprefix("均为"), adopted)] if "其中" not in said else
                 [(t, int(n)) for t, n in re.findall(r"([^、\d]+)(\d+)条", said.removeprefix("其中"))])
        assert sum(n for _, n in split) == adopted, line
        named = [t for t, _ in split]
        assert named == sorted(named, key=tiers.index, reverse=True), line
        reached = [t for t in tiers if row[f"adopted_{t}"]]  # an item's highest tier is one it reached
        assert set(named) <= set(reached) and named[0] == reached[-1], (line, reached)
    else:
        assert "被采用" not in line, line
    assert (f"获领导批示{instructed}件" in line) if instructed else ("批示" not in line), line
    no_zero(text)


def no_zero(text: str) -> None:
    """No clause of a letter is written with a 0: 0条, 0件, 0分, 完成率0.0%."""
    assert not re.search(r"(?<![0-9.])0(条|件|分|\.0%)", text), text


# ---------------------------------------------------------------- the demo office, Q4, via the CLI

@pytest.fixture(scope="module")
def q4(tmp_path_factory):
    out = tmp_path_factory.mktemp("feedback") / "反馈函"
    result = sqmy("feedback", DEMO, "--roster", ROSTER, "--year", 2025, "--quarter", 4, "--out", out, "--date", "2026-01-08")
    assert result.returncode == 3, result.stderr  # produced; the demo's planted error rows left out, said
    return out


@pytest.fixture(scope="module")
def q4_people():
    return compute("people", "--quarter", 4)


@pytest.fixture(scope="module")
def q4_units():
    return compute("units", "--quarter", 4)


@pytest.fixture(scope="module")
def year_units():
    return compute("units")


def _index(out: Path) -> list[dict]:
    [index] = out.glob("*索引.xlsx")
    ws = openpyxl.load_workbook(index).active
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    return [dict(zip(head, r)) for r in rows[1:]]


def test_one_letter_per_unit_and_per_member_with_a_quota(q4, q4_people, q4_units):
    index = _index(q4)
    units = [r["收函单位或个人"] for r in index if r["类别"] == "单位"]
    people = [r["收函单位或个人"] for r in index if r["类别"] == "个人"]
    assert sorted(units) == sorted(u["unit"] for u in q4_units)
    held = lambda p: (p["appointed_on"] or "") <= "2025-12-31" and (p["ended_on"] or "9999") >= "2025-10-01"
    with_quota = {p["name"] for p in q4_people if p["quota"] is not None and held(p)}  # a role held in Q4
    active = {p["name"] for p in q4_people if p["submitted"] or p["adopted"] or p["instructed"]}
    assert sorted(people) == sorted(with_quota | active)
    assert len(people) == len(set(people))  # one letter per person
    assert EXPECTED["units"] == len(units)
    assert sum(EXPECTED["people"].values()) <= len(people)
    for r in index:  # every file named in the index is there, with a Windows-safe name
        path = q4 / r["文件名"]
        assert path.is_file(), path
        assert not (set(path.name) & UNSAFE) and len(path.name) < 120
    assert (q4 / "2025年第四季度社情民意信息反馈函.ipynb").is_file()
    page = (q4 / "2025年第四季度社情民意信息反馈函.html").read_text(encoding="utf-8")
    assert f"共生成反馈函{len(index)}份" in page and '<p class="to">' not in page  # no 主送 line: the index has none


def _says_place(text: str, u: dict, peers: int) -> None:
    """A unit's place as ``compute units`` gives it (排第2名, 并列第1名), and none for a unit alone in
    its group or one with nothing sent and no points."""
    if peers < 2 or not (u["submitted"] or u["points"]):
        assert "个单位中" not in text
        return
    tied = u["rank_text"].startswith("并列")
    assert u["rank_text"] == f"{'并列' if tied else ''}第{u['rank']}名"
    assert f"在{u['peer_group']}{peers}个单位中{'' if tied else '排'}{u['rank_text']}" in text


def test_unit_letters_say_the_figures_of_compute_units(q4, q4_units, year_units):
    index = {r["收函单位或个人"]: r["文件名"] for r in _index(q4) if r["类别"] == "单位"}
    groups: dict[str, int] = {}
    for u in q4_units:
        groups[u["peer_group"]] = groups.get(u["peer_group"], 0) + 1
    whole = {u["unit"]: u for u in year_units}
    for u in q4_units:
        text, tables = read_letter(q4 / index[u["unit"]])
        sentence_figures(text, u)
        # The place is the year's (the circular's 附件1 ranks the year to date, here the whole year),
        # the quarter's points said as the quarter's.
        y = whole[u["unit"]]
        _says_place(text, y, groups[u["peer_group"]])
        assert (f"本季度得{u['points']}分" in text) if u["points"] else ("本季度得" not in text)
        assert (f"全年累计得{y['points']}分" in text) if y["points"] else ("计分" not in text)
        rows = item_rows(tables)
        # every item once: submitted in Q4 (its date in Oct–Dec) as many as the figure says, 批示 rows too
        in_q4 = [r for r in rows if re.match(r"1[012]月", r[3])]
        assert len(in_q4) == u["submitted"], u["unit"]
        assert sum(1 for r in rows if r[5]) == u["instructed"], u["unit"]
        assert len({(r[1], r[3]) for r in rows}) == len(rows)
        if u["no_submission"]:
            assert "本期没有报送社情民意信息" in text
        if u["behind"]:  # what is short, as computed, except a part with nothing done: said without its 0
            assert all(part in text for part in plain(u["shortfall"]).split(";") if not re.search(r"\D0条", part))


def test_person_letters_say_the_figures_of_compute_people(q4, q4_people):
    index = {r["收函单位或个人"]: r["文件名"] for r in _index(q4) if r["类别"] == "个人"}
    first = {}
    for p in q4_people:
        first.setdefault(p["name"], p)
    for name, path in index.items():
        p = first[name]
        text, tables = read_letter(q4 / path)
        sentence_figures(text, p)
        rows = item_rows(tables)
        assert len([r for r in rows if re.match(r"1[012]月", r[3])]) == p["submitted"], name
        assert sum(1 for r in rows if r[5]) == p["instructed"], name
        reward = p["reward"] or "0.00"
        if float(reward):
            assert f"本期应发稿酬{float(reward):,.2f}元" in text
            lines = next(t for t in tables if t[0][0] == "信息标题" and "金额(元)" in t[0])
            at = lines[0].index("金额(元)")  # a 说明 column after it when a line is a 补差
            assert round(sum(float(r[at].replace(",", "")) for r in lines[1:]), 2) == round(float(reward), 2)
        else:
            assert "本期没有应发的稿酬" in text
        for role in (x for x in q4_people if x["name"] == name):
            if role["missed_months"]:
                months = "、".join(f"{m}月" for m in role["missed_months"])
                assert f"本期{months}没有报送信息" in text


# ---------------------------------------------------------------- exports for the demo year

@pytest.fixture(scope="module")
def year_people():
    return compute("people")


def test_duties_export_matches_the_generator_and_compute(tmp_path, year_people):
    out = tmp_path / "履职档案.xlsx"
    result = sqmy("export", "duties", DEMO, "--roster", ROSTER, "--year", 2025, "--out", out)
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    head = list(rows[0])
    assert head[:6] == ["年度", "姓名", "界别", "单位", "报送条数", "采用条数"]
    assert head[-3:] == ["稿酬（元）", "采用信息标题", "备注"]
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"`(年度, 姓名, [^`]*)`", readme).group(1)
    assert head == [c.strip() for c in " ".join(documented.split()).split(",")]  # the stable format, as documented
    data = [dict(zip(head, r)) for r in rows[1:]]
    members = [p for p in year_people if p["role"] == "委员"]
    assert len(data) == len(members) == EXPECTED["people"]["委员"]
    # 稿酬 per member: the demo generator's own figure (expected.json), to the fen
    fen = EXPECTED["totals"]["2025"]["rewards_fen"]
    for r in data:
        assert round(float(r["稿酬（元）"]) * 100) == fen.get(r["姓名"], 0), r["姓名"]
    # the figures sum to compute people's for the 委员
    for label, key in (("报送条数", "submitted"), ("采用条数", "adopted"), ("批示件数", "instructed")):
        assert sum(int(r[label]) for r in data) == sum(p[key] for p in members)
    for r in data:  # adoptions by tier add up to 采用 only when no item reached two tiers: never more
        assert sum(int(r[f"{t}采用"]) for t in ("县级", "市级", "省级", "全国")) >= int(r["采用条数"])
        assert r["采用信息标题"] is None or r["采用信息标题"].count("《") <= int(r["采用条数"])
    csv_out = tmp_path / "履职档案.csv"
    assert sqmy("export", "duties", DEMO, "--roster", ROSTER, "--year", 2025, "--out", csv_out).returncode == 0
    lines = csv_out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[:6] == head[:6] and len(lines) == len(data) + 1


def test_appraisal_months_agree_with_missed_months(tmp_path, year_people):
    out = tmp_path / "考核.xlsx"
    result = sqmy("export", "appraisal", DEMO, "--roster", ROSTER, "--year", 2025, "--out", out)
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    head = list(rows[0])
    assert head[-3:] == ["考核等次", "等次说明", "续聘意见"]
    data = [dict(zip(head, r)) for r in rows[1:]]
    informants = {(p["name"], p["role"]): p for p in year_people if p["role"] in ("信息员", "特邀信息员")}
    assert len(data) == len(informants) == EXPECTED["people"]["信息员"] + EXPECTED["people"]["特邀信息员"]
    for r in data:
        p = informants[(r["姓名"], r["身份"])]
        assert int(r["无信息月数"]) == len(p["missed_months"])
        assert (r["无信息月份"] or "") == "、".join(f"{m}月" for m in p["missed_months"])
        assert int(r["有信息月数"]) + int(r["无信息月数"]) == int(r["应报月数"])
        assert int(r["报送"]) == p["submitted"] and int(r["采用"]) == p["adopted"]
        assert r["续聘意见"] in (None, "")
        # the shipped thresholds: 优秀 every month and 3 adopted; 不称职 under half the months; no month
        # due, not graded (never 不称职: nothing was due to be judged)
        if not int(r["应报月数"]):
            assert r["考核等次"] == "不参加评定" and r["等次说明"].startswith("应报月数为0")
            continue
        share = int(r["有信息月数"]) / int(r["应报月数"])
        if share == 1 and int(r["采用"]) >= 3:
            assert r["考核等次"] == "优秀"
        if share < 0.5:
            assert r["考核等次"] == "不称职"
        assert r["等次说明"] in (None, "")


def test_year_letters_say_the_figures_of_compute(tmp_path, year_people):
    """The letters for the whole year (no --quarter), written in-process, against compute for the year."""
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    year_units = compute("units")
    ledger = sq.read_ledgers(str(DEMO), roster=str(ROSTER), year=2025)
    paths = write_feedback_outputs(build_feedback(ledger, 2025), tmp_path, date="2026-01-08")
    letters = {k: read_letter(v) for k, v in paths.items() if v.suffix == ".docx"}
    assert len([k for k in letters if k.startswith("单位:")]) == len(year_units) == EXPECTED["units"]
    groups: dict[str, int] = {}
    for u in year_units:
        groups[u["peer_group"]] = groups.get(u["peer_group"], 0) + 1
    for u in year_units:
        text, tables = letters[f"单位:{u['unit']}"]
        assert "2025年," in text
        sentence_figures(text, u)
        _says_place(text, u, groups[u["peer_group"]])
        rows = item_rows(tables)
        assert sum(1 for r in rows if r[5]) == u["instructed"]
    first: dict = {}
    for p in year_people:
        first.setdefault(p["name"], p)
    people = [k for k in letters if k.startswith("个人:")]
    assert len(people) >= sum(EXPECTED["people"].values())
    fen = EXPECTED["totals"]["2025"]["rewards_fen"]
    for key in people:
        name = key.split(":", 1)[1]
        text, tables = letters[key]
        sentence_figures(text, first[name])
        if fen.get(name):  # the generator's own money for the year, to the fen
            assert f"本期应发稿酬{fen[name] / 100:,.2f}元" in text, name


# ---------------------------------------------------------------- a ledger worked by hand

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "批示日期", "落实情况"]


@pytest.fixture
def hand(tmp_path):
    """Three items of 甲界别组 in Q4 2025: F1 张三 县级; F2 张三、李四 市级 with a 批示 (县委书记);
    F3 李四 not adopted. 乙界别组 and its 委员 王五 sent nothing."""
    ledger = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"四季度": [
        ["2025年度社情民意信息台账"], HEADER,
        ["F1", dt.datetime(2025, 10, 10), "关于甲镇路灯损坏的反映", "张三", "甲界别组", "县政协编发第1期", None, None, None],
        ["F2", dt.datetime(2025, 11, 5), "关于乙村饮水困难的建议", "张三、李四", "甲界别组", "市政协采用", "县委书记王某批示",
         dt.datetime(2025, 11, 20), "已解决"],
        ["F3", dt.datetime(2025, 12, 1), "关于丙校门口交通拥堵的反映", "李四", "甲界别组", None, None, None, None],
    ]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", "甲界别组"], ["李四", "信息员", "甲界别组"], ["王五", "委员", "乙界别组"]],
        "单位": [["单位名称", "单位类型"], ["甲界别组", "界别组"], ["乙界别组", "界别组"]],
    })
    return {"ledger": ledger, "roster": roster, "root": tmp_path}


def _hand_letters(hand):
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    ledger = sq.read_ledgers(str(hand["ledger"]), roster=str(hand["roster"]), year=2025)
    fb = build_feedback(ledger, "2025Q4", today=dt.date(2026, 1, 10))
    paths = write_feedback_outputs(fb, hand["root"] / "out", date="2026-01-08")
    return {k: read_letter(v) for k, v in paths.items() if v.suffix == ".docx"}


def test_hand_made_ledger_letters(hand):
    letters = _hand_letters(hand)
    assert sorted(letters) == ["个人:张三", "个人:李四", "个人:王五", "单位:乙界别组", "单位:甲界别组"]
    text, tables = letters["单位:甲界别组"]
    # 3 submitted; F1 县级, F2 市级 → 2 adopted, by highest tier 市级 1 and 县级 1; F2 instructed.
    # Points 3×1 + 3 + 10 = 16 (县级 批示 0).
    assert "报送社情民意信息3条,被采用2条(其中市级1条、县级1条),获领导批示1件" in text
    # Q4's letter places it as the circular's 附件1 does, on the year (乙 sent nothing: 16 is the year's too).
    assert "按计分办法本季度得16分;全年累计得16分,在界别组2个单位中排第1名" in text
    assert "本季度任务2条,完成率150.0%" in text  # 界别组: 2 a quarter
    # ... and judges the year from January as the circular does: 2 × 4 quarters = 8, 3 sent (37.5%).
    assert "全年累计报送3条,任务8条,完成率37.5%;尚未完成年度任务(报送3条,任务8条)。" in text
    assert [r[1] for r in item_rows(tables)] == ["关于甲镇路灯损坏的反映", "关于乙村饮水困难的建议", "关于丙校门口交通拥堵的反映"]
    assert item_rows(tables)[0][4] == "县政协编发第1期"  # the 期号 as written, once
    assert "县委书记王某批示" in item_rows(tables)[1][5] and "已办结" in item_rows(tables)[1][5]
    assert item_rows(tables)[2][4] == "暂未采用"
    text, tables = letters["单位:乙界别组"]
    # nothing sent, 0 points: said without a 0, and no place (第2名 of 2 for sending nothing tells nothing);
    # 2 due in Q4, none sent
    assert "2025年第四季度,乙界别组未报送社情民意信息。" in text and "排第" not in text
    assert "本季度尚未完成任务(任务2条,未报送)。" in text and "本期没有报送社情民意信息" in text
    assert "全年累计尚未完成年度任务(任务8条,未报送)。" in text
    no_zero(text)

    text, tables = letters["个人:张三"]
    # 张三: F1, F2; 县级 30 + 市级 100×2 (批示) shared with 李四 → 30 + 100 = 130.00
    assert text.startswith("政协示例县委员会办公室") and "张三委员:" in text
    assert "报送社情民意信息2条,被采用2条(其中市级1条、县级1条),获领导批示1件" in text
    assert "本期应发稿酬130.00元" in text
    assert len(item_rows(tables)) == 2
    text, tables = letters["个人:李四"]
    assert "李四同志:" in text
    assert "报送社情民意信息2条,被采用1条(市级),获领导批示1件" in text  # F2 only, at 市级
    assert "本期应发稿酬100.00元" in text
    assert "作为信息员,本季度任务3条,完成率66.7%;尚未完成任务(10月未报送)" in text
    assert "本期10月没有报送信息" in text
    # 1 a month all year: November and December of 12 months (16.7%)
    assert "全年累计报送2条,任务12条,完成率16.7%;尚未完成年度任务(1月、2月、3月、4月、5月、6月、7月、8月、9月、10月未报送)" in text
    text, _ = letters["个人:王五"]
    # 委员 2 a year, due at the year's end: none sent
    assert "2025年第四季度,您未报送社情民意信息。" in text and "合写的信息" not in text
    # the quarter's judgement is the year's (2 a year): said once, as the year's
    assert "作为委员,全年累计尚未完成年度任务(任务2条,未报送)。" in text and "本期没有应发的稿酬" in text
    assert "本季度" not in text
    no_zero(text)


def test_letters_split_adoptions_by_highest_tier_and_leave_zero_clauses_out(tmp_path):
    """Q4 2025, three 镇街政协工委 (3 a month, 1 a month adopted at 市级 or above). 周一 (城关镇): H1
    adopted at 县级, 市级 and 省级; H2 at 县级 and 市级; H3 at 县级. 吴二 (河口镇): H0 sent in August,
    adopted at 县级 in October. 青山镇: nothing."""
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    head = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "省政协"]
    ledger = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": [head,
        ["H0", dt.datetime(2025, 8, 1), "关于河口镇渡口安全的建议", "吴二", "河口镇政协工委", "2025.10.12", None, None],
        ["H1", dt.datetime(2025, 10, 8), "关于城关镇老旧管网改造的建议", "周一", "城关镇政协工委", "2025.10.20", "2025.11.5", "2025.11.25"],
        ["H2", dt.datetime(2025, 10, 15), "关于城关镇停车难的建议", "周一", "城关镇政协工委", "2025.10.25", "2025.12.1", None],
        ["H3", dt.datetime(2025, 11, 10), "关于城关镇菜市场改造的建议", "周一", "城关镇政协工委", "2025.11.20", None, None]]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["周一", "信息员", "城关镇政协工委"], ["吴二", "信息员", "河口镇政协工委"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"],
                 ["青山镇政协工委", "镇街政协工委"]]})
    fb = build_feedback(sq.read_ledgers(str(ledger), roster=str(roster), year=2025), "2025Q4", today=dt.date(2026, 1, 10))
    paths = write_feedback_outputs(fb, tmp_path / "out", date="2026-01-08")
    letters = {k: read_letter(v)[0] for k, v in paths.items() if v.suffix == ".docx"}
    for text in letters.values():
        no_zero(text)
    # 周一: 3 adopted, each once by its highest tier: 省级 H1, 市级 H2, 县级 H3 (per tier it would
    # be 县级3、市级2、省级1, more than 3); no 批示, so no 批示 clause.
    text = letters["个人:周一"]
    assert "2025年第四季度,您报送社情民意信息3条,被采用3条(其中省级1条、市级1条、县级1条)。" in text
    # 城关镇: 3 a month × 3 = 9 due, 3 sent (33.3%); 1 a month at 市级+ × 3 = 3, H1 and H2 (66.7%).
    # Points 3×1 + 省级 20 + 市级 10 + 县级 3 = 36, first.
    # The year (the circular's 附件1 for Q4): 城关 36, 河口 H0 1 + 3 = 4, 青山 0; 3 × 12 = 36 due, 12 at 市级+.
    text = letters["单位:城关镇政协工委"]
    assert ("城关镇政协工委报送社情民意信息3条,被采用3条(其中省级1条、市级1条、县级1条)。"
            "按计分办法本季度得36分;全年累计得36分,在镇街政协工委3个单位中排第1名。") in text
    assert ("本季度任务9条,完成率33.3%;采用任务3条,完成率66.7%;"
            "尚未完成任务(报送3条,任务9条;市级及以上采用2条,任务3条)。") in text
    assert ("全年累计报送3条,任务36条,完成率8.3%;采用任务12条,完成率16.7%;"
            "尚未完成年度任务(报送3条,任务36条;市级及以上采用2条,任务12条)。") in text
    # 河口镇: nothing sent in Q4, H0 (sent in August) adopted at 县级 in October: 3 points, second.
    text = letters["单位:河口镇政协工委"]
    assert ("2025年第四季度,河口镇政协工委未报送新的社情民意信息,此前报送的信息被采用1条(县级)。"
            "按计分办法本季度得3分;全年累计得4分,在镇街政协工委3个单位中排第2名。") in text
    assert "本季度尚未完成任务(任务9条,未报送;采用任务3条,尚无市级及以上采用)。" in text
    assert "全年累计报送1条,任务36条,完成率2.8%;尚未完成年度任务(报送1条,任务36条;采用任务12条,尚无市级及以上采用)。" in text
    text = letters["个人:吴二"]
    assert "您未报送新的社情民意信息,此前报送的信息被采用1条(县级)。" in text
    assert "作为信息员,本季度尚未完成任务(任务3条,未报送)。" in text  # 1 a month, October to December
    # 青山镇: nothing at all: no 得0分, and no place (last of three for sending nothing).
    text = letters["单位:青山镇政协工委"]
    assert "2025年第四季度,青山镇政协工委未报送社情民意信息。" in text and "排第" not in text
    assert "本季度尚未完成任务(任务9条,未报送;采用任务3条,尚无市级及以上采用)。" in text
    assert "全年累计尚未完成年度任务(任务36条,未报送;采用任务12条,尚无市级及以上采用)。" in text


def test_unit_letters_say_the_place_by_the_tie_breaks_and_none_alone_or_for_nothing(tmp_path):
    # 民革县委 13 items (13 points, none adopted); 民盟县委 and 民进县委 3 items each, one 市政协 (3 + 10 =
    # 13, 1 adopted). Ranked by points, then 采用, then 报送 (rules points.rank_by, as the commendation
    # ranks): 民盟 and 民进 equal on every key, 并列第1名; 民革 third on 采用 (1, 1, 3), 排第3名 (it
    # read 并列第1名 while the commendation put it last). 县工商联, alone among 工商联 and with nothing
    # sent, read "未报送社情民意信息", no place.
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[f"G{k}", f"2025-{k % 12 + 1:02d}-03", f"关于甲单位第{k}号问题的建议", "民革县委", "民革县委", None] for k in range(13)]
    for unit, code in (("民盟县委", "M"), ("民进县委", "J")):
        rows += [[f"{code}{k}", f"2025-{k + 1:02d}-05", f"关于{unit}第{k}号问题的建议", unit, unit, "市政协采用" if k == 0 else None]
                 for k in range(3)]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"],
                                                        ["民进县委", "民主党派"], ["县工商联", "工商联"]]})
    fb = build_feedback(sq.read_ledgers(ledger, roster=roster, year=2025), 2025, today=dt.date(2026, 1, 10))
    paths = write_feedback_outputs(fb, tmp_path / "out", date="2026-01-08")
    letters = {k: read_letter(v)[0] for k, v in paths.items() if v.suffix == ".docx"}
    assert "报送社情民意信息13条。按计分办法得13分,在民主党派3个单位中排第3名。" in letters["单位:民革县委"]
    assert "按计分办法得13分,在民主党派3个单位中并列第1名。" in letters["单位:民盟县委"]
    assert "按计分办法得13分,在民主党派3个单位中并列第1名。" in letters["单位:民进县委"]
    assert "2025年,县工商联未报送社情民意信息。" in letters["单位:县工商联"] and "排第" not in letters["单位:县工商联"]


def test_letters_speak_of_the_roles_held_in_the_period(tmp_path):
    """Q4 2025. 李四: 信息员 to 30 June, nothing in Q4: no letter (no quota in Q4, nothing counted).
    吴六: 信息员 to 30 June, 委员 from 1 July, one item in October: a 委员's letter only. 钱二: 信息员
    to 30 June, an item in November: a letter with his figures and no role or quota."""
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    ledger = write_xlsx(tmp_path / "台账.xlsx", {"四季度": [HEADER,
        ["G1", dt.datetime(2025, 10, 9), "关于秋冬季大气污染防治的建议", "吴六", "甲界别组", None, None, None, None],
        ["G2", dt.datetime(2025, 11, 3), "关于冬季供暖保障的建议", "钱二", "甲界别组", None, None, None, None]]})
    june, july = dt.datetime(2025, 6, 30), dt.datetime(2025, 7, 1)
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "任职日期", "离任日期"], ["李四", "信息员", "甲界别组", None, june],
                 ["吴六", "信息员", "甲界别组", None, june], ["吴六", "委员", "甲界别组", july, None],
                 ["钱二", "信息员", "甲界别组", None, june]],
        "单位": [["单位名称", "单位类型"], ["甲界别组", "界别组"]]})
    fb = build_feedback(sq.read_ledgers(str(ledger), roster=str(roster), year=2025), "2025Q4", today=dt.date(2026, 1, 10))
    assert [(p.name, p.role) for p in fb.people] == [("吴六", "委员"), ("钱二", "")]
    paths = write_feedback_outputs(fb, tmp_path / "out", date="2026-01-08")
    text, _ = read_letter(paths["个人:吴六"])
    # 委员 2 a year, in post July–December: 2 × 6/12 = 1; G1 sent: 100.0%.
    assert "吴六委员:" in text and "作为委员,全年累计报送1条,任务1条,完成率100.0%" in text and "信息员" not in text
    text, _ = read_letter(paths["个人:钱二"])
    assert "钱二同志:" in text and "报送社情民意信息1条" in text and "本期未设报送任务" in text and "信息员" not in text


def test_certificate(hand):
    out = hand["root"] / "证明"
    result = sqmy("certificate", hand["ledger"], "--roster", hand["roster"], "--item", "F2", "--item", "关于甲镇路灯损坏的反映",
                  "--year", 2025, "--out", out, "--date", "2026-01-08")
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.docx"))
    assert len(files) == 2
    text, tables = read_letter(out / "采用证明-关于乙村饮水困难的建议.docx")
    assert "社情民意信息采用证明" in text and "张三、李四" in text and "《关于乙村饮水困难的建议》(编号F2)" in text
    assert "于2025年11月5日报送" in text and "获县委书记王某批示,落实情况:已办结" in text
    assert any("市政协" in c for row in tables[0] for c in row)
    missing = sqmy("certificate", hand["ledger"], "--item", "没有这条", "--year", 2025, "--out", out)
    assert missing.returncode == 1 and "没有编号或标题为“没有这条”" in missing.stderr


def test_certificate_shows_the_issue_and_refuses_an_item_never_adopted(tmp_path):
    # K1 written 第11期 in the 县政协编发 column (no day) and adopted by the 市政协 on 8 September;
    # K2 never adopted: nothing to certify.
    rows = [["编号", "收稿日期", "信息标题", "作者", "县政协编发", "市政协"],
            ["K1", "2025-08-10", "关于戊的建议", "张三", "第11期", "2025.9.8"],
            ["K2", "2025-08-12", "关于己的建议", "李四", None, None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    out = tmp_path / "证明"
    both = sqmy("certificate", path, "--item", "K1", "--item", "K2", "--year", 2025, "--out", out, "--date", "2026-01-08")
    assert both.returncode == 1 and not out.exists()  # refused as a whole: no document at all
    assert "《关于己的建议》" in both.stderr and "没有采用记录" in both.stderr and "[certificate.not_adopted]" in both.stderr
    assert "关于戊的建议" not in both.stderr and "Traceback" not in both.stderr
    result = sqmy("certificate", path, "--item", "K1", "--year", 2025, "--out", out, "--date", "2026-01-08")
    assert result.returncode == 0, result.stderr
    _, tables = read_letter(out / "采用证明-关于戊的建议.docx")
    assert tables[0] == [["采用单位或刊物", "期号", "层级", "渠道", "采用日期"],
                         ["县政协编发", "11", "县级", "政协", ""], ["市政协", "", "市级", "政协", "2025年9月8日"]]


def test_ledgers_are_read_only(hand):
    before = hand["ledger"].read_bytes()
    _hand_letters(hand)
    assert hand["ledger"].read_bytes() == before


@pytest.mark.parametrize("name, expected", [
    ("民盟县委", "民盟县委.docx"),
    ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j.docx"),
    ("CON", "_CON.docx"),
    ("名字. ", "名字.docx"),
])
def test_safe_file_names(name, expected):
    from sqmy_lib.iorw import safe_file_name

    assert safe_file_name(name, ".docx") == expected


def test_safe_file_names_are_short_and_distinct():
    from sqmy_lib.iorw import safe_file_name

    taken: set = set()
    a, b = safe_file_name("长" * 300, ".docx", taken), safe_file_name("长" * 300, ".docx", taken)
    assert a != b and len(a) < 120 and len(b) < 120


def test_appraisal_months_with_a_quarterly_quota(tmp_path):
    """A 特邀信息员 with an office-set quota of 2 a quarter: the months are months, not quota ÷ items."""
    import copy

    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import appraisal
    from sqmy_lib.rules import Rules, load_rules

    data = copy.deepcopy(load_rules(year=2025).data)
    data["quotas"]["people"]["特邀信息员"] = {"per": "quarter", "items": 2}
    rows = [["序号", "收稿日期", "信息标题", "报送单位", "作者"],
            [1, "2025-04-10", "关于加强校园食品安全的建议", "教育界别组", "周五"],
            [2, "2025-09-15", "关于义务教育均衡发展的建议", "教育界别组", "周五"],
            [3, "2025-12-10", "关于高校毕业生返乡就业的建议", "教育界别组", "周五"]]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "聘任日期"], ["周五", "特邀信息员", "教育界别组", dt.datetime(2025, 3, 15)]]})
    out = appraisal(sq.read_ledgers(str(ledger), roster=str(roster), year=2025), 2025, Rules(data))
    [row] = out.to_dict("records")
    # In post from 15 March: March (its last day, the 31st, is in post) to December, 10 months.
    # Items in April, September, December: 3 months with; 3, 5, 6, 7, 8, 10, 11 without (7).
    assert (row["months_due"], row["months_with"], row["months_missed"]) == (10, 3, 7)
    assert row["missed_months"] == [3, 5, 6, 7, 8, 10, 11]
    # 按月完成率 is the months with an item of the months due, whatever the quota (rules show: 有信息的
    # 月份占应报月份的比例): 3 / 10 = 30.0%; not the quota's 3 sent of 2 × 1/3 + 2 + 2 + 2 = 6.67 (45.0%).
    assert row["submitted"] == 3 and round(row["completion"], 4) == 0.3


@pytest.mark.parametrize("quota", ["{per: quarter, items: 2}", "{per: month, items: 2, every_month: true}"])
def test_appraisal_grades_on_the_months_with_an_item_whatever_the_quota(tmp_path, quota):
    """考核等次 and 按月完成率 follow the rule as stated (有信息的月份占应报月份的比例), not the
    completion of an office-set quota of 2 a quarter (李四 62.5% → 基本称职 was given) or 2 every month
    (0.0% for both)."""
    from sqmy_lib.rules.model import default_rules_path

    text = default_rules_path(2025)[0].read_text(encoding="utf-8")
    for role in ("信息员", "特邀信息员"):
        line = f"    {role}: {{per: month, items: 1, every_month: true}}"
        assert line in text
        text = text.replace(line, f"    {role}: {quota}")
    rules = tmp_path / "规则.yaml"
    rules.write_text(text, encoding="utf-8")
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"]]
    # 李四: 1 item in February, 2 in March, 1 in April, October, November: 6 items in 5 months.
    li = ["2025-02-10", "2025-03-05", "2025-03-20", "2025-04-08", "2025-10-09", "2025-11-12"]
    # 王五: 1 item in each month from January to July: 7 items in 7 months.
    wang = [f"2025-{m:02d}-15" for m in range(1, 8)]
    for n, (day, who) in enumerate([(d, "李四") for d in li] + [(d, "王五") for d in wang], 1):
        rows.append([n, day, f"关于第{n}件事的建议", who, "城关镇政协工委"])
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [
        ["姓名", "身份", "单位", "聘任日期"],
        ["李四", "信息员", "城关镇政协工委", dt.datetime(2025, 1, 1)],
        ["王五", "特邀信息员", "城关镇政协工委", dt.datetime(2025, 1, 1)]]})
    out = tmp_path / "考核.csv"
    result = sqmy("export", "appraisal", ledger, "--roster", roster, "--rules", rules, "--year", 2025, "--out", out)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    data = {r["姓名"]: r for r in (dict(zip(lines[0].split(","), line.split(","))) for line in lines[1:])}
    # Both in post all year: 12 months due. Nothing adopted, so no grade that asks for an adoption (优秀,
    # 称职). 李四: 5 months with an item, 5/12 = 41.7%, under 50% → 不称职 (the quarterly quota's 6 of 8,
    # 75%, gave 基本称职). 王五: 7/12 = 58.3%, at least 50% → 基本称职 (2 every month: 0 months met, 不称职).
    assert [data["李四"][k] for k in ("应报月数", "有信息月数", "按月完成率", "考核等次")] == ["12", "5", "41.7%", "不称职"]
    assert [data["王五"][k] for k in ("应报月数", "有信息月数", "按月完成率", "考核等次")] == ["12", "7", "58.3%", "基本称职"]


def test_appraisal_rules_are_checked_and_shown():
    from sqmy_lib.rules import load_rules, rules_text
    from sqmy_lib.rules.check import check_rules

    rules = load_rules(year=2025)
    assert "八、信息员考核" in rules_text(rules) and "不称职:其余" in rules_text(rules).replace(":", ":")
    data = dict(rules.data)
    data["appraisal"] = {"roles": ["信息员", "编外人员"], "grades": {"优秀": {"min_completion": 1.5}, "称职": {"min_adopted": -1}}}
    problems = {p.key: p.message for p in check_rules(data)}
    assert "appraisal.grades.优秀.min_completion" in problems and "0 到 1" in problems["appraisal.grades.优秀.min_completion"]
    assert "appraisal.grades.称职.min_adopted" in problems
    assert any(k.startswith("appraisal.roles") for k in problems)


def test_a_certificate_does_not_date_what_the_ledger_left_undated(tmp_path):
    # The 县政协 adoption written 第16期 and a 批示 with no day: the 采用证明 printed the item's 收稿日期
    # (2025年7月24日) as the adoption's day, and "该信息于获…批示" with no day. Both are left undated.
    rows = [["编号", "收稿日期", "信息标题", "作者", "县政协编发", "领导批示"],
            ["A1", "2025-07-24", "关于丁的建议", "张三", "第16期", "县委书记王某"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    out = tmp_path / "证明"
    result = sqmy("certificate", path, "--item", "A1", "--year", 2025, "--out", out, "--date", "2026-01-08")
    assert result.returncode == 0, result.stderr
    text, tables = read_letter(out / "采用证明-关于丁的建议.docx")
    assert "于2025年7月24日报送" in text and "该信息获县委书记王某批示" in text
    assert not any("7月24日" in c for row in tables[0] for c in row)


def test_a_letter_says_how_co_written_items_count_by_the_rules_and_only_when_there_is_one(tmp_path):
    # Every personal letter said "合写的信息,每位作者各计一条。", hard-coded: with coauthored_counts_each:
    # false the rule is the first author only, and a person none of whose items is co-written was
    # told about co-writing anyway.
    import copy

    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs
    from sqmy_lib.rules import Rules, load_rules

    ledger = write_xlsx(tmp_path / "台账.xlsx", {"四季度": [["2025年度社情民意信息台账"], HEADER,
        ["K1", dt.datetime(2025, 10, 9), "关于甲街道照明的建议", "张三", "甲界别组", "县政协编发", None, None, None],
        ["K2", dt.datetime(2025, 11, 3), "关于乙村道路的建议", "张三、李四", "甲界别组", None, None, None, None],
        ["K3", dt.datetime(2025, 12, 1), "关于丙校食堂的建议", "王五", "甲界别组", None, None, None, None]]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", "甲界别组"], ["李四", "信息员", "甲界别组"], ["王五", "委员", "甲界别组"]],
        "单位": [["单位名称", "单位类型"], ["甲界别组", "界别组"]]})
    read = sq.read_ledgers(str(ledger), roster=str(roster), year=2025)
    each = load_rules(year=2025)
    data = copy.deepcopy(each.data)
    data["quotas"]["coauthored_counts_each"] = False
    first_only = Rules(data)

    def letters(rules, out):
        fb = build_feedback(read, "2025Q4", rules, today=dt.date(2026, 1, 10))
        paths = write_feedback_outputs(fb, tmp_path / out, date="2026-01-08")
        return {k.removeprefix("个人:"): read_letter(v)[0] for k, v in paths.items() if k.startswith("个人:")}

    # By hand. Each author counted: 张三 K1 and K2 (2 items, K2 co-written), 李四 K2 (co-written), 王五 K3 alone.
    text = letters(each, "each")
    assert "您报送社情民意信息2条,被采用1条(县级)。联名报送的信息,每位署名作者各计1条。" in text["张三"]
    assert "您报送社情民意信息1条。联名报送的信息,每位署名作者各计1条。" in text["李四"]
    assert "您报送社情民意信息1条。" in text["王五"] and "联名" not in text["王五"] and "合写" not in text["王五"]
    # The first author only: K2 is 张三's (2 items, the rule said), not 李四's: he wrote it all the same,
    # so he is told so and the rule (he was told "您未报送社情民意信息", which was untrue).
    text = letters(first_only, "first")
    assert ("您报送社情民意信息2条,被采用1条(县级)。联名报送的信息,只计入第一作者(注明“执笔、执笔人、主笔”的作者优先)。"
            in text["张三"])
    assert "各计" not in text["张三"]
    assert ("您与他人联名报送社情民意信息1条,未计入本人。联名报送的信息,只计入第一作者(注明“执笔、执笔人、主笔”的作者优先)。"
            in text["李四"])
    assert "您未报送" not in text["李四"]
    # An 信息员 owes an item a month: none in October or December; November's is K2, counted for 张三.
    assert "10月、12月未报送,11月只有计入执笔人或第一作者的联名信息" in text["李四"]
    assert "本期10月、12月没有报送信息,11月只有计入执笔人或第一作者的联名信息。" in text["李四"]
    assert "联名" not in text["王五"]


# ---------------------------------------------------------------- a quarter's letter beside its circular

RANK_HEAD = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "领导批示", "批示日期"]


@pytest.fixture
def two_parties(tmp_path):
    """民盟县委 and 民进县委 (民主党派: 3 a quarter from January). 民盟: A1 (Feb, 市政协 5 Mar), A2 (May,
    李四 委员). 民进: B0 (Jan), B1 (Aug, 张三 信息员, 县政协编发 20 Aug), B2 (Sep)."""
    ledger = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": [RANK_HEAD,
        ["A1", dt.datetime(2025, 2, 10), "关于甲乡渡口安全的建议", "民盟县委", "民盟县委", None, "2025.3.5", None, None],
        ["A2", dt.datetime(2025, 5, 10), "关于乙村小学校车的建议", "李四", "民盟县委", None, None, None, None],
        ["B0", dt.datetime(2025, 1, 15), "关于丙镇集市占道的反映", "民进县委", "民进县委", None, None, None, None],
        ["B1", dt.datetime(2025, 8, 5), "关于丁社区养老食堂的建议", "张三", "民进县委", "2025.8.20", None, None, None],
        ["B2", dt.datetime(2025, 9, 1), "关于戊路口信号灯的建议", "民进县委", "民进县委", None, None, None, None]]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "信息员", "民进县委"], ["李四", "委员", "民盟县委"]],
        "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"], ["民进县委", "民主党派"]]})
    return ledger, roster


def test_a_quarters_letter_says_the_place_and_quota_the_circular_says(two_parties, tmp_path):
    """The third quarter's letters rank and judge as the circular's 附件1 does (1—9月), and say the
    quarter's own figures with their basis. By hand (1 a submission, 县级 3, 市级 10):
    民进 Q3 B1 + B2 + 县级 = 5 points (first of the quarter), 1—9月 B0 too = 6; 民盟 Q3 nothing,
    1—9月 A1 + A2 + 市级 = 12: 民盟 first, 民进 second. The letter said 民进 "得5分…排第1名"
    beside the circular's 第2名. Quota 3 a quarter: Q3 民进 2 of 3 (66.7%), 1—9月 3 of 9 (33.3%),
    民盟 0 of 3, 2 of 9 (22.2%)."""
    import sqmy_lib as sq
    from sqmy_lib.compute.circular import build_circular
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.circular_docx import write_circular_docx
    from sqmy_lib.render.feedback import write_feedback_outputs

    ledger = sq.read_ledgers(str(two_parties[0]), roster=str(two_parties[1]), year=2025)
    today = dt.date(2025, 10, 10)
    paths = write_feedback_outputs(build_feedback(ledger, "2025Q3", today=today), tmp_path / "out", date="2025-10-10")
    letters = {k: read_letter(v)[0] for k, v in paths.items() if v.suffix == ".docx"}

    text = letters["单位:民进县委"]
    assert ("2025年第三季度,民进县委报送社情民意信息2条,被采用1条(县级)。"
            "按计分办法本季度得5分;1—9月累计得6分,在民主党派2个单位中排第2名。") in text
    assert "排第1名" not in text
    assert "本季度任务3条,完成率66.7%;尚未完成任务(报送2条,任务3条)。" in text
    assert "1—9月累计报送3条,任务9条,完成率33.3%;尚未完成年度任务进度(报送3条,任务9条)。" in text
    assert "本季度报送2条,任务3条。1—9月累计报送3条,任务9条。请认真查找原因" in text
    text = letters["单位:民盟县委"]
    assert "2025年第三季度,民盟县委未报送社情民意信息。按计分办法1—9月累计得12分,在民主党派2个单位中排第1名。" in text
    assert "本季度尚未完成任务(任务3条,未报送)。" in text
    assert "1—9月累计报送2条,任务9条,完成率22.2%;尚未完成年度任务进度(报送2条,任务9条)。" in text
    no_zero(text)

    # 张三 (信息员, 1 a month): Q3 only August, 1 of 3 months; 1—9月 1 of 9, every month but August missed.
    text = letters["个人:张三"]
    assert "作为信息员,本季度任务3条,完成率33.3%;尚未完成任务(7月、9月未报送)。\n本期7月、9月没有报送信息。" in text
    assert ("1—9月累计报送1条,任务9条,完成率11.1%;"
            "尚未完成年度任务进度(1月、2月、3月、4月、5月、6月、7月、9月未报送)。") in text
    # 李四 (委员, 2 a year): the quarter's rate is the year's so far, one judgement: said once, as 1—9月.
    text = letters["个人:李四"]
    assert "作为委员,1—9月累计报送1条,任务2条,完成率50.0%。" in text and "本季度任务" not in text

    # The circular of the same quarter: 附件1 ranks 1—9月. 民进, first of the quarter, is behind its
    # 1—9月 task (3 of 9) and listed so: not praised as 先进典型 in the same circular.
    circ = build_circular(ledger, 2025, 3, today=today)
    doc = docx.Document(str(write_circular_docx(circ, tmp_path / "通报.docx", date=today)))
    body = plain("\n".join(p.text for p in doc.paragraphs))
    assert "民进县委(报送3条,任务9条)" in body and "先进典型" not in body
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    row = next(r for r in rows if r[0] == "民进县委")
    # 单位 | 类别 | 本季度 报送 采用 批示 | 年度累计 报送 采用 批示 积分 排名 任务 完成率: the letter's 6分, 第2名, 9, 33.3%
    assert row[2:12] == ["2", "1", "0", "3", "1", "0", "6", "2", "9", "33.3%"]


def test_a_top_up_line_says_what_it_tops_up(tmp_path):
    """补差, by hand (县级 30, 市级 100, ×2 with a 批示, shares equal): C1 (张三) 县级 in February, 市级 in
    August: Q1 30.00, Q3 100 − 30 = 70.00. C2 (张三、王五) 市级 in March, a 市级 leader's 批示 in May:
    Q1 100 ÷ 2 = 50.00 each, Q2 200 ÷ 2 − 50 = 50.00 each. The lines showed 市级 | | 1/1 | 70.00 and
    市级 | ×2 | 1/2 | 50.00 with nothing saying they are differences."""
    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": [RANK_HEAD,
        ["C1", dt.datetime(2025, 2, 10), "关于己街道垃圾分类的建议", "张三", "民进县委", "2025.2.20", "2025.8.10", None, None],
        ["C2", dt.datetime(2025, 3, 1), "关于庚村饮水工程的建议", "张三、王五", "民进县委", None, "2025.3.20", "副市长赵某批示",
         dt.datetime(2025, 5, 6)]]})
    ledger = sq.read_ledgers(str(path), year=2025)

    def reward_rows(quarter: str, name: str) -> list[list[str]]:
        fb = build_feedback(ledger, quarter, today=dt.date(2026, 1, 10))
        paths = write_feedback_outputs(fb, tmp_path / quarter, date="2026-01-08")
        _, tables = read_letter(paths[f"个人:{name}"])
        return next(t for t in tables if t[0][0] == "信息标题" and "金额(元)" in t[0])

    q1 = reward_rows("2025Q1", "张三")  # paid in full: no 说明 column
    assert q1[0] == ["信息标题", "采用层级", "批示加倍", "份额", "金额(元)"]
    assert sorted(r[1:] for r in q1[1:]) == [["县级", "", "1/1", "30.00"], ["市级", "", "1/2", "50.00"]]
    q2 = reward_rows("2025Q2", "王五")
    assert q2 == [["信息标题", "采用层级", "批示加倍", "份额", "金额(元)", "说明"],
                  ["关于庚村饮水工程的建议", "市级", "×2", "1/2", "50.00", "补差:应发100.00元,此前已按市级发放50.00元"]]
    q3 = reward_rows("2025Q3", "张三")
    assert q3[1] == ["关于己街道垃圾分类的建议", "市级", "", "1/1", "70.00", "补差:应发100.00元,此前已按县级发放30.00元"]


def test_appraisal_does_not_grade_one_with_no_month_due(tmp_path):
    """赵一, appointed on 5 January 2026, and 钱二, whose term ended on 31 December 2024, owe no month of
    2025: 应报月数 0, so 按月完成率 has nothing to divide, and they were graded 不称职 (the last grade,
    which has no threshold). By hand: 不参加评定, with the reason; 孙三, in post all year with nothing
    sent (0 of 12 months, under 50%), is 不称职 as before."""
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, "2025-03-10", "关于城关镇停车难的建议", "李四", "城关镇政协工委"]]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [
        ["姓名", "身份", "单位", "聘任日期", "解聘日期"],
        ["赵一", "信息员", "城关镇政协工委", dt.datetime(2026, 1, 5), None],
        ["钱二", "信息员", "城关镇政协工委", dt.datetime(2023, 1, 1), dt.datetime(2024, 12, 31)],
        ["孙三", "信息员", "城关镇政协工委", dt.datetime(2025, 1, 1), None],
        ["李四", "委员", "城关镇政协工委", dt.datetime(2025, 1, 1), None]]})
    out = tmp_path / "考核.csv"
    result = sqmy("export", "appraisal", ledger, "--roster", roster, "--year", 2025, "--out", out, "--today", "2026-01-10")
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    data = {r["姓名"]: r for r in (dict(zip(lines[0].split(","), line.split(","))) for line in lines[1:])}
    keys = ("应报月数", "考核等次", "等次说明")
    assert [data["赵一"][k] for k in keys] == ["0", "不参加评定", "应报月数为0（2026年1月5日聘任，2025年度未在任），不参加评定"]
    assert [data["钱二"][k] for k in keys] == ["0", "不参加评定", "应报月数为0（2024年12月31日离任，2025年度未在任），不参加评定"]
    assert [data["孙三"][k] for k in keys] == ["12", "不称职", ""]
    assert "李四" not in data  # a 委员 is not appraised (rules appraisal.roles)


def test_a_letter_says_what_its_figures_rest_on_and_the_index_says_every_note(tmp_path):
    """The computation's notes (Counted.notes: an adoption with no date counted by its item's 报送日期, an
    earlier year's payment worked out at rates the office gave no file for) were said by sqmy compute
    and the circular's workbook, and by no letter. Decided: a letter whose own figures rest on one says
    it to its reader in a 说明 line before 特此函告 (in the reader's terms); the index workbook says every
    note whole on its 说明 sheet, and in its 说明 column which letters carry one — the secretary reads
    the index before the letters go out.

    By hand (shipped rules, 县级 30.00, 市级 100.00, 补差): 张三's 甲 (民进县委), sent 5 August 2025, 市政协
    √ with no date: counted in Q3 by 5 August, 100.00. 李四's 供暖, 县级 10 December 2024 (30.00 paid
    in 2024, at the shipped rules: no 2024 file ships, the nearest is 2025's), 市级 15 August 2025: Q3
    pays 100.00 − 30.00 = 70.00. 王五's 乙, 县级 dated 20 July: nothing to say."""
    import openpyxl

    import sqmy_lib as sq
    from sqmy_lib.compute.feedback import build_feedback
    from sqmy_lib.render.feedback import write_feedback_outputs

    head = ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "台账2024.xlsx", {"2024年": [["2024年度社情民意信息报送采用登记表"], head,
        [1, "2024-12-05", "关于冬季供暖保障的建议", "李四", "城关镇政协工委", "2024-12-10", "2025-08-15"]]})
    write_xlsx(tmp_path / "台账" / "台账2025.xlsx", {"2025年": [["2025年度社情民意信息报送采用登记表"], head,
        [1, "2025-08-05", "关于甲的建议", "张三", "民进县委", None, "√"],
        [2, "2025-07-10", "关于乙的建议", "王五", "民进县委", "2025-07-20", None]]})
    ledger = sq.read_ledgers(tmp_path / "台账", year=2025)
    fb = build_feedback(ledger, "2025Q3", today=dt.date(2026, 1, 10))
    paths = write_feedback_outputs(fb, tmp_path / "out", date="2025-10-10")
    letters = {k: read_letter(v) for k, v in paths.items() if v.suffix == ".docx"}
    zhang = "说明:《关于甲的建议》的采用情况台账未登记日期,按该信息的报送日期(2025年8月5日)计入2025年第三季度。\n特此函告。"
    assert zhang in letters["个人:张三"][0] and zhang in letters["单位:民进县委"][0]
    li_text, li_tables = letters["个人:李四"]
    assert ["关于冬季供暖保障的建议", "市级", "", "1/1", "70.00", "补差:应发100.00元,此前已按县级发放30.00元"] in li_tables[-1]
    assert ("说明:《关于冬季供暖保障的建议》此前已发稿酬按2024年的标准(县级30.00元、市级100.00元、省级200.00元、全国300.00元,"
            "有批示×2)计算,本期只补发差额。\n特此函告。") in li_text
    assert "说明" not in letters["个人:王五"][0]
    book = openpyxl.load_workbook(paths["索引"])
    index = [dict(zip([c.value for c in book["反馈函索引"][1]], [c.value for c in row])) for row in book["反馈函索引"].iter_rows(min_row=2)]
    said = {r["收函单位或个人"]: r["说明"] for r in index}
    assert said["张三"].startswith("《关于甲的建议》的采用情况") and said["李四"].startswith("《关于冬季供暖保障的建议》此前已发稿酬")
    assert not said["王五"]
    notes = [c.value for row in book["说明"].iter_rows() for c in row if c.value]
    assert any("1条采用记录没有采用日期" in str(n) for n in notes)
    assert any("未找到本单位2024年度的规则文件" in str(n) and "《关于冬季供暖保障的建议》30.00元" in str(n) for n in notes)
    # A year the ledgers hold nothing of (--allow-empty): every letter says its zeros are no 未报送.
    from sqmy_lib.compute.base import EmptyPeriodWarning

    with pytest.warns(EmptyPeriodWarning):
        empty = build_feedback(ledger, "2026Q1", today=dt.date(2026, 4, 10))
    assert empty.notes[0].startswith("2026年第一季度没有任何报送、采用或批示记录")
    assert all(x.notes == ["本函所依据的台账中没有2026年的任何报送、采用或批示记录，各项统计均为0，并不表示未报送"]
               for x in [*empty.units, *empty.people]) and empty.units
