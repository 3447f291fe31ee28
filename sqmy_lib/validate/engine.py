"""Running the check table over a Ledger and turning flagged rows into Issues."""
from __future__ import annotations

import datetime as dt
import string

import pandas as pd

from .. import arguments
from ..records import Ledger
from ..rules import Rules, load_rules
from .checks import CHECKS, FILE_CODES, MESSAGE_EXTRAS, TABLE_PREP, Check, Context, EachRow, WithContext
from .report import Issue, Report

_FORMATTER = string.Formatter()


class _Row(dict):
    """Message values: a missing or empty value renders as an empty string, not an error."""

    def __missing__(self, key):
        return ""


def _render(template: str, values: dict) -> str:
    try:
        return template.format_map(_Row(values))
    except (ValueError, TypeError):  # e.g. an empty date under a date format: plain values
        return template.replace(":%Y-%m-%d", "").format_map(_Row(values))


def _blank(v):
    """Empty, None, NaN and NaT all print as nothing in a message."""
    if v is None or v is pd.NaT or v is pd.NA:
        return ""
    if isinstance(v, float) and v != v:
        return ""
    return v


def _columns(check: Check, hits: pd.DataFrame, ctx: Context) -> list:
    """The column letter of each flagged row: the first of the check's fields the sheet has,
    else the row's own ``column``."""
    letters = pd.Series(None, index=hits.index, dtype=object)
    if check.field is not None and "src" in hits:
        for fld in (check.field,) if isinstance(check.field, str) else check.field:
            letters = letters.fillna(ctx.ledger.column_letter(hits["src"], fld))
    if check.column_from is not None:  # a column read past: the record keeps its letter
        letters = letters.fillna(hits[check.column_from].replace("", None).astype(object))
    if "column" in hits:
        letters = letters.fillna(hits["column"].astype(object))
    return letters.tolist()


def _extra(fn, df: pd.DataFrame, mask: pd.Series, ctx: Context) -> pd.Series:
    """A message value of the flagged rows: a row's own from the flagged rows alone (``EachRow``), one
    from what the check worked out (``WithContext``), else one that needs the whole table."""
    if isinstance(fn, EachRow):
        return fn(df[mask])
    if isinstance(fn, WithContext):
        return fn(df[mask], ctx)
    return fn(df)[mask]


def _issues(check: Check, df: pd.DataFrame, mask: pd.Series, ctx: Context) -> list[Issue]:
    if not mask.any():
        return []
    hits = df[mask]
    n = len(hits)
    # Only the columns the message names are pulled out, as plain lists (fast for many issues).
    names = {name for _, name, _, _ in _FORMATTER.parse(check.message) if name}
    extras = MESSAGE_EXTRAS.get(check.code, {})
    values = {name: hits[name].tolist() for name in names - extras.keys() if name in hits}
    for name, fn in extras.items():
        values[name] = _extra(fn, df, mask, ctx).tolist()
    if "year" in names:  # the ledger's own year, in a hint like "请写成 2025-03-05"
        years = dict(zip(ctx.ledger.sheets["src"], ctx.ledger.sheets["year"]))
        default = ctx.ledger.year or ctx.today.year
        values["year"] = [years.get(s) or default for s in hits["src"]] if "src" in hits else [default] * n
    columns = _columns(check, hits, ctx)
    codes = hits["code"].tolist() if check.table == "files" else [check.code] * n
    files = hits["file"].astype(object).tolist()
    sheets = hits["sheet"].astype(object).tolist() if "sheet" in hits else [None] * n
    rows = hits["row"].tolist() if "row" in hits else [None] * n
    out = []
    for k in range(n):
        row, col, sheet = _blank(rows[k]), _blank(columns[k]), _blank(sheets[k])
        out.append(Issue(
            code=codes[k],
            severity=check.severity,
            message=_render(check.message, {name: _blank(v[k]) for name, v in values.items()}),
            file=str(files[k]) if _blank(files[k]) != "" else None,
            sheet=str(sheet) if sheet != "" else None,
            row=int(row) if row != "" else None,
            column=col or None,
        ))
    return out


