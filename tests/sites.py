"""Local scenario sites over real sockets: static pages plus hostile behaviours.

A ``Scenario`` is a threaded HTTP(S) server on a loopback address with a route table the test
fills in: ``s.page("/o1", html)``, ``s.file("/o12.xlsx", data)``, or a behaviour such as
``s.route("/slow", trickle())``. Hits are counted per path, so tests can prove a URL was
fetched once. Every behaviour is bounded (it stops when the server stops).
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from oit_checker.demo.server import LocalServer, SiteHandler

Behaviour = Callable[[SiteHandler, "Scenario"], None]


class Scenario:
    def __init__(self, tmp: Path, host: str = "127.0.0.1", tls: tuple[str, str] | None = None):
        self.tmp = tmp
        self.routes: dict[str, Behaviour] = {}
        self.hits: Counter[str] = Counter()
        self.stop = threading.Event()
        scenario = self

        class Handler(SiteHandler):
            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                scenario.hits[path] += 1
                scenario.headers_seen.append(dict(self.headers))
                behaviour = scenario.routes.get(path)
                if behaviour is None:
                    self.send_body(404, b"<html><body>404 Not Found</body></html>")
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    behaviour(self, scenario)

            do_POST = do_GET  # routes read the body themselves (webhook tests)

        self.headers_seen: list[dict[str, str]] = []
        self.server = LocalServer(Handler, host=host)
        self.scheme = "http"
        if tls:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(*tls)
            self.server.httpd.socket = ctx.wrap_socket(self.server.httpd.socket, server_side=True)
            self.scheme = "https"
        self.host = host

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host}:{self.server.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def route(self, path: str, behaviour: Behaviour) -> str:
        self.routes[path] = behaviour
        return self.url(path)

    def page(self, path: str, markup: str, charset: str = "utf-8", status: int = 200) -> str:
        body = markup.encode("cp874" if charset.lower() in ("tis-620", "windows-874") else charset)
        return self.route(path, static(body, f"text/html; charset={charset}", status))

    def file(self, path: str, data: bytes, ctype: str = "application/octet-stream") -> str:
        return self.route(path, static(data, ctype))

    def __enter__(self) -> Scenario:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.__exit__(*exc)


def static(
    body: bytes,
    ctype: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Behaviour:
    def behave(h: SiteHandler, s: Scenario) -> None:
        h.send_body(status, body, ctype, headers)

    return behave


def sequence(*behaviours: Behaviour) -> Behaviour:
    """Answer the n-th request with the n-th behaviour (the last one repeats)."""
    count = {"n": 0}

    def behave(h: SiteHandler, s: Scenario) -> None:
        i = min(count["n"], len(behaviours) - 1)
        count["n"] += 1
        behaviours[i](h, s)

    return behave


def redirect(to: str, status: int = 302) -> Behaviour:
    def behave(h: SiteHandler, s: Scenario) -> None:
        h.send_body(status, b"", "text/html", {"Location": to})

    return behave


def silent() -> Behaviour:
    """Read the request, then never answer (until the server stops)."""

    def behave(h: SiteHandler, s: Scenario) -> None:
        s.stop.wait(60)

    return behave


def trickle(interval: float = 0.3) -> Behaviour:
    """Send headers, then one byte per ``interval`` forever: only a deadline stops it."""

    def behave(h: SiteHandler, s: Scenario) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(1000):
            if s.stop.wait(interval):
                return
            h.wfile.write(b"x")
            h.wfile.flush()

    return behave


def endless(chunk: int = 256 * 1024, limit_bytes: int = 4 * 1024**3) -> Behaviour:
    """An endless body without Content-Length (bounded at ``limit_bytes`` for safety)."""
    block = b"<p>" + b"a" * (chunk - 3)

    def behave(h: SiteHandler, s: Scenario) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        sent = 0
        while sent < limit_bytes and not s.stop.is_set():
            h.wfile.write(block)
            sent += len(block)

    return behave


def slow_then(delay: float, then: Behaviour) -> Behaviour:
    def behave(h: SiteHandler, s: Scenario) -> None:
        time.sleep(delay)
        then(h, s)

    return behave


def html(
    title: str,
    body: str,
    links: list[tuple[str, str]] | None = None,
    charset: str = "utf-8",
    extra: str = "",
) -> str:
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links or [])
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>{body}</p><ul>{items}</ul>{extra}</body></html>"
    )


def etagged(body: bytes, etag: str, ctype: str = "text/html; charset=utf-8") -> Behaviour:
    """Answer 304 when the client already holds ``etag`` (a conditional GET), else 200."""

    def behave(h: SiteHandler, s: Scenario) -> None:
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_body(200, body, ctype, {"ETag": etag})

    return behave


# Realistic one-line page contents: an item's data, not just its title (a page that only
# echoes the title holds no data and fails `has_data`).
PLAN_TEXT = "แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 โครงการอบรมคุณธรรมจริยธรรม งบประมาณ 20,000 บาท"
RISK_TEXT = "ประเมินความเสี่ยง ประจำปี พ.ศ. 2568 ความเสี่ยงด้านการจัดซื้อจัดจ้าง ระดับปานกลาง มาตรการควบคุม"
STRUCTURE_TEXT = "แผนผังโครงสร้าง สำนักปลัด กองคลัง กองช่าง อำนาจหน้าที่ตามพระราชบัญญัติสภาตำบล"
