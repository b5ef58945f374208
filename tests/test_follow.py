from oit_checker.follow import pick
from oit_checker.model import DocKind, Link
from tests.helpers import MAIN, doc


def links(*specs):
    return tuple(Link(u, t, tag, nav) for u, t, tag, nav in specs)


def test_documents_first_same_site_only_chrome_skipped_offsite_reported():
    d = doc(
        MAIN + "ita/o7",
        DocKind.HTML,
        "x",
        links=links(
            (MAIN, "home", "a", False),
            (MAIN + "news", "ข่าว", "a", True),
            (MAIN + "ita/o7/detail", "รายละเอียด", "a", False),
            (MAIN + "files/r.pdf", "รายงาน", "a", False),
            ("https://sub.example.go.th/x.xlsx", "", "a", False),
            ("https://drive.google.com/file/d/1", "drive", "a", False),
            ("https://www.nacc.go.th/", "ปปช", "a", False),
        ),
    )
    plan = pick(d, page_url=MAIN + "ita/o7", main_site=MAIN, depth=0, follow_depth=1, limit=30)
    assert [x.url for x in plan.follow] == [
        MAIN + "files/r.pdf",
        "https://sub.example.go.th/x.xlsx",
        MAIN + "ita/o7/detail",
    ]
    assert [x.url for x in plan.offsite] == ["https://drive.google.com/file/d/1"]


def test_depth_and_count_limits():
    many = links(*((MAIN + f"f{i}.pdf", "", "a", False) for i in range(50)))
    d = doc(MAIN + "o1", DocKind.HTML, links=many)
    assert (
        len(pick(d, page_url=MAIN + "o1", main_site=MAIN, depth=0, follow_depth=1, limit=30).follow)
        == 30
    )
    assert (
        pick(d, page_url=MAIN + "o1", main_site=MAIN, depth=1, follow_depth=1, limit=30).follow
        == ()
    )
    pdf = doc(MAIN + "a.pdf", DocKind.PDF)
    assert (
        pick(pdf, page_url=MAIN + "a.pdf", main_site=MAIN, depth=0, follow_depth=1, limit=30).follow
        == ()
    )
