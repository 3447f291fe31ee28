"""Writing outputs safely: to a temporary file beside the target, renamed into place.

A failure part-way never leaves a half-written file and never destroys a good
earlier output, because the rename is the only step that touches the target.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


# Every folder the tool writes its outputs into holds this file: reading ledgers skips such a
# folder, so an output (an annotated copy, a circular's workbook) is never read back as a ledger.
OUTPUT_MARKER = ".sqmy-output"


def mark_output_dir(folder: str | os.PathLike) -> Path:
    """Create ``folder`` if need be and mark it as the tool's output folder (see OUTPUT_MARKER)."""
    folder = Path(folder)
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
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part{target.suffix}", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp creates 0600; an output staff share should get the usual umask-based mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(target: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``target`` atomically and return the target path."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)
