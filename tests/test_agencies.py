"""Agencies files: YAML, CSV and XLSX; a bad row is reported with its line and skipped."""

from openpyxl import Workbook

from oit_checker.agencies import load_agencies


def test_yaml_csv_and_xlsx(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "main_site: https://a.go.th/\nitems: {O1: https://a.go.th/}\n", encoding="utf-8"
    )
    y = tmp_path / "agencies.yaml"
    y.write_text(
        "agencies:\n  - name: A\n    submission: a.yaml\n  - name: B\n"
        "  - {name: C, submission: a.yaml, colour: red}\n",
        encoding="utf-8",
    )
    entries, problems = load_agencies(y)
    assert [e.name for e in entries] == ["A"] and entries[0].submission == tmp_path / "a.yaml"
    assert [(p.line, p.field) for p in problems] == [(4, "submission"), (5, "colour")]
    c = tmp_path / "agencies.csv"
    c.write_text(
        "name,submission,checklist\nA,a.yaml,ita-2568\nB,missing.yaml,\n", encoding="utf-8"
    )
    entries, problems = load_agencies(c)
    assert [(e.name, e.checklist) for e in entries] == [("A", "ita-2568")]
    assert [(p.line, p.field) for p in problems] == [(3, "submission")]
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "submission", "main_site"])
    ws.append(["A", "a.yaml", "https://a.go.th/"])
    ws.append([None, "a.yaml", None])
    x = tmp_path / "agencies.xlsx"
    wb.save(x)
    entries, problems = load_agencies(x)
    assert [(e.name, e.main_site) for e in entries] == [("A", "https://a.go.th/")]
    assert [(p.line, p.field) for p in problems] == [(3, "name")]


def test_discover_rows_need_a_main_site_and_exclude_a_submission(tmp_path):
    from oit_checker.agencies import load_agencies

    (tmp_path / "s.yaml").write_text("x", encoding="utf-8")
    f = tmp_path / "a.yaml"
    f.write_text(
        "agencies:\n"
        "  - {name: ก, discover: true, main_site: 'https://www.a.go.th'}\n"
        "  - {name: ข, discover: true}\n"
        "  - {name: ค, discover: true, main_site: 'https://www.c.go.th/', submission: s.yaml}\n"
        "  - {name: ง, discover: true, main_site: 'not a url'}\n",
        encoding="utf-8",
    )
    entries, errors = load_agencies(f)
    assert [(e.name, e.discover, e.main_site) for e in entries] == [
        ("ก", True, "https://www.a.go.th/")
    ]
    assert [(e.line, e.field) for e in errors] == [
        (3, "main_site"),
        (4, "discover"),
        (5, "main_site"),
    ]


def test_optional_grouping_columns_in_english_or_thai(tmp_path):
    """Province, district and type feed the dashboard's filters; Thai column names as
    agencies' own lists have them; free text, one line, never a reason to skip a row."""
    (tmp_path / "a.yaml").write_text(
        "main_site: https://a.go.th/\nitems: {O1: https://a.go.th/}\n", encoding="utf-8"
    )
    c = tmp_path / "agencies.csv"
    c.write_text(
        "ชื่อหน่วยงาน,submission,จังหวัด,อำเภอ,ประเภท\n"
        'อบต.ก,a.yaml,เชียงใหม่,"  แม่ริม\n ",อบต.\n'
        "อบต.ข,a.yaml,,,\n",
        encoding="utf-8",
    )
    entries, problems = load_agencies(c)
    assert problems == ()
    assert [(e.name, e.province, e.district, e.kind) for e in entries] == [
        ("อบต.ก", "เชียงใหม่", "แม่ริม", "อบต."),
        ("อบต.ข", "", "", ""),
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "submission", "main_site", "checklist", "discover", "province", "type"])
    ws.append(["A", "a.yaml", None, None, None, "ลำพูน", "เทศบาล"])
    x = tmp_path / "agencies.xlsx"
    wb.save(x)
    entries, _ = load_agencies(x)
    assert [(e.province, e.kind) for e in entries] == [("ลำพูน", "เทศบาล")]
