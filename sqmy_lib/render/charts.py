"""Charts for the quarterly circular, as PNG files with Chinese labels.

Figures are drawn with matplotlib's object API (``Figure``, rendered by Agg), so nothing
touches pyplot's global state or a notebook's backend. Labels need a font with Chinese
glyphs: :func:`cjk_font` finds one or says how to install it, because without one every
Chinese character would come out as an empty box.

Drawing works from :func:`chart_data` — plain lists and titles taken from the circular — so
it can also run in a process of its own: :class:`ChartProcess`, a one-worker
``ProcessPoolExecutor`` started when a notebook starts, imports matplotlib and loads the font
while the notebook reads and computes, then draws while the notebook writes the Excel workbook
and the Word document. The PNG bytes come back as the future's result and are written on this
side, so the files are the ones :func:`write_circular_charts` writes.

matplotlib is imported only where it is used (not when this module is), so a notebook
that hands its charts to the chart process never loads it.
"""
from __future__ import annotations

import contextlib
import functools
import io
import sys
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
    """Everything the charts draw, as plain lists and titles (keys as :data:`FILES`)."""
    from .. import zh

    table = circ.units_by_period()
    ytd = table["年度累计"].iloc[::-1]  # barh draws bottom-up; keep the table's order top-down
    tiers = circ.summary.adopted_by_tier
    m = circ.monthly
    return {
        "units": {
            "title": zh.punctuate(f"{circ.year_to_date.label}各{circ.unit_word}累计报送与采用"),
            "names": table[("", "unit")].tolist()[::-1],
            **{col: ytd[col].tolist() for col in ("submitted", "adopted", "quota")},
        },
        "tiers": {
            "title": zh.punctuate(f"{circ.period.label}采用层级分布"),
            "labels": list(tiers),  # the tiers as the rules name them (a tier is not one body)
            "values": [_plain(v) for v in tiers.values()],
        },
        "monthly": {
            "title": zh.punctuate(f"{circ.year_to_date.label}月度报送与采用趋势"),
            "months": [f"{k}月" for k in m["month"]],
            "submitted": m["submitted"].tolist(),
            "adopted": m["adopted"].tolist(),
        },
    }


def _plain(value):
    """A numpy scalar as the Python number it holds (the worker needs no numpy types)."""
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
    ax.set_ylabel("采用（条）")
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
    fig.legend(loc="outside lower center", ncols=2, frameon=False)  # outside: never over a line, no search
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


# --- drawing beside the notebook -----------------------------------------------------------------

class ChartProcess:
    """The circular's charts drawn by a one-worker :class:`~concurrent.futures.ProcessPoolExecutor`.

    ``ChartProcess()`` starts the worker, which imports matplotlib and loads the CJK font
    (:func:`_warm_up`) while the notebook reads and computes; :meth:`submit` sends a circular's
    :func:`chart_data` and returns a :class:`ChartDrawing` at once. The worker only draws (plain
    lists in, PNG bytes out); the files are written here, so they are the ones
    :func:`write_circular_charts` writes. An error in drawing comes back as the executor raises
    it (:class:`MissingCJKFontError` as itself). The worker uses the ``spawn`` start method: a
    notebook kernel has threads, and a forked copy of it could deadlock.
    """

    def __init__(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_warm_up)
        with _main_not_rerun():
            self._ready = self._pool.submit(int)  # starts the worker (and its warm-up) now

    def submit(self, circ: QuarterlyCircular, out_dir: str | Path) -> ChartDrawing:
        """Send ``circ``'s charts to be drawn, to be written into ``out_dir``."""
        data = chart_data(circ)
        return ChartDrawing(self, self._pool.submit(draw_charts, data), Path(out_dir), data)

    def close(self) -> None:
        """Stop the worker (at once, dropping work not started)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def _main_not_rerun():
    """Start a spawned worker without running this process's main module in it again.

    ``spawn`` re-imports ``__main__`` in the child so pickled functions defined there resolve;
    the worker only needs this module's functions, and re-running an analyst's script (or the
    kernel's launcher, or "<stdin>", which is no file at all) there is waste or an error. While
    the worker starts, ``__main__`` says it has no file and no spec, so spawn leaves it alone."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


class ChartDrawing(Sequence):
    """One circular's charts being drawn, as the sequence of their paths.

    The number of charts is known at once; reading a path waits until every chart is written.
    :meth:`result` waits, writes the PNGs and returns their paths; :meth:`pngs` the bytes.
    """

    def __init__(self, process: ChartProcess, future, out_dir: Path, data: dict):
        self._process, self._future, self._out_dir, self._data = process, future, out_dir, data
        self._paths: list[Path] | None = None

    def __len__(self) -> int:
        return len(FILES)

    def __getitem__(self, index):
        return self.result()[index]

    def pngs(self) -> dict[str, bytes]:
        """The PNG bytes by chart key (waits for the drawing). Should the worker have died (killed,
        out of memory), the charts are drawn here instead; a drawing error is raised as it is."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._future.result()
        except BrokenProcessPool:
            return draw_charts(self._data)

    def result(self) -> list[Path]:
        """Wait for the charts, write them and return their paths (units, tiers, monthly)."""
        if self._paths is None:
            self._paths = _write(self.pngs(), self._out_dir)
        return self._paths

    def close(self) -> None:
        """Stop the worker (say, writing the other files failed)."""
        self._process.close()


def _warm_up() -> None:
    """Import what drawing needs and load the font, by drawing a small chart nobody sees.

    The worker ignores Ctrl-C (SIGINT): the kernel that started it is interrupted and shut down
    through its process group, and stopping the worker is the notebook's business
    (:meth:`ChartProcess.close`), not a traceback on the terminal."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import matplotlib

    matplotlib.use("agg")  # not the kernel's inline backend
    sample = {"title": "报送采用", "names": ["单位"], "submitted": [1], "adopted": [1], "quota": [1.0]}
    try:
        with matplotlib.rc_context(_rc()):
            fig = _units_chart(sample)
            fig.savefig(io.BytesIO(), format="png", dpi=20)
    except MissingCJKFontError:  # drawing for real raises it again, and that is reported
        pass
