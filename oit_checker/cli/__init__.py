"""The command line: the top-level parser, dispatch, and the one exit-code table.

Exit codes (DESIGN "Command line"):

====  ===================================================================================
0     ran, and every gate held (with no gate flag, a completed run exits 0 whatever the score)
1     ran, and a gate failed (``--fail-under``, ``--require``, ``--baseline`` …)
2     bad input or usage: unreadable/invalid submission or checklist, unknown item or
      checklist; the message names the file, line and field
3     an unexpected internal error (a bug), reported in one line
====  ===================================================================================

A website that is down is a finding in the report, never an exit code. The codes are named
once, in :class:`oit_checker.gate.Exit`; commands return those names.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from oit_checker import __version__
from oit_checker.cli import _lean  # noqa: F401  (first: before httpx or pydantic load)
from oit_checker.cli._common import add_common_flags, print_errors, set_verbosity
from oit_checker.errors import InputError, UsageError
from oit_checker.gate import Exit
from oit_checker.i18n import default_lang, say


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, its help in ``lang`` (default: ``OIT_LANG``, else Thai)."""
    from oit_checker.cli import check, checklists, demo, discover, nightly, report, submission
    from oit_checker.cli.help_th import Parser, localize

    parser = Parser(prog="oit-checker")
    parser.add_argument("--version", action="version", version=f"oit-checker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    check.add_parser(sub)
    discover.add_parser(sub)
    demo.add_parser(sub)
    checklists.add_parser(sub)
    report.add_parser(sub)
    nightly.add_parser(sub)
    submission.add_parser(sub)
    for leaf in _leaves(parser):
        add_common_flags(leaf)
    localize(parser, lang or default_lang())
    return parser


def _leaves(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser that runs a command (``check``, ``checklists list`` …)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [parser]
    return [leaf for a in subs for sp in a.choices.values() for leaf in _leaves(sp)]


def _command_parser(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.ArgumentParser:
    """The leaf parser the command line chose (``checklists show`` → its own parser)."""
    current = parser
    for word in argv:
        subs = [a for a in current._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            break
        if word in subs[0].choices:
            current = subs[0].choices[word]
    return current


def _with_config(
    parser: argparse.ArgumentParser, argv: list[str], args: argparse.Namespace
) -> None:
    """Settings file values for every flag left unset (defaults < file < environment < flags)."""
    from oit_checker import config

    path = config.find(getattr(args, "config", None))
    if path is None:
        return
    command = getattr(args, "command", "") or ""
    config.apply(args, config.load(path, command, _command_parser(parser, argv)))


def _lang(args: argparse.Namespace) -> str:
    """Flag > OIT_LANG > settings file > Thai."""
    import os

    if getattr(args, "lang", None):
        return str(args.lang)
    if os.environ.get("OIT_LANG"):
        return default_lang()
    return str(getattr(args, "file_settings", {}).get("lang") or "th")


def _argv_lang(argv: Sequence[str]) -> str | None:
    """``--lang en`` / ``--lang=en`` anywhere in ``argv``: the help must follow it even though
    argparse prints ``--help`` before it has parsed the rest."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def run() -> NoReturn:
    """The ``oit-checker`` command and ``python -m oit_checker``: :func:`main`, then a fast
    exit.

    Once the report is written, tearing the interpreter down (freeing every object of a run,
    module by module) took 0.45–0.65 s — longer than many a check. The exit hooks still run
    (temporary folders, logging, coverage), the standard streams are flushed, and the
    process then ends at once. A thread that is still working gets the ordinary exit, which
    waits for it. ``main`` itself returns normally, for callers that embed it.
    """
    code = main()
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        raise SystemExit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`| head`), a closed stream
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_argv_lang(argv))
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or default_lang()
    try:
        _with_config(parser, argv, args)
        lang = _lang(args)
        if hasattr(args, "lang"):  # every command then reads one answer (flag > env > file)
            args.lang = lang
        set_verbosity(args)
        code = int(args.run(args))
        runtime = sys.modules.get("oit_checker.runtime")  # loaded only if the run extracted
        if runtime is not None:
            runtime.close_pools()
        return code
    except (InputError, UsageError) as exc:  # messages in Thai unless --lang en / OIT_LANG=en
        print_errors(exc, lang)
        return Exit.INPUT
    except KeyboardInterrupt:
        print(f"oit-checker: {say(lang, 'ถูกขัดจังหวะ', 'interrupted')}", file=sys.stderr)
        return Exit.INTERRUPTED
    except Exception as exc:  # a bug: one line, and never the gate's exit code 1
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"oit-checker: internal error: {type(exc).__name__}: {exc} "
            f"({Path(where.filename).name}:{where.lineno}); please report it",
            file=sys.stderr,
        )
        return Exit.INTERNAL
