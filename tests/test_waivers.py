"""Waivers: a live waiver turns fail/manual into a visible warn; an expired one says so."""

import datetime as dt

import pytest

from oit_checker.errors import InputError
from oit_checker.model import Finding, FindingStatus
from oit_checker.waivers import Waiver, apply, load_waivers
from tests.e2e.conftest import codes, item, run_cli, submission

TODAY = dt.date(2025, 3, 31)


def f(status=FindingStatus.FAIL, check="reachable", url="https://www.example.go.th/eservice/a"):
    return Finding(check, "O10", status, f"{check}.x", {}, url, "")


def test_live_waiver_turns_fail_and_manual_into_waived_warnings():
    w = (
        Waiver("O10", "ปิดปรับปรุง", dt.date(2025, 4, 30), url="https://www.example.go.th/eservice/*"),
    )
    out = apply((f(), f(FindingStatus.MANUAL), f(FindingStatus.PASS)), w, TODAY, "O10")
    assert [x.status for x in out] == [FindingStatus.WARN, FindingStatus.WARN, FindingStatus.PASS]
    assert out[0].waived == "ปิดปรับปรุง" and out[0].waived_until == "2025-04-30"


def test_waiver_scope_item_check_and_url_pattern():
    w = (
        Waiver(
            "O10",
            "r",
            dt.date(2025, 4, 30),
            check="keywords",
            url="https://www.example.go.th/eservice/*",
        ),
    )
    assert apply((f(),), w, TODAY, "O10")[0].status is FindingStatus.FAIL  # other check
    other_url = f(check="keywords", url="https://www.example.go.th/other")
    assert apply((other_url,), w, TODAY, "O10")[0].status is FindingStatus.FAIL
    assert apply((f(check="keywords"),), w, TODAY, "O10")[0].status is FindingStatus.WARN
    assert apply((f(),), w, TODAY, "O11") == (f(),)


def test_expired_waiver_stops_applying_and_says_so():
    w = (Waiver("O10", "ปิดปรับปรุง", dt.date(2025, 1, 31)),)
    out = apply((f(), f(check="keywords")), w, TODAY, "O10")
    assert [(x.status.value, x.code) for x in out] == [
        ("fail", "reachable.x"),
        ("warn", "waiver.expired"),
        ("fail", "keywords.x"),
    ]
    assert out[1].params == {"reason": "ปิดปรับปรุง", "expires": "2025-01-31"}


def test_loader_and_its_errors(tmp_path):
    p = tmp_path / "w.yaml"
    p.write_text(
        "waivers:\n  - item: o 10\n    reason: ปิดปรับปรุง\n    expires: 2025-04-30\n"
        "    url: https://www.example.go.th/eservice/*\n",
        encoding="utf-8",
    )
    [w] = load_waivers(p)
    assert (w.item, w.expires, w.line) == ("O10", dt.date(2025, 4, 30), 2)
    for text, line, field in (
        ("waivers:\n  - item: O10\n    reason: x\n", 2, "waivers[0].expires"),
        ("waivers:\n  - item: O10\n    reason: x\n    expires: soon\n", 4, "waivers[0].expires"),
        ("waivers:\n  - item: X\n    reason: x\n    expires: 2025-01-01\n", 2, "waivers[0].item"),
        (
            "waivers:\n  - item: O1\n    reason: x\n    expires: 2025-01-01\n    why: y\n",
            5,
            "waivers[0].why",
        ),
        ("nothing: here\n", 1, "waivers"),
    ):
        p.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_waivers(p)
        assert (info.value.line, info.value.field) == (line, field), text


def test_cli_waived_item_passes_visibly_and_expired_waiver_fails_again(tmp_path, scenario):
    sub = submission(tmp_path, scenario.url("/"), {"O10": scenario.url("/eservice/")})
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        f"waivers:\n  - item: O10\n    url: {scenario.url('/eservice/*')}\n"
        "    reason: ระบบ E-Service ปิดปรับปรุง\n    expires: 2025-04-30\n",
        encoding="utf-8",
    )
    _, report = run_cli(tmp_path, sub, "--waivers", str(waivers))
    o10 = item(report, "O10")
    assert o10["status"] == "pass" and codes(report, "O10", "warn") == ["reachable.broken"]
    waived = next(x for x in o10["findings"] if x["waived"])
    assert waived["waived"] == {"reason": "ระบบ E-Service ปิดปรับปรุง", "expires": "2025-04-30"}
    _, report = run_cli(tmp_path, sub, "--waivers", str(waivers), "--today", "2025-05-01")
    assert item(report, "O10")["status"] == "fail"
    assert codes(report, "O10", "warn") == ["waiver.expired"]


def test_every_bad_waiver_row_is_reported_at_once(tmp_path):
    import pytest

    from oit_checker.errors import InputError
    from oit_checker.waivers import load_waivers

    p = tmp_path / "w.yaml"
    p.write_text(
        "waivers:\n"
        "  - {item: O12, reason: ok, expires: 2025-12-31}\n"
        "  - {item: nope, reason: x, expires: 2025-12-31}\n"
        "  - {item: O13, reason: x, expires: soon}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_waivers(p)
    assert [(e.line, e.field) for e in info.value.all] == [
        (3, "waivers[1].item"),
        (4, "waivers[2].expires"),
    ]
