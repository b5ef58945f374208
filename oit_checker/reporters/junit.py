"""JUnit XML: one test case per item, for CI dashboards (GitLab, Jenkins, GitHub test reporters).

``fail`` and ``risk`` items are failures (``type`` tells which) whose message lists the
reasons; ``manual`` and ``missing`` items are skipped with a message (nothing failed, but
nothing passed either); advisory findings go to ``system-out``. Built with ElementTree, so
every string from a crawled site is escaped.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from oit_checker.i18n import label
from oit_checker.model import FindingStatus, ItemStatus, Report
from oit_checker.reporters.base import Options, safe, text_of

BINARY = False


def render(report: Report, options: Options) -> str:
    lang = options.lang
    failures = report.count(ItemStatus.FAIL) + report.count(ItemStatus.RISK)
    skipped = report.count(ItemStatus.MANUAL) + report.count(ItemStatus.MISSING)
    suite = ET.Element(
        "testsuite",
        {
            "name": f"oit-checker {report.checklist_id} {report.agency}".strip(),
            "tests": str(len(report.items)),
            "failures": str(failures),
            "errors": "0",
            "skipped": str(skipped),
            "timestamp": report.checked_at.isoformat(),
        },
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("oit_score", report.oit_score),
        ("oit_score_max", report.oit_score_max),
        ("main_site", report.main_site),
        ("today", report.today.isoformat()),
    ):
        ET.SubElement(props, "property", {"name": name, "value": str(value)})
    for item in report.items:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"{report.checklist_id}.indicator{item.indicator}",
                "name": f"{item.id} {item.title}",  # stable test ids: never translated
            },
        )
        reasons = [
            text_of(f, lang) + (f" ({f.url})" if f.url else "")
            for f in item.findings
            if f.status is FindingStatus.FAIL or f.downgraded
        ]
        if item.status in (ItemStatus.FAIL, ItemStatus.RISK):
            kind = item.status.value  # "risk": an assessor applying an inferred rule gives 0
            fail = ET.SubElement(
                case, "failure", {"message": "; ".join(reasons)[:1000], "type": kind}
            )
            fail.text = "\n".join(reasons)
        elif item.status in (ItemStatus.MANUAL, ItemStatus.MISSING):
            ET.SubElement(case, "skipped", {"message": label(f"skip.{item.status.value}", lang)})
        notes = [
            text_of(f, lang)
            for f in item.findings
            if f.status in (FindingStatus.WARN, FindingStatus.MANUAL)
        ]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    for node in suite.iter():  # XML 1.0 forbids control characters: a crawled \x01 stays out
        node.attrib.update({k: safe(v) for k, v in node.attrib.items()})
        if node.text:
            node.text = safe(node.text)
    ET.indent(suite)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
    )
