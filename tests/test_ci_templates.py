"""The GitHub Action and GitLab template parse, and every flag they pass exists in the CLI."""

import re
from pathlib import Path

import yaml

from oit_checker.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def check_flags() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return {opt for action in sub.choices["check"]._actions for opt in action.option_strings}


def test_action_and_gitlab_template_use_real_flags():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert {"submission", "fail-under", "require", "baseline", "rewrite"} <= set(action["inputs"])
    assert action["runs"]["using"] == "composite"
    gitlab = yaml.safe_load((ROOT / "ci" / "gitlab-oit-checker.yml").read_text(encoding="utf-8"))
    assert gitlab["oit-checker"]["artifacts"]["reports"]["junit"] == "oit-junit.xml"
    scripts = (ROOT / "action.yml").read_text(encoding="utf-8") + (
        ROOT / "ci" / "gitlab-oit-checker.yml"
    ).read_text(encoding="utf-8")
    used = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", scripts))
    assert used <= check_flags(), used - check_flags()


def test_the_document_cache_is_opt_in_and_kept_where_check_writes_it():
    """Off unless asked (a CI gate's first contract is the same verdict); when asked, the
    folder CI keeps between runs is the one ``--cache`` is given."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["cache"]["default"] == "false"
    [restore] = [
        s for s in action["runs"]["steps"] if s.get("uses", "").startswith("actions/cache")
    ]
    assert restore["if"] == "inputs.cache == 'true'"
    [check] = [s for s in action["runs"]["steps"] if s.get("name") == "Check the submission"]
    assert f"--cache {restore['with']['path']})" in check["run"]
    gitlab = yaml.safe_load((ROOT / "ci" / "gitlab-oit-checker.yml").read_text(encoding="utf-8"))
    job = gitlab["oit-checker"]
    assert job["variables"]["OIT_USE_CACHE"] == "false"
    [path] = job["cache"]["paths"]
    assert f"--cache {path}" in "\n".join(job["script"])
