"""Download URLs politely and within bounds; translate every failure into an ``ErrorKind``.

* Each URL is fetched once per run, however many items use it (memoised tasks).
* A global semaphore (``global_limit``) and one per host (``per_host``) bound concurrency;
  they are released while waiting to retry so one slow host never starves the others.
* Connect/read time-outs come from the client; ``deadline`` bounds one whole download attempt,
  so a server that trickles a byte a second cannot hold the run. A deadline is not retried.
  ``total_deadline`` bounds one URL across all its attempts and backoff waits (counted from its
  first attempt, not from the time it queued behind other URLs of the host).
* Retries (``retries``, exponential backoff with jitter) on time-outs, resets, 408, 429 and
  5xx, honouring ``Retry-After`` up to ``retry_after_cap`` seconds.
* Redirects are followed here, at most ``max_redirects``, with loop detection, and only within
  ``site`` (the main website) when given: a redirect elsewhere ends the fetch with the target as
  its final URL, unfetched, for ``on_main_site`` to judge.
* Connections go only to public addresses, or to the kind of address the main site itself
  resolves to (``fetch.addresses``): no cloud metadata, no services of the machine.
* Bodies stay in memory up to ``spool_bytes`` and stream to disk beyond; past ``max_bytes``
  the download stops with ``too_large``.
* A certificate that fails verification is recorded in ``tls_error`` and the URL is fetched
  again without verification so the other checks still run.

Nothing here parses or judges a body, and no exception leaves :meth:`Fetcher.fetch`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from oit_checker.fetch.addresses import AddressGuard
from oit_checker.fetch.body import spool_budget
from oit_checker.fetch.client import make_client
from oit_checker.fetch.decode import Inflater, UnsupportedEncoding
from oit_checker.fetch.errors import error_kind, retry_after
from oit_checker.model import ErrorKind, Resource
from oit_checker.settings import RunSettings
from oit_checker.urls import BadURL, host_of, is_same_site, normalize, resolve

KEEP_HEADERS = {
    "content-type",
    "content-length",
    "last-modified",
    "etag",
    "content-disposition",
    "location",
    "retry-after",
    "content-encoding",
    "date",
}
RETRY_STATUS = {408, 429}
RETRY_KINDS = {ErrorKind.TIMEOUT, ErrorKind.RESET}
REDIRECTS = {301, 302, 303, 307, 308}

EventFn = Callable[[str, str], None]


@dataclass
class _Attempt:
    status: int | None = None
    final_url: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body_path: str | None = None
    body: bytes | None = None
    size: int = 0
    redirects: list[str] = field(default_factory=list)
    error: ErrorKind | None = None
    detail: str = ""
    retry_after: float | None = None
    not_modified: bool = False


class Fetcher:
    """Use as ``async with Fetcher(settings, work_dir) as f: res = await f.fetch(url)``."""

    def __init__(
        self,
        settings: RunSettings,
        work_dir: Path,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        on_event: EventFn | None = None,
        validators: Callable[[str], Awaitable[dict[str, str]]] | None = None,
        site: str | None = None,
    ) -> None:
        self.settings = settings
        self.site = site  # redirects are followed only within this site (the main website)
        self._validators = validators  # conditional-GET headers per URL (nightly cache)
        self.work_dir = work_dir
        self._transport = transport
        self._on_event = on_event
        self._tasks: dict[str, asyncio.Task[Resource]] = {}
        self._global = asyncio.Semaphore(settings.global_limit)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client: httpx.AsyncClient | None = None
        self._insecure: httpx.AsyncClient | None = None
        self.bytes_downloaded = 0
        self.fetched_count = 0
        self.spool = spool_budget(settings.spool_budget)
        self.guard = AddressGuard(site, settings.connect_timeout)

    async def __aenter__(self) -> Fetcher:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self._client = make_client(
            self.settings, verify=self.settings.verify_tls, transport=self._transport
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in self._tasks.values():
            task.cancel()
        self.fetched_count = len(self._tasks)
        self._tasks.clear()  # break task ↔ result cycles (see engine.run_check)
        for client in (self._client, self._insecure):
            if client is not None:
                await client.aclose()

    @property
    def fetched(self) -> int:
        return len(self._tasks) or self.fetched_count

    async def fetch(self, url: str) -> Resource:
        try:
            key = normalize(url)
        except BadURL as exc:
            return Resource(
                url=url,
                final_url=url,
                status=None,
                error=ErrorKind.INVALID_URL,
                error_detail=str(exc),
            )
        task = self._tasks.get(key)
        if task is None:
            task = asyncio.ensure_future(self._fetch(key))
            self._tasks[key] = task
        return await asyncio.shield(task)

    def _emit(self, kind: str, url: str) -> None:
        if self._on_event is not None:
            self._on_event(kind, url)

    async def _fetch(self, url: str) -> Resource:
        started = time.monotonic()
        self._emit("fetch_start", url)
        attempt = _Attempt()
        tls_error = ""
        insecure = False
        tries = 0
        ends: float | None = None  # the URL's total deadline, counted from its first attempt
        while True:
            tries += 1
            async with self._host_sem(url), self._global:
                if ends is None:
                    ends = time.monotonic() + self.settings.total_deadline
                left = ends - time.monotonic()
                attempt = await self._attempt(url, insecure=insecure, tag=tries, budget=left)
            if attempt.error is ErrorKind.TLS and not insecure:
                tls_error, insecure = attempt.detail, True
                continue
            if tries > self.settings.retries or not self._retryable(attempt):
                break
            wait = self._backoff(tries, attempt.retry_after)
            if time.monotonic() + wait >= ends:  # no time left for another attempt
                break
            self._emit("retry", url)
            await asyncio.sleep(wait)
        res = Resource(
            url=url,
            final_url=attempt.final_url or url,
            status=attempt.status,
            headers=attempt.headers,
            body_path=attempt.body_path,
            body=attempt.body,
            size=attempt.size,
            elapsed_s=time.monotonic() - started,
            attempts=tries,
            redirects=tuple(attempt.redirects),
            error=attempt.error,
            error_detail=attempt.detail,
            tls_error=tls_error,
            not_modified=attempt.not_modified,
        )
        self.bytes_downloaded += res.size
        self._emit("fetch_done", url)
        return res

    def _host_sem(self, url: str) -> asyncio.Semaphore:
        host = host_of(url)
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return sem

    def _retryable(self, a: _Attempt) -> bool:
        if a.error in RETRY_KINDS:
            return True
        return a.status is not None and (a.status in RETRY_STATUS or 500 <= a.status < 600)

    def _backoff(self, tries: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.settings.retry_after_cap)
        base = self.settings.backoff_base * (2 ** (tries - 1))
        return float(min(base * random.uniform(0.5, 1.5), self.settings.backoff_max))

    def _client_for(self, insecure: bool) -> httpx.AsyncClient:
        if not insecure:
            assert self._client is not None
            return self._client
        if self._insecure is None:
            self._insecure = make_client(self.settings, verify=False, transport=self._transport)
        return self._insecure

    async def _attempt(
        self, url: str, *, insecure: bool, tag: int, budget: float | None = None
    ) -> _Attempt:
        a = _Attempt(final_url=url)
        body = self.work_dir / f"{hashlib.sha1(url.encode()).hexdigest()}.{tag}.body"
        limit = (
            self.settings.deadline
            if budget is None
            else max(0.0, min(budget, self.settings.deadline))
        )
        try:
            async with asyncio.timeout(limit):
                await self._download(url, self._client_for(insecure), a, body)
        except TimeoutError:
            a.error, a.detail = (
                ErrorKind.DEADLINE,
                f"no complete answer in {limit:g} s",
            )
        except (httpx.HTTPError, httpx.InvalidURL, BadURL, OSError, ValueError) as exc:
            a.error, a.detail = error_kind(exc)
        if a.error is not None:
            if a.body_path:
                with contextlib.suppress(OSError):
                    Path(a.body_path).unlink()
            a.body_path, a.body = None, None
        return a

    async def _download(self, url: str, client: httpx.AsyncClient, a: _Attempt, body: Path) -> None:
        current, seen = url, {url}
        for hop in range(self.settings.max_redirects + 1):
            refused = await self.guard.refused(current)
            if refused:
                a.final_url, a.error, a.detail = current, ErrorKind.BLOCKED_ADDRESS, refused
                return
            conditional = await self._validators(current) if self._validators and hop == 0 else {}
            request = client.build_request("GET", current, headers=conditional)
            response = await client.send(request, stream=True)
            try:
                a.status, a.final_url = response.status_code, current
                a.headers = tuple(
                    (k.lower(), v) for k, v in response.headers.items() if k.lower() in KEEP_HEADERS
                )
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location:
                    nxt = resolve(current, location)
                    if nxt is None:
                        a.error, a.detail = ErrorKind.PROTOCOL, f"bad redirect to {location!r}"
                        return
                    if self.site and not is_same_site(nxt, self.site):
                        # The main site is a boundary: the redirect is reported (its target
                        # becomes the final URL, judged off-site) and never followed.
                        a.final_url = nxt
                        a.redirects.append(nxt)
                        return
                    if nxt in seen:
                        a.error, a.detail = ErrorKind.REDIRECT_LOOP, f"{current} → {nxt}"
                        return
                    if hop == self.settings.max_redirects:
                        a.error = ErrorKind.TOO_MANY_REDIRECTS
                        a.detail = f"more than {self.settings.max_redirects} redirects"
                        return
                    seen.add(nxt)
                    a.redirects.append(nxt)
                    current = nxt
                    continue
                if response.status_code == 304 and conditional:
                    a.not_modified = True  # the cached document still stands
                    return
                if response.status_code >= 400:
                    a.error = (
                        ErrorKind.HTTP_5XX if response.status_code >= 500 else ErrorKind.HTTP_4XX
                    )
                    a.detail = f"HTTP {response.status_code}"
                    a.retry_after = retry_after(response.headers.get("retry-after"))
                    return
                await self._stream(response, a, body)
                return
            finally:
                await response.aclose()

    async def _stream(self, response: httpx.Response, a: _Attempt, body: Path) -> None:
        """Stream the body: in memory while it is small and the process-wide spool budget
        allows (bodies waiting for extraction must not pile up in memory), otherwise to disk;
        never past the size cap."""
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            a.error, a.detail = ErrorKind.TOO_LARGE, f"Content-Length {declared} > {cap}"
            return
        try:
            inflater = Inflater(response.headers.get("content-encoding", ""))
        except UnsupportedEncoding as exc:
            a.error, a.detail = ErrorKind.PROTOCOL, str(exc)
            return
        chunks: list[bytes] = []
        taken = 0
        fh = None
        try:
            async for chunk in _pieces(response, inflater):
                a.size += len(chunk)
                if a.size > cap:
                    a.error, a.detail = ErrorKind.TOO_LARGE, f"body larger than {cap} bytes"
                    return
                if fh is None and (
                    a.size > self.settings.spool_bytes or not self.spool.take(len(chunk))
                ):
                    fh = body.open("wb")  # large, or memory budget spent: spill to disk
                    a.body_path = str(body)
                    fh.writelines(chunks)
                    chunks = []
                    self.spool.give(taken)
                    taken = 0
                if fh is None:
                    taken += len(chunk)
                    chunks.append(chunk)
                else:
                    fh.write(chunk)
        finally:
            if fh is not None:
                fh.close()
            if a.error is not None:
                self.spool.give(taken)
        if a.body_path is None and a.error is None:
            a.body = b"".join(chunks)

    def release(self, res: Resource) -> None:
        """Return the memory of a body the caller has finished with."""
        if res.body is not None:
            self.spool.give(len(res.body))


async def _pieces(response: httpx.Response, inflater: Inflater) -> AsyncIterator[bytes]:
    """The body, decoded in bounded pieces (``fetch.decode``), from the raw stream."""
    async for raw in response.aiter_raw():
        for piece in inflater.feed(raw):
            yield piece
    tail = inflater.flush()
    if tail:
        yield tail
