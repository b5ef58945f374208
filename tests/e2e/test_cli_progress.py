"""Progress on a real terminal (a pseudo-terminal): rich bars over known totals per stage;
``-q`` silences status lines, ``-v`` prints one line per fetch; pipes get neither bar."""

import os
import pty
import select
import subprocess
import sys
import time


def on_a_terminal(*argv: str) -> tuple[int, str]:
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["COLUMNS"] = "100"
    proc = subprocess.Popen(
        [sys.executable, "-m", "oit_checker", *argv],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    out = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    return proc.returncode, out.decode("utf-8", "replace")


def test_a_bar_per_stage_with_the_submitted_total_known_up_front(tmp_path):
    code, out = on_a_terminal("demo", "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code == 0
    assert "เปิด URL ที่ส่ง" in out and "อ่านเอกสาร" in out and "━" in out
    assert " 0/28" in out and "28/28" in out  # the total is there from the first frame


def test_quiet_and_verbose(tmp_path):
    code, out = on_a_terminal("demo", "-q", "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code == 0 and "━" not in out and "oit-checker:" not in out
    code, out = on_a_terminal(
        "demo", "-v", "--lang", "en", "--format", "json", "-o", str(tmp_path / "r.json")
    )
    assert code == 0 and "━" not in out
    assert out.count("oit-checker: fetched http://127.0.0.1") >= 28


def test_no_bar_into_a_pipe(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "oit_checker", "demo", "--format", "json"],
        capture_output=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "CI"},
    )
    assert done.returncode == 0 and "━" not in done.stderr.decode()
