"""Reporters chosen by name; each is a pure ``render(report, lang) -> str`` (STYLE habit 7)."""

from __future__ import annotations

from collections.abc import Callable

from oit_checker.model import Report
from oit_checker.reporters import json, junit, table

Renderer = Callable[[Report, str], str]

REPORTERS: dict[str, Renderer] = {
    "table": table.render,
    "json": json.render,
    "junit": junit.render,
}
