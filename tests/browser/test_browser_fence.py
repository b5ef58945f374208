"""A script-drawn page in real Chromium cannot reach other hosts or pass as the main site.

The page (on the main site) loads a script and data from another host and then navigates
there: the other host sees only the stylesheet request, and the item is judged off-site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import STRUCTURE_TEXT, Scenario

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium not installed (.ci/run installs it)"
)

O1_TEXT = "<h1>โครงสร้างหน่วยงาน</h1><p>" + (STRUCTURE_TEXT + " ") * 5 + "</p>"


def shell(other: str, leave: bool) -> str:
    go = f"location.href = '{other}/o1';" if leave else ""
    return f"""<html><head><title>O1</title>
<link rel="stylesheet" href="{other}/style.css">
<script src="{other}/evil.js"></script></head><body><div id="app">กำลังโหลดข้อมูล...</div>
<script>
fetch('{other}/beacon').catch(() => 0);
setTimeout(() => {{
  document.getElementById('app').innerHTML = {O1_TEXT!r};
  {go}
}}, 50);
</script></body></html>"""


def test_a_drawn_page_reaches_no_other_host_and_leaving_is_off_site(tmp_path, scenario):
    with Scenario(Path(tmp_path), host="127.0.0.2") as other:
        other.page("/o1", "<html><body>" + O1_TEXT + "</body></html>")
        other.page("/evil.js", "document.title = 'x';")
        other.page("/beacon", "{}")
        other.page("/style.css", "body { color: #000 }")
        stay = scenario.page("/ita/o1", shell(other.origin, leave=False))
        sub = submission(tmp_path, scenario.url("/"), {"O1": stay})
        code, report = run_cli(tmp_path, sub, "--browser", "always")
        assert code == 0
        assert item(report, "O1")["status"] == "pass"  # drawn from its own site: judged
        leave = scenario.page("/ita/o1b", shell(other.origin, leave=True))
        sub = submission(tmp_path, scenario.url("/"), {"O1": leave})
        code, report = run_cli(tmp_path, sub, "--browser", "always")
        assert item(report, "O1")["status"] == "fail"
        assert "on_main_site.redirect_offsite" in codes(report, "O1")
        # scripts, XHR and the navigation never reached the other host; a stylesheet may
        assert other.hits["/evil.js"] == 0 and other.hits["/beacon"] == 0
        assert other.hits["/o1"] == 0
