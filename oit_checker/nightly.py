"""A night over many agencies: bounded concurrency, saved agency by agency, resumable.

``check_agency`` is a pure function of its inputs (entry, settings): it loads the agency's
submission and checklist and runs the engine, so a night can later be spread over machines.
``run_night`` keeps ``at_once`` agencies in flight (memory grows with them, ~60 MB each), saves
each report in its own transaction as soon as it is done, and skips agencies the same night
already saved — a night killed half-way resumes where it stopped. An exclusive lock on the
database keeps two nights apart.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from oit_checker import gate
from oit_checker.agencies import AgencyEntry
from oit_checker.checklist.load import pick_checklist
from oit_checker.discover.crawl import discover
from oit_checker.engine import run_check
from oit_checker.errors import InputError
from oit_checker.history.store import Store
from oit_checker.model import (
    AgencyHistory,
    AgencyNight,
    NightSummary,
    Report,
    ReportHead,
    TrendPoint,
)
from oit_checker.reporters import Options, agency_history, dashboard, render
from oit_checker.reporters import night as night_pages
from oit_checker.reportfile import from_dict
from oit_checker.settings import RunSettings
from oit_checker.submission.load import load_submission, validate_against


@dataclass(frozen=True, slots=True)
class AgencyOutcome:
    """How one agency's run ended. Only its score is kept: the report itself is saved and
    released at once, so a night's memory does not grow with the agencies it has finished."""

    name: str
    oit_score: float | None
    error: InputError | None = None
    skipped: bool = False  # saved earlier the same night


async def check_agency(entry: AgencyEntry, settings: RunSettings) -> Report:
    """One agency, from its inputs only (no shared state).

    A ``discover: true`` agency is crawled for its ITA page first (the ``discover`` command's
    bounded crawl), and what it finds is checked as the submission; an agency whose ITA page
    cannot be found scores every item ``missing`` — which is what the assessor would see.
    """
    if entry.discover:
        assert entry.main_site is not None
        checklist = pick_checklist(entry.checklist)
        found = await discover(entry.main_site, checklist, settings)
        sub = replace(found.submission(checklist), agency=entry.name)
        return await run_check(checklist, sub, settings)
    assert entry.submission is not None
    sub = load_submission(entry.submission, main_site=entry.main_site, agency=entry.name)
    sub = replace(sub, agency=entry.name)
    checklist = pick_checklist(entry.checklist, sub.checklist, year=sub.year)
    validate_against(sub, checklist)
    return await run_check(checklist, sub, settings)


async def run_night(
    entries: tuple[AgencyEntry, ...],
    store: Store,
    night: str,
    settings: RunSettings,
    *,
    at_once: int = 4,
    on_done: Callable[[AgencyOutcome], None] | None = None,
) -> tuple[int, list[AgencyOutcome]]:
    """Returns the night's run id and one outcome per agency."""
    run_id = store.start_run(night)
    done = store.done(run_id)
    slots = asyncio.Semaphore(max(1, at_once))

    async def one(entry: AgencyEntry) -> AgencyOutcome:
        if entry.name in done:
            out = AgencyOutcome(entry.name, None, skipped=True)
        else:
            async with slots:
                try:
                    report = await check_agency(entry, settings)
                except InputError as exc:  # a bad submission skips this agency, not the night
                    out = AgencyOutcome(entry.name, None, exc)
                else:
                    store.save(run_id, report)
                    out = AgencyOutcome(entry.name, report.oit_score)
                    del report
        if on_done:
            on_done(out)
        return out

    outcomes = await asyncio.gather(*(one(e) for e in entries))
    store.finish_run(run_id)
    return run_id, list(outcomes)


def slug(name: str) -> str:
    """A file name for an agency that keeps Thai letters — vowel and tone marks included
    (``str.isalnum`` is false for them: องค์การ became องค-การ) — but nothing a shell minds."""
    import unicodedata

    def ok(c: str) -> bool:
        return c in "-_." or unicodedata.category(c)[0] in "LMN"

    keep = "".join(c if ok(c) else "-" for c in unicodedata.normalize("NFC", name.strip()))
    return re.sub(r"-{2,}", "-", keep).strip("-.")[:80] or "agency"


