from oit_checker.model import Link
from tests.helpers import MAIN, ctx, ev, page, res, run, statuses


def test_pass_on_main_host_subdomain_and_without_www():
    for url in (
        MAIN + "ita/o1",
        "https://example.go.th/o1",
        "https://ita.example.go.th/o1",
        "http://www.example.go.th/o1",
    ):
        assert statuses(run("on_main_site", ctx(page(url, "x")))) == [("pass", "on_main_site.ok")]


def test_fail_when_the_submitted_url_is_on_another_host_seed_002():
    for url in (
        "https://sites.google.com/view/ita2563",
        "https://example-go.th/o1",
        "https://notexample.go.th/o1",
        "https://www.example.go.th.evil.com/o1",
    ):
        out = run("on_main_site", ctx(page(url, "x")))
        assert statuses(out) == [("fail", "on_main_site.offsite")], url
        assert out[0].params["main"] == "www.example.go.th"


def test_extra_hosts_count_as_main_site():
    out = run(
        "on_main_site",
        ctx(page("https://old.agency.go.th/o1", "x")),
        extra_hosts=["old.agency.go.th"],
    )
    assert statuses(out) == [("pass", "on_main_site.ok")]


def test_fail_on_a_redirect_off_the_main_site():
    r = res(MAIN + "o1", final_url="https://drive.google.com/file/d/1")
    out = run("on_main_site", ctx(ev(r)))
    assert statuses(out) == [("fail", "on_main_site.redirect_offsite")]


def test_documents_on_sharing_hosts_warn_but_other_offsite_links_do_not():
    links = (
        Link("https://drive.google.com/file/d/abc", "รายงาน"),
        Link("https://www.nacc.go.th/x.pdf", "ป.ป.ช."),
    )
    out = statuses(run("on_main_site", ctx(page(MAIN + "o1", "x"), offsite=links)))
    assert out == [("pass", "on_main_site.ok"), ("warn", "on_main_site.sharing_link")]
