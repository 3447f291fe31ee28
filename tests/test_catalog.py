"""One catalog of codes: every check and every reader finding is an entry, and the README's table
is generated from it."""
from __future__ import annotations

import re
from pathlib import Path

from sqmy_lib.catalog import CATALOG, COUNTING_CODES, ERROR, INFO, WARNING, markdown
from sqmy_lib.validate.checks import CHECKS, READER_CODES

README = Path(__file__).resolve().parents[1] / "README.md"
READER_SOURCES = Path(__file__).resolve().parents[1] / "sqmy_lib" / "read"


def test_every_check_and_reader_code_is_in_the_catalog_and_back():
    checked = {c.code for c in CHECKS}
    assert checked <= set(CATALOG)
    assert set(CATALOG) - set(COUNTING_CODES) <= checked, set(CATALOG) - checked  # every finding is looked for somewhere
    emitted = set()
    for path in READER_SOURCES.glob("*.py"):
        emitted |= set(re.findall(r'"((?:file|input|sheet|header|column|formula|mark|issue|adoption|cell|product|role|'
                                  r'instruction|forward|author|link|repeat|roster|row|ledger|unit|date|office|title)\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert emitted <= set(CATALOG), emitted - set(CATALOG)
    assert set(READER_CODES) <= emitted | {"link.ambiguous"}
    assert all(c.severity in (ERROR, WARNING, INFO) and c.title and c.message for c in CATALOG.values())


def test_readme_lists_the_catalog_as_generated():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- catalog:start -->\n(.*)\n<!-- catalog:end -->", text, re.S)
    assert block and block[1] == markdown(), "README: regenerate the table with python -m sqmy_lib.catalog"
