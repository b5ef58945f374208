"""One agency's history page in the fleet dashboard: the score over nights as a chart, each
item's status night by night (since when it fails, and tonight's reason), and links to
tonight's HTML, XLSX and JSON reports. Prints to A4 for the letter to the agency.

Static and script-free (the same CSP as the HTML report); every string from a site or a
file is escaped.
"""

from __future__ import annotations

from html import escape

from oit_checker.i18n import say, status_label
from oit_checker.model import AgencyHistory, Report
from oit_checker.reporters.base import (
    STATIC_CSP,
    STATUS_COLOURS,
    Options,
    losing,
    text_of,
    title_of,
)

CSP = STATIC_CSP
COLOURS = STATUS_COLOURS
CSS = """
body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI","Tahoma",sans-serif;margin:1.5rem auto;
max-width:1100px;padding:0 1rem;color:#1b1b1b;line-height:1.45}h1{font-size:1.4rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .4rem;
text-align:left;vertical-align:top}.nights{overflow-x:auto}.cell{display:inline-block;width:12px;
height:12px;margin-right:1px;border-radius:2px}a{color:#0b57d0;word-break:break-all}svg{max-width:100%;height:auto}
@media (max-width:700px){table,tbody,tr,td{display:block}thead{display:none}
tr{border:1px solid #ddd;border-radius:6px;margin:0 0 .5rem;padding:.2rem .4rem}td{border:0;padding:.1rem 0}}
@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}tr{break-inside:avoid}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _chart(history: AgencyHistory, lang: str) -> str:
    points = history.trend
    if not points:
        return ""
    w, h, pad = 600, 180, 28
    step = (w - 2 * pad) / max(1, len(points) - 1)

    def y(v: float) -> float:
        return h - pad - v / 100 * (h - 2 * pad)

    low = " ".join(f"{pad + i * step:.1f},{y(p.oit_score):.1f}" for i, p in enumerate(points))
    high = " ".join(f"{pad + i * step:.1f},{y(p.oit_score_max):.1f}" for i, p in enumerate(points))
    grid = "".join(
        f'<line x1="{pad}" x2="{w - pad}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eee"/>'
        f'<text x="2" y="{y(v) + 4:.1f}" font-size="10">{v}</text>'
        for v in (0, 25, 50, 75, 100)
    )
    dots = "".join(
        f'<circle cx="{pad + i * step:.1f}" cy="{y(p.oit_score):.1f}" r="3" fill="#0b57d0">'
        f"<title>{_e(p.night)}: {p.oit_score:.2f}</title></circle>"
        for i, p in enumerate(points)
    )
    ends = (
        f'<text x="{pad}" y="{h - 6}" font-size="10">{_e(points[0].night)}</text>'
        f'<text x="{w - pad}" y="{h - 6}" font-size="10" text-anchor="end">'
        f"{_e(points[-1].night)}</text>"
    )
    caption = say(lang, "คะแนน OIT ตามคืนที่ตรวจ", "OIT score over nights")
    return (
        f'<figure><svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{_e(caption)}">{grid}'
        f'<polyline fill="none" stroke="#f2b705" stroke-dasharray="4 3" points="{high}"/>'
        f'<polyline fill="none" stroke="#0b57d0" stroke-width="2" points="{low}"/>{dots}{ends}'
        f"</svg><figcaption>{_e(caption)}</figcaption></figure>"
    )


def render(slug: str, report: Report, history: AgencyHistory, options: Options) -> str:
    lang = options.lang
    nights = dict(history.items)
    rows = []
    for item in report.items:
        since = history.since(item.id)
        reason = next((text_of(f, lang) for f in item.findings if losing(f)), "")
        cells = "".join(
            f'<span class="cell" style="background:{COLOURS.get(s, "#eee")}" '
            f'title="{_e(n)}: {_e(status_label(s, lang))}"></span>'
            for n, s in nights.get(item.id, ())
        )
        since_text = say(lang, f"ตั้งแต่ {since}", f"since {since}") if since else ""
        rows.append(
            f"<tr><td>{_e(item.id)}</td><td>{_e(title_of(item, lang))}</td>"
            f"<td>{_e(status_label(item.status.value, lang))}</td><td>{_e(since_text)}</td>"
            f'<td class="nights">{cells}</td><td>{_e(reason)}</td></tr>'
        )
    heads = (
        say(lang, "ข้อ", "item"),
        say(lang, "รายการ", "title"),
        say(lang, "คืนนี้", "tonight"),
        say(lang, "ไม่ผ่าน", "failing"),
        say(lang, "ผลรายคืน", "night by night"),
        say(lang, "เหตุผลคืนนี้", "tonight's reason"),
    )
    links = " · ".join(
        f'<a href="{_e(slug)}.{ext}">{_e(name)}</a>'
        for ext, name in (
            ("html", say(lang, "รายงานคืนนี้ (HTML)", "tonight's report (HTML)")),
            ("xlsx", "XLSX"),
            ("json", "JSON"),
        )
    )
    back = say(lang, "← ภาพรวม", "← fleet")
    score = say(lang, "คะแนน OIT", "OIT score")
    return f"""<!doctype html>
<html lang="{_e(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(report.agency)}</title><style>{CSS}</style></head><body>
<p><a href="index.html">{_e(back)}</a></p>
<h1>{_e(report.agency)}</h1>
<p>{_e(score)} {report.oit_score:.2f} · {links}</p>
{_chart(history, lang)}
<table><thead><tr>{"".join(f"<th>{_e(h)}</th>" for h in heads)}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
</body></html>
"""
