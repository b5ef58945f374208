"""Speed and memory of one agency's check against the peers, on simulated sites on loopback.

    python3 bench/bench.py [--agencies 20] [--repeat 5] [--no-peer]

Every measurement is a median over ``--repeat`` runs, with min and max beside it, and the
tools are *interleaved* (oit-checker, linkinator, LinkChecker, LinkChecker without its delay,
then again in a rotated order), so a noisy neighbour on a shared machine hits all of them.

* ``oit-checker check`` on one agency (136 resources, 59 MB: 30 submitted pages, the PDFs,
  workbooks and pages they link) through the real CLI: wall, CPU (user + system of the whole
  process tree, from ``wait4``), CPU per resource, peak RSS; start-up (launch → first request
  at the server) and tail (last byte served → exit: judging, the report, shutdown), measured
  from outside by the simulated server;
* the same check rerun with ``--cache`` (primed by one run before the rotation): the admin's
  second run while fixing a site. Documents answer ``304`` (the simulated server gives them
  an ETag, as nginx or Apache do for static files); pages come whole and are hashed. Reported
  apart from the cold run, never instead of it, and its verdicts must equal the cold run's;
* the peers over the same work: **linkinator** (npm) given the 30 submitted pages (it checks
  every link on them, one level); **LinkChecker** given the explicit list of URLs oit-checker
  fetched (``--recursion-level=0``), once with its default per-host delay (0.1–0.6 s
  between two requests to one host, whatever ``maxrequestspersecond`` says) and once with the
  delay lifted — LinkChecker lifts it only for a server that answers with a ``LinkChecker``
  header, which the simulated server then sends;
* ``--version`` and ``--help`` wall time; the 48 MB PDF (under the 50 MB cap, so it is read);
* many agencies checked concurrently in one process through the engine API (how ``nightly``
  runs them): resources per second, CPU per resource, peak RSS.

Bytecode is compiled first and ``PYTHONDONTWRITEBYTECODE`` is not passed on: a user's
installed package has its ``.pyc`` files. Results are printed and written to bench/results/.
"""

from __future__ import annotations

import argparse
import compileall
import json
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import simsite  # noqa: E402

ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_COLOR": "1",
    "PYTHONPATH": str(ROOT),
}
TODAY = "2025-03-31"


_TICK = os.sysconf("SC_CLK_TCK")


def tree_sample(pid: int, cpu: dict[int, float]) -> float:
    """Resident memory of a process and all its descendants (the fork server and the
    extraction workers), in MB; records each one's own CPU seconds into ``cpu`` (pid → last
    value seen). Workers forked by the fork server are not waited for by the checked process,
    so ``wait4`` alone would not count their CPU."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS")), 0)
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu[p] = (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime, own only
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total / 1024


def tree_rss_mb(pid: int) -> float:
    return tree_sample(pid, {})


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the whole process tree (see ``tree_sample``)
    rss: float  # peak RSS of the process tree, MB
    code: int
    started: float  # time.monotonic() at launch
    ended: float  # time.monotonic() at exit


def timed(cmd: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> Run:
    """Run ``cmd``; its wall and CPU time, peak RSS of its process tree and exit code. Its
    stderr is kept in ``log`` when given (the extraction pool's breaks are logged there)."""
    start = time.perf_counter()
    mono = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=err)
        peak = 0.0
        cpu: dict[int, float] = {}
        while True:  # sample the whole tree every 20 ms
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_sample(proc.pid, cpu))
            time.sleep(0.02)
        wall = time.perf_counter() - start
        ended = time.monotonic()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss / 1024)
        err.seek(0)
        text = err.read().decode(errors="replace")
        if log is not None:
            log.write_text(text, encoding="utf-8")
        if code not in (0, 1):
            sys.stderr.write(text[-4000:])
    # wait4 is exact for the process and the children it reaped (spawned workers); workers
    # forked by a fork server are reaped by it, not by the root, so the tree's sampled own CPU
    # (each process's last sample, ≤ 20 ms short) counts them. The larger is the better bound.
    reaped = usage.ru_utime + usage.ru_stime
    return Run(wall, max(reaped, sum(cpu.values())), peak, code, mono, ended)


def write_submissions(tmp: Path, n: int) -> list[Path]:
    docs = simsite.build_documents()
    out = []
    for k in range(n):
        p = tmp / f"agency{k}.yaml"
        p.write_text(simsite.submission(k, simsite.agency_site(k, docs, False)), encoding="utf-8")
        out.append(p)
    return out


