"""URL helpers shared by loaders, follow and checks (pure, stdlib only).

``normalize`` gives the one spelling of a URL that the run uses as its key, so a URL is fetched
once however it was written: scheme and host lower-cased, IDNA host, default port dropped,
fragment dropped, and non-ASCII or space characters in path and query percent-encoded as UTF-8
(Thai file names are common: ``/ita/รายงาน ประจำปี.pdf``). Existing ``%XX`` escapes are kept.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"


class BadURL(ValueError):
    """Raised by :func:`normalize` for strings that are not absolute http(s) URLs."""


def normalize(url: str) -> str:
    raw = url.strip()
    try:
        parts = urlsplit(raw)
    except ValueError as exc:
        raise BadURL(str(exc)) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadURL(f"not an http(s) URL: {raw!r}")
    try:
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        raise BadURL(str(exc)) from exc
    if not host or " " in host:
        raise BadURL(f"no host in {raw!r}")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host.lower()
    except UnicodeError as exc:
        raise BadURL(f"bad host in {raw!r}") from exc
    netloc = host if ":" not in host else f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{netloc}:{port}"
    if parts.username is not None or parts.password is not None:
        # An ITA URL is public: credentials in it would be sent as Basic auth ("user:" even
        # when only part of them survives), and the assessor has none.
        raise BadURL(f"credentials in the URL (user:password@) are not allowed: {host}")
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    query = quote(parts.query, safe=_SAFE_QUERY)
    return urlunsplit((scheme, netloc, path, query, ""))


def try_normalize(url: str) -> str | None:
    try:
        return normalize(url)
    except BadURL:
        return None


# An href that leads nowhere: "#", "#!", "#/", "javascript:…" or empty.
DEAD_HREF = re.compile(r"^\s*(#!?/?\s*|javascript:.*|)$", re.I)


def resolve(base: str, href: str) -> str | None:
    """Absolute, normalised URL of ``href`` found on page ``base``; None if not http(s)."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        joined = urljoin(base, href)
    except ValueError:  # "http://[bad" and friends: a broken link, not a crash
        return None
    return try_normalize(joined)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _bare(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def is_same_site(url: str, main_site: str) -> bool:
    """True when ``url`` is on the main site's host or a subdomain of it (``www.`` ignored)."""
    host, main = _bare(host_of(url)), _bare(host_of(main_site))
    return bool(host) and (host == main or host.endswith("." + main))


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def extension(url: str) -> str:
    path = urlsplit(url).path.lower()
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name else ""


SHARING_HOSTS = (
    "drive.google.com",
    "docs.google.com",
    "sites.google.com",
    "forms.gle",
    "goo.gl",
    "facebook.com",
    "fb.com",
    "fb.watch",
    "youtube.com",
    "youtu.be",
    "dropbox.com",
    "onedrive.live.com",
    "1drv.ms",
    "sharepoint.com",
    "bit.ly",
    "line.me",
    "canva.com",
    "anyflip.com",
    "fliphtml5.com",
    "scribd.com",
    "mediafire.com",
    "tiktok.com",
    "x.com",
    "twitter.com",
    "instagram.com",
)
DOCUMENT_EXTENSIONS = (
    "pdf",
    "xlsx",
    "xlsm",
    "xls",
    "docx",
    "doc",
    "pptx",
    "ppt",
    "csv",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "odt",
    "ods",
    "zip",
    "rar",
)


def is_sharing_host(url: str) -> bool:
    """File-sharing and social hosts: evidence there is not on the agency's main website."""
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in SHARING_HOSTS)


def looks_like_document(url: str) -> bool:
    return extension(url) in DOCUMENT_EXTENSIONS
