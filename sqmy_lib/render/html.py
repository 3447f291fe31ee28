"""The HTML report: the document as a page for people, readable on a phone, opened from a file.

It shows what the Word document says (the same :class:`~.document.Gongwen`: headings, paragraphs,
tables from their :mod:`~.spec`), followed by the charts, embedded as PNG data, so the one file
carries everything: no scripts, no fonts or styles from elsewhere, no links, no code, no local
paths. Every text from a ledger is escaped; nothing in it becomes markup.
"""
from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Iterable

from .. import zh
from ..iorw import write_text
from .document import Gongwen, Heading, Issuing, Para, TableBlock

STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f2; color: #222;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "FangSong", "Noto Sans CJK SC", serif;
  font-size: 17px; line-height: 1.75; }
main { max-width: 900px; margin: 0 auto; padding: 1.2em 1em 3em; background: #fff; }
header.doc { text-align: center; border-bottom: 2px solid #c00000; padding-bottom: .6em; margin-bottom: 1em; }
header.doc .mark { color: #c00000; font-size: 1.6em; font-weight: bold; letter-spacing: .05em; }
header.doc .number { font-size: .95em; }
h1 { font-size: 1.45em; text-align: center; line-height: 1.5; margin: .8em 0; }
h2 { font-size: 1.15em; margin: 1.2em 0 .4em; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
h3 { font-size: 1.05em; margin: 1em 0 .3em; }
p { margin: .3em 0; text-indent: 2em; text-align: justify; }
p.to, p.sign, p.note { text-indent: 0; }
p.sign { text-align: right; }
p.attachments { text-indent: -3em; padding-left: 5em; }  /* 左空二字; later names under the first (GB/T 9704 7.3.4) */
p.note { text-align: right; font-size: .85em; color: #555; }
b { font-weight: bold; }
p.draft { text-indent: 0; text-align: center; font-weight: bold; color: #c00000; border: 2px solid #c00000;
  padding: .3em; margin: 0 0 1em; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
.attachment { margin-top: 2em; border-top: 1px dashed #999; padding-top: 1em; }
.attachment .label { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .4em 0 1em; }
table { border-collapse: collapse; font-size: .85em; line-height: 1.45; min-width: 60%; margin: 0 auto; }
th, td { border: 1px solid #888; padding: .25em .5em; text-align: center; vertical-align: middle; }
th { background: #eef1f6; white-space: nowrap; }
td.long { text-align: left; min-width: 10em; }
td.num { text-align: right; white-space: nowrap; }
figure { margin: 1.2em 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #444; }
.imprint { margin-top: 2em; border-top: 2px solid #222; border-bottom: 2px solid #222; font-size: .95em; }
.imprint p { text-indent: 0; margin: 0; padding: .3em 1em; display: flex; justify-content: space-between; }
.imprint p + p { border-top: 1px solid #222; }
@media (max-width: 600px) { body { font-size: 16px; } main { padding: .8em .7em 2em; } }
"""


def _e(text) -> str:
    return html.escape(zh.punctuate(str(text)), quote=True)


def _table(block: TableBlock) -> str:
    spec = block.spec.present(block.df)
    head = ""
    if spec.two_level:
        top, sub, j, cols = [], [], 0, list(spec)
        while j < len(cols):
            c = cols[j]
            if not c.group:
                top.append(f'<th rowspan="2">{_e(c.label)}</th>')
                j += 1
                continue
            k = j
            while k + 1 < len(cols) and cols[k + 1].group == c.group:
                k += 1
            top.append(f'<th colspan="{k - j + 1}">{_e(c.group)}</th>')
            sub += [f"<th>{_e(x.label)}</th>" for x in cols[j:k + 1]]
            j = k + 1
        head = f"<tr>{''.join(top)}</tr><tr>{''.join(sub)}</tr>"
    else:
        head = "<tr>" + "".join(f"<th>{_e(c.label)}</th>" for c in spec) + "</tr>"
    classes = ["num" if c.numeric else "long" if c.kind == "long" else "" for c in spec]
    rows = spec.rows(block.df, row_kinds=block.row_kinds)
    body = "".join("<tr>" + "".join(f'<td class="{k}">{_e(t)}</td>' if k else f"<td>{_e(t)}</td>"
                                     for t, k in zip(row, classes)) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(spec)}">无</td></tr>'
    note = f'<p class="note">{_e(block.note)}</p>' if block.note else ""
    return f'{note}<div class="scroll"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>'


def _blocks(blocks: Iterable, numbered: bool = True) -> str:
    out, n1, n2 = [], 0, 0
    for b in blocks:
        if isinstance(b, Heading):
            if b.level == 1:
                n1, n2 = n1 + 1, 0
                out.append(f"<h2>{zh.zh_number(n1)}、{_e(b.text)}</h2>" if numbered else f"<h2>{_e(b.text)}</h2>")
            else:
                n2 += 1
                out.append(f"<h3>（{zh.zh_number(n2)}）{_e(b.text)}</h3>")
        elif isinstance(b, Para):
            lead = f"<b>{_e(b.lead)}</b>" if b.lead else ""
            out.append(f"<p>{lead}{_e(b.text)}</p>")
        elif isinstance(b, TableBlock):
            out.append(_table(b))
    return "\n".join(out)


def _imprint(i: Issuing) -> str:
    """版记 as the Word document's (``Issuing.imprint_rows``): 抄送 (if any), then 印发机关 and 印发日期,
    between a thick line above and below."""
    return ('<footer class="imprint">' + "".join(f"<p><span>{_e(left)}</span><span>{_e(right)}</span></p>"
                                                 for left, right in i.imprint_rows()) + "</footer>")


def report_html(gongwen: Gongwen, charts: dict[str, bytes] | None = None, chart_titles: dict[str, str] | None = None) -> str:
    """The whole page: 版头, title, 主送, body, 附件说明, signature, the attachments, 版记, then the charts."""
    i = gongwen.issuing
    parts = [f'<p class="draft">{_e(gongwen.draft)}</p>'] if gongwen.draft else []
    parts.append('<header class="doc">')
    if i.mark:
        parts.append(f'<div class="mark">{_e(i.mark)}</div>')
    if i.number.strip():
        parts.append(f'<div class="number">{_e(i.number)}</div>')
    parts.append("</header>")
    parts.append(f"<h1>{_e(gongwen.title)}</h1>")
    if gongwen.addressee:  # a page without 主送 (the letters' index) has no line for it, not a lone "："
        parts.append(f'<p class="to">{_e(gongwen.addressee.rstrip("：:") + "：")}</p>')
    parts.append(_blocks(gongwen.body))
    several = len(gongwen.attachments) > 1
    if gongwen.attachments:
        names = [f"{n}. {a.title}" if several else a.title for n, a in enumerate(gongwen.attachments, 1)]
        parts.append('<p class="attachments">附件：' + "<br>".join(_e(x) for x in names) + "</p>")
    parts.append(f'<p class="sign">{_e(i.organ)}<br>{_e(zh.zh_date(i.date))}</p>')
    for n, a in enumerate(gongwen.attachments, 1):
        label = f"附件{n}" if several else "附件"
        parts.append(f'<section class="attachment"><div class="label">{label}</div><h1>{_e(a.title)}</h1>'
                     f"{_blocks(a.blocks)}</section>")
    if gongwen.addressee:  # a 公文 sent out (not the letters' index page): its 版记, as the Word one ends
        parts.append(_imprint(i))
    if charts:
        parts.append('<section class="attachment"><h1>图表</h1>')
        for key, png in charts.items():
            title = (chart_titles or {}).get(key, key)
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<figure><img alt="{_e(title)}" src="data:image/png;base64,{data}">'
                         f"<figcaption>{_e(title)}</figcaption></figure>")
        parts.append("</section>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(gongwen.title)}</title><style>{STYLE}</style></head>"
            f"<body><main>\n{''.join(parts)}\n</main></body></html>\n")


def write_report_html(gongwen: Gongwen, path: str | Path, charts: dict[str, bytes] | None = None,
                      chart_titles: dict[str, str] | None = None) -> Path:
    """Write :func:`report_html` to ``path`` atomically."""
    return write_text(path, report_html(gongwen, charts, chart_titles))
