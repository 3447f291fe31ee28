"""The validation report: a flat table of issues, each pointing at one cell.

Modelled on frictionless's error report: every issue carries a stable English
code, a severity and a Chinese message, plus where it is (file, sheet, Excel
row number and column letter as Excel shows them).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Iterable

import pandas as pd

from ..catalog import SEVERITY_ZH
from ..records import place
ISSUE_COLUMNS = ["code", "severity", "message", "file", "sheet", "row", "column", "cell"]


def cell_ref(file: str | None, sheet: str | None, row: int | None, column: str | None) -> str:
    """``报送台账.xlsx!二季度!C17``: file name, sheet and cell, as staff look them up."""
    if row is None and column and sheet:
        return f"{place(file, sheet)}!{column}列"
    return place(file or "", sheet or "", row, column)


@dataclass(frozen=True)
class Issue:
    """One problem found in the input, pointing at a file, and where it can, a cell."""

    code: str
    severity: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    @property
    def cell(self) -> str:
        return cell_ref(self.file, self.sheet, self.row, self.column)

    def to_dict(self) -> dict:
        # Not dataclasses.asdict: it deep-copies every value (a second on an archive's 13,000 issues); the
        # fields are plain strings and numbers.
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["cell"] = self.cell
        return d


@dataclass
class Report:
    """All issues of one validation run, with the record counts it covered."""

    issues: list[Issue] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    unreadable: int = 0  # files that could not be read at all (exit 2)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def infos(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "info"]

    @property
    def exit_code(self) -> int:
        """2 when an input could not be read, 1 when there are errors, else 0."""
        if self.unreadable:
            return 2
        return 1 if self.errors else 0

    def to_frame(self) -> pd.DataFrame:
        """The issues as a DataFrame with the columns of the JSON report."""
        return pd.DataFrame([i.to_dict() for i in self.issues], columns=ISSUE_COLUMNS)

    def to_dict(self) -> dict:
        return {"records": dict(self.records), "issues": [i.to_dict() for i in self.issues]}

    def to_json(self) -> str:
        """The report as JSON, one issue a line (thousands of issues stay readable, and grep finds
        an issue's whole line)."""
        records = json.dumps(dict(self.records), ensure_ascii=False)
        issues = ",\n    ".join(json.dumps(i.to_dict(), ensure_ascii=False) for i in self.issues)
        body = f"[\n    {issues}\n  ]" if issues else "[]"
        return f'{{\n  "records": {records},\n  "issues": {body}\n}}'

    def counts_by_code(self) -> pd.DataFrame:
        df = self.to_frame()
        if df.empty:
            return pd.DataFrame(columns=["code", "severity", "count"])
        return df.groupby(["code", "severity"]).size().rename("count").reset_index()

    def _repr_html_(self) -> str:  # Jupyter
        head = f"<p>记录:{self.records};错误 {len(self.errors)} 条,警告 {len(self.warnings)} 条,提示 {len(self.infos)} 条</p>"
        return head + self.to_frame().to_html(index=False)

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)
