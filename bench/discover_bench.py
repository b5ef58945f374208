"""Benchmark `oit-checker discover` on a simulated agency website, against LinkChecker.

The site (served on loopback by a threaded server in this process) looks like a mid-size Thai
agency: a home page with a 30-link menu, 12 news categories of 25 articles each (~330 pages),
and, two clicks from home, a year list leading to a CMS-style ITA page for 2568 (28 topics,
~60 document links) and one for 2567. Two runs are measured:

* ``found``: the normal case — the crawl goes to the ITA page and stops early;
* ``no_ita``: a site without an ITA page — the crawl spends its whole budget (300 pages).

Each is run 5 times as a separate process (wall time, peak RSS of the process tree, medians;
the peer 3 times);
the peer is LinkChecker crawling the same site to the same depth (3), which is what an admin
would otherwise use to list the site's links. Usage: ``python bench/discover_bench.py``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.bench import timed  # noqa: E402
from oit_checker.checklist.load import load_checklist  # noqa: E402
from oit_checker.demo.server import LocalServer  # noqa: E402

MENU = [f"/page/{n}" for n in range(1, 18)] + [f"/news/{c}" for c in range(1, 13)]


def _page(title: str, body: str, with_ita: bool) -> bytes:
    menu = "".join(f'<li><a href="{u}">เมนู {u}</a></li>' for u in MENU)
    if with_ita:
        menu += '<li><a href="/ita">การประเมินคุณธรรมและความโปร่งใส</a></li>'
    html = (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><header><nav><ul class="menu">{menu}</ul></nav></header>'
        f"<main>{body}</main><footer><a href='/contact'>ติดต่อ</a></footer></body></html>"
    )
    return html.encode()


def _ita_page(year: int) -> str:
    topics = [f"<h2>ITA ปี {year}</h2>"]
    for n, item in enumerate(load_checklist(f"ita-{year}").items, start=1):
        links = "".join(
            f'<div class="row"><span>{item.title} {k}</span>'
            f'<a class="btn btn-ita-open" href="/docs/{year}/{n}-{k}.pdf">เปิด</a></div>'
            for k in range(1 + n % 3)
        )
        topics.append(
            f'<div><span class="font-ita-head">{item.id} {item.title}</span>{links}</div>'
        )
    return "".join(topics)


def handler(with_ita: bool) -> type[BaseHTTPRequestHandler]:
    ita = {2568: _ita_page(2568), 2567: _ita_page(2567)}

    class H(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            p = self.path.split("?")[0].rstrip("/") or "/"
            text = "ข่าวประชาสัมพันธ์ของหน่วยงาน กิจกรรม โครงการ ประจำเดือน " * 20
            if p == "/":
                body = "<p>ยินดีต้อนรับ</p>" + "".join(
                    f'<a href="/news/{c}/{a}">ข่าว {c}-{a}</a>' for c in (1, 2) for a in range(10)
                )
            elif p.startswith("/news/") and p.count("/") == 2:
                c = p.rsplit("/", 1)[1]
                body = "".join(f'<a href="/news/{c}/{a}">ข่าว {a}</a>' for a in range(25))
            elif p.startswith(("/news/", "/page/", "/contact")):
                body = f"<p>{text}</p>"
            elif with_ita and p == "/ita":
                body = (
                    '<a href="/ita/detail/7">การประเมิน ITA ปี 2568</a>'
                    '<a href="/ita/detail/6">การประเมิน ITA ปี 2567</a>'
                )
            elif with_ita and p in ("/ita/detail/7", "/ita/detail/6"):
                body = ita[2568 if p.endswith("7") else 2567]
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = _page("องค์การบริหารส่วนตำบลจำลอง", body, with_ita)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return H


def med(xs: list[float]) -> float:
    return round(statistics.median(xs), 2)


def main() -> None:
    results: dict[str, object] = {}
    runs = 5
    for name, with_ita in (("found", True), ("no_ita", False)):
        with LocalServer(handler(with_ita)) as srv:
            ours, peer = [], []
            for _ in range(runs):
                ours.append(
                    timed(
                        [
                            sys.executable,
                            "-m",
                            "oit_checker",
                            "discover",
                            srv.url("/"),
                            "--year",
                            "2568",
                            "--browser",
                            "never",
                            "-o",
                            "/dev/null",
                        ]
                    )
                )
            exe = shutil.which("linkchecker")
            if exe:
                for _ in range(3):  # the peer takes minutes per run; 3 give a median
                    peer.append(
                        timed(
                            [
                                exe,
                                "--recursion-level=3",
                                "--no-status",
                                "--no-warnings",
                                "-o",
                                "none",
                                "--threads",
                                "4",
                                "--check-extern",
                                srv.url("/"),
                            ]
                        )
                    )
            row: dict[str, object] = {
                "wall_s": med([r.wall for r in ours]),
                "peak_rss_mb": med([r.rss for r in ours]),
            }
            if peer:
                row["peer_linkchecker_wall_s"] = med([r.wall for r in peer])
                row["peer_linkchecker_rss_mb"] = med([r.rss for r in peer])
                row["ratio_wall"] = round(row["wall_s"] / row["peer_linkchecker_wall_s"], 3)  # type: ignore[operator]
            results[name] = row
            print(name, row, flush=True)
    out = HERE / "results" / "discover.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
