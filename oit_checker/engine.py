"""Async orchestration of one agency: gather evidence → run checks → stamp findings → score.

The engine owns the order of work and nothing else. Evidence comes from
:class:`oit_checker.evidence.Gatherer` (each URL fetched and extracted once, links followed
within bounds); the pure checks run over it; their outcomes are stamped with the item and the
rule's source and confidence; ``score`` builds the frozen Report. The process-level resources
(extraction pool, work folder, browser) are :mod:`oit_checker.runtime`'s. A rule marked
``inferred`` never decides ``fail`` on its details: its failure is a ``warn`` finding marked
``downgraded`` and the item is ``risk``; a failure of its confirmed core (``Outcome.floor``)
is a ``fail`` whatever the rule's confidence (DESIGN "Confirmed floors").
Progress goes to an optional callback; nothing is printed here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from oit_checker import __version__, score
from oit_checker.checklist.model import Checklist, CheckRef, Item
from oit_checker.checks import CheckContext, get
from oit_checker.evidence import Gatherer, ItemEvidence
from oit_checker.extract.ocr import HIGH_CONFIDENCE
from oit_checker.fetch.browser import Renderer
from oit_checker.fetch.cache import has_entries
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.model import Finding, FindingStatus, ItemResult, Outcome, Report
from oit_checker.rewrite import Rewrite, rewrite_out
from oit_checker.runtime import browser_for, start_pool, work_dir
from oit_checker.settings import BANGKOK, RunSettings
from oit_checker.submission.load import Submission
from oit_checker.waivers import Waiver
from oit_checker.waivers import apply as apply_waivers

if TYPE_CHECKING:
    import httpx

EventFn = Callable[[str, str], None]


def _contexts(
    item: Item,
    scope: str,
    urls: tuple[str, ...],
    ev: ItemEvidence,
    base: tuple[int, dt.date, str, str],
) -> list[CheckContext]:
    """One context per submitted URL for ``url`` rules, one for the whole item otherwise."""
    fiscal_year, today, main_site, agency = base
    whole = CheckContext(
        item.id,
        fiscal_year,
        today,
        main_site,
        ev.evidence,
        offsite_links=ev.offsite,
        item_title=item.title,
        agency=agency,
    )
    if scope != "url":
        return [whole]
    return [
        replace(whole, evidence=tuple(e for e in ev.evidence if e.submitted == u), submitted_url=u)
        for u in urls
    ]


def run_checks(
    item: Item,
    urls: tuple[str, ...],
    ev: ItemEvidence,
    *,
    fiscal_year: int,
    today: dt.date,
    main_site: str,
    agency: str = "",
) -> tuple[Finding, ...]:
    """Run every rule of ``item`` over its evidence (pure: no I/O) and stamp the findings."""
    findings: list[Finding] = []
    # When no submitted URL opens, content rules have nothing to judge and `reachable` has
    # already failed the item with the reason: don't repeat the same cause once per rule.
    # Likewise when every submitted URL failed a URL rule (off the main website, a soft 404:
    # what is there is not the agency's evidence), and when `has_data` found no data at all.
    opened = any(e.resource.ok for e in ev.evidence if e.depth == 0)
    refused: set[str] = set()
    no_data = False
    for ref in item.checks:
        spec = get(ref.id)
        if spec.scope == "item" and (not opened or no_data or refused >= set(urls)):
            continue
        for ctx in _contexts(item, spec.scope, urls, ev, (fiscal_year, today, main_site, agency)):
            found = [stamp(ref, item.id, o) for o in spec.run(ctx, ref.params)]
            if spec.scope == "url" and any(f.status is FindingStatus.FAIL for f in found):
                refused.add(ctx.submitted_url or "")
            no_data = no_data or (
                ref.id == "has_data" and any(f.status is FindingStatus.FAIL for f in found)
            )
            findings.extend(found)
    return _without_repeats(_ocr_policy(findings, ev))


URL_RULES = frozenset({"reachable", "on_main_site", "not_soft_404"})
YEAR_RULES = frozenset({"mentions_year", "dated_within"})


def _ocr_policy(findings: list[Finding], ev: ItemEvidence) -> list[Finding]:
    """Findings that rest on OCR text say so; an OCR-read failure stands only when sure.

    A content rule judged over evidence that includes a scan read by OCR is marked (``ocr``,
    reports add "อ่านจากภาพสแกน"). Its failure stays a failure only when every such scan was
    read with high confidence (``extract.ocr.HIGH_CONFIDENCE``, mean word confidence 85);
    otherwise the element may be there and misread, so it is ``risk`` (a warning that costs
    the item in ``score`` but not in ``score_max``). A year rule's failure is ``risk`` too when a
    scan's Thai-digit year is confirmed by nothing else (``Document.ocr_years_sure``). What OCR
    *found* may pass a rule at any confidence. URL rules never rest on content.
    """
    scans = [e.document for e in ev.evidence if e.document.ocr and e.document.readable]
    if not scans:
        return findings
    unsure = any(d.ocr_confidence < HIGH_CONFIDENCE for d in scans)
    unsure_years = not all(d.ocr_years_sure for d in scans)
    out = []
    for f in findings:
        if f.check in URL_RULES:
            out.append(f)
            continue
        f = replace(f, params={**f.params, "ocr": True})
        doubt = unsure or (unsure_years and f.check in YEAR_RULES)
        if doubt and f.status is FindingStatus.FAIL:
            f = replace(f, status=FindingStatus.WARN, downgraded=True)
        out.append(f)
    return out


def _without_repeats(findings: list[Finding]) -> tuple[Finding, ...]:
    """`has_data`'s "a machine cannot read it" is dropped when a content rule says the same."""
    manual = [f for f in findings if f.status is FindingStatus.MANUAL and f.check != "has_data"]
    return tuple(
        f
        for f in findings
        if not (manual and f.check == "has_data" and f.status is FindingStatus.MANUAL)
    )


