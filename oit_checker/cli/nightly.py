"""``oit-checker nightly AGENCIES_FILE [--db history.sqlite] [--out DIR]`` and
``oit-checker history AGENCY [--db history.sqlite]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oit_checker import gate
from oit_checker.cli._common import add_run_flags, fetch_settings, note, show_progress
from oit_checker.gate import Exit
from oit_checker.i18n import LANGS, default_lang, say
from oit_checker.settings import bangkok_today

if TYPE_CHECKING:
    from rich.progress import Progress

    from oit_checker.nightly import AgencyOutcome


def add_parser(sub: Any) -> None:
    p = sub.add_parser("nightly", help="check many agencies, keep the history, report changes")
    p.add_argument("agencies", metavar="AGENCIES_FILE", help="agencies file (.yaml or .csv)")
    p.add_argument(
        "--db",
        default="history.sqlite",
        help="history database: a SQLite file, or postgresql://USER@HOST/DB",
    )
    p.add_argument("--out", metavar="DIR", help="where to write index.html, summary.json, reports")
    p.add_argument("--at-once", type=int, default=4, metavar="N", help="agencies in flight (4)")
    p.add_argument(
        "--mail-to",
        metavar="ADDR",
        help="e-mail the agencies that got worse (SMTP server from OIT_SMTP_* variables)",
    )
    p.add_argument(
        "--webhook",
        metavar="URL",
        help="POST a JSON summary here when an agency got worse (new failures or lower score)",
    )
    p.add_argument(
        "--fail-under",
        type=float,
        metavar="SCORE",
        help="exit 1 when any agency's pessimistic OIT score is below SCORE",
    )
    p.add_argument(
        "--cluster",
        metavar="tcp://HOST:8786",
        help="run one task per agency on this Dask scheduler (OIT_CLUSTER); default in-process",
    )
    p.add_argument(
        "--site-url",
        metavar="URL",
        help="where --out is served: the digest's links into the dashboard become absolute",
    )
    add_run_flags(p)
    p.set_defaults(run=run)
    h = sub.add_parser("history", help="the trend of one agency")
    h.add_argument("agency")
    h.add_argument("--db", default="history.sqlite")
    h.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    h.set_defaults(run=run_history)


def _bar() -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


class _Lines:
    """Per-agency progress: a live bar on a terminal, plain lines for logs (cron, CI)."""

    def __init__(self, total: int, lang: str) -> None:
        self.total, self.lang, self.done = total, lang, 0
        self.bar = _bar() if show_progress() else None
        self.task = self.bar.add_task("", total=total) if self.bar is not None else None

    def __enter__(self) -> _Lines:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, o: AgencyOutcome) -> None:
        self.done += 1
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=1, description=o.name[:40])
            return
        if o.skipped:
            state = say(self.lang, "ข้าม (บันทึกไว้แล้วในคืนนี้)", "skipped (saved earlier tonight)")
        elif o.error:
            state = o.error.render(self.lang)
        else:
            state = f"OIT {o.oit_score:.2f}" if o.oit_score is not None else ""
        print(f"[{self.done}/{self.total}] {o.name}: {state}", file=sys.stderr)


def _cache_dir(db: str, out: str | None) -> str:
    """Beside a SQLite file; for a PostgreSQL history, beside the pages (a URL is no folder)."""
    from oit_checker.history.engines import is_url

    return str(Path(out or "oit-nightly") / ".cache") if is_url(db) else db + ".cache"


def run(args: argparse.Namespace) -> int:
    settings = fetch_settings(args)  # first: its TLS context builds while the rest loads
    import asyncio

    from oit_checker.agencies import load_agencies
    from oit_checker.history.store import Store
    from oit_checker.nightly import agency_pages, notify, publish, run_night, summarize

    if settings.cache_dir is None:  # unchanged documents are not downloaded again next night
        settings = settings.merged({"cache_dir": _cache_dir(str(args.db), args.out)})
    lang = settings.lang
    entries, problems = load_agencies(args.agencies)
    for problem in problems:  # bad rows are reported and skipped; the rest still run
        print(
            f"oit-checker: {say(lang, 'ข้าม', 'skipped')}: {problem.render(lang)}", file=sys.stderr
        )
    night = (settings.today or bangkok_today()).isoformat()
    store = Store(args.db)
    try:
        cluster = args.cluster or os.environ.get("OIT_CLUSTER")
        with store.lock_night(), _Lines(len(entries), lang) as progress:
            if cluster:  # one task per agency on the scheduler; history is written here only
                from oit_checker.cluster import run_night_on_cluster

                run_id, outcomes = run_night_on_cluster(
                    entries, store, night, settings, cluster, on_done=progress
                )
            else:
                run_id, outcomes = asyncio.run(
                    run_night(
                        entries, store, night, settings, at_once=args.at_once, on_done=progress
                    )
                )
        skipped = tuple(row.render("en") for row in problems)
        out = Path(args.out or "oit-nightly")
        pages = agency_pages(out, lang)
        summary = summarize(entries, store, night, run_id, outcomes, skipped, pages=pages)
    finally:
        store.close()
    index = publish(summary, out, lang)
    digest = {"webhook": args.webhook, "mail_to": args.mail_to, "site_url": args.site_url or ""}
    for undelivered in notify(summary, settings, **digest):
        print(f"oit-checker: {undelivered}", file=sys.stderr)
    failed = sum(1 for o in outcomes if o.error)
    n = len(summary.agencies)
    line = say(
        lang,
        f"คืนวันที่ {night}: รายงาน {n} หน่วยงาน, โหลดไม่ได้ {failed}, ข้าม {len(problems)} แถว; {index}",
        f"night {night}: {n} agencies reported, {failed} failed to load, "
        f"{len(problems)} rows skipped; {index}",
    )
    note(line)
    verdict = gate.judge_night(summary, args.fail_under)
    for reason in verdict.lines(lang):
        print(f"oit-checker: {say(lang, 'ไม่ผ่านเกณฑ์', 'gate failed')}: {reason}", file=sys.stderr)
    if problems or failed:  # bad rows are bad input: the night ran, but the file needs fixing
        return max(Exit.INPUT, verdict.exit_code)
    return verdict.exit_code


def run_history(args: argparse.Namespace) -> int:
    from oit_checker.history.store import Store

    store = Store(args.db)
    try:
        points = store.trend(args.agency)
    finally:
        store.close()
    lang = getattr(args, "lang", None) or default_lang()
    if not points:
        text = say(
            lang,
            f"ไม่มีประวัติของ {args.agency!r} ใน {args.db}",
            f"no history for {args.agency!r} in {args.db}",
        )
        print(f"oit-checker: {text}", file=sys.stderr)
        return Exit.OK
    for p in points:
        bar = "█" * int(p.oit_score // 5)
        print(
            f"{p.night}  OIT {p.oit_score:6.2f}–{p.oit_score_max:6.2f}  "
            f"{say(lang, 'ไม่ผ่าน', 'fail')} {p.failing:2d}  {bar}"
        )
    return Exit.OK
