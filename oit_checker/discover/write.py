"""A Discovery → the submission YAML of DESIGN.md, with a comment per item for the admin.

The file is meant to be read by a person before it is trusted: each item says where its URLs
were found (the heading and page, or "by file name") and how sure the mapping is; each URL
carries the page's own label for it; items not found are listed at the end, commented out,
ready to be filled in. Every value that came from a crawled page is written as a JSON string
(a valid YAML double-quoted scalar) and every comment is flattened to one line, so a hostile
page title or link text can never add keys or lines to the file.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from oit_checker.checklist.model import Checklist, Item
from oit_checker.discover.crawl import Discovery, Note
from oit_checker.discover.layout import Mapped, Problem
from oit_checker.i18n import message
from oit_checker.urls import is_same_site

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _c(text: str, limit: int = 160) -> str:
    """One safe comment line."""
    flat = _CONTROL.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _note(m: Mapped, main_site: str, lang: str) -> str:
    parts = [message(f"discover.confidence.{m.confidence}", {}, lang)]
    if m.note.startswith("file_name_disagrees:"):
        other = m.note.split(":", 1)[1]
        parts.append(message("discover.note.file_name_disagrees", {"other": other}, lang))
    elif m.note == "year_not_stated":
        parts.append(message("discover.note.year_not_stated", {}, lang))
    if not is_same_site(m.url, main_site):
        parts.append(message("discover.note.offsite", {}, lang))
    return ", ".join(parts)


def to_yaml(d: Discovery, checklist: Checklist, *, lang: str, today: dt.date) -> str:
    site = {"site": d.main_site, "year": d.year, "today": today.isoformat()}
    lines = [
        f"# {_c(message('discover.header', {}, lang), 200)}",
        f"# {_c(message('discover.site', site, lang), 200)}",
    ]
    if d.pages:
        lines.append(f"# {_c(message('discover.pages', {'pages': ' '.join(d.pages)}, lang), 400)}")
    for note in d.notes:
        text = note_text(note, d.year, lang)
        lines.append(f"# ! {_c(text, 300)}")
    lines.append(f"# {_c(message('discover.legend', {}, lang), 200)}")
    lines += [
        f"agency: {_q(d.agency)}",
        f"main_site: {_q(d.main_site)}",
        f"checklist: {_q(d.checklist)}",
        "items:",
    ]
    problems_by_item: dict[str, list[str]] = {}
    for p in d.problems:
        text = problem_text(p, lang)
        problems_by_item.setdefault(p.item, []).append(text)
    for item in checklist.items:
        found = [m for m in d.mapped if m.item == item.id]
        if not found:
            continue
        lines.append(f"  # {item.id} {_c(_title(item, lang), 120)}")
        for where in dict.fromkeys(_where(m, lang) for m in found):
            lines.append(f"  #   {_c(where, 300)}")
        for text in problems_by_item.get(item.id, []):
            lines.append(f"  #   ! {_c(text, 200)}")
        lines.append(f"  {item.id}:")
        for m in found:
            label = _c(m.label, 80)
            lines.append(f"    - {_q(m.url)}  # {label} ({_note(m, d.main_site, lang)})".rstrip())
    missing = [i for i in checklist.items if i.id in d.missing]
    if missing:
        lines.append(f"# {_c(message('discover.missing_header', {}, lang), 200)}")
        for item in missing:
            why = problems_by_item.get(item.id) or [
                message("discover.problem.not_mentioned", {}, lang)
            ]
            title = _c(_title(item, lang), 90)
            lines.append(f"#  {item.id}:  # {title} — {_c('; '.join(why), 150)}")
    return "\n".join(lines) + "\n"


def _title(item: Item, lang: str) -> str:
    return item.title_en or item.title if lang == "en" else item.title


def _where(m: Mapped, lang: str) -> str:
    if m.how == "file_name":
        return message("discover.found_by_name", {"page": m.page}, lang)
    return message("discover.found_under", {"heading": _c(m.heading, 90), "page": m.page}, lang)


def note_text(note: Note, year: int, lang: str) -> str:
    """One crawl note as a sentence (the YAML header and the stderr summary share it)."""
    params = {"url": note.url, "detail": note.detail, "year": year}
    return message(f"discover.note.{note.code}", params, lang)


def problem_text(problem: Problem, lang: str) -> str:
    return message(
        f"discover.problem.{problem.kind}", {"item": problem.item, "text": problem.text}, lang
    )
