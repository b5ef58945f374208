"""The hostile corpus end to end: one agency whose every item points at a hostile file or
server, checked by the real CLI in its own process under an address-space limit.

What must hold: the run ends by itself with exit 0, every hostile item is a finding (not a
pass, not a crash), the two control items are judged as usual, every output is written and
well-formed, and the process stays within a few hundred MB. Wall time and RSS are liveness
bounds (far above what the run takes), not timing claims; bench/hostile.py measures them.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from openpyxl import load_workbook

from tests.e2e.conftest import TODAY, submission
from tests.hostile_corpus import CONTROL_ITEMS, hostile_env, run_limited, serve

GB = 1024**3


def test_the_hostile_corpus_is_findings_in_an_intact_report(tmp_path, scenario):
    urls = serve(scenario)
    sub = submission(tmp_path, scenario.url("/"), urls)
    out = {
        fmt: tmp_path / f"r.{ext}"
        for fmt, ext in (
            ("json", "json"),
            ("html", "html"),
            ("xlsx", "xlsx"),
            ("junit", "xml"),
            ("table", "txt"),
        )
    }
    argv = [sys.executable, "-m", "oit_checker", "check", str(sub), "--today", TODAY]
    for fmt, path in out.items():
        argv += ["--format", fmt, "-o", str(path)]
    run = run_limited(
        argv,
        hostile_env(str(Path(__file__).resolve().parents[2]), str(tmp_path / "work")),
        memory=6 * GB,
        timeout=100,
        log=str(tmp_path / "err.txt"),
        cwd=str(tmp_path),
    )
    err = (tmp_path / "err.txt").read_text(encoding="utf-8", errors="replace")
    assert run.rc == 0, err[-2000:]
    assert run.peak_rss_mb < 1500, run  # liveness bound: the bombs were 1–3 GB before

    report = json.loads(out["json"].read_text(encoding="utf-8"))
    status = {i["id"]: i["status"] for i in report["items"]}
    for item_id in urls:
        if item_id in CONTROL_ITEMS:
            continue
        assert status[item_id] != "pass", (item_id, urls[item_id])
        findings = next(i for i in report["items"] if i["id"] == item_id)["findings"]
        assert any(f["status"] != "pass" for f in findings), item_id
    assert status["O2"] == "pass"  # a bad byte in a Thai UTF-8 page keeps it readable
    assert status["O25"] == "pass"

    reasons = json.dumps(report, ensure_ascii=False)
    for reason in ("too_complex", "too_large_unzipped", "blocked_address", "redirect_loop"):
        assert reason in reasons, reason
    assert "unsupported content encoding 'br'" in reasons

    page = out["html"].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "\x1b" not in page
    ET.fromstring(out["junit"].read_bytes())  # well-formed XML 1.0
    book = load_workbook(io.BytesIO(out["xlsx"].read_bytes()))
    cells = [str(c.value) for row in book.worksheets[1].iter_rows() for c in row if c.value]
    assert not any(v.startswith("=") for v in cells)
    assert "\x1b" not in out["table"].read_text(encoding="utf-8")
