"""oit-checker: pre-assessment of the OIT part of the Thai ITA.

The public API is deliberately small: load a checklist and a submission, run the engine, and
format the frozen :class:`Report`. Everything else is internal and may change between releases.
"""

from __future__ import annotations

__version__ = "0.1.0"

from oit_checker.checklist.load import load_checklist
from oit_checker.engine import run_check
from oit_checker.errors import InputError, OitError
from oit_checker.model import Finding, FindingStatus, ItemResult, ItemStatus, Report
from oit_checker.settings import RunSettings
from oit_checker.submission.load import load_submission

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
