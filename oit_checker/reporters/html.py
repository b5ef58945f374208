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

from oit_checker.i18n import label, source_note, status_label
from oit_checker.model import Finding, FindingStatus, ItemResult, Report
from oit_checker.reporters.base import (
    STATIC_CSP,
    STATUS_COLOURS,
    Options,
    doc_name,
    fix_of,
    fixes,
    indicator_title,
    losing,
    safe,
    score_range,
    text_of,
    title_of,
)
from oit_checker.score import worst_first

BINARY = False
CSP = STATIC_CSP
COLOURS = STATUS_COLOURS
CSS = """
body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI","Tahoma","Thonburi",sans-serif;
margin:2rem auto;max-width:1100px;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem;margin:0 0 .2rem}.meta{color:#555;margin:0 0 1rem}
.score{font-size:2.4rem;font-weight:700}.legend{color:#555;font-size:.9rem}
.charts{display:flex;gap:2rem;flex-wrap:wrap;margin:1rem 0 2rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.status{color:#fff;border-radius:4px;padding:.1rem .5rem;white-space:nowrap;font-weight:600}
.fix{color:#1b1b1b;font-size:.9rem}.advisory{color:#8a6d00}.firm{color:#b3261e}ul{margin:0;padding-left:1.1rem}
a{color:#0b57d0;word-break:break-all}.url{word-break:break-all;color:#444}
.fixes{border:2px solid #b3261e;border-radius:6px;padding:.6rem 1rem;margin:1rem 0 2rem}
.fixes h2{font-size:1.2rem;margin:.2rem 0 .5rem;color:#b3261e}.fixes ol{padding-left:1.4rem}
.fixes li{margin:.4rem 0}.pts{font-weight:700;white-space:nowrap}
img{max-width:100%;height:auto}
@media (max-width:700px){body{margin:1rem auto;padding:0 .8rem}.score{font-size:1.8rem}
table,thead,tbody,tr,td{display:block;width:auto}thead{display:none}
tr{border:1px solid #ddd;border-radius:6px;margin:0 0 .8rem;padding:.3rem .5rem}
td{border:0;padding:.25rem 0}td[data-label]::before{content:attr(data-label) ": ";
font-weight:600;color:#555}svg{max-width:100%}}
@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none;font-size:10.5pt}
tr,.fixes li,figure{break-inside:avoid}a{color:#1b1b1b}thead{display:table-header-group}}
"""


