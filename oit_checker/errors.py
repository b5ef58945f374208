"""The exception tree of oit-checker.

Only bad *input* raises; a broken website never does (fetch problems are values on a
``Resource``, see ``model.ErrorKind``)::

    OitError
    ├── InputError(file, line, field)        → exit code 2
    │   ├── ChecklistError
    │   ├── SubmissionError
    │   └── AgenciesError
    └── UsageError                           → exit code 2 (bad flag combination)

Every ``InputError`` names the file, the 1-based line and the field so that an admin can fix
the file without guessing; the CLI prints ``file:line: field: message``.
"""

from __future__ import annotations


class OitError(Exception):
    """Base of every error oit-checker raises on purpose."""


class InputError(OitError):
    """A file the user gave us is unreadable or invalid.

    ``message`` is an English ``str.format`` template that doubles as the message id; Thai
    translations live in ``messages/th.py`` (``ERRORS``), so call sites stay readable and a
    missing translation falls back to English instead of failing.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int | None = None,
        field: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        self.template = message
        self.params = dict(params or {})
        self.message = message.format(**self.params) if self.params else message
        self.file = file
        self.line = line
        self.field = field
        self.all: list[InputError] = [self]  # every error found in the same file (see raise_all)
        super().__init__(self.render("en"))

    def render(self, lang: str = "en") -> str:
        from oit_checker.i18n import error_text

        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f" {self.field}:" if self.field else ""
        return f"{where}:{what} {error_text(self.template, self.params, lang)}"


def raise_all(errors: list[InputError]) -> None:
    """Raise the first of ``errors`` carrying all of them in ``.all``, so one run shows every
    mistake of a file (fix once, not fix–rerun–repeat); no-op when the list is empty."""
    if errors:
        first = errors[0]
        first.all = list(errors)
        raise first


def read_problem(exc: OSError) -> tuple[str, dict[str, object]]:
    """An ``OSError`` on reading an input file → a template with a Thai translation (the
    operating system's own text is English)."""
    import errno

    known = {
        errno.ENOENT: "file not found",
        errno.EACCES: "no permission to read the file",
        errno.EPERM: "no permission to read the file",
        errno.EISDIR: "this is a folder, not a file",
    }
    if exc.errno in known:
        return known[exc.errno], {}
    return "cannot read file: {detail}", {"detail": exc.strerror or str(exc)}


class ChecklistError(InputError):
    """A checklist file (shipped or the user's) is invalid."""


class SubmissionError(InputError):
    """A submission file is invalid."""


class AgenciesError(InputError):
    """An agencies file for ``nightly`` is invalid."""


class UsageError(OitError):
    """A command-line usage problem that argparse cannot see (e.g. a bad --rewrite)."""

    def __init__(self, message: str, params: dict[str, object] | None = None) -> None:
        self.template = message
        self.params = dict(params or {})
        super().__init__(message.format(**self.params) if self.params else message)

    def render(self, lang: str = "en") -> str:
        from oit_checker.i18n import error_text

        return error_text(self.template, self.params, lang)
