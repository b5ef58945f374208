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


def send_mail(
    to: str,
    subject: str,
    body: str,
    env: dict[str, str],
    ca_bundle: str | None = None,
    timeout: float = 30.0,
) -> str:
    """E-mail over SMTP with STARTTLS; return "" on success or a short reason.

    Server and credentials come from the environment, never from files or flags:
    ``OIT_SMTP_HOST``, ``OIT_SMTP_PORT`` (587), ``OIT_SMTP_USER``, ``OIT_SMTP_PASSWORD``,
    ``OIT_SMTP_FROM``. The certificate is verified (``ca_bundle`` adds a private CA).
    """
    import smtplib
    import ssl
    from email.message import EmailMessage

    host = env.get("OIT_SMTP_HOST")
    if not host:
        return "OIT_SMTP_HOST is not set"
    msg = EmailMessage()
    msg["From"] = env.get("OIT_SMTP_FROM") or env.get("OIT_SMTP_USER") or "oit-checker@localhost"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    context = ssl.create_default_context(cafile=ca_bundle)
    try:
        with smtplib.SMTP(host, int(env.get("OIT_SMTP_PORT", "587")), timeout=timeout) as smtp:
            smtp.starttls(context=context)
            if env.get("OIT_SMTP_USER"):
                smtp.login(env["OIT_SMTP_USER"], env.get("OIT_SMTP_PASSWORD", ""))
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return ""
