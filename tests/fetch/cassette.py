"""Replay recorded HTTP interactions from ``cassettes/*.yaml`` through pytest-httpx.

Format: ``interactions: [{request: {method, url}, response: {status, headers, body_b64}}]``.
Recorded by ``tests/fetch/record_cassettes.py``; host names are rewritten to example hosts so
the cassettes do not depend on a port.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import yaml

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASSETTES / f"{name}.yaml").read_text(encoding="utf-8"))
    return list(data["interactions"])


def replay(httpx_mock: Any, name: str) -> list[str]:
    """Register every interaction of cassette ``name``; return the URLs in order."""
    urls = []
    for it in load(name):
        req, resp = it["request"], it["response"]
        httpx_mock.add_response(
            method=req["method"],
            url=req["url"],
            status_code=resp["status"],
            headers=resp.get("headers") or {},
            content=base64.b64decode(resp.get("body_b64", "")),
        )
        urls.append(req["url"])
    return urls
