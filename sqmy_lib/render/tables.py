"""Plain tables for people, from a :class:`~sqmy_lib.render.spec.TableSpec`: CSV for Excel, a one-sheet
.xlsx and an aligned terminal table, all with the same columns, labels and rounding.

Text from a ledger is data: in CSV and on the terminal a value that a spreadsheet would run
(``=``, ``+``, ``-``, ``@``, tab, CR first) gets a leading apostrophe (:func:`~sqmy_lib.zh.neutralised`,
the OWASP rule), and the .xlsx is written with every string kept as a string.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .. import zh
from ..iorw import atomic_path
from .spec import TableSpec


def _cells(df: pd.DataFrame, spec: TableSpec, row_kinds: list[str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Header labels and neutralised text rows (a two-level header becomes "group·label"; dates ISO,
    money with two decimals and no thousands separators)."""
    spec = spec.present(df)
    head = [zh.neutralised(label) for label in spec.flat_labels()]
    rows = [[zh.neutralised(v) for v in row] for row in spec.rows(df, plain=True, row_kinds=row_kinds)]
    return head, rows


def csv_text(df: pd.DataFrame, spec: TableSpec, row_kinds: list[str] | None = None) -> str:
    """The table as CSV text."""
    head, rows = _cells(df, spec, row_kinds)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head)
    writer.writerows(rows)
    return buf.getvalue()


def write_csv(df: pd.DataFrame, spec: TableSpec, path: str | Path, row_kinds: list[str] | None = None) -> Path:
    """CSV with a BOM so Excel opens the Chinese correctly."""
    with atomic_path(path) as tmp:
        Path(tmp).write_text(csv_text(df, spec, row_kinds), encoding="utf-8-sig", newline="")
    return Path(path)


def terminal_text(df: pd.DataFrame, spec: TableSpec, row_kinds: list[str] | None = None) -> str:
    """The table aligned by display width (a Chinese character takes two columns), numbers right-aligned."""
    head, rows = _cells(df, spec, row_kinds)
    spec = spec.present(df)
    widths = [max([zh.display_width(h)] + [zh.display_width(r[j]) for r in rows]) for j, h in enumerate(head)]
    align = ["right" if c.numeric else "left" for c in spec]
    lines = ["  ".join(zh.pad(t, w, a) for t, w, a in zip(row, widths, align)).rstrip() for row in [head, *rows]]
    return "\n".join(lines)


def write_xlsx(df: pd.DataFrame, spec: TableSpec, path: str | Path, sheet: str = "结果",
               row_kinds: list[str] | None = None) -> Path:
    """A single formatted sheet: frozen header, numbers as numbers (percentages, money, dates formatted)."""
    return write_xlsx_sheets([(sheet, df, spec, row_kinds)], path)


def write_xlsx_sheets(tables: list[tuple[str, pd.DataFrame, TableSpec, list[str] | None]], path: str | Path) -> Path:
    """A workbook of formatted sheets, one per (sheet name, table, spec, row kinds), as :func:`write_xlsx`."""
    from .xlsx_tables import open_workbook

    with open_workbook(path, {"title": "、".join(t[0] for t in tables)}) as w:
        for sheet, df, spec, row_kinds in tables:
            w.table(w.sheet(sheet), df, spec, row_kinds=row_kinds, freeze=0, autofilter=True)
    return Path(path)
