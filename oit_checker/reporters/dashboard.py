"""The fleet dashboard: the night's ``index.html``, one static page any web server serves.

What a province or ministry wants at a glance: the OIT score distribution, how many items
pass/fail/risk across the fleet, which agencies got worse or better tonight, the items that
fail most (the share of agencies failing each, and a heat map of the worst agencies × items),
then a table of every agency that sorts, filters (score band, changed tonight) and searches
in Thai, staying fast with 8,300 rows.

Safety: every agency-controlled string reaches the page either HTML-escaped or as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the table's script
builds rows with ``textContent`` only; the page loads nothing from the network (CSP).
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from oit_checker.i18n import label, say, status_label
from oit_checker.model import AgencyNight, NightSummary
from oit_checker.reporters.base import STATIC_CSP, STATUS_COLOURS, Options

BINARY = False
CSP = STATIC_CSP + "; script-src 'unsafe-inline'"  # its own table script only
HEAT_AGENCIES = 40  # rows of the heat map: the agencies with the lowest scores
BANDS = ((0, 50), (50, 70), (70, 85), (85, 101))
COLOURS = STATUS_COLOURS
CSS = """
body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI","Tahoma",sans-serif;margin:1.5rem auto;
max-width:1200px;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ddd;border-radius:6px;
padding:.5rem .8rem;min-width:8rem}.card b{display:block;font-size:1.5rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1.2rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .4rem;
text-align:left}th{background:#f4f4f4;cursor:pointer;white-space:nowrap}
.heat{overflow-x:auto}.heat td{width:14px;height:14px;padding:0;border:1px solid #fff}
.heat th{font-weight:400;font-size:.75rem;cursor:default}.share{display:inline-block;height:.7rem;
background:#b3261e;vertical-align:middle}a{color:#0b57d0}.up{color:#1e7b34}.down{color:#b3261e}
.controls{display:flex;flex-wrap:wrap;gap:.6rem;margin:.5rem 0}.controls input{min-width:14rem}
#count{color:#555}svg{max-width:100%;height:auto}
@media (max-width:700px){.shares th{white-space:normal}.shares .share{display:none}
#agencies thead{display:none}#agencies tr{display:block;border:1px solid #ddd;
border-radius:6px;margin:0 0 .5rem}#agencies td{display:block;border:0}}
@media print{@page{size:A4;margin:15mm}.controls{display:none}}
"""
PAGE_ROWS = 200  # rows drawn at once: the first draw of 8,300 agencies cost 2.6 s in Chromium
SCRIPT = """
(function(){
var data=JSON.parse(document.getElementById('fleet').textContent);
var body=document.querySelector('#agencies tbody');var count=document.getElementById('count');
var more=document.getElementById('more');var shownText=more.getAttribute('data-text');
var q=document.getElementById('q'),band=document.getElementById('band'),
changed=document.getElementById('changed');var key='score',dir=1,rows=[],shown=0;
var groups=['province','district','kind'].map(function(k){return [k,document.getElementById(k)];})
.filter(function(g){return g[1];});
function cell(tr,text,cls){var td=document.createElement('td');td.textContent=text;
if(cls)td.className=cls;tr.appendChild(td);return td;}
function options(sel,values){var keep=sel.value;while(sel.options.length>1)sel.remove(1);
values.forEach(function(v){var o=document.createElement('option');o.value=v;o.textContent=v;
sel.appendChild(o);});sel.value=values.indexOf(keep)<0?'':keep;}
function districts(){var d=document.getElementById('district');if(!d)return;
var p=document.getElementById('province');var seen={};
data.forEach(function(a){if(a.district&&(!p||!p.value||a.province===p.value))seen[a.district]=1;});
options(d,Object.keys(seen).sort(function(x,y){return x.localeCompare(y,'th');}));}
function page(){var frag=document.createDocumentFragment();
rows.slice(shown,shown+PAGE_N).forEach(function(a){var tr=document.createElement('tr');
var td=document.createElement('td');var link=document.createElement('a');
link.href=a.slug+'-history.html';link.textContent=a.name;td.appendChild(link);
if(a.province||a.kind){var s=document.createElement('small');
s.textContent=' '+[a.kind,a.district,a.province].filter(Boolean).join(' · ');td.appendChild(s);}
tr.appendChild(td);cell(tr,a.score.toFixed(2));
cell(tr,a.change===null?'':(a.change>0?'+':'')+a.change.toFixed(2),
a.change>0?'up':(a.change<0?'down':''));
cell(tr,a.failing);cell(tr,a.new.join(', '),'down');cell(tr,a.fixed.join(', '),'up');
frag.appendChild(tr);});
body.appendChild(frag);shown=Math.min(rows.length,shown+PAGE_N);
more.hidden=shown>=rows.length;
more.textContent=shownText.replace('{shown}',shown).replace('{n}',rows.length);}
function draw(){
var needle=q.value.trim().toLowerCase();var b=band.value?band.value.split('-').map(Number):null;
var want=groups.map(function(g){return [g[0],g[1].value];}).filter(function(g){return g[1];});
rows=data.filter(function(a){
if(needle&&a.name.toLowerCase().indexOf(needle)<0)return false;
if(b&&(a.score<b[0]||a.score>=b[1]))return false;
for(var i=0;i<want.length;i++){if(a[want[i][0]]!==want[i][1])return false;}
if(changed.checked&&!(a.change||a.new.length||a.fixed.length))return false;return true;});
rows.sort(function(x,y){var p=x[key],r=y[key];if(p===null)p=-1e9;if(r===null)r=-1e9;
if(typeof p==='string')return p.localeCompare(r,'th')*dir;
return (p<r?-1:p>r?1:0)*dir;});
body.replaceChildren();shown=0;page();count.textContent=rows.length+' / '+data.length;}
[q,band,changed].concat(groups.map(function(g){return g[1];})).forEach(function(el){
el.addEventListener('input',function(){if(el.id==='province')districts();draw();});});
more.addEventListener('click',page);
document.querySelectorAll('#agencies th[data-key]').forEach(function(th){
th.addEventListener('click',function(){var k=th.getAttribute('data-key');
dir=(k===key)?-dir:1;key=k;draw();});});
districts();draw();})();
""".replace("var data=", f"var PAGE_N={PAGE_ROWS};var data=", 1)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _json_for_script(value: object) -> str:
    """JSON that cannot close its ``<script>`` element or open another."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _histogram(scores: list[float], lang: str) -> str:
    bins = [0] * 10
    for s in scores:
        bins[min(9, max(0, int(s // 10)))] += 1
    top = max(bins) or 1
    w, h = 300, 120
    bars = []
    for i, n in enumerate(bins):
        bh = n / top * (h - 20)
        bars.append(
            f'<rect x="{i * 30 + 2}" y="{h - 14 - bh:.1f}" width="26" height="{bh:.1f}" '
            f'fill="#0b57d0"><title>{i * 10}–{i * 10 + 10}: {n}</title></rect>'
            f'<text x="{i * 30 + 15}" y="{h - 2}" font-size="9" text-anchor="middle">{i * 10}'
            "</text>"
        )
    caption = say(lang, "จำนวนหน่วยงานตามช่วงคะแนน OIT", "agencies per OIT score band")
    return (
        f'<figure><svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-label="{_e(caption)}">{"".join(bars)}</svg><figcaption>{_e(caption)}'
        "</figcaption></figure>"
    )


def _changes(agencies: list[AgencyNight], lang: str, worse: bool) -> str:
    if not agencies:
        return f"<p>{_e(say(lang, 'ไม่มี', 'none'))}</p>"
    items = []
    for a in agencies[:30]:
        what = ", ".join(a.new_failures if worse else a.fixed)
        delta = "" if a.change is None else f" ({a.change:+.2f})"
        items.append(
            f'<li><a href="{_e(a.slug)}-history.html">{_e(a.name)}</a>{_e(delta)}'
            + (f" — {_e(what)}" if what else "")
            + "</li>"
        )
    more = len(agencies) - 30
    tail = f"<li>… +{more}</li>" if more > 0 else ""
    return f"<ol>{''.join(items)}{tail}</ol>"


def _items(night: NightSummary, lang: str) -> tuple[str, str]:
    """The share of agencies failing each item, and the heat map of the worst agencies."""
    losing = {"fail", "risk"}
    per_item: Counter[str] = Counter()
    order: list[str] = []
    for a in night.agencies:
        for item, status in a.report.statuses:
            if item not in order:
                order.append(item)
            if status in losing:
                per_item[item] += 1
    n = len(night.agencies) or 1
    ranked = sorted(order, key=lambda i: (-per_item[i], order.index(i)))
    trends = dict(night.item_trend)
    rows = "".join(
        f"<tr><td>{_e(i)}</td><td>{per_item[i]}</td><td>{per_item[i] / n:.0%} "
        f'<span class="share" style="width:{per_item[i] / n * 120:.0f}px"></span></td>'
        f"<td>{_trend(trends.get(i, ()), lang)}</td></tr>"
        for i in ranked[:15]
    )
    shares = (
        f'<table class="shares"><thead><tr><th>{_e(label("col.item", lang))}</th>'
        f"<th>{_e(say(lang, 'หน่วยงานที่ไม่ผ่าน/เสี่ยง', 'agencies failing/at risk'))}</th>"
        f"<th>{_e(say(lang, 'สัดส่วน', 'share'))}</th>"
        f"<th>{_e(say(lang, 'แนวโน้ม', 'trend'))}</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    worst = sorted(night.agencies, key=lambda a: a.report.oit_score)[:HEAT_AGENCIES]
    head = "".join(f"<th>{_e(i.removeprefix('O'))}</th>" for i in order)
    body = []
    for a in worst:
        statuses = dict(a.report.statuses)
        cells = "".join(
            f'<td style="background:{COLOURS.get(statuses.get(i, ""), "#eee")}" '
            f'title="{_e(a.name)} {_e(i)}: {_e(status_label(statuses.get(i, "missing"), lang))}">'
            "</td>"
            for i in order
        )
        body.append(
            f'<tr><th><a href="{_e(a.slug)}-history.html">{_e(a.name[:28])}</a></th>{cells}</tr>'
        )
    heat = (
        f'<div class="heat"><table><thead><tr><th></th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
    return shares, heat


GROUPS = (
    ("province", "จังหวัด", "province"),
    ("district", "อำเภอ/เขต", "district"),
    ("kind", "ประเภทหน่วยงาน", "type"),
)


LEADING_VOWELS = frozenset("เแโใไ")


def thai_order(text: str) -> str:
    """A sort key in Thai dictionary order for names: a leading vowel (เ แ โ ใ ไ) is written
    before its consonant but sorts after it (เชียงใหม่ among the ช, not after ฮ)."""
    chars, k = list(text), 0
    while k < len(chars) - 1:
        if chars[k] in LEADING_VOWELS:
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
            k += 1
        k += 1
    return "".join(chars)


def _group_filters(agencies: list[AgencyNight], lang: str) -> str:
    """A drop-down per grouping column the agencies file has (province, district, type);
    none when no agency has it. Districts are narrowed to the chosen province by the script."""
    out = []
    for key, th, en in GROUPS:
        values = sorted({getattr(a, key) for a in agencies} - {""}, key=thai_order)
        if not values:
            continue
        opts = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
        every = say(lang, f"ทุก{th}", f"every {en}")
        out.append(
            f'<select id="{key}" aria-label="{_e(say(lang, th, en))}">'
            f'<option value="">{_e(every)}</option>{opts}</select>'
        )
    return "".join(out)


def _trend(points: tuple[tuple[str, int, int], ...], lang: str) -> str:
    """The item's share of failing agencies over the last nights (a sparkline) and its change
    since the night before, in percentage points (up is worse: red)."""
    shares = [f / c for _, f, c in points if c]
    if len(shares) < 2:
        return _e(say(lang, "คืนแรก", "first night"))
    w, h, top = 90, 20, max(max(shares), 0.01)
    step = w / (len(shares) - 1)
    line = " ".join(f"{k * step:.1f},{h - 2 - s / top * (h - 4):.1f}" for k, s in enumerate(shares))
    delta = (shares[-1] - shares[-2]) * 100
    cls = "down" if delta > 0 else ("up" if delta < 0 else "")
    title = (
        say(lang, "สัดส่วนที่ไม่ผ่าน", "share failing")
        + ": "
        + " → ".join(f"{s:.0%}" for s in shares[-6:])
    )
    return (
        f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{_e(title)}">'
        f'<polyline fill="none" stroke="#555" stroke-width="1.5" points="{line}"/>'
        f"<title>{_e(title)}</title></svg> "
        f'<span class="{cls}">{delta:+.0f} {_e(say(lang, "จุด", "pts"))}</span>'
    )


def render(night: NightSummary, options: Options) -> str:
    lang = options.lang
    agencies = list(night.agencies)
    scores = [a.report.oit_score for a in agencies]
    statuses: Counter[str] = Counter(s for a in agencies for _, s in a.report.statuses)
    cards = [
        (say(lang, "หน่วยงาน", "agencies"), len(agencies)),
        (
            say(lang, "คะแนน OIT เฉลี่ย", "mean OIT"),
            f"{sum(scores) / len(scores):.2f}" if scores else "-",
        ),
        (say(lang, "แย่ลงคืนนี้", "worse tonight"), len(night.worse)),
        (say(lang, "โหลดไม่ได้", "failed to load"), len(night.errors)),
    ] + [
        (
            say(lang, f"ข้อที่{status_label(s, lang)}", f"items {status_label(s, lang)}"),
            statuses.get(s, 0),
        )
        for s in COLOURS
    ]
    card_html = "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)
    worse = sorted(night.worse, key=lambda a: (a.change or 0.0, a.name))
    better = sorted(
        (a for a in agencies if (a.change or 0) > 0 or (a.fixed and not a.new_failures)),
        key=lambda a: -(a.change or 0.0),
    )
    shares, heat = _items(night, lang)
    data = [
        {
            "name": a.name,
            "slug": a.slug,  # its pages: <slug>-history.html, <slug>.html
            "score": a.report.oit_score,
            "change": a.change,
            "failing": sum(1 for _, s in a.report.statuses if s in ("fail", "risk")),
            "new": list(a.new_failures),
            "fixed": list(a.fixed),
            **{k: v for k, v in (("province", a.province), ("district", a.district)) if v},
            **({"kind": a.kind} if a.kind else {}),
        }
        for a in agencies
    ]
    groups = _group_filters(agencies, lang)
    bands = "".join(f'<option value="{lo}-{hi}">{lo}–{min(hi, 100)}</option>' for lo, hi in BANDS)
    cols = (
        ("name", say(lang, "หน่วยงาน", "agency")),
        ("score", "OIT"),
        ("change", say(lang, "เปลี่ยนแปลง", "change")),
        ("failing", say(lang, "ข้อที่ไม่ผ่าน", "items failing")),
        ("new", say(lang, "ไม่ผ่านใหม่", "new failures")),
        ("fixed", say(lang, "แก้แล้ว", "fixed")),
    )
    heads = "".join(f'<th data-key="{k}">{_e(t)}</th>' for k, t in cols)
    title = say(lang, "ภาพรวม OIT คืนวันที่", "OIT fleet, night of") + " " + night.night
    return f"""<!doctype html>
<html lang="{_e(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head><body>
<h1>{_e(title)}</h1>
<div class="cards">{card_html}</div>
<div class="grid">
<section><h2>{_e(say(lang, "การกระจายของคะแนน", "Score distribution"))}</h2>{_histogram(scores, lang)}</section>
<section><h2>{_e(say(lang, "ข้อที่ไม่ผ่านมากที่สุด", "Items failing most"))}</h2>{shares}</section>
</div>
<div class="grid">
<section id="worse"><h2>{_e(say(lang, "แย่ลงคืนนี้", "Worse tonight"))}</h2>{_changes(worse, lang, True)}</section>
<section id="better"><h2>{_e(say(lang, "ดีขึ้นคืนนี้", "Better tonight"))}</h2>{_changes(better, lang, False)}</section>
</div>
<section><h2>{_e(say(lang, "หน่วยงานคะแนนต่ำสุด × ข้อ", "Lowest-scoring agencies × items"))}</h2>{heat}</section>
<section><h2>{_e(say(lang, "ทุกหน่วยงาน", "Every agency"))}</h2>
<div class="controls">
<input id="q" type="search" placeholder="{_e(say(lang, "ค้นหาชื่อหน่วยงาน", "search agencies"))}">
<select id="band"><option value="">{_e(say(lang, "ทุกช่วงคะแนน", "every score band"))}</option>{bands}</select>
{groups}<label><input id="changed" type="checkbox"> {_e(say(lang, "เปลี่ยนแปลงคืนนี้", "changed tonight"))}</label>
<span id="count"></span></div>
<table id="agencies"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<button id="more" type="button" hidden data-text="{_e(say(lang, "แสดงเพิ่ม (แสดงแล้ว {shown} จาก {n})", "show more ({shown} of {n} shown)"))}"></button>
<noscript>{_e(say(lang, "ตารางนี้ต้องใช้ JavaScript; ข้อมูลอยู่ใน summary.json", "This table needs JavaScript; the data is in summary.json"))}</noscript>
</section>
<script type="application/json" id="fleet">{_json_for_script(data)}</script>
<script>{SCRIPT}</script>
</body></html>
"""
