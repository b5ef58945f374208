"""Local agency websites in the ITA layouts real sites use (ITA-NOTES §5), for `discover`.

Each builder fills a Scenario with a home page, site chrome (menus, footers with their own
links), the ITA page(s) and returns what a careful admin would submit: item → set of URLs.
The layouts are reconstructions of the patterns in the notes, not copies of any site.
"""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.checklist.load import load_checklist
from tests.sites import Scenario

CHROME_TOP = """<header class="site-header"><nav class="navbar"><ul class="menu">
<li><a href="/">หน้าแรก</a></li><li><a href="/about">เกี่ยวกับเรา</a></li>
<li><a href="/news">ข่าวประชาสัมพันธ์</a></li>{ita}</ul></nav></header>"""
FOOTER = """<footer id="footer"><p>ติดต่อเรา โทร 0 2123 4567</p>
<a href="/contact">ติดต่อ</a> <a href="/files/privacy-policy.pdf">นโยบายความเป็นส่วนตัว</a>
<a href="/sitemap">แผนผังเว็บไซต์</a></footer>"""


@dataclass(frozen=True)
class Site:
    home: str
    year: int
    expected: dict[str, set[str]]  # item → URLs a careful admin would submit
    absent: frozenset[str] = frozenset()  # items the page does not give a link for


def titles(year: int) -> dict[str, str]:
    return {i.id: i.title for i in load_checklist(f"ita-{year}").items}


def page(title: str, body: str, ita_menu: str = "") -> str:
    return (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{CHROME_TOP.format(ita=ita_menu)}<main>{body}</main>{FOOTER}</body></html>"
    )


def _plain_pages(s: Scenario) -> None:
    for path in ("/about", "/news", "/contact", "/sitemap"):
        s.page(path, page("หน้า", "<p>" + "ข้อความทั่วไปของหน่วยงาน " * 20 + "</p>"))


def wordpress(s: Scenario) -> Site:
    """WordPress, one accordion per year (2569 above 2568), headings in <p><strong>."""
    year = 2568
    expected: dict[str, set[str]] = {}
    blocks = []
    for y in (2569, 2568):
        names = titles(y)
        parts = [f'<h2 class="wp-block-heading">การประเมิน ITA ปี {y}</h2>']
        for n, (item, title) in enumerate(names.items(), start=1):
            parts.append(f"<p><strong>{item}&nbsp;{title}</strong></p>")
            urls = [f"/wp-content/uploads/ita{y}/{item}/{item.lower()}-{y}.pdf"]
            if n % 4 == 0:
                urls.append(f"/sdc_download/{y}{n:02d}/?inline=1")
            if n % 7 == 0:
                urls.append(f"/?p={y}{n}")  # an internal post
            for u in urls:
                parts.append(f'<p><a href="{u}" target="_blank">– {title} ปี {y}</a></p>')
                if y == year:
                    expected.setdefault(item, set()).add(s.url(u))
        blocks.append(
            '<div class="lightweight-accordion"><details>'
            f'<summary class="lightweight-accordion-title"><span>ITA {y}</span></summary>'
            f'<div class="lightweight-accordion-body">{"".join(parts)}</div></details></div>'
        )
    body = "<h1>การประเมินคุณธรรมและความโปร่งใส (ITA)</h1>" + "".join(blocks)
    # WordPress serves pages by query string: route on the path, dispatch on the query.
    ita = page("ITA – สำนักงานตัวอย่างระบบราง", body, '<li><a href="/?page_id=4837">ITA</a></li>')
    home = page(
        "หน้าแรก | สำนักงานตัวอย่างระบบราง",
        "<p>ยินดีต้อนรับสู่เว็บไซต์</p>" * 5,
        '<li><a href="/?page_id=4837">ITA</a></li>',
    )
    s.route("/", by_query({"page_id=4837": ita}, home))
    _plain_pages(s)
    return Site(s.url("/"), year, expected)


def by_query(pages: dict[str, str], default: str):
    from urllib.parse import urlsplit

    def behaviour(handler, scenario):
        query = urlsplit(handler.path).query
        markup = pages.get(query, default)
        handler.send_body(200, markup.encode(), "text/html; charset=utf-8")

    return behaviour


