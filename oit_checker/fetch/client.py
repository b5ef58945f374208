"""One factory for the ``httpx.AsyncClient``: bounds on every wait, UA, TLS, transport seam.

Redirects are *not* followed by httpx: the fetcher follows them itself to count hops, detect
loops and keep the chain. The transport is injectable so unit tests can use ``MockTransport``
or pytest-httpx, and end-to-end tests a real socket.
"""

from __future__ import annotations

import functools
import os
import ssl

import httpx

from oit_checker import __version__
from oit_checker.fetch.decode import ACCEPT
from oit_checker.settings import RunSettings

DEFAULT_UA = (
    f"oit-checker/{__version__} (+https://github.com/oit-checker/oit-checker; ITA pre-assessment)"
)


def user_agent(settings: RunSettings) -> str:
    return settings.user_agent or DEFAULT_UA


def tls_context(verify: bool, ca_bundle: str | None) -> ssl.SSLContext:
    """One SSL context per trust setting, per process.

    Building a context loads and parses the whole CA bundle (tens of milliseconds of CPU);
    httpx builds a fresh one for every client, so a night of 8,300 agencies paid it 8,300
    times. A context is safe to share between clients, threads and event loops. The key holds
    the environment variables httpx reads, so a changed ``SSL_CERT_FILE`` is honoured.
    """
    env = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    return _tls_context(verify, ca_bundle or None, env)


@functools.lru_cache(maxsize=16)
def _tls_context(
    verify: bool, ca_bundle: str | None, env: tuple[str | None, str | None]
) -> ssl.SSLContext:
    if not verify:
        return httpx.create_ssl_context(verify=False)
    if ca_bundle:
        return ssl.create_default_context(cafile=ca_bundle)
    return httpx.create_ssl_context()


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
