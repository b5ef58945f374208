"""How to run (never *what* to check): one frozen ``RunSettings``, merged once.

Priority, lowest first: defaults < ``OIT_*`` environment variables < command-line flags
(scrapy's settings priorities). Every network wait has a bound here, so tests can shrink
them and a hostile server can never hold a run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any
from zoneinfo import ZoneInfo

from oit_checker.errors import UsageError

BANGKOK = ZoneInfo("Asia/Bangkok")
MB = 1024 * 1024
BROWSER_MODES = ("auto", "never", "always")
OCR_MODES = ("auto", "never", "always")


def bangkok_today() -> dt.date:
    """Today in Asia/Bangkok: the assessor's calendar, whatever the server's timezone."""
    return dt.datetime.now(BANGKOK).date()


@dataclass(frozen=True, slots=True)
class RunSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 60.0  # hard bound on one download attempt, trickling servers included
    total_deadline: float = 90.0  # one URL, all attempts and backoff waits included
    retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    retry_after_cap: float = 60.0
    max_redirects: int = 10
    max_bytes: int = 50 * MB
    spool_bytes: int = 1 * MB  # bodies up to this size may stay in memory, larger go to disk
    spool_budget: int = 16 * MB  # in-memory bodies awaiting extraction, across the process
    per_host: int = 4
    global_limit: int = 32
    follow_depth: int = 1
    follow_max: int = 30
    max_text_chars: int = 2_000_000
    max_pdf_pages: int = 300
    max_sheet_rows: int = 5000
    max_unzipped_bytes: int = 300 * MB
    extract_workers: int = 0  # 0: one process per core (≤ 4); 1: extract in-process
    lang: str = "th"  # OIT_LANG=en or --lang en for English
    today: dt.date | None = None
    user_agent: str = ""
    verify_tls: bool = True
    ca_bundle: str | None = None
    work_dir: str | None = None
    cache_dir: str | None = None  # conditional-GET cache (nightly sets it; off in check)
    browser: str = "auto"  # auto: draw only script-drawn pages; never; always (every page)
    browser_timeout: float = 20.0  # per page drawn in headless Chromium
    browser_path: str = ""  # Chromium to launch (default: chromium on PATH, else Playwright's)
    ocr: str = "auto"  # auto: read scans where Tesseract + Thai exist; never; always (required)
    ocr_dpi: int = 150  # scanned pages drawn at this resolution: measured best (bench/ocr_bench.py)
    ocr_pages: int = 3  # pages read per scanned PDF: the first ones and the last
    ocr_seconds: float = 30.0  # one page or picture
    ocr_run_seconds: float = 300.0  # all OCR of one agency's run; past it scans stay manual

    def effective_today(self) -> dt.date:
        return self.today or bangkok_today()

    def merged(self, overrides: Mapping[str, Any]) -> RunSettings:
        """Return a copy with the given (non-None) overrides applied."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - {f.name for f in fields(self)}
        if unknown:
            raise UsageError("unknown setting(s): {names}", {"names": ", ".join(sorted(unknown))})
        merged = replace(self, **clean)
        if merged.ocr not in OCR_MODES:
            raise UsageError(
                "OCR mode {value!r}: use one of {modes}",
                {"value": merged.ocr, "modes": ", ".join(OCR_MODES)},
            )
        if merged.browser not in BROWSER_MODES:
            raise UsageError(
                "browser mode {value!r}: use one of {modes}",
                {"value": merged.browser, "modes": ", ".join(BROWSER_MODES)},
            )
        return merged


def _coerce(name: str, raw: str, default: object) -> object:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if name == "today":
            return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise UsageError(
            "environment variable {name}={value!r}: {detail}",
            {"name": f"OIT_{name.upper()}", "value": raw, "detail": str(exc)},
        ) from exc
    return raw


def from_env(env: Mapping[str, str] | None = None, base: RunSettings | None = None) -> RunSettings:
    """Apply ``OIT_<SETTING>`` variables (e.g. ``OIT_READ_TIMEOUT=5``) over ``base``."""
    env = os.environ if env is None else env
    base = base or RunSettings()
    overrides: dict[str, Any] = {}
    for f in fields(base):
        raw = env.get(f"OIT_{f.name.upper()}")
        if raw is not None:
            overrides[f.name] = _coerce(f.name, raw, getattr(base, f.name))
    return base.merged(overrides)
