"""Submissions as admins really keep them in Excel and CSV (issue 12), and every error at once."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from oit_checker.checklist.load import load_checklist
from oit_checker.cli import main
from oit_checker.errors import SubmissionError
from oit_checker.submission.load import load_submission, validate_against

SITE = "https://www.example.go.th/"


def book(tmp_path: Path, sheets: dict[str, list[list[object]]], name: str = "s.xlsx") -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    p = tmp_path / name
    wb.save(p)
    return p


def test_two_urls_in_one_cell_are_two_urls_not_one_glued_bad_url(tmp_path):
    p = book(
        tmp_path,
        {
            "ITA": [
                ["ข้อ", "URL"],
                ["O1", f"{SITE}ita/o1.html\n{SITE}ita/o1-chart.pdf"],
                ["O2", f"{SITE}ita/o2.html  {SITE}ita/o2b.html"],
            ]
        },
    )
    sub = load_submission(p, main_site=SITE)
    assert sub.urls("O1") == (f"{SITE}ita/o1.html", f"{SITE}ita/o1-chart.pdf")
    assert sub.urls("O2") == (f"{SITE}ita/o2.html", f"{SITE}ita/o2b.html")


def test_a_url_with_a_space_in_its_path_stays_one_url(tmp_path):
    p = book(tmp_path, {"A": [["item", "url"], ["O7", f"{SITE}ita/รายงาน ประจำปี.pdf"]]})
    (url,) = load_submission(p, main_site=SITE).urls("O7")
    assert url.endswith("%20%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%88%E0%B8%B3%E0%B8%9B%E0%B8%B5.pdf")


def test_hyperlink_cells_give_their_target(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["ข้อ", "ลิงก์"])
    ws.append(["O1", "คลิกที่นี่"])
    ws["B2"].hyperlink = f"{SITE}ita/o1.html"
    ws.append(["O2", f'=HYPERLINK("{SITE}ita/o2.html","เปิดเอกสาร")'])
    p = tmp_path / "links.xlsx"
    wb.save(p)
    sub = load_submission(p, main_site=SITE)
    assert sub.urls("O1") == (f"{SITE}ita/o1.html",)
    assert sub.urls("O2") == (f"{SITE}ita/o2.html",)


def test_url_column_found_by_thai_header_behind_a_title_column(tmp_path):
    """``ข้อ, รายการ, URL``: the title is not the URL."""
    p = book(
        tmp_path,
        {
            "Sheet1": [
                ["แบบสรุปการส่ง OIT ประจำปี 2568"],
                ["หน่วยงาน", "อบต.ตัวอย่าง"],
                ["เว็บไซต์หลัก", SITE],
                [],
                ["ลำดับ", "ข้อ", "รายการ", "URL", "หมายเหตุ"],
                [1, "O1", "โครงสร้าง", f"{SITE}ita/o1.html", "ok"],
                [2, "O2", "ข้อมูลผู้บริหาร", f"{SITE}ita/o2.html", ""],
            ]
        },
    )
    sub = load_submission(p)  # agency and main site come from the sheet's block
    assert sub.agency == "อบต.ตัวอย่าง" and sub.main_site == SITE
    assert [i.id for i in sub.items] == ["O1", "O2"]
    assert sub.urls("O2") == (f"{SITE}ita/o2.html",)


@pytest.mark.parametrize(
    ("id_head", "url_head"),
    [("รหัสข้อ", "ลิงก์"), ("Item No", "Link"), ("item id", "ที่อยู่ URL"), ("ID", "ลิงค์")],
)
def test_headers_in_thai_or_english(tmp_path, id_head, url_head):
    p = book(tmp_path, {"S": [["หมายเหตุ", id_head, url_head], ["x", "O12", f"{SITE}o12.xlsx"]]})
    assert load_submission(p, main_site=SITE).urls("O12") == (f"{SITE}o12.xlsx",)


def test_the_table_on_the_second_sheet_is_found(tmp_path):
    p = book(
        tmp_path,
        {
            "คำอธิบาย": [["กรอกข้อมูลในชีตถัดไป"], ["ติดต่อ", "02-000-0000"]],
            "รายการ": [["ข้อ", "URL"], ["O5", f"{SITE}o5"], ["O6", f"{SITE}o6"]],
        },
    )
    sub = load_submission(p, main_site=SITE)
    assert [i.id for i in sub.items] == ["O5", "O6"] and sub.items[0].field == "รายการ!B2"


def test_no_header_table_found_by_content(tmp_path):
    p = book(tmp_path, {"S": [["O1 โครงสร้าง", "x", f"{SITE}a"], ["O๒ ผู้บริหาร", "y", f"{SITE}b"]]})
    sub = load_submission(p, main_site=SITE)
    assert sub.urls("O1") == (f"{SITE}a",) and sub.urls("O2") == (f"{SITE}b",)


def test_merged_item_rows_and_section_headings(tmp_path):
    p = book(
        tmp_path,
        {
            "S": [
                ["ข้อ", "URL"],
                ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", None],
                ["O12", f"{SITE}o12.xlsx"],
                [None, f"{SITE}o12-page.html"],  # merged cell: the same item
                ["O13", None],  # left blank: the item is not submitted
            ]
        },
    )
    sub = load_submission(p, main_site=SITE)
    assert sub.urls("O12") == (f"{SITE}o12.xlsx", f"{SITE}o12-page.html")
    assert sub.urls("O13") == ()


def test_unrecognised_headers_get_a_hint(tmp_path):
    p = book(tmp_path, {"S": [["หัวข้อ", "ที่มา"], ["โครงสร้าง", "เว็บ"]]})
    with pytest.raises(SubmissionError) as info:
        load_submission(p, main_site=SITE)
    assert "ลิงก์" in info.value.message and "item" in info.value.message


def test_every_error_of_the_file_at_once_with_cell_names(tmp_path):
    p = book(
        tmp_path,
        {
            "ITA": [
                ["ข้อ", "URL"],
                ["O1", "www.example.go.th/o1"],
                ["O2", f"{SITE}o2"],
                ["O3", "ftp://x"],
                ["O99", f"{SITE}o99"],
            ]
        },
    )
    with pytest.raises(SubmissionError) as info:
        load_submission(p, main_site=SITE)
    found = [(e.line, e.field) for e in info.value.all]
    assert found == [(2, "ITA!B2"), (4, "ITA!B4")]
    sub = load_submission(
        book(tmp_path, {"S": [["ข้อ", "URL"], ["O99", f"{SITE}x"]]}, "b.xlsx"), main_site=SITE
    )
    with pytest.raises(SubmissionError) as info:
        validate_against(sub, load_checklist("ita-2568"))
    assert info.value.field == "S!B2"


def test_yaml_reports_every_error_and_suggests_the_key(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text(f"main_site: {SITE}\nitem:\n  O1: x\nagnecy: y\nyear: 68\n", encoding="utf-8")
    with pytest.raises(SubmissionError) as info:
        load_submission(p)
    messages = [e.message for e in info.value.all]
    assert any("did you mean 'items'" in m for m in messages)
    assert any("did you mean 'agency'" in m for m in messages)
    assert any("Buddhist-Era" in m for m in messages)


def test_yaml_value_with_two_urls_on_two_lines(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text(f"main_site: {SITE}\nitems:\n  O1: |\n    {SITE}a\n    {SITE}b\n", "utf-8")
    assert load_submission(p).urls("O1") == (f"{SITE}a", f"{SITE}b")


def test_windows_874_csv_with_extra_columns(tmp_path):
    p = tmp_path / "s.csv"
    p.write_bytes(
        "ลำดับ,ข้อ,รายการ,ลิงก์\n1,O1,โครงสร้าง,https://www.example.go.th/o1\n".encode("cp874")
    )
    assert load_submission(p, main_site=SITE).urls("O1") == (f"{SITE}o1",)


def test_cli_prints_every_error_and_exits_2(tmp_path, capsys):
    p = tmp_path / "s.yaml"
    p.write_text(f"main_site: {SITE}\nitems:\n  O1: nope\n  O2: also nope\n", "utf-8")
    assert main(["check", str(p), "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith(f"oit-checker: error: {p}:3: items.O1:")


def test_a_url_given_to_check_points_to_discover(capsys):
    assert main(["check", "https://www.example.go.th/"]) == 2
    err = capsys.readouterr().err
    assert "oit-checker discover https://www.example.go.th/" in err and "ไม่ใช่ไฟล์" in err


def test_a_tab_in_yaml_is_named(tmp_path, capsys):
    p = tmp_path / "s.yaml"
    p.write_text(f"main_site: {SITE}\nitems:\n\tO1: {SITE}\n", "utf-8")
    assert main(["check", str(p)]) == 2
    assert "แท็บ" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "none.yaml"), "--lang", "en"]) == 2
    assert "file not found" in capsys.readouterr().err


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _cells(path: Path) -> list[list[list[object]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]


@pytest.mark.parametrize("cid", ["ita-2565", "ita-2566", "ita-2567", "ita-2568", "ita-2569"])
def test_shipped_templates_are_current_and_have_the_id_dropdown(tmp_path, cid):
    from openpyxl import load_workbook

    from oit_checker.submission.template import build

    built = tmp_path / "t.xlsx"
    built.write_bytes(build(load_checklist(cid)))
    shipped = EXAMPLES / f"submission-template-{cid}.xlsx"
    assert _cells(shipped) == _cells(built), "run write_examples to refresh examples/"
    ws = load_workbook(shipped)["ITA"]
    (dv,) = ws.data_validations.dataValidation
    ids = load_checklist(cid).item_ids
    assert dv.type == "list" and dv.formula1.strip('"').split(",") == list(ids)
    assert [r[0] for r in ws.iter_rows(min_row=7, values_only=True)] == list(ids)


def test_filled_template_checks_as_it_is(tmp_path, capsys):
    from openpyxl import load_workbook

    p = tmp_path / "mine.xlsx"
    assert main(["submission", "template", "--year", "2568", "-o", str(p)]) == 0
    assert main(["submission", "validate", str(p)]) == 2  # empty: main site and URLs missing
    err = capsys.readouterr().err
    assert "เว็บไซต์หลัก" in err and "คอลัมน์ URL" in err
    wb = load_workbook(p)
    ws = wb["ITA"]
    ws["B2"], ws["B3"] = "อบต.ทดสอบ", SITE
    ws["C7"] = f"{SITE}ita/o1.html\n{SITE}ita/o1.pdf"
    ws["C8"] = "https://drive.google.com/file/d/x"
    wb.save(p)
    assert main(["submission", "validate", str(p), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "valid — 2 items, 3 URLs, checklist ita-2568" in out
    assert "O2: https://drive.google.com/file/d/x is not on the main website" in out
    assert "not submitted: O3," in out


def test_validate_shows_unknown_items_and_bad_urls_together(tmp_path, capsys):
    p = tmp_path / "s.csv"
    p.write_text(f"ข้อ,URL\nO1,nope\nO29,{SITE}x\n", "utf-8")
    assert main(["submission", "validate", str(p), "--main-site", SITE, "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and ":2: URL:" in err[0] and "O29" in err[1]


def test_shipped_csv_template_loads_once_filled(tmp_path):
    text = (EXAMPLES / "submission-template-ita-2568.csv").read_text("utf-8")
    text = text.replace("https://", SITE, 1).replace("O1,โครงสร้างและอำนาจหน้าที่,,", f"O1,x,{SITE}o1,")
    p = tmp_path / "s.csv"
    p.write_text(text, "utf-8")
    sub = load_submission(p)
    assert (
        sub.main_site == SITE and sub.checklist == "ita-2568" and sub.urls("O1") == (f"{SITE}o1",)
    )
