"""Writing outputs safely: to a temporary file beside the target, renamed into place.

A failure part-way never leaves a half-written file and never destroys a good
earlier output, because the rename is the only step that touches the target.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

TEMP_PREFIX = ".~sqmy-"
STALE_AFTER = 3600  # seconds: a temporary file this old belongs to a run that was killed


# Every folder the tool writes its outputs into holds this file: reading ledgers skips such a
# folder, so an output (an annotated copy, a circular's workbook) is never read back as a ledger.
OUTPUT_MARKER = ".sqmy-output"
# A report folder (run.outputs) says which files belong to which report in this file; it marks the
# folder as an output folder too.
REPORT_MARKER = ".sqmy-report.json"
# A custom document property every workbook sqmy writes carries (not the blank template staff fill in):
# such a workbook copied among the ledgers is refused, never read back as one (read.safety).
OUTPUT_PROPERTY = "sqmy_lib_output"
OUTPUT_PROPERTY_TEXT = "sqmy 生成的文件,不作为台账读取"


# A folder's list of the CSV files the tool wrote into it (a CSV carries no mark of its own, as a
# workbook does): the reader passes over them.
OUTPUT_FILES = ".sqmy-output-files"


def _note_output_file(path: Path) -> None:
    listed = path.parent / OUTPUT_FILES
    try:
        names = set(listed.read_text(encoding="utf-8").splitlines()) if listed.exists() else set()
        if path.name not in names:
            with open(listed, "a", encoding="utf-8") as f:
                f.write(path.name + "\n")
    except OSError:
        pass  # a list not written costs a finding on the next read (file.no_ledger), not the output


def output_files_in(folder: str | os.PathLike, names) -> set[str]:
    """The CSV files of ``folder`` (holding the file ``names``) that the tool wrote there itself."""
    if OUTPUT_FILES not in names:
        return set()
    try:
        return set((Path(folder) / OUTPUT_FILES).read_text(encoding="utf-8").splitlines())
    except OSError:
        return set()


# The files this process read as inputs (ledgers, rosters): an output is never written over one of them.
_inputs: set[str] = set()


class OutputOverInput(ValueError):
    """An output asked to be written onto a file this process read as an input."""


def _key(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.realpath(path))


def note_inputs(paths) -> None:
    """Remember files read as inputs: ``atomic_path`` refuses to write an output onto one."""
    _inputs.update(_key(p) for p in paths)


def is_output_folder(names) -> bool:
    """Whether a folder holding the file ``names`` is one of the tool's output folders."""
    return OUTPUT_MARKER in names or REPORT_MARKER in names


