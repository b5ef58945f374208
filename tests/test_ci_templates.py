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
