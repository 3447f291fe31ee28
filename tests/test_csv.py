"""A ledger kept as CSV (exported from an online system, or saved from Excel/WPS): read as the one
sheet it is, in the encodings Chinese Windows tools write, through the real ``sqmy`` command; every
figure worked out by hand from the rows written here."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

import sqmy_lib as sq

HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "市政协", "省政协", "领导批示"]
ROWS = [
    ["2025年社情民意信息报送台账"],
    HEADER,
    ["1", "2025/3/5", "关于加强农村养老服务的建议", "张三", "民革县委", "√", "", ""],
    ["2", "2025年4月6日", "关于“双减”, 落实的建议", "李四、王五", "县教育局", "第3期", "√", "市长李某某批示"],
    ["小计", "", "", "", "", "", "", ""],
    ["3", "2025年13月1日", "=HYPERLINK(\"http://example.com\",\"点此\")", "赵六", "", "", "", ""],
]


def _csv(rows, delimiter=",") -> str:
    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(ch in cell for ch in ',"\t') else cell
    return "\r\n".join(delimiter.join(quoted(c) for c in row) for row in rows) + "\r\n"


def _sqmy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *args], capture_output=True, text=True, timeout=300)


def _check_figures(ledger) -> None:
    subs = ledger.submissions.sort_values("row")
    assert list(subs["row"]) == [3, 4, 6]  # 小计 (row 5) is not an item
    assert list(subs["title"]) == ["关于加强农村养老服务的建议", "关于“双减”, 落实的建议",
                                   "=HYPERLINK(\"http://example.com\",\"点此\")"]
    item = dict(zip(subs["row"], subs["item"]))
    adopted = sorted((int(r), str(t)) for r, i in item.items()
                     for t in ledger.adoptions.loc[ledger.adoptions["item"] == i, "tier"])
    assert adopted == [(3, "市级"), (4, "市级"), (4, "省级")]
    assert list(ledger.adoptions.loc[ledger.adoptions["item"] == item[4], "issue_no"].dropna()) == [3]
    assert list(ledger.instructions["leader"]) == ["市长李某某"]
    assert sorted(ledger.authors["name"]) == sorted(["张三", "李四", "王五", "赵六"])


def test_gbk_comma_csv_is_read_cell_by_cell(tmp_path):
    path = tmp_path / "台账" / "2025年报送台账.csv"
    path.parent.mkdir()
    path.write_bytes(_csv(ROWS).encode("gbk"))  # what Excel on a Chinese Windows writes as "CSV(逗号分隔)"
    ledger = sq.read_ledgers([path.parent], year=2025)
    assert list(ledger.files["format"]) == ["csv"]
    _check_figures(ledger)
    report = sq.validate(ledger)
    bad_date = [i for i in report.issues if i.row == 6 and i.column == "B"]
    assert bad_date and bad_date[0].sheet == "2025年报送台账" and bad_date[0].severity == "error"


def test_utf8_bom_tabs_and_utf16_read_alike(tmp_path):
    for name, data in [("系统导出.csv", b"\xef\xbb\xbf" + _csv(ROWS, "\t").encode("utf-8")),
                       ("统一文本.csv", _csv(ROWS, "\t").encode("utf-16")),  # Excel's "Unicode 文本"
                       ("网上报送系统导出.xls", _csv(ROWS).encode("utf-8"))]:  # a CSV under an Excel name
        path = tmp_path / name
        path.write_bytes(data)
        ledger = sq.read_ledgers([path], year=2025)
        assert list(ledger.files["format"]) == ["csv"], name
        _check_figures(ledger)


def test_csv_through_the_command_annotated_as_text(tmp_path):
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "报送台账.csv").write_bytes(_csv(ROWS).encode("gbk"))
    (folder / "乱码.csv").write_bytes("序号,标题\r\n1,关于".encode("gbk") + b"\x80\xff\xfe\r\n")  # neither UTF-8 nor GBK
    ran = _sqmy("validate", str(folder), "--year", "2025", "--format", "json", "--annotate", str(tmp_path / "标注"))
    assert ran.returncode == 2, ran.stderr  # the file that cannot be decoded
    assert "Traceback" not in ran.stderr
    found = json.loads(ran.stdout)["issues"]
    undecoded = [i for i in found if i["code"] == "file.encoding"]
    assert len(undecoded) == 1 and undecoded[0]["file"].endswith("乱码.csv") and "编码" in undecoded[0]["message"]
    assert any(i["code"] == "cell.date_invalid" or (i["row"] == 6 and i["column"] == "B") for i in found)
    # The annotated copy: an .xlsx of the one sheet, the bad date marked, the formula-like title text.
    copy = tmp_path / "标注" / "报送台账.xlsx"
    ws = load_workbook(copy)["报送台账"]
    assert ws["B6"].comment is not None and "日期" in ws["B6"].comment.text
    assert ws["C6"].data_type == "s" and ws["C6"].value.startswith("=HYPERLINK")
    assert ws["C4"].value == "关于“双减”, 落实的建议"


def test_a_note_saved_as_xlsx_is_still_not_a_workbook(tmp_path):
    note = tmp_path / "说明.xlsx"
    note.write_text("这不是工作簿", encoding="utf-8")
    ledger = sq.read_ledgers([note], year=2025, missing="report")
    assert list(ledger.files["code"]) == ["file.not_excel"]


def test_values_an_online_system_exports_as_formulas_are_read_as_shown(tmp_path):
    # ="2025001", ="2025-03-08": how systems keep a number or a date as written; Excel shows 2025001 and
    # 2025-03-08. They were read with the =" " around them: the 采用台账's 编号 linked to nothing and the
    # date was unreadable. Nothing is evaluated (a formula-like title stays a title, as above).
    items = _csv([["编号", "收稿日期", "信息标题", "作者"], ['="2025001"', '="2025-03-08"', "关于甲的建议", "张三"]])
    refs = _csv([["编号", "采用单位", "采用日期"], ['="2025001"', "市政协", '="2025-04-01"']])
    (tmp_path / "报送台账.csv").write_text(items, encoding="utf-8-sig")
    (tmp_path / "采用台账.csv").write_text(refs, encoding="utf-8-sig")
    ledger = sq.read_ledgers([tmp_path], year=2025)
    assert ledger.submissions[["item_no", "date"]].values.tolist() == [["2025001", pd.Timestamp("2025-03-08")]]
    assert ledger.adoptions[["item", "tier"]].astype(str).values.tolist() == [["0", "市级"]]
    assert not [i for i in sq.validate(ledger).issues if i.severity == "error"]


def test_a_tab_export_whose_text_holds_commas_is_split_by_its_tabs(tmp_path):
    # A tab-separated export whose 信息正文 holds ASCII commas on every line (a, b, c, … quoted, as the system
    # writes it) was split at the commas (more cells than at the tabs): 信息标题 came out as text pieces.
    # Right: split by the tabs: two items, 张三's 市政协 (10000 fen), 李四's 省政协 (20000 fen).
    text = "据调查,我县,农村地区,饮水,问题,突出\n一,二,三,四,五,六"
    rows = [["序号", "提交时间", "作者", "所在单位", "信息标题", "信息正文", "采用单位"],
            ["1", "2025-03-05", "张三", "民盟县委", "关于一的建议", text, "市政协"],
            ["2", "2025-03-06", "李四", "民盟县委", "关于二的建议", text, "省政协"]]
    path = tmp_path / "导出.csv"
    path.write_bytes(_csv(rows, "\t").encode("utf-8"))
    ledger = sq.read_ledgers([path], year=2025)
    assert list(ledger.submissions["title"]) == ["关于一的建议", "关于二的建议"]
    paid = sq.rewards(ledger, 2025)
    assert {n: int(a * 100) for n, a in zip(paid["name"], paid["amount"])} == {"张三": 10000, "李四": 20000}


# ---------------------------------------------------------------- a web page saved under an .xls name

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>导出</title>
<script>var x = "<td>不是单元格</td>";</script></head><body>
<table border="1">
<tr><td colspan="6">2025年社情民意信息报送台账</td></tr>
<tr><th>序号</th><th>报送单位</th><th>收稿日期</th><th>信息标题</th><th>作者</th><th>采用情况</th></tr>
<tr><td>1</td><td rowspan="2">民革县委</td><td>2025-03-05</td><td>关于加强农村<br>养老服务的建议</td><td>张三</td><td>市政协采用</td></tr>
<tr><td>2</td><td>2025-04-06</td><td>关于&ldquo;双减&rdquo;落实的建议</td><td>李四&nbsp;、王五</td><td>省政协采用</td></tr>
<tr><td>3</td><td>民盟县委</td><td>2025年13月1日</td><td>=HYPERLINK("http://example.com","点此")</td><td>赵六</td><td></td></tr>
</table></body></html>"""


