"""Notifications for ``nightly``: POST a JSON summary to a webhook (bounded, never raises).

A night that got worse (new failures, or a lower score) should reach someone without them
opening the index page. The POST uses the same bounded client as every fetch; a webhook that
is down is reported on stderr by the caller and never fails the night.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from oit_checker.fetch.client import make_client
from oit_checker.settings import RunSettings


def post_json(url: str, payload: dict[str, Any], settings: RunSettings) -> str:
    """POST ``payload``; return "" on success or a short reason."""

    async def go() -> str:
        async with make_client(settings) as client:
            try:
                r = await client.post(
                    url,
                    content=json.dumps(payload, ensure_ascii=False),
                    headers={"Content-Type": "application/json"},
                )
            except httpx.HTTPError as exc:
                return f"{type(exc).__name__}: {exc}"
            return "" if r.status_code < 400 else f"HTTP {r.status_code}"

    return asyncio.run(go())
