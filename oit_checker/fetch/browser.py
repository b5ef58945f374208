"""Headless Chromium through Playwright: script-drawn pages, and evidence screenshots.

Some agency pages are an empty shell ("กำลังโหลดข้อมูล...") filled in by JavaScript, or a
single-page app with one route per item. :class:`Renderer` draws such a page in headless
Chromium and hands back the rendered DOM as a :class:`Resource` like any other fetch, so the
extractors and checks never know the difference. Playwright cannot download its own browser
here, so Debian's Chromium is used where present (``/usr/bin/chromium``, via
``executable_path``); Playwright's own browser is tried otherwise.

Everything is bounded and contained: one browser per run, started on first use and only if
needed; at most two pages at once; a deadline on every navigation and on every call into the
page (a script that spins forever cannot hold the run); images, media and fonts are not
downloaded; requests to other hosts are refused but for stylesheets, and a navigation off the
main site is stopped and reported (``_Fence``); downloads, service workers and popups are
refused; each page gets a fresh context (no cookies carried between agencies). Scripts run
inside Chromium only; nothing from the page reaches our process but the serialised DOM
(capped) or pixels. When no browser can start, the renderer says why once and returns
``None``: script-drawn pages then stay ``manual``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.fetch.addresses import AddressGuard
from oit_checker.model import ErrorKind, Resource
from oit_checker.urls import is_same_site

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True, slots=True)
class Shot:
    url: str
    path: str  # file written under the screenshots folder
    jpeg_b64: str  # embedded by the HTML report


NO_PLAYWRIGHT = "playwright is not installed (pip install 'oit-checker[browser]')"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_problem(executable: str = "") -> str:
    """Why pages cannot be drawn here ("" when they can): ``--browser always`` must say so up
    front instead of quietly judging script-drawn pages without a browser."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        return NO_PLAYWRIGHT
    if executable:
        return "" if Path(executable).exists() else f"no browser at {executable}"
    if chromium_path():
        return ""
    home = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache/ms-playwright"))
    if any(home.glob("chromium*")):
        return ""
    return "Chromium is not installed (apt-get install chromium)"


def launch_options(executable: str | None, timeout_s: float) -> dict[str, Any]:
    """Debian's Chromium when there is one (Playwright's own download cannot run here)."""
    options: dict[str, Any] = {"args": ARGS, "timeout": timeout_s * 1000}
    if executable:
        options["executable_path"] = executable
    return options


