"""Which addresses a run may connect to: public ones, and the main site's own kind."""

import asyncio
import ipaddress

import pytest

from oit_checker.fetch.addresses import AddressGuard, address_class


@pytest.mark.parametrize(
    ("ip", "kind"),
    [
        ("8.8.8.8", "public"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("169.254.169.254", "link_local"),
        ("fe80::1", "link_local"),
        ("10.1.2.3", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("0.0.0.0", "private"),
        ("224.0.0.1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
    ],
)
def test_address_classes(ip, kind):
    assert address_class(ipaddress.ip_address(ip)) == kind


def refused(site: str, url: str) -> str:
    return asyncio.run(AddressGuard(site, 2.0).refused(url))


def test_an_internet_agency_never_reaches_internal_addresses():
    site = "http://8.8.8.8/"
    assert refused(site, "http://8.8.4.4/ita") == ""
    for url in (
        "http://127.0.0.1:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/doc.pdf",
        "http://[::1]/",
        "http://localhost/",
    ):
        assert refused(site, url), url


def test_the_main_sites_own_kind_of_address_is_allowed():
    assert refused("http://127.0.0.1:8000/", "http://127.0.0.2:9000/x") == ""
    assert refused("http://localhost:8000/", "http://127.0.0.1/x") == ""
    assert refused("http://10.0.0.1/", "http://10.0.0.2/x") == ""
    # … but only that kind: a loopback test site still cannot reach cloud metadata
    assert "link_local" in refused("http://127.0.0.1:8000/", "http://169.254.169.254/")
    assert "private" in refused("http://127.0.0.1:8000/", "http://192.168.0.1/")


def test_a_name_that_does_not_resolve_is_left_to_the_client():
    assert refused("http://8.8.8.8/", "http://no-such-host.invalid/") == ""
