"""Each hostile case alone, through the real CLI: exit code, wall time, peak RSS.

    python3 bench/hostile.py [--checkout DIR] [--label after] [--memory-gb 8] [--timeout 150]

Every case of tests/hostile_corpus.py is served on loopback and checked as a one-item
agency by ``python -m oit_checker check`` in its own process (under an address-space limit,
so a runaway case ends as a failed allocation rather than taking the machine), with the
bounds the e2e test uses (2 s connect/read, 4 s per attempt, 8 s per URL). ``--checkout``
runs another tree of the project (``git worktree add /tmp/before <commit>``) against the
same corpus, for a before/after table (docs/hostile.md). Results go to
bench/results/hostile-<label>.json; ``--compare A B`` prints the Markdown table of two.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import TODAY, submission  # noqa: E402
from tests.hostile_corpus import CASES, NETWORK, hostile_env, names, run_limited, serve  # noqa: E402
from tests.sites import Scenario  # noqa: E402

GB = 1024**3
WHAT = {c.name: c.what for c in CASES} | {n.name: n.what for n in NETWORK}
WHAT["blocked_address"] = "submitted cloud-metadata URL"


def verdict(report: Path, item: str) -> str:
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "no report"
    found = next((i for i in data.get("items", []) if i["id"] == item), None)
    if found is None:
        return "no item"
    reasons = sorted(
        {
            str(f.get("params", {}).get("reason") or f["code"])
            for f in found["findings"]
            if f["status"] != "pass"
        }
    )
    return f"{found['status']}: {', '.join(reasons)[:60]}"


def run_case(name: str, checkout: Path, memory: int, timeout: float) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix=f"oit-hostile-{name}-"))
    with Scenario(tmp) as site:
        urls = serve(site, {name})
        sub = submission(tmp, site.url("/"), urls)
        report = tmp / "r.json"
        argv = [sys.executable, "-m", "oit_checker", "check", str(sub), "--today", TODAY]
        argv += ["--format", "json", "-o", str(report)]
        run = run_limited(
            argv,
            hostile_env(str(checkout), str(tmp / "work")),
            memory=memory,
            timeout=timeout,
            log=str(tmp / "err.txt"),
            cwd=str(tmp),
        )
    err = (tmp / "err.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
    item = next(iter(urls))
    return {
        "case": name,
        "what": WHAT[name],
        "rc": run.rc,
        "wall_s": round(run.wall_s, 2),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "verdict": verdict(report, item),
        "last_error_line": err[-1][:160] if err else "",
    }


def table(before: list[dict[str, object]], after: list[dict[str, object]]) -> str:
    old = {r["case"]: r for r in before}
    lines = [
        "| case | before: rc / wall s / RSS MB | after: rc / wall s / RSS MB | after: verdict |",
        "|---|---|---|---|",
    ]
    for r in after:
        b = old.get(r["case"])
        then = f"{b['rc']} / {b['wall_s']} / {b['peak_rss_mb']}" if b else "–"
        lines.append(
            f"| {r['what']} | {then} | {r['rc']} / {r['wall_s']} / {r['peak_rss_mb']} "
            f"| {r['verdict']} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--checkout", type=Path, default=ROOT)
    ap.add_argument("--label", default="after")
    ap.add_argument("--memory-gb", type=float, default=8)
    ap.add_argument("--timeout", type=float, default=150)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE.json", "AFTER.json"))
    args = ap.parse_args()
    if args.compare:
        before, after = (json.loads(Path(p).read_text()) for p in args.compare)
        print(table(before["cases"], after["cases"]))
        return
    rows = []
    for name in args.only or names():
        row = run_case(name, args.checkout.resolve(), int(args.memory_gb * GB), args.timeout)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
    out = HERE / "results" / f"hostile-{args.label}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps({"checkout": str(args.checkout), "cases": rows}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    print(f"written {out}")


if __name__ == "__main__":
    main()
