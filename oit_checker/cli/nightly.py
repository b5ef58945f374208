"""``oit-checker nightly AGENCIES_FILE [--db history.sqlite] [--out DIR]`` and
``oit-checker history AGENCY [--db history.sqlite]``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from html import escape
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from oit_checker import gate
from oit_checker.agencies import load_agencies
from oit_checker.cli._common import add_run_flags, settings_from, show_progress
from oit_checker.history.store import Store, TrendPoint
from oit_checker.nightly import AgencyOutcome, night_lock, run_night, slug
from oit_checker.reporters import html as html_reporter
from oit_checker.reporters import json as json_reporter
from oit_checker.reportfile import from_dict
from oit_checker.settings import bangkok_today


def add_parser(sub: Any) -> None:
    p = sub.add_parser("nightly", help="check many agencies, keep the history, report changes")
    p.add_argument("agencies", metavar="AGENCIES_FILE", help="agencies file (.yaml or .csv)")
    p.add_argument("--db", default="history.sqlite", help="history database (SQLite)")
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
    add_run_flags(p)
    p.set_defaults(run=run)
    h = sub.add_parser("history", help="the trend of one agency")
    h.add_argument("agency")
    h.add_argument("--db", default="history.sqlite")
    h.set_defaults(run=run_history)


def _bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def sparkline(points: list[TrendPoint], width: int = 120, height: int = 24) -> str:
    if len(points) < 2:
        return ""
    step = width / (len(points) - 1)
    coords = " ".join(
        f"{i * step:.1f},{height - p.oit_score / 100 * height:.1f}" for i, p in enumerate(points)
    )
    return (
        f'<svg width="{width}" height="{height}" role="img" aria-label="trend">'
        f'<polyline fill="none" stroke="#0b57d0" stroke-width="2" points="{coords}"/></svg>'
    )


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if settings.cache_dir is None:  # unchanged documents are not downloaded again next night
        settings = settings.merged({"cache_dir": str(args.db) + ".cache"})
    lang = settings.lang
    entries, problems = load_agencies(args.agencies)
    for problem in problems:  # bad rows are reported and skipped; the rest still run
        print(f"oit-checker: skipped: {problem.render(lang)}", file=sys.stderr)
    night = (settings.today or bangkok_today()).isoformat()
    out = Path(args.out or "oit-nightly")
    out.mkdir(parents=True, exist_ok=True)
    store = Store(args.db)
    try:
        with night_lock(args.db):
            done = 0

            def progress(o: AgencyOutcome) -> None:
                nonlocal done
                done += 1
                state = (
                    "skipped (saved earlier tonight)"
                    if o.skipped
                    else (
                        o.error.render(lang)
                        if o.error
                        else f"OIT {o.report.oit_score:.2f}"
                        if o.report
                        else ""
                    )
                )
                if bar is not None:  # a live bar on a terminal …
                    bar.update(task, advance=1, description=o.name[:40])
                else:  # … plain lines for logs (cron, CI)
                    print(f"[{done}/{len(entries)}] {o.name}: {state}", file=sys.stderr)

            bar = _bar() if show_progress() else None
            task = bar.add_task("", total=len(entries)) if bar is not None else TaskID(0)
            try:
                if bar is not None:
                    bar.start()
                run_id, outcomes = asyncio.run(
                    run_night(
                        entries, store, night, settings, at_once=args.at_once, on_done=progress
                    )
                )
            finally:
                if bar is not None:
                    bar.stop()
        rows: list[str] = []
        summary: list[dict[str, Any]] = []
        broken: list[str] = []
        for entry in entries:
            data = store.report_json(entry.name)
            if data is None:
                continue
            report = from_dict(data)
            prev = store.report_json(entry.name, before_run=run_id)
            comparison = gate.compare(report, from_dict(prev)) if prev else None
            name = slug(entry.name)
            (out / f"{name}.json").write_text(json_reporter.render(report, lang), encoding="utf-8")
            (out / f"{name}.html").write_text(html_reporter.render(report, lang), encoding="utf-8")
            change = comparison.score_change if comparison else None
            summary.append(
                {
                    "agency": entry.name,
                    "oit": report.oit_score,
                    "oit_max": report.oit_score_max,
                    "change": change,
                    "new_failures": list(comparison.new_failures) if comparison else [],
                    "fixed": list(comparison.fixed) if comparison else [],
                    "persisting": list(comparison.persisting) if comparison else [],
                    "documents_unchanged": int(dict(report.stats).get("not_modified", 0)),
                    "documents_changed": int(dict(report.stats).get("changed", 0)),
                    "report": f"{name}.html",
                }
            )
            if args.fail_under is not None and report.oit_score < args.fail_under:
                broken.append(entry.name)
            delta = "" if change is None else f"{change:+.2f}"
            rows.append(
                f'<tr><td><a href="{escape(name)}.html">{escape(entry.name)}</a></td>'
                f"<td>{report.oit_score:.2f}</td><td>{escape(delta)}</td>"
                f"<td>{sparkline(store.trend(entry.name))}</td></tr>"
            )
        errors = [{"agency": o.name, "error": o.error.render("en")} for o in outcomes if o.error]
        (out / "summary.json").write_text(
            json.dumps(
                {
                    "night": night,
                    "agencies": summary,
                    "errors": errors,
                    "skipped_rows": [p.render("en") for p in problems],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        (out / "index.html").write_text(
            '<!doctype html><html lang="th"><head><meta charset="utf-8">'
            f"<title>OIT {escape(night)}</title></head><body><h1>OIT {escape(night)}</h1>"
            "<table><tr><th>หน่วยงาน</th><th>OIT</th><th>เปลี่ยนแปลง</th><th>แนวโน้ม</th></tr>"
            + "".join(rows)
            + "</table></body></html>\n",
            encoding="utf-8",
        )
    finally:
        store.close()
    worse = [a for a in summary if a["new_failures"] or float(a["change"] or 0) < 0]
    if args.webhook and worse:
        from oit_checker.fetch.notify import post_json

        undelivered = post_json(args.webhook, {"night": night, "worse": worse}, settings)
        if undelivered:
            print(f"oit-checker: webhook not delivered: {undelivered}", file=sys.stderr)
    if args.mail_to and worse:
        import os

        from oit_checker.fetch.notify import send_mail

        lines = [
            f"{a['agency']}: OIT {a['oit']:.2f} ({a['change'] or 0:+.2f}); new failures: "
            f"{', '.join(a['new_failures']) or '-'}"
            for a in worse
        ]
        unsent = send_mail(
            args.mail_to,
            f"OIT {night}: {len(worse)} หน่วยงานมีผลแย่ลง",
            "\n".join(lines),
            dict(os.environ),
            settings.ca_bundle,
        )
        if unsent:
            print(f"oit-checker: e-mail not sent: {unsent}", file=sys.stderr)
    failed = sum(1 for o in outcomes if o.error)
    print(
        f"oit-checker: night {night}: {len(summary)} agencies reported, {failed} failed to "
        f"load, {len(problems)} rows skipped; {out / 'index.html'}",
        file=sys.stderr,
    )
    if broken:
        print(
            f"oit-checker: gate failed: below {args.fail_under}: {', '.join(broken)}",
            file=sys.stderr,
        )
        return 1
    return 0


def run_history(args: argparse.Namespace) -> int:
    store = Store(args.db)
    try:
        points = store.trend(args.agency)
    finally:
        store.close()
    if not points:
        print(f"no history for {args.agency!r} in {args.db}", file=sys.stderr)
        return 0
    for p in points:
        bar = "█" * int(p.oit_score // 5)
        print(
            f"{p.night}  OIT {p.oit_score:6.2f}–{p.oit_score_max:6.2f}  fail {p.failing:2d}  {bar}"
        )
    return 0
