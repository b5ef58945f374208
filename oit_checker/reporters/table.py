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

from oit_checker.i18n import label, status_label
from oit_checker.model import FindingStatus, ItemStatus, Report
from oit_checker.reporters.base import (
    Options,
    doc_name,
    fix_of,
    indicator_title,
    losing,
    notes,
    safe,
    score_range,
    text_of,
    title_of,
)
from oit_checker.score import at_stake, worst_first

STYLE = {
    "pass": "green",
    "fail": "bold red",
    "risk": "bold yellow",
    "manual": "yellow",
    "missing": "magenta",
    "warn": "yellow",
}
BINARY = False


def render(report: Report, options: Options) -> str:
    lang, color = options.lang, options.color

    def t(key: str) -> str:
        return label(key, lang)

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=options.width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(Text(safe(f"{t('agency')}: {report.agency or '-'}  ({report.main_site})")))
    console.print(
        Text(f"{t('checklist')}: {report.checklist_id}   {t('today')}: {report.today.isoformat()}")
    )
    for prod, staging in report.rewrites:
        console.print(Text(safe(f"{t('rewrite')}: {staging} ({t('judged')} {prod})")))
    rng = score_range(report.oit_score, report.oit_score_max)
    console.print(Text(f"{t('oit')}: {rng}", style="bold"))
    for ind in report.indicators:
        r = score_range(ind.score, ind.score_max)
        console.print(Text(safe(f"  {t('indicator')} {ind.id} {indicator_title(ind, lang)}: {r}")))
    stake = at_stake(report)
    losing_items = [i for i in report.items if stake[i.id] > 0]
    if losing_items:
        gain = round(sum(stake[i.id] for i in losing_items), 2)
        line = label("fix.summary", lang).format(n=len(losing_items), points=f"{gain:.2f}")
        console.print(Text(f"{t('fix.first')}: {line}", style="bold"))
    table = Table(box=box.SIMPLE, show_lines=False, expand=True)
    table.add_column(t("col.item"), no_wrap=True)
    table.add_column(t("col.status"), no_wrap=True)
    table.add_column(t("col.score"), justify="right", no_wrap=True)
    # Thai runs have no spaces to wrap at: fold long runs instead of cutting them with "…"
    table.add_column(t("col.title"), ratio=2, overflow="fold")
    table.add_column(t("col.reasons"), ratio=3, overflow="fold")
    for item in worst_first(report):  # what loses points first
        reasons = []
        for f, kind in notes(item):
            tag = f"[{t('advisory')}] " if kind == "advisory" else ""
            if kind == "waived":
                tag = f"[{t('waived')} {f.waived_until}: {f.waived}] "
            doc = doc_name(f.url) if losing(f) or f.status is FindingStatus.MANUAL else ""
            where = f" [{doc}]" if doc else ""
            fix = fix_of(f, lang)
            how = f"\n→ {t('fix')}: {fix}" if fix else ""
            reasons.append(f"{tag}{text_of(f, lang)}{where}{how}")
        if item.status is ItemStatus.MISSING:
            reasons.append(
                f"{label('missing.what', lang)}\n→ {t('fix')}: {label('missing.fix', lang)}"
            )
        status = Text(status_label(item.status.value, lang), style=STYLE[item.status.value])
        title = title_of(item, lang)
        table.add_row(
            Text(safe(item.id)),
            status,
            f"{item.score:.0f}",
            Text(safe(title)),
            Text(safe("\n".join(dict.fromkeys(reasons)))),
        )
    console.print(table)
    return buf.getvalue()
