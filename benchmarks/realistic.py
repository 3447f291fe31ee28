"""A realistic province archive for the benchmarks: ledgers as offices write them.

Unlike the demo-style archive (``sqmy_lib.synth.write_archive``), whose values repeat a lot,
this one is written the way a province's offices really fill their ledgers, which is what
makes a reader slow or fast:

- every title unique free text (15–40 characters);
- over 5,000 distinct people across the offices, minority names with a middle dot among them,
  co-author cells (``张三、李四``, ``王五(信息员)``) in about a fifth of the items;
- free-text 采用情况 cells (``县政协编发第12期;市政协采用``, ``省政协《社情民意》2025年第15期``)
  and 批示 cells (``副市长李某某批示:请市民政局研究办理``), follow-up texts;
- month sheets with separator and 小计 rows, dates in every form staff type;
- both layouts: combined ledgers, and a 报送台账 with a separate 采用台账 linked by 编号;
- about one row in a hundred with a mistake (no title, a date no one can read, a mark that says
  nothing).

    python benchmarks/realistic.py OUT [--workbooks 100] [--items 200000]

Seeded and deterministic; written with xlsxwriter in constant-memory mode, one process per core.
It imports nothing from sqmy_lib, so it cannot flatter the reader.
"""
from __future__ import annotations

import argparse
import os
import random
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万覃武戴孔汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红玲芬燕彬斌建志宏海波鹏辉晓东晨阳雪梅琳丹宁欣怡浩宇佳慧俊峰婷嘉文博瑞睿思雨凯"
MINORITY = ("阿不都热合曼·买买提", "热依拉·吐尔逊", "买买提明·艾力", "阿依古丽·买买提", "古丽娜尔·艾山", "扎西顿珠", "巴特尔", "其木格")
PLACES = ("城关镇", "青山镇", "河口镇", "东城街道", "西城街道", "我县", "部分乡镇", "山区村", "县城", "老城区", "新城区",
          "库区移民村", "偏远山村", "部分社区", "中心镇", "沿河村庄", "城乡结合部", "工业园区", "开发区", "高铁新城")
SUBJECTS = ("中小企业", "农村电商", "养老服务", "留守儿童", "老旧小区", "外卖骑手", "独居老人", "河道治理", "生活污水",
            "乡村教师", "课后托管", "职业教育", "乡镇卫生院", "医保结算", "心理健康", "高标准农田", "耕地保护", "土地流转",
            "电信诈骗", "交通安全", "食品安全", "停车管理", "公交线路", "充电桩", "政务热线", "志愿服务", "非遗传承",
            "文化礼堂", "景区配套", "物业管理", "垃圾分类", "供水保障", "燃气安全", "校园安全", "残疾人就业")
PROBLEMS = ("存在短板", "亟待解决", "问题突出", "管理不规范", "覆盖不足", "服务缺位", "监管不到位", "推进缓慢",
            "资金不足", "人才短缺", "群众反映强烈", "隐患较多", "机制不健全", "落实不到位", "供需矛盾突出")
FORMS = ("关于{p}{s}{q}的建议", "关于加强{p}{s}工作的建议", "{p}{s}{q}", "对{p}{s}问题的调查与思考",
         "关于{p}{s}{q}问题的反映", "{p}群众反映{s}{q}", "关于进一步做好{p}{s}工作的几点建议", "{s}{q},建议{p}尽快解决")
LEADERS = ("县委书记王某某", "县长刘某", "副县长陈某某", "市委书记周某", "副市长李某某", "市长吴某某", "省委常委张某", "副省长郑某")
FOLLOW_UPS = ("已落实,问题得到解决", "正在办理", "已转县住建局办理", "相关部门已出台整改措施", "问题尚未得到解决", "")
CATEGORIES = ("经济", "社会", "民生", "文化", "生态", "教育", "卫生", "三农", "法治", "城建", "营商环境", "社会治理")


def _name(rng: random.Random) -> str:
    if rng.random() < 0.02:
        return rng.choice(MINORITY) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")


def _title(rng: random.Random, used: set[str]) -> str:
    while True:
        t = rng.choice(FORMS).format(p=rng.choice(PLACES), s=rng.choice(SUBJECTS), q=rng.choice(PROBLEMS))
        if rng.random() < 0.5:
            t += rng.choice(("", "(之二)", "——来自基层的调研", "的情况反映", "的对策建议"))
        if t not in used:
            used.add(t)
            return t
        t += f"({rng.randint(2, 99)})"
        if t not in used:
            used.add(t)
            return t


def _date_cell(rng: random.Random, d: date):
    form = rng.random()
    if form < 0.6:
        return d
    if form < 0.7:
        return f"{d.year}.{d.month}.{d.day}"
    if form < 0.8:
        return f"{d.year}年{d.month}月{d.day}日"
    if form < 0.9:
        return f"{d.year}-{d.month}-{d.day}"
    return f"{d.year}/{d.month:02d}/{d.day:02d}"


