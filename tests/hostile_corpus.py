"""Hostile files, each made here and each under a few MB, for the tests and bench/hostile.py.

Every maker returns the bytes of one file that once hurt the tool (see issue 14): a native
parser allocating hundreds of GB, a stream inflating a thousandfold, markup nested 200,000
deep, control characters and formulas meant for the reports. The e2e test serves them all on
one loopback site and checks one agency whose every item points at one of them; the bench
runs each alone and records exit code, wall time and peak RSS.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook

from oit_checker.demo.files import write_pdf
from tests.sites import Behaviour, Scenario, endless, redirect, silent, static, trickle

MB = 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zip(members: dict[str, bytes], streamed: dict[str, int] | None = None) -> bytes:
    """A zip of ``members``; each ``streamed`` member is that many zero bytes, written in
    chunks so that the maker never holds the inflated size."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        for name, size in (streamed or {}).items():
            with z.open(name, "w", force_zip64=True) as fh:
                zero = b"\0" * MB
                for _ in range(size // MB):
                    fh.write(zero)
    return buf.getvalue()


def _workbook_members() -> dict[str, bytes]:
    wb = Workbook()
    wb.active.append(["x"])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def xlsx_huge_span(far: str = "XFD1048576") -> bytes:
    """Cells A1 and XFD1048576 only: 4 KB that asked calamine for 549,755,813,888 bytes.
    ``far``: another last cell (Z200000: few columns, many rows; GZ30000: the reverse)."""
    members = _workbook_members()
    row = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
    members["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        b'.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="n"><v>1</v></c>'
        b'</row><row r="' + row + b'"><c r="' + far.encode() + b'" t="n"><v>1</v></c></row>'
        b"</sheetData></worksheet>"
    )
    return _zip(members)


def xlsx_many_cells(rows: int = 1_500_000, cols: int = 4) -> bytes:
    """Millions of cells without references (``r`` is optional): no span to judge by."""
    members = _workbook_members()
    row = b"<row>" + b"<c><v>1</v></c>" * cols + b"</row>"
    members["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        b'.org/spreadsheetml/2006/main"><sheetData>' + row * rows + b"</sheetData></worksheet>"
    )
    return _zip(members)


def xlsx_xxe() -> bytes:
    """An external entity and a billion-laughs DTD in sharedStrings."""
    members = _workbook_members()
    laughs = b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
    )
    members["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        + laughs
        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&xxe;&l9;</t></si></sst>"
    )
    return _zip(members)


