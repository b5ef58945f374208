"""A tiny threaded HTTP server on 127.0.0.1 and a free port, for the demo and for tests.

``SiteHandler`` serves files from a directory with their content types (``.tis620.html`` is
served as ``text/html; charset=tis-620``); ``LocalServer`` runs any handler class in a daemon
thread and stops cleanly. Tests subclass the handler to add hostile behaviours (trickling,
endless bodies, redirect loops).
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".jpg": "image/jpeg",
}


class SiteHandler(BaseHTTPRequestHandler):
    root: ClassVar[Path] = Path(".")
    server_version = "oit-demo/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        pass

    def send_body(
        self,
        status: int,
        body: bytes,
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        root = self.root.resolve()
        if (root not in target.parents and target != root) or not target.is_file():
            self.send_body(404, b"<html><body><h1>404 Not Found</h1></body></html>")
            return
        name = target.name
        if name.endswith(".tis620.html"):
            ctype = "text/html; charset=tis-620"
        else:
            ctype = TYPES.get(
                target.suffix, mimetypes.guess_type(name)[0] or "application/octet-stream"
            )
        self.send_body(200, target.read_bytes(), ctype)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (a browser closing keep-alive sockets) is not an error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LocalServer:
    """``with LocalServer(handler) as srv: srv.url("/x")`` — real sockets on 127.0.0.1."""

    def __init__(
        self, handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.httpd = _QuietServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
