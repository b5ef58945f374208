"""Async orchestration: plan → fetch → extract → follow → checks → stamp findings → score.

The engine owns the order of work and nothing else: it fetches each URL once (the fetcher
memoises), extracts each body once on the shared extraction pool (worker processes, so
CPU-bound parsing runs beside the event loop), runs the pure checks, and stamps their outcomes
with the item, the rule's source and confidence. A rule marked ``inferred`` never decides
``fail``: its failure is reported as ``warn`` (ITA-NOTES marking). Progress goes to an optional
callback; nothing is printed here.
"""

from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import hashlib
import multiprocessing as mp
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from oit_checker import __version__, follow, score
from oit_checker.checklist.model import Checklist, CheckRef, Item
from oit_checker.checks import CheckContext, get
from oit_checker.extract import extract
from oit_checker.extract._body import body_bytes, remove_body
from oit_checker.fetch.browser import Renderer
from oit_checker.fetch.cache import Entry, HttpCache
from oit_checker.fetch.client import user_agent
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.model import (
    DocKind,
    Document,
    EvidenceDoc,
    Finding,
    FindingStatus,
    Link,
    Outcome,
    Report,
    Resource,
)
from oit_checker.settings import BANGKOK, RunSettings
from oit_checker.submission.load import Submission
from oit_checker.waivers import Waiver
from oit_checker.waivers import apply as apply_waivers

if TYPE_CHECKING:
    import httpx

EventFn = Callable[[str, str], None]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rewrite:
    """``--rewrite FROM=TO``: fetch URLs starting with FROM at TO; judge on the original."""

    src: str
    dst: str

    def out(self, url: str) -> str:
        return self.dst + url[len(self.src) :] if url.startswith(self.src) else url

    def back(self, url: str) -> str:
        return self.src + url[len(self.dst) :] if url.startswith(self.dst) else url


def rewrite_out(url: str, rewrites: Sequence[Rewrite]) -> str:
    """Where ``url`` is fetched under ``--rewrite`` (the staging copy)."""
    for r in rewrites:
        url = r.out(url)
    return url


def rewrite_back(url: str, rewrites: Sequence[Rewrite]) -> str:
    """The production URL of a fetched staging URL (rules are judged on it)."""
    for r in rewrites:
        url = r.back(url)
    return url


@dataclass(frozen=True, slots=True)
class ItemEvidence:
    evidence: tuple[EvidenceDoc, ...]
    offsite: tuple[Link, ...]


_POOLS: dict[int, Executor] = {}


def _workers(settings: RunSettings) -> int:
    return settings.extract_workers or min(os.cpu_count() or 1, 4)


def extraction_pool(settings: RunSettings) -> Executor:
    """The process-wide extraction executor, shared by every run in the process.

    Extraction is CPU-bound Python (normalising Thai text, date patterns) that holds the GIL,
    so with several cores it runs in worker processes (spawned: forking a process that runs
    an event loop and threads is unsafe). ``extract_workers=1`` keeps it on one thread
    in-process, which is also what the tests use. Pools are shared so that concurrent agency
    runs never oversubscribe the machine.
    """
    n = _workers(settings)
    pool = _POOLS.get(n)
    if pool is None:
        if n <= 1:
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        else:
            pool = ProcessPoolExecutor(max_workers=n, mp_context=mp.get_context("spawn"))
        _POOLS[n] = pool
    return pool


_HEALTHY: set[int] = set()  # pool sizes whose workers have completed at least one task


