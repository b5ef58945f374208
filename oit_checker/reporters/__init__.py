"""Reporters chosen by name (STYLE habit 7): one module per format, imported when first used.

Each module follows :class:`oit_checker.reporters.base.Reporter`. Modules load lazily so that
``--format json`` never pays for openpyxl or rich.
"""

from __future__ import annotations

import importlib
from typing import cast

from oit_checker.model import Report
from oit_checker.reporters.base import Options, Reporter

NAMES = ("table", "json", "html", "junit", "xlsx", "markdown")


def get(name: str) -> Reporter:
    """The reporter module called ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(name)
    return cast(Reporter, importlib.import_module(f"oit_checker.reporters.{name}"))


def is_binary(name: str) -> bool:
    """Formats that write bytes and so need ``-o PATH``."""
    return bool(get(name).BINARY)


def render(name: str, report: Report, options: Options) -> str | bytes:
    return get(name).render(report, options)


__all__ = ["NAMES", "Options", "get", "is_binary", "render"]
