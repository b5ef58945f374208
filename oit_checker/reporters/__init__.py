"""Reporters chosen by name; each is a pure ``render(report, lang)`` (STYLE habit 7).

Text reporters return ``str``; the workbook reporter returns ``bytes`` (``BINARY`` lists them).
"""

from __future__ import annotations

from collections.abc import Callable

from oit_checker.model import Report
from oit_checker.reporters import html, json, junit, table, xlsx

Renderer = Callable[[Report, str], str | bytes]

REPORTERS: dict[str, Renderer] = {
    "table": table.render,
    "json": json.render,
    "html": html.render,
    "junit": junit.render,
    "xlsx": xlsx.render_bytes,
}
BINARY = frozenset({"xlsx"})
