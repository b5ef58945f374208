"""``--format markdown``: a scorecard for pull-request comments and CI job summaries.

GitHub-flavoured Markdown: the OIT range, indicators, counts per status, then one table row
per item with its reasons. Crawled strings (titles, messages, URLs) are escaped so that a page
cannot inject markup, links or images into the comment: Markdown punctuation and HTML
characters are backslash- or entity-escaped, line breaks become ``<br>`` inside cells, and only
http(s) URLs become links.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from oit_checker.i18n import label, status_label
from oit_checker.model import ItemResult, Report
from oit_checker.reporters.base import (
    Options,
    indicator_title,
    notes,
    safe,
    score_range,
    text_of,
    title_of,
)

BINARY = False
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # enough to stop emphasis, links, images, cells


def md(value: object) -> str:
    """Inline-safe text: HTML characters as entities, Markdown punctuation escaped."""
    text = safe(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split("\n"))


def _url(url: str) -> str:
    if urlsplit(url).scheme in ("http", "https") and not re.search(r"[\s<>()]", url):
        return f"<{url}>"
    return f"`{url.replace('`', '')}`"


def _reasons(item: ItemResult, lang: str) -> str:
    lines: list[str] = []
    for f, kind in notes(item):
        tag = f"\\[{md(label('advisory', lang))}\\] " if kind == "advisory" else ""
        if kind == "waived":
            tag = f"\\[{md(label('waived', lang))} {md(f.waived_until)}: {md(f.waived)}\\] "
        lines.append(tag + md(text_of(f, lang)))
    return "<br>".join(dict.fromkeys(lines)) or "-"


def render(report: Report, options: Options) -> str:
    lang = options.lang
    out = [
        f"## {md(label('report.title', lang))}: {md(report.agency or '-')}",
        "",
        f"{md(label('checklist', lang))} `{report.checklist_id}` · "
        f"{md(label('today', lang))} {report.today.isoformat()} · {_url(report.main_site)}",
        "",
        f"**{md(label('oit', lang))} {score_range(report.oit_score, report.oit_score_max)}**",
        "",
    ]
    for prod, staging in report.rewrites:
        out += [
            f"{md(label('rewrite', lang))} {_url(staging)} ({md(label('judged', lang))} "
            f"{_url(prod)})",
            "",
        ]
    for ind in report.indicators:
        out.append(
            f"- {md(label('indicator', lang))} {ind.id} {md(indicator_title(ind, lang))}: "
            f"{score_range(ind.score, ind.score_max)}"
        )
    counts = " · ".join(f"{md(status_label(s.value, lang))} {n}" for s, n in report.counts)
    out += ["", counts, ""]
    cols = ("col.item", "col.status", "col.score", "col.title", "col.reasons")
    out.append("| " + " | ".join(md(label(c, lang)) for c in cols) + " |")
    out.append("|---|---|--:|---|---|")
    for item in report.items:
        cells = (
            md(item.id),
            md(status_label(item.status.value, lang)),
            f"{item.score:.0f}",
            md(title_of(item, lang)),
            _reasons(item, lang),
        )
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