def _docx_document(text: str) -> bytes:
    return (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()


def docx_core_bomb(size: int = 320 * MB) -> bytes:
    """A small DOCX whose docProps/core.xml inflates to ``size`` bytes of zeros."""
    return _zip(
        {"word/document.xml": _docx_document("คู่มือการปฏิบัติงาน ประจำปี 2568")},
        streamed={"docProps/core.xml": size},
    )


def docx_laughs() -> bytes:
    """Billion laughs in word/document.xml (expat refuses the entity expansion)."""
    laughs = b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
    )
    doc = (
        b'<?xml version="1.0"?><!DOCTYPE d ['
        + laughs
        + b']><w:document xmlns:w="'
        + W.encode()
        + b'"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _zip({"word/document.xml": doc})


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    return write_pdf(objects, root=root)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_inflate_bomb(size: int = 256 * MB) -> bytes:
    """A page whose content stream inflates to ``size`` bytes (twice the stream bound)."""
    comp = zlib.compressobj(6)
    chunk = b" " * MB
    data = b"".join(comp.compress(chunk) for _ in range(size // MB)) + comp.flush()
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            _stream(data, b"/Filter /FlateDecode "),
        ]
    )


def pdf_self_form() -> bytes:
    """A Form XObject that draws itself: recursion inside the PDF renderer."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /F 5 0 R >> >> >>",
            _stream(b"/F Do"),
            _stream(
                b"/F Do",
                b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                b"/Resources << /XObject << /F 5 0 R >> >> ",
            ),
        ]
    )


def pdf_many_pages(pages: int = 10_000) -> bytes:
    """10,000 pages sharing one content stream (about 1 MB)."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(b"0 0 m 10 10 l S"),
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * pages
    return _pdf(objs)


def html_deep(depth: int = 200_000) -> bytes:
    """Markup nested 200,000 deep (lexbor's tree building is quadratic in depth)."""
    return (
        b"<html><head><title>O1 \xe0\xb8\x82\xe0\xb9\x89\xe0\xb8\xad\xe0\xb8\xa1\xe0\xb8\xb9\xe0"
        b"\xb8\xa5</title></head><body>" + b"<div>x" * depth + b"</body></html>"
    )


def html_control_chars() -> bytes:
    """Escape sequences, C0 controls, markup and a formula where reports show page text."""
    return (
        '<html><head><title>\x1b[2J\x1b]0;pwn\x07<script>alert(1)</script>=HYPERLINK("x")'
        "</title></head><body><h1>\x01\x1b[31mโครงสร้าง\x1b[0m</h1>"
        '<p>&lt;img src=x onerror=alert(1)&gt; <a href="javascript:alert(1)">คลิก</a></p>'
        "</body></html>"
    ).encode()


def html_bad_utf8() -> bytes:
    """A correct Thai UTF-8 page with one invalid byte: must stay UTF-8, not become cp874."""
    text = (
        "<html><head><meta charset='utf-8'><title>ข้อมูลผู้บริหาร</title></head><body>"
        "<h1>ข้อมูลผู้บริหาร</h1><p>นายกองค์การบริหารส่วนตำบลตัวอย่าง \xff ชื่อ นายสมชาย ใจดี "
        "ตำแหน่ง นายก โทรศัพท์ 02-000-0000 อีเมล nayok@example.go.th</p></body></html>"
    )
    return text.encode("utf-8", errors="surrogateescape").replace(b"\xc3\xbf", b"\xff")


def xlsx_control_sheet() -> bytes:
    """A workbook whose sheet name and cells carry control characters and formulas."""
    wb = Workbook()
    ws = wb.active
    ws.title = "ผลการจัดซื้อ"
    ws.append(["=cmd|' /C calc'!A0", "@SUM(1+1)", "+1-1", "ผู้ขาย"])
    ws.append(["a", "b", "c", "d"])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(
        "ผลการจัดซื้อ".encode(), "ผล\x1b[31m\x01การจัดซื้อ".encode()
    )
    return _zip(members)


@dataclass(frozen=True)
class Case:
    """One hostile file: where it is served, what it is, and how to make it."""

    name: str
    path: str
    content_type: str
    make: Callable[[], bytes]
    what: str
    item: str = ""  # the item of the corpus submission that points at it


CASES: tuple[Case, ...] = (
    Case("xlsx_huge_span", "/h/span.xlsx", "", xlsx_huge_span, "XLSX with A1 and XFD1048576"),
    Case(
        "xlsx_many_cells",
        "/h/cells.xlsx",
        "",
        xlsx_many_cells,
        "XLSX of 6 M cells without references",
    ),
    Case("xlsx_xxe", "/h/xxe.xlsx", "", xlsx_xxe, "XLSX with XXE and billion laughs"),
    Case("docx_core_bomb", "/h/core.docx", "", docx_core_bomb, "DOCX core.xml of 320 MB zeros"),
    Case("docx_laughs", "/h/laughs.docx", "", docx_laughs, "DOCX billion laughs"),
    Case("pdf_inflate_bomb", "/h/bomb.pdf", "", pdf_inflate_bomb, "PDF content stream → 256 MB"),
    Case("pdf_self_form", "/h/self.pdf", "", pdf_self_form, "PDF self-drawing Form XObject"),
    Case("pdf_many_pages", "/h/pages.pdf", "", pdf_many_pages, "PDF of 10,000 pages"),
    Case("html_deep", "/h/deep.html", "text/html", html_deep, "HTML nested 200,000 deep"),
    Case(
        "html_control_chars",
        "/h/ctrl.html",
        "text/html; charset=utf-8",
        html_control_chars,
        "escape sequences, XSS, formula in page text",
    ),
    Case(
        "html_bad_utf8",
        "/h/utf8.html",
        "text/html",
        html_bad_utf8,
        "Thai UTF-8 page with one bad byte",
    ),
    Case("xlsx_control_sheet", "/h/ctrl.xlsx", "", xlsx_control_sheet, "control chars in a sheet"),
)


def _gzip_bomb(size: int = 200 * MB) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=6) as gz:
        zero = b"\0" * MB
        for _ in range(size // MB):
            gz.write(zero)
    return buf.getvalue()


def _deflate_bomb(size: int = 200 * MB) -> bytes:
    comp = zlib.compressobj(6)
    zero = b"\0" * MB
    return b"".join(comp.compress(zero) for _ in range(size // MB)) + comp.flush()


def _loop(s: Scenario) -> Behaviour:
    s.route("/n/loop2", redirect(s.url("/n/loop1")))
    return redirect(s.url("/n/loop2"))


@dataclass(frozen=True)
class Behaving:
    """A hostile server behaviour at ``path`` (made when the site is served)."""

    name: str
    path: str
    make: Callable[[Scenario], Behaviour]
    what: str


NETWORK: tuple[Behaving, ...] = (
    Behaving(
        "gzip_bomb",
        "/n/gzip",
        lambda s: static(_gzip_bomb(), headers={"Content-Encoding": "gzip"}),
        "gzip body inflating to 200 MB",
    ),
    Behaving(
        "deflate_bomb",
        "/n/deflate",
        lambda s: static(_deflate_bomb(), headers={"Content-Encoding": "deflate"}),
        "deflate body inflating to 200 MB",
    ),
    Behaving(
        "brotli_unasked",
        "/n/br",
        lambda s: static(b"\x1b\xff\xff\xff" * 64, headers={"Content-Encoding": "br"}),
        "brotli body that was never asked for",
    ),
    Behaving("endless", "/n/endless", lambda s: endless(), "endless page (no length)"),
    Behaving("trickle", "/n/trickle", lambda s: trickle(0.3), "one byte per 0.3 s"),
    Behaving("silent", "/n/silent", lambda s: silent(), "accepts, never answers"),
    Behaving("redirect_loop", "/n/loop1", lambda s: _loop(s), "redirect loop"),
    Behaving(
        "bad_location",
        "/n/badloc",
        lambda s: redirect("http://[bad"),
        "unparseable Location header",
    ),
    Behaving(
        "too_many_requests",
        "/n/429",
        lambda s: static(b"slow down", status=429, headers={"Retry-After": "1"}),
        "HTTP 429 with Retry-After",
    ),
    Behaving(
        "redirect_metadata",
        "/n/meta",
        lambda s: redirect("http://169.254.169.254/latest/meta-data/"),
        "redirect to cloud metadata",
    ),
)
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
# Items of ita-2568 that hold a hostile URL; O2 (bad UTF-8, must still pass) and O25 (an
# ordinary plan page) are the controls that prove the rest of the report still stands.
HOSTILE_ITEMS = tuple(f"O{n}" for n in range(1, 29) if n not in (2, 25))
CONTROL_ITEMS = ("O2", "O25")


def serve(scenario: Scenario, names: set[str] | None = None) -> dict[str, str]:
    """Serve the corpus (or the cases named) on ``scenario``; item id → submitted URL."""
    from tests.sites import PLAN_TEXT, html

    urls: dict[str, str] = {}
    free = iter(HOSTILE_ITEMS)
    for case in CASES:
        if names is not None and case.name not in names:
            continue
        ctype = case.content_type or "application/octet-stream"
        url = scenario.file(case.path, case.make(), ctype)
        urls["O2" if case.name == "html_bad_utf8" else next(free)] = url
    for net in NETWORK:
        if names is None or net.name in names:
            urls[next(free)] = scenario.route(net.path, net.make(scenario))
    if names is None or "blocked_address" in names:
        urls[next(free)] = METADATA_URL
    if names is None:
        urls["O25"] = scenario.page("/ok/o25", html("O25 แผนปฏิบัติการป้องกันการทุจริต", PLAN_TEXT))
    return urls


def names() -> list[str]:
    """Every case, file and network, in the order of the bench table."""
    return [c.name for c in CASES] + [n.name for n in NETWORK] + ["blocked_address"]


def hostile_env(checkout: str, work: str) -> dict[str, str]:
    """The environment of a hostile run: the tree under test, real worker processes (a native
    crash stays there), and short bounds so the slow servers cost seconds."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("OIT_")}
    env.update(
        {
            "OIT_EXTRACT_WORKERS": "2",
            "OIT_CONNECT_TIMEOUT": "2",
            "OIT_READ_TIMEOUT": "2",
            "OIT_DEADLINE": "4",
            "OIT_TOTAL_DEADLINE": "8",
            "OIT_BACKOFF_BASE": "0.05",
            "OIT_BACKOFF_MAX": "0.2",
            "OIT_RETRY_AFTER_CAP": "2",
            "OIT_BROWSER": "never",
            "OIT_WORK_DIR": work,
            "NO_COLOR": "1",
            "PYTHONPATH": checkout,
        }
    )
    return env


@dataclass(frozen=True)
class Run:
    rc: int | None  # None: killed at the time limit
    wall_s: float
    peak_rss_mb: float  # the process and the workers it waited for (wait4)


def run_limited(
    argv: list[str],
    env: dict[str, str],
    *,
    memory: int,
    timeout: float,
    log: str | None = None,
    cwd: str | None = None,
) -> Run:
    """Run ``argv`` under an address-space limit; its exit code, wall time and peak RSS.

    Give ``cwd`` outside the tree being tested: ``python -m`` puts the working directory
    first on ``sys.path``, ahead of ``PYTHONPATH``."""
    import os
    import resource
    import signal
    import subprocess
    import time

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        os.setsid()  # its own group: a time-out kills the workers too

    started = time.monotonic()
    err = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        argv, env=env, cwd=cwd, preexec_fn=limit, stdout=subprocess.DEVNULL, stderr=err
    )
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.02)
    wall = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log:
        err.close()  # type: ignore[union-attr]
    return Run(None if killed else proc.returncode, wall, usage.ru_maxrss / 1024)
