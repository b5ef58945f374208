"""`discover: true` agencies in a night: their ITA page is found and checked like a submission."""

from oit_checker.history.store import Store
from tests import discover_sites
from tests.e2e.conftest import run_nightly
from tests.sites import Scenario


def test_a_discover_agency_is_crawled_then_checked(tmp_path, scenario, capsys):
    site = discover_sites.cms(scenario)
    with Scenario(tmp_path / "b") as other:  # a site with no ITA page at all
        other.page("/", discover_sites.page("เทศบาลไม่มีหน้า ITA", "<p>ข่าว</p>"))
        agencies = tmp_path / "agencies.yaml"
        agencies.write_text(
            "agencies:\n"
            "  - name: อบต.ค้นเอง\n"
            f"    main_site: {site.home}\n"
            "    discover: true\n"
            "    checklist: ita-2568\n"
            "  - name: เทศบาลไม่มีหน้า ITA\n"
            f"    main_site: {other.url('/')}\n"
            "    discover: true\n"
            "  - name: ขาดเว็บไซต์\n"
            "    discover: true\n",
            encoding="utf-8",
        )
        db = tmp_path / "h.sqlite"
        code = run_nightly(tmp_path, agencies, "2025-03-31", "--browser", "never")
    err = capsys.readouterr().err
    assert code == 2  # the row without a website is bad input; the others still ran
    assert "agencies.yaml:9: main_site:" in err  # the row without a website, by line
    store = Store(db)
    found = store.report_json("อบต.ค้นเอง")
    with_urls = {i["id"] for i in found["items"] if i["urls"]}
    assert with_urls == set(site.expected)  # every item the page links, nothing else
    assert found["agency"]["name"] == "อบต.ค้นเอง"
    empty = store.report_json("เทศบาลไม่มีหน้า ITA")
    store.close()
    assert {i["status"] for i in empty["items"]} == {"missing"}
