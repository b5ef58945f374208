"""Thai first on the command line: help, status lines and errors follow --lang / OIT_LANG, and
neither language leaks into the other (issue 12)."""

import argparse
import re

import pytest

from oit_checker.cli import build_parser, main

THAI = re.compile(r"[\u0e00-\u0e7f]")


def help_texts(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    out = [("(top)", parser.description or "")]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            out += [(c.dest, c.help or "") for c in action._choices_actions]
            for name, sp in action.choices.items():
                out += [(f"{name} {k}", v) for k, v in help_texts(sp)]
        elif action.help and action.help != argparse.SUPPRESS:
            out.append(("/".join(action.option_strings) or action.dest, action.help))
    return out


def test_every_help_text_is_thai_in_a_thai_run():
    texts = help_texts(build_parser("th"))
    assert len(texts) > 60
    english = [(where, text) for where, text in texts if not THAI.search(text)]
    assert not english, english


def test_no_thai_in_the_english_help():
    texts = help_texts(build_parser("en"))
    thai = [(where, text) for where, text in texts if THAI.search(text)]
    assert not thai, thai


@pytest.mark.parametrize(
    ("argv", "env", "want", "unwanted"),
    [
        (["--help"], {}, "วิธีใช้: oit-checker", "usage:"),
        (["check", "--help"], {}, "รหัสเมื่อจบ", "exit codes"),
        (["check", "--help", "--lang", "en"], {}, "exit codes:", "วิธีใช้"),
        (["check", "--lang=en", "--help"], {}, "usage: oit-checker check", "ตัวเลือก"),
        (["--help"], {"OIT_LANG": "en"}, "examples:", "ตัวอย่าง"),
    ],
)
def test_help_follows_the_language(capsys, monkeypatch, argv, env, want, unwanted):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert want in out and unwanted not in out


@pytest.mark.parametrize(
    ("argv", "thai", "english"),
    [
        (["check"], "ต้องระบุ: SUBMISSION", "the following arguments are required"),
        (["check", "x.yaml", "--format", "pdf"], "ค่าไม่ถูกต้อง 'pdf'", "invalid choice"),
        (["check", "x.yaml", "--today", "2025-13-01"], "ไม่ใช่วันที่", "not a date"),
    ],
)
def test_usage_errors_follow_the_language(capsys, argv, thai, english):
    with pytest.raises(SystemExit) as done:
        main(argv)
    err = capsys.readouterr().err
    assert done.value.code == 2 and thai in err and english not in err
    with pytest.raises(SystemExit):
        main([*argv, "--lang", "en"])
    err = capsys.readouterr().err
    assert english in err and thai not in err
