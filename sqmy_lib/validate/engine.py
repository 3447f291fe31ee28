"""Running the check table over a Ledger and turning flagged rows into Issues."""
from __future__ import annotations

import datetime as dt
import string

import pandas as pd

from ..records import Ledger
from ..rules import Rules, load_rules
from .checks import CHECKS, FILE_CODES, MESSAGE_EXTRAS, TABLE_PREP, Check, Context
from .report import Issue, Report

_FORMATTER = string.Formatter()


class _Row(dict):
    """Message values: a missing or empty value renders as an empty string, not an error."""

    def __missing__(self, key):
        return ""


def _render(template: str, values: dict) -> str:
    try:
        return _FORMATTER.vformat(template, (), _Row(values))
    except (ValueError, TypeError):  # e.g. a NaT under a date format: fall back to plain values
        return _FORMATTER.vformat(template.replace(":%Y-%m-%d", ""), (), _Row(values))


def _issues(check: Check, df: pd.DataFrame, ctx: Context) -> list[Issue]:
    mask = check.where(df, ctx).fillna(False).astype(bool)
    if not mask.any():
        return []
    hits = df[mask]
    extras = {name: fn(df)[mask] for name, fn in MESSAGE_EXTRAS.get(check.code, {}).items()}
    if check.field is not None and "src" in hits:
        columns = ctx.ledger.column_letter(hits["src"], check.field)
    elif "column" in hits:
        columns = hits["column"]
    else:
        columns = pd.Series(None, index=hits.index)
    out = []
    for idx, row in zip(hits.index, hits.to_dict("records")):
        values = {k: ("" if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v) for k, v in row.items()}
        values.update({name: s.at[idx] for name, s in extras.items()})
        r = row.get("row")
        out.append(Issue(
            code=check.code if check.table != "files" else row["code"],
            severity=check.severity,
            message=_render(check.message, values),
            file=str(row.get("file")) if row.get("file") is not None else None,
            sheet=str(row["sheet"]) if row.get("sheet") not in (None, "") and not pd.isna(row.get("sheet")) else None,
            row=int(r) if r is not None and not pd.isna(r) else None,
            column=columns.at[idx] if columns.at[idx] not in (None, "") and not pd.isna(columns.at[idx]) else None,
        ))
    return out


def validate(ledger: Ledger, rules: Rules | None = None, today: dt.date | None = None) -> Report:
    """Run every check in the table over ``ledger``; return the Report (issues sorted by place)."""
    rules = rules or load_rules(year=ledger.year)
    ctx = Context(ledger, rules, today or dt.date.today())
    tables = {
        "submissions": ledger.submissions,
        "authors": ledger.authors,
        "adoptions": ledger.adoptions,
        "instructions": ledger.instructions,
        "findings": ledger.findings,
        "files": ledger.files,
    }
    prepared: dict[str, pd.DataFrame] = {}
    issues: list[Issue] = []
    for check in CHECKS:
        if check.needs_roster and not ledger.roster:
            continue
        df = tables[check.table]
        if df.empty:
            continue
        if check.table not in prepared:
            prep = TABLE_PREP.get(check.table)
            prepared[check.table] = prep(df, ctx) if prep else df
        issues.extend(_issues(check, prepared[check.table], ctx))
    issues.sort(key=lambda i: (i.file or "", i.sheet or "", i.row or 0, i.column or "", i.code))
    unreadable = int(ledger.files["code"].isin(FILE_CODES).sum()) if len(ledger.files) else 0
    return Report(issues=issues, records=ledger.counts, unreadable=unreadable)
