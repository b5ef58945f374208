"""Fetcher unit tests with pytest-httpx (strict: every response used, nothing unexpected)."""

import asyncio
from pathlib import Path

import httpx
import pytest

from oit_checker.fetch.client import DEFAULT_UA
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.model import ErrorKind
from oit_checker.settings import RunSettings

S = RunSettings(
    retries=3,
    backoff_base=0.01,
    backoff_max=0.02,
    retry_after_cap=0.2,
    max_redirects=3,
    max_bytes=1000,
)


def fetch(tmp_path: Path, *urls: str, settings: RunSettings = S):
    async def go():
        async with Fetcher(settings, tmp_path / "bodies") as f:
            out = await asyncio.gather(*(f.fetch(u) for u in urls))
            return out, f.fetched

    return asyncio.run(go())


def test_small_body_in_memory_large_body_spilled_to_disk(tmp_path, httpx_mock):
    httpx_mock.add_response(url="https://www.example.go.th/o1", html="<p>สวัสดี</p>")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/o1")
    assert r.ok and r.status == 200 and r.error is None and r.attempts == 1
    assert r.body == "<p>สวัสดี</p>".encode() and r.body_path is None
    assert httpx_mock.get_requests()[0].headers["user-agent"] == DEFAULT_UA
    httpx_mock.add_response(url="https://www.example.go.th/big", content=b"z" * 900)
    [r], _ = fetch(
        tmp_path,
        "https://www.example.go.th/big",
        settings=RunSettings(max_bytes=1000, spool_bytes=100),
    )
    assert r.ok and r.body is None and Path(r.body_path).read_bytes() == b"z" * 900


def test_each_url_fetched_once_however_often_asked(tmp_path, httpx_mock):
    httpx_mock.add_response(url="https://www.example.go.th/o1", text="x")
    results, fetched = fetch(
        tmp_path,
        "https://www.example.go.th/o1",
        "https://WWW.example.go.th:443/o1#frag",
        "https://www.example.go.th/o1",
    )
    assert fetched == 1 and all(r.ok for r in results)
    assert len(httpx_mock.get_requests()) == 1


def test_thai_and_space_in_url_are_percent_encoded(tmp_path, httpx_mock):
    enc = (
        "https://www.example.go.th/ita/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99"
        "%20%E0%B8%9B%E0%B8%B5.pdf"
    )
    httpx_mock.add_response(url=enc, content=b"%PDF-1.4")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/ita/รายงาน ปี.pdf")
    assert r.ok and r.url == enc


def test_retries_on_500_then_succeeds(tmp_path, httpx_mock):
    httpx_mock.add_response(status_code=500)
    httpx_mock.add_response(status_code=502)
    httpx_mock.add_response(text="ok")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/flaky")
    assert r.ok and r.attempts == 3


def test_gives_up_after_retries_with_http_5xx(tmp_path, httpx_mock):
    for _ in range(4):
        httpx_mock.add_response(status_code=503)
    [r], _ = fetch(tmp_path, "https://www.example.go.th/down")
    assert r.error is ErrorKind.HTTP_5XX and r.attempts == 4 and r.body_path is None


def test_429_honours_retry_after(tmp_path, httpx_mock):
    httpx_mock.add_response(status_code=429, headers={"Retry-After": "0"})
    httpx_mock.add_response(text="ok")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/busy")
    assert r.ok and r.attempts == 2


def test_404_is_not_retried(tmp_path, httpx_mock):
    httpx_mock.add_response(status_code=404)
    [r], _ = fetch(tmp_path, "https://www.example.go.th/gone")
    assert r.error is ErrorKind.HTTP_4XX and r.status == 404 and r.attempts == 1


def test_timeouts_and_resets_are_retried_then_reported(tmp_path, httpx_mock):
    httpx_mock.add_exception(httpx.ReadTimeout("slow"))
    httpx_mock.add_exception(httpx.RemoteProtocolError("Server disconnected"))
    httpx_mock.add_response(text="ok")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/t")
    assert r.ok and r.attempts == 3
    for _ in range(4):
        httpx_mock.add_exception(httpx.ConnectTimeout("slow"))
    [r], _ = fetch(tmp_path, "https://www.example.go.th/t2")
    assert r.error is ErrorKind.TIMEOUT and r.attempts == 4


