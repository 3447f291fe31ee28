"""Charts for the quarterly circular, as PNG files with Chinese labels.

Figures are drawn with matplotlib's object API (``Figure``, rendered by Agg), so nothing
touches pyplot's global state or a notebook's backend. Labels need a font with Chinese
glyphs: :func:`cjk_font` finds one or says how to install it, because without one every
Chinese character would come out as an empty box.

Drawing works from :func:`chart_data` — plain lists and titles taken from the circular — so
it can also run in a process of its own: :class:`ChartProcess`, started when a notebook
starts, imports matplotlib and loads the font while the notebook reads and computes, then
draws while the notebook writes the Excel workbook and the Word document up to its charts.
The PNG bytes come back over a pipe and are written on this side, so the files are the ones
:func:`write_circular_charts` writes and only the notebook's process touches its output folder.

matplotlib is imported only where it is used (not when this module is), so a notebook
that hands its charts to the chart process never loads it.
"""
from __future__ import annotations

import base64
import builtins
import functools
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..compute.circular import QuarterlyCircular

# Families known to carry Chinese, best first. Noto Sans CJK SC is Debian's fonts-noto-cjk;
# the rest are what Windows, macOS and other distributions ship.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
    "Noto Serif CJK SC", "Arial Unicode MS",
)
# File-name fragments of CJK fonts, to register ones installed after matplotlib built its cache.
_CJK_FILE_HINTS = ("cjk", "sourcehan", "wqy", "simhei", "msyh", "pingfang", "stheiti")

FIGSIZE = (8, 4.8)  # inches; 1200 × 720 px at DPI
DPI = 150
COLORS = {"submitted": "#1F4E79", "adopted": "#C00000", "quota": "#404040"}
FILES = {"units": "单位报送采用.png", "tiers": "采用层级分布.png", "monthly": "月度报送采用趋势.png"}


class MissingCJKFontError(RuntimeError):
    """No font with Chinese glyphs is installed."""


@functools.cache  # only successes are cached: a failed lookup is retried after installing
def cjk_font() -> str:
    """The family name of an installed font with Chinese glyphs, best of :data:`CJK_FAMILIES`."""
    from matplotlib import font_manager

    for attempt in range(2):
        names = {f.name for f in font_manager.fontManager.ttflist}
        found = next((n for n in CJK_FAMILIES if n in names), None)
        found = found or next((n for n in sorted(names) if "CJK" in n), None)
        if found:
            return found
        if attempt == 0:
            _register_system_cjk_fonts()
    raise MissingCJKFontError(
        "未找到可显示中文的字体,图表中的中文会显示为方框。请安装 Noto CJK 字体:"
        "Debian/Ubuntu 执行 sudo apt-get install fonts-noto-cjk;"
        "Windows 自带的黑体(SimHei)、微软雅黑(Microsoft YaHei)也可以。"
        "安装后若仍找不到,删除 matplotlib 的字体缓存(~/.cache/matplotlib)后重试。"
    )