def _flagged(ledger: Ledger, ctx: Context, errors: bool, prepared: dict[str, pd.DataFrame]):
    """Yield (check, prepared table, mask) for every check that applies to this ledger, of severity error
    (``errors``: all the rows left out need) or of the others (a warning may compute from the rows left out);
    ``prepared`` keeps each table as the checks take it, for the next call."""
    tables = {
        "submissions": ledger.submissions,
        "authors": ledger.authors,
        "adoptions": ledger.adoptions,
        "instructions": ledger.instructions,
        "forwards": ledger.forwards,
        "findings": ledger.findings,
        "files": ledger.files,
        "skipped": ledger.skipped,
    }
    for check in CHECKS:
        if check.needs_roster and not ledger.roster or (check.severity == "error") != errors:
            continue
        df = tables[check.table]
        if df.empty:
            continue
        if check.table not in prepared:
            prep = TABLE_PREP.get(check.table)
            prepared[check.table] = prep(df, ctx) if prep else df
        df = prepared[check.table]
        yield check, df, check.where(df, ctx).fillna(False).astype(bool)


def validate(ledger: Ledger, rules: Rules | None = None, today: dt.date | None = None) -> Report:
    """Run every check in the table over ``ledger``; return the Report (issues sorted by place).

    The rows with errors are kept with the ledger for the same rules and day, so the computations
    that follow (``error_rows``) do not run the checks a second time."""
    ledger = arguments.ledger(ledger, counted_too=False)
    rules = arguments.rules(rules, ledger.year) or ledger.rules or load_rules(year=ledger.year)
    ctx = Context(ledger, rules, today or dt.date.today())
    issues: list[Issue] = []
    errors: dict[str, pd.Series] = {}
    prepared: dict[str, pd.DataFrame] = {}
    for check, df, mask in _flagged(ledger, ctx, True, prepared):
        issues.extend(_issues(check, df, mask, ctx))
        _note_errors(errors, check, df, mask)
    # Remembered before the warnings run: those that weigh the rows left out (a 合计 against the items
    # counted) take them from here rather than run every error check a second time (1.4 s of 4.9 on
    # benchmarks/realistic.py's archive).
    _remember(ledger, rules, ctx.today, errors)
    for check, df, mask in _flagged(ledger, ctx, False, prepared):
        issues.extend(_issues(check, df, mask, ctx))
    ledger.cache("validated")["report"] = True  # its errors said, to whoever asked (compute: LeftOutWarning)
    # A cell several records are read from (one 批示领导 cell naming two leaders: two 批示 rows) is said
    # once per finding, not once per record: the same code and words at the same cell are one.
    issues = list(dict.fromkeys(issues))
    # In the order staff read them: file, sheet as it stands in the workbook, row, column.
    sheet_order = {(f, sh): k for k, (f, sh) in enumerate(zip(ledger.sheets["file"], ledger.sheets["sheet"]))}
    issues.sort(key=lambda i: (i.file or "", sheet_order.get((i.file, i.sheet), -1), i.row or 0, len(i.column or ""), i.column or "", i.code))
    unreadable = int(ledger.files["code"].isin(FILE_CODES).sum()) if len(ledger.files) else 0
    unreadable += int(ledger.findings["code"].isin(FILE_CODES).sum()) if len(ledger.findings) else 0
    return Report(issues=issues, records=ledger.counts, unreadable=unreadable)


def error_rows(ledger: Ledger, rules: Rules | None = None, today: dt.date | None = None) -> dict[str, pd.Series]:
    """Per record table, the first error code of each row that has an error (index → code).

    Computations leave these rows out and say so; warnings do not exclude a row.
    """
    rules = rules or ledger.rules or load_rules(year=ledger.year)
    ctx = Context(ledger, rules, today or dt.date.today())
    known = ledger.cache("error_rows").get(_key(rules, ctx.today))
    if known is not None:
        return known
    errors: dict[str, pd.Series] = {}
    for check, df, mask in _flagged(ledger, ctx, True, {}):
        _note_errors(errors, check, df, mask)
    _remember(ledger, rules, ctx.today, errors)
    return errors


def _note_errors(errors: dict[str, pd.Series], check: Check, df: pd.DataFrame, mask: pd.Series) -> None:
    if check.severity != "error" or check.table not in ("submissions", "adoptions", "forwards", "instructions") or not mask.any():
        return
    codes = pd.Series(check.code, index=df.index[mask])
    prev = errors.get(check.table)
    errors[check.table] = codes if prev is None else pd.concat([prev, codes[~codes.index.isin(prev.index)]])


def _key(rules: Rules, today: dt.date) -> tuple:
    # The same rules and day give the same error rows: rules read twice are equal, not identical; rules
    # whose data was edited in place are not the same rules (their digest is taken each time).
    return (rules.refresh(), today)


def _remember(ledger: Ledger, rules: Rules, today: dt.date, errors: dict[str, pd.Series]) -> None:
    # Kept while the ledger's tables stay as they are (``Ledger.cache``).
    ledger.cache("error_rows")[_key(rules, today)] = errors
