"""The reader's whole output on the bundled demo offices is what it was: a guard for work on the
reader's speed and shape (issue 17), which must change how the ledgers are read, never what is read.

Every table the reader gives (items, authors, adoptions, forwardings, 批示, sheets, files,
findings, rows set aside, the roster) is reduced to a digest of its rows, in order, and compared
with ``tests/data/reader_fingerprint.json``. The figures themselves are tested against
independent answers elsewhere (``test_demo_office.py``, ``test_reader_cases.py``); this test says
only "unchanged". When a change to the reader is meant to change what it reads, the test fails
naming the table; say why in the commit and write the new fingerprint with

    python tests/test_reader_fingerprint.py --update
"""
from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAVED = ROOT / "tests" / "data" / "reader_fingerprint.json"
INPUTS = {"demo": ("workbooks/demo", "workbooks/demo/名册.xlsx"), "demo_city": ("workbooks/demo_city", None)}
TABLES = ("submissions", "authors", "adoptions", "forwards", "instructions", "sheets", "files", "findings", "skipped")


def _canon(value) -> str:
    """One cell as text, the same under pandas 2.2 and 3 (dtypes aside) and on any machine."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "∅"
    if isinstance(value, (float, np.floating)):
        return "∅" if math.isnan(value) else repr(float(value))
    if isinstance(value, (bool, np.bool_)):
        return "T" if value else "F"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return "(" + "|".join(map(_canon, value)) + ")"
    if isinstance(value, dict):
        return json.dumps({str(k): _canon(v) for k, v in value.items()}, ensure_ascii=False, sort_keys=True)
    text = str(value)
    # Paths as the repository names them, whatever the checkout's place or the OS's separator.
    return text.replace(str(ROOT) + "/", "").replace(str(ROOT) + "\\", "").replace("\\", "/")


def _digest(frame: pd.DataFrame) -> dict:
    h = hashlib.sha256("\t".join(map(str, frame.columns)).encode())
    for row in frame.astype(object).itertuples(index=False):
        h.update(("\n" + "\t".join(map(_canon, row))).encode())
    return {"rows": len(frame), "sha256": h.hexdigest()}


def fingerprint(name: str) -> dict:
    """The digest of every table the reader gives for one demo office."""
    from sqmy_lib.read import read_ledgers

    folder, roster = INPUTS[name]
    ledger = read_ledgers(ROOT / folder, roster=ROOT / roster if roster else None)
    out = {t: _digest(getattr(ledger, t)) for t in TABLES}
    if ledger.roster is not None:
        out.update({f"roster.{t}": _digest(getattr(ledger.roster, t)) for t in ("people", "units", "findings")})
    out["year"] = ledger.year
    return out


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_reader_output_unchanged(name):
    saved = json.loads(SAVED.read_text(encoding="utf-8"))[name]
    now = fingerprint(name)
    changed = [t for t in saved if saved[t] != now.get(t)]
    assert not changed, f"{name}: the reader now reads these tables differently: " + ", ".join(
        f"{t} ({saved[t]['rows'] if isinstance(saved[t], dict) else saved[t]} → "
        f"{now[t]['rows'] if isinstance(now.get(t), dict) else now.get(t)} rows)" for t in changed)


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: python tests/test_reader_fingerprint.py --update")
    sys.path.insert(0, str(ROOT))
    SAVED.parent.mkdir(exist_ok=True)
    SAVED.write_text(json.dumps({n: fingerprint(n) for n in sorted(INPUTS)}, ensure_ascii=False, indent=1) + "\n",
                     encoding="utf-8")
    print(f"written: {SAVED.relative_to(ROOT)}")
