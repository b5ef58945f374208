"""Submission errors name file, line and field; ids and URLs are normalised."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from oit_checker.checklist.load import load_checklist
from oit_checker.errors import SubmissionError
from oit_checker.submission.load import load_submission, validate_against

HEAD = "agency: อบต.ทดสอบ\nmain_site: https://www.example.go.th/\nitems:\n"


def write(tmp_path: Path, text: str, name: str = "sub.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def err(tmp_path: Path, text: str, **kw) -> SubmissionError:
    with pytest.raises(SubmissionError) as info:
        sub = load_submission(write(tmp_path, text), **kw)
        validate_against(sub, load_checklist("ita-2568"))
    return info.value


def test_yaml_with_id_forms_lists_and_thai_urls(tmp_path):
    sub = load_submission(
        write(
            tmp_path,
            HEAD
            + """\
  o1: https://www.example.go.th/ita/o1
  O 12:
    - https://www.example.go.th/ita/รายงาน ประจำปี.xlsx
    - https://www.example.go.th/ita/o12b.xlsx
  O๐๒๘: https://WWW.Example.go.th:443/ita/o28#top
""",
        )
    )
    assert [i.id for i in sub.items] == ["O1", "O12", "O28"]
    assert sub.urls("O12")[0] == (
        "https://www.example.go.th/ita/%E0%B8%A3%E0%B8%B2%E0%B8%A2"
        "%E0%B8%87%E0%B8%B2%E0%B8%99%20%E0%B8%9B%E0%B8%A3%E0%B8%B0"
        "%E0%B8%88%E0%B8%B3%E0%B8%9B%E0%B8%B5.xlsx"
    )
    assert sub.urls("O28") == ("https://www.example.go.th/ita/o28",)
    assert sub.agency == "อบต.ทดสอบ" and sub.main_site == "https://www.example.go.th/"


def test_unknown_item_id_names_line(tmp_path):
    e = err(
        tmp_path, HEAD + "  O1: https://www.example.go.th/a\n  O29: https://www.example.go.th/b\n"
    )
    assert e.line == 5 and "O29" in e.message and "O1–O28" in e.message


def test_not_an_item_id(tmp_path):
    e = err(tmp_path, HEAD + "  O1: https://www.example.go.th/a\n  ข้อหนึ่ง: https://x.go.th/\n")
    assert e.line == 5 and e.field == "items.ข้อหนึ่ง"


def test_duplicate_item_in_two_spellings_and_same_key(tmp_path):
    e = err(
        tmp_path, HEAD + "  O12: https://www.example.go.th/a\n  o12: https://www.example.go.th/b\n"
    )
    assert e.line == 5 and "duplicate item O12" in e.message
    e = err(
        tmp_path, HEAD + "  O12: https://www.example.go.th/a\n  O12: https://www.example.go.th/b\n"
    )
    assert e.line == 5 and "duplicate" in e.message


def test_malformed_urls(tmp_path):
    for bad in ("www.example.go.th/o1", "ftp://example.go.th/x", "https://", "''"):
        e = err(tmp_path, HEAD + f"  O1: {bad}\n")
        assert e.line == 4 and e.field == "items.O1", bad


def test_missing_main_site_and_unknown_key_and_unreadable(tmp_path):
    e = err(tmp_path, "items:\n  O1: https://www.example.go.th/a\n")
    assert e.field == "main_site"
    e = err(tmp_path, HEAD + "  O1: https://www.example.go.th/a\nmainsite: x\n")
    assert e.line == 5 and e.field == "mainsite"
    with pytest.raises(SubmissionError, match="file not found"):
        load_submission(tmp_path / "nope.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(HEAD.encode() + "  O1: https://x.go.th/\xe9\n".encode("latin-1"))
    with pytest.raises(SubmissionError, match="UTF-8"):
        load_submission(bad)


def test_csv_with_repeated_items_and_cli_main_site(tmp_path):
    p = write(
        tmp_path,
        "item,url\nO12,https://www.example.go.th/a.xlsx\nO12,"
        "https://www.example.go.th/b.xlsx\nO 1,https://www.example.go.th/o1\n",
        "sub.csv",
    )
    sub = load_submission(p, main_site="https://www.example.go.th/", agency="x")
    assert sub.urls("O12") == (
        "https://www.example.go.th/a.xlsx",
        "https://www.example.go.th/b.xlsx",
    )
    with pytest.raises(SubmissionError) as info:
        load_submission(
            write(tmp_path, "item,url\nO1,not a url\n", "bad.csv"),
            main_site="https://www.example.go.th/",
        )
    assert info.value.line == 2 and info.value.field == "url"


def test_xlsx_submission(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["item", "url"])
    ws.append(["O7", "https://www.example.go.th/o7.pdf"])
    ws.append(["O99", "https://www.example.go.th/x"])
    p = tmp_path / "sub.xlsx"
    wb.save(p)
    sub = load_submission(p, main_site="https://www.example.go.th/")
    with pytest.raises(SubmissionError) as info:
        validate_against(sub, load_checklist("ita-2568"))
    assert info.value.line == 3 and info.value.file == str(p)


def test_credentials_in_a_submitted_url_are_refused(tmp_path):
    """An ITA URL is public; user:pass@ would be sent as Basic auth (exit 2 from the CLI)."""
    p = tmp_path / "s.yaml"
    p.write_text(HEAD + "  O1: https://admin:secret@www.example.go.th/ita/o1\n", encoding="utf-8")
    with pytest.raises(SubmissionError) as info:
        load_submission(p)
    assert info.value.line == 4 and "credentials" in info.value.message


def test_a_yaml_alias_bomb_is_an_input_error_not_a_memory_error(tmp_path):
    """The 593-byte "billion laughs": bounded expansion, exit 2 naming the file."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    p = tmp_path / "bomb.yaml"
    p.write_text("\n".join(lines) + "\nitems: {O1: https://www.example.go.th/}\n", encoding="utf-8")
    with pytest.raises(SubmissionError, match="expands too far"):
        load_submission(p)
    from oit_checker.cli import main

    assert main(["check", str(p)]) == 2