async def in_pool(settings: RunSettings, fn: Callable[..., T], *args: Any, crashed: T) -> T:
    """Run ``fn(*args)`` on the shared pool, surviving the two ways a process pool breaks.

    * Workers that cannot start at all (interactive sessions, ``python -`` scripts, sandboxes
      that forbid new processes): fall back to in-process work for the rest of the process,
      and retry this call there.
    * A worker that dies on one input (a native parser crashing on a hostile file): the call
      answers ``crashed`` (a finding), and a fresh pool serves the next ones.
    """
    n = _workers(settings)
    loop = asyncio.get_running_loop()
    try:
        result = await loop.run_in_executor(extraction_pool(settings), fn, *args)
    except BrokenExecutor:
        broken = _POOLS.pop(n, None)
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        if n in _HEALTHY:
            return crashed
        _POOLS[n] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        _HEALTHY.add(n)
        return await loop.run_in_executor(_POOLS[n], fn, *args)
    _HEALTHY.add(n)
    return result


async def _extract_in_pool(settings: RunSettings, res: Resource) -> Document:
    crashed = Document(
        url=res.url,
        kind=DocKind.OTHER,
        readable=False,
        unreadable_reason="corrupt: extractor crashed",
    )
    return await in_pool(settings, extract, res, settings, crashed=crashed)


@atexit.register
def _shutdown_pools() -> None:
    for pool in _POOLS.values():
        pool.shutdown(wait=False, cancel_futures=True)


class _Run:
    def __init__(
        self,
        checklist: Checklist,
        sub: Submission,
        settings: RunSettings,
        fetcher: Fetcher,
        rewrites: Sequence[Rewrite],
        on_event: EventFn | None,
        renderer: Renderer | None = None,
    ) -> None:
        self.checklist, self.sub, self.settings = checklist, sub, settings
        self.fetcher, self.rewrites, self.on_event = fetcher, rewrites, on_event
        self.renderer = renderer
        self.rendered = 0
        self.docs: dict[str, asyncio.Task[tuple[Resource, Document]]] = {}
        self.cache = HttpCache(settings.cache_dir) if settings.cache_dir else None
        self.not_modified = 0
        self.changed = 0

    def validators(self, fetched_url: str) -> dict[str, str]:
        """Conditional-GET headers from last night's cache entry (nightly only)."""
        if self.cache is None:
            return {}
        return HttpCache.validators(self.cache.entry(fetched_url))

    def _cached(self, res: Resource) -> Document | None:
        """Tonight's 304 (reuse the stored document), or store what was just extracted."""
        if self.cache is None or not res.not_modified:
            return None
        doc = self.cache.document(self._out(res.url))
        if doc is not None:
            self.not_modified += 1
        return doc

    def _remember(self, res: Resource, doc: Document) -> None:
        if self.cache is None or not res.ok or not res.has_body:
            return
        fetched = self._out(res.url)
        digest = hashlib.sha256(body_bytes(res)).hexdigest()
        before = self.cache.entry(fetched)
        if before is not None and before.sha256 != digest:
            self.changed += 1
        self.cache.put(fetched, Entry(res.header("etag"), res.header("last-modified"), digest), doc)

    def _out(self, url: str) -> str:
        return rewrite_out(url, self.rewrites)

    def _back(self, url: str) -> str:
        return rewrite_back(url, self.rewrites)

    async def get(self, url: str) -> tuple[Resource, Document]:
        task = self.docs.get(url)
        if task is None:
            task = self.docs[url] = asyncio.ensure_future(self._get(url))
        return await asyncio.shield(task)

    async def _get(self, url: str) -> tuple[Resource, Document]:
        res = await self.fetcher.fetch(self._out(url))
        if self.rewrites:
            res = replace(
                res,
                url=url,
                final_url=self._back(res.final_url),
                redirects=tuple(self._back(u) for u in res.redirects),
            )
        cached = self._cached(res)
        try:
            doc = cached or await _extract_in_pool(self.settings, res)
            if cached is None:
                doc = await self._drawn(res, doc)
                self._remember(res, doc)
        finally:
            remove_body(res)
            self.fetcher.release(res)
        # The body is no longer needed: the Document holds what the rules read. Keeping the
        # bytes on the Resource (which stays in the evidence) would hold a whole agency's
        # downloads in memory until its run ends.
        res = replace(res, body=None, body_path=None)
        if self.on_event:
            self.on_event("extracted", url)
        return res, doc

    async def _drawn(self, res: Resource, doc: Document) -> Document:
        """The page as a browser draws it, for script-drawn pages (every page with ``always``).

        Without a browser the static document stands: a script-drawn page stays unreadable,
        so its content rules answer ``manual`` — never ``fail``.
        """
        if self.renderer is None or not res.ok or doc.kind is not DocKind.HTML:
            return doc
        if doc.unreadable_reason != "script_drawn" and self.settings.browser != "always":
            return doc
        drawn = await self.renderer.render(self._out(res.url))
        if drawn is None or not drawn.ok or not drawn.has_body:
            return doc
        drawn = replace(drawn, url=res.url, final_url=self._back(drawn.final_url))
        self.rendered += 1
        return await _extract_in_pool(self.settings, drawn)

    async def item_evidence(self, urls: tuple[str, ...]) -> ItemEvidence:
        got = await asyncio.gather(*(self.get(u) for u in urls))
        evidence = [
            EvidenceDoc(r, d, submitted=u, depth=0) for u, (r, d) in zip(urls, got, strict=True)
        ]
        offsite: list[Link] = []
        frontier = list(evidence)
        budget = self.settings.follow_max
        seen = frozenset(urls)
        while frontier and budget > 0:
            wanted: list[tuple[EvidenceDoc, Link]] = []
            for parent in frontier:
                plan = follow.pick(
                    parent.document,
                    page_url=parent.resource.final_url,
                    main_site=self.sub.main_site,
                    depth=parent.depth,
                    follow_depth=self.settings.follow_depth,
                    limit=budget - len(wanted),
                    skip=seen,
                )
                offsite.extend(plan.offsite)
                wanted.extend((parent, link) for link in plan.follow)
                seen = seen | {link.url for link in plan.follow}
            budget -= len(wanted)
            children = await asyncio.gather(*(self.get(link.url) for _, link in wanted))
            frontier = [
                EvidenceDoc(
                    r, d, submitted=parent.submitted, depth=parent.depth + 1, link_text=link.text
                )
                for (parent, link), (r, d) in zip(wanted, children, strict=True)
            ]
            evidence.extend(frontier)
        return ItemEvidence(tuple(evidence), tuple(offsite))


