"""One self-contained HTML page for the admin: no network needed to view it.

Styles and charts are inline (SVG bars per indicator); fonts fall back through Thai system
fonts. It opens on the OIT score range, then one row per item with a coloured status, the
reasons in Thai (or English), the URLs checked and links to the evidence; advisory findings
(inferred rules, waivers) are marked apart from firm ones.

Everything that comes from a crawled site or a user's file (titles, link texts, file names,
URLs, evidence) passes through :func:`e`; only ``http``/``https`` URLs become links, so a
``javascript:`` URL is shown as text. The page carries no script at all, and a
Content-Security-Policy meta tag forbids any.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from oit_checker.i18n import message
from oit_checker.model import Finding, FindingStatus, ItemResult, ItemStatus, Report

T = {
    "th": {
        "title": "ผลตรวจความพร้อม OIT",
        "oit": "คะแนน OIT",
        "range": "ช่วงคะแนน",
        "item": "ข้อ",
        "status": "ผล",
        "score": "คะแนน",
        "reasons": "เหตุผล",
        "urls": "URL ที่ตรวจ",
        "pass": "ผ่าน",
        "fail": "ไม่ผ่าน",
        "manual": "ตรวจเอง",
        "missing": "ไม่ได้ส่ง",
        "advisory": "ข้อสังเกต (ยังไม่ยืนยัน)",
        "firm": "ยืนยันตามเกณฑ์",
        "waived": "ยกเว้นถึง",
        "indicator": "ตัวชี้วัด",
        "checked": "ตรวจเมื่อ",
        "checklist": "เกณฑ์",
        "legend": "คะแนนต่ำสุดนับข้อที่ต้องตรวจเองเป็น 0 คะแนนสูงสุดนับเป็นเต็ม",
        "evidence": "หลักฐาน",
        "rewrite": "ตรวจสำเนาที่",
        "judged": "ตัดสินตามเว็บไซต์หลัก",
    },
    "en": {
        "title": "OIT pre-assessment",
        "oit": "OIT score",
        "range": "range",
        "item": "Item",
        "status": "Status",
        "score": "Score",
        "reasons": "Reasons",
        "urls": "URLs checked",
        "pass": "pass",
        "fail": "fail",
        "manual": "manual",
        "missing": "missing",
        "advisory": "advisory (not confirmed)",
        "firm": "firm",
        "waived": "waived until",
        "indicator": "Indicator",
        "checked": "Checked",
        "checklist": "Checklist",
        "legend": "The lower score counts manual items as 0, the upper as full.",
        "evidence": "evidence",
        "rewrite": "Checked a copy at",
        "judged": "judged as",
    },
}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
COLOURS = {"pass": "#1e7b34", "fail": "#b3261e", "manual": "#8a6d00", "missing": "#6b4f9e"}
CSS = """
body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI","Tahoma","Thonburi",sans-serif;
margin:2rem auto;max-width:1100px;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem;margin:0 0 .2rem}.meta{color:#555;margin:0 0 1rem}
.score{font-size:2.4rem;font-weight:700}.legend{color:#555;font-size:.9rem}
.charts{display:flex;gap:2rem;flex-wrap:wrap;margin:1rem 0 2rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.status{color:#fff;border-radius:4px;padding:.1rem .5rem;white-space:nowrap;font-weight:600}
.advisory{color:#8a6d00}.firm{color:#b3261e}ul{margin:0;padding-left:1.1rem}
a{color:#0b57d0;word-break:break-all}.url{word-break:break-all;color:#444}
"""


def e(value: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return escape(str(value), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """A link for http(s) URLs only; anything else is shown as inert text."""
    if not url:
        return ""
    label = e(text if text is not None else url)
    if urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{e(url)}" rel="noopener noreferrer">{label}</a>'
    return f'<span class="url">{label}</span>'


def _bar(label: str, score: float, score_max: float) -> str:
    w = 260
    lo, hi = max(0.0, min(score, 100.0)), max(0.0, min(score_max, 100.0))
    rng = f"{score:.2f}" if score == score_max else f"{score:.2f}–{score_max:.2f}"
    return (
        f'<figure><svg width="{w}" height="46" role="img" aria-label="{e(label)} {rng}">'
        f'<rect x="0" y="8" width="{w}" height="18" fill="#eee"/>'
        f'<rect x="0" y="8" width="{w * hi / 100:.1f}" height="18" fill="#f2d27a"/>'
        f'<rect x="0" y="8" width="{w * lo / 100:.1f}" height="18" fill="#1e7b34"/>'
        f'<text x="0" y="42" font-size="12">{e(rng)}</text></svg>'
        f"<figcaption>{e(label)}</figcaption></figure>"
    )


def _finding(f: Finding, lang: str, t: dict[str, str]) -> str:
    text = e(message(f.code, f.params, lang))
    if f.waived:
        tag = (
            f'<span class="advisory">[{e(t["waived"])} {e(f.waived_until)}: {e(f.waived)}]</span> '
        )
    elif f.status is FindingStatus.WARN:
        tag = f'<span class="advisory">[{e(t["advisory"])}]</span> '
    else:
        tag = (
            f'<span class="firm">[{e(t["firm"])}]</span> ' if f.status is FindingStatus.FAIL else ""
        )
    src = f" <small>({e(f.source)})</small>" if f.source else ""
    ev = f" — {link(f.url, t['evidence'])}" if f.url else ""
    return f"<li>{tag}{text}{src}{ev}</li>"


def _shot(url: str, shots: dict[str, str]) -> str:
    data = shots.get(url)
    if not data:
        return ""
    return (
        f'<br><img alt="{e(url)}" width="320" style="border:1px solid #ccc" '
        f'src="data:image/jpeg;base64,{e(data)}">'
    )


def _row(item: ItemResult, lang: str, t: dict[str, str], shots: dict[str, str]) -> str:
    status = item.status.value
    notes = [_finding(f, lang, t) for f in item.findings if f.status is not FindingStatus.PASS]
    title = item.title if lang == "th" or not item.title_en else item.title_en
    urls = "".join(f"<li>{link(u)}{_shot(u, shots)}</li>" for u in item.urls)
    return (
        f'<tr id="{e(item.id)}"><td>{e(item.id)}</td>'
        f'<td><span class="status" style="background:{COLOURS[status]}">{e(t[status])}</span>'
        f"</td><td>{item.score:.0f}</td><td>{e(title)}</td>"
        f"<td><ul>{''.join(dict.fromkeys(notes))}</ul></td><td><ul>{urls}</ul></td></tr>"
    )


def render(report: Report, lang: str = "th") -> str:
    t = T.get(lang, T["th"])
    rng = (
        f"{report.oit_score:.2f}"
        if report.oit_score == report.oit_score_max
        else f"{report.oit_score:.2f}–{report.oit_score_max:.2f}"
    )
    charts = "".join(
        _bar(f"{t['indicator']} {ind.id} {ind.title}", ind.score, ind.score_max)
        for ind in report.indicators
    )
    counts = " · ".join(
        f"{t[s.value]} {sum(1 for i in report.items if i.status is s)}" for s in ItemStatus
    )
    shots = {u: d for u, _, d in report.screenshots}
    rows = "".join(_row(i, lang, t, shots) for i in report.items)
    rewrites = "".join(
        f'<p class="meta">{e(t["rewrite"])} {link(b)} ({e(t["judged"])} {link(a)})</p>'
        for a, b in report.rewrites
    )
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(t["title"])} — {e(report.agency)}</title><style>{CSS}</style></head>
<body>
<h1>{e(t["title"])}: {e(report.agency)}</h1>
<p class="meta">{link(report.main_site)} · {e(t["checklist"])} {e(report.checklist_id)} ·
{e(t["checked"])} {e(report.today.isoformat())}</p>{rewrites}
<p><span class="score">{e(t["oit"])} {e(rng)}</span><br>
<span class="legend">{e(t["legend"])}</span></p>
<div class="charts">{charts}</div>
<p>{e(counts)}</p>
<table><thead><tr><th>{e(t["item"])}</th><th>{e(t["status"])}</th><th>{e(t["score"])}</th>
<th></th><th>{e(t["reasons"])}</th><th>{e(t["urls"])}</th></tr></thead>
<tbody>{rows}</tbody></table>
</body></html>
"""
