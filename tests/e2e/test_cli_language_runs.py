"""Thai runs say nothing in English, English runs nothing in Thai (issue 12), across check,
discover, nightly, history, checklists, report and submission, on a local agency site with
a broken link, a wrong-year document and a missing item.

What may stay in the other script: data (agency names, titles, URLs, file names, quoted
evidence) and the tool's vocabulary (OIT, ITA, URL, HTTP, PDF, flag names). Everything else
a person reads is checked word by word.
"""

import re
from pathlib import Path

import pytest

from oit_checker.cli import main
from tests.e2e.conftest import TODAY, submission
from tests.sites import PLAN_TEXT, STRUCTURE_TEXT, html

# ASCII words a Thai sentence legitimately holds
VOCABULARY = {
    "tool",
    "email",
    "e-mail",
    "line",
    "online",
    "toml",
    "pyproject",
    "auto",
    "never",
    "always",
    "oit",
    "ita",
    "url",
    "urls",
    "http",
    "https",
    "html",
    "pdf",
    "xlsx",
    "json",
    "yaml",
    "csv",
    "excel",
    "itas",
    "nacc",
    "checker",
    "ocr",
    "tls",
    "junit",
    "markdown",
    "table",
    "sqlite",
    "chromium",
    "tesseract",
    "gift",
    "policy",
    "service",
    "e–service",
    "no",
}
COMMANDS = re.compile(r"oit-checker(?: [a-z]+)?|--?[a-z][\w-]*")  # the tool, its commands, flags
FIELD = re.compile(r":\d+: [\w.\[\]!-]+:|\b(main_site|submission|items|agency|checklist):")
# stable check ids (has_data, not_soft_404), and the id a rule line starts with ("✓ reachable:")
CHECK_IDS = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|[✓?] [a-z_0-9]+:")
URLISH = re.compile(r"(https?://|file://)\S+|\S+\.(yaml|json|html|xlsx|csv|sqlite|pdf)\b|/\S+")
THAI = re.compile(r"[\u0e00-\u0e7f]")


def english_words(text: str, data: set[str]) -> list[str]:
    for d in sorted(data, key=len, reverse=True):
        text = text.replace(d, " ")
    text = FIELD.sub(" ", text)  # "file:3: main_site:" names a key of the file: a contract
    text = URLISH.sub(" ", text)
    text = COMMANDS.sub(" ", text)
    text = CHECK_IDS.sub(" ", text)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text)
    return [
        w
        for w in words
        if w.lower() not in VOCABULARY and not w.startswith(("ita-", "ITA-")) and not w.isupper()
    ]


def site(tmp_path, scenario) -> tuple[Path, set[str]]:
    pages = {
        "O1": scenario.page("/ita/o1", html("O1", STRUCTURE_TEXT)),
        "O25": scenario.page("/ita/o25", html("O25", PLAN_TEXT.replace("2568", "2566"))),
        "O21": scenario.url("/ita/gone"),
    }
    scenario.page(
        "/",
        '<html><head><title>อบต.ภาษา</title></head><body><a href="/ita/">ITA</a></body></html>',
    )
    scenario.page(
        "/ita/",
        "<html><body><h1>ITA 2568</h1>"
        + "".join(f'<p>{k} เรื่อง <a href="{v}">เปิด</a></p>' for k, v in pages.items())
        + "</body></html>",
    )
    sub = submission(tmp_path, scenario.url("/"), pages)
    # data: names, the page's own words (headings, link texts) quoted in discover's comments
    return sub, {"อบต.ภาษา", "อบต.ทดสอบ", "[gone]", "องค์การบริหารส่วนตำบลตัวอย่าง", "ไม่มีใคร"}


def run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as done:  # --help
        code = int(done.code or 0)
    got = capsys.readouterr()
    return code, got.out + got.err


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_command_speaks_one_language(tmp_path, scenario, capsys, lang):
    sub, data = site(tmp_path, scenario)
    flag = ["--lang", lang]
    report = tmp_path / "r.json"
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text(
        f"agencies:\n  - name: อบต.ทดสอบ\n    submission: {sub.name}\n"
        "  - name: ไม่มี\n    submission: none.yaml\n",
        encoding="utf-8",
    )
    db = tmp_path / "h.sqlite"
    runs = [
        ["check", str(sub), "--today", TODAY, *flag],
        ["check", str(sub), "--today", TODAY, "--format", "json", "-o", str(report), *flag],
        ["check", str(sub), "--today", TODAY, "--require", "O1,O21", "--fail-under", "90", *flag],
        ["check", str(sub), "--today", TODAY, "--baseline", str(report), *flag],
        ["check", str(sub), "--require", "O99", *flag],
        ["check", "https://www.example.go.th/", *flag],
        ["report", str(report), "--format", "table", *flag],
        ["report", str(report), "--format", "markdown", *flag],
        [
            "discover",
            scenario.url("/"),
            "--year",
            "2568",
            "--today",
            TODAY,
            "--browser",
            "never",
            *flag,
        ],
        [
            "nightly",
            str(agencies),
            "--db",
            str(db),
            "--out",
            str(tmp_path / "out"),
            "--today",
            TODAY,
            *flag,
        ],
        ["history", "อบต.ทดสอบ", "--db", str(db), *flag],
        ["history", "ไม่มีใคร", "--db", str(db), *flag],
        ["checklists", "list", *flag],
        ["checklists", "show", "ita-2568", *flag],
        ["checklists", "validate", "checklists/ita-2568.yaml", str(tmp_path / "x.yaml"), *flag],
        ["submission", "validate", str(sub), *flag],
        ["check", "--help", *flag],
    ]
    leaks = {}
    for argv in runs:
        _, out = run(argv, capsys)
        assert out.strip() or "-o" in argv, argv
        if lang == "th":
            words = english_words(out, data)
            if words:
                leaks[" ".join(argv[:2])] = sorted(set(words))[:12]
        elif argv[:2] not in (["checklists", "list"], ["checklists", "show"]):
            # (the checklists' own titles, topics and keyword lists are Thai data: the words
            # searched for in Thai documents; their English frame is checked by the Thai run)
            for d in data:
                out = out.replace(d, "")
            out = re.sub(r'found under "[^"]*"|# เปิด|"[^"]*เรื่อง"', "", out)  # the page's words
            thai = [line for line in out.splitlines() if THAI.search(line)]
            if thai:
                leaks[" ".join(argv[:2])] = thai[:3]
    assert not leaks, leaks
