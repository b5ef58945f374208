"""From a main website to its ITA page for one year, and from that page to a submission.

A bounded, polite, best-first crawl (after scrapy's DEPTH_LIMIT, CLOSESPIDER_PAGECOUNT and
OffsiteMiddleware): same site only, depth ≤ ``max_depth`` from the home page, at most
``max_pages`` pages, robots.txt respected unless the agency's own admin says otherwise, every
fetch through the engine's Fetcher (its per-host limits, time-outs and size caps). Links that
look like the ITA page ("ITA", "OIT", "การประเมินคุณธรรมและความโปร่งใส", ``ita2568``…, best when
they carry the requested year) are visited first; documents are never downloaded here. The
crawl stops early once a page maps at least half of the checklist's items and no ITA-looking
link is left to try.

Every page is read by :func:`oit_checker.discover.layout.map_page`; script-drawn pages are
drawn in the browser first when one is available. An ITA link that leaves the main site
(Google Sites…) is reported, never followed: an ITA page off the main website is itself the
seed 002 failure. Website problems are values in the result, never exceptions.
"""

from __future__ import annotations

import asyncio
import heapq
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from oit_checker.checklist.model import Checklist
from oit_checker.discover.layout import Mapped, PageMap, Problem, be_year, map_page
from oit_checker.extract import read_page, sniff
from oit_checker.fetch.body import remove_body
from oit_checker.fetch.browser import Renderer
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.fetch.robots import Robots
from oit_checker.model import DocKind, Link, Resource
from oit_checker.runtime import browser_for, in_pool, work_dir
from oit_checker.settings import RunSettings
from oit_checker.submission.load import Submission, SubmittedItem
from oit_checker.urls import is_same_site, looks_like_document, normalize

if TYPE_CHECKING:
    import httpx

EventFn = Callable[[str, str], None]

_ITA_TEXT = re.compile(
    r"\bITA\b|\bOIT\b|ita\s*-?\s*\d{4}|oit\s*-?\s*\d{4}|คุณธรรมและความโปร่งใส|"
    r"การเปิดเผยข้อมูลสาธารณะ|ประเมินคุณธรรม",
    re.I,
)
_ITA_URL = re.compile(r"(?:^|[/_\-.=?&])(?:ita|oit)(?=$|[/_\-.=?&]|\d)", re.I)
_YEARS = re.compile(r"(?<!\d)(25[6-8]\d|20[1-3]\d)(?!\d)")
MAX_LINKS_PER_PAGE = 2000  # a hostile page with 100 000 links must not flood the queue
MAX_QUEUE = 20_000


@dataclass(frozen=True, slots=True)
class Limits:
    max_pages: int = 300
    max_depth: int = 3
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Note:
    """Something the admin should know about the crawl (a code for i18n plus a detail)."""

    code: str  # home_unreachable, robots_blocked, robots_unreachable, ita_offsite, …
    url: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Discovery:
    main_site: str
    year: int
    checklist: str
    agency: str
    pages: tuple[str, ...]  # the ITA pages the mapping comes from, best first
    mapped: tuple[Mapped, ...]
    problems: tuple[Problem, ...]
    missing: tuple[str, ...]  # checklist items with no URL found (problems say why)
    notes: tuple[Note, ...]
    other_years: tuple[tuple[str, tuple[int, ...]], ...]  # ITA pages of other years only
    pages_crawled: int
    pages_rendered: int
    seconds: float

    def urls(self, item: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.url for m in self.mapped if m.item == item))

    def submission(self, checklist: Checklist) -> Submission:
        """The mapping as a Submission (for nightly ``discover: true`` agencies)."""
        items = tuple(
            SubmittedItem(item.id, self.urls(item.id))
            for item in checklist.items
            if self.urls(item.id)
        )
        return Submission(
            agency=self.agency, main_site=self.main_site, items=items, checklist=self.checklist
        )


@dataclass(frozen=True, slots=True)
class _Scan:
    """What one crawled page gave: its links, the mapping, and whether it needs a browser."""

    title: str
    links: tuple[Link, ...]
    page: PageMap | None
    script_drawn: bool


def scan(res: Resource, settings: RunSettings, year: int, item_ids: tuple[str, ...]) -> _Scan:
    """Runs in the extraction pool: decode, parse for links, map the layout (pure CPU)."""
    doc, markup = read_page(res, settings)
    page = map_page(markup, res.final_url or res.url, year=year, item_ids=item_ids)
    return _Scan(doc.title, doc.links, page, doc.unreadable_reason == "script_drawn")