def test_a_web_page_saved_as_xls_is_read_as_its_table(tmp_path):
    # Web systems export a ledger as an HTML table named .xls (GB2312); it was refused (file.not_excel)
    # and none of it counted. By hand: 3 items; 民革县委 (merged down over rows 3–4) has 2, adopted 市级
    # (张三, ¥100 = 10000 fen) and 省级 (李四、王五 share ¥200: 10000 fen each); 民盟县委's one item has no
    # readable date (2025年13月1日, said at C5): an error, not counted. The script's "<td>" is no cell. The marked copy is an .xlsx of the
    # table, the merge kept, the formula-like title kept as text.
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "系统导出.xls").write_bytes(PAGE.encode("gb18030"))
    (folder / "登录页.xls").write_bytes("<html><body><p>请先登录</p></body></html>".encode("utf-8"))
    ledger = sq.read_ledgers(folder, year=2025, missing="report")
    subs = ledger.submissions.sort_values("row")
    assert subs["unit"].tolist() == ["民革县委", "民革县委", "民盟县委"]
    assert subs["title"].tolist()[:2] == ["关于加强农村\n养老服务的建议", "关于“双减”落实的建议"]
    lines = sq.reward_lines(ledger, 2025)
    assert lines.groupby("beneficiary")["amount_fen"].sum().to_dict() == {"张三": 10000, "李四": 10000, "王五": 10000}
    assert sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict() == {"民革县委": 2}
    assert dict(zip(ledger.files["file"].map(lambda f: Path(f).name), ledger.files["code"].fillna(""))) == {
        "系统导出.xls": "", "登录页.xls": "file.not_excel"}
    ran = _sqmy("validate", str(folder), "--year", "2025", "--format", "json", "--annotate", str(tmp_path / "标注"))
    assert "Traceback" not in ran.stderr
    found = json.loads(ran.stdout)["issues"]
    assert any(i["code"] == "date.unparseable" and i["row"] == 5 and i["column"] == "C" for i in found)
    ws = load_workbook(tmp_path / "标注" / "系统导出.xlsx")["系统导出"]
    assert "B3:B4" in {str(m) for m in ws.merged_cells.ranges}
    assert ws["D5"].data_type == "s" and ws["D5"].value.startswith("=HYPERLINK")
    assert ws["C5"].comment is not None
    assert ws["D3"].value == "关于加强农村\n养老服务的建议" and ws["D3"].alignment.wrap_text  # both lines show


