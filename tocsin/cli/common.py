"""Helpers the command modules share: dates, error exits, the console."""
from __future__ import annotations

import sys
from datetime import date as Date

import typer
from rich.console import Console

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