def link_score(url: str, text: str, year: int) -> int:
    """How much a link looks like the way to the ITA page of ``year`` (0: not at all)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return 0
    where = unquote(parts.path + "?" + parts.query)
    score = (10 if _ITA_TEXT.search(text) else 0) + (8 if _ITA_URL.search(where) else 0)
    if score == 0:
        return 0
    years = {be_year(y) for y in _YEARS.findall(text + " " + where)}
    if year in years:
        score += 6
    elif years:
        score -= 5
    return max(score, 1)


class _Crawl:
    def __init__(
        self,
        main_site: str,
        checklist: Checklist,
        settings: RunSettings,
        limits: Limits,
        fetcher: Fetcher,
        renderer: Renderer | None,
        on_event: EventFn | None,
    ) -> None:
        self.home = main_site
        self.checklist, self.settings, self.limits = checklist, settings, limits
        self.fetcher, self.renderer, self.on_event = fetcher, renderer, on_event
        self.year = checklist.year
        self.item_ids = checklist.item_ids
        self.robots = Robots(fetcher) if limits.respect_robots else None
        self.heap: list[tuple[int, int, int, str]] = []
        self.queued: set[str] = set()
        self.seq = 0
        self.crawled = 0
        self.rendered = 0
        self.pages: list[PageMap] = []
        self.notes: list[Note] = []
        self.offsite: dict[str, Note] = {}
        self.agency = ""
        self.unrendered = 0

    def push(self, url: str, depth: int, score: int) -> None:
        if url in self.queued or depth > self.limits.max_depth or len(self.queued) >= MAX_QUEUE:
            return
        self.queued.add(url)
        self.seq += 1
        heapq.heappush(self.heap, (-score, depth, self.seq, url))

    def good_enough(self) -> bool:
        need = max(3, math.ceil(len(self.item_ids) / 2))
        best = max((len(p.items) for p in self.pages), default=0)
        return best >= need and not any(-s > 0 for s, *_ in self.heap)

    async def run(self) -> None:
        self.push(self.home, 0, 0)
        delay = await self.robots.delay(self.home) if self.robots else 0.0
        while self.heap and self.crawled < self.limits.max_pages and not self.good_enough():
            room = self.limits.max_pages - self.crawled
            width = 1 if delay else max(1, min(self.settings.per_host, room))
            batch = [heapq.heappop(self.heap) for _ in range(min(width, len(self.heap)))]
            self.crawled += len(batch)
            await asyncio.gather(*(self.visit(url, depth) for _, depth, _, url in batch))
            if delay:
                await asyncio.sleep(delay)

    async def visit(self, url: str, depth: int) -> None:
        if self.robots is not None and not await self.robots.allowed(url):
            self.notes.append(Note("robots_blocked", url))
            return
        res = await self.fetcher.fetch(url)
        try:
            if not res.ok or not res.has_body or sniff(res) is not DocKind.HTML:
                if depth == 0:
                    self.notes.append(
                        Note("home_unreachable", url, res.error_detail or str(res.status or ""))
                    )
                return
            if depth == 0 and not is_same_site(res.final_url, self.home):
                self.notes.append(Note("home_offsite", res.final_url))
            got = await self._scan(res)
        finally:
            remove_body(res)
            self.fetcher.release(res)
        if got.script_drawn or self.settings.browser == "always":
            drawn = await self._draw(url)
            if drawn is not None:
                got = drawn
            elif got.script_drawn:
                self.unrendered += 1
        if self.on_event:
            self.on_event("extracted", url)
        if depth == 0:
            self.agency = _agency_name(got.title)
        if got.page is not None and (got.page.mapped or got.page.headings or got.page.years):
            self.pages.append(got.page)
        # Links the page already placed under an item are evidence, not the way to the ITA
        # page: an SPA's "/ITA/O1" routes must not be crawled one by one.
        placed = {m.url for m in got.page.mapped} if got.page is not None else set()
        plain = 0
        for link in got.links:
            if link.url in placed or link.tag != "a" or looks_like_document(link.url):
                continue
            score = link_score(link.url, link.text, self.year)
            if score == 0:
                plain += 1  # ITA-looking links always count; ordinary ones up to a cap
                if plain > MAX_LINKS_PER_PAGE:
                    continue
            self.consider(link, score, depth, url)

    async def _scan(self, res: Resource) -> _Scan:
        crashed = _Scan("", (), None, False)
        return await in_pool(
            self.settings, scan, res, self.settings, self.year, self.item_ids, crashed=crashed
        )

    async def _draw(self, url: str) -> _Scan | None:
        if self.renderer is None:
            return None
        drawn = await self.renderer.render(url, site=self.home)
        if drawn is None or not drawn.ok or not drawn.has_body or drawn.redirects:
            return None  # not drawn, or its script left the site: nothing of the site to map
        self.rendered += 1
        return await self._scan(replace(drawn, url=url))

    def consider(self, link: Link, score: int, depth: int, found_on: str) -> None:
        if not is_same_site(link.url, self.home):
            if score > 0 and link.url not in self.offsite:
                self.offsite[link.url] = Note("ita_offsite", link.url, found_on)
            return
        self.push(link.url, depth + 1, score)


def _agency_name(title: str) -> str:
    """The agency's name from its home page title ("หน้าแรก | อบต.ตัวอย่าง" → "อบต.ตัวอย่าง")."""
    parts = [p.strip() for p in re.split(r"\s[|–—-]\s|::", title) if p.strip()]
    generic = re.compile(r"^(หน้าแรก|หน้าหลัก|home|welcome|ยินดีต้อนรับ.*)$", re.I)
    named = [p for p in parts if not generic.match(p)]
    return (named or parts or [""])[0][:200]


