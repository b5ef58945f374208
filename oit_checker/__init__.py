"""oit-checker: pre-assessment of the OIT part of the Thai ITA.

The public API is deliberately small: load a checklist and a submission, run the engine, and
format the frozen :class:`Report`. Everything else is internal and may change between releases.

Names are imported lazily (PEP 562): extraction worker processes import only the extractors,
not the whole tool, which keeps each worker's memory small.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "load_checklist": "oit_checker.checklist.load",
    "run_check": "oit_checker.engine",
    "InputError": "oit_checker.errors",
    "OitError": "oit_checker.errors",
    "Finding": "oit_checker.model",
    "FindingStatus": "oit_checker.model",
    "ItemResult": "oit_checker.model",
    "ItemStatus": "oit_checker.model",
    "Report": "oit_checker.model",
    "RunSettings": "oit_checker.settings",
    "load_submission": "oit_checker.submission.load",
}

__all__ = [
    "Finding",
    "FindingStatus",
    "InputError",
    "ItemResult",
    "ItemStatus",
    "OitError",
    "Report",
    "RunSettings",
    "__version__",
    "load_checklist",
    "load_submission",
    "run_check",
]

if TYPE_CHECKING:
    from oit_checker.checklist.load import load_checklist
    from oit_checker.engine import run_check
    from oit_checker.errors import InputError, OitError
    from oit_checker.model import Finding, FindingStatus, ItemResult, ItemStatus, Report
    from oit_checker.settings import RunSettings
    from oit_checker.submission.load import load_submission


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'oit_checker' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
