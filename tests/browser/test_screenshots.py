"""--screenshots: evidence pictures taken in real headless Chromium, embedded in the HTML."""

import json
import shutil

import pytest

from oit_checker.cli import main
from oit_checker.fetch import browser
from tests.e2e.conftest import TODAY, submission
from tests.sites import PLAN_TEXT, html

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium not installed (.ci/run installs it)"
)


@needs_chromium
def test_screenshots_are_saved_and_embedded(tmp_path, scenario):
    url = scenario.page("/o25", html("O25", PLAN_TEXT))
    sub = submission(tmp_path, scenario.url("/"), {"O25": url, "O1": scenario.url("/gone")})
    shots, page, data = tmp_path / "shots", tmp_path / "r.html", tmp_path / "r.json"
    assert (
        main(
            [
                "check",
                str(sub),
                "--today",
                TODAY,
                "--screenshots",
                str(shots),
                "--format",
                "html",
                "-o",
                str(page),
                "--format",
                "json",
                "-o",
                str(data),
            ]
        )
        == 0
    )
    files = sorted(p.name for p in shots.iterdir())
    assert "O25-1.jpg" in files and (shots / "O25-1.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
    assert "data:image/jpeg;base64," in page.read_text(encoding="utf-8")
    listed = json.loads(data.read_text(encoding="utf-8"))["screenshots"]
    assert {"url": url, "file": str(shots / "O25-1.jpg")} in listed


def test_no_browser_means_no_pictures_not_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(browser, "chromium_path", lambda: None)  # Playwright's own is absent too
    shots, problem = browser.capture([("O1-1", "http://127.0.0.1:9/")], tmp_path / "s")
    assert shots == () and problem
