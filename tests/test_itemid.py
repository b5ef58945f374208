import pytest

from oit_checker.itemid import normalize_item_id


@pytest.mark.parametrize(
    "raw",
    [
        "O12",
        "o12",
        "O 12",
        "O-12",
        "O012",
        "o๑๒",
        "๐๑๒",
        "012",
        "12",
        "OIT 12",
        "ข้อ O12",
        " O12 ",
        "O\u00a012",
    ],
)
def test_forms_of_o12(raw):
    assert normalize_item_id(raw) == "O12"


@pytest.mark.parametrize(
    ("raw", "expected"), [("O1", "O1"), ("01", "O1"), ("๐๑", "O1"), ("O43", "O43"), ("043", "O43")]
)
def test_other_ids(raw, expected):
    assert normalize_item_id(raw) == expected


@pytest.mark.parametrize("raw", ["", "X12", "O", "O-", "O0", "https://x", "O 1 2", "O100"])
def test_rejected(raw):
    assert normalize_item_id(raw) is None
