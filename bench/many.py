"""Check many agencies concurrently in one process through the engine API (as nightly will).

python3 bench/many.py OUT.json SUB1.yaml SUB2.yaml ...
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oit_checker import Report, RunSettings, load_checklist, load_submission, run_check

# Agencies in flight at once, as a nightly scheduler bounds them (memory grows with it).
AT_ONCE = int(os.environ.get("OIT_BENCH_AT_ONCE", "4"))


async def main(out: Path, subs: list[Path]) -> None:
    checklist = load_checklist("ita-2568")
    settings = RunSettings(today=dt.date(2025, 3, 31))
    gate = asyncio.Semaphore(AT_ONCE)

    async def one(sub: Path) -> Report:
        async with gate:
            return await run_check(checklist, load_submission(sub), settings)

    start = time.perf_counter()
    reports = await asyncio.gather(*(one(s) for s in subs))
    wall = time.perf_counter() - start
    total = sum(dict(r.stats)["resources"] for r in reports)
    out.write_text(
        json.dumps({"resources": total, "seconds": wall, "agencies": len(subs)}), encoding="utf-8"
    )


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]))
