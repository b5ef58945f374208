"""An endless response is capped (too_large) without the body ever being held in memory."""

import resource

from tests.e2e.conftest import item, run_cli, submission
from tests.sites import endless


def test_endless_body_is_capped_without_memory_growth(tmp_path, scenario, monkeypatch):
    monkeypatch.setenv("OIT_MAX_BYTES", str(64 * 1024 * 1024))
    monkeypatch.setenv("OIT_DEADLINE", "60")
    url = scenario.route("/o1", endless())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), {"O1": url}))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    broken = [f for f in item(report, "O1")["findings"] if f["code"] == "reachable.broken"]
    assert broken and broken[0]["params"]["reason"] == "too_large"
    assert grown_mb < 48, f"peak RSS grew by {grown_mb:.0f} MB while streaming 64 MB"