def mark_output_dir(folder: str | os.PathLike) -> Path:
    """Create ``folder`` if need be and mark it as the tool's output folder (see OUTPUT_MARKER)."""
    folder = Path(folder)
    inside = _key(folder) + os.sep
    if any(k.startswith(inside) for k in _inputs):  # marked, it would hide the ledgers in it from every later read
        raise OutputOverInput(f"输出文件夹不能是台账所在的文件夹或其上级:{folder};请另选输出文件夹 [output.is_input]")
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / OUTPUT_MARKER
    if not marker.exists():
        marker.write_text("本文件夹由 sqmy 生成;读取台账时跳过本文件夹。\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path to write to; on success rename it onto ``target``.

    The temporary file keeps the target's suffix so libraries that choose a
    format by extension (openpyxl, xlsxwriter) behave the same.
    """
    target = Path(target)
    with _temporary_beside(target) as tmp_path:
        yield tmp_path
        os.replace(tmp_path, target)
        if target.suffix.lower() == ".csv":
            _note_output_file(target)


def write_texts_together(texts: dict[Path, str], encoding: str = "utf-8", newline: str | None = None) -> list[Path]:
    """Write several text outputs as one set: each to a temporary file first, then all renamed into place;
    when one cannot be (a CSV open in WPS), those already renamed get their earlier contents back, so a
    failed run leaves the earlier set whole, never half old and half new."""
    with contextlib.ExitStack() as stack:
        temps = {}
        for target, text in texts.items():
            tmp = stack.enter_context(_temporary_beside(Path(target)))
            tmp.write_text(text, encoding=encoding, newline=newline)
            temps[Path(target)] = tmp
        done: list[tuple[Path, Path | None]] = []  # (target, its earlier contents moved aside, or None)
        try:
            for target, tmp in temps.items():
                kept = None
                if target.exists():
                    kept = stack.enter_context(_temporary_beside(target))
                    os.replace(target, kept)
                done.append((target, kept))
                os.replace(tmp, target)
        except BaseException:
            for target, kept in reversed(done):
                if kept is not None:
                    os.replace(kept, target)
                else:
                    target.unlink(missing_ok=True)
            raise
        for target in temps:
            if target.suffix.lower() == ".csv":
                _note_output_file(target)
    return list(temps)


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """A temporary file's path in ``target``'s folder, removed at the end if still there. Refused when
    ``target`` is a ledger just read (``compute … --out 台账.xlsx``)."""
    if _inputs and _key(target) in _inputs:
        raise OutputOverInput(f"输出文件不能是读取的台账或名册本身:{target};请换一个输出文件名 [output.is_input]")
    target.parent.mkdir(parents=True, exist_ok=True)
    # A short name of our own, not the target's: a legal 255-byte target name plus a prefix would
    # pass NAME_MAX. The suffix is kept (when short) for the libraries that go by it.
    suffix = target.suffix if len(target.suffix.encode("utf-8", "surrogateescape")) <= 16 else ""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=f".part{suffix}", dir=target.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a shared output gets the usual mode
    try:
        yield Path(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_text(target: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``target`` atomically and return the target path."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)


def clean_temp_files(folder: str | os.PathLike, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove temporary files that killed runs left in ``folder`` (only ours, only old ones)."""
    import time

    removed = []
    try:
        candidates = [p for p in Path(folder).iterdir() if p.name.startswith(TEMP_PREFIX) and p.is_file()]
    except OSError:
        return removed
    for path in candidates:
        try:
            if time.time() - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def write_tables(target: str | os.PathLike, sheets: dict) -> Path:
    """DataFrames (sheet name → table) to one .xlsx, atomically, for analysts: values as values (money
    as numbers), text never turned into a formula or a link, an empty table as its header row."""
    from decimal import Decimal

    import pandas as pd

    target = Path(target)
    with atomic_path(target) as tmp:
        options = {"strings_to_formulas": False, "strings_to_urls": False}
        with pd.ExcelWriter(tmp, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
            writer.book.set_custom_property(OUTPUT_PROPERTY, OUTPUT_PROPERTY_TEXT)
            for name, table in sheets.items():
                frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
                flat = frame.copy()
                for column in flat.columns[flat.dtypes == object]:
                    # Money kept as Decimal would land in Excel as text: yuan as numbers (exact to the fen).
                    values = flat[column].dropna()
                    if len(values) and all(isinstance(v, Decimal) for v in values):
                        flat[column] = flat[column].map(lambda v: float(v) if isinstance(v, Decimal) else v)
                if isinstance(flat.columns, pd.MultiIndex):
                    flat.columns = [" ".join(str(c) for c in col if str(c)) for col in flat.columns]
                flat.to_excel(writer, sheet_name=str(name)[:31], index=not isinstance(frame.index, pd.RangeIndex))
    return target


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 120


def safe_file_name(name: str, suffix: str = "", taken: set | None = None) -> str:
    """A file name that Windows accepts, built from text staff wrote (a unit or a person's name):
    ``/ \\ : * ? " < > |`` and control characters become ``_``, no trailing dot or space, not a
    reserved device name (CON, NUL…), under ``MAX_NAME`` characters with its suffix. With
    ``taken`` (names already used, compared without case, as Windows does) a repeat gets
    ``(2)``, ``(3)``… and the name is added to ``taken``."""
    base = _UNSAFE.sub("_", str(name)).strip().rstrip(". ") or "_"
    if base.split(".")[0].upper() in _RESERVED:
        base = "_" + base
    room = MAX_NAME - 1 - len(suffix) - 5  # room for "(NNN)"
    base = base[:room].rstrip(". ") or "_"
    out, n = base + suffix, 1
    while taken is not None and out.lower() in taken:
        n += 1
        out = f"{base}({n}){suffix}"
    if taken is not None:
        taken.add(out.lower())
    return out
