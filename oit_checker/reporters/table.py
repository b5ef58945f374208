"""The terminal scorecard (rich): scores with their range, then one row per item with reasons.

Rendered into a string through a fixed-width Console so the output is byte-stable in tests;
colour only when the CLI says the output is a terminal without ``NO_COLOR``/``CI``.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from oit_checker.i18n import message
from oit_checker.model import FindingStatus, ItemStatus, Report

STYLE = {
    "pass": "green",
    "fail": "bold red",
    "manual": "yellow",
    "missing": "magenta",
    "warn": "yellow",
}
LABELS = {
    "th": {
        "pass": "ผ่าน",
        "fail": "ไม่ผ่าน",
        "manual": "ตรวจเอง",
        "missing": "ไม่ได้ส่ง",
        "item": "ข้อ",
        "status": "ผล",
        "score": "คะแนน",
        "title": "รายการ",
        "reasons": "เหตุผล",
        "indicator": "ตัวชี้วัด",
        "oit": "คะแนน OIT",
        "range": "ช่วงคะแนน",
        "agency": "หน่วยงาน",
        "checklist": "เกณฑ์",
        "today": "วันที่ตรวจ",
        "advisory": "ข้อสังเกต",
        "waived": "ยกเว้นถึง",
        "rewrite": "ตรวจสำเนาที่",
        "judged": "ตัดสินตามเว็บไซต์หลัก",
    },
    "en": {
        "pass": "pass",
        "fail": "fail",
        "manual": "manual",
        "missing": "missing",
        "item": "Item",
        "status": "Status",
        "score": "Score",
        "title": "Title",
        "reasons": "Reasons",
        "indicator": "Indicator",
        "oit": "OIT score",
        "range": "range",
        "agency": "Agency",
        "checklist": "Checklist",
        "today": "Date",
        "advisory": "advisory",
        "waived": "waived until",
        "rewrite": "Checked a copy at",
        "judged": "judged as",
    },
}


def render(report: Report, lang: str = "th", *, width: int = 120, color: bool = False) -> str:
    t = LABELS.get(lang, LABELS["th"])
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(Text(f"{t['agency']}: {report.agency or '-'}  ({report.main_site})"))
    console.print(
        Text(f"{t['checklist']}: {report.checklist_id}   {t['today']}: {report.today.isoformat()}")
    )
    for prod, staging in report.rewrites:
        console.print(Text(f"{t['rewrite']}: {staging} ({t['judged']} {prod})"))
    rng = (
        f"{report.oit_score:.2f}"
        if report.oit_score == report.oit_score_max
        else f"{report.oit_score:.2f}–{report.oit_score_max:.2f}"
    )
    console.print(Text(f"{t['oit']}: {rng}", style="bold"))
    for ind in report.indicators:
        r = (
            f"{ind.score:.2f}"
            if ind.score == ind.score_max
            else f"{ind.score:.2f}–{ind.score_max:.2f}"
        )
        console.print(Text(f"  {t['indicator']} {ind.id} {ind.title}: {r}"))
    table = Table(box=box.SIMPLE, show_lines=False, expand=True)
    table.add_column(t["item"], no_wrap=True)
    table.add_column(t["status"], no_wrap=True)
    table.add_column(t["score"], justify="right", no_wrap=True)
    table.add_column(t["title"], ratio=2)
    table.add_column(t["reasons"], ratio=3)
    for item in report.items:
        reasons = []
        for f in item.findings:
            if f.status is FindingStatus.PASS:
                continue
            tag = f"[{t['advisory']}] " if f.status is FindingStatus.WARN else ""
            if f.waived:
                tag = f"[{t['waived']} {f.waived_until}: {f.waived}] "
            reasons.append(f"{tag}{message(f.code, f.params, lang)}")
        if item.status is ItemStatus.MISSING:
            reasons.append("-")
        status = Text(t[item.status.value], style=STYLE[item.status.value])
        title = item.title if lang == "th" or not item.title_en else item.title_en
        table.add_row(
            item.id, status, f"{item.score:.0f}", title, Text("\n".join(dict.fromkeys(reasons)))
        )
    console.print(table)
    return buf.getvalue()
