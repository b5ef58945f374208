"""Two nights over three local agencies, with a change between them."""

import json
import sqlite3

from oit_checker.cli import main
from tests.e2e.conftest import run_nightly, submission
from tests.sites import PLAN_TEXT, STRUCTURE_TEXT, html

PLAN = html("O25", PLAN_TEXT)


def write_agencies(tmp_path, scenario):
    subs = {}
    for name, items in (
        ("อบต.หนึ่ง", {"O25": scenario.page("/a1/o25", PLAN), "O1": scenario.url("/a1/o1")}),
        ("อบต.สอง", {"O25": scenario.page("/a2/o25", PLAN)}),
        ("อบต.สาม", {"O25": scenario.page("/a3/o25", PLAN)}),
    ):
        d = tmp_path / name
        d.mkdir()
        subs[name] = submission(d, scenario.url("/"), items)
    lines = ["agencies:"]
    places = {"อบต.หนึ่ง": "เชียงใหม่", "อบต.สอง": "เชียงใหม่", "อบต.สาม": "ลำพูน"}
    for name, path in subs.items():
        lines += [f"  - name: {name}", f"    submission: {path.relative_to(tmp_path)}"]
        lines += [f"    จังหวัด: {places[name]}", "    type: อบต."]  # optional grouping columns
    lines += ["  - name: ไม่มีไฟล์", "    submission: nowhere.yaml"]  # a bad row
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return agencies


def night(tmp_path, agencies, day, capsys, *extra):
    code = run_nightly(tmp_path, agencies, day, *extra)
    return code, capsys.readouterr().err


