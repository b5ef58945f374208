"""robots.txt for the discover crawl (RFC 9309), fetched once per origin through the Fetcher.

Decisions where sites misbehave: a 4xx (no file) allows everything, as the RFC says; a 5xx or a
network failure also allows everything but is reported (``unreachable``) — Thai CMSs often
answer 500 for any unknown path, and refusing to look would leave the admin with nothing.
A robots.txt that is really an HTML page holds no rules and so allows everything.
``Crawl-delay`` is honoured up to :data:`MAX_DELAY` seconds. The body is capped at 500 KiB.
"""

from __future__ import annotations

from urllib.robotparser import RobotFileParser

from oit_checker.fetch.body import body_bytes
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.urls import origin

AGENT = "oit-checker"
MAX_BYTES = 500 * 1024
MAX_DELAY = 5.0


class Robots:
    def __init__(self, fetcher: Fetcher, agent: str = AGENT) -> None:
        self.fetcher = fetcher
        self.agent = agent
        self.unreachable: list[str] = []
        self._rules: dict[str, RobotFileParser] = {}

    async def _parser(self, url: str) -> RobotFileParser:
        key = origin(url)
        rp = self._rules.get(key)
        if rp is not None:
            return rp
        rp = RobotFileParser()
        res = await self.fetcher.fetch(key + "/robots.txt")
        try:
            if res.ok and res.has_body:
                text = body_bytes(res, MAX_BYTES).decode("utf-8", "replace")
                rp.parse(text.splitlines())
            else:
                if res.status is None or res.status >= 500:
                    self.unreachable.append(key + "/robots.txt")
                rp.parse([])
        finally:
            self.fetcher.release(res)
        self._rules[key] = rp
        return rp

    async def allowed(self, url: str) -> bool:
        return (await self._parser(url)).can_fetch(self.agent, url)

    async def delay(self, url: str) -> float:
        value = (await self._parser(url)).crawl_delay(self.agent)
        return min(float(value), MAX_DELAY) if value else 0.0
