"""The ``tocsin`` command. Each module in this package adds its commands via ``register(app)``;
every command builds one ``tocsin.app.Tocsin`` from its options and calls it."""
from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Optional

import typer
from typer import core as _typer_core

from .common import EXIT_CODES

_EPILOG = "Exit status: " + "; ".join(f"{code} {what}" for code, what in EXIT_CODES.items()) + "."

app = typer.Typer(
    name="tocsin",
    help="Political event data from the news: who did what to whom, when, where, how sure.",
    epilog=_EPILOG,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

# Typer (0.2x) shows a type placeholder beside every option, "<bool>" even beside an on/off flag,
# which takes no value: a flag shows none. An argument's help already says what it takes.
if hasattr(_typer_core.TyperOption, "display_type_rich"):
    _display_type_rich = _typer_core.TyperOption.display_type_rich

    def _flag_takes_no_value(self, ctx):
        return None if self.is_flag else _display_type_rich(self, ctx)

    _typer_core.TyperOption.display_type_rich = _flag_takes_no_value
    _typer_core.TyperArgument.display_type_rich = lambda self, ctx: None


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"tocsin {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                                  help="Print the version and exit.")) -> None:
    """Political event data from the news: who did what to whom, when, where, how sure."""


for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_mod}").register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("tocsin: interrupted", file=sys.stderr)
        sys.exit(130)
