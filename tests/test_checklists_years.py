"""Every shipped checklist loads; item sets, indicator splits and certainty match ITA-NOTES."""

import pytest

from oit_checker.checklist.load import load_checklist, shipped_ids

EXPECTED = {  # id: (items, last item of indicator 9, completeness, certainty)
    "ita-2565": (43, "O33", "complete", "mixed"),
    "ita-2566": (43, "O30", "complete", "medium"),
    "ita-2567": (35, "O25", "complete", "mixed"),
    "ita-2568": (28, "O20", "complete", "mixed"),
    "ita-2569": (26, "O19", "partial", "provisional"),
}


def test_all_years_are_shipped():
    assert sorted(EXPECTED) == shipped_ids()


@pytest.mark.parametrize("cid", sorted(EXPECTED))
def test_items_and_indicator_split(cid):
    n, last9, completeness, certainty = EXPECTED[cid]
    c = load_checklist(cid)
    assert c.item_ids == tuple(f"O{i}" for i in range(1, n + 1))
    nine = [i.id for i in c.items if i.indicator == 9]
    assert nine[-1] == last9 and all(i.indicator == 10 for i in c.items[len(nine) :])
    assert (c.completeness, c.certainty) == (completeness, certainty)
    for item in c.items:  # every rule names its source
        assert all(ref.source for ref in item.checks), item.id


def test_provisional_2569_content_rules_are_all_advisory():
    """Only the floors are firm in 2569 — the URL rules, has_data and own_agency (ITA-NOTES:
    current data of this agency on its main website, in every year); every item's own rule is
    advisory."""
    c = load_checklist("ita-2569")
    content = [
        r
        for i in c.items
        for r in i.checks
        if r.id not in ("reachable", "on_main_site", "not_soft_404", "has_data", "own_agency")
    ]
    assert content and all(r.confidence == "inferred" for r in content)


def test_the_two_43_item_years_are_different_item_sets():
    a, b = load_checklist("ita-2565"), load_checklist("ita-2566")
    assert a.item("O10").title != b.item("O10").title
    assert b.item("O10").title == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
