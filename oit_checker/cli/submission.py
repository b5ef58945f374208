"""``oit-checker submission validate FILE`` and ``submission template``: no crawl, no network.

``validate`` is what an admin runs after every edit of the Excel file: every error at once
(file:line:field each, exit 2), or a one-screen summary of what will be checked (exit 0).
``template`` writes the year's Excel (or CSV) template to fill.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from oit_checker.gate import Exit
from oit_checker.i18n import LANGS, default_lang


def add_parser(sub: Any) -> None:
    p = sub.add_parser("submission", help="validate a submission file, or write a template")
    inner = p.add_subparsers(dest="action", metavar="ACTION")
    inner.required = True
    val = inner.add_parser("validate", help="every error of a submission file at once, no crawl")
    val.add_argument(
        "submission", metavar="SUBMISSION", help="submission file (.xlsx, .csv or .yaml)"
    )
    val.add_argument("--checklist", metavar="ID|PATH", help="default: the submission's")
    val.add_argument("--main-site", metavar="URL", help="main website (if the file lacks it)")
    val.add_argument("--agency", metavar="NAME", help="agency name (if the file lacks it)")
    val.add_argument("--lang", choices=LANGS, default=None, help="message language (th)")
    val.set_defaults(run=run_validate)
    tpl = inner.add_parser("template", help="write the Excel template of a year's items")
    tpl.add_argument("--checklist", metavar="ID|PATH", help="checklist id or path (ita-2568)")
    tpl.add_argument("--year", type=int, metavar="2568", help="Buddhist-Era year of the checklist")
    tpl.add_argument("-o", "--output", required=True, metavar="PATH", help=".xlsx or .csv file")
    tpl.set_defaults(run=run_template)


def run_validate(args: argparse.Namespace) -> int:
    from oit_checker.submission.load import load_with_checklist

    lang = args.lang or default_lang()
    sub, checklist = load_with_checklist(
        args.submission, args.checklist, main_site=args.main_site, agency=args.agency
    )
    urls = sum(len(i.urls) for i in sub.items)
    given = {i.id for i in sub.items if i.urls}
    missing = [i.id for i in checklist.items if i.id not in given]
    if lang == "en":
        lines = [
            f"{args.submission}: valid — {len(given)} items, {urls} URLs, "
            f"checklist {checklist.id}, main website {sub.main_site}",
            f"not submitted: {', '.join(missing)}" if missing else "every item has a URL",
        ]
    else:
        lines = [
            f"{args.submission}: ถูกต้อง — {len(given)} ข้อ {urls} URL "
            f"เกณฑ์ {checklist.id} เว็บไซต์หลัก {sub.main_site}",
            f"ยังไม่ได้ส่ง: {', '.join(missing)}" if missing else "ส่ง URL ครบทุกข้อ",
        ]
    for item_id, url in _off_site(sub):
        lines.append(
            f"{item_id}: {url} is not on the main website: the assessor gives it 0"
            if lang == "en"
            else f"{item_id}: {url} ไม่ได้อยู่บนเว็บไซต์หลัก ผู้ประเมินจะให้ 0 คะแนน"
        )
    print("\n".join(lines))
    return Exit.OK


def _off_site(sub: Any) -> list[tuple[str, str]]:
    """Submitted URLs off the main website (or its subdomains): the most common mechanical
    loss, visible without fetching anything."""
    from oit_checker.urls import is_same_site

    return [(i.id, u) for i in sub.items for u in i.urls if not is_same_site(u, sub.main_site)]


def run_template(args: argparse.Namespace) -> int:
    from pathlib import Path

    from oit_checker.checklist.load import pick_checklist
    from oit_checker.cli._common import write_output
    from oit_checker.submission.template import build, csv_template

    checklist = pick_checklist(args.checklist, None, year=args.year)
    if args.output.lower().endswith(".csv"):
        write_output(csv_template(checklist), args.output)
    else:
        write_output(build(checklist), args.output)
    print(f"oit-checker: {Path(args.output)} ({checklist.id})", file=sys.stderr)
    return Exit.OK
