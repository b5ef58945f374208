"""Record the cassettes in ``cassettes/`` from local scenario servers (run by hand).

    python -m tests.fetch.record_cassettes

Each scenario reproduces a behaviour seen on agency sites; the recorder fetches it with httpx
over a real socket and stores what came back, with the local origin renamed.
"""

from __future__ import annotations

import base64
import datetime as dt
import tempfile
from pathlib import Path

import httpx
import yaml

from tests.fetch.cassette import CASSETTES
from tests.sites import Scenario, html, redirect, sequence, static

HOST = "http://old-cms.example.go.th"


def record(name: str, scenario: Scenario, paths: list[str], note: str) -> None:
    interactions = []
    with httpx.Client(follow_redirects=False) as client:
        for path in paths:
            r = client.get(scenario.url(path))
            headers = {
                k: v.replace(scenario.origin, HOST)
                for k, v in r.headers.items()
                if k.lower() in ("content-type", "location", "retry-after", "last-modified")
            }
            interactions.append(
                {
                    "request": {"method": "GET", "url": HOST + path},
                    "response": {
                        "status": r.status_code,
                        "headers": headers,
                        "body_b64": base64.b64encode(r.content).decode(),
                    },
                }
            )
    doc = {"note": note, "recorded": dt.date.today().isoformat(), "interactions": interactions}
    (CASSETTES / f"{name}.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def main() -> None:
    CASSETTES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Scenario(Path(tmp)) as s:
        s.page(
            "/ita/o18.php",
            html(
                "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
                "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ โทร 045-000-000",
                charset="tis-620",
            ),
            charset="tis-620",
        )
        s.page("/ita/o7.php", html("ระบบจัดการเว็บไซต์", "ขออภัย ไม่พบหน้าที่คุณต้องการ"))
        record(
            "legacy_cms_tis620",
            s,
            ["/ita/o18.php", "/ita/o7.php"],
            "An old PHP CMS: a TIS-620 page, and a deleted page answered with 200 (soft 404).",
        )
        s.route("/ita2568", redirect("/ita2568/", 301))
        s.route("/ita2568/", redirect("/index.php?page=ita&year=2568", 302))
        s.page("/index.php", html("ITA 2568", "รายการข้อมูล OIT ประจำปีงบประมาณ พ.ศ. 2568"))
        record(
            "redirect_chain",
            s,
            ["/ita2568", "/ita2568/", "/index.php?page=ita&year=2568"],
            "Moved ITA page: 301 then 302 to a query-string page.",
        )
        s.route(
            "/o12.xlsx",
            sequence(
                static(b"busy", "text/plain", 503, {"Retry-After": "0"}),
                static(b"PK\x03\x04", "application/octet-stream"),
            ),
        )
        record(
            "busy_then_ok",
            s,
            ["/o12.xlsx", "/o12.xlsx"],
            "Overloaded server: 503 with Retry-After, then the file.",
        )


if __name__ == "__main__":
    main()
