"""The registry is explicit and complete: every check module is registered, documented, has a
typed Params model, and has a test file with at least one pass and one fail case."""

import ast
import pkgutil
from pathlib import Path

import oit_checker
from oit_checker import checks
from oit_checker.checks._base import Params

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