def e(value: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return escape(safe(value), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """A link for http(s) URLs only; anything else is shown as inert text."""
    if not url:
        return ""
    label = e(text if text is not None else url)
    if urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{e(url)}" rel="noopener noreferrer">{label}</a>'
    return f'<span class="url">{label}</span>'


_HEAD = ("col.item", "col.status", "col.score", "", "col.reasons", "col.urls")


def _l(key: str, lang: str) -> str:
    """A report word, escaped (labels are ours, but escaping everything is the rule here)."""
    return e(label(key, lang))


def _bar(label: str, score: float, score_max: float) -> str:
    w = 260
    lo, hi = max(0.0, min(score, 100.0)), max(0.0, min(score_max, 100.0))
    rng = score_range(score, score_max)
    return (
        f'<figure><svg width="{w}" height="46" role="img" aria-label="{e(label)} {rng}">'
        f'<rect x="0" y="8" width="{w}" height="18" fill="#eee"/>'
        f'<rect x="0" y="8" width="{w * hi / 100:.1f}" height="18" fill="#f2d27a"/>'
        f'<rect x="0" y="8" width="{w * lo / 100:.1f}" height="18" fill="#1e7b34"/>'
        f'<text x="0" y="42" font-size="12">{e(rng)}</text></svg>'
        f"<figcaption>{e(label)}</figcaption></figure>"
    )


def _finding(f: Finding, lang: str) -> str:
    text = e(text_of(f, lang))
    if f.waived:
        until = f"{_l('waived', lang)} {e(f.waived_until)}"
        tag = f'<span class="advisory">[{until}: {e(f.waived)}]</span> '
    elif f.status is FindingStatus.WARN:
        tag = f'<span class="advisory">[{_l("advisory.long", lang)}]</span> '
    else:
        tag = (
            f'<span class="firm">[{_l("firm", lang)}]</span> '
            if f.status is FindingStatus.FAIL
            else ""
        )
    src = f" <small>({e(source_note(f.source, lang))})</small>" if f.source else ""
    named = doc_name(f.url) if losing(f) or f.status is FindingStatus.MANUAL else ""
    ev = f" — {link(f.url, named or label('evidence', lang))}" if f.url else ""
    found = f" <small>«{e(f.evidence[:160])}»</small>" if f.evidence and losing(f) else ""
    fix = fix_of(f, lang)
    how = f'<br><span class="fix">{_l("fix", lang)}: {e(fix)}</span>' if fix else ""
    return f"<li>{tag}{text}{src}{ev}{found}{how}</li>"


def _fixes(report: Report, lang: str) -> str:
    """The "แก้ก่อนส่ง" box: every item that loses points, most points at stake first."""
    todo = fixes(report, lang)
    if not todo:
        return ""
    items = []
    for fx in todo:
        where = f" — {link(fx.url, doc_name(fx.url))}" if fx.url else ""
        items.append(
            f'<li><a href="#{e(fx.item.id)}">{e(fx.item.id)}</a> {e(title_of(fx.item, lang))} '
            f'<span class="pts">(+{fx.points:.2f})</span><br>{e(fx.what)}{where}<br>'
            f'<span class="fix">{_l("fix", lang)}: {e(fx.how)}</span></li>'
        )
    n = len({fx.item.id for fx in todo})
    gain = sum({fx.item.id: fx.points for fx in todo}.values())
    summary = label("fix.summary", lang).format(n=n, points=f"{gain:.2f}")
    return (
        f'<section class="fixes"><h2>{_l("fix.first", lang)}</h2><p>{e(summary)} '
        f"</p><ol>{''.join(items)}</ol></section>"
    )


def _shot(url: str, shots: dict[str, str]) -> str:
    data = shots.get(url)
    if not data:
        return ""
    return (
        f'<br><img alt="{e(url)}" width="320" style="border:1px solid #ccc" '
        f'src="data:image/jpeg;base64,{e(data)}">'
    )


def _row(item: ItemResult, lang: str, shots: dict[str, str]) -> str:
    status = item.status.value
    notes = [_finding(f, lang) for f in item.findings if f.status is not FindingStatus.PASS]
    title = title_of(item, lang)
    urls = "".join(f"<li>{link(u)}{_shot(u, shots)}</li>" for u in item.urls)

    def d(key: str) -> str:  # the column name, shown beside the cell on a phone
        return f' data-label="{_l(key, lang)}"'

    return (
        f'<tr id="{e(item.id)}"><td{d("col.item")}>{e(item.id)}</td>'
        f'<td{d("col.status")}><span class="status" style="background:{COLOURS[status]}">'
        f"{e(status_label(status, lang))}</span>"
        f"</td><td{d('col.score')}>{item.score:.0f}</td><td>{e(title)}</td>"
        f"<td{d('col.reasons')}><ul>{''.join(dict.fromkeys(notes))}</ul></td>"
        f"<td{d('col.urls')}><ul>{urls}</ul></td></tr>"
    )


def render(report: Report, options: Options) -> str:
    lang = options.lang
    rng = score_range(report.oit_score, report.oit_score_max)
    charts = "".join(
        _bar(
            f"{label('indicator', lang)} {ind.id} {indicator_title(ind, lang)}",
            ind.score,
            ind.score_max,
        )
        for ind in report.indicators
    )
    counts = " · ".join(f"{status_label(s.value, lang)} {n}" for s, n in report.counts)
    shots = {u: d for u, _, d in report.screenshots}
    rows = "".join(_row(i, lang, shots) for i in worst_first(report))
    rewrites = "".join(
        f'<p class="meta">{_l("rewrite", lang)} {link(b)} ({_l("judged", lang)} {link(a)})</p>'
        for a, b in report.rewrites
    )
    th = [f"<th>{_l(k, lang)}</th>" if k else "<th></th>" for k in _HEAD]
    head = "".join(th[:3]) + "\n" + "".join(th[3:])
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_l("report.title", lang)} — {e(report.agency)}</title><style>{CSS}</style></head>
<body>
<h1>{_l("report.title", lang)}: {e(report.agency)}</h1>
<p class="meta">{link(report.main_site)} · {_l("checklist", lang)} {e(report.checklist_id)} ·
{_l("checked", lang)} {e(report.today.isoformat())}</p>{rewrites}
<p><span class="score">{_l("oit", lang)} {e(rng)}</span><br>
<span class="legend">{_l("legend", lang)}</span></p>
<div class="charts">{charts}</div>
<p>{e(counts)}</p>
{_fixes(report, lang)}
<table><thead><tr>{head}</tr></thead>
<tbody>{rows}</tbody></table>
</body></html>
"""
