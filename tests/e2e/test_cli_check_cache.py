"""``check --cache DIR``: the admin's reruns ask the server what changed and read only that,
and the cache never makes a verdict differ from a run without it."""

from __future__ import annotations

import json
import os

import pytest

from oit_checker.demo.files import make_pdf, make_procurement_xlsx
from oit_checker.fetch import cache as cache_mod
from tests.e2e.conftest import TODAY, codes, item, run_cli, submission
from tests.sites import PLAN_TEXT, etagged, html

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def site(tmp_path, scenario):
    """O25: a page with an ETag linking a plan PDF with an ETag; O12: a NACC workbook from a
    server that sends no validators at all (many agency CMSes)."""
    page = html("O25", "แผน", [("/o25.pdf", "ดาวน์โหลด")]).encode()
    scenario.route("/o25", etagged(page, '"p1"'))
    scenario.route("/o25.pdf", etagged(make_pdf([[PLAN_TEXT]]), '"v1"', "application/pdf"))
    o12 = scenario.file("/o12.xlsx", make_procurement_xlsx(2568), XLSX)
    return submission(tmp_path, scenario.url("/"), {"O25": scenario.url("/o25"), "O12": o12})


def statuses(report):
    return {i["id"]: (i["status"], i["score"]) for i in report["items"]}


def test_a_rerun_reads_only_what_changed_and_judges_the_same(tmp_path, scenario, extracted, capsys):
    sub = site(tmp_path, scenario)
    cache = tmp_path / "cache"
    _, plain = run_cli(tmp_path, sub)  # no cache: the reference verdicts
    assert not [h for h in scenario.headers_seen if h.get("If-None-Match")]
    assert not cache.exists()

    code, cold = run_cli(tmp_path, sub, "--cache", str(cache))
    assert code == 0 and statuses(cold) == statuses(plain)
    assert dict(cold["stats"])["not_modified"] == 0
    assert os.stat(cache).st_mode & 0o077 == 0  # private: its entries are unpickled

    extracted.clear()
    scenario.headers_seen.clear()
    capsys.readouterr()
    code, warm = run_cli(tmp_path, sub, "--cache", str(cache))
    assert code == 0 and statuses(warm) == statuses(plain)
    assert item(warm, "O25")["status"] == "pass" and item(warm, "O12")["status"] == "pass"
    stats = dict(warm["stats"])
    assert stats["not_modified"] == 2 and stats["reused"] == 1 and stats["changed"] == 0
    assert extracted == []  # nothing read again: two 304s and one body with the same bytes
    assert {h["If-None-Match"] for h in scenario.headers_seen if "If-None-Match" in h} == {
        '"p1"',
        '"v1"',
    }
    assert "แคช: 2 ไฟล์ไม่เปลี่ยน (304), 1 ไฟล์เนื้อหาเดิม, อ่านใหม่ 0 ไฟล์" in (capsys.readouterr().err)


def test_a_document_replaced_between_runs_is_judged_anew(tmp_path, scenario, extracted):
    """The defects the admin is fixing must show at once: the plan replaced by last year's
    (new ETag), and the workbook saved again with its explanation sheet deleted (no
    validators, new bytes)."""
    sub = site(tmp_path, scenario)
    cache = str(tmp_path / "cache")
    run_cli(tmp_path, sub, "--cache", cache)
    scenario.route(
        "/o25.pdf",
        etagged(make_pdf([["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567"]]), '"v2"', "application/pdf"),
    )
    scenario.file("/o12.xlsx", make_procurement_xlsx(2568, explanation=False), XLSX)
    extracted.clear()
    code, report = run_cli(tmp_path, sub, "--cache", cache)
    assert code == 0
    assert sorted(u.rsplit("/", 1)[1] for u in extracted) == ["o12.xlsx", "o25.pdf"]
    assert item(report, "O25")["status"] == "fail"
    assert codes(report, "O12") == ["xlsx_template.sheet_missing"]
    stats = dict(report["stats"])
    assert stats["changed"] == 2 and stats["not_modified"] == 1


def test_entries_from_other_reading_code_are_not_used(tmp_path, scenario, extracted, monkeypatch):
    """After an upgrade that changed how documents are read, the stored documents carry the
    old reader's mistakes: they are read again, not reused."""
    sub = site(tmp_path, scenario)
    cache = str(tmp_path / "cache")
    run_cli(tmp_path, sub, "--cache", cache)
    monkeypatch.setattr(cache_mod, "_code_digest", lambda: "another release")
    extracted.clear()
    scenario.headers_seen.clear()
    _, report = run_cli(tmp_path, sub, "--cache", cache)
    assert len(extracted) == 3
    assert not [h for h in scenario.headers_seen if h.get("If-None-Match")]
    assert dict(report["stats"])["not_modified"] == 0


def test_a_warm_cache_leaves_the_extraction_pool_to_start_on_need(tmp_path, scenario, monkeypatch):
    from oit_checker import engine

    started: list[object] = []
    monkeypatch.setattr(engine, "start_pool", started.append)
    sub = site(tmp_path, scenario)
    cache = str(tmp_path / "cache")
    run_cli(tmp_path, sub, "--cache", cache)
    assert len(started) == 1  # cold: at once, overlapping the first fetches
    _, report = run_cli(tmp_path, sub, "--cache", cache)
    assert len(started) == 1 and item(report, "O25")["status"] == "pass"


