from oit_checker.model import DocKind, ErrorKind
from tests.helpers import MAIN, child, ctx, ev, page, res, run, statuses


def test_pass_on_a_page_that_opens():
    out = run("reachable", ctx(page(MAIN + "ita/o1", "โครงสร้าง")))
    assert statuses(out) == [("pass", "reachable.ok")]


def test_fail_on_404():
    out = run("reachable", ctx(ev(res(MAIN + "gone", 404, error=ErrorKind.HTTP_4XX))))
    assert statuses(out) == [("fail", "reachable.broken")]
    assert out[0].params["reason"] == "http_4xx" and out[0].url == MAIN + "gone"


def test_fail_on_each_network_error_kind():
    for kind in (
        ErrorKind.TIMEOUT,
        ErrorKind.DNS,
        ErrorKind.REDIRECT_LOOP,
        ErrorKind.TOO_LARGE,
        ErrorKind.DEADLINE,
        ErrorKind.CONNECT,
    ):
        out = run("reachable", ctx(ev(res(MAIN + "x", None, error=kind))))
        assert statuses(out) == [("fail", "reachable.broken")], kind
        assert out[0].params["reason"] == kind.value


def test_invalid_certificate_is_a_warning_by_default_and_fail_when_configured():
    c = ctx(ev(res(MAIN + "o1", tls_error="self-signed certificate")))
    assert ("warn", "reachable.tls_invalid") in statuses(run("reachable", c))
    assert ("fail", "reachable.tls_invalid") in statuses(run("reachable", c, tls_invalid="fail"))


def test_broken_linked_document_is_reported_as_warning():
    parent = page(MAIN + "o7", "รายงาน")
    broken = ev(res(MAIN + "r.pdf", 404, error=ErrorKind.HTTP_4XX), depth=1, submitted=MAIN + "o7")
    good = child(MAIN + "o7", MAIN + "ok.pdf", DocKind.PDF, "x")
    out = statuses(run("reachable", ctx(parent, broken, good)))
    assert out == [("pass", "reachable.ok"), ("warn", "reachable.broken_link")]
