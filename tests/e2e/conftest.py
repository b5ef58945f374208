"""End-to-end helpers: write a submission for a scenario site, run the real CLI, read JSON."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oit_checker.cli import main

TODAY = "2025-03-31"


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """Liveness bound, not a timing assertion: a hung run fails instead of blocking CI."""

    def boom(*_: object) -> None:
        raise TimeoutError("end-to-end run did not finish within 120 s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def submission(
    tmp: Path, main_site: str, items: dict[str, str | list[str]], checklist: str = "ita-2568"
) -> Path:
    lines = [
        "agency: องค์การบริหารส่วนตำบลตัวอย่าง",
        f"main_site: {main_site}",
        f"checklist: {checklist}",
        "items:",
    ]
    for item, urls in items.items():
        if isinstance(urls, str):
            lines.append(f"  {item}: {urls}")
        else:
            lines.append(f"  {item}:")
            lines.extend(f"    - {u}" for u in urls)
    p = tmp / "submission.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def run_cli(tmp: Path, sub: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    out = tmp / "report.json"
    code = main(["check", str(sub), "--format", "json", "-o", str(out), "--today", TODAY, *extra])
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return code, report


def item(report: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in report["items"] if i["id"] == item_id)


def codes(report: dict[str, Any], item_id: str, status: str = "fail") -> list[str]:
    return [f["code"] for f in item(report, item_id)["findings"] if f["status"] == status]


def run_nightly(tmp: Path, agencies: Path, day: str, *extra: str) -> int:
    """`nightly` with the database at tmp/h.sqlite and the pages under tmp/out."""
    db, out = tmp / "h.sqlite", tmp / "out"
    return main(
        ["nightly", str(agencies), "--db", str(db), "--out", str(out), "--today", day, *extra]
    )


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs each run reads (extracts), in the order read: shows what a cache spared."""
    from oit_checker import evidence

    calls: list[str] = []
    real = evidence.extract_document

    async def counted(settings: Any, res: Any) -> Any:
        calls.append(res.url)
        return await real(settings, res)

    monkeypatch.setattr(evidence, "extract_document", counted)
    return calls
