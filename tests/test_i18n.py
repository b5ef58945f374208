"""Thai first: every message code and every input-error template has a Thai and English text."""

import ast
import pathlib

import oit_checker
from oit_checker.i18n import error_text
from oit_checker.messages import en, th
from oit_checker.texts import message

ERROR_CALLS = {
    "err",
    "error",
    "ChecklistError",
    "SubmissionError",
    "AgenciesError",
    "UsageError",
    "InputError",
    "WaiverError",
    "ConfigError",
    "ReportFileError",
    "cls",
}
ROOT = pathlib.Path(oit_checker.__file__).parent


def error_templates() -> set[str]:
    out = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                arg = node.args[0]
                if (
                    name in ERROR_CALLS
                    and isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                ):
                    out.add(arg.value)
    return out


def test_every_input_error_has_a_thai_translation_with_the_same_fields():
    templates = error_templates()
    assert len(templates) > 30
    missing = sorted(templates - set(th.ERRORS))
    assert not missing, missing
    for t in templates:
        fields = {f for f in __import__("string").Formatter().parse(t) if f[1]}
        th_fields = {f for f in __import__("string").Formatter().parse(th.ERRORS[t]) if f[1]}
        assert {f[1] for f in fields} == {f[1] for f in th_fields}, t


def test_finding_messages_exist_in_both_languages():
    assert set(th.MESSAGES) == set(en.MESSAGES)
    assert set(th.REASONS) == set(en.REASONS)
    assert message("keywords.unreadable", {"reason": "no_text_layer"}, "th").startswith(
        "ตรวจด้วยเครื่องไม่ได้ (PDF เป็นภาพสแกน"
    )
    assert message("no.such.code", {}, "en") == "no.such.code"


def test_error_text_renders_and_falls_back():
    assert error_text("unknown key {key!r}", {"key": "x"}, "th") == "ไม่รู้จักคีย์ 'x'"
    assert error_text("unknown key {key!r}", {"key": "x"}, "en") == "unknown key 'x'"
    assert error_text("untranslated {a}", {"a": 1}, "th") == "untranslated 1"


def test_a_known_http_status_names_what_happened():
    from oit_checker.i18n import reason_text

    assert reason_text("http_4xx", "th", 404) == "ไม่พบหน้า (HTTP 404)"
    assert reason_text("http_4xx", "en", 429) == "too many requests (HTTP 429)"
    assert reason_text("http_5xx", "en", 503) == "server error (HTTP 503)"
    assert reason_text("http_4xx", "en", 418) == "HTTP 418"
    assert reason_text("http_4xx", "th") == "ไม่พบหน้า/ไม่อนุญาต (HTTP 4xx)"  # status unknown


def test_every_losing_code_has_a_remedy_in_both_languages_with_the_same_fields():
    from string import Formatter

    from oit_checker.texts import catalogue

    for code, text in catalogue().items():
        if code.endswith(".ok"):
            continue
        assert text.fix_th and text.fix_en, code
        th_fields = {f[1] for f in Formatter().parse(text.fix_th) if f[1]}
        en_fields = {f[1] for f in Formatter().parse(text.fix_en) if f[1]}
        assert th_fields == en_fields, code


def test_a_broken_resource_gets_the_remedy_of_its_reason():
    from oit_checker.messages import en as en_msgs
    from oit_checker.messages import th as th_msgs
    from oit_checker.texts import remedy

    gone = remedy("reachable.broken", {"reason": "http_4xx", "status": 404}, "th")
    slow = remedy("reachable.broken", {"reason": "timeout", "status": None}, "th")
    assert gone.startswith("ไฟล์หรือหน้านี้ถูกลบหรือย้าย") and slow.startswith("เว็บไซต์ตอบช้า")
    assert remedy("keywords.no_evidence", {"reason": "too_large"}, "en").startswith(
        "The file is too large"
    )
    assert "login" in remedy("reachable.broken_link", {"reason": "http_4xx", "status": 401}, "en")
    generic = remedy("reachable.broken", {"reason": "protocol"}, "th")
    assert generic.startswith("แก้ให้ URL เปิดได้")  # no reason-specific text: the check's own
    assert set(th_msgs.REASON_FIXES) == set(en_msgs.REASON_FIXES)
    assert set(th_msgs.REASON_FIXES) <= set(th_msgs.REASONS)
