"""``oit-checker discover MAIN_SITE_URL --year 2568``: find the ITA page, write a submission.

The submission YAML goes to stdout (or ``-o``); what the admin should know (the page used, the
problems on it, items not found, an ITA page off the main site) goes to stderr. A site that
cannot be crawled is reported, and the command still exits 0: like ``check``, a broken website
is a finding; only bad input exits 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import TYPE_CHECKING, Any

from oit_checker.cli._common import add_fetch_flags, fetch_settings, note, write_output
from oit_checker.errors import UsageError
from oit_checker.gate import Exit
from oit_checker.i18n import message
from oit_checker.thaitext import thai_digits_to_arabic
from oit_checker.urls import BadURL, normalize

if TYPE_CHECKING:
    from oit_checker.discover.crawl import Discovery


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "discover", help="find the ITA page of a year on the main website; write a submission"
    )
    p.add_argument("main_site", metavar="MAIN_SITE_URL", help="the agency's main website")
    p.add_argument("--year", metavar="YEAR", help="assessment year, e.g. 2568 (BE)")
    p.add_argument("--checklist", metavar="ID|PATH", help="checklist id or YAML (default ita-YEAR)")
    p.add_argument("-o", "--output", metavar="PATH", help="write the submission here, not stdout")
    p.add_argument("--format", choices=("yaml", "json"), default="yaml", help="default yaml")
    p.add_argument("--agency", metavar="NAME", help="agency name (default: the home page title)")
    p.add_argument("--max-pages", type=int, default=300, metavar="N", help="pages to crawl (300)")
    p.add_argument("--max-depth", type=int, default=3, metavar="N", help="links from home (3)")
    p.add_argument(
        "--ignore-robots",
        action="store_true",
        help="crawl pages robots.txt disallows (only for the agency's own website)",
    )
    add_fetch_flags(p)
    p.set_defaults(run=run)


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    raw = thai_digits_to_arabic(value).strip()
    if not raw.isdigit():
        raise UsageError("--year {value!r}: a year such as 2568", {"value": value})
    year = int(raw)
    return year + 543 if 2000 <= year < 2100 else year


def run(args: argparse.Namespace) -> int:
    settings = fetch_settings(args)  # first: its TLS context builds while the rest loads
    import asyncio

    from oit_checker.checklist.load import pick_checklist
    from oit_checker.cli.progress import Progress
    from oit_checker.discover.crawl import Limits, discover
    from oit_checker.discover.write import to_yaml

    try:
        main_site = normalize(args.main_site)
    except BadURL as exc:
        raise UsageError(
            "MAIN_SITE_URL {value!r}: {detail}", {"value": args.main_site, "detail": str(exc)}
        ) from None
    year = _year(args.year)
    if args.checklist is None and year is None:
        raise UsageError("give --year (e.g. --year 2568) or --checklist", {})
    checklist = pick_checklist(args.checklist, year=year)
    if year is not None and checklist.year != year:
        raise UsageError(
            "--year {year} but checklist {checklist} is for {other}",
            {"year": year, "checklist": checklist.id, "other": checklist.year},
        )
    if args.max_pages < 1 or args.max_depth < 0:
        raise UsageError("--max-pages must be ≥ 1 and --max-depth ≥ 0", {})
    limits = Limits(args.max_pages, args.max_depth, not args.ignore_robots)
    with Progress((), settings.lang) as progress:
        found = asyncio.run(
            discover(main_site, checklist, settings, limits=limits, on_event=progress.event)
        )
    if args.agency:
        found = dataclasses.replace(found, agency=args.agency)
    lang = settings.lang
    if args.format == "json":
        text = json.dumps(as_json(found), ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_yaml(found, checklist, lang=lang, today=settings.effective_today())
    write_output(text, args.output)
    summarise(found, lang)
    return Exit.OK


def as_json(d: Discovery) -> dict[str, Any]:
    """The discovery as data (schema ``oit-checker/discovery/v1``) for other tools."""
    return {
        "schema": "oit-checker/discovery/v1",
        "main_site": d.main_site,
        "year": d.year,
        "checklist": d.checklist,
        "agency": d.agency,
        "pages": list(d.pages),
        "items": {
            item: [dataclasses.asdict(m) for m in d.mapped if m.item == item]
            for item in dict.fromkeys(m.item for m in d.mapped)
        },
        "problems": [dataclasses.asdict(p) for p in d.problems],
        "missing": list(d.missing),
        "notes": [dataclasses.asdict(n) for n in d.notes],
        "other_years": [{"url": u, "years": list(y)} for u, y in d.other_years],
        "stats": {
            "pages_crawled": d.pages_crawled,
            "pages_rendered": d.pages_rendered,
            "seconds": d.seconds,
        },
    }


def summarise(d: Discovery, lang: str) -> None:
    from oit_checker.discover.write import note_text, problem_text

    for each in d.notes:
        note(note_text(each, d.year, lang))
    if d.pages:
        note(f"{message('discover.pages', {'pages': ' '.join(d.pages)}, lang)}")
    for url, years in d.other_years:
        params = {"url": url, "years": ", ".join(str(y) for y in years)}
        note(f"{message('discover.other_years', params, lang)}")
    for p in d.problems:
        note(f"{problem_text(p, lang)}")
    found = len({m.item for m in d.mapped})
    summary = {
        "crawled": d.pages_crawled,
        "rendered": d.pages_rendered,
        "seconds": d.seconds,
        "found": found,
        "total": found + len(d.missing),
        "links": len(d.mapped),
    }
    note(f"{message('discover.summary', summary, lang)}")
