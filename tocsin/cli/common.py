"""Helpers the command modules share: dates, error exits, atomic output, progress, the summary."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date as Date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)


def register(app: typer.Typer) -> None:  # this module adds no command
    return None


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]tocsin:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_date_option(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        fail(f"--date {value!r} is not a date in the form YYYY-MM-DD", 2)
    return None


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
        if path is not None:
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
        if self._file is not None:
            self._file.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def discard(self) -> None:
        """Leave whatever was at ``path`` before untouched."""
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
    err.print(summary + (f" -> {output}" if output else ""), highlight=False)
    if problems:
        raise typer.Exit(1)
