"""Helpers the command modules share: dates, error exits, atomic output, event views, progress, the summary."""
from __future__ import annotations

import json
import re
import sys
from datetime import date as Date
from pathlib import Path

import typer

from ..files import AtomicFile, OutputError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)

# Exit statuses of every command, shown in ``tocsin --help`` and the README.
EXIT_CODES = {0: "success", 1: "the run finished but skipped input, or failed (store locked, unreadable file, output not writable: a full disk)",
              2: "usage error: a bad option, date or path; nothing was done", 3: "an error in tocsin itself",
              130: "interrupted (Ctrl-C)", 143: "terminated (SIGTERM)"}
DATE_HELP = "YYYY-MM-DD"


def stdout_path(path: Path | None) -> bool:
    """``-o -``: write to standard output."""
    return path is not None and str(path) == "-"


def one_line(exc: BaseException) -> tuple[str, int]:
    """A failure that reached the command line, as one line and an exit status (see ``EXIT_CODES``)."""
    import errno

    from ..files import OutputError
    from ..store import BadStore, NoStore, StoreLocked
    from ..store.schema import SchemaError

    def first(e: BaseException) -> str:
        lines = [x.strip() for x in str(e).splitlines() if x.strip()]
        return lines[0] if lines else type(e).__name__

    if isinstance(exc, (StoreLocked, NoStore, BadStore, SchemaError, OutputError)):
        return first(exc), 1
    try:
        import duckdb

        if isinstance(exc, duckdb.Error):
            return f"the store failed: {first(exc)}", 1
    except ImportError:  # pragma: no cover
        pass
    if isinstance(exc, OSError):
        what = exc.strerror or first(exc)
        if exc.errno == errno.ENOSPC:
            what = "no space left on the device"
        return (f"{exc.filename}: {what}" if exc.filename else what), 1
    if isinstance(exc, MemoryError):
        return "out of memory", 1
    frame = None
    tb = exc.__traceback__
    while tb is not None:
        frame, tb = tb, tb.tb_next
    where = f" ({frame.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.tb_lineno})" if frame else ""
    return (f"internal error: {type(exc).__name__}: {first(exc)}{where}; please report it "
            "(TOCSIN_DEBUG=1 shows the traceback)"), 3


def register(app: typer.Typer) -> None:  # this module adds no command
    return None


# -- where input text meets the terminal ---------------------------------------------------------
# Ids, paths, sentences, places and error messages come from the input. Printed as they are, an
# escape sequence in an article retitles the terminal or recolours it, and a "[/x]" in a file
# name is Rich markup that raises. Everything the CLI prints of the input goes through ``esc``
# (inside markup) or ``plain`` (a table cell), and nothing else prints input.
_CONTROL = dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A))
_CONTROL.update(dict.fromkeys(range(0x7F, 0xA0)))
# Bidirectional overrides and isolates reorder what is shown (the "Trojan Source" trick).
_CONTROL.update(dict.fromkeys([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]))


def clean(value: object) -> str:
    """``value`` as text with control characters (escape sequences, bell, bidi overrides) removed."""
    return str(value).translate(_CONTROL)


def esc(value: object) -> str:
    """Input text for a Rich markup string: controls removed, brackets escaped."""
    from rich.markup import escape

    return escape(clean(value))


def plain(value: object):
    """Input text as a Rich Text (a table cell): never read as markup, controls removed."""
    from rich.text import Text

    return Text(clean(value))


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is Ctrl-C or SIGTERM landing inside a DuckDB query: DuckDB reports it as its own error
    ("Query interrupted"), as an InterruptException or, from some calls, a plain RuntimeError."""
    return type(exc).__name__ == "InterruptException" or str(exc).strip().startswith("Query interrupted")


def fail(message: str, code: int = 1) -> None:
    """One line on standard error and exit ``code`` (1: input, store or output unusable; 2: bad option)."""
    err.print(f"[bold red]tocsin:[/] {esc(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date_option(value: str | None, option: str = "--date") -> Date | None:
    """A YYYY-MM-DD option as a date; anything else ends the run with one line and status 2."""
    if value is None:
        return None
    if not _ISO_DATE.fullmatch(value.strip()):
        fail(f"{option} {value!r} is not a date in the form YYYY-MM-DD", 2)
    try:
        return Date.fromisoformat(value.strip())
    except ValueError as exc:  # 2022-02-30
        fail(f"{option} {value!r} is not a date in the form YYYY-MM-DD: {exc}", 2)
    return None


def model_option():
    return typer.Option(None, "--model", envvar="TOCSIN_SPACY_MODEL", metavar="NAME",
                        help="spaCy pipeline to parse with (a package name such as en_core_web_md, or a "
                             "path); default: the one tocsin installs.")


def is_tty() -> bool:
    return sys.stderr.isatty()


class JsonlOutput:
    """JSON Lines to ``path`` written atomically (``tocsin.files.AtomicFile``): renamed over
    it only when the run completes. Without a path, records are kept for display instead."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.shown: list = []
        self._out = None
        self._stdout = stdout_path(path)
        if path is not None and not self._stdout:
            try:
                self._out = AtomicFile(path)
            except OutputError as exc:
                fail(str(exc), 2)

    def add(self, item) -> None:
        if self._out is None and not self._stdout:
            self.shown.append(item)
            return
        record = item.record() if hasattr(item, "record") else item.model_dump(mode="json")
        try:
            (sys.stdout if self._stdout else self._out.file).write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:  # a full disk or device shows when a buffer is flushed, any record
            raise OutputError(f"cannot write {self._name}: {exc.strerror or exc}") from None

    @property
    def _name(self) -> str:
        return "standard output" if self._stdout else str(self.path)

    def commit(self) -> None:
        """Finish the file. Raises ``OutputError`` (the caller reports it once; see ``one_line``)."""
        if self._stdout:
            try:
                sys.stdout.flush()
            except OSError as exc:
                raise OutputError(f"cannot write {self._name}: {exc.strerror or exc}") from None
        elif self._out is not None:
            self._out.commit()

    def discard(self) -> None:
        """Leave whatever was at ``path`` before untouched."""
        if self._out is not None:
            self._out.discard()


def progress_bar(label: str) -> Progress:
    """A bar on standard error, only when a person is watching it."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


def finish(problems: list, summary: str, output: Path | None) -> None:
    """Report what was skipped and the totals; a run that skipped input exits 1."""
    errors = [p for p in problems if getattr(p, "kind", "error") == "error"]
    for p in problems:
        err.print(f"[yellow]skipped[/] {esc(p)}", highlight=False, soft_wrap=True)
    if problems:
        summary += f", {len(problems)} input(s) skipped"
    err.print(esc(summary + (f" -> {'standard output' if stdout_path(output) else output}" if output else "")),
              highlight=False)
    if errors:  # other languages and repeats are choices, not faults: they do not fail the run
        raise typer.Exit(1)
