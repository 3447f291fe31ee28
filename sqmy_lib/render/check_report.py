"""The 校验报告 as staff open it: one line per problem (severity, cell, code, message), then the
counts read; and the same as JSON for programs. ``sqmy validate`` prints it, ``sqmy run`` writes it
beside the circular's folder, and a circular or roll-up that read its own ledgers writes it among its
outputs (its "详见校验报告" points at it)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..catalog import SEVERITY_ZH
from ..iorw import write_texts_together

if TYPE_CHECKING:  # ``sqmy --help`` loads no pandas
    from ..records import Ledger
    from ..validate import Report

REPORT_TXT, REPORT_JSON = "校验报告.txt", "校验报告.json"


def summary_text(ledger: Ledger, report: Report) -> str:
    """The short Chinese summary printed after a validation."""
    c = ledger.counts
    ok = int((ledger.files["status"] == "ok").sum()) if len(ledger.files) else 0
    lines = [
        f"读取文件 {len(ledger.files)} 个(成功 {ok} 个),工作表 {len(ledger.sheets)} 张;年度 {ledger.year or '未知'}",
        # Records, as read: an item adopted at two tiers is two 采用记录 (the documents' 被采用…条 are items).
        f"报送 {c['submissions']} 条,采用记录 {c['adoptions']} 条,批示 {c['instructions']} 件",
        f"错误 {len(report.errors)} 条,警告 {len(report.warnings)} 条",
    ]
    subs = ledger.submissions
    if "office" in subs and subs["office"].nunique() > 1:  # a roll-up's offices: its circular merges their copies
        lines.insert(2, "(以上按各台账所记分别计数:同一信息在下级和本级台账都有登记的,这里各计一次,汇总通报中合并为一条)")
    return "\n".join(lines)


def issues_text(report: Report, files: Iterable[str] = ()) -> str:
    """One line per issue: severity, cell, code, message. A file name that several folders hold (each
    county's 台账.xlsx in a roll-up) is shown with its folder: ``乙县/台账.xlsx!台账!D3``, whenever
    two of the ``files`` read (or of the issues' files) share it, not only when both have issues."""
    folders: dict[str, set[str]] = {}
    for file in [*files, *(i.file for i in report.issues)]:
        if isinstance(file, str) and file:
            folders.setdefault(Path(file).name, set()).add(str(Path(file).parent))

    def where(i) -> str:
        shared = i.file and len(folders[Path(i.file).name]) > 1
        return f"{Path(i.file).parent.name}/{i.cell}" if shared else i.cell

    return "\n".join(
        "  ".join(filter(None, (SEVERITY_ZH[i.severity], where(i), f"[{i.code}] {one_line(i.message)}"))) for i in report.issues
    )


def one_line(message: str) -> str:
    """A message on one line: a cell's line breaks (Alt+Enter: 已报⏎省政协, quoted in it) shown as a space,
    as the cell shows them wrapped, so each line of the report is one problem. The JSON and the 问题清单
    keep the text as written."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip()) if "\n" in message or "\r" in message else message


def write_check_report(ledger: Ledger, report: Report, out_dir: str | Path) -> list[Path]:
    """``校验报告.txt`` (issues, then the summary) and ``校验报告.json`` in ``out_dir``, written as a pair: a
    failure (one of them open in another program) keeps the earlier pair whole."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = (issues_text(report, ledger.files["file"]) + "\n\n" if report.issues else "") + summary_text(ledger, report) + "\n"
    return write_texts_together({out / REPORT_TXT: text, out / REPORT_JSON: report.to_json()})
