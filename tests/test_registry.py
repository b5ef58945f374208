"""The registry is explicit and complete: every check module is registered, documented, has a
typed Params model, and has a test file with at least one pass and one fail case."""

import ast
import dataclasses
import pkgutil
from pathlib import Path

import oit_checker
from oit_checker import checks
from oit_checker.params import Params

TESTS = Path(__file__).parent / "checks"


def modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(checks.__path__) if not m.name.startswith("_")
    )


def test_every_module_is_registered_and_nothing_else():
    assert modules() == sorted(checks.REGISTRY)


def test_every_check_has_a_docstring_params_and_scope():
    for spec in checks.REGISTRY.values():
        assert len(spec.doc) > 80, spec.id
        assert issubclass(spec.params, Params), spec.id
        assert spec.scope in ("url", "item")


def test_every_check_has_pass_and_fail_tests():
    for check_id in checks.REGISTRY:
        path = TESTS / f"test_{check_id}.py"
        assert path.exists(), f"missing {path.name}"
        src = path.read_text(encoding="utf-8")
        names = [n.name for n in ast.walk(ast.parse(src)) if isinstance(n, ast.FunctionDef)]
        assert any("pass" in n for n in names), check_id
        assert any("fail" in n for n in names), check_id


def test_did_you_mean():
    assert checks.suggest("keyword") == "keywords"
    assert checks.suggest("reachble") == "reachable"
    assert checks.suggest("zzz") is None


def test_public_api_is_honest():
    for name in oit_checker.__all__:
        assert hasattr(oit_checker, name), name
    assert sorted(oit_checker._LAZY) == sorted(n for n in oit_checker.__all__ if n != "__version__")


def _fields(template: str) -> set[str]:
    import string

    return {f[1] for f in string.Formatter().parse(template) if f[1]}


def _emitted_codes(module_path: Path) -> set[str]:
    """Message codes a check module passes to the outcome helpers (string literals)."""
    helpers = {"passed", "failed", "warned", "manual", "outcome", "not_found"}
    out = set()
    for node in ast.walk(ast.parse(module_path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in helpers:
            for arg in node.args:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and "." in arg.value
                ):
                    out.add(arg.value)
    return out


def test_every_message_code_has_thai_and_english_text_with_the_same_fields():
    from oit_checker import waivers

    texts = {**checks.messages(), **waivers.MESSAGES}
    assert len(texts) > 30
    for code, text in texts.items():
        assert text.th and text.en, code
        assert _fields(text.th) == _fields(text.en), code
        assert _fields(text.fix_th) == _fields(text.fix_en), code
        if not code.endswith(".ok"):  # what fails or needs a person says how to fix it
            assert text.fix_th and text.fix_en, f"{code} has no remedy"


def test_every_code_a_check_emits_is_declared_by_that_check():
    for name in modules():
        spec = checks.REGISTRY[name]
        emitted = _emitted_codes(Path(checks.__file__).parent / f"{name}.py")
        assert emitted, name
        for code in emitted:
            assert code.startswith(name + "."), (name, code)
            assert code in spec.messages, f"{code} has no Thai/English text in {name}.py"


def test_a_code_without_text_is_caught(monkeypatch):
    """The guard above is real: a module that emits an undeclared code fails it."""
    spec = checks.REGISTRY["keywords"]
    monkeypatch.setitem(checks.REGISTRY, "keywords", dataclasses.replace(spec, messages={}))
    try:
        test_every_code_a_check_emits_is_declared_by_that_check()
    except AssertionError as exc:
        assert "keywords" in str(exc)
    else:
        raise AssertionError("an undeclared code went unnoticed")


def test_checks_describe_themselves_in_their_own_module():
    for module in checks.MODULES:
        assert module.SCOPE in ("url", "item"), module.__name__
        assert issubclass(module.PARAMS, Params), module.__name__
        assert module.MESSAGES, module.__name__
