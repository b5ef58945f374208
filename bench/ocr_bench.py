"""OCR accuracy and cost on Thai scans made here, and what OCR adds to an agency's check.

    python3 bench/ocr_bench.py [--repeat 3]

* Accuracy by resolution: A4 pages drawn at 200 dpi from Thai fonts (tests/scans.py), clean
  and degraded (1.5° rotation, blur, stamp, JPEG 60), with Arabic-digit and Thai-digit years,
  wrapped into image-only PDFs and read through ``extract.ocr.read_pdf_pages`` at 150, 200 and
  300 dpi. Character accuracy is 1 − edit distance / length over the text without spaces;
  "year right" is the BE year read exactly; "date found" is the signature date found by the
  date finder on the OCR text; confidence is Tesseract's mean word confidence.
* Cost: seconds per page (medians), peak RSS of the Tesseract processes.
* An agency whose documents are one third scans (12 items), checked by the CLI with
  ``--ocr never`` and ``--ocr auto``, interleaved, medians of ``--repeat``.

Results are printed and written to bench/results/ocr.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from oit_checker.demo.files import make_pdf  # noqa: E402
from oit_checker.extract import ocr  # noqa: E402
from oit_checker.settings import RunSettings  # noqa: E402
from oit_checker.thaidate import find_dates  # noqa: E402
from oit_checker.thaitext import normalize  # noqa: E402
from tests import scans  # noqa: E402
from tests.e2e.conftest import TODAY, submission  # noqa: E402
from tests.sites import Scenario, html  # noqa: E402


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def accuracy(truth: str, got: str) -> float:
    t, g = (normalize(x).replace(" ", "").replace("\n", "") for x in (truth, got))
    return max(0.0, 1 - distance(t, g) / max(1, len(t)))


def accuracy_table() -> list[dict[str, object]]:
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="oit-ocr-bench-"))
    for size in (40, 28):  # 14 pt and 10 pt at 200 dpi
        for thai_digits in (False, True):
            lines = scans.no_gift_lines(thai_digits=thai_digits)
            truth = "\n".join(lines)
            for degraded in (False, True):
                img = scans.page(
                    lines,
                    size=size,
                    rotate=1.5 if degraded else 0,
                    blur=0.8 if degraded else 0,
                    stamp=degraded,
                )
                pdf = tmp / "scan.pdf"
                pdf.write_bytes(make_pdf([], scans=[scans.jpeg(img, 60 if degraded else 90)]))
                for dpi in (150, 200, 300):
                    rows.append(_one(pdf, dpi, truth, size, thai_digits, degraded))
                    print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return rows


def _one(pdf: Path, dpi: int, truth: str, size: int, thai: bool, degraded: bool) -> dict:
    started = time.monotonic()
    pages, _ = ocr.read_pdf_pages(str(pdf), 1, dpi, 60)
    took = time.monotonic() - started
    got = pages[0] if pages else ocr.OcrText("", 0.0, 0)
    text = normalize(got.text)
    masked = ocr.mask_implausible_years(text, 2025)
    years = set(re.findall(r"(?<!\d)25\d\d(?!\d)", masked))
    return {
        "font_px": size,
        "digits": "thai" if thai else "arabic",
        "scan": "degraded" if degraded else "clean",
        "dpi": dpi,
        "char_accuracy": round(accuracy(truth, got.text), 3),
        "year_right": "2568" in text,
        # a wrong year that survived masking could fail a recency rule: must stay 0
        "wrong_plausible_years": sorted(years - {"2568", "2567"}),
        "date_found": dt.date(2024, 10, 15) in {s.start for s in find_dates(text, normalized=True)},
        "confidence": round(got.confidence, 1),
        "seconds": round(took, 2),
    }


def agency_runs(repeat: int) -> dict[str, object]:
    """12 items, 4 of them scans; CLI wall time with and without OCR, interleaved."""
    tmp = Path(tempfile.mkdtemp(prefix="oit-ocr-agency-"))
    items = ["O1", "O3", "O4", "O5", "O6", "O9", "O14", "O15", "O20", "O21", "O23", "O25"]
    with Scenario(tmp) as site:
        urls = {}
        for n, item_id in enumerate(items):
            lines = [*scans.no_gift_lines(), f"{item_id} คู่มือ ขั้นตอน ระยะเวลา ปี 2568"]
            if n % 3 == 0:
                data = make_pdf([], scans=[scans.jpeg(scans.page(lines, rotate=1, blur=0.6))])
            else:
                data = make_pdf([lines])
            doc = site.file(f"/files/{item_id}.pdf", data, "application/pdf")
            urls[item_id] = site.page(
                f"/ita/{item_id}", html(item_id, "เอกสาร", links=[(doc, "ดาวน์โหลด")])
            )
        sub = submission(tmp, site.url("/"), urls)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OIT_")}
        env.update({"PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
        walls: dict[str, list[float]] = {"never": [], "auto": []}
        for _ in range(repeat):
            for mode in ("never", "auto"):
                started = time.monotonic()
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "oit_checker",
                        "check",
                        str(sub),
                        "--today",
                        TODAY,
                        "--ocr",
                        mode,
                        "--format",
                        "json",
                        "-o",
                        str(tmp / f"{mode}.json"),
                    ],
                    env=env,
                    cwd=str(tmp),
                    check=False,
                    capture_output=True,
                )
                walls[mode].append(time.monotonic() - started)
        manual = {}
        for mode in ("never", "auto"):
            report = json.loads((tmp / f"{mode}.json").read_text(encoding="utf-8"))
            manual[mode] = sum(1 for i in report["items"] if i["status"] == "manual")
    return {
        "items": len(items),
        "scans": sum(1 for n in range(len(items)) if n % 3 == 0),
        "wall_s_median": {m: round(statistics.median(w), 2) for m, w in walls.items()},
        "wall_s_all": {m: [round(x, 2) for x in w] for m, w in walls.items()},
        "manual_items": manual,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if ocr.problem():
        sys.exit(f"OCR unavailable: {ocr.problem()} ({ocr.HOW_TO_ENABLE})")
    rows = accuracy_table()
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    agency = agency_runs(args.repeat)
    print(json.dumps(agency, ensure_ascii=False))
    per_dpi = {
        dpi: round(statistics.median(r["seconds"] for r in rows if r["dpi"] == dpi), 2)
        for dpi in (150, 200, 300)
    }
    out = {
        "settings": {"default_dpi": RunSettings().ocr_dpi},
        "accuracy": rows,
        "seconds_per_page_median": per_dpi,
        "tesseract_peak_rss_mb": round(rss, 1),
        "agency": agency,
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "ocr.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print("seconds per page (median):", per_dpi, "tesseract peak RSS MB:", round(rss, 1))


if __name__ == "__main__":
    main()
