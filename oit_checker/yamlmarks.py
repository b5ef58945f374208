"""YAML → plain Python values plus the line of every value, for errors that name a line.

PyYAML's composer keeps a mark on every node; we construct plain dicts/lists/scalars ourselves
(safe types only) and record ``path → line`` on the way, where a path is a tuple of keys and
list indexes such as ``("items", 3, "checks", 0)``. Duplicate keys, which PyYAML silently
overwrites, are reported instead: a duplicated item in a submission must not vanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from oit_checker.errors import InputError

Path = tuple[str | int, ...]


MAX_YAML_CHARS = 20_000_000  # a submission or checklist is kilobytes; this is generous
MAX_NODES = 200_000  # values after alias expansion: a "billion laughs" stops here
MAX_DEPTH = 100


class YamlTooBigError(ValueError):
    """The document would expand past the bounds (aliases that multiply, or endless nesting)."""


class YamlDuplicateKeyError(ValueError):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line
        super().__init__(f"duplicate key {key!r} (first at line {first_line})")


@dataclass
class Marked:
    """A loaded document: ``data`` and the 1-based line of each path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """Line of ``path`` or of its nearest ancestor that has one."""
        p = tuple(path)
        while True:
            if p in self.lines:
                return self.lines[p]
            if not p:
                return None
            p = p[:-1]


_loader_cls: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Marked:
    """Parse one YAML document; raises ``yaml.YAMLError`` or ``YamlDuplicateKeyError``."""
    loader = _loader_cls(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    marked = Marked(data=None)
    if node is None:
        return marked
    constructor = yaml.SafeLoader("")  # only used to construct safe scalars

    count = 0

    def build(n: yaml.Node, path: Path) -> Any:
        nonlocal count
        count += 1
        if count > MAX_NODES or len(path) > MAX_DEPTH:
            raise YamlTooBigError(f"more than {MAX_NODES} values or {MAX_DEPTH} levels")
        marked.lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            constructor.flatten_mapping(n)
            out: dict[Any, Any] = {}
            first: dict[Any, int] = {}
            for k_node, v_node in n.value:
                key = build(k_node, (*path, "<key>"))
                if isinstance(key, list | dict):
                    key = str(key)
                if key in out:
                    raise YamlDuplicateKeyError(str(key), k_node.start_mark.line + 1, first[key])
                first[key] = k_node.start_mark.line + 1
                out[key] = build(v_node, (*path, key))
            marked.lines.pop((*path, "<key>"), None)
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(child, (*path, i)) for i, child in enumerate(n.value)]
        return constructor.construct_object(n, deep=True)

    marked.data = build(node, ())
    return marked


def _tab_at(text: str, line: int, column: int) -> bool:
    """PyYAML's "found character '\\t' that cannot start any token" never says *tab*: the
    admin sees no difference between a tab and spaces, so name it."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return False
    row = lines[line]
    return "\t" in row[: column + 1] or (column < len(row) and row[column] == "\t")


def parse(text: str, file: str, error: type[InputError], *, key_field: str = "{key}") -> Marked:
    """:func:`load`, with YAML problems raised as ``error`` naming the file and the line.

    One place for what every loader (checklist, submission, waivers) must say about a
    duplicated key or broken YAML.
    """
    if len(text) > MAX_YAML_CHARS:
        raise error(
            "file too large for a YAML input ({size} characters; at most {limit})",
            file=file,
            params={"size": len(text), "limit": MAX_YAML_CHARS},
        )
    try:
        return load(text)
    except YamlTooBigError as exc:
        raise error(
            "the YAML expands too far (aliases or nesting): {detail}",
            file=file,
            params={"detail": str(exc)},
        ) from exc
    except YamlDuplicateKeyError as exc:
        raise error(
            "duplicate key {key!r} (first at line {first})",
            file=file,
            line=exc.line,
            field=key_field.format(key=exc.key),
            params={"key": exc.key, "first": exc.first_line},
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and _tab_at(text, mark.line, mark.column):
            raise error(
                "a tab character at column {column}: YAML indents with spaces only "
                "(replace the tab with spaces)",
                file=file,
                line=mark.line + 1,
                params={"column": mark.column + 1},
            ) from exc
        raise error(
            "not valid YAML: {detail}",
            file=file,
            line=(mark.line + 1) if mark else None,
            params={"detail": str(getattr(exc, "problem", exc))},
        ) from exc
