"""The settings file: ``oit-checker.toml`` or ``[tool.oit-checker]`` in ``pyproject.toml``.

Like lychee.toml or .lighthouserc, it holds what a team passes on every run (the checklist,
formats, gates, fetch bounds) so CI and the admin's laptop run the same check. Keys are the
long flag names (``fail-under``, ``per-host``; ``_`` works too) or the ``RunSettings`` names the
``OIT_*`` variables use (``read_timeout``); a ``[check]``/``[nightly]``/``[discover]`` table holds
keys for that command only. Priority, lowest first: defaults < file < environment < flags.
A wrong key or value is an input error naming the file, line and key (exit 2).
"""

from __future__ import annotations

import argparse
import difflib
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from oit_checker.errors import InputError, raise_all, read_problem

NAMES = ("oit-checker.toml", ".oit-checker.toml")
COMMANDS = ("check", "discover", "nightly", "demo", "report", "submission", "history")
MB = 1024 * 1024


class ConfigError(InputError):
    """A settings file is invalid."""


# flag dest → (RunSettings field, conversion): these go below the environment, not into args
FLAG_SETTINGS: dict[str, tuple[str, Any]] = {
    "lang": ("lang", str),
    "today": ("today", None),
    "concurrency": ("global_limit", int),
    "per_host": ("per_host", int),
    "timeout": ("read_timeout", float),
    "max_size": ("max_bytes", lambda mb: int(mb) * MB),
    "insecure": ("verify_tls", lambda on: not on),
    "ca_bundle": ("ca_bundle", str),
    "browser": ("browser", str),
    "ocr": ("ocr", str),
    "cache": ("cache_dir", str),
}
NOT_IN_FILE = {"run", "command", "action", "config", "submission", "agencies", "paths"}


@dataclass(frozen=True, slots=True)
class Config:
    path: str
    settings: dict[str, Any]  # RunSettings field → value (below the environment)
    flags: dict[str, Any]  # argparse dest → value (used where the flag was not given)
    defaults: dict[str, Any]  # argparse dest → the flag's default (what "not given" looks like)


def find(explicit: str | None, cwd: Path | None = None) -> Path | None:
    """``--config PATH``, else ``oit-checker.toml`` here, else a ``pyproject.toml`` here that
    has a ``[tool.oit-checker]`` table."""
    if explicit:
        return Path(explicit)
    here = cwd or Path.cwd()
    for name in NAMES:
        if (here / name).is_file():
            return here / name
    pyproject = here / "pyproject.toml"
    if pyproject.is_file():
        try:
            text = pyproject.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if re.search(r"^\[tool\.oit-checker(\.|\])", text, re.MULTILINE):
            return pyproject
    return None


def _line(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def load(path: Path, command: str, parser: argparse.ArgumentParser) -> Config:
    """Read ``path`` for ``command`` (whose parser gives the flags, types and choices)."""
    from oit_checker.settings import RunSettings

    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        template, params = read_problem(exc)
        raise ConfigError(template, file=file, params=params) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "not UTF-8 text: {detail}", file=file, params={"detail": exc.reason}
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            "not valid TOML: {detail}",
            file=file,
            line=int(m[1]) if m else None,
            params={"detail": str(exc)},
        ) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("oit-checker", {})
    scoped = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for name in COMMANDS:
        table = data.get(name)
        if name == command and isinstance(table, dict):
            scoped.update(table)
    actions = {a.dest: a for a in parser._actions if a.dest not in NOT_IN_FILE}
    setting_names = {f.name for f in fields(RunSettings)}
    errors: list[InputError] = []
    settings: dict[str, Any] = {}
    flags: dict[str, Any] = {}
    for raw_key, value in scoped.items():
        key = raw_key.replace("-", "_")
        line = _line(text, raw_key)
        try:
            if key in FLAG_SETTINGS and key in actions:
                name, convert = FLAG_SETTINGS[key]
                value = _typed(actions[key], value)
                settings[name] = convert(value) if convert else value
            elif key in actions:
                flags[key] = _typed(actions[key], value)
            elif key in setting_names:
                settings[key] = _setting(RunSettings, key, value)
            elif key not in COMMANDS:
                known = sorted({a.replace("_", "-") for a in actions} | setting_names)
                near = difflib.get_close_matches(raw_key.replace("_", "-"), known, n=1)
                errors.append(
                    ConfigError(
                        "unknown key {key!r} (did you mean {hint!r}?)"
                        if near
                        else "unknown key {key!r}",
                        file=file,
                        line=line,
                        field=raw_key,
                        params={"key": raw_key, **({"hint": near[0]} if near else {})},
                    )
                )
        except (ValueError, TypeError, argparse.ArgumentTypeError) as exc:
            errors.append(
                ConfigError(
                    "invalid value {value!r}: {detail}",
                    file=file,
                    line=line,
                    field=raw_key,
                    params={"value": value, "detail": str(exc)},
                )
            )
    raise_all(errors)
    return Config(file, settings, flags, {k: a.default for k, a in actions.items()})


def _typed(action: argparse.Action, value: Any) -> Any:
    """A file value as the flag would have parsed it: its type, its choices, lists for
    repeatable flags, booleans for switches."""
    if isinstance(action, argparse._StoreTrueAction | argparse._StoreFalseAction):
        if not isinstance(value, bool):
            raise ValueError("use true or false")
        return value
    many = isinstance(action, argparse._AppendAction)
    values = value if isinstance(value, list) else [value]
    if not many and isinstance(value, list):
        raise ValueError("one value, not a list")
    out = []
    for v in values:
        if isinstance(v, dict | list):
            raise ValueError("a single value")
        conv = action.type(str(v)) if callable(action.type) else v
        if action.choices is not None and conv not in action.choices:
            raise ValueError(f"use one of {', '.join(map(str, action.choices))}")
        out.append(conv)
    return out if many else out[0]


def _setting(cls: type, key: str, value: Any) -> Any:
    default = getattr(cls(), key)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError("use true or false")
        return value
    if isinstance(default, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def apply(args: argparse.Namespace, config: Config) -> None:
    """Fill every flag the command line left unset from the file (flags win)."""
    for key, value in config.flags.items():
        current = getattr(args, key, None)
        if current is None or current == config.defaults.get(key):
            setattr(args, key, value)
    args.file_settings = config.settings