def stamp(ref: CheckRef, item_id: str, o: Outcome) -> Finding:
    """A check's outcome as a finding of ``item_id``, with the rule's provenance."""
    status, downgraded, confidence = o.status, False, ref.confidence
    if o.floor and status is FindingStatus.FAIL:
        confidence = "confirmed"  # the rule's confirmed core failed, whatever its details
    elif ref.confidence == "inferred" and status is FindingStatus.FAIL:
        status, downgraded = FindingStatus.WARN, True  # the item becomes `risk`
    return Finding(
        check=ref.id,
        item=item_id,
        status=status,
        code=o.code,
        params=o.params,
        url=o.url,
        evidence=o.evidence,
        source=ref.source,
        confidence=confidence,
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
    if not has_entries(settings.cache_dir):
        start_pool(settings)  # a warm cache reads few documents: the pool starts on need
    async with browser_for(settings, renderer) as browser:
        with work_dir(settings, "oit-checker-") as work:
            holder: list[Gatherer] = []
            async with Fetcher(
                settings,
                work,
                transport=transport,
                on_event=on_event,
                validators=lambda u: holder[0].validators(u),
                site=rewrite_out(sub.main_site, rewrites),
            ) as fetcher:
                gatherer = Gatherer(sub.main_site, settings, fetcher, rewrites, on_event, browser)
                holder.append(gatherer)

                async def judged(item: Item) -> ItemResult:
                    # Each item is judged the moment its own evidence is in, while other items'
                    # documents are still downloading or extracting: judging is CPU in this
                    # process, and done last for every item at once it was the run's tail.
                    urls = sub.urls(item.id)
                    ev = await gatherer.item_evidence(urls)
                    return _judge(item, urls, ev, checklist.year, today, sub, waivers)

                try:
                    results = list(await asyncio.gather(*map(judged, checklist.items)))
                finally:
                    # Tasks and their results form reference cycles; the cycle collector runs on
                    # object counts, not bytes, so break them now rather than keep an agency's
                    # documents alive into the next agency's run.
                    gatherer.clear()
                stats = _stats(fetcher, gatherer, started)
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


def _stats(fetcher: Fetcher, gatherer: Gatherer, started: float) -> tuple[tuple[str, float], ...]:
    return (
        ("resources", float(fetcher.fetched)),
        ("bytes", float(fetcher.bytes_downloaded)),
        ("seconds", round(time.monotonic() - started, 3)),
        ("not_modified", float(gatherer.not_modified)),
        ("changed", float(gatherer.changed)),
        ("reused", float(gatherer.reused)),
        ("rendered", float(gatherer.rendered)),
    )


def _judge(
    item: Item,
    urls: tuple[str, ...],
    ev: ItemEvidence,
    fiscal_year: int,
    today: dt.date,
    sub: Submission,
    waivers: tuple[Waiver, ...],
) -> ItemResult:
    findings = (
        run_checks(
            item,
            urls,
            ev,
            fiscal_year=fiscal_year,
            today=today,
            main_site=sub.main_site,
            agency=sub.agency,
        )
        if urls
        else ()
    )
    return score.item_result(item, urls, apply_waivers(findings, waivers, today, item.id))
