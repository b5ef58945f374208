"""`extends:` — a local copy changes only what it names; errors still name file and line."""

from pathlib import Path

import pytest

from oit_checker.checklist.load import load_checklist
from oit_checker.errors import ChecklistError


def write(tmp_path: Path, text: str, name: str = "local.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_inherits_everything_and_overrides_only_what_it_names(tmp_path):
    base = load_checklist("ita-2568")
    c = load_checklist(
        write(
            tmp_path,
            """\
id: agency-2568
extends: ita-2568
items:
  - id: o14
    weight: 3
    add_keywords:
      สรรหา: [การคัดเลือกบุคลากร]
    params:
      mentions_year: {allow_range: false}
  - id: O7
    add_checks:
      - dated_within: {year: fy-1}
        source: agency policy
        confidence: inferred
  - id: O29
    indicator: 10
    title: ข้อเพิ่มเติมของหน่วยงาน
""",
        )
    )
    assert c.id == "agency-2568" and c.year == 2568 and len(c.items) == 29
    o14 = c.item("O14")
    assert o14.weight == 3.0 and base.item("O14").weight == 1.0
    kw = next(r for r in o14.checks if r.id == "keywords")
    assert "การคัดเลือกบุคลากร" in kw.params.groups[0].any
    year = next(r for r in o14.checks if r.id == "mentions_year")
    assert year.params.allow_range is False and year.params.year == "fy"
    assert [r.id for r in c.item("O7").checks][-1] == "dated_within"
    assert c.item("O1") == base.item("O1")
    assert c.item("O29").title == "ข้อเพิ่มเติมของหน่วยงาน"


def test_extending_a_relative_file_and_replacing_checks(tmp_path):
    write(tmp_path, "id: mine\nextends: ita-2568\nitems: []\n", "mine.yaml")
    c = load_checklist(
        write(
            tmp_path, "id: mine2\nextends: mine.yaml\nitems:\n  - {id: O10, checks: [reachable]}\n"
        )
    )
    assert [r.id for r in c.item("O10").checks] == ["reachable"]


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("id: x\nextends: ita-2568\nitems:\n  - id: O99\n    weight: 2\n", 4, "O99"),
        (
            "id: x\nextends: ita-2568\nitems:\n  - id: O1\n    params:\n      xlsx_template: {}\n",
            6,
            "no 'xlsx_template' rule",
        ),
        (
            "id: x\nextends: ita-2568\nitems:\n  - id: O1\n    add_keywords:\n      ไม่มี: [a]\n",
            6,
            "no keywords element",
        ),
        (
            "id: x\nextends: ita-2568\nitems:\n  - id: O5\n    params:\n"
            "      mentions_year: {year: soon}\n",
            6,
            "mentions_year",
        ),
        ("id: x\nextends: ita-2568\nyear: 2567\nitems: []\n", 3, "2568"),
        ("id: x\nextends: ita-2568\nitems:\n  - id: O1\n    wieght: 2\n", 5, "wieght"),
        ("id: x\nextends: ita-1999\nitems: []\n", 2, "unknown checklist 'ita-1999'"),
    ],
)
def test_override_errors_name_the_line(tmp_path, text, line, needle):
    with pytest.raises(ChecklistError) as info:
        load_checklist(write(tmp_path, text))
    assert info.value.line == line
    assert needle in info.value.render("en")


def test_extends_cycle_is_bounded(tmp_path):
    write(tmp_path, "id: a\nextends: b.yaml\nitems: []\n", "a.yaml")
    write(tmp_path, "id: b\nextends: a.yaml\nitems: []\n", "b.yaml")
    with pytest.raises(ChecklistError, match="at most 5 levels"):
        load_checklist(tmp_path / "a.yaml")
