"""Speed and memory benchmark against simulated agency sites on loopback.

    python3 bench/bench.py [--agencies 20] [--repeat 5] [--no-peer]

Measures, with medians over ``--repeat`` runs:

* one agency end to end through the real CLI (``python -m oit_checker check``): wall time, peak
  RSS of the checker process (from ``wait4``), resources fetched;
* the same agency with a 50 MB PDF linked: peak RSS;
* many agencies checked concurrently in one process through the engine API (how ``nightly``
  will run them): resources per second and peak RSS;
* the peer tool LinkChecker (``pip install linkchecker``) over the same submitted URLs with
  recursion level 1, in the same run, for ratios.

The site server runs in its own process. Results are printed and written to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import simsite  # noqa: E402

ENV = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1"}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (extraction workers), in MB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak RSS MB of its process tree, exit code)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        peak = 0.0
        while proc.poll() is None:  # sample the whole tree every 20 ms
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.02)
        _, status, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
        wall = time.perf_counter() - start
        code = proc.returncode if usage is None else os.waitstatus_to_exitcode(status)
        if usage is not None:
            peak = max(peak, usage.ru_maxrss / 1024)
        if code not in (0, 1):
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace")[-4000:])
    return wall, peak, code


def write_submissions(tmp: Path, n: int) -> list[Path]:
    docs = simsite.build_documents()
    out = []
    for k in range(n):
        p = tmp / f"agency{k}.yaml"
        p.write_text(simsite.submission(k, simsite.agency_site(k, docs, False)), encoding="utf-8")
        out.append(p)
    return out


def check_agency(sub: Path, out: Path) -> tuple[float, float, int]:
    return timed(
        [
            sys.executable,
            "-m",
            "oit_checker",
            "check",
            str(sub),
            "--format",
            "json",
            "-o",
            str(out),
            "--today",
            "2025-03-31",
        ]
    )


def many(subs: list[Path], out: Path) -> tuple[float, float, int]:
    return timed([sys.executable, str(HERE / "many.py"), str(out), *map(str, subs)])


def peer(urls: list[str]) -> tuple[float, float, int] | None:
    exe = shutil.which("linkchecker")
    if exe is None:
        return None
    return timed(
        [
            exe,
            "--recursion-level=1",
            "--no-status",
            "--no-warnings",
            "-o",
            "none",
            "--threads",
            "32",
            *urls,
        ]
    )


def submitted_urls(sub: Path) -> list[str]:
    return [
        line.split("- ", 1)[1]
        for line in sub.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- ")
    ]


def med(xs: list[float]) -> float:
    return round(statistics.median(xs), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(target=simsite.run_server, args=(args.agencies, True, ready), daemon=True)
    server.start()
    ready.wait(120)
    time.sleep(0.5)
    results: dict[str, object] = {
        "agencies": args.agencies,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
    }
    try:
        with tempfile.TemporaryDirectory() as tmp_s:
            tmp = Path(tmp_s)
            subs = write_submissions(tmp, args.agencies)
            one = {"wall": [], "rss": []}
            for _ in range(args.repeat):
                wall, rss, code = check_agency(subs[1], tmp / "one.json")
                assert code == 0, code
                one["wall"].append(wall)
                one["rss"].append(rss)
            rep = json.loads((tmp / "one.json").read_text(encoding="utf-8"))
            res_one = rep["stats"]["resources"]
            results["one_agency"] = {
                "median_s": med(one["wall"]),
                "peak_rss_mb": med(one["rss"]),
                "resources": res_one,
                "resources_per_s": round(res_one / med(one["wall"]), 1),
            }
            big_rss = []
            for _ in range(max(1, args.repeat // 2)):
                wall, rss, code = check_agency(subs[0], tmp / "big.json")
                big_rss.append(rss)
            big = json.loads((tmp / "big.json").read_text(encoding="utf-8"))
            results["with_50mb_pdf"] = {"peak_rss_mb": med(big_rss), "bytes": big["stats"]["bytes"]}
            walls, rss_many, totals = [], [], []
            for _ in range(max(1, args.repeat // 2)):
                wall, rss, code = many(subs[1:], tmp / "many.json")
                assert code == 0, code
                walls.append(wall)
                rss_many.append(rss)
                totals.append(json.loads((tmp / "many.json").read_text())["resources"])
            results["many_agencies"] = {
                "agencies": len(subs) - 1,
                "median_s": med(walls),
                "peak_rss_mb": med(rss_many),
                "resources": totals[0],
                "resources_per_s": round(totals[0] / med(walls), 1),
                "median_s_per_agency": round(med(walls) / (len(subs) - 1), 3),
            }
            if not args.no_peer:
                pw = [p for p in (peer(submitted_urls(subs[1])) for _ in range(args.repeat)) if p]
                if pw:
                    p_wall = med([p[0] for p in pw])
                    results["peer_linkchecker_one_agency"] = {
                        "median_s": p_wall,
                        "peak_rss_mb": med([p[1] for p in pw]),
                        "ratio_oit_over_peer_time": round(med(one["wall"]) / p_wall, 2),
                    }
                    all_urls = [u for s in subs[1:] for u in submitted_urls(s)]
                    pm = [p for p in (peer(all_urls) for _ in range(max(1, args.repeat // 2))) if p]
                    pm_wall = med([p[0] for p in pm])
                    results["peer_linkchecker_many"] = {
                        "median_s": pm_wall,
                        "peak_rss_mb": med([p[1] for p in pm]),
                        "ratio_oit_over_peer_time": round(med(walls) / pm_wall, 2),
                    }
                else:
                    results["peer"] = "linkchecker not installed (pip install linkchecker)"
    finally:
        server.terminate()
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out_dir / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
