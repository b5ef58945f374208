from oit_checker.extract.html import decode, parse
from oit_checker.model import DocKind
from oit_checker.settings import RunSettings
from tests.helpers import extract_file

S = RunSettings()
THAI = "การเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"


def test_tis620_from_header_meta_and_detection_without_any_label():
    raw = f"<html><body><p>{THAI}</p></body></html>".encode("cp874")
    assert THAI in decode(raw, "text/html; charset=tis-620")
    meta = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
        f"</head><body>{THAI}</body></html>".encode("cp874")
    )
    assert THAI in decode(meta, "text/html")
    assert THAI in decode(raw, None)  # no label at all: detected


def test_iso_8859_11_label_is_read_as_windows_874():
    raw = "<p>ราคา ๑๐๐ บาท “ป.ป.ช.”</p>".encode("cp874")
    assert "“ป.ป.ช.”" in decode(raw, "text/html; charset=iso-8859-11")


def test_visible_text_links_dates_and_title():
    markup = """<html><head><title>O4 ข่าว</title>
      <meta property="article:published_time" content="2025-01-15T10:00:00+07:00"></head>
      <body><nav class="menu"><a href="/">หน้าหลัก ITA 2566 2567</a></nav>
      <script>document.write('ซ่อน')</script><style>.x{}</style>
      <main><h1>ข่าว</h1><p>ประกาศ ณ วันที่ ๑๕ ต.ค. ๖๗</p><time datetime="2025-02-01">1 ก.พ.</time>
      <a href="files/รายงาน ปี.pdf">รายงาน</a><iframe src="/viewer/o4.pdf"></iframe>
      <a href="mailto:x@y">mail</a><a href="javascript:void(0)">js</a></main>
      <footer id="footer">โทร 02</footer></body></html>"""
    d = parse(markup, "https://www.example.go.th/ita/o4.html", S)
    assert d.kind is DocKind.HTML and d.title == "O4 ข่าว"
    assert "ซ่อน" not in d.text and "ITA 2566" not in d.text and "โทร 02" not in d.text
    assert "ประกาศ ณ วันที่ 15 ต.ค. 67" in d.text
    assert [(x.url, x.nav) for x in d.links] == [
        ("https://www.example.go.th/", True),
        (
            "https://www.example.go.th/ita/files/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99"
            "%20%E0%B8%9B%E0%B8%B5.pdf",
            False,
        ),
        ("https://www.example.go.th/viewer/o4.pdf", False),
    ]
    sources = sorted({f.source for f in d.dates})
    assert sources == ["meta", "text", "time"]


def test_script_drawn_shell_is_unreadable_and_login_form_detected():
    shell = (
        '<html><body><div id="app">กำลังโหลดข้อมูล...</div>'
        '<script src="/app.js"></script></body></html>'
    )
    d = parse(shell, "https://x.go.th/ita", S)
    assert not d.readable and d.unreadable_reason == "script_drawn"
    login = '<form><input name="u"><input type="password" name="p"></form>'
    assert parse(login, "https://x.go.th/", S).has_password_form


def test_page_entirely_inside_a_menu_keeps_its_text():
    markup = (
        '<body><div class="menu-content"><p>'
        + "เนื้อหารายการ O1 โครงสร้าง " * 20
        + "</p></div></body>"
    )
    assert "โครงสร้าง" in parse(markup, "https://x.go.th/", S).text


def test_hostile_markup_does_not_crash(tmp_path):
    p = tmp_path / "evil.html"
    p.write_bytes(b"<html><body>" + b"<div>" * 20000 + b"\x00\xff\xfe<a href='http://[::1'>x</a>")
    d = extract_file(p, content_type="text/html")
    assert d.kind is DocKind.HTML


def test_a_malformed_link_is_dropped_not_a_crash() -> None:
    from oit_checker.extract.html import parse
    from oit_checker.settings import RunSettings

    doc = parse(
        '<p>O1</p><a href="http://[bad">x</a><a href="/ok.pdf">ok</a>',
        "https://a.go.th/",
        RunSettings(),
    )
    assert [link.url for link in doc.links] == ["https://a.go.th/ok.pdf"]