def test_dns_failure_is_a_value_not_an_exception(tmp_path, httpx_mock):
    httpx_mock.add_exception(httpx.ConnectError("[Errno -2] Name or service not known"))
    [r], _ = fetch(tmp_path, "https://nowhere.example.go.th/")
    assert r.error is ErrorKind.DNS and not r.ok


def test_redirects_followed_and_loops_detected(tmp_path, httpx_mock):
    httpx_mock.add_response(
        url="https://www.example.go.th/a", status_code=301, headers={"Location": "/b"}
    )
    httpx_mock.add_response(url="https://www.example.go.th/b", text="here")
    [r], _ = fetch(tmp_path, "https://www.example.go.th/a")
    assert r.ok and r.final_url == "https://www.example.go.th/b"
    assert r.redirects == ("https://www.example.go.th/b",)
    httpx_mock.add_response(
        url="https://www.example.go.th/x", status_code=302, headers={"Location": "/y"}
    )
    httpx_mock.add_response(
        url="https://www.example.go.th/y", status_code=302, headers={"Location": "/x"}
    )
    [r], _ = fetch(tmp_path, "https://www.example.go.th/x")
    assert r.error is ErrorKind.REDIRECT_LOOP


def test_too_many_redirects(tmp_path, httpx_mock):
    for i in range(4):
        httpx_mock.add_response(
            url=f"https://www.example.go.th/r{i}",
            status_code=302,
            headers={"Location": f"/r{i + 1}"},
        )
    [r], _ = fetch(tmp_path, "https://www.example.go.th/r0")
    assert r.error is ErrorKind.TOO_MANY_REDIRECTS


def test_size_cap_by_content_length_and_by_streaming(tmp_path, httpx_mock):
    httpx_mock.add_response(url="https://www.example.go.th/big", content=b"x" * 5000)
    [r], _ = fetch(tmp_path, "https://www.example.go.th/big")
    assert r.error is ErrorKind.TOO_LARGE and r.body_path is None

    async def stream():
        for _ in range(100):
            yield b"y" * 100

    httpx_mock.add_response(url="https://www.example.go.th/stream", stream=_Stream(stream))
    [r], _ = fetch(tmp_path, "https://www.example.go.th/stream")
    assert r.error is ErrorKind.TOO_LARGE and r.size > S.max_bytes


class _Stream(httpx.AsyncByteStream):
    def __init__(self, gen):
        self.gen = gen

    async def __aiter__(self):
        async for chunk in self.gen():
            yield chunk


def test_tls_failure_is_recorded_and_content_fetched_without_verification(tmp_path, httpx_mock):
    import ssl

    err = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]")
    err.__cause__ = ssl.SSLCertVerificationError("certificate verify failed: self-signed")
    httpx_mock.add_exception(err)
    httpx_mock.add_response(text="<p>content</p>")
    [r], _ = fetch(tmp_path, "https://selfsigned.example.go.th/")
    assert r.ok and r.tls_error and "self-signed" in r.tls_error


def test_invalid_url_is_a_value(tmp_path):
    [r], _ = fetch(tmp_path, "not a url")
    assert r.error is ErrorKind.INVALID_URL


@pytest.mark.parametrize("value", ["2", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"])
def test_retry_after_parsing(value):
    from oit_checker.fetch.errors import retry_after as _retry_after

    out = _retry_after(value)
    assert (out is None) == (value == "soon")


def test_spool_budget_spills_to_disk_when_memory_is_spent(tmp_path, httpx_mock):
    from oit_checker.fetch.body import spool_budget

    s = RunSettings(max_bytes=10_000, spool_bytes=5_000, spool_budget=1_500)
    for i in range(3):
        httpx_mock.add_response(url=f"https://www.example.go.th/d{i}", content=b"x" * 1000)

    async def go():
        async with Fetcher(s, tmp_path / "b") as f:
            rs = [await f.fetch(f"https://www.example.go.th/d{i}") for i in range(3)]
            in_memory = [r.body is not None for r in rs]
            for r in rs:
                f.release(r)
            return in_memory

    assert asyncio.run(go()) == [True, False, False]  # the 2nd would exceed 1,500 bytes
    assert spool_budget(1_500).used == 0
