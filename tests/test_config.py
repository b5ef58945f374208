"""The settings file (oit-checker.toml / [tool.oit-checker]): flags > environment > file."""

import argparse

import pytest

from oit_checker import config
from oit_checker.cli import _command_parser, build_parser, main
from oit_checker.cli._common import settings_from
from oit_checker.errors import InputError


def parse(tmp_path, monkeypatch, toml: str, argv: list[str], name: str = "oit-checker.toml"):
    (tmp_path / name).write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    parser = build_parser("en")
    args = parser.parse_args(argv)
    config.apply(args, config.load(config.find(None), argv[0], _command_parser(parser, argv)))
    return args


def test_file_fills_unset_flags_and_flags_win(tmp_path, monkeypatch):
    toml = 'checklist = "ita-2567"\nper-host = 2\nformat = ["json"]\n[check]\nfail_under = 80\n'
    args = parse(tmp_path, monkeypatch, toml, ["check", "s.yaml", "--per-host", "6"])
    assert args.checklist == "ita-2567" and args.fail_under == 80.0 and args.format == ["json"]
    assert settings_from(args).per_host == 6  # the flag beats the file


def test_environment_beats_the_file_and_the_file_beats_defaults(tmp_path, monkeypatch):
    for name in ("OIT_READ_TIMEOUT", "OIT_MAX_BYTES", "OIT_RETRIES"):  # the suite sets some
        monkeypatch.delenv(name, raising=False)
    toml = "timeout = 5\nmax-size = 2\nretries = 1\n"
    args = parse(tmp_path, monkeypatch, toml, ["check", "s.yaml"])
    s = settings_from(args)
    assert (s.read_timeout, s.max_bytes, s.retries) == (5.0, 2 * 1024 * 1024, 1)
    monkeypatch.setenv("OIT_READ_TIMEOUT", "9")
    assert settings_from(args).read_timeout == 9.0


def test_pyproject_table_is_found(tmp_path, monkeypatch):
    toml = (
        '[project]\nname = "x"\n\n[tool.oit-checker]\nlang = "en"\n'
        "[tool.oit-checker.nightly]\nat-once = 9\n"
    )
    args = parse(tmp_path, monkeypatch, toml, ["nightly", "a.yaml"], "pyproject.toml")
    assert args.at_once == 9 and settings_from(args).lang == "en"


def test_a_command_table_applies_to_that_command_only(tmp_path, monkeypatch):
    args = parse(tmp_path, monkeypatch, "[nightly]\nat-once = 9\n", ["check", "s.yaml"])
    assert not hasattr(args, "at_once")


@pytest.mark.parametrize(
    ("toml", "line", "field", "words"),
    [
        ("lang = 'en'\nfail-undr = 3\n", 2, "fail-undr", "did you mean 'fail-under'"),
        ("browser = 'sometimes'\n", 1, "browser", "use one of auto, never, always"),
        ("insecure = 'yes'\n", 1, "insecure", "true or false"),
        ("per-host = [1, 2]\n", 1, "per-host", "not a list"),
        ("today = '2025-13-01'\n", 1, "today", "not a date"),
    ],
)
def test_bad_keys_and_values_name_file_line_and_key(
    tmp_path, monkeypatch, toml, line, field, words
):
    with pytest.raises(InputError) as info:
        parse(tmp_path, monkeypatch, toml, ["check", "s.yaml"])
    e = info.value
    assert (e.line, e.field) == (line, field) and words in e.message
    assert e.file.endswith("oit-checker.toml")


def test_broken_toml_and_cli_exit_2_with_every_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "oit-checker.toml").write_text("a = 1\nb = = 2\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "s.yaml", "--lang", "en"]) == 2
    assert "oit-checker.toml:2: not valid TOML" in capsys.readouterr().err
    (tmp_path / "oit-checker.toml").write_text("nope = 1\nper-host = 'x'\n", "utf-8")
    assert main(["check", "s.yaml"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "ไม่รู้จักคีย์ 'nope'" in err[0] and ":2: per-host:" in err[1]


def test_explicit_config_and_quiet(tmp_path, monkeypatch, capsys):
    cfg = tmp_path / "team.toml"
    cfg.write_text('lang = "en"\nquiet = true\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["checklists", "validate", "none.yaml", "--config", str(cfg)]) == 2
    assert "file not found" in capsys.readouterr().err  # English from the file
    parser = build_parser("en")
    args = parser.parse_args(["check", "s.yaml", "-q", "--config", str(cfg)])
    assert isinstance(args, argparse.Namespace) and args.quiet