def oit_cmd(sub: Path, out: Path) -> list[str]:
    argv = ["check", str(sub), "--format", "json", "-o", str(out), "--today", TODAY]
    return [sys.executable, "-m", "oit_checker", *argv]


def server_marks(k: int, reset: bool = False) -> dict[str, float | None]:
    url = f"http://{simsite.host(k)}:{simsite.PORT}{simsite.STATS_PATH}{'?reset' if reset else ''}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        return dict(json.loads(resp.read()))


def linkchecker_delay(k: int, on: bool) -> None:
    """LinkChecker's per-host delay (0.1–0.6 s between requests) is lifted only by a
    "LinkChecker" response header; the server sends it while ``on`` is False."""
    url = f"http://{simsite.host(k)}:{simsite.PORT}{simsite.STATS_PATH}?maxrate="
    with urllib.request.urlopen(url + ("off" if on else "on"), timeout=10) as resp:
        resp.read()


def many(subs: list[Path], out: Path) -> Run:
    return timed([sys.executable, str(HERE / "many.py"), str(out), *map(str, subs)])


def linkinator_cmd(urls: list[str]) -> list[str] | None:
    exe = shutil.which("linkinator")
    return None if exe is None else [exe, *urls, "--concurrency", "32", "--format", "json"]


def linkchecker_cmd(urls: list[str], config: Path) -> list[str] | None:
    exe = shutil.which("linkchecker") or shutil.which(
        "linkchecker", path=str(Path(sys.executable).parent)
    )
    if exe is None:
        return None
    opts = ["-f", str(config), "--recursion-level=0", "--no-status", "--no-warnings"]
    return [exe, *opts, "-o", "none", "--threads", "32", *urls]


def submitted_urls(sub: Path) -> list[str]:
    return [
        line.split("- ", 1)[1]
        for line in sub.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- ")
    ]


def fetched_urls(k: int) -> list[str]:
    """Every URL oit-checker fetches for agency ``k``: the submitted pages and the documents
    and pages they link (the site's routes, without the ITA index it is not given)."""
    origin = f"http://{simsite.host(k)}:{simsite.PORT}"
    routes = simsite.agency_site(k, simsite.build_documents(), False)
    return [origin + p for p in sorted(routes) if p != "/ita/"]


def spread(xs: list[float], nd: int = 3) -> dict[str, float]:
    return {
        "median": round(statistics.median(xs), nd),
        "min": round(min(xs), nd),
        "max": round(max(xs), nd),
    }


def med(xs: list[float]) -> float:
    return round(statistics.median(xs), 3)


def big_pdf_readable() -> bool:
    """The 48 MB PDF is under every cap, so extraction reads its text (not "too large")."""
    from oit_checker.extract import extract
    from oit_checker.model import Resource
    from oit_checker.settings import RunSettings

    body = simsite._big_pdf()
    url = "http://bench/o1-big.pdf"
    doc = extract(Resource(url=url, final_url=url, status=200, body=body), RunSettings())
    return doc.readable and "เอกสารขนาดใหญ่" in doc.text


def startup_runs(repeat: int) -> dict[str, dict[str, float]]:
    out = {}
    for name, argv in (("version", ["--version"]), ("help", ["--help"])):
        runs = [timed([sys.executable, "-m", "oit_checker", *argv]) for _ in range(repeat * 2)]
        out[name] = spread([r.wall for r in runs])
    return out


