"""``oit-checker check SUBMISSION``: args → inputs → engine → reporter → exit code."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oit_checker import gate
from oit_checker.cli._common import (
    add_run_flags,
    emit,
    fetch_settings,
    note,
    output_pairs,
    parse_rewrites,
)
from oit_checker.errors import UsageError
from oit_checker.i18n import say
from oit_checker.itemid import normalize_item_id
from oit_checker.model import Report
from oit_checker.rewrite import Rewrite, rewrite_out

if TYPE_CHECKING:
    from oit_checker.settings import RunSettings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("check", help="check a submission file and print a scorecard")
    p.add_argument(
        "submission", metavar="SUBMISSION", help="submission file (.yaml, .csv or .xlsx)"
    )
    p.add_argument(
        "--checklist",
        metavar="ID|PATH",
        help="checklist id (ita-2568) or YAML path; default: the submission's",
    )
    p.add_argument("--main-site", metavar="URL", help="main website (for CSV/XLSX files)")
    p.add_argument("--agency", metavar="NAME", help="agency name (for CSV/XLSX files)")
    p.add_argument(
        "--fail-under",
        type=float,
        metavar="SCORE",
        help="exit 1 when the (pessimistic) OIT score is below SCORE",
    )
    p.add_argument(
        "--fail-under-max",
        type=float,
        metavar="SCORE",
        help="exit 1 when even the optimistic OIT score (manual items counted full) is below",
    )
    p.add_argument("--require", metavar="O12,O13", help="exit 1 unless these items pass")
    p.add_argument(
        "--max-manual", type=int, metavar="N", help="exit 1 when more than N items are manual"
    )
    p.add_argument(
        "--max-risk",
        type=int,
        metavar="N",
        help="exit 1 when more than N items are risk (an inferred rule failed)",
    )
    p.add_argument(
        "--baseline",
        metavar="OLD.json",
        help="exit 1 when an item that passed in this earlier JSON report fails now",
    )
    p.add_argument(
        "--waivers",
        metavar="FILE",
        help="known exceptions (item, url pattern, reason, expiry) shown as waived",
    )
    p.add_argument(
        "--screenshots",
        metavar="DIR",
        help="screenshot every submitted URL into DIR (headless Chromium) and embed in HTML",
    )
    p.add_argument(
        "--rewrite",
        action="append",
        metavar="FROM=TO",
        help="fetch URLs starting with FROM at TO (staging); judge on FROM",
    )
    p.add_argument(
        "--cache",
        metavar="DIR",
        help="keep what was read in DIR; the next run asks the server what changed "
        "(If-None-Match) and reads only changed documents",
    )
    add_run_flags(p)
    p.set_defaults(run=run)


def _require(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    out = []
    for part in value.split(","):
        item = normalize_item_id(part)
        if item is None:
            raise UsageError("--require: {value!r} is not an item id such as O12", {"value": part})
        out.append(item)
    return tuple(out)


def _with_screenshots(
    report: Report, out: Path, rewrites: list[Rewrite], lang: str = "th"
) -> Report:
    """Evidence pictures of every submitted URL (fetched at the staging copy under --rewrite)."""
    from oit_checker.fetch.browser import capture

    def fetch_url(url: str) -> str:
        return rewrite_out(url, rewrites)

    wanted = [(f"{i.id}-{n}", u) for i in report.items for n, u in enumerate(i.urls, start=1)]
    shots, problem = capture([(label, fetch_url(u)) for label, u in wanted], out)
    if problem:
        text = say(lang, f"ข้ามการถ่ายภาพหน้าจอ: {problem}", f"screenshots skipped: {problem}")
        print(f"oit-checker: {text}", file=sys.stderr)
    by_fetch = {s.url: s for s in shots}
    pairs = [(u, by_fetch[fetch_url(u)]) for _, u in wanted if fetch_url(u) in by_fetch]
    return dataclasses.replace(report, screenshots=tuple((u, s.path, s.jpeg_b64) for u, s in pairs))


def run(args: argparse.Namespace) -> int:
    settings = fetch_settings(args)  # first: its TLS context builds while the rest loads
    # The run's machinery loads here, not at parser build: --help and --version stay instant.
    import asyncio

    from oit_checker.cli.progress import Progress
    from oit_checker.engine import run_check
    from oit_checker.reportfile import load_report
    from oit_checker.submission.load import load_with_checklist
    from oit_checker.waivers import load_waivers

    rewrites = parse_rewrites(args.rewrite)
    policy = gate.Policy(
        fail_under=args.fail_under,
        fail_under_max=args.fail_under_max,
        require=_require(args.require),
        max_manual=args.max_manual,
        max_risk=args.max_risk,
    )
    baseline = load_report(args.baseline) if args.baseline else None
    output_pairs(args)  # a usage error must come before the crawl, not after
    sub, checklist = load_with_checklist(
        args.submission, args.checklist, main_site=args.main_site, agency=args.agency
    )
    unknown = [i for i in policy.require if i not in checklist.item_ids]
    if unknown:  # a usage error: say so before crawling the whole site
        raise UsageError(
            "--require: {items} not in checklist {checklist} (items {first}–{last})",
            {
                "items": ", ".join(unknown),
                "checklist": checklist.id,
                "first": checklist.item_ids[0],
                "last": checklist.item_ids[-1],
            },
        )
    waivers = load_waivers(args.waivers) if args.waivers else ()
    submitted = {rewrite_out(u, rewrites) for i in sub.items for u in i.urls}
    with Progress(submitted, settings.lang) as progress:
        report = asyncio.run(
            run_check(
                checklist,
                sub,
                settings,
                rewrites=rewrites,
                waivers=waivers,
                on_event=progress.event,
            )
        )
    if args.screenshots:
        report = _with_screenshots(report, Path(args.screenshots), rewrites, settings.lang)
    written = emit(report, args, settings.lang)
    _ocr_hint(report, settings)
    if settings.cache_dir:
        _cache_note(report, settings.lang)
    verdict = gate.judge(report, policy, baseline)
    lang = settings.lang
    if verdict.comparison is not None:
        c = verdict.comparison
        new, fixed, still = (", ".join(x) or "-" for x in (c.new_failures, c.fixed, c.persisting))
        text = say(
            lang,
            f"เทียบกับรายงานก่อนหน้า: ไม่ผ่านใหม่ {new}; แก้แล้ว {fixed}; ยังไม่ผ่าน {still}; "
            f"OIT {c.score_change:+.2f}",
            f"since the baseline: new failures: {new}; fixed: {fixed}; still failing: {still}; "
            f"OIT {c.score_change:+.2f}",
        )
        note(text)
    for reason in verdict.lines(lang):
        print(f"oit-checker: {say(lang, 'ไม่ผ่านเกณฑ์', 'gate failed')}: {reason}", file=sys.stderr)
    return written or verdict.exit_code  # an output that was not written outranks the gate


def _cache_note(report: Report, lang: str) -> None:
    """What the cache saved this run, so a warm run's speed is never mistaken for a cold one's."""
    stats = dict(report.stats)
    fetched, same = int(stats.get("resources", 0)), int(stats.get("not_modified", 0))
    reused = int(stats.get("reused", 0))
    read = max(fetched - same - reused, 0)
    note(
        say(
            lang,
            f"แคช: {same} ไฟล์ไม่เปลี่ยน (304), {reused} ไฟล์เนื้อหาเดิม, อ่านใหม่ {read} ไฟล์",
            f"cache: {same} unchanged (304), {reused} with the same bytes, {read} read anew",
        )
    )


SCANNED = ("no_text_layer", "image")


def _ocr_hint(report: Report, settings: RunSettings) -> None:
    """One line when scans were left to the admin only because Tesseract is missing."""
    if settings.ocr != "auto":
        return
    scans = {
        f.url
        for i in report.items
        for f in i.findings
        if str(f.params.get("reason", "")).startswith(SCANNED)
    }
    if not scans:
        return
    from oit_checker.extract.ocr import HOW_TO_ENABLE, problem

    why = problem()
    if why:
        text = (
            f"ภาพสแกน {len(scans)} ไฟล์ต้องตรวจด้วยตนเอง เพราะไม่มีโปรแกรม OCR ({why}): "
            f"ติดตั้งด้วย {HOW_TO_ENABLE} แล้วรันใหม่"
            if settings.lang == "th"
            else f"{len(scans)} scanned file(s) were left for you to read because OCR is not "
            f"available ({why}): install it with {HOW_TO_ENABLE} and run again"
        )
        print(f"oit-checker: {text}", file=sys.stderr)