def summarize(
    entries: tuple[AgencyEntry, ...],
    store: Store,
    night: str,
    run_id: int,
    outcomes: list[AgencyOutcome],
    skipped_rows: tuple[str, ...] = (),
    *,
    pages: Callable[[str, Report, AgencyHistory], None] | None = None,
) -> NightSummary:
    """Tonight's saved reports with what changed since each agency's previous night.

    Each report is read back, handed to ``pages`` (which renders the agency's own pages) and
    reduced to its :class:`ReportHead`: one report is in memory at a time.
    """
    agencies = []
    for entry in entries:
        data = store.report_json(entry.name)
        if data is None:
            continue
        report = from_dict(data)
        trend = tuple(store.trend(entry.name))
        if pages is not None:
            pages(slug(entry.name), report, _history(store, entry.name, trend))
        prev = store.report_json(entry.name, before_run=run_id)
        c = gate.compare(report, from_dict(prev)) if prev else None
        agencies.append(
            AgencyNight(
                name=entry.name,
                slug=slug(entry.name),
                report=ReportHead.of(report),
                change=c.score_change if c else None,
                new_failures=c.new_failures if c else (),
                fixed=c.fixed if c else (),
                persisting=c.persisting if c else (),
                trend=trend,
                province=entry.province,
                district=entry.district,
                kind=entry.kind,
            )
        )
    errors = tuple((o.name, o.error.render("en")) for o in outcomes if o.error)
    per_item: dict[str, list[tuple[str, int, int]]] = {}
    for n, item, failing, judged in store.item_shares():
        per_item.setdefault(item, []).append((n, failing, judged))
    item_trend = tuple((item, tuple(points)) for item, points in per_item.items())
    return NightSummary(night, tuple(agencies), errors, skipped_rows, item_trend)


def _history(store: Store, agency: str, trend: tuple[TrendPoint, ...]) -> AgencyHistory:
    per_item: dict[str, list[tuple[str, str]]] = {}
    for night, item, status in store.item_history(agency):
        per_item.setdefault(item, []).append((night, status))
    return AgencyHistory(trend, tuple((i, tuple(v)) for i, v in per_item.items()))


def agency_pages(out: Path, lang: str) -> Callable[[str, Report, AgencyHistory], None]:
    """A writer of one agency's pages into ``out`` (for :func:`summarize`): tonight's JSON,
    HTML and XLSX reports, and its history page (``<slug>-history.html``)."""
    out.mkdir(parents=True, exist_ok=True)
    options = Options(lang=lang)

    def write(name: str, report: Report, history: AgencyHistory) -> None:
        for fmt in ("json", "html", "xlsx"):
            data = render(fmt, report, options)
            path = out / f"{name}.{fmt}"
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        page = agency_history.render(name, report, history, options)
        (out / f"{name}-history.html").write_text(page, encoding="utf-8")

    return write


def publish(summary: NightSummary, out: Path, lang: str) -> Path:
    """Write ``summary.json`` and ``index.html`` (the agencies' pages are written by
    :func:`agency_pages` while the summary is built)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(night_pages.summary_json(summary), encoding="utf-8")
    index = out / "index.html"
    index.write_text(dashboard.render(summary, Options(lang=lang)), encoding="utf-8")
    return index


def notify(
    summary: NightSummary,
    settings: RunSettings,
    *,
    webhook: str | None,
    mail_to: str | None,
    site_url: str = "",
) -> list[str]:
    """One webhook call and one e-mail per night about the agencies that got worse.

    Returns what could not be delivered (a finding for the log, never an exception).
    """
    problems: list[str] = []
    if not summary.worse:
        return problems
    if webhook:
        from oit_checker.fetch.notify import post_json

        payload = night_pages.webhook_payload(summary, site_url)
        undelivered = post_json(webhook, payload, settings)
        if undelivered:
            problems.append(f"webhook not delivered: {undelivered}")
    if mail_to:
        from oit_checker.fetch.notify import send_mail

        subject, body = night_pages.mail(summary, settings.lang, site_url)
        unsent = send_mail(mail_to, subject, body, dict(os.environ), settings.ca_bundle)
        if unsent:
            problems.append(f"e-mail not sent: {unsent}")
    return problems
