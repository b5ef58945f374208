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
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from oit_checker import __version__
from oit_checker.errors import InputError, UsageError
from oit_checker.gate import Exit
from oit_checker.i18n import default_lang


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
    localize(parser, lang or default_lang())
    return parser


def _argv_lang(argv: Sequence[str]) -> str | None:
    """``--lang en`` / ``--lang=en`` anywhere in ``argv``: the help must follow it even though
    argparse prints ``--help`` before it has parsed the rest."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_argv_lang(argv))
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or default_lang()
    try:
        code = int(args.run(args))
        runtime = sys.modules.get("oit_checker.runtime")  # loaded only if the run extracted
        if runtime is not None:
            runtime.close_pools()
        return code
    except (InputError, UsageError) as exc:  # messages in Thai unless --lang en / OIT_LANG=en
        for each in getattr(exc, "all", [exc]):  # every error of the file, not only the first
            print(f"oit-checker: error: {each.render(lang)}", file=sys.stderr)
        return Exit.INPUT
    except KeyboardInterrupt:
        print("oit-checker: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except Exception as exc:  # a bug: one line, and never the gate's exit code 1
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"oit-checker: internal error: {type(exc).__name__}: {exc} "
            f"({Path(where.filename).name}:{where.lineno}); please report it",
            file=sys.stderr,
        )
        return Exit.INTERNAL