def test_the_cache_can_come_from_the_settings_file(tmp_path, scenario, monkeypatch):
    sub = site(tmp_path, scenario)
    config = tmp_path / "oit-checker.toml"
    config.write_text('[check]\ncache = "c"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a relative folder is the working folder's
    for _ in range(2):
        code, report = run_cli(tmp_path, sub, "--config", str(config))
    assert code == 0 and dict(report["stats"])["not_modified"] == 2
    assert (tmp_path / "c").is_dir()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_cache_path_that_is_a_file_is_a_usage_error_before_the_crawl(
    tmp_path, scenario, capsys, lang
):
    sub = site(tmp_path, scenario)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("ของผู้ใช้", encoding="utf-8")
    code, report = run_cli(tmp_path, sub, "--cache", str(blocker), "--lang", lang)
    err = capsys.readouterr().err
    assert code == 2 and report == {}
    assert str(blocker) in err
    assert ("เป็นไฟล์ ไม่ใช่โฟลเดอร์" if lang == "th" else "a file, not a folder") in err
    assert blocker.read_text(encoding="utf-8") == "ของผู้ใช้"  # nothing lost
    assert sum(scenario.hits.values()) == 0  # said before any fetch


def test_the_json_report_of_a_cached_run_keeps_its_contract(tmp_path, scenario):
    """Same keys as without the cache: a baseline from either run serves the CI gate."""
    sub = site(tmp_path, scenario)
    _, plain = run_cli(tmp_path, sub)
    cache = str(tmp_path / "cache")
    run_cli(tmp_path, sub, "--cache", cache)
    _, warm = run_cli(tmp_path, sub, "--cache", cache)
    assert set(warm) == set(plain) and warm["today"] == plain["today"] == TODAY
    assert json.dumps(sorted(dict(warm["stats"]))) == json.dumps(sorted(dict(plain["stats"])))


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the folder to another user")
def test_a_cache_folder_of_another_user_is_never_read(tmp_path, scenario, capsys):
    """Entries are unpickled: a folder someone else can write could run their code."""
    sub = site(tmp_path, scenario)
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    os.chown(folder, 65534, 65534)
    code, _ = run_cli(tmp_path, sub, "--cache", str(folder), "--lang", "en")
    assert code == 2 and "belongs to another user" in capsys.readouterr().err
    assert sum(scenario.hits.values()) == 0


def test_a_damaged_entry_is_fetched_whole_not_answered_by_a_304(tmp_path, scenario):
    """A disk that lost the tail of an entry: its validators still read, its document does
    not. Asking "changed since?" would get a 304 with nothing to judge; the body is fetched."""
    sub = site(tmp_path, scenario)
    cache = tmp_path / "cache"
    run_cli(tmp_path, sub, "--cache", str(cache))
    entry = cache_mod.HttpCache(cache)._key(scenario.url("/o25.pdf"))
    entry.write_bytes(entry.read_bytes()[:-40])
    scenario.headers_seen.clear()
    code, report = run_cli(tmp_path, sub, "--cache", str(cache))
    assert code == 0 and item(report, "O25")["status"] == "pass"
    asked = {h["If-None-Match"] for h in scenario.headers_seen if "If-None-Match" in h}
    assert asked == {'"p1"'}  # the page still asked; the damaged PDF came whole
    assert dict(report["stats"])["not_modified"] == 1


def test_a_cache_that_cannot_be_written_costs_savings_never_verdicts(
    tmp_path, scenario, monkeypatch, caplog
):
    import errno

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_mod.HttpCache, "put", full)
    sub = site(tmp_path, scenario)
    _, plain = run_cli(tmp_path, sub)
    code, report = run_cli(tmp_path, sub, "--cache", str(tmp_path / "cache"))
    assert code == 0 and statuses(report) == statuses(plain)
    warned = [r for r in caplog.records if "document cache not written" in r.getMessage()]
    assert len(warned) == 1  # once per run, not once per document


def test_a_warm_run_reads_each_entry_once(tmp_path, scenario, monkeypatch):
    """The validators and the document come from one read of the entry (opening files was a
    tenth of a warm night's main process), not one read for each."""
    from collections import Counter

    sub = site(tmp_path, scenario)
    cache = str(tmp_path / "cache")
    run_cli(tmp_path, sub, "--cache", cache)
    reads: Counter[str] = Counter()
    real_read = cache_mod.HttpCache.read

    def counted(self, url):
        reads[url] += 1
        return real_read(self, url)

    monkeypatch.setattr(cache_mod.HttpCache, "read", counted)
    monkeypatch.setattr(cache_mod.HttpCache, "entry", lambda *_: pytest.fail("second read"))
    _, report = run_cli(tmp_path, sub, "--cache", cache)
    assert item(report, "O25")["status"] == "pass"
    assert sorted(reads.values()) == [1, 1, 1]


def test_a_first_run_looks_each_url_up_once(tmp_path, scenario, monkeypatch):
    """An empty cache is asked once per URL (for the validators); the miss is remembered, so
    the response is not looked up again — and is judged and stored as usual."""
    from collections import Counter

    sub = site(tmp_path, scenario)
    cache = tmp_path / "cache"
    reads: Counter[str] = Counter()
    real_read = cache_mod.HttpCache.read

    def counted(self, url):
        reads[url] += 1
        return real_read(self, url)

    monkeypatch.setattr(cache_mod.HttpCache, "read", counted)
    _, report = run_cli(tmp_path, sub, "--cache", str(cache))
    assert item(report, "O25")["status"] == "pass"
    assert sorted(reads.values()) == [1, 1, 1]
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 3  # every document stored
