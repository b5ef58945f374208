"""The command's fast exit: the exit hooks run and every byte of output is written before
the process ends; a thread still working gets the ordinary, waiting exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from oit_checker.cli import main

PROBE = """
import atexit, sys, threading, time
from pathlib import Path
out = Path(sys.argv[1])
atexit.register(lambda: (out / "hook").write_text("ran"))
atexit.register(lambda: sys.stdout.write("written by an exit hook"))  # buffered, unflushed
if sys.argv[2] == "thread":
    def late():
        time.sleep(0.5)
        (out / "thread").write_text("done")
    threading.Thread(target=late).start()  # not a daemon: the exit must wait for it
sys.argv = ["oit-checker", "checklists", "show", "ita-2568", "--lang", "en"]
from oit_checker.cli import run
run()
"""


def probe(tmp_path: Path, mode: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as a user's
    return subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), mode],
        capture_output=True,
        timeout=120,
        env=env,
    )


def test_output_and_exit_hooks_survive_the_fast_exit(tmp_path, capsys):
    assert main(["checklists", "show", "ita-2568", "--lang", "en"]) == 0
    expected = capsys.readouterr().out.encode()
    assert len(expected) > 20_000  # more than one pipe buffer: a lost flush would show
    done = probe(tmp_path, "plain")
    assert done.returncode == 0
    assert done.stdout.replace(b"\r\n", b"\n") == expected + b"written by an exit hook"
    assert (tmp_path / "hook").read_text() == "ran"


def test_a_working_thread_is_waited_for(tmp_path):
    done = probe(tmp_path, "thread")
    assert done.returncode == 0
    assert (tmp_path / "thread").read_text() == "done"
    assert (tmp_path / "hook").read_text() == "ran"


def test_the_exit_code_is_kept(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("items: [\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "oit_checker", "checklists", "validate", str(bad)],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 2 and b"bad.yaml" in done.stderr