def _merge(pages: list[PageMap], year: int) -> list[PageMap]:
    """The pages to take the mapping from, best first: explicit year, then most items."""
    usable = [
        p
        for p in pages
        if p.page_year == year or year in p.years or (p.page_year is None and not p.years)
    ]
    usable.sort(key=lambda p: (not (p.page_year == year or year in p.years), -len(p.items)))
    if not usable:
        return []
    chosen = [usable[0]]
    covered = set(usable[0].items)
    for p in usable[1:]:
        # A second page only counts when it is itself an ITA list (several headings).
        if len(p.headings) >= 3 and not p.items <= covered:
            chosen.append(p)
            covered |= p.items
    return chosen


async def discover(
    main_site: str,
    checklist: Checklist,
    settings: RunSettings,
    *,
    limits: Limits = Limits(),
    renderer: Renderer | None = None,
    on_event: EventFn | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Discovery:
    """Crawl ``main_site`` for the ITA page of ``checklist.year`` and map its links to items."""
    started = time.monotonic()
    home = normalize(main_site)
    async with browser_for(settings, renderer) as browser:
        with work_dir(settings, "oit-discover-") as work:
            async with Fetcher(
                settings, work, transport=transport, on_event=on_event, site=home
            ) as fetcher:
                crawl = _Crawl(home, checklist, settings, limits, fetcher, browser, on_event)
                await crawl.run()
    robots_down = crawl.robots.unreachable if crawl.robots else []
    chosen = _merge(crawl.pages, checklist.year)
    mapped: list[Mapped] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for page in chosen:
        fresh = page.items - taken
        mapped.extend(m for m in page.mapped if m.item in fresh)
        problems.extend(p for p in page.problems if p.item in fresh or p.kind == "unknown_item")
        taken |= fresh
    notes = list(crawl.notes)
    notes.extend(Note("robots_unreachable", u) for u in robots_down)
    if crawl.unrendered:
        problem = browser.problem if browser is not None else "--browser never"
        notes.append(Note("script_drawn_unrendered", "", f"{crawl.unrendered}: {problem}"))
    if not chosen:
        notes.extend(crawl.offsite.values())
    else:
        notes.extend(replace(n, code="ita_offsite_also") for n in crawl.offsite.values())
    if not chosen:
        notes.append(Note("ita_page_not_found", home))
    other = tuple(
        (p.url, p.years or ((p.page_year,) if p.page_year else ()))
        for p in crawl.pages
        if p not in chosen
        and checklist.year not in p.years
        and p.page_year != checklist.year
        and (p.years or p.page_year)
    )
    return Discovery(
        main_site=home,
        year=checklist.year,
        checklist=checklist.id,
        agency=crawl.agency,
        pages=tuple(p.url for p in chosen),
        mapped=tuple(sorted(mapped, key=lambda m: checklist.item_ids.index(m.item))),
        problems=tuple(problems),
        missing=tuple(i for i in checklist.item_ids if i not in {m.item for m in mapped}),
        notes=tuple(notes),
        other_years=other,
        pages_crawled=crawl.crawled,
        pages_rendered=crawl.rendered,
        seconds=round(time.monotonic() - started, 3),
    )
