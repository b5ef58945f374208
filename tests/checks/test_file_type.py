from oit_checker.model import DocKind
from tests.helpers import MAIN, child, ctx, doc, ev, page, res, run, statuses


def test_pass_when_the_workbook_is_submitted_or_linked():
    direct = ctx(ev(res(MAIN + "o12.xlsx"), doc(MAIN + "o12.xlsx", DocKind.XLSX)))
    assert statuses(run("file_type", direct, kinds=["xlsx"])) == [("pass", "file_type.ok")]
    linked = ctx(page(MAIN + "o12", "x"), child(MAIN + "o12", MAIN + "f.xlsx", DocKind.XLSX))
    assert statuses(run("file_type", linked, kinds=["xlsx"])) == [("pass", "file_type.ok")]


def test_fail_when_only_a_pdf_print_of_the_template_is_given():
    c = ctx(page(MAIN + "o12", "x"), child(MAIN + "o12", MAIN + "f.pdf", DocKind.PDF, "x"))
    out = run("file_type", c, kinds=["xlsx"])
    assert statuses(out) == [("fail", "file_type.wrong")]
    assert out[0].params["found"] == "html, pdf"


def test_where_submitted_requires_the_submitted_url_itself():
    c = ctx(page(MAIN + "o12", "x"), child(MAIN + "o12", MAIN + "f.xlsx", DocKind.XLSX))
    out = run("file_type", c, kinds=["xlsx"], where="submitted")
    assert statuses(out) == [("fail", "file_type.wrong")]
