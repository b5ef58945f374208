"""``oit-checker report REPORT.json --format …``: re-render a saved report without crawling."""

from __future__ import annotations

import argparse
from typing import Any

from oit_checker.cli._common import add_output_flags, emit
from oit_checker.gate import Exit
from oit_checker.i18n import LANGS, default_lang


def add_parser(sub: Any) -> None:
    p = sub.add_parser("report", help="re-render a saved JSON report (no crawling)")
    p.add_argument("report", metavar="REPORT.json")
    add_output_flags(p)
    p.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from oit_checker.reportfile import load_report

    report = load_report(args.report)
    return emit(report, args, args.lang or default_lang()) or Exit.OK
