"""``on_main_site``: the submitted URL must be on the agency's main website.

NACC: the URL must lead to the data on the agency's main website (ITA-NOTES §1.1, S17; seed
002 lost indicators 9 and 10 for links that did not reach the data through the main site).
The submitted URL's host must be the main site's host or one of its subdomains (``www.`` is
ignored). A submitted URL that redirects off the main site fails too: the data it leads to is
not on the main website (S17), and the fetcher does not follow the redirect (the main site is a
boundary: a page must not steer the checker to another host, a cloud metadata address among
them). Linked documents hosted on file-sharing or social sites (Google Drive, Facebook, …) are a
``warn``: no source states the exact rule for them, so the tool only tells the admin what an
assessor may object to. Links to other hosts are not followed, only reported.
"""

from __future__ import annotations

from oit_checker.checks._base import CheckContext, Scope, failed, passed, warned
from oit_checker.messages import Text
from oit_checker.model import Outcome
from oit_checker.params import Params
from oit_checker.urls import host_of, is_same_site, is_sharing_host


class OnMainSiteParams(Params):
    """``extra_hosts``: further hosts that count as the main site (e.g. an old domain)."""

    extra_hosts: tuple[str, ...] = ()
    warn_sharing_links: bool = True


SCOPE: Scope = "url"
PARAMS = OnMainSiteParams
MESSAGES: dict[str, Text] = {
    "on_main_site.ok": Text(
        "อยู่บนเว็บไซต์หลักของหน่วยงาน ({host})", "On the agency's main website ({host})"
    ),
    "on_main_site.offsite": Text(
        "URL ไม่ได้อยู่บนเว็บไซต์หลักของหน่วยงาน ({host} ไม่ใช่ {main})",
        "The URL is not on the agency's main website ({host} is not {main})",
        fix_th="ย้ายข้อมูลมาไว้บนเว็บไซต์หลักของหน่วยงาน ({main}) แล้วส่ง URL บนเว็บไซต์หลัก",
        fix_en="Move the data onto the agency's main website ({main}) and submit that URL",
    ),
    "on_main_site.redirect_offsite": Text(
        "URL เปลี่ยนเส้นทางออกไปยัง {host} นอกเว็บไซต์หลัก",
        "The URL redirects off the main website to {host}",
        fix_th="ให้ URL เปิดข้อมูลบนเว็บไซต์หลักโดยตรง ไม่เปลี่ยนเส้นทางไปเว็บไซต์อื่น",
        fix_en="Make the URL show the data on the main website itself, without redirecting elsewhere",
    ),
    "on_main_site.sharing_link": Text(
        "เอกสารฝากไว้บน {host} ซึ่งไม่ใช่เว็บไซต์หลักของหน่วยงาน",
        "A document is hosted on {host}, not on the main website",
        fix_th="อัปโหลดเอกสารไว้บนเว็บไซต์หลักแทนการฝากไว้บน {host}",
        fix_en="Upload the document to the main website instead of {host}",
    ),
}


def check(ctx: CheckContext, params: OnMainSiteParams) -> list[Outcome]:
    out: list[Outcome] = []
    main = host_of(ctx.main_site)
    for e in ctx.submitted:
        url = e.resource.url
        host = host_of(url)
        if not (
            is_same_site(url, ctx.main_site)
            or any(is_same_site(url, f"http://{h}/") for h in params.extra_hosts)
        ):
            out.append(failed("on_main_site.offsite", url=url, host=host, main=main, evidence=host))
            continue
        final = e.resource.final_url
        if final and final != url and not is_same_site(final, ctx.main_site):
            out.append(
                failed(
                    "on_main_site.redirect_offsite",
                    url=url,
                    host=host_of(final),
                    main=main,
                    evidence=final,
                )
            )
        else:
            out.append(passed("on_main_site.ok", url=url, host=host, main=main))
    if params.warn_sharing_links:
        seen: set[str] = set()
        for link in ctx.offsite_links:
            host = host_of(link.url)
            if is_sharing_host(link.url) and link.url not in seen:
                seen.add(link.url)
                out.append(
                    warned(
                        "on_main_site.sharing_link",
                        url=link.url,
                        host=host,
                        evidence=link.text[:80],
                    )
                )
    return out
