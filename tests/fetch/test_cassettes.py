"""Recorded responses → fetch → extract → checks, without a network."""

import asyncio

from oit_checker.extract import extract
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.settings import RunSettings
from tests.fetch.cassette import replay
from tests.helpers import ctx, ev, run, statuses

S = RunSettings(backoff_base=0.01, retry_after_cap=0.1)


def get(tmp_path, url):
    async def go():
        async with Fetcher(S, tmp_path) as f:
            r = await f.fetch(url)
            return r, extract(r, S)

    return asyncio.run(go())


def test_legacy_tis620_page_reads_as_thai_and_soft_404_is_caught(tmp_path, httpx_mock):
    o18, o7 = replay(httpx_mock, "legacy_cms_tis620")
    r, d = get(tmp_path, o18)
    assert "แจ้งเรื่องร้องเรียนการทุจริต" in d.text and "\ufffd" not in d.text
    assert statuses(run("keywords", ctx(ev(r, d)), groups=[["ร้องเรียน"]])) == [
        ("pass", "keywords.ok")
    ]
    r, d = get(tmp_path, o7)
    assert r.status == 200
    assert statuses(run("not_soft_404", ctx(ev(r, d)))) == [("fail", "not_soft_404.not_found")]


def test_redirect_chain_is_followed_to_the_query_string_page(tmp_path, httpx_mock):
    first, _, last = replay(httpx_mock, "redirect_chain")
    r, d = get(tmp_path, first)
    assert r.ok and r.final_url == last and len(r.redirects) == 2
    assert "2568" in d.text


def test_busy_server_is_retried(tmp_path, httpx_mock):
    replay(httpx_mock, "busy_then_ok")
    r, _ = get(tmp_path, "http://old-cms.example.go.th/o12.xlsx")
    assert r.ok and r.attempts == 2
