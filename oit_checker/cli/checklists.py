"""``oit-checker checklists list | show ID | validate PATH``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from oit_checker.gate import Exit

if TYPE_CHECKING:
    from rich.console import Console
from oit_checker.i18n import LANGS, default_lang, say, source_note


def add_parser(sub: Any) -> None:
    p = sub.add_parser("checklists", help="list, show or validate checklists")
    inner = p.add_subparsers(dest="action", metavar="ACTION")
    inner.required = True
    ls = inner.add_parser("list", help="shipped checklists with completeness and certainty")
    ls.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    ls.set_defaults(run=run_list)
    show = inner.add_parser("show", help="every item of a checklist with its rules")
    show.add_argument("checklist", metavar="ID|PATH")
    show.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    show.set_defaults(run=run_show)
    val = inner.add_parser("validate", help="validate checklist files (exit 2 if one is invalid)")
    val.add_argument("paths", nargs="+", metavar="PATH")
    val.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    val.set_defaults(run=run_validate)


STATES_TH = {
    "complete": "ครบทุกข้อ",
    "partial": "ยังไม่ครบทุกข้อ",
    "confirmed": "ยืนยันจากคู่มือ",
    "inferred": "อนุมาน",
    "provisional": "ฉบับร่าง",
    "mixed": "ยืนยันบางส่วน อนุมานบางส่วน",
    "medium": "ปานกลาง",
}


def _state(value: str, lang: str) -> str:
    return value if lang == "en" else STATES_TH.get(value, value)


def _console() -> Console:
    from rich.console import Console

    return Console(width=120, no_color=True, highlight=False, soft_wrap=False)


def run_list(args: argparse.Namespace) -> int:
    from rich.table import Table

    from oit_checker.checklist.load import load_checklist, shipped_ids

    lang = args.lang or default_lang()
    heads = ("รหัส", "ปี", "จำนวนข้อ", "ความครบถ้วน", "ความแน่นอน", "ชื่อเกณฑ์")
    t = Table(
        *(("id", "year", "items", "completeness", "certainty", "title") if lang == "en" else heads)
    )
    for cid in shipped_ids():
        c = load_checklist(cid)
        t.add_row(
            c.id,
            str(c.year),
            str(len(c.items)),
            _state(c.completeness, lang),
            _state(c.certainty, lang),
            c.title,
        )
    _console().print(t)
    return Exit.OK


def run_show(args: argparse.Namespace) -> int:
    """Every item with its rules in plain language, firm and advisory rules told apart."""
    from oit_checker.checklist.describe import describe
    from oit_checker.checklist.load import load_checklist

    c = load_checklist(args.checklist)
    args.lang = args.lang or default_lang()
    th = args.lang == "th"
    console = _console()
    state = f"{_state(c.completeness, args.lang)}, {_state(c.certainty, args.lang)}"
    console.print(
        f"{c.id} — {c.title} ({'ปีงบประมาณ' if th else 'fiscal year'} {c.year}; {state})",
        markup=False,
    )
    if c.note and not th:  # the checklists' notes and source explanations are English
        console.print(f"Note: {c.note}", markup=False)
    firm, advisory = ("ยืนยัน", "อนุมาน: แจ้งเป็นข้อสังเกต") if th else ("confirmed", "inferred: advisory")
    for item in c.items:
        title = item.title if th else (item.title_en or item.title)
        topic = f" · {item.topic}" if item.topic else ""
        weight = "น้ำหนัก" if th else "weight"
        console.print(
            f"\n{item.id}  [{'ตัวชี้วัด' if th else 'indicator'} {item.indicator}{topic}] "
            f"{title}  ({weight} {item.weight:g})",
            markup=False,
        )
        for ref in item.checks:
            mark = "✓" if ref.confidence == "confirmed" else "?"
            label = firm if ref.confidence == "confirmed" else advisory
            src = f" {source_note(ref.source, args.lang)}" if ref.source else ""
            console.print(
                f"   {mark} {ref.id}: {describe(ref, c.year, args.lang)}  [{label}]{src}",
                markup=False,
            )
    if c.sources and th:
        keys = ", ".join(key for key, _ in c.sources)
        console.print(
            f"\nแหล่งข้อมูล: {keys} (คำอธิบายหมายเหตุและแหล่งข้อมูลเป็นภาษาอังกฤษ: --lang en)",
            markup=False,
        )
    elif c.sources:
        console.print("\nSources:", markup=False)
        for key, text in c.sources:
            console.print(f"   {key}: {text}", markup=False)
    return Exit.OK


def run_validate(args: argparse.Namespace) -> int:
    """Validate every file given (pre-commit passes several) and report every error of each,
    not only the first; exit 2 when any is invalid."""

    from oit_checker.checklist.load import load_checklist
    from oit_checker.cli._common import print_errors
    from oit_checker.errors import InputError

    lang = args.lang or default_lang()
    bad = 0
    for path in args.paths:
        try:
            c = load_checklist(path)
        except InputError as exc:
            bad += 1
            print_errors(exc, lang)
            continue
        rules = sum(len(i.checks) for i in c.items)
        print(
            say(
                lang,
                f"{path}: ถูกต้อง — {c.id}, {len(c.items)} ข้อ, {rules} กฎ",
                f"{path}: OK — {c.id}, {len(c.items)} items, {rules} rules",
            )
        )
    return Exit.INPUT if bad else Exit.OK
