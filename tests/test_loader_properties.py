"""Property-based: every input file is a result or an InputError — never another exception.

Each loader gets arbitrary text, arbitrary YAML/JSON structures with the format's own keys,
and valid documents with one node replaced, deleted or nested (the mutations that found
AttributeError, OverflowError and RecursionError tracebacks in ``report``). Hypothesis keeps
a failing example small; the examples are bounded so the suite stays fast.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oit_checker.agencies import load_agencies
from oit_checker.checklist.load import load_checklist
from oit_checker.errors import InputError
from oit_checker.reportfile import load_report, to_dict
from oit_checker.submission.load import load_submission
from tests.test_reporters import fixed_report

ROOT = Path(__file__).resolve().parents[1]
KEYS = (
    "agency",
    "main_site",
    "checklist",
    "items",
    "year",
    "id",
    "schema",
    "extends",
    "checks",
    "check",
    "defaults",
    "indicators",
    "title",
    "weight",
    "status",
    "findings",
    "score",
    "agencies",
    "submission",
    "discover",
    "O1",
    "O12",
    "urls",
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["https://example.go.th/", "O1", "2568", "ita-2568", "pass", "๒๕๖๘", "\t"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)
# 60 examples per property in the suite; PROPERTY_EXAMPLES=2000 for a deeper search.
PROPERTY = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _write(text: str | bytes, suffix: str) -> Path:
    d = Path(tempfile.mkdtemp(prefix="oit-prop-"))
    p = d / f"input{suffix}"
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8", errors="surrogatepass")
    return p


def _dump(value: Any) -> str:
    try:
        return yaml.safe_dump(value, allow_unicode=True)
    except (yaml.YAMLError, ValueError, RecursionError):
        return json.dumps(value, default=str)  # JSON is YAML too (flow style)


def mutated(doc: Any, data: st.DataObject) -> Any:
    """``doc`` with one node replaced, deleted or wrapped (a copy; the original stays)."""
    doc = json.loads(json.dumps(doc, default=str))
    node, path = doc, []
    for _ in range(data.draw(st.integers(min_value=0, max_value=6))):
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            key = data.draw(st.integers(min_value=0, max_value=len(node) - 1))
        else:
            break
        path.append((node, key))
        node = node[key]
    if not path:
        return data.draw(VALUES)
    parent, key = path[-1]
    action = data.draw(st.sampled_from(["replace", "delete", "wrap", "deep"]))
    if action == "replace":
        parent[key] = data.draw(VALUES)
    elif action == "delete":
        del parent[key]
    elif action == "wrap":
        parent[key] = [parent[key]]
    else:
        deep: Any = parent[key]
        for _ in range(data.draw(st.integers(min_value=50, max_value=800))):
            deep = [deep]
        parent[key] = deep
    return doc


def only_input_errors(load: Any, path: Path) -> None:
    try:
        load(path)
    except InputError as exc:
        assert exc.render("th") and exc.render("en")


SUBMISSION = {
    "agency": "องค์การบริหารส่วนตำบลตัวอย่าง",
    "main_site": "https://www.example.go.th/",
    "checklist": "ita-2568",
    "items": {"O1": "https://www.example.go.th/o1", "O2": ["https://www.example.go.th/o2"]},
}
AGENCIES = {
    "agencies": [
        {"agency": "อบต.ก", "submission": "a.yaml"},
        {"agency": "อบต.ข", "main_site": "https://b.go.th/", "discover": True},
    ]
}


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_text_as_a_submission(text):
    only_input_errors(load_submission, _write(text, ".yaml"))


@PROPERTY
@given(value=VALUES)
def test_any_structure_as_a_submission(value):
    only_input_errors(load_submission, _write(_dump(value), ".yaml"))


@PROPERTY
@given(data=st.data())
def test_a_damaged_submission(data):
    only_input_errors(load_submission, _write(_dump(mutated(SUBMISSION, data)), ".yaml"))


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_text_as_a_csv_submission(text):
    only_input_errors(load_submission, _write(text, ".csv"))


@PROPERTY
@given(data=st.data())
def test_a_damaged_checklist(data):
    shipped = yaml.safe_load((ROOT / "checklists" / "ita-2568.yaml").read_text(encoding="utf-8"))
    only_input_errors(load_checklist, _write(_dump(mutated(shipped, data)), ".yaml"))


@PROPERTY
@given(value=VALUES)
def test_any_structure_as_a_checklist(value):
    only_input_errors(load_checklist, _write(_dump(value), ".yaml"))


@PROPERTY
@given(data=st.data())
def test_a_damaged_agencies_file(data):
    only_input_errors(load_agencies, _write(_dump(mutated(AGENCIES, data)), ".yaml"))


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_text_as_an_agencies_csv(text):
    only_input_errors(load_agencies, _write(text, ".csv"))


@PROPERTY
@given(data=st.data())
def test_a_damaged_report(data):
    doc = mutated(to_dict(fixed_report(), "th"), data)
    only_input_errors(load_report, _write(json.dumps(doc, ensure_ascii=False), ".json"))


@PROPERTY
@given(value=VALUES)
def test_any_structure_as_a_report(value):
    only_input_errors(load_report, _write(json.dumps(value), ".json"))


@PROPERTY
@given(blob=st.binary(max_size=200))
def test_any_bytes_as_a_report_or_a_workbook(blob):
    only_input_errors(load_report, _write(blob, ".json"))
    only_input_errors(load_submission, _write(blob, ".xlsx"))
    only_input_errors(load_agencies, _write(blob, ".xlsx"))
