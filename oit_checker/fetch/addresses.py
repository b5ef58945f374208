"""Which network addresses a run may connect to: the main site's kind of address, or public.

A hostile page (or a redirect within a site that a CMS rewrote) must not make the checker
talk to cloud metadata (``169.254.169.254``), the machine's own services or the office
network. Every host is resolved before its first connection and each address is classed
(public, loopback, link-local, private, multicast); a non-public class is allowed only when
the main site itself resolves to that class, so an intranet agency on ``10.x`` and the local
test sites on ``127.0.0.1`` keep working while an Internet agency's checker never leaves the
Internet. Verdicts are cached per host for the run. A name that does not resolve is left to
the HTTP client, which reports it as a DNS error.

Known limit: the connection resolves the name again (a DNS answer that changes between the
two lookups is not caught); pinning the address would need a custom transport.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

PUBLIC = "public"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_class(ip: IPAddress) -> str:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link_local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_global:
        return PUBLIC
    return "private"  # RFC 1918, CGNAT, unique-local, reserved, unspecified


async def classes_of(host: str, timeout: float) -> dict[str, str] | None:
    """Address class → one address of that class, for ``host``; None when it does not
    resolve (in time)."""
    host = host.strip("[]")
    try:
        return {address_class(ipaddress.ip_address(host)): host}
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError, UnicodeError):
        return None
    out: dict[str, str] = {}
    for *_, sockaddr in infos:
        try:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        except ValueError:
            continue
        out.setdefault(address_class(ip), str(ip))
    return out


class AddressGuard:
    """``await guard.refused(url)`` → "" when the run may connect, else why not."""

    def __init__(self, site: str | None, timeout: float) -> None:
        self.site_host = (urlsplit(site).hostname or "") if site else ""
        self.timeout = timeout
        self._allowed: set[str] | None = None
        self._verdicts: dict[str, str] = {}

    async def _site_classes(self) -> set[str]:
        if self._allowed is None:
            found = await classes_of(self.site_host, self.timeout) if self.site_host else None
            self._allowed = {PUBLIC} | set(found or ())
        return self._allowed

    async def refused(self, url: str) -> str:
        if not self.site_host:
            return ""
        host = (urlsplit(url).hostname or "").lower()
        if not host:
            return ""
        if host not in self._verdicts:
            found = await classes_of(host, self.timeout)
            allowed = await self._site_classes()
            bad = {k: v for k, v in (found or {}).items() if k not in allowed}
            self._verdicts[host] = (
                "; ".join(f"{host} → {ip} ({kind})" for kind, ip in sorted(bad.items()))
                if bad
                else ""
            )
        return self._verdicts[host]