def cms(s: Scenario) -> Site:
    """Local-government CMS: a list of years, a page per year, topics with "เปิด" buttons.

    Real defects of such pages are built in: O5 has only an empty "#" button, O9 has a heading
    and no link, O28 is not on the page at all. The 2567 page must not be used.
    """
    year = 2568
    expected: dict[str, set[str]] = {}
    years_list = (
        '<div class="ita-year"><a href="/ita_year/detail/7">'
        "การประเมินคุณธรรมและความโปร่งใส ITA ปี 2568</a></div>"
        '<div class="ita-year"><a href="/ita_year/detail/6">'
        "การประเมินคุณธรรมและความโปร่งใส ITA ปี 2567</a></div>"
    )
    for y, detail in ((2568, 7), (2567, 6)):
        names = titles(y)
        topics = [f'<h2 class="font-ita-year">ITA ปี {y}</h2>']
        for n, (item, title) in enumerate(names.items(), start=1):
            if y == 2568 and item == "O28":
                continue
            links = []
            if not (y == 2568 and item in ("O5", "O9")):
                count = 1 + n % 3
                for k in range(count):
                    u = f"/docs/file/{y}{n:02d}{k}a7f.pdf"
                    links.append(
                        '<div class="row ita-link"><div class="col-9">'
                        f"<span>{title} เอกสาร {k + 1}</span></div>"
                        '<div class="col-3"><a class="btn btn-ita-open" target="_blank" '
                        f'href="{u}">เปิด</a></div></div>'
                    )
                    if y == year:
                        expected.setdefault(item, set()).add(s.url(u))
            if y == 2568 and item == "O5":
                links.append(
                    '<div class="row"><span>ข้อมูลการติดต่อ</span>'
                    '<a class="btn btn-ita-open" href="#">เปิด</a></div>'
                )
            topics.append(
                f'<div class="ita-topic"><span class="font-ita-head">{item} {title}</span>'
                f"{''.join(links)}</div>"
            )
        s.page(
            f"/ita_year/detail/{detail}",
            page(f"ITA {y}", "".join(topics), '<li><a href="/ita_year">ITA</a></li>'),
        )
    s.page("/ita_year", page("ITA", years_list, '<li><a href="/ita_year">ITA</a></li>'))
    s.page(
        "/",
        page(
            "องค์การบริหารส่วนตำบลตัวอย่าง", "<p>ข่าวสาร</p>" * 10, '<li><a href="/ita_year">ITA</a></li>'
        ),
    )
    _plain_pages(s)
    return Site(s.url("/"), year, expected, frozenset({"O5", "O9", "O28"}))


def table(s: Scenario) -> Site:
    """Hand-written PHP/Bootstrap: accordion per sub-indicator, one table row per item."""
    year = 2568
    names = titles(year)
    expected: dict[str, set[str]] = {}
    groups: dict[str, list[str]] = {}
    for n, (item, title) in enumerate(names.items(), start=1):
        group = "oit-01" if n <= 10 else ("oit-02" if n <= 20 else "oit-03")
        # Relative links, as the hand-written page has them (the page is /thai/about_us/…).
        docs = [f"oit/2024/{n:02d}/git_report_{n}_2024.pdf"]
        if n % 5 == 0:
            docs.append(f"oit/2024/{n:02d}/annex_{n}.xlsx")
        lis = "".join(f'<li><a href="{d}"><b>{title}</b></a></li>' for d in docs)
        expected[item] = {s.url("/thai/about_us/" + d) for d in docs}
        groups.setdefault(group, []).append(
            f'<tr><td class="text-center">OIT {n}</td><td>{title}</td>'
            f'<td><ul class="pro_list1">{lis}</ul></td></tr>'
        )
    cards = "".join(
        f'<div class="card"><div class="card-header"><a data-toggle="collapse" href="#{g}">'
        f'ตัวชี้วัดย่อย {g[-1]}</a></div><div id="{g}" class="collapse"><table class="table">'
        f"<tr><th>ข้อ</th><th>ชื่อข้อมูล</th><th>เอกสาร</th></tr>{''.join(rows)}</table></div></div>"
        for g, rows in groups.items()
    )
    s.page("/thai/about_us/ita2568.php", page("OIT 2568 – บริษัทตัวอย่าง", cards))
    s.page(
        "/",
        page(
            "บริษัทตัวอย่าง จำกัด",
            '<a href="/thai/about_us/ita2568.php">'
            '<img src="/img/banner.png" alt="ITA 2568"></a>' + "<p>ข่าว</p>" * 5,
        ),
    )
    _plain_pages(s)
    return Site(s.url("/"), year, expected)


