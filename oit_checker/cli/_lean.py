"""Start-up cost the command line never needs, declined before anything heavy loads.

Imported first by :mod:`oit_checker.cli` (bench/bench.py measures start-up as launch → first
request at the server):

* httpx imports its own command line (click, pygments, rich) whenever click is installed —
  Dask brings it —; httpx falls back to a stub when that import fails, and this tool never
  runs httpx's command line.
* pydantic scans every installed distribution's entry points for plugins when it builds its
  first model; this tool uses none.

Only the CLI process does this: a program that imports oit_checker as a library keeps its own
httpx and pydantic behaviour.
"""

from __future__ import annotations

import os
import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
