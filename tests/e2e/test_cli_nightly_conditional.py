"""Between nights, an unchanged document is not downloaded again (304) and a changed one is
reported as changed; verdicts stay the same."""

import json

from oit_checker.demo.files import make_pdf
from tests.e2e.conftest import run_nightly, submission
from tests.sites import PLAN_TEXT, etagged, html


def test_unchanged_documents_are_not_downloaded_again(tmp_path, scenario):
    page = html("O25", "แผน", [("/o25.pdf", "ดาวน์โหลด")]).encode()
    scenario.route("/o25", etagged(page, '"p1"'))
    scenario.route(
        "/o25.pdf",
        etagged(make_pdf([[PLAN_TEXT]]), '"v1"', "application/pdf"),
    )
    sub = submission(tmp_path, scenario.url("/"), {"O25": scenario.url("/o25")})
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text(
        f"agencies:\n  - name: อบต.หนึ่ง\n    submission: {sub.name}\n", encoding="utf-8"
    )

    def night(day):
        assert run_nightly(tmp_path, agencies, day) == 0
        data = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
        [agency] = data["agencies"]
        report = json.loads(
            (tmp_path / "out" / agency["report"].replace(".html", ".json")).read_text(
                encoding="utf-8"
            )
        )
        return agency, report

    first, _ = night("2025-03-29")
    assert first["documents_unchanged"] == 0
    second, report = night("2025-03-30")
    assert second["documents_unchanged"] == 2 and second["documents_changed"] == 0
    assert [i["status"] for i in report["items"] if i["id"] == "O25"] == ["pass"]
    conditional = [h for h in scenario.headers_seen if h.get("If-None-Match")]
    assert {h["If-None-Match"] for h in conditional} == {'"p1"', '"v1"'}
    scenario.route(
        "/o25.pdf",
        etagged(make_pdf([["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567"]]), '"v2"', "application/pdf"),
    )  # the plan is replaced
    third, report = night("2025-03-31")
    assert third["documents_changed"] == 1 and third["documents_unchanged"] == 1
    o25 = next(i for i in report["items"] if i["id"] == "O25")
    assert o25["status"] == "fail"  # the new document is judged, not last night's


def test_an_unchanged_body_without_validators_is_not_extracted_again(tmp_path, scenario, extracted):
    """A server with no ETag or Last-Modified: the same bytes tonight reuse last night's
    document (a scan is not read by OCR again), and the verdict is the same."""
    calls = extracted
    pdf = scenario.file("/o25.pdf", make_pdf([[PLAN_TEXT]]), "application/pdf")
    page = scenario.page("/o25", html("O25", "แผน", [(pdf, "ดาวน์โหลด")]))
    sub = submission(tmp_path, scenario.url("/"), {"O25": page})
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text(
        f"agencies:\n  - name: อบต.หนึ่ง\n    submission: {sub.name}\n", encoding="utf-8"
    )
    for day in ("2025-03-30", "2025-03-31"):
        calls.clear()
        assert run_nightly(tmp_path, agencies, day) == 0
    assert pdf not in calls and page not in calls  # night two: nothing extracted again
    assert scenario.hits["/o25.pdf"] == 2  # but downloaded: nothing tells it is unchanged
