"""Control characters from a crawled site break no output; a bad byte keeps UTF-8 as UTF-8;
an internal error is exit 3, never the gate's 1."""

import dataclasses
import io
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from oit_checker import reporters
from oit_checker.extract.html import decode
from oit_checker.reporters.base import Options
from oit_checker.thaitext import normalize
from tests.test_reporters import fixed_report

EVIL = "อบต.\x1b[2J\x01ตัวอย่าง\x7f"


def evil_report():
    r = fixed_report()
    items = (dataclasses.replace(r.items[0], title=EVIL), *r.items[1:])
    return dataclasses.replace(r, agency=EVIL, items=items)


def test_every_output_survives_control_characters():
    r = evil_report()
    table = str(reporters.render("table", r, Options("th", color=True)))
    assert "\x1b[2J" not in table and "\x01" not in table
    junit = str(reporters.render("junit", r, Options("en")))
    suite = ET.fromstring(junit.split("\n", 1)[1])  # well-formed XML 1.0
    assert "อบต.[2Jตัวอย่าง" in suite.get("name")
    book = load_workbook(io.BytesIO(reporters.render("xlsx", r, Options("th"))))
    assert book["สรุป"]["B1"].value == "อบต.[2Jตัวอย่าง"
    for name in ("html", "json", "markdown"):  # JSON escapes it as \u0001
        assert "\x01" not in str(reporters.render(name, r, Options("th"))), name


def test_extraction_drops_control_characters():
    assert normalize("ประกาศ\x00\x1b ปี 2568\x9f") == "ประกาศ ปี 2568"


def test_a_bad_byte_or_a_cut_inside_a_thai_character_keeps_utf8():
    page = "<html><body>แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568</body></html>".encode()
    damaged = page[:12] + b"\xff" + page[12:]  # one invalid byte between characters
    assert "แผนปฏิบัติการ" in decode(damaged, "text/html; charset=utf-8")
    assert "แผนปฏิบัติการ" in decode(damaged, None)
    cut = page[: len(page) - 20]  # the size cap lands inside a Thai character
    assert "ป้องกันการทุจริต" in decode(cut[:-1], None)


def test_an_internal_error_exits_3_with_one_line(monkeypatch, capsys, tmp_path):
    from oit_checker import cli
    from oit_checker.cli import report

    def boom(args):
        raise RuntimeError("something broke")

    monkeypatch.setattr(report, "run", boom)
    p = tmp_path / "r.json"
    p.write_text("{}", encoding="utf-8")
    assert cli.main(["report", str(p)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error: RuntimeError: something broke" in err[0]


def saved_report(tmp_path):
    from oit_checker.reportfile import to_dict

    p = tmp_path / "saved.json"
    import json

    p.write_text(json.dumps(to_dict(fixed_report(), "th"), ensure_ascii=False), encoding="utf-8")
    return p


def test_an_output_that_cannot_be_written_costs_that_output_only(capsys, tmp_path):
    from oit_checker import cli

    saved = saved_report(tmp_path)
    good_json, good_html = tmp_path / "r.json", tmp_path / "r.html"
    bad = tmp_path / "missing-dir" / "r.xlsx"
    args = ["report", str(saved), "--format", "xlsx", "-o", str(bad)]
    args += ["--format", "json", "-o", str(good_json), "--format", "html", "-o", str(good_html)]
    assert cli.main(args) == 2  # not the gate's 1
    err = capsys.readouterr().err
    assert str(bad) in err and "xlsx" in err and "เขียนรายงาน" in err
    assert good_json.exists() and good_html.exists()  # written after the failed one


def test_a_reporter_that_breaks_costs_that_output_only(monkeypatch, capsys, tmp_path):
    from oit_checker import cli

    real = reporters.render

    def render(fmt, report, options):
        if fmt == "junit":
            raise RuntimeError("reporter bug")
        return real(fmt, report, options)

    monkeypatch.setattr(reporters, "render", render)
    saved = saved_report(tmp_path)
    out = tmp_path / "r.md"
    args = ["report", str(saved), "--format", "junit", "-o", str(tmp_path / "j.xml")]
    args += ["--format", "markdown", "-o", str(out), "--lang", "en"]
    assert cli.main(args) == 3
    assert "cannot write the junit report" in capsys.readouterr().err
    assert out.exists() and not (tmp_path / "j.xml").exists()


def test_a_failed_write_keeps_the_previous_report_whole(monkeypatch, tmp_path):
    from oit_checker.cli import _common

    target = tmp_path / "r.json"
    target.write_text("previous good report", encoding="utf-8")

    def full(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(target), "write_bytes", full)
    with pytest.raises(OSError):
        _common.write_output("new report", str(target))
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "previous good report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary left behind
