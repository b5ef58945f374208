"""E-mail over a real local SMTP server with STARTTLS and login (aiosmtpd, trustme CA)."""

import socket
import ssl

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from oit_checker.fetch.notify import send_mail


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"oit",
        b"secret",
    )
    return AuthResult(success=ok)


def test_mail_is_sent_over_starttls_with_credentials_from_the_environment(tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=ctx,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    controller.start()
    try:
        env = {
            "OIT_SMTP_HOST": "127.0.0.1",
            "OIT_SMTP_PORT": str(port),
            "OIT_SMTP_USER": "oit",
            "OIT_SMTP_PASSWORD": "secret",
            "OIT_SMTP_FROM": "oit@example.go.th",
        }
        assert send_mail("admin@example.go.th", "OIT แย่ลง", "อบต.สอง: O25", env, str(ca_file)) == ""
        bad = {**env, "OIT_SMTP_PASSWORD": "wrong"}
        assert send_mail("a@b", "s", "b", bad, str(ca_file), timeout=3)  # refused, and bounded
        assert "CERTIFICATE_VERIFY_FAILED" in send_mail("a@b", "s", "b", env)  # untrusted CA
    finally:
        controller.stop()
    [(rcpt, content)] = inbox.messages
    assert rcpt == ["admin@example.go.th"] and "From: oit@example.go.th" in content
    assert send_mail("a@b", "s", "b", {}) == "OIT_SMTP_HOST is not set"


def test_the_digest_names_what_got_worse_per_agency_with_dashboard_links():
    from oit_checker.model import AgencyNight, NightSummary, ReportHead
    from oit_checker.reporters.night import mail

    def agency(name, slug, change, new):
        return AgencyNight(name, slug, ReportHead(70.0, 80.0), change, new, (), (), ())

    night = NightSummary(
        "2025-03-31",
        (agency("อบต.หนึ่ง", "a1", -10.0, ("O12", "O13")), agency("อบต.สอง", "a2", 0.0, ())),
    )
    subject, body = mail(night, "th", "https://oit.example.go.th/n")
    assert subject == "OIT 2025-03-31: 1 หน่วยงานมีผลแย่ลง"
    assert body.splitlines() == [
        "ภาพรวมทั้งหมด: https://oit.example.go.th/n/index.html",
        "",
        "- อบต.หนึ่ง: OIT 70.00 (-10.00); ไม่ผ่านใหม่: O12, O13",
        "  https://oit.example.go.th/n/a1-history.html",
    ]
    subject, body = mail(night, "en")
    assert subject.endswith("1 agencies got worse") and "new failures: O12, O13" in body
