"""Flags shared by commands that run the engine, and the one place settings are merged."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from oit_checker import reporters
from oit_checker.errors import UsageError
from oit_checker.gate import Exit
from oit_checker.i18n import LANGS
from oit_checker.model import Report
from oit_checker.rewrite import Rewrite
from oit_checker.settings import BROWSER_MODES, OCR_MODES, RunSettings, from_env
from oit_checker.urls import BadURL, normalize


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def add_output_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        action="append",
        choices=sorted(reporters.NAMES),
        help="output format (default: table); repeat with one -o each for several outputs",
    )
    p.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="PATH",
        help="write the report here, not stdout (one per --format)",
    )


def output_pairs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """``--format json -o a.json --format junit -o j.xml`` → [(json, a.json), (junit, j.xml)]."""
    formats = args.format or ["table"]
    outputs = args.output or []
    if len(formats) == 1 and len(outputs) <= 1:
        pairs: list[tuple[str, str | None]] = [(formats[0], outputs[0] if outputs else None)]
    elif len(outputs) != len(formats):
        raise UsageError(
            "give one -o PATH for each --format ({formats} formats, {outputs} paths)",
            {"formats": len(formats), "outputs": len(outputs)},
        )
    else:
        pairs = list(zip(formats, outputs, strict=True))
    for fmt, path in pairs:
        if reporters.is_binary(fmt) and path is None:
            raise UsageError("--format {fmt} writes a file: add -o PATH", {"fmt": fmt})
    return pairs


def emit(report: Report, args: argparse.Namespace, lang: str) -> int:
    """Render and write every requested output; one that fails does not stop the others.

    Returns 0, or the exit code of the worst failure: ``INPUT`` (2) for a path that cannot
    be written, ``INTERNAL`` (3) for a reporter that broke — never the gate's 1.
    """
    worst = 0
    for fmt, path in output_pairs(args):
        options = reporters.Options(
            lang=lang, color=use_color() and not path, width=terminal_width(path)
        )
        try:
            data = reporters.render(fmt, report, options)
        except Exception as exc:  # a reporter bug costs this output only
            _output_failed(fmt, path, f"{type(exc).__name__}: {exc}", lang)
            worst = max(worst, Exit.INTERNAL)
            continue
        try:
            write_output(data, path)
        except OSError as exc:
            _output_failed(fmt, path, exc.strerror or str(exc), lang)
            worst = max(worst, Exit.INPUT)
    return worst


def _output_failed(fmt: str, path: str | None, detail: str, lang: str) -> None:
    where = path or "stdout"
    text = (
        f"เขียนรายงาน {fmt} ที่ {where} ไม่ได้: {detail} (รายงานรูปแบบอื่นเขียนแล้ว)"
        if lang == "th"
        else f"cannot write the {fmt} report to {where}: {detail} (the other outputs were written)"
    )
    print(f"oit-checker: {'ข้อผิดพลาด' if lang == 'th' else 'error'}: {text}", file=sys.stderr)


def add_run_flags(p: argparse.ArgumentParser) -> None:
    add_output_flags(p)
    add_fetch_flags(p)


def add_fetch_flags(p: argparse.ArgumentParser) -> None:
    """Language, date and the bounds of every fetch: shared by every command that crawls."""
    p.add_argument("--lang", choices=LANGS, default=None, help="message language (default th)")
    p.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="date used by every recency rule (default: today in Asia/Bangkok)",
    )
    p.add_argument("--concurrency", type=int, metavar="N", help="global fetch limit (32)")
    p.add_argument("--per-host", type=int, metavar="N", help="fetches per host at once (4)")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="read time-out per attempt in seconds (30); each download attempt ends after 60 s "
        "and each URL, retries included, after 90 s (OIT_DEADLINE, OIT_TOTAL_DEADLINE)",
    )
    p.add_argument("--max-size", type=int, metavar="MB", help="size cap per file in MB (50)")
    p.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    p.add_argument("--ca-bundle", metavar="PATH", help="extra CA bundle for TLS verification")
    p.add_argument(
        "--browser",
        choices=BROWSER_MODES,
        help="draw pages in headless Chromium: auto (only script-drawn pages, default), "
        "never, always",
    )
    p.add_argument(
        "--ocr",
        choices=OCR_MODES,
        help="read scanned PDFs and pictures with Tesseract (Thai): auto (where it is "
        "installed, default), never, always (an error if it is not installed)",
    )


VERBOSITY = {"level": 0}  # -1 quiet, 0 normal, 1 verbose: set once per run by set_verbosity


def add_common_flags(p: argparse.ArgumentParser) -> None:
    """Flags every command takes: the settings file and how much to say."""
    p.add_argument(
        "--config",
        metavar="PATH",
        help="settings file (default: oit-checker.toml, or [tool.oit-checker] in pyproject.toml)",
    )
    talk = p.add_mutually_exclusive_group()
    talk.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors (no progress, no summary lines)",
    )
    talk.add_argument(
        "-v", "--verbose", action="store_true", help="print every fetch and decision as it happens"
    )


def set_verbosity(args: argparse.Namespace) -> None:
    VERBOSITY["level"] = (
        -1 if getattr(args, "quiet", False) else int(bool(getattr(args, "verbose", False)))
    )


def print_errors(exc: Exception, lang: str) -> None:
    """Every error an input or usage error carries (``InputError.all``), one line each."""
    word = "ข้อผิดพลาด" if lang == "th" else "error"
    for each in getattr(exc, "all", [exc]):
        print(f"oit-checker: {word}: {each.render(lang)}", file=sys.stderr)


def note(text: str) -> None:
    """A status line for people on stderr (``oit-checker: …``), silenced by ``-q``."""
    if VERBOSITY["level"] >= 0:
        print(f"oit-checker: {text}", file=sys.stderr)


def fetch_settings(args: argparse.Namespace) -> RunSettings:
    """:func:`settings_from` for a command that fetches: the TLS context starts building on
    a helper thread now, while the command imports its machinery and loads its inputs."""
    from oit_checker.fetch.tls import warm

    settings = settings_from(args)
    warm(settings.verify_tls, settings.ca_bundle)
    return settings


def settings_from(args: argparse.Namespace) -> RunSettings:
    """defaults < settings file < OIT_* environment < flags, merged once (STYLE habit 5)."""
    base = from_env(base=RunSettings().merged(getattr(args, "file_settings", {})))
    settings = base.merged(
        {
            "lang": args.lang,
            "today": args.today,
            "global_limit": args.concurrency,
            "per_host": args.per_host,
            "read_timeout": args.timeout,
            "max_bytes": args.max_size * 1024 * 1024 if args.max_size else None,
            "verify_tls": False if args.insecure else None,
            "ca_bundle": args.ca_bundle,
            "browser": args.browser,
            "ocr": getattr(args, "ocr", None),
            "cache_dir": getattr(args, "cache", None),
        }
    )
    if settings.cache_dir is not None and getattr(args, "cache", None) is not None:
        _usable_cache(settings.cache_dir)
    if settings.browser == "always":
        from oit_checker.fetch.browser import browser_problem

        why = browser_problem(settings.browser_path)
        if why:
            raise UsageError("--browser always: {detail}", {"detail": why})
    if settings.ocr == "always":
        from oit_checker.extract.ocr import HOW_TO_ENABLE, problem

        if problem():
            raise UsageError(
                "--ocr always: {detail} ({how})", {"detail": problem(), "how": HOW_TO_ENABLE}
            )
    return settings


def _usable_cache(folder: str) -> None:
    """``--cache DIR`` must be a folder this user owns and may write, said before the crawl:
    its entries are unpickled, so a folder that belongs to another user is never read."""
    import os

    from oit_checker.fetch.cache import HttpCache

    try:
        HttpCache(folder)
        owner = os.stat(folder).st_uid
    except (FileExistsError, NotADirectoryError):
        raise UsageError("--cache {path}: a file, not a folder", {"path": folder}) from None
    except OSError as exc:
        raise UsageError(
            "--cache {path}: cannot use the folder: {detail}",
            {"path": folder, "detail": exc.strerror or str(exc)},
        ) from None
    if owner != os.getuid():
        raise UsageError("--cache {path}: the folder belongs to another user", {"path": folder})


def parse_rewrites(values: list[str] | None) -> list[Rewrite]:
    out = []
    for value in values or []:
        src, sep, dst = value.partition("=")
        try:
            if not sep:
                raise BadURL("expected FROM=TO")
            normalize(src)
            normalize(dst)
        except BadURL as exc:
            raise UsageError(
                "--rewrite {value!r}: {detail}", {"value": value, "detail": str(exc)}
            ) from None
        out.append(Rewrite(src.strip(), dst.strip()))
    return out


def write_output(data: str | bytes, path: str | None) -> None:
    """Write to ``path`` through a temporary file and a rename: a failure half-way never
    leaves a truncated report where the previous good one was."""
    if path:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        target = Path(path)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(raw)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.write(data)
        sys.stdout.flush()


def terminal_width(path: str | None) -> int:
    """The terminal's width for a table shown on it (``COLUMNS`` honoured); 120 for files and
    pipes, so saved output is stable."""
    if path or not sys.stdout.isatty():
        return int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 120
    import shutil

    return max(60, shutil.get_terminal_size((120, 24)).columns)


def use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and not os.environ.get("CI")


def show_progress() -> bool:
    if VERBOSITY["level"] != 0:  # quiet: nothing; verbose: lines, not a redrawn bar
        return False
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR") and not os.environ.get("CI")