# ---------------------------------------------------------------- an Excel 2003 XML workbook under an .xls name

def _xml_cell(value, kind="String", attrs="") -> str:
    return f'<Cell{attrs}><Data ss:Type="{kind}">{value}</Data></Cell>'


XML_BOOK = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel"'
            ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="2025年台账"><Table>'
            '<Row>' + _xml_cell("2025年社情民意信息报送台账", attrs=' ss:MergeAcross="5"') + '</Row>'
            '<Row>' + "".join(_xml_cell(h) for h in ("序号", "报送单位", "收稿日期", "信息标题", "作者", "采用情况")) + '</Row>'
            '<Row>' + _xml_cell(1, "Number") + _xml_cell("民革县委", attrs=' ss:MergeDown="1"')
            + _xml_cell("2025-03-05T00:00:00.000", "DateTime") + _xml_cell("关于甲的建议") + _xml_cell("张三") + _xml_cell("市政协采用") + '</Row>'
            '<Row>' + _xml_cell(2, "Number") + _xml_cell("2025-04-06T00:00:00.000", "DateTime", ' ss:Index="3"')
            + _xml_cell("=HYPERLINK(&quot;http://example.com&quot;,&quot;点此&quot;)") + _xml_cell("李四、王五")
            + _xml_cell("省政协采用", attrs=' ss:Formula="=&quot;省政协采用&quot;"') + '</Row>'
            '<Row>' + _xml_cell(3, "Number") + _xml_cell("民盟县委") + _xml_cell("2025-05-06T00:00:00.000", "DateTime")
            + _xml_cell("关于丙的建议") + _xml_cell("赵六") + _xml_cell("#N/A", "Error") + '</Row>'
            '</Table></Worksheet></Workbook>')