def run_checks(
    item: Item,
    urls: tuple[str, ...],
    ev: ItemEvidence,
    *,
    fiscal_year: int,
    today: dt.date,
    main_site: str,
) -> tuple[Finding, ...]:
    """Run every rule of ``item`` over its evidence (pure: no I/O) and stamp the findings."""
    findings: list[Finding] = []
    # When no submitted URL opens, content rules have nothing to judge and `reachable` has
    # already failed the item with the reason: don't repeat the same cause once per rule.
    opened = any(e.resource.ok for e in ev.evidence if e.depth == 0)
    for ref in item.checks:
        spec = get(ref.id)
        if spec.scope == "item" and not opened:
            continue
        contexts = []
        if spec.scope == "url":
            for url in urls:
                mine = tuple(e for e in ev.evidence if e.submitted == url)
                contexts.append(
                    CheckContext(
                        item.id, fiscal_year, today, main_site, mine, url, ev.offsite, item.title
                    )
                )
        else:
            contexts.append(
                CheckContext(
                    item.id,
                    fiscal_year,
                    today,
                    main_site,
                    ev.evidence,
                    None,
                    ev.offsite,
                    item.title,
                )
            )
        for ctx in contexts:
            findings.extend(_stamp(ref, item.id, o) for o in spec.run(ctx, ref.params))
    return tuple(findings)