def _register_system_cjk_fonts() -> None:
    """Add CJK font files the system has but matplotlib's cached font list predates."""
    from matplotlib import font_manager

    for path in font_manager.findSystemFonts():
        if any(hint in Path(path).name.lower() for hint in _CJK_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable font file is not our concern
                continue


def _rc() -> dict:
    # DejaVu Sans after the CJK family covers any symbol the CJK font lacks; the ASCII
    # hyphen for minus avoids U+2212, which some CJK fonts do not carry. 12 pt text stays
    # legible when the chart is printed 14 cm wide in the circular.
    return {"font.family": "sans-serif", "font.sans-serif": [cjk_font(), "DejaVu Sans"], "font.size": 12,
            "axes.unicode_minus": False, "axes.spines.top": False, "axes.spines.right": False}


# --- what the charts show, as plain values ---------------------------------------------------

def chart_data(circ: QuarterlyCircular) -> dict:
    """Everything the charts draw, as JSON-able lists and titles (keys as :data:`FILES`)."""
    from ..compute.circular import TIER_BODY

    table = circ.units_by_period()
    ytd = table["年度累计"].iloc[::-1]  # barh draws bottom-up; keep the table's order top-down
    tiers = circ.summary.adopted_by_tier
    m = circ.monthly
    return {
        "units": {
            "title": f"{circ.year_to_date.label}各{circ.unit_word}累计报送与采用",
            "names": table[("", "unit")].tolist()[::-1],
            **{col: ytd[col].tolist() for col in ("submitted", "adopted", "quota")},
        },
        "tiers": {
            "title": f"{circ.period.label}采用层级分布",
            "labels": [TIER_BODY.get(t, t) for t in tiers],
            "values": [_plain(v) for v in tiers.values()],
        },
        "monthly": {
            "title": f"{circ.year_to_date.label}月度报送与采用趋势",
            "months": [f"{k}月" for k in m["month"]],
            "submitted": m["submitted"].tolist(),
            "adopted": m["adopted"].tolist(),
        },
    }


def _plain(value):
    """A numpy scalar as the Python number it holds (JSON cannot carry numpy types)."""
    return value.item() if hasattr(value, "item") else value


# --- drawing: plain values in, PNG bytes out ---------------------------------------------------

def _units_chart(d: dict) -> Figure:
    """Year-to-date submitted and adopted per unit, grouped horizontal bars, with the quota marked."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    names = d["names"]
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    y = range(len(names))
    h = 0.38
    for offset, col, label in ((h / 2, "submitted", "报送"), (-h / 2, "adopted", "采用")):
        bars = ax.barh([i + offset for i in y], d[col], height=h, color=COLORS[col], label=label)
        ax.bar_label(bars, padding=2, fontsize=10)
    ax.scatter(d["quota"], list(y), marker="|", s=300, color=COLORS["quota"], label="进度任务", zorder=3)
    ax.set_yticks(list(y), names)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("条")
    ax.set_title(d["title"])
    fig.legend(loc="outside lower center", ncols=3, frameon=False)  # outside: bars can reach any corner
    return fig


def _tiers_chart(d: dict) -> Figure:
    """Adoptions in the quarter by tier."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    bars = ax.bar(d["labels"], d["values"], width=0.55, color=COLORS["adopted"])
    ax.bar_label(bars, padding=2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("采用(条)")
    ax.set_title(d["title"])
    return fig


def _monthly_chart(d: dict) -> Figure:
    """Submitted and adopted per month of the year to date."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    months = d["months"]
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    for col, label in (("submitted", "报送"), ("adopted", "采用")):
        ax.plot(months, d[col], marker="o", color=COLORS[col], label=label)
        for x, v in zip(months, d[col]):
            ax.annotate(str(v), (x, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=10)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("条")
    ax.set_title(d["title"])
    ax.legend(frameon=False)
    return fig


_CHARTS = {"units": _units_chart, "tiers": _tiers_chart, "monthly": _monthly_chart}


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # Fast zlib level: these are flat-colour charts, the files barely grow.
    fig.savefig(buf, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def draw_charts(data: dict, keys=tuple(FILES)) -> dict[str, bytes]:
    """The charts ``keys`` of ``data`` (from :func:`chart_data`; all of them by default) as PNG bytes."""
    import matplotlib

    with matplotlib.rc_context(_rc()):  # fonts are looked up when text is drawn, so save inside
        return {key: _png(_CHARTS[key](data[key])) for key in keys}


def _write(pngs: dict[str, bytes], out_dir: str | Path) -> list[Path]:
    from ..iorw import atomic_path

    out_dir = Path(out_dir)
    paths = []
    for key, png in pngs.items():
        with atomic_path(out_dir / FILES[key]) as tmp:
            tmp.write_bytes(png)
        paths.append(out_dir / FILES[key])
    return paths


def write_circular_charts(circ: QuarterlyCircular, out_dir: str | Path) -> list[Path]:
    """Write the circular's charts as PNGs into ``out_dir`` (names from :data:`FILES`), in the order
    units, tiers, monthly, and return their paths."""
    return _write(draw_charts(chart_data(circ)), out_dir)


# --- the chart process ---------------------------------------------------------------------------

class ChartProcess:
    """The circular's charts drawn by a separate Python process.

    ``ChartProcess()`` starts the process, which gets matplotlib and the CJK font ready and
    waits. :meth:`submit` hands it a circular's :func:`chart_data` and returns a
    :class:`ChartDrawing` at once; the files are the ones :func:`write_circular_charts` writes.
    A process draws one circular: submitting again (a notebook cell run a second time) starts
    a new one. An unused process ends with :meth:`close`, or when this one ends (its end of
    the pipe closes).
    """

    def __init__(self):
        self._idle: _Worker | None = _Worker()

    def submit(self, circ: QuarterlyCircular, out_dir: str | Path) -> ChartDrawing:
        """Send ``circ``'s charts to be drawn, to be written into ``out_dir``."""
        worker, self._idle = self._idle or _Worker(), None
        return ChartDrawing(worker, chart_data(circ), Path(out_dir))

    def close(self) -> None:
        """Stop the process if nothing was submitted to it."""
        if self._idle is not None:
            self._idle.stop()
            self._idle = None


class ChartDrawing(Sequence):
    """One circular's charts being drawn in a :class:`ChartProcess`, as the sequence of their paths.

    The number of charts is known at once; reading a path waits until every chart is written
    (so a writer that puts the charts late in its document gets on with the rest meanwhile).
    :meth:`result` waits, writes the PNGs and returns their paths. An error in drawing is
    raised here — :class:`MissingCJKFontError` as itself — and warnings and matplotlib's log
    records come back as drawing here would have raised them.
    """

    def __init__(self, worker: _Worker, data: dict, out_dir: Path):
        self._worker = worker
        self._out_dir = out_dir
        self._paths: list[Path] | None = None
        worker.send(data)

    def __len__(self) -> int:
        return len(FILES)

    def __getitem__(self, index):
        return self.result()[index]

    def result(self) -> list[Path]:
        """Wait for the charts, write them and return their paths (units, tiers, monthly)."""
        if self._paths is None:
            try:
                reply = self._worker.reply()
            except BaseException:  # interrupted while waiting (a timeout, say): stop drawing
                self.close()
                raise
            for w in reply["warnings"]:
                category = getattr(builtins, w["category"], None)
                category = category if isinstance(category, type) and issubclass(category, Warning) else UserWarning
                warnings.warn_explicit(w["message"], category, w["filename"], w["lineno"], module=__name__,
                                       registry=globals().setdefault("__warningregistry__", {}))
            for r in reply["logs"]:
                logging.getLogger(r["name"]).log(r["level"], "%s", r["message"])
            if "error" in reply:
                raise _rebuilt(reply["error"])
            self._paths = _write({key: base64.b64decode(png) for key, png in reply["pngs"].items()}, self._out_dir)
        return self._paths

    def close(self) -> None:
        """Stop the process if it is still drawing (say, writing the other files failed)."""
        self._worker.stop()


class _Worker:
    """The process itself: one request on its stdin, one answer on its stdout, then it ends."""

    def __init__(self):
        self._stderr = tempfile.TemporaryFile()  # a file, not a pipe: a chatty process never blocks on it
        self._proc = subprocess.Popen(
            [sys.executable, "-c", "from sqmy_lib.render.charts import _serve; _serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            env={**os.environ, "MPLBACKEND": "agg"},  # not the kernel's inline backend
        )

    def send(self, data: dict) -> None:
        try:
            self._proc.stdin.write(json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n")
            self._proc.stdin.close()
        except BrokenPipeError:  # it has died: reply() says why
            pass

    def reply(self) -> dict:
        line = self._proc.stdout.readline()
        self._proc.wait()  # it ends as soon as it has answered
        if not line.strip():
            self._stderr.seek(0)
            last = self._stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise RuntimeError(f"绘制图表的进程意外退出(退出码 {self._proc.returncode}):{last[0]}")
        return json.loads(line)

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        for f in (self._proc.stdin, self._proc.stdout, self._stderr):
            f.close()


def _rebuilt(error: dict) -> Exception:
    """The chart process's exception, as close to the original as this side can make it."""
    kind = MissingCJKFontError if error["type"] == "MissingCJKFontError" else getattr(builtins, error["type"], None)
    exc = None
    if isinstance(kind, type) and issubclass(kind, Exception):
        try:
            exc = kind(*error["args"])
        except TypeError:  # one that wants other arguments
            pass
    if exc is None:  # not a built-in exception: its name and message, as papermill would show them
        exc = RuntimeError(f"{error['type']}: {', '.join(map(str, error['args']))}")
    if hasattr(exc, "add_note"):  # Python 3.11+: the traceback over there shows under this one
        exc.add_note(f"(在绘制图表的进程中)\n{error['traceback']}")
    return exc


def _json_safe(value) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _warm_up() -> None:
    """Import what drawing needs and load the font, by drawing a small chart nobody sees."""
    import matplotlib

    sample = {"title": "报送采用", "names": ["单位"], "submitted": [1], "adopted": [1], "quota": [1.0]}
    with matplotlib.rc_context(_rc()):
        fig = _units_chart(sample)
        fig.savefig(io.BytesIO(), format="png", dpi=20)


# The chart the chart process hands to a copy of itself (os.fork, where there is one), so that
# two cores draw: it takes about as long as the other two, its legend trying every place.
_FORKED = ("monthly",)


def _serve() -> None:
    """The chart process: get ready, draw the one request read from stdin, answer on stdout."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not land in the answer
    # matplotlib logs some things once per process (a font not found): keep the warm-up's too.
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logging.getLogger("matplotlib").addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _warm_up()
    except Exception:  # no font, say: drawing for real raises it again, and that is reported
        pass
    line = stdin.readline()
    if not line:  # the notebook ended (or failed) before its charts
        return
    data = json.loads(line)
    logs = _log_rows(records)
    records.clear()
    forked = [key for key in FILES if key in _FORKED]
    copy = _fork(data, forked, records) if forked and hasattr(os, "fork") else None
    here = [key for key in FILES if copy is None or key not in forked]
    parts = [_draw(data, here, records)]
    if copy is not None:
        parts.append(_answer_of(*copy))
    stdout.write(json.dumps(_merged(parts, logs), ensure_ascii=False).encode("utf-8") + b"\n")
    stdout.flush()
    # Nothing is left to clean up, and the notebook waits for this process to end: skip the
    # interpreter's tear-down of matplotlib, as multiprocessing's workers do.
    os._exit(0)


def _draw(data: dict, keys: list[str], records: list[logging.LogRecord]) -> dict:
    """Draw ``keys``: their PNGs (base64) or the error, and the warnings and log records raised."""
    import traceback

    part: dict = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            pngs = draw_charts(data, keys)
            part["pngs"] = {key: base64.b64encode(png).decode("ascii") for key, png in pngs.items()}
        except Exception as exc:
            args = exc.args if _json_safe(exc.args) else (str(exc),)
            part["error"] = {"type": type(exc).__name__, "args": list(args), "traceback": traceback.format_exc()}
    part["warnings"] = [{"message": str(w.message), "category": w.category.__name__, "filename": w.filename,
                         "lineno": w.lineno} for w in caught]
    part["logs"] = _log_rows(records)
    return part


def _fork(data: dict, keys: list[str], records: list[logging.LogRecord]) -> tuple[int, int] | None:
    """Draw ``keys`` in a copy of this process: (its pid, the pipe its answer comes on), or None."""
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the copy: draw, answer on the pipe, end
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(json.dumps(_draw(data, keys, records), ensure_ascii=False).encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write)
    return pid, read


def _answer_of(pid: int, read: int) -> dict:
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(pid, 0)
    if not answer:
        return {"error": {"type": "RuntimeError", "args": ["绘制图表的子进程意外退出"], "traceback": ""},
                "warnings": [], "logs": []}
    return json.loads(answer)


def _merged(parts: list[dict], logs: list[dict]) -> dict:
    """One answer from the parts, as drawing every chart in turn would have given: the charts in
    :data:`FILES` order and, after a part that failed, nothing from the parts after it."""
    merged: dict = {"pngs": {}, "warnings": [], "logs": logs}
    for part in parts:
        merged["warnings"] += part["warnings"]
        merged["logs"] += part["logs"]
        if "error" in part:
            merged["error"] = part["error"]
            del merged["pngs"]
            return merged
        merged["pngs"].update(part["pngs"])
    merged["pngs"] = {key: merged["pngs"][key] for key in FILES}
    return merged


def _log_rows(records: list[logging.LogRecord]) -> list[dict]:
    return [{"name": r.name, "level": r.levelno, "message": r.getMessage()} for r in records]
