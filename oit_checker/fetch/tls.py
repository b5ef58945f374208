"""TLS contexts: one per trust setting per process, built off the critical path.

Building a context loads and parses the whole CA bundle: about 45 ms of CPU on this project's
bench machine, and httpx would build a fresh one for every client (a night of 8,300 agencies
paid it 8,300 times). A context is safe to share between clients, threads and event loops.
OpenSSL parses the bundle without holding the GIL, so :func:`warm` builds it on a helper thread
while the command imports its machinery and loads its inputs; :func:`tls_context` then finds it
ready. This module imports neither httpx nor certifi at import time, so warming can start
before they load.
"""

from __future__ import annotations

import contextlib
import os
import ssl
import threading

_LOCK = threading.Lock()
_CONTEXTS: dict[tuple[object, ...], ssl.SSLContext] = {}


def _key(verify: bool, ca_bundle: str | None) -> tuple[object, ...]:
    # the environment variables the default trust honours: a changed SSL_CERT_FILE is honoured
    env = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    return (verify, ca_bundle or None, env)


def _build(verify: bool, ca_bundle: str | None) -> ssl.SSLContext:
    """What ``httpx.create_ssl_context`` builds (SSL_CERT_FILE, SSL_CERT_DIR, else certifi),
    or a context for an explicit ``--ca-bundle``, or one that verifies nothing."""
    if not verify:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    if ca_bundle:
        return ssl.create_default_context(cafile=ca_bundle)
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def tls_context(verify: bool, ca_bundle: str | None) -> ssl.SSLContext:
    """The process's context for this trust setting (built once; waits for a warming one)."""
    key = _key(verify, ca_bundle)
    with _LOCK:
        ctx = _CONTEXTS.get(key)
        if ctx is None:
            ctx = _CONTEXTS[key] = _build(verify, ca_bundle)
        return ctx


def warm(verify: bool = True, ca_bundle: str | None = None) -> None:
    """Start building the context on a helper thread; a bad ``--ca-bundle`` is left for the
    client to report when it is first needed (a finding of the run, as before)."""

    def build() -> None:
        with contextlib.suppress(OSError, ssl.SSLError, ValueError):
            tls_context(verify, ca_bundle)

    threading.Thread(target=build, name="oit-tls", daemon=True).start()
