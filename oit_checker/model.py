"""Frozen value types that cross stage boundaries (DESIGN "What flows through the program").

Each stage hands the next an immutable value: fetch → ``Resource``, extract → ``Document``,
checks → ``Outcome``, engine → ``Finding``, score → ``ItemResult``/``Report``. This module
imports nothing else from oit_checker so that every stage can depend on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FindingStatus(StrEnum):
    """Closed vocabulary of a finding (DESIGN "JSON report")."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    MANUAL = "manual"


class ItemStatus(StrEnum):
    """Closed vocabulary of an item verdict (DESIGN "JSON report").

    ``risk``: no confirmed rule failed but an inferred one did — an assessor who applies it
    scores the item 0, so it counts 0 in ``score`` and full in ``score_max``, like ``manual``.
    """

    PASS = "pass"
    FAIL = "fail"
    RISK = "risk"
    MANUAL = "manual"
    MISSING = "missing"


class ErrorKind(StrEnum):
    """Why a resource could not be obtained. "Could not check" is never "broken" by itself:
    the ``reachable`` check decides what each kind means for the item."""

    INVALID_URL = "invalid_url"
    UNSUPPORTED_SCHEME = "unsupported_scheme"
    DNS = "dns"
    CONNECT = "connect"
    TIMEOUT = "timeout"
    DEADLINE = "deadline"
    TLS = "tls"
    RESET = "reset"
    PROTOCOL = "protocol"
    HTTP_4XX = "http_4xx"
    HTTP_5XX = "http_5xx"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    REDIRECT_LOOP = "redirect_loop"
    TOO_LARGE = "too_large"
    NOT_FETCHED = "not_fetched"
    BLOCKED_ADDRESS = "blocked_address"  # a non-public address the main site is not on


class DocKind(StrEnum):
    """What a body turned out to be, from Content-Type and magic bytes."""

    HTML = "html"
    PDF = "pdf"
    XLSX = "xlsx"
    XLS = "xls"
    DOCX = "docx"
    IMAGE = "image"
    TEXT = "text"
    OTHER = "other"
    NONE = "none"  # nothing to extract (fetch failed)


@dataclass(frozen=True, slots=True)
class Resource:
    """The outcome of fetching one URL. Never raises: ``error`` says what went wrong.

    The body is in ``body`` (small ones, kept in memory) or streamed to disk at ``body_path``
    (large ones); both are ``None`` when there is no usable body.
    ``tls_error`` is set when certificate verification failed and the body was fetched again
    without verification, so that content checks can still run.
    """

    url: str
    final_url: str
    status: int | None
    headers: tuple[tuple[str, str], ...] = ()
    body_path: str | None = None
    body: bytes | None = None  # small bodies stay in memory; large ones spill to body_path
    size: int = 0
    elapsed_s: float = 0.0
    attempts: int = 1
    redirects: tuple[str, ...] = ()
    error: ErrorKind | None = None
    error_detail: str = ""
    tls_error: str = ""
    not_modified: bool = False  # 304 to a conditional request: the cached document stands

    def header(self, name: str) -> str | None:
        """First header value with this (case-insensitive) name."""
        low = name.lower()
        for key, value in self.headers:
            if key.lower() == low:
                return value
        return None

    @property
    def has_body(self) -> bool:
        return self.body is not None or self.body_path is not None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink found in a document, resolved to an absolute URL."""

    url: str
    text: str = ""
    tag: str = "a"
    nav: bool = False  # inside <nav>/<header>/<footer>/a menu: site chrome, not evidence


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date (or span: a month, a fiscal year) found in a document, with where it came from.

    ``start == end`` for a day; "ตุลาคม 2567" spans the month; "ปีงบประมาณ 2568" spans the
    fiscal year. Recency rules test the span against a window.
    """

    start: dt.date
    end: dt.date
    source: str  # "text", "time", "meta", "pdf_meta", "xlsx_meta", "http", "url"
    raw: str


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet of a workbook: name, detected header row and the rows below it."""

    name: str
    header_row: int | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_count: int
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """What extraction made of a ``Resource``: normalised Thai text and structure.

    ``readable`` is False when a machine cannot read the content (scanned PDF without a text
    layer, image, page drawn by script): checks then answer ``manual``, never ``fail``.
    """

    url: str
    kind: DocKind
    text: str = ""
    title: str = ""
    links: tuple[Link, ...] = ()
    dates: tuple[FoundDate, ...] = ()
    sheets: tuple[Sheet, ...] = ()
    pages: int = 0
    readable: bool = True
    unreadable_reason: str = ""  # "no_text_layer", "image", "script_drawn", "corrupt", …
    has_password_form: bool = False
    meta: tuple[tuple[str, str], ...] = ()
    truncated: bool = False
    # Content links that lead nowhere (href "#", "javascript:…" or empty), by their text: a
    # page whose "ดาวน์โหลด" buttons are all "#" has no evidence behind it.
    dead_links: tuple[str, ...] = ()
    # Read by OCR from a scan or a picture (``extract.ocr``); the confidence (0–100, mean over
    # words) decides whether a failure resting on it may stand (engine: below 85 it is risk).
    ocr: bool = False
    ocr_confidence: float = 0.0
    # False when OCR read a year in Thai digits that nothing else in the document confirms
    # (Arabic digits, the title, the file name, the PDF's dates): it may decide no failure.
    ocr_years_sure: bool = True
    # Content pictures of a page (``<img>`` outside the chrome, at most a few): an org chart
    # or a board of executives drawn as a picture is the evidence of a picture-only page.
    images: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceDoc:
    """One piece of an item's evidence: a fetched resource and what it contained.

    ``submitted`` is the URL the admin typed (for children: the page that linked to it);
    ``depth`` is 0 for a submitted URL, 1 for a document it links, and so on.
    """

    resource: Resource
    document: Document
    submitted: str
    depth: int = 0
    link_text: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a check reports: facts and a message code, never final prose (STYLE habit 2)."""

    status: FindingStatus
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    url: str | None = None
    evidence: str = ""
    # A failure of the rule's confirmed core (no data, links that lead nowhere, stale or
    # another agency's evidence, no subject at all): it fails even where the rule's details
    # are only inferred (ITA-NOTES: indicators 9 and 10 assess current data of this agency).
    floor: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """An ``Outcome`` stamped by the engine with the check id, item and rule provenance."""

    check: str
    item: str
    status: FindingStatus
    code: str
    params: dict[str, Any]
    url: str | None
    evidence: str
    source: str = ""
    confidence: str = "confirmed"
    downgraded: bool = False  # an inferred rule failed: reported as warn, the item is ``risk``
    waived: str = ""  # the reason of the waiver that turned a fail/manual into warn
    waived_until: str = ""  # ISO date the waiver expires

    @property
    def fingerprint(self) -> str:
        """Stable identity of a finding across runs (for history and baselines)."""
        return f"{self.item}|{self.check}|{self.code}|{self.url or ''}"


