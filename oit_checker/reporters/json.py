"""``--format json``: the saved-report document, dumped (the format is ``reportfile``'s).

Output is deterministic (stable key order, UTF-8, not ASCII-escaped), so reports diff well.
"""

from __future__ import annotations

import json as _json

from oit_checker.model import Report
from oit_checker.reporters.base import Options
from oit_checker.reportfile import to_dict

BINARY = False


def render(report: Report, options: Options) -> str:
    data = to_dict(report, options.lang)
    return _json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
