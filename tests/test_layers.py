"""The arrows of DESIGN's flow point one way: a stage never imports a later stage.

Each rule names a package (or module) and the parts of the tool it must not import, at module
level or inside a function. A new arrow the wrong way fails here with the file and the import.
"""

import ast
from pathlib import Path

import oit_checker

ROOT = Path(oit_checker.__file__).parent
LATER = ("engine", "evidence", "runtime", "nightly", "cli", "reporters", "history", "gate")

# module prefix → prefixes it must never import
RULES = {
    "model": ("",),  # imports nothing else from oit_checker
    "params": ("",),
    "messages": ("",),
    "i18n": ("checks", "waivers", "texts", "reporters", *LATER),
    "errors": ("checks", "reporters", *LATER),
    "thaitext": ("checks", "extract", "fetch", *LATER),
    "thaidate": ("checks", "extract", "fetch", *LATER),
    "fetch": ("extract", "checks", "checklist", "discover", "follow", "score", *LATER),
    "extract": ("checks", "checklist", "discover", "follow", "score", *LATER),
    "checks": ("fetch", "extract", "checklist", "discover", "score", "texts", *LATER),
    "checklist": ("fetch", "extract", "discover", "score", "texts", *LATER),
    "submission": ("fetch", "extract", "checks", "discover", *LATER),
    "score": ("fetch", "extract", "checks", "discover", "texts", *LATER),
    "reportfile": ("fetch", "extract", "engine", "runtime", "cli", "reporters", "history"),
    "reporters": ("fetch", "extract", "engine", "evidence", "runtime", "cli", "history", "nightly"),
    "history": ("fetch", "extract", "engine", "runtime", "cli", "reporters", "nightly"),
    "gate": ("fetch", "extract", "engine", "runtime", "cli", "reporters", "history"),
    "discover.layout": ("fetch", "extract", "engine", "runtime", "cli", "reporters"),
    "discover.ids": ("",),
}


def _name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "oit_checker":
                out.update(a.name for a in node.names)
            elif node.module.startswith("oit_checker."):
                out.add(node.module.removeprefix("oit_checker."))
        elif isinstance(node, ast.Import):
            out.update(
                a.name.removeprefix("oit_checker.")
                for a in node.names
                if a.name.startswith("oit_checker.")
            )
    return out


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        mod = _name(path)
        for prefix, banned in RULES.items():
            if not _under(mod, prefix):
                continue
            for imp in _imports(path):
                if _under(imp, prefix.split(".")[0]) and banned != ("",):
                    continue  # inside its own package
                if banned == ("",) or any(_under(imp, b) for b in banned):
                    if banned == ("",) and _under(imp, mod.split(".")[0]):
                        continue
                    found.append(f"{path.relative_to(ROOT)} imports oit_checker.{imp}")
    return found


def test_no_stage_imports_a_later_stage():
    assert violations() == []


def test_the_guard_sees_a_wrong_arrow(tmp_path, monkeypatch):
    bad = ROOT / "model.py"
    src = bad.read_text(encoding="utf-8")
    monkeypatch.setattr(
        Path,
        "read_text",
        lambda self, encoding=None: (
            src + "\nfrom oit_checker.engine import run_check\n"
            if self == bad
            else Path.open(self, encoding=encoding).read()
        ),
    )
    assert any("model.py imports oit_checker.engine" in v for v in violations())