def test_two_nights_record_fixed_and_new_failures(tmp_path, scenario, capsys):
    agencies = write_agencies(tmp_path, scenario)
    code, err = night(tmp_path, agencies, "2025-03-30", capsys)
    assert code == 2 and "agencies.yaml:14: submission:" in err and "ข้าม 1 แถว" in err
    scenario.page("/a1/o1", html("O1", STRUCTURE_TEXT))  # agency one fixes O1
    scenario.page("/a2/o25", html("O25", "ย้ายแล้ว"), status=404)  # agency two breaks O25
    received = []

    def hook(h, s):
        received.append(json.loads(h.rfile.read(int(h.headers["Content-Length"]))))
        h.send_body(204, b"")

    scenario.routes["/hook"] = hook
    code, err = night(
        tmp_path,
        agencies,
        "2025-03-31",
        capsys,
        "--webhook",
        scenario.url("/hook"),
        "--site-url",
        "https://oit.example.go.th/nightly/",
    )
    assert code == 2  # the bad row of the agencies file still needs fixing
    assert [a["agency"] for a in received[0]["worse"]] == ["อบต.สอง"]
    assert received[0]["worse"][0]["new_failures"] == ["O25"]  # one message for the night
    assert len(received) == 1 and received[0]["dashboard"] == (
        "https://oit.example.go.th/nightly/index.html"
    )
    link = received[0]["worse"][0]["dashboard"]
    assert link.startswith("https://oit.example.go.th/nightly/") and link.endswith("-history.html")
    summary = {
        a["agency"]: a
        for a in json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))[
            "agencies"
        ]
    }
    assert summary["อบต.หนึ่ง"]["fixed"] == ["O1"] and summary["อบต.หนึ่ง"]["new_failures"] == []
    assert summary["อบต.สอง"]["new_failures"] == ["O25"]
    assert summary["อบต.สาม"]["change"] == 0.0 and summary["อบต.สาม"]["persisting"] == []
    assert summary["อบต.สาม"]["province"] == "ลำพูน" and summary["อบต.สาม"]["type"] == "อบต."
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    fleet = json.loads(index.split('id="fleet">', 1)[1].split("</script>", 1)[0])
    assert sorted(a["name"] for a in fleet) == ["อบต.สอง", "อบต.สาม", "อบต.หนึ่ง"]
    assert {a["province"] for a in fleet} == {"เชียงใหม่", "ลำพูน"}
    province = index.split('<select id="province"', 1)[1].split("</select>", 1)[0]
    assert province.index("เชียงใหม่") < province.index("ลำพูน")  # Thai order, from the file
    assert '<select id="district"' not in index  # no agency has a district: no filter
    # O25: failing at none of the three agencies last night, at one tonight
    o25 = index.split("<td>O25</td>", 1)[1].split("</tr>", 1)[0]
    assert "+33 จุด" in o25 and "<polyline" in o25
    worse = index.split('id="worse">', 1)[1].split("</section>", 1)[0]
    better = index.split('id="better">', 1)[1].split("</section>", 1)[0]
    assert "อบต.สอง" in worse and "O25" in worse and "อบต.หนึ่ง" in better
    page = next((tmp_path / "out").glob("*สอง-history.html")).read_text(encoding="utf-8")
    assert "ตั้งแต่ 2025-03-31" in page and "<polyline" in page  # O25 broke tonight; the chart
    assert ".xlsx" in page and (tmp_path / "out").glob("*สอง.xlsx")
    one = next((tmp_path / "out").glob("*หนึ่ง-history.html")).read_text(encoding="utf-8")
    assert "ตั้งแต่ 2025-03-30" not in one.split("<td>O1</td>", 1)[1].split("</tr>", 1)[0]
    db = sqlite3.connect(tmp_path / "h.sqlite")
    assert db.execute("SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL").fetchone() == (2,)
    assert db.execute("SELECT COUNT(*) FROM agency_runs").fetchone() == (6,)
    assert main(["history", "อบต.สอง", "--db", str(tmp_path / "h.sqlite")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line[:10] for line in out] == ["2025-03-30", "2025-03-31"]


def test_rerun_of_the_same_night_resumes_and_the_lock_holds(tmp_path, scenario, capsys):
    agencies = write_agencies(tmp_path, scenario)
    night(tmp_path, agencies, "2025-03-31", capsys)
    hits = scenario.hits["/a2/o25"]
    code, err = night(tmp_path, agencies, "2025-03-31", capsys)  # e.g. after a kill
    assert code == 2 and err.count("บันทึกไว้แล้วในคืนนี้") == 3
    assert scenario.hits["/a2/o25"] == hits  # finished agencies are not redone
    import fcntl
    import os

    fd = os.open(str(tmp_path / "h.sqlite") + ".lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        code, err = night(tmp_path, agencies, "2025-04-01", capsys)
    finally:
        os.close(fd)
    assert code == 2 and "กำลังใช้" in err  # Thai by default: another night holds the database


def test_a_night_releases_each_agency_report_once_it_is_saved(tmp_path, scenario):
    """Memory stays flat over a long night: after ``run_night`` no ``Report`` is alive
    (outcomes keep the score only), and the summary holds one small head per agency while
    each full report is rendered to its own pages and let go."""
    import asyncio
    import gc

    from oit_checker.agencies import load_agencies
    from oit_checker.history.store import Store
    from oit_checker.model import Report, ReportHead
    from oit_checker.nightly import agency_pages, run_night, summarize
    from oit_checker.settings import RunSettings

    entries, _ = load_agencies(write_agencies(tmp_path, scenario))
    store = Store(str(tmp_path / "h.sqlite"))
    settings = RunSettings(extract_workers=1, today=None)
    writer = agency_pages(tmp_path / "pages", "th")
    try:
        run_id, outcomes = asyncio.run(run_night(entries, store, "2026-01-10", settings))
        gc.collect()
        assert not [o for o in gc.get_objects() if isinstance(o, Report)]
        assert [o.oit_score is not None for o in outcomes] == [True, True, True]
        seen: list[str] = []
        summary = summarize(
            entries,
            store,
            "2026-01-10",
            run_id,
            outcomes,
            pages=lambda name, report, history: seen.append(name) or writer(name, report, history),
        )
    finally:
        store.close()
    assert len(seen) == 3 and len(summary.agencies) == 3
    assert all(type(a.report) is ReportHead for a in summary.agencies)
    assert sorted(p.suffix for p in (tmp_path / "pages").iterdir()) == (
        [".html"] * 6 + [".json"] * 3 + [".xlsx"] * 3  # report + history page per agency
    )