@dataclass(frozen=True, slots=True)
class ItemResult:
    id: str
    indicator: int
    title: str
    title_en: str
    weight: float
    status: ItemStatus
    score: float
    score_max: float
    urls: tuple[str, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    id: int
    title: str
    score: float
    score_max: float
    title_en: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole result of one agency run; every reporter formats this and nothing else."""

    tool_version: str
    checklist_id: str
    checklist_year: int
    agency: str
    main_site: str
    checked_at: dt.datetime
    today: dt.date
    items: tuple[ItemResult, ...]
    indicators: tuple[IndicatorResult, ...]
    oit_score: float
    oit_score_max: float
    stats: tuple[tuple[str, float], ...] = ()
    rewrites: tuple[tuple[str, str], ...] = ()  # (production, staging) origins of --rewrite
    screenshots: tuple[tuple[str, str, str], ...] = ()  # (url, file, base64 JPEG) evidence

    def count(self, status: ItemStatus) -> int:
        """How many items have ``status`` (reporters never count for themselves)."""
        return sum(1 for i in self.items if i.status is status)

    @property
    def counts(self) -> tuple[tuple[ItemStatus, int], ...]:
        """Items per status, in the order of the status vocabulary."""
        return tuple((s, self.count(s)) for s in ItemStatus)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One night of an agency's history: its score range and how many items failed."""

    night: str
    oit_score: float
    oit_score_max: float
    failing: int


@dataclass(frozen=True, slots=True)
class AgencyHistory:
    """An agency's nights for its history page: the score over nights and each item's status
    per night (``items``: item → ((night, status), …), oldest first)."""

    trend: tuple[TrendPoint, ...]
    items: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]

    def since(self, item: str) -> str | None:
        """The first night of the item's current run of failing (fail or risk) nights."""
        nights = dict(self.items).get(item, ())
        start: str | None = None
        for night, status in nights:
            start = (start or night) if status in ("fail", "risk") else None
        return start


@dataclass(frozen=True, slots=True)
class ReportHead:
    """What a night's summary needs of an agency's report: its scores and run statistics.

    A night keeps one per agency instead of the whole report (≈85 KB each), so its memory stays
    flat from a hundred agencies to eight thousand; the full report is rendered to its own
    pages as soon as it is read back and then let go.
    """

    oit_score: float
    oit_score_max: float
    stats: tuple[tuple[str, float], ...] = ()
    statuses: tuple[tuple[str, str], ...] = ()  # item id → status, for the fleet's heat map

    @classmethod
    def of(cls, report: Report) -> ReportHead:
        statuses = tuple((i.id, i.status.value) for i in report.items)
        return cls(report.oit_score, report.oit_score_max, report.stats, statuses)


@dataclass(frozen=True, slots=True)
class AgencyNight:
    """One agency in tonight's summary: its scores and what changed since its last night."""

    name: str
    slug: str
    report: ReportHead
    change: float | None  # OIT score change since the previous night (None: first night)
    new_failures: tuple[str, ...]
    fixed: tuple[str, ...]
    persisting: tuple[str, ...]
    trend: tuple[TrendPoint, ...]
    province: str = ""  # the agencies file's optional grouping columns
    district: str = ""
    kind: str = ""

    @property
    def worse(self) -> bool:
        return bool(self.new_failures) or (self.change or 0.0) < 0


@dataclass(frozen=True, slots=True)
class NightSummary:
    """A whole night, for the nightly pages, the digest and the night's gate."""

    night: str
    agencies: tuple[AgencyNight, ...]
    errors: tuple[tuple[str, str], ...] = ()  # (agency, what went wrong), in English
    skipped_rows: tuple[str, ...] = ()  # rows of the agencies file that were not run
    # per item, its share of agencies failing or at risk over the last nights, oldest first:
    # (item, ((night, failing, judged), ...))
    item_trend: tuple[tuple[str, tuple[tuple[str, int, int], ...]], ...] = ()

    @property
    def worse(self) -> tuple[AgencyNight, ...]:
        return tuple(a for a in self.agencies if a.worse)
