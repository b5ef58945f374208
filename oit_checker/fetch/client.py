"""One factory for the ``httpx.AsyncClient``: bounds on every wait, UA, TLS, transport seam.

Redirects are *not* followed by httpx: the fetcher follows them itself to count hops, detect
loops and keep the chain. The transport is injectable so unit tests can use ``MockTransport``
or pytest-httpx, and end-to-end tests a real socket.
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from oit_checker import __version__
from oit_checker.fetch.decode import ACCEPT
from oit_checker.fetch.tls import tls_context
from oit_checker.settings import RunSettings

DEFAULT_UA = (
    f"oit-checker/{__version__} (+https://github.com/oit-checker/oit-checker; ITA pre-assessment)"
)


def user_agent(settings: RunSettings) -> str:
    return settings.user_agent or DEFAULT_UA


def make_client(
    settings: RunSettings, *, verify: bool = True, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.deadline,
    )
    limits = httpx.Limits(
        max_connections=settings.global_limit, max_keepalive_connections=settings.global_limit
    )
    context = tls_context(verify, settings.ca_bundle)
    if transport is None:
        transport = httpx.AsyncHTTPTransport(verify=context, limits=limits)
        cheap_expiry_checks(transport)
    return httpx.AsyncClient(
        timeout=timeout,
        limits=limits,
        verify=context,
        follow_redirects=False,
        transport=transport,
        headers={
            "User-Agent": user_agent(settings),
            "Accept": "*/*",
            "Accept-Encoding": ACCEPT,  # decoded in bounded pieces by the fetcher
            "Accept-Language": "th,en;q=0.8",
        },
    )


def cheap_expiry_checks(transport: httpx.AsyncHTTPTransport) -> bool:
    """Let the transport's connection pool ask whether an idle connection was closed by its
    server without rebuilding the socket's attributes each time (see :class:`_Stream`).

    httpx offers no setting for the pool's network backend, so this wraps the one the pool
    holds; where a future httpx or httpcore lays its pool out differently, the transport is
    left as it is (correct, only slower) and ``False`` says so — a test checks it is ``True``.
    """
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool) or inner is None:
        return False
    if not isinstance(inner, _Backend):
        pool._network_backend = _Backend(inner)
    return True


class _Stream(httpcore.AsyncNetworkStream):
    """A connection's stream whose ``is_readable`` costs one ``poll``.

    Before every request it places, and after every response, httpcore asks each idle
    keep-alive connection whether it is readable (a server that closed it has sent EOF);
    AnyIO answers by building the socket's whole attribute table, ``getpeername`` included,
    every time: a tenth of a night's main process on loopback. The socket object stays the
    same for the connection's life, so it is looked up once; everything else is delegated.
    """

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._sock: socket.socket | None = None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info != "is_readable":
            return self._inner.get_extra_info(info)
        if self._sock is None:
            self._sock = self._inner.get_extra_info("socket")
        fd = self._sock.fileno() if self._sock is not None else -1
        if fd < 0:
            return True  # no socket any more: readable, as the EOF it would read
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))


class _Backend(httpcore.AsyncNetworkBackend):
    """The pool's own backend, with each stream it opens wrapped in :class:`_Stream`."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
