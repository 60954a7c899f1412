"""Helpers the command modules share: dates, error exits, atomic output, event views, progress, the summary."""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from datetime import date as Date
from pathlib import Path

import typer

from ..files import publish
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)

# Exit statuses of every command, shown in ``tocsin --help`` and the README.
EXIT_CODES = {0: "success", 1: "the run finished but skipped input, or failed (store locked, unreadable file)",
              2: "usage error: a bad option, date or path; nothing was done", 130: "interrupted (Ctrl-C)"}
DATE_HELP = "YYYY-MM-DD"


def stdout_path(path: Path | None) -> bool:
    """``-o -``: write to standard output."""
    return path is not None and str(path) == "-"


def register(app: typer.Typer) -> None:  # this module adds no command
    return None


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]tocsin:[/] {message}", highlight=False, soft_wrap=True)
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
    """JSON Lines to ``path`` written atomically: into a temporary file beside it, renamed over
    it only when the run completes. Without a path, records are kept for display instead."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.shown: list = []
        self._tmp: str | None = None
        self._file = None
        self._stdout = stdout_path(path)
        if self._stdout:
            self._file = sys.stdout
        elif path is not None:
            if path.parent and not path.parent.exists():
                fail(f"cannot write {path}: folder {path.parent} does not exist", 2)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
            self._file = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, item) -> None:
        if self._file is None:
            self.shown.append(item)
        else:
            record = item.record() if hasattr(item, "record") else item.model_dump(mode="json")
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        if self._stdout:
            self._file.flush()
        elif self._file is not None:
            self._file.close()
            publish(self._tmp, self.path)
            self._tmp = None

    def discard(self) -> None:
        """Leave whatever was at ``path`` before untouched."""
        if self._stdout:
            return
        if self._file is not None and not self._file.closed:
            self._file.close()
        if self._tmp is not None:
            os.unlink(self._tmp)
            self._tmp = None


def progress_bar(label: str) -> Progress:
    """A bar on standard error, only when a person is watching it."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


def finish(problems: list, summary: str, output: Path | None) -> None:
    """Report what was skipped and the totals; a run that skipped input exits 1."""
    for p in problems:
        err.print(f"[yellow]skipped[/] {p}", highlight=False, soft_wrap=True)
    if problems:
        summary += f", {len(problems)} input(s) skipped"
    err.print(summary + (f" -> {'standard output' if stdout_path(output) else output}" if output else ""),
              highlight=False)
    if problems:
        raise typer.Exit(1)
