"""Every checklist error names the file, the line and the field, and exits 2 from the CLI."""

from pathlib import Path

import pytest

from oit_checker.checklist.load import load_checklist, shipped_dir, shipped_ids
from oit_checker.cli import main
from oit_checker.errors import ChecklistError

HEAD = "id: my-2568\nyear: 2568\nitems:\n"


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "mine.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def err(tmp_path: Path, text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as info:
        load_checklist(write(tmp_path, text))
    return info.value


def test_shipped_2568_loads_with_28_items():
    assert "ita-2568" in shipped_ids()
    c = load_checklist("ita-2568")
    assert c.year == 2568 and c.item_ids == tuple(f"O{i}" for i in range(1, 29))
    assert {i.indicator for i in c.items} == {9, 10}
    assert c.item("O12").checks[0].id == "reachable"  # defaults come first


def test_minimal_checklist_and_short_check_forms(tmp_path):
    c = load_checklist(
        write(
            tmp_path,
            HEAD
            + """\
  - id: o 1
    indicator: 9
    title: ทดสอบ
    checks:
      - reachable
      - mentions_year: {year: fy-1}
      - {check: keywords, params: {groups: [[ก]]}, source: S1, confidence: inferred}
""",
        )
    )
    item = c.items[0]
    assert item.id == "O1"
    assert [r.id for r in item.checks] == ["reachable", "mentions_year", "keywords"]
    assert item.checks[2].confidence == "inferred" and item.checks[2].source == "S1"


def test_unknown_check_id_with_did_you_mean_and_line(tmp_path):
    e = err(
        tmp_path,
        HEAD + "  - id: O1\n    indicator: 9\n    title: t\n    checks:\n"
        "      - keyword: {groups: [[a]]}\n",
    )
    assert e.line == 8 and "did you mean 'keywords'" in e.message and e.field == "check"
    assert str(tmp_path / "mine.yaml") in e.render()


def test_wrong_parameter_type_names_the_parameter(tmp_path):
    e = err(
        tmp_path,
        HEAD + "  - id: O1\n    indicator: 9\n    title: t\n    checks:\n"
        "      - mentions_year:\n          year: next year\n",
    )
    assert e.line == 9 and e.field == "mentions_year.year"
    e = err(
        tmp_path,
        HEAD + "  - id: O1\n    indicator: 9\n    title: t\n    checks:\n"
        "      - xlsx_template: {min_rows: many}\n",
    )
    assert e.line == 8 and e.field == "xlsx_template.min_rows"


def test_unknown_parameter_is_rejected(tmp_path):
    e = err(
        tmp_path,
        HEAD + "  - id: O1\n    indicator: 9\n    title: t\n    checks:\n"
        "      - keywords: {groups: [[a]], grups: 1}\n",
    )
    assert e.field == "keywords.grups"


def test_duplicate_item(tmp_path):
    e = err(
        tmp_path,
        HEAD + "  - {id: O1, indicator: 9, title: a}\n  - {id: o01, indicator: 9, title: b}\n",
    )
    assert e.line == 5 and "duplicate item O1" in e.message


def test_unknown_keys_bad_year_bad_yaml_and_unreadable(tmp_path):
    e = err(tmp_path, HEAD + "  - {id: O1, indicator: 9, title: a, wieght: 2}\n")
    assert e.field == "wieght" and "did you mean 'weight'" in e.message
    assert "year" in err(tmp_path, "id: x\nyear: 68\nitems: []\n").message
    e = err(tmp_path, HEAD + "  - {id: O1, indicator: 9\n")
    assert e.line is not None and "YAML" in e.message
    with pytest.raises(ChecklistError, match="file not found"):
        load_checklist(tmp_path / "missing.yaml")
    with pytest.raises(ChecklistError, match="unknown checklist"):
        load_checklist("ita-2400")


def test_cli_validate_exit_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OIT_LANG", "en")
    good = write(tmp_path, HEAD + "  - {id: O1, indicator: 9, title: a}\n")
    shipped = str(shipped_dir() / "ita-2568.yaml")
    assert main(["checklists", "validate", str(good), shipped]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        HEAD + "  - {id: O1, indicator: 9, title: a, checks: [reachible]}\n", encoding="utf-8"
    )
    assert main(["checklists", "validate", str(good), str(bad)]) == 2
    assert f"{bad}:4: check: unknown check id 'reachible'" in capsys.readouterr().err
    monkeypatch.delenv("OIT_LANG")
    assert main(["checklists", "validate", str(bad)]) == 2
    assert f"{bad}:4: check: ไม่รู้จักรหัสการตรวจ 'reachible' (หมายถึง 'reachable'" in (
        capsys.readouterr().err
    )


