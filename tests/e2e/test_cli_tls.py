"""HTTPS with a certificate that does not verify: a warning finding, and the content is fetched
again without verification so the other checks still run. With the CA trusted, no warning."""

import trustme

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import PLAN_TEXT, Scenario, html


def test_untrusted_certificate_is_reported_and_content_still_checked(tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    chain, key = tmp_path / "chain.pem", tmp_path / "key.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(chain))
    cert.private_key_pem.write_to_path(str(key))
    with Scenario(tmp_path, tls=(str(chain), str(key))) as site:
        url = site.page("/o25", html("O25", PLAN_TEXT))
        sub = submission(tmp_path, site.url("/"), {"O25": url})
        _, report = run_cli(tmp_path, sub)
        it = item(report, "O25")
        assert it["status"] == "pass"  # a warning never changes the status
        assert codes(report, "O25", "warn") == ["reachable.tls_invalid"]
        assert codes(report, "O25", "pass")[-1] == "mentions_year.ok"
        ca_file = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        _code, report = run_cli(tmp_path, sub, "--ca-bundle", str(ca_file))
        assert codes(report, "O25", "warn") == []
