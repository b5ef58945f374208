from oit_checker.model import DocKind, Sheet
from tests.helpers import MAIN, ctx, doc, ev, res, run, statuses

HEADER = ("ปีงบประมาณ", "งานที่ซื้อหรือจ้าง", "สถานะการจัดซื้อจัดจ้าง")
URL = MAIN + "o12.xlsx"


def book(*sheets: Sheet):
    return ctx(ev(res(URL), doc(URL, DocKind.XLSX, "x", sheets=sheets)))


def data(year="2568", rows=3, header=HEADER, status="สิ้นสุดสัญญา", name="แบบ สขร."):
    body = tuple((year, f"งาน {i}", status) for i in range(rows))
    return Sheet(name, 2, header, body, rows)


EXPLAIN = Sheet("คำอธิบายเพิ่มเติม", None, (), (), 0)
PARAMS = dict(
    required_sheets=["แบบ สขร.", "คำอธิบายเพิ่มเติม"],
    data_sheet="แบบ สขร.",
    header=list(HEADER),
    fy_column="ปีงบประมาณ",
    min_rows=1,
    status_column="สถานะ",
    status_values=["สิ้นสุดสัญญา", "สิ้นสุดระยะสัญญา"],
)


def test_pass_on_the_template_as_issued():
    out = run("xlsx_template", book(data(), EXPLAIN), **PARAMS)
    assert statuses(out) == [("pass", "xlsx_template.ok")]


def test_fail_seed_000_deleted_explanation_sheet_names_the_sheet():
    out = run("xlsx_template", book(data()), **PARAMS)
    assert statuses(out) == [("fail", "xlsx_template.sheet_missing")]
    assert out[0].params["sheet"] == "คำอธิบายเพิ่มเติม"


def test_fail_on_sheets_out_of_order():
    out = run("xlsx_template", book(EXPLAIN, data()), **PARAMS)
    assert statuses(out) == [("fail", "xlsx_template.sheet_order")]


def test_header_compared_after_whitespace_normalisation():
    spaced = ("ปีงบ ประมาณ", " งานที่ซื้อ หรือจ้าง ", "สถานะการจัดซื้อจัดจ้าง")
    assert statuses(run("xlsx_template", book(data(header=spaced), EXPLAIN), **PARAMS)) == [
        ("pass", "xlsx_template.ok")
    ]
    renamed = ("ปีงบประมาณ", "ชื่อโครงการ", "สถานะการจัดซื้อจัดจ้าง")
    out = run("xlsx_template", book(data(header=renamed), EXPLAIN), **PARAMS)
    assert ("fail", "xlsx_template.header_mismatch") in statuses(out)
    assert out[0].params["column"] == "งานที่ซื้อหรือจ้าง"


def test_fail_on_wrong_fiscal_year_and_too_few_rows():
    out = run("xlsx_template", book(data(year="2567"), EXPLAIN), **PARAMS)
    assert statuses(out) == [("fail", "xlsx_template.fy_wrong")]
    assert out[0].params["found"] == "2567"
    out = run("xlsx_template", book(data(rows=0), EXPLAIN), **{**PARAMS, "min_rows": 100})
    assert ("fail", "xlsx_template.too_few_rows") in statuses(out)


def test_unknown_status_spelling_is_only_a_warning():
    out = run("xlsx_template", book(data(status="เสร็จแล้ว"), EXPLAIN), **PARAMS)
    assert statuses(out) == [("warn", "xlsx_template.status_unknown"), ("pass", "xlsx_template.ok")]


def test_no_workbook_fails():
    c = ctx(ev(res(URL), doc(URL, DocKind.PDF, "รายการจัดซื้อจัดจ้าง")))
    assert statuses(run("xlsx_template", c, **PARAMS)) == [("fail", "xlsx_template.no_workbook")]
