"""``oit-checker demo``: serve the bundled sample agency site on 127.0.0.1 and check it.

Needs no internet: the site is built into a temporary folder, served on a free port, and the
bundled submission is checked end to end exactly as ``check`` would (``--today`` defaults to a
date inside the ITA 2568 window so the demo's verdicts never drift with the calendar).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from oit_checker.cli._common import add_run_flags, emit, note, settings_from
from oit_checker.gate import Exit
from oit_checker.i18n import say

DEMO_TODAY = dt.date(2025, 3, 31)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("demo", help="check the bundled sample agency site (no internet needed)")
    p.add_argument("--keep", metavar="DIR", help="build the site and submission into DIR")
    add_run_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from oit_checker.checklist.load import DEFAULT_CHECKLIST, load_checklist
    from oit_checker.cli.progress import Progress
    from oit_checker.demo import site  # builds files with openpyxl: only when asked
    from oit_checker.demo.server import LocalServer, SiteHandler
    from oit_checker.engine import run_check
    from oit_checker.submission.load import load_submission

    if args.today is None:
        args.today = DEMO_TODAY
    settings = settings_from(args)
    with tempfile.TemporaryDirectory(prefix="oit-demo-") as tmp:
        root = Path(args.keep or tmp)
        paths = site.build(root / "site")

        class Handler(SiteHandler):
            pass

        Handler.root = root / "site"
        with LocalServer(Handler) as server:
            sub_path = root / "submission.yaml"
            sub_path.write_text(site.submission_yaml(server.origin, paths), encoding="utf-8")
            kept = str(sub_path) if args.keep else say(settings.lang, "ชั่วคราว", "temporary")
            note(
                say(
                    settings.lang,
                    f"ตัวอย่าง: เปิดเว็บไซต์ {site.AGENCY} ที่ {server.origin}/ (ไฟล์รายการส่ง: {kept})",
                    f"demo: serving {site.AGENCY} at {server.origin}/ (submission: {kept})",
                )
            )
            sub = load_submission(sub_path)
            urls = {u for i in sub.items for u in i.urls}
            with Progress(urls, settings.lang) as progress:
                report = asyncio.run(
                    run_check(
                        load_checklist(DEFAULT_CHECKLIST), sub, settings, on_event=progress.event
                    )
                )
    return emit(report, args, settings.lang) or Exit.OK