def capture(
    urls: Sequence[tuple[str, str]],
    out_dir: Path,
    *,
    timeout_s: float = 20.0,
    width: int = 1280,
    height: int = 900,
) -> tuple[tuple[Shot, ...], str]:
    """Screenshot each ``(label, url)``; return the shots and a problem ("" when none)."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        return (), NO_PLAYWRIGHT
    exe = chromium_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(**launch_options(exe, timeout_s))
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.set_default_timeout(timeout_s * 1000)
                for label, url in urls:
                    name = re.sub(r"[^A-Za-z0-9_.-]", "_", label)[:60] + ".jpg"
                    try:
                        page.goto(url, wait_until="load", timeout=timeout_s * 1000)
                        data = page.screenshot(type="jpeg", quality=60)
                    except PlaywrightError:
                        continue  # a page that cannot be drawn is already a finding elsewhere
                    (out_dir / name).write_bytes(data)
                    shots.append(Shot(url, str(out_dir / name), base64.b64encode(data).decode()))
            finally:
                browser.close()
    except PlaywrightError as exc:
        return tuple(shots), f"browser unavailable: {str(exc).splitlines()[0][:200]}"
    return tuple(shots), ""


MAX_DOM_BYTES = 10 * 1024 * 1024
_SKIP_TYPES = frozenset({"image", "media", "font"})
_OFFSITE_TYPES = frozenset({"stylesheet"})
# Drawn means: the usual "loading" placeholder is gone, and the body has text or links.
_DRAWN_JS = """() => {
  const t = (document.body && document.body.innerText || '').replace(/\\s+/g, '');
  const loading = /กำลังโหลด|loading\\.\\.\\./i.test(t.slice(0, 400));
  return !loading && (t.length > 200 || document.links.length > 0);
}"""


class Renderer:
    """One lazily started headless Chromium for a run: ``await r.render(url) -> Resource``.

    ``render`` returns ``None`` when no browser is available (``problem`` says why, once);
    otherwise a Resource whose body is the rendered HTML (UTF-8), or whose ``error`` says the
    page could not be drawn in time. Close with ``await r.aclose()``.
    """

    def __init__(
        self,
        *,
        timeout_s: float = 20.0,
        user_agent: str = "",
        pages_at_once: int = 2,
        executable: str | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.user_agent = user_agent
        self.executable = executable or chromium_path()
        self.problem = ""
        self.rendered = 0
        self._sem = asyncio.Semaphore(pages_at_once)
        self._lock = asyncio.Lock()
        self._pw: Any = None
        self._browser: Any = None
        self._tried = False

    async def _start(self) -> Any:
        async with self._lock:
            if self._tried:
                return self._browser
            self._tried = True
            try:
                from playwright.async_api import async_playwright
            except ImportError:
                self.problem = NO_PLAYWRIGHT
                return None
            try:
                self._pw = await asyncio.wait_for(async_playwright().start(), self.timeout_s)
                options = launch_options(self.executable, self.timeout_s)
                self._browser = await asyncio.wait_for(
                    self._pw.chromium.launch(**options), self.timeout_s + 5
                )
            except Exception as exc:  # any launch failure means "no browser", never a crash
                self.problem = f"browser unavailable: {_first_line(exc)}"
                await self._stop_pw()
                return None
            return self._browser

    async def render(self, url: str, site: str | None = None) -> Resource | None:
        """Draw ``url``. With ``site`` (the main website) the page may load only from that
        site and the URL's own; a navigation elsewhere is stopped and reported as the
        final URL, for ``on_main_site`` to judge."""
        browser = await self._start()
        if browser is None:
            return None
        async with self._sem:
            started = time.monotonic()
            try:
                return await asyncio.wait_for(
                    self._render(browser, url, started, site), self.timeout_s * 2 + 5
                )
            except Exception as exc:  # a page that cannot be drawn is a finding, not a crash
                kind = (
                    ErrorKind.TIMEOUT
                    if isinstance(exc, TimeoutError) or "Timeout" in type(exc).__name__
                    else ErrorKind.PROTOCOL
                )
                return Resource(
                    url=url,
                    final_url=url,
                    status=None,
                    error=kind,
                    error_detail=f"browser: {_first_line(exc)}",
                    elapsed_s=time.monotonic() - started,
                )

    async def _render(self, browser: Any, url: str, started: float, site: str | None) -> Resource:
        ms = self.timeout_s * 1000
        fence = _Fence(url, site, self.timeout_s)
        context = await browser.new_context(
            accept_downloads=False,
            service_workers="block",
            user_agent=self.user_agent or None,
            ignore_https_errors=True,  # TLS is judged by the fetcher; here we only draw
        )
        try:
            await context.route("**/*", fence.route)
            page = await context.new_page()
            response = await page.goto(url, wait_until="domcontentloaded", timeout=ms)
            # Scripts usually fetch their data right away: wait for the network to go quiet,
            # then give a slow page a little longer to replace its "loading" placeholder.
            with contextlib.suppress(Exception):
                await page.wait_for_load_state("networkidle", timeout=ms / 2)
            with contextlib.suppress(Exception):
                await page.wait_for_function(_DRAWN_JS, timeout=min(ms / 4, 5000))
            html = await asyncio.wait_for(page.content(), self.timeout_s)
            data = html.encode("utf-8", "replace")[:MAX_DOM_BYTES]
            self.rendered += 1
            status = response.status if response is not None else 200
            return Resource(
                url=url,
                final_url=fence.left_to or page.url or url,
                redirects=(fence.left_to,) if fence.left_to else (),
                status=status,
                headers=(("content-type", "text/html; charset=utf-8"), ("x-oit-rendered", "1")),
                body=data,
                size=len(data),
                elapsed_s=time.monotonic() - started,
                error=_status_error(status),
            )
        finally:
            await asyncio.wait_for(context.close(), 10)

    async def _stop_pw(self) -> None:
        if self._pw is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._pw.stop(), 10)
            self._pw = None

    async def aclose(self) -> None:
        if self._browser is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._browser.close(), 10)
            self._browser = None
        await self._stop_pw()


class _Fence:
    """What one drawn page may load: its own site and the main site; from elsewhere only
    stylesheets (a page styled from a CDN still lays out). Scripts, XHR and frames from other
    hosts are refused, as are addresses the fetcher would refuse; a navigation of the page
    itself to another host is stopped and remembered (``left_to``)."""

    def __init__(self, url: str, site: str | None, timeout: float) -> None:
        self.sites = tuple(s for s in (site, url) if s) if site else ()
        self.guard = AddressGuard(site, timeout) if site else None
        self.left_to = ""

    def _local(self, url: str) -> bool:
        return not self.sites or any(is_same_site(url, s) for s in self.sites)

    async def route(self, route: Any) -> None:
        request = route.request
        target = request.url
        if request.resource_type in _SKIP_TYPES or not target.startswith(("http:", "https:")):
            await route.abort()
            return
        if not self._local(target):
            if request.is_navigation_request() and request.frame.parent_frame is None:
                self.left_to = self.left_to or target
                await route.abort()
                return
            if request.resource_type not in _OFFSITE_TYPES:
                await route.abort()
                return
        if self.guard is not None and await self.guard.refused(target):
            await route.abort()
            return
        await route.continue_()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _status_error(status: int) -> ErrorKind | None:
    if status >= 500:
        return ErrorKind.HTTP_5XX
    return ErrorKind.HTTP_4XX if status >= 400 else None
