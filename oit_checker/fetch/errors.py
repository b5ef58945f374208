"""httpx's exception tree → the project's ``ErrorKind``, in one place (the fetch boundary).

httpx raises (``httpx/_exceptions.py``)::

    HTTPError
    ├── RequestError
    │   ├── TransportError
    │   │   ├── TimeoutException (Connect/Read/Write/PoolTimeout) → TIMEOUT
    │   │   ├── NetworkError
    │   │   │   ├── ConnectError    → TLS (certificate) | DNS | CONNECT
    │   │   │   ├── ReadError, WriteError, CloseError → RESET
    │   │   ├── ProtocolError
    │   │   │   ├── RemoteProtocolError → RESET (the server hung up mid-answer)
    │   │   │   └── LocalProtocolError  → PROTOCOL
    │   │   ├── UnsupportedProtocol     → UNSUPPORTED_SCHEME
    │   │   └── ProxyError              → CONNECT
    │   ├── DecodingError, TooManyRedirects → PROTOCOL
    └── HTTPStatusError (not raised: statuses are read, not raised)
    InvalidURL (and our BadURL) → INVALID_URL

Everything else a download can raise (OSError writing the spool file, ValueError from a broken
header) is PROTOCOL. Above ``fetch/`` nothing sees an httpx exception.
"""

from __future__ import annotations

import email.utils
import ssl
import time

import httpx

from oit_checker.model import ErrorKind
from oit_checker.urls import BadURL

_DNS_TEXTS = (
    "Name or service not known",
    "nodename nor servname",
    "Temporary failure in name resolution",
    "getaddrinfo",
    "No address associated",
)


def error_kind(exc: BaseException) -> tuple[ErrorKind, str]:
    """What went wrong, and a short detail for the report."""
    if isinstance(exc, httpx.TimeoutException):
        return ErrorKind.TIMEOUT, type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return _connect_kind(exc)
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.RemoteProtocolError):
        return ErrorKind.RESET, str(exc) or type(exc).__name__
    if isinstance(exc, httpx.UnsupportedProtocol):
        return ErrorKind.UNSUPPORTED_SCHEME, str(exc)
    if isinstance(exc, httpx.InvalidURL | BadURL):
        return ErrorKind.INVALID_URL, str(exc)
    return ErrorKind.PROTOCOL, f"{type(exc).__name__}: {exc}"


def _connect_kind(exc: httpx.ConnectError) -> tuple[ErrorKind, str]:
    cause: BaseException | None = exc
    for _ in range(10):  # bounded: exception chains can be cyclic
        if cause is None:
            break
        if isinstance(cause, ssl.SSLCertVerificationError):
            return ErrorKind.TLS, getattr(cause, "verify_message", "") or str(cause)
        if isinstance(cause, ssl.SSLError):
            return ErrorKind.TLS, str(cause)
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return ErrorKind.TLS, text
    if any(s in text for s in _DNS_TEXTS):
        return ErrorKind.DNS, text
    return ErrorKind.CONNECT, text or "connection failed"


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