def _stamp(ref: CheckRef, item_id: str, o: Outcome) -> Finding:
    status, downgraded = o.status, False
    if ref.confidence == "inferred" and status is FindingStatus.FAIL:
        status, downgraded = FindingStatus.WARN, True
    return Finding(
        check=ref.id,
        item=item_id,
        status=status,
        code=o.code,
        params=o.params,
        url=o.url,
        evidence=o.evidence,
        source=ref.source,
        confidence=ref.confidence,
        downgraded=downgraded,
    )


async def run_check(
    checklist: Checklist,
    sub: Submission,
    settings: RunSettings,
    *,
    rewrites: Sequence[Rewrite] = (),
    waivers: tuple[Waiver, ...] = (),
    transport: httpx.AsyncBaseTransport | None = None,
    on_event: EventFn | None = None,
    renderer: Renderer | None = None,
) -> Report:
    """Check one agency's submission against a checklist; never raises for website problems.

    ``renderer`` lets a caller share one browser across many runs (nightly); by default a run
    starts its own only when a script-drawn page needs it (``settings.browser``).
    """
    started = time.monotonic()
    today = settings.effective_today()
    async with browser_for(settings, renderer) as browser:
        with work_dir(settings, "oit-checker-") as work:
            holder: list[_Run] = []
            async with Fetcher(
                settings,
                work,
                transport=transport,
                on_event=on_event,
                validators=lambda u: holder[0].validators(u) if holder else {},
            ) as fetcher:
                run = _Run(checklist, sub, settings, fetcher, rewrites, on_event, browser)
                holder.append(run)
                submitted = [(item, sub.urls(item.id)) for item in checklist.items]
                try:
                    gathered = await asyncio.gather(
                        *(run.item_evidence(urls) if urls else _empty() for _, urls in submitted)
                    )
                finally:
                    # Tasks and their results form reference cycles; the cycle collector runs on
                    # object counts, not bytes, so break them now rather than keep an agency's
                    # documents alive into the next agency's run.
                    run.docs.clear()
                results = []
                for (item, urls), ev in zip(submitted, gathered, strict=True):
                    findings = (
                        run_checks(
                            item,
                            urls,
                            ev,
                            fiscal_year=checklist.year,
                            today=today,
                            main_site=sub.main_site,
                        )
                        if urls
                        else ()
                    )
                    findings = apply_waivers(findings, waivers, today, item.id)
                    results.append(score.item_result(item, urls, findings))
                stats = (
                    ("resources", float(fetcher.fetched)),
                    ("bytes", float(fetcher.bytes_downloaded)),
                    ("seconds", round(time.monotonic() - started, 3)),
                    ("not_modified", float(run.not_modified)),
                    ("changed", float(run.changed)),
                    ("rendered", float(run.rendered)),
                )
    return score.build_report(
        checklist,
        results,
        tool_version=__version__,
        agency=sub.agency,
        main_site=sub.main_site,
        checked_at=dt.datetime.now(BANGKOK).replace(microsecond=0),
        today=today,
        stats=stats,
        rewrites=tuple((r.src, r.dst) for r in rewrites),
    )


@contextmanager
def work_dir(settings: RunSettings, prefix: str) -> Iterator[Path]:
    """The run's scratch folder: ``settings.work_dir`` (kept), else a temporary one (removed)."""
    if settings.work_dir:
        yield Path(settings.work_dir)
        return
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@asynccontextmanager
async def browser_for(
    settings: RunSettings, shared: Renderer | None
) -> AsyncIterator[Renderer | None]:
    """The caller's shared browser, else one for this run only; none with ``--browser never``.

    A run's own browser is started on first use (only if a script-drawn page needs it) and
    closed when the run ends.
    """
    if shared is not None or settings.browser == "never":
        yield shared
        return
    own = Renderer(
        timeout_s=settings.browser_timeout,
        user_agent=user_agent(settings),
        executable=settings.browser_path or None,
    )
    try:
        yield own
    finally:
        await own.aclose()


async def _empty() -> ItemEvidence:
    return ItemEvidence((), ())