def _verdicts(report: dict[str, Any]) -> list[tuple[str, str, float]]:
    return [(i["id"], i["status"], i["score"]) for i in report["items"]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args()
    compileall.compile_dir(str(ROOT / "oit_checker"), quiet=1)
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
        "startup": startup_runs(args.repeat),
    }
    try:
        with tempfile.TemporaryDirectory() as tmp_s:
            tmp = Path(tmp_s)
            tmp.chmod(0o755)  # LinkChecker run as root drops to "nobody", who must read its config
            subs = write_submissions(tmp, args.agencies)
            delay = tmp / "linkcheckerrc"
            delay.write_text("[checking]\n", encoding="utf-8")  # LinkChecker's defaults
            nodelay = tmp / "linkcheckerrc-nodelay"  # no cap on requests per second either
            nodelay.write_text("[checking]\nmaxrequestspersecond=1000000\n", encoding="utf-8")
            tools = {"oit-checker": oit_cmd(subs[1], tmp / "one.json")}
            # The admin's rerun: --cache primed by one run before the rotation; every URL is
            # still requested (documents answer 304, pages come whole and are hashed).
            warm = [*oit_cmd(subs[1], tmp / "warm.json"), "--cache", str(tmp / "cache")]
            assert timed(warm).code in (0, 1)
            tools["oit-checker-warm"] = warm
            if not args.no_peer:
                peers = {
                    "linkinator": linkinator_cmd(submitted_urls(subs[1])),
                    "linkchecker": linkchecker_cmd(fetched_urls(1), delay),
                    "linkchecker-nodelay": linkchecker_cmd(fetched_urls(1), nodelay),
                }
                tools.update({k: v for k, v in peers.items() if v is not None})
                results["peers_missing"] = sorted(k for k, v in peers.items() if v is None)
            runs: dict[str, list[Run]] = {name: [] for name in tools}
            marks: list[tuple[Run, dict[str, float | None]]] = []
            names = list(tools)
            for r in range(args.repeat):  # A B C D, B C D A, …: interleaved and rotated
                for name in names[r % len(names) :] + names[: r % len(names)]:
                    server_marks(1, reset=True)
                    linkchecker_delay(1, on=name != "linkchecker-nodelay")
                    run = timed(tools[name])
                    assert run.code in (0, 1), (name, run.code)
                    runs[name].append(run)
                    if name == "oit-checker":
                        marks.append((run, server_marks(1)))
            rep = json.loads((tmp / "one.json").read_text(encoding="utf-8"))
            res_one = rep["stats"]["resources"]
            oit = runs["oit-checker"]
            table = {}
            for name, rs in runs.items():
                table[name] = {
                    "wall_s": spread([r.wall for r in rs]),
                    "cpu_s": spread([r.cpu for r in rs]),
                    "peak_rss_mb": med([r.rss for r in rs]),
                    "wall_ratio_oit_over_this": round(
                        med([r.wall for r in oit]) / med([r.wall for r in rs]), 2
                    ),
                }
            table["oit-checker"]["resources"] = res_one
            table["oit-checker"]["cpu_ms_per_resource"] = round(
                1000 * med([r.cpu for r in oit]) / res_one, 1
            )
            table["oit-checker"]["startup_s"] = spread(
                [float(m["first"] or 0) - run.started for run, m in marks]
            )
            table["oit-checker"]["tail_s"] = spread(
                [run.ended - float(m["last"] or 0) for run, m in marks]
            )
            warm_rep = json.loads((tmp / "warm.json").read_text(encoding="utf-8"))
            assert _verdicts(warm_rep) == _verdicts(rep), "a warm cache changed a verdict"
            hot = runs["oit-checker-warm"]
            table["oit-checker-warm"]["cpu_ms_per_resource"] = round(
                1000 * med([r.cpu for r in hot]) / warm_rep["stats"]["resources"], 1
            )
            table["oit-checker-warm"]["cache"] = {
                k: warm_rep["stats"][k] for k in ("resources", "not_modified", "reused", "bytes")
            }
            if "linkinator" in runs:
                table["oit-checker-warm"]["wall_ratio_this_over_linkinator"] = round(
                    med([r.wall for r in hot]) / med([r.wall for r in runs["linkinator"]]), 2
                )
            results["one_agency"] = table
            big = [
                timed(oit_cmd(subs[0], tmp / "big.json")) for _ in range(max(1, args.repeat // 2))
            ]
            big_rep = json.loads((tmp / "big.json").read_text(encoding="utf-8"))
            results["with_48mb_pdf"] = {
                "peak_rss_mb": med([r.rss for r in big]),
                "wall_s": med([r.wall for r in big]),
                "bytes": big_rep["stats"]["bytes"],
                "downloaded_whole": big_rep["stats"]["bytes"] > simsite.BIG_PDF_BYTES,
                "read": big_pdf_readable(),
            }
            many_runs, totals = [], []
            for _ in range(max(1, args.repeat // 2)):
                run = many(subs[1:], tmp / "many.json")
                assert run.code == 0, run.code
                many_runs.append(run)
                totals.append(json.loads((tmp / "many.json").read_text())["resources"])
            results["many_agencies"] = {
                "agencies": len(subs) - 1,
                "wall_s": spread([r.wall for r in many_runs]),
                "peak_rss_mb": med([r.rss for r in many_runs]),
                "resources": totals[0],
                "resources_per_s": round(totals[0] / med([r.wall for r in many_runs]), 1),
                "cpu_ms_per_resource": round(1000 * med([r.cpu for r in many_runs]) / totals[0], 1),
            }
    finally:
        server.terminate()
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out_dir / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