def test_cli_list_and_show(capsys):
    assert main(["checklists", "list"]) == 0
    assert "ita-2568" in capsys.readouterr().out
    assert main(["checklists", "show", "ita-2568"]) == 0
    out = capsys.readouterr().out
    assert "O12" in out and "คำอธิบายเพิ่มเติม" in out and "xlsx_template" in out


def test_every_rule_of_every_shipped_checklist_is_described_in_both_languages():
    from oit_checker import checks
    from oit_checker.checklist.describe import describe

    seen = set()
    for cid in shipped_ids():
        c = load_checklist(cid)
        for item in c.items:
            for ref in item.checks:
                seen.add(ref.id)
                for lang in ("th", "en"):
                    assert describe(ref, c.year, lang) != ref.id, (cid, item.id, ref.id)
    assert seen == set(checks.REGISTRY)


def test_show_marks_firm_and_advisory_rules(capsys):
    assert main(["checklists", "show", "ita-2569"]) == 0
    out = capsys.readouterr().out
    assert "[อนุมาน: แจ้งเป็นข้อสังเกต]" in out and "ที่มา S6" in out
    assert main(["checklists", "show", "ita-2568", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "required elements:" in out and "[confirmed]" in out and "NACC Excel template" in out


@pytest.mark.parametrize(
    ("defect", "line", "needle"),
    [
        ("      - keywordz: {groups: [[ก]]}\n", 10, "did you mean 'keywords'"),
        ("      - mentions_year: {allow_range: sometimes}\n", 10, "mentions_year"),
        ("      - reachable\n  - {id: o01, indicator: 9, title: dup}\n", 11, "duplicate item O1"),
    ],
)
def test_deliberately_broken_copy_of_a_shipped_checklist_exits_2_with_its_line(
    tmp_path, capsys, monkeypatch, defect, line, needle
):
    monkeypatch.setenv("OIT_LANG", "en")
    bad = write(
        tmp_path,
        HEAD + "  - id: O1\n    indicator: 9\n    title: t\n    checks:\n"
        "      - reachable\n      - on_main_site\n" + defect,
    )
    assert main(["checklists", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:{line}:" in err and needle in err


def test_a_checklist_is_built_once_per_text_and_anew_when_its_file_changes(tmp_path):
    """A night loads its checklist once per agency: the second load is the first one's value,
    and an edited file is read anew, never answered from memory."""
    path = write(tmp_path, HEAD + "  - {id: O1, indicator: 9, title: โครงสร้าง}\n")
    first = load_checklist(path)
    assert load_checklist(path) is first
    path.write_text(HEAD + "  - {id: O1, indicator: 9, title: ข้อมูลผู้บริหาร}\n", encoding="utf-8")
    again = load_checklist(path)
    assert again is not first and again.item("O1").title == "ข้อมูลผู้บริหาร"


def test_a_checklist_that_extends_follows_edits_of_its_base(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text(HEAD + "  - {id: O1, indicator: 9, title: โครงสร้าง}\n", encoding="utf-8")
    mine = tmp_path / "agency.yaml"
    mine.write_text("id: agency\nextends: base.yaml\nitems: []\n", encoding="utf-8")
    assert load_checklist(mine).item("O1").title == "โครงสร้าง"
    base.write_text(HEAD + "  - {id: O1, indicator: 9, title: อำนาจหน้าที่}\n", encoding="utf-8")
    assert load_checklist(mine).item("O1").title == "อำนาจหน้าที่"


def test_threads_loading_many_checklists_at_once_share_the_memory_safely(tmp_path):
    """A Dask worker's threads load checklists concurrently, more of them than are kept."""
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for n in range(80):
        p = tmp_path / f"c{n}.yaml"
        p.write_text(HEAD + f"  - {{id: O1, indicator: 9, title: ข้อ {n}}}\n", encoding="utf-8")
        paths.append(p)
    with ThreadPoolExecutor(8) as pool:
        titles = list(pool.map(lambda p: load_checklist(p).item("O1").title, paths * 3))
    assert titles == [f"ข้อ {n}" for n in range(80)] * 3
