"""Simulated agency sites for the benchmark, served by a small asyncio HTTP/1.1 server.

Each agency ``k`` lives on its own loopback address (127.0.1.k) so per-host limits apply as
they would on the real web. An agency has an ITA index page, 30 submitted item pages and about
100 linked documents of realistic sizes: multi-page PDFs with a Thai text layer padded with
image data (0.1–1.5 MB), NACC workbooks with 200 rows, and linked HTML pages. One agency may
also carry a 50 MB PDF to measure peak memory. Bodies are generated once and shared, so the
server itself stays small; it runs in its own process so it never shares the checker's GIL.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oit_checker.demo.files import make_pdf, make_procurement_xlsx

ITEMS = [f"O{i}" for i in range(1, 29)]
PORT = 18080
HTML = "text/html; charset=utf-8"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def host(k: int) -> str:
    """Agency ``k``'s loopback address: 127.1.0.1 … 127.1.0.250, 127.1.1.1 …, so a night of
    thousands of agencies has thousands of hosts (per-host limits apply as on the web)."""
    return f"127.1.{k // 250}.{k % 250 + 1}"


MB = 1024 * 1024
BIG_PDF_BYTES = 48 * MB  # under the 50 MB body cap (max_bytes): it is downloaded *and* read


def _pad_pdf(pdf: bytes, size: int) -> bytes:
    """Append an unreferenced stream object so the file has a realistic size."""
    pad = os.urandom(max(0, size - len(pdf)))
    body = b"999 0 obj\n<< /Length %d >>\nstream\n" % len(pad) + pad + b"\nendstream\nendobj\n"
    cut = pdf.rindex(b"\nxref\n") + 1  # not the "xref" inside "startxref"
    # keep it valid: place the padding before the xref and shift offsets by re-generating
    return (
        pdf[:cut]
        + body
        + pdf[cut:].replace(b"startxref\n%d" % cut, b"startxref\n%d" % (cut + len(body)))
    )


def build_documents(seed: int = 7) -> dict[str, bytes]:
    """A shared pool of documents: name → bytes."""
    rnd = random.Random(seed)
    docs: dict[str, bytes] = {}
    lines = [
        "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567",
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 ขั้นตอน ระยะเวลา ผู้รับผิดชอบ",
        "ประกาศ ณ วันที่ 15 ตุลาคม 2567 องค์การบริหารส่วนตำบลตัวอย่าง",
    ] * 12
    for i in range(12):
        pages = [lines[:30]] * rnd.randint(3, 12)
        pdf = make_pdf(pages, title=f"เอกสาร {i}")
        docs[f"doc{i}.pdf"] = _pad_pdf(pdf, rnd.randint(100_000, 1_500_000))
    for i in range(4):
        docs[f"book{i}.xlsx"] = make_procurement_xlsx(2568 - i % 2, rows=200)
    return docs


def agency_site(
    k: int, docs: dict[str, bytes], big: bool, *, light: bool = False
) -> dict[str, tuple[str, bytes]]:
    """path → (content type, body) for agency ``k`` (about 30 submitted URLs, 100 documents).

    ``light``: the mix of a typical small agency — one document per item, and the small
    documents of the pool only (long nights measure memory over thousands of these).
    """
    rnd = random.Random(k)
    routes: dict[str, tuple[str, bytes]] = {}
    names = sorted(docs)
    if light:
        names = sorted(docs, key=lambda n: len(docs[n]))[: len(names) // 3]
    listing = []
    for n, item in enumerate([*ITEMS, "O12", "O13"]):
        path = f"/ita/{item.lower()}{'-b' if n >= len(ITEMS) else ''}.html"
        links = []
        for j in range(1 if light else 3 if n % 3 else 4):
            name = rnd.choice(names)
            doc_path = f"/files/{item.lower()}-{j}-{name}"
            routes[doc_path] = (XLSX if name.endswith(".xlsx") else PDF, docs[name])
            links.append(f'<li><a href="{doc_path}">{item} เอกสาร {j}</a></li>')
        if n % 5 == 0:
            routes[f"{path}.detail"] = (HTML, _page(f"{item} รายละเอียด", 20_000))
            links.append(f'<li><a href="{path}.detail">รายละเอียด</a></li>')
        body = _page(f"{item} ข้อมูล OIT ประจำปีงบประมาณ พ.ศ. 2568", 40_000, "".join(links))
        routes[path] = (HTML, body)
        listing.append(path)
    if big:
        routes["/files/o1-big.pdf"] = (PDF, _big_pdf())
        routes["/ita/o1.html"] = (
            HTML,
            routes["/ita/o1.html"][1].replace(
                b"</ul>", b'<li><a href="/files/o1-big.pdf">big</a></li></ul>'
            ),
        )
    routes["/ita/"] = (
        HTML,
        _page("ITA 2568", 5_000, "".join(f'<li><a href="{p}">{p}</a></li>' for p in listing)),
    )
    return routes


_BIG: bytes | None = None


def _big_pdf() -> bytes:
    global _BIG
    if _BIG is None:
        _BIG = _pad_pdf(make_pdf([["เอกสารขนาดใหญ่ ประจำปี พ.ศ. 2568"]] * 20), BIG_PDF_BYTES)
    return _BIG


def _page(title: str, size: int, links: str = "") -> bytes:
    nav = (
        '<nav class="menu">' + "".join(f'<a href="/m{i}">เมนู {i}</a>' for i in range(40)) + "</nav>"
    )
    filler = "<p>" + ("ข้อมูลการเปิดเผยข้อมูลสาธารณะขององค์การบริหารส่วนตำบล " * 20) + "</p>"
    body = filler * max(1, size // len(filler.encode()))
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{nav}<main><h1>{title}</h1><ul>{links}</ul>{body}</main></body></html>"
    ).encode()


def submission(k: int, routes: dict[str, tuple[str, bytes]]) -> str:
    origin = f"http://{host(k)}:{PORT}"
    lines = [f"agency: หน่วยงานจำลอง {k}", f"main_site: {origin}/", "checklist: ita-2568", "items:"]
    for item in ITEMS:
        urls = [f"{origin}/ita/{item.lower()}.html"]
        if item in ("O12", "O13"):
            urls.append(f"{origin}/ita/{item.lower()}-b.html")
        lines.append(f"  {item}:")
        lines.extend(f"    - {u}" for u in urls)
    return "\n".join(lines) + "\n"


STATS_PATH = "/__bench_stats"  # GET: JSON of request times on this host; ?reset clears them


# Documents are static files: like nginx or Apache, the server gives them validators and
# answers a matching If-None-Match with 304. Item pages are dynamic (a CMS): no validators.
LAST_MODIFIED = b"Mon, 03 Nov 2025 02:00:00 GMT"


def _etag(body: bytes) -> bytes:
    return b'"%s"' % hashlib.sha256(body).hexdigest()[:20].encode()


async def serve(sites: dict[str, dict[str, tuple[str, bytes]]], latency_ms: float = 0) -> None:
    """Serve every agency; each host also answers ``STATS_PATH`` with the CLOCK_MONOTONIC
    times of its first and last request since the last reset (the bench's client and this
    server share the clock), so start-up and tail of a run are measured from outside it.

    ``latency_ms``: each response waits this long (±50 %, seeded) before its first byte, as a
    remote agency host would; loopback alone answers in microseconds, which no real night
    sees, so throughput on loopback without it is CPU-bound only."""
    jitter = random.Random(13)
    etags: dict[int, bytes] = {}  # id(body) → its ETag (bodies are shared and never change)
    seen: dict[str, list[float]] = {}  # host → [first arrival, last byte written, requests]
    unrated: set[str] = set()  # hosts that lift LinkChecker's per-host delay

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        ip = writer.get_extra_info("sockname")[0]
        routes = sites.get(ip, {})
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                parts = line.decode("latin-1").split()
                headers: dict[bytes, bytes] = {}
                while (head := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = head.partition(b":")
                    headers[name.strip().lower()] = value.strip()
                extra = b""
                path = parts[1].split("?")[0] if len(parts) > 1 else "/"
                now = time.monotonic()
                if path == STATS_PATH and "maxrate=" in parts[1]:
                    # LinkChecker waits 0.1–0.6 s between requests to one host unless the
                    # server answers with a "LinkChecker" header: the bench's "no delay" run.
                    (unrated.add if "maxrate=on" in parts[1] else unrated.discard)(ip)
                    ctype, body, status = "text/plain", b"ok", b"200 OK"
                elif path == STATS_PATH:
                    first, last, count = (
                        seen.pop(ip, [None, None, 0])
                        if "reset" in parts[1]
                        else seen.get(ip, [None, None, 0])
                    )
                    stats = {"first": first, "last": last, "count": count}
                    ctype, body = "application/json", json.dumps(stats).encode()
                    status = b"200 OK"
                else:
                    mark = seen.setdefault(ip, [now, now, 0])
                    mark[2] += 1
                    ctype, body = routes.get(path, (HTML, b""))
                    status = b"200 OK" if path in routes else b"404 Not Found"
                    if ctype != HTML and path in routes:
                        tag = etags.get(id(body)) or etags.setdefault(id(body), _etag(body))
                        extra += b"ETag: %s\r\nLast-Modified: %s\r\n" % (tag, LAST_MODIFIED)
                        if tag in headers.get(b"if-none-match", b""):
                            status, body = b"304 Not Modified", b""
                    if latency_ms:
                        await asyncio.sleep(latency_ms * jitter.uniform(0.5, 1.5) / 1000)
                writer.write(
                    b"HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s%s\r\n"
                    % (
                        status,
                        ctype.encode(),
                        len(body),
                        extra,
                        b"LinkChecker: 1\r\n" if ip in unrated else b"",
                    )
                )
                writer.write(body)
                await writer.drain()
                if path != STATS_PATH:
                    seen[ip][1] = time.monotonic()  # the last byte written, not the request
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host=list(sites), port=PORT, backlog=1024)
    async with server:
        await server.serve_forever()


def run_server(
    n_agencies: int, big: bool, ready: object, light: bool = False, latency_ms: float = 0
) -> None:
    docs = build_documents()
    sites = {host(k): agency_site(k, docs, big and k == 0, light=light) for k in range(n_agencies)}
    ready.set()  # type: ignore[attr-defined]
    asyncio.run(serve(sites, latency_ms))