def test_an_excel_2003_xml_workbook_saved_as_xls_is_read(tmp_path):
    # Some systems export Excel 2003 XML (SpreadsheetML) under .xls: it was refused (file.not_excel).
    # By hand: 民革县委 (merged down over rows 3–4) 2 items, 民盟县委 1. 张三 市级 ¥100 = 10000 fen; 李四、王五
    # 省级 (the formula's stored value, not evaluated) ¥200 shared: 10000 each. 赵六's #N/A is an error
    # value, said at F5, no adoption. The formula-like title stays text in the annotated copy.
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "系统导出.xls").write_text(XML_BOOK, encoding="utf-8")
    ledger = sq.read_ledgers(folder, year=2025)
    assert ledger.submissions.sort_values("row")["unit"].tolist() == ["民革县委", "民革县委", "民盟县委"]
    assert list(ledger.submissions.sort_values("row")["date"].dt.strftime("%m-%d")) == ["03-05", "04-06", "05-06"]
    lines = sq.reward_lines(ledger, 2025)
    assert lines.groupby("beneficiary")["amount_fen"].sum().to_dict() == {"张三": 10000, "李四": 10000, "王五": 10000}
    ran = _sqmy("validate", str(folder), "--year", "2025", "--format", "json", "--annotate", str(tmp_path / "标注"))
    assert "Traceback" not in ran.stderr
    found = json.loads(ran.stdout)["issues"]
    assert any(i["code"] == "cell.error_value" and (i["row"], i["column"]) == (5, "F") for i in found)
    ws = load_workbook(tmp_path / "标注" / "系统导出.xlsx")["2025年台账"]
    assert ws["D4"].data_type == "s" and ws["D4"].value.startswith("=HYPERLINK")
    assert "B3:B4" in {str(m) for m in ws.merged_cells.ranges}


def test_a_system_export_with_a_tab_before_each_value(tmp_path):
    """A system writes \\t before each value so Excel keeps it text (\\t2025-01-08), its header without one: a
    comma CSV, its values read (it was split on the tabs: "表头应含…", the whole file refused). A serial day
    with its time written as text (45665.375) is that day (it was date.unparseable, the row left out)."""
    lines = ["序号,收稿日期,信息标题,作者,采用情况",
             "\t1,\t2025-01-08,关于甲的建议,张三,市政协采用",
             "\t2,45665.375,关于乙的建议,李四,"]
    path = tmp_path / "导出.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    ledger = sq.read_ledgers(path)
    assert [i.code for i in sq.validate(ledger).issues if i.severity == "error"] == []
    assert list(ledger.submissions["date"].dt.strftime("%Y-%m-%d")) == ["2025-01-08", "2025-01-08"]
    assert list(ledger.adoptions["tier"].astype(str)) == ["市级"]