def _adoption_text(rng: random.Random, year: int, issue: int) -> str:
    parts = []
    if rng.random() < 0.8:
        parts.append(rng.choice((f"县政协编发第{issue}期", f"县政协《社情民意》第{issue}期", f"本级编发{issue}期")))
    if rng.random() < 0.3:
        parts.append(rng.choice(("市政协采用", f"市政协《社情民意》{year}年第{rng.randint(1, 60)}期", "市委办《每日要情》采用")))
        if rng.random() < 0.3:
            parts.append(rng.choice(("省政协采用", f"省政协《社情民意》{year}年第{rng.randint(1, 40)}期")))
    if rng.random() < 0.05:
        parts.append("报送市政协")
    return rng.choice((";", ";", "\n")).join(parts) or "√"


def write_office(job: tuple) -> str:
    path, office_no, n_items, year, seed = job
    rng = random.Random(f"{seed}/{office_no}")
    office = f"第{office_no:03d}县政协"
    people = [_name(rng) for _ in range(60)]
    units = [f"{p}政协工委" for p in PLACES[:6]] + ["民盟县委", "民建县委", "九三学社县委", "经济界别组", "县工商联"]
    used: set[str] = set()
    items = []
    for k in range(n_items):
        d = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        n_auth = 1 if rng.random() < 0.8 else rng.randint(2, 3)
        authors = rng.sample(people, n_auth)
        text = rng.choice(("、", "、", ",", " ")).join(a + ("(信息员)" if rng.random() < 0.1 else "") for a in authors)
        items.append(dict(date=d, title=_title(rng, used), authors=text, unit=rng.choice(units), cat=rng.choice(CATEGORIES),
                          adopted=rng.random() < 0.25, leader=rng.random() < 0.03, no=f"{year}-{k + 1:04d}"))
    items.sort(key=lambda it: it["date"])
    combined = office_no % 10 < 7
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    head = wb.add_format({"bold": True, "border": 1})
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    issue = 0
    adoption_rows = []
    for month in range(1, 13):
        ws = wb.add_worksheet(f"{month}月")
        ws.write(0, 0, f"{office}{year}年{month}月社情民意信息{'报送采用登记表' if combined else '报送台账'}")
        ws.write(1, 0, f"填报单位:{office}办公室")
        cols = (["序号", "收稿日期", "信息标题", "作者", "单位", "类别", "采用情况", "领导批示", "落实情况", "备注"] if combined
                else ["编号", "报送日期", "标题", "报送人", "所在单位", "分类", "备注"])
        for c, label in enumerate(cols):
            ws.write(2, c, label, head)
        r = 3
        seq = 0
        for it in (x for x in items if x["date"].month == month):
            seq += 1
            bad = rng.random() < 0.01
            values = [seq if combined else it["no"], _date_cell(rng, it["date"]) if not (bad and rng.random() < 0.5) else "2025.13.45",
                      "" if bad and rng.random() < 0.3 else it["title"], it["authors"], it["unit"], it["cat"]]
            if combined:
                if it["adopted"]:
                    issue += rng.random() < 0.6
                    values.append(_adoption_text(rng, year, max(issue, 1)) if not (bad and rng.random() < 0.3) else "见附件")
                else:
                    values.append("")
                values.append(f"{rng.choice(LEADERS)}批示:请有关部门研究办理" if it["leader"] else "")
                values.append(rng.choice(FOLLOW_UPS) if it["leader"] else "")
                values.append("联名报送" if "、" in it["authors"] and rng.random() < 0.2 else "")
            else:
                values.append("")
                if it["adopted"]:
                    issue += rng.random() < 0.6
                    adoption_rows.append((it, _adoption_text(rng, year, max(issue, 1))))
            for c, v in enumerate(values):
                if isinstance(v, date):
                    ws.write_datetime(r, c, __import__("datetime").datetime(v.year, v.month, v.day), datefmt)
                elif v != "":
                    ws.write(r, c, v)
            r += 1
        ws.write(r, 0, "小计")
        ws.write(r, 2, f"{seq}条")
    if not combined:
        ws = wb.add_worksheet("采用台账")
        for c, label in enumerate(("编号", "信息标题", "采用单位/刊物", "采用日期", "批示领导", "落实情况")):
            ws.write(0, c, label, head)
        for r, (it, text) in enumerate(adoption_rows, 1):
            ws.write(r, 0, it["no"])
            ws.write(r, 1, it["title"])
            ws.write(r, 2, text)
            ws.write_datetime(r, 3, __import__("datetime").datetime(year, it["date"].month, min(it["date"].day + 5, 28)), datefmt)
            if it["leader"]:
                ws.write(r, 4, rng.choice(LEADERS))
                ws.write(r, 5, rng.choice(FOLLOW_UPS))
    wb.close()
    return path


def write_realistic(out: str | os.PathLike, workbooks: int = 100, items: int = 200_000, year: int = 2025, seed: int = 17) -> list[Path]:
    """Write the archive (one workbook per office) and return its files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    per = [items // workbooks + (1 if k < items % workbooks else 0) for k in range(workbooks)]
    jobs = [(str(out / f"第{k + 1:03d}县政协{year}年台账.xlsx"), k + 1, n, year, seed) for k, n in enumerate(per)]
    with ProcessPoolExecutor() as pool:
        return [Path(p) for p in pool.map(write_office, jobs)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--workbooks", type=int, default=100)
    parser.add_argument("--items", type=int, default=200_000)
    args = parser.parse_args()
    files = write_realistic(args.out, args.workbooks, args.items)
    print(f"{len(files)} workbooks in {args.out}")
