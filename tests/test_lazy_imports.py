"""Which modules the command line may load before it knows what to do (issue 15).

``--version`` and ``--help`` are run dozens of times by an admin and by every CI job; they
must not pay for the HTTP stack, the pydantic models of the checks, the reporters or the
document parsers. A fresh interpreter per case, because this test process has loaded
everything already. This pins *what* is imported, never how long it takes.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = {
    "asyncio",
    "charset_normalizer",
    "httpcore",
    "httpx",
    "openpyxl",
    "playwright",
    "pydantic",
    "pypdfium2",
    "python_calamine",
    "rich",
    "selectolax",
    "sqlite3",
    "ssl",
    "yaml",
}
# The command line's own light layer: argument parsing, messages, settings, item ids.
ALLOWED_OWN = {
    "oit_checker",
    "oit_checker.cli",
    "oit_checker.cli._common",
    "oit_checker.cli._lean",
    "oit_checker.cli.check",
    "oit_checker.cli.checklists",
    "oit_checker.cli.demo",
    "oit_checker.cli.discover",
    "oit_checker.cli.help_th",
    "oit_checker.cli.nightly",
    "oit_checker.cli.report",
    "oit_checker.cli.submission",
    "oit_checker.errors",
    "oit_checker.gate",
    "oit_checker.i18n",
    "oit_checker.itemid",
    "oit_checker.messages",
    "oit_checker.messages.en",
    "oit_checker.messages.th",
    "oit_checker.model",
    "oit_checker.reporters",
    "oit_checker.reporters.base",
    "oit_checker.rewrite",
    "oit_checker.settings",
    "oit_checker.texts",
    "oit_checker.thaitext",
    "oit_checker.urls",
}

PROBE = """
import json, sys
import oit_checker.cli as cli
try:
    cli.main(sys.argv[1:]) if sys.argv[1:] else None
except SystemExit:
    pass
print(json.dumps(sorted(k for k, v in sys.modules.items() if v is not None)), file=sys.stderr)
"""  # a None entry is an import declined (oit_checker.cli._lean), not a module loaded


def loaded(*argv: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "argv", [(), ("--version",), ("--help",), ("check", "--help"), ("nightly", "--help")]
)
def test_the_command_line_loads_nothing_heavy_before_a_command_runs(argv):
    mods = loaded(*argv)
    assert not {m.split(".")[0] for m in mods} & HEAVY
    assert {m for m in mods if m.startswith("oit_checker")} <= ALLOWED_OWN


def test_the_probe_sees_heavy_modules_when_they_are_loaded():
    """The pin can fail: importing the engine brings in httpx and pydantic."""
    mods = set(
        json.loads(
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import json,sys,oit_checker.engine;print(json.dumps(sorted(sys.modules)))",
                ],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout
        )
    )
    assert {"httpx", "pydantic"} <= {m.split(".")[0] for m in mods}
    assert "pypdfium2" not in {m.split(".")[0] for m in mods}  # parsers load in the workers


NEVER_IN_A_CHECK = {"click", "pygments", "httpx._main", "rich.syntax"}


def test_a_check_never_loads_httpx_command_line_and_builds_tls_off_the_main_thread(tmp_path):
    """httpx imports its own CLI (click, pygments, rich) whenever click is installed, as Dask
    installs it: a check declines it. The TLS context is built by the helper thread that the
    command starts first, before the engine loads."""
    import importlib.util

    sub = tmp_path / "sub.yaml"
    sub.write_text(
        "main_site: http://127.0.0.1:9/\nchecklist: ita-2568\nitems: {O1: http://127.0.0.1:9/o1}\n",
        encoding="utf-8",
    )
    argv = ("check", str(sub), "--format", "json", "-o", str(tmp_path / "r.json"), "-q")
    mods = loaded(*argv)
    assert (tmp_path / "r.json").exists() and "httpx" in mods  # it really ran
    if importlib.util.find_spec("click") is not None:  # the case this guards
        assert not mods & NEVER_IN_A_CHECK
    probe = (
        "import sys, threading; from oit_checker.fetch import tls; seen = []\n"
        "orig = tls._build\n"
        "tls._build = lambda *a: seen.append(threading.current_thread().name) or orig(*a)\n"
        "from oit_checker.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(seen)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "['oit-tls']", done.stderr[-2000:]


def test_check_parameter_models_build_their_validators_only_when_used():
    """Loading every check defines every parameter model, but a model's validator is built
    on its first validation (``defer_build``): a checklist that never names a check does not
    pay for it at start-up. Validation itself still runs in full when the model is used."""
    code = (
        "import json, oit_checker.checks as c\n"
        "from oit_checker.params import Params\n"
        "def every(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub; yield from every(sub)\n"
        "models = [m for m in every(Params)]\n"
        "before = [m.__name__ for m in models if m.__pydantic_complete__]\n"
        "spec = c.get('keywords')\n"
        "spec.params.model_validate({'groups': [['ก']]})\n"
        "try:\n"
        "    spec.params.model_validate({'groups': [['ก']], 'nope': 1})\n"
        "    refused = False\n"
        "except Exception:\n"
        "    refused = True\n"
        "print(json.dumps([len(models), before, spec.params.__pydantic_complete__, refused]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    count, built_early, built_on_use, refused = json.loads(done.stdout)
    assert count >= 5 and built_early == [] and built_on_use and refused
