"""One factory for the ``httpx.AsyncClient``: bounds on every wait, UA, TLS, transport seam.

Redirects are *not* followed by httpx: the fetcher follows them itself to count hops, detect
loops and keep the chain. The transport is injectable so unit tests can use ``MockTransport``
or pytest-httpx, and end-to-end tests a real socket.
"""

from __future__ import annotations

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
    return httpx.AsyncClient(
        timeout=timeout,
        limits=limits,
        verify=tls_context(verify, settings.ca_bundle),
        follow_redirects=False,
        transport=transport,
        headers={
            "User-Agent": user_agent(settings),
            "Accept": "*/*",
            "Accept-Encoding": ACCEPT,  # decoded in bounded pieces by the fetcher
            "Accept-Language": "th,en;q=0.8",
        },
    )