def zero_ids(s: Scenario) -> Site:
    """A 43-item year (2566) written with the digit zero for the letter: 01 … 043."""
    year = 2566
    names = titles(year)
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    expected: dict[str, set[str]] = {}
    parts = ["<h2>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2566</h2>"]
    for n, (item, title) in enumerate(names.items(), start=1):
        label = f"0{n:02d}" if n >= 10 else f"0{n}"
        if n % 6 == 0:
            label = label.translate(thai)  # some headings typed in Thai digits
        u = f"/uploads/2566/{n}/{n}-a.pdf"
        parts.append(f"<h4>{label}&nbsp;–&nbsp;{title}</h4>")
        parts.append("<p>ประกาศ ณ วันที่ 01 ต.ค. 2565</p><p>01/10/2565 ปรับปรุงข้อมูล</p>")
        parts.append(f'<ul><li><a href="{u}">ดาวน์โหลด</a></li></ul>')
        expected[item] = {s.url(u)}
    s.page("/ita/2566", page("ITA 2566", "".join(parts)))
    s.page(
        "/ita/2567",
        page(
            "ITA 2567",
            '<h2>ITA 2567</h2><h4>O1 โครงสร้าง</h4><a href="/uploads/2567/1.pdf">ดาวน์โหลด</a>',
        ),
    )
    s.page(
        "/",
        page(
            "โรงเรียนตัวอย่าง",
            "<p>ข่าว</p>" * 5,
            '<li><a href="/ita/2567">ITA 2567</a></li><li><a href="/ita/2566">ITA 2566</a></li>',
        ),
    )
    _plain_pages(s)
    return Site(s.url("/"), year, expected)


SPA_JS = r"""
(async function () {
  const app = document.getElementById('app');
  const path = location.pathname.replace(/\/+$/, '');
  const data = await (await fetch('/api/ita.json')).json();
  if (path === '' ) {
    app.innerHTML = '<h1>' + data.agency + '</h1><p><a href="/ITA">ITA ' + data.year + '</a></p>';
    return;
  }
  if (path === '/ITA') {
    const lis = data.items.map(
      i => '<li><a href="/ITA/' + i.id + '">' + i.id + ' ' + i.title + '</a></li>');
    app.innerHTML = '<h1>ITA ' + data.year + '</h1><ul>' + lis.join('') + '</ul>';
    return;
  }
  const id = path.split('/').pop();
  const item = data.items.find(i => i.id === id);
  app.innerHTML = '<h1>' + item.id + ' ' + item.title + '</h1><p>' + item.text + '</p>' +
    item.docs.map(d => '<p><a href="' + d + '">เอกสาร ' + item.title + '</a></p>').join('');
})();
"""
SPA_SHELL = (
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>โรงเรียนตัวอย่าง</title>'
    '</head><body><div id="app">กำลังโหลดข้อมูล...</div><script src="/app.js"></script>'
    "</body></html>"
)


def spa(s: Scenario) -> Site:
    """A single-page app (school sites): menu from a JS array, one route per item."""
    import json

    from tests.sites import static

    year = 2568
    names = titles(year)
    items = []
    expected: dict[str, set[str]] = {}
    for n, (item, title) in enumerate(names.items(), start=1):
        doc = f"/files/{item}.html"
        items.append(
            {
                "id": item,
                "title": title,
                "text": f"{title} ข้อมูลของโรงเรียนตัวอย่าง ปีงบประมาณ พ.ศ. 2568 " * 3,
                "docs": [doc],
            }
        )
        expected[item] = {s.url(f"/ITA/{item}")}
        s.route(f"/ITA/{item}", static(SPA_SHELL.encode(), "text/html; charset=utf-8"))
        if n == 1:
            s.page(
                doc,
                page(
                    "โครงสร้าง",
                    "<h1>แผนผังโครงสร้างและอำนาจหน้าที่ ปี 2568</h1>"
                    "<p>" + "โครงสร้างองค์กร อำนาจหน้าที่ของโรงเรียน " * 10,
                ),
            )
    payload = {"agency": "โรงเรียนตัวอย่าง", "year": year, "items": items}
    s.file("/api/ita.json", json.dumps(payload, ensure_ascii=False).encode(), "application/json")
    s.file("/app.js", SPA_JS.encode(), "application/javascript")
    s.route("/", static(SPA_SHELL.encode(), "text/html; charset=utf-8"))
    s.route("/ITA", static(SPA_SHELL.encode(), "text/html; charset=utf-8"))
    return Site(s.url("/"), year, expected)


def accuracy(site: Site, mapped: dict[str, set[str]]) -> tuple[float, list[tuple[str, str]]]:
    """Share of the expected links mapped to their right item, and every wrong mapping."""
    want = {(i, u) for i, urls in site.expected.items() for u in urls}
    got = {(i, u) for i, urls in mapped.items() for u in urls}
    right = len(want & got) / len(want) if want else 1.0
    wrong = sorted(got - want)
    return right, wrong
