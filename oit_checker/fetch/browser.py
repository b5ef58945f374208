"""Headless Chromium through Playwright, for evidence screenshots (and later, script-drawn pages).

Playwright cannot download its own browser here, so Debian's Chromium is used where present
(``/usr/bin/chromium``), launched with the flags that keep it off the network except for the
page itself. Everything is bounded: one navigation timeout per page, and a browser that cannot
start makes :func:`capture` return nothing (the report simply has no pictures) instead of
failing the run. Fetched pages run in the browser sandbox only to be drawn; nothing from them
reaches our process but pixels.
"""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


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
        return (), "playwright is not installed (pip install playwright)"
    exe = chromium_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    try:
        with sync_playwright() as pw:
            browser = (
                pw.chromium.launch(executable_path=exe, args=ARGS)
                if exe
                else (pw.chromium.launch(args=ARGS))
            )
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
