"""Charts for the quarterly circular, as PNG files with Chinese labels.

Figures are drawn with matplotlib's object API (``Figure``, rendered by Agg), so nothing
touches pyplot's global state or a notebook's backend. Labels need a font with Chinese
glyphs: :func:`cjk_font` finds one or says how to install it, because without one every
Chinese character would come out as an empty box.
"""
from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..compute.circular import TIER_BODY, QuarterlyCircular
from ..iorw import atomic_path

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


def _save(fig: Figure, path: Path) -> Path:
    with atomic_path(path) as tmp:
        # Fast zlib level: these are flat-colour charts, the files barely grow.
        fig.savefig(tmp, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return path


def _units_chart(circ: QuarterlyCircular) -> Figure:
    """Year-to-date submitted and adopted per unit, grouped horizontal bars, with the quota marked."""
    table = circ.units_by_period()
    names = table[("", "unit")].tolist()[::-1]  # barh draws bottom-up; keep the table's order top-down
    ytd = table["年度累计"].iloc[::-1]
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    y = range(len(names))
    h = 0.38
    for offset, col, label in ((h / 2, "submitted", "报送"), (-h / 2, "adopted", "采用")):
        bars = ax.barh([i + offset for i in y], ytd[col], height=h, color=COLORS[col], label=label)
        ax.bar_label(bars, padding=2, fontsize=10)
    ax.scatter(ytd["quota"], list(y), marker="|", s=300, color=COLORS["quota"], label="进度任务", zorder=3)
    ax.set_yticks(list(y), names)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("条")
    ax.set_title(f"{circ.year_to_date.label}各单位累计报送与采用")
    fig.legend(loc="outside lower center", ncols=3, frameon=False)  # outside: bars can reach any corner
    return fig


def _tiers_chart(circ: QuarterlyCircular) -> Figure:
    """Adoptions in the quarter by tier."""
    tiers = circ.summary.adopted_by_tier
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    bars = ax.bar([TIER_BODY.get(t, t) for t in tiers], list(tiers.values()), width=0.55, color=COLORS["adopted"])
    ax.bar_label(bars, padding=2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("采用(条)")
    ax.set_title(f"{circ.period.label}采用层级分布")
    return fig


def _monthly_chart(circ: QuarterlyCircular) -> Figure:
    """Submitted and adopted per month of the year to date."""
    m = circ.monthly
    months = [f"{k}月" for k in m["month"]]
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    for col, label in (("submitted", "报送"), ("adopted", "采用")):
        ax.plot(months, m[col], marker="o", color=COLORS[col], label=label)
        for x, v in zip(months, m[col]):
            ax.annotate(str(v), (x, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=10)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("条")
    ax.set_title(f"{circ.year_to_date.label}月度报送与采用趋势")
    ax.legend(frameon=False)
    return fig


_CHARTS = {"units": _units_chart, "tiers": _tiers_chart, "monthly": _monthly_chart}


def write_circular_charts(circ: QuarterlyCircular, out_dir: str | Path) -> list[Path]:
    """Write the circular's charts as PNGs into ``out_dir`` (names from :data:`FILES`), in the order
    units, tiers, monthly, and return their paths."""
    out_dir = Path(out_dir)
    with matplotlib.rc_context(_rc()):  # fonts are looked up when text is drawn, so save inside
        return [_save(draw(circ), out_dir / FILES[key]) for key, draw in _CHARTS.items()]
